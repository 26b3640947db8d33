//! Historical dates that keep the precision the source gives.
//!
//! A source may say "1920", "at the end of 1920", "January 1920" or "12 September 1934". A
//! [`HistoricDate`] keeps exactly that much and no more: it never invents a
//! day that the source does not give.
use std::fmt;
use std::str::FromStr;

/// How much of a date the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    /// A part of a year: a quarter or a half ("at the end of 1920", "in the first half of 1935").
    Part,
    Month,
    Day,
}

/// One calendar day, ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDay {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CalendarDay {
    /// The day after this one, across the ends of months and years (leap years included).
    ///
    /// ```
    /// use atlas_core::time::CalendarDay;
    /// let day = |year, month, day| CalendarDay { year, month, day };
    /// assert_eq!(day(1939, 8, 31).next(), day(1939, 9, 1));
    /// assert_eq!(day(1940, 2, 28).next(), day(1940, 2, 29));
    /// assert_eq!(day(1922, 12, 31).next(), day(1923, 1, 1));
    /// ```
    pub fn next(self) -> CalendarDay {
        if self.day < days_in_month(self.year, self.month) {
            CalendarDay { day: self.day + 1, ..self }
        } else if self.month < 12 {
            CalendarDay { month: self.month + 1, day: 1, ..self }
        } else {
            CalendarDay { year: self.year + 1, month: 1, day: 1 }
        }
    }
}

impl fmt::Display for CalendarDay {
    /// ISO 8601: `1934-09-12`.
    ///
    /// ```
    /// use atlas_core::time::CalendarDay;
    /// assert_eq!(CalendarDay { year: 1934, month: 9, day: 2 }.to_string(), "1934-09-02");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A part of a year that a source may give instead of a month: a quarter or a half. Written
/// as ISO 8601-2 (EDTF) writes sub-year groupings: `1920-36` is the fourth quarter of 1920 ("at
/// the end of 1920"), `1935-40` the first half of 1935.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearPart {
    /// A quarter, 1–4 (EDTF codes 33–36).
    Quarter(u8),
    /// A half, 1–2 (EDTF codes 40–41).
    Half(u8),
}

impl YearPart {
    /// The part an EDTF sub-year code names, for the codes the atlas knows (33–36, 40–41).
    pub fn from_code(code: u8) -> Option<YearPart> {
        match code {
            33..=36 => Some(YearPart::Quarter(code - 32)),
            40 | 41 => Some(YearPart::Half(code - 39)),
            _ => None,
        }
    }

    /// Its EDTF code.
    pub fn code(self) -> u8 {
        match self {
            YearPart::Quarter(q) => 32 + q,
            YearPart::Half(h) => 39 + h,
        }
    }

    /// Its first and last months.
    pub fn months(self) -> (u8, u8) {
        match self {
            YearPart::Quarter(q) => (3 * q - 2, 3 * q),
            YearPart::Half(h) => (6 * h - 5, 6 * h),
        }
    }

    /// Its place among the six parts a language file names (`"parts"` in `"dates"`): the four
    /// quarters, then the two halves.
    pub fn index(self) -> usize {
        match self {
            YearPart::Quarter(q) => usize::from(q - 1),
            YearPart::Half(h) => usize::from(h + 3),
        }
    }
}

/// A date as precise as its source: a year, a part of a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoricDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    /// A quarter or a half, when that is all the source gives (never with a month).
    part: Option<YearPart>,
}

/// Why a text is not an ISO 8601 date of the form `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a part of a
/// year (`YYYY-33` … `YYYY-36`, `YYYY-40`, `YYYY-41`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error(
        "`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1920, 1920-01, 1934-09-12), or a part \
         of a year as YYYY-33 … YYYY-36 (a quarter: 1920-36 is the end of 1920) or YYYY-40, YYYY-41 (a half)"
    )]
    Format(String),
    #[error(
        "`{0}` has month {1}: months run from 01 to 12 (a part of a year is 33–36 for a quarter, 40–41 for a half)"
    )]
    Month(String, u8),
    #[error("`{0}` has day {1}, but that month has {2} days")]
    Day(String, u8, u8),
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl HistoricDate {
    /// A date of which only the year is known.
    pub fn year_only(year: i32) -> Self {
        Self { year, month: None, day: None, part: None }
    }

    /// A date of which a quarter or a half of the year is known.
    ///
    /// ```
    /// use atlas_core::time::{HistoricDate, YearPart};
    /// let late_1920 = HistoricDate::part(1920, YearPart::Quarter(4));
    /// assert_eq!(late_1920.to_string(), "1920-36");
    /// assert_eq!(late_1920.first_day().to_string(), "1920-10-01");
    /// assert!(late_1920 > "1920-08-06".parse().unwrap(), "after a conference of August 1920");
    /// ```
    pub fn part(year: i32, part: YearPart) -> Self {
        Self { year, month: None, day: None, part: Some(part) }
    }

    /// The quarter or half of the year, when that is all the source gives.
    pub fn year_part(&self) -> Option<YearPart> {
        self.part
    }

    /// A date of which the year and month are known.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None, part: None })
    }

    /// A date known to the day.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
            part: None,
        })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when the source gives it.
    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when the source gives it.
    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.part) {
            (Some(_), Some(_), _) => Precision::Day,
            (Some(_), None, _) => Precision::Month,
            (None, _, Some(_)) => Precision::Part,
            _ => Precision::Year,
        }
    }

    /// The earliest day this date can mean.
    pub fn first_day(&self) -> CalendarDay {
        let first_month = self.part.map_or(1, |part| part.months().0);
        CalendarDay { year: self.year, month: self.month.unwrap_or(first_month), day: self.day.unwrap_or(1) }
    }

    /// The latest day this date can mean.
    pub fn last_day(&self) -> CalendarDay {
        let month = self.month.unwrap_or(self.part.map_or(12, |part| part.months().1));
        CalendarDay { year: self.year, month, day: self.day.unwrap_or_else(|| days_in_month(self.year, month)) }
    }
}

impl FromStr for HistoricDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format_error = || DateError::Format(text.to_owned());
        let number = |part: &str, digits: usize| -> Result<u32, DateError> {
            if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| format_error())
            } else {
                Err(format_error())
            }
        };
        let parts: Vec<&str> = text.split('-').collect();
        let year = number(parts[0], 4)? as i32;
        let month = match parts.get(1) {
            Some(part) => Some(number(part, 2)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(part) => Some(number(part, 2)? as u8),
            None => None,
        };
        if parts.len() > 3 {
            return Err(format_error());
        }
        if let (Some(code), None) = (month, day) {
            if let Some(part) = YearPart::from_code(code) {
                return Ok(Self::part(year, part));
            }
        }
        match (month, day) {
            (None, _) => Ok(Self::year_only(year)),
            (Some(m), _) if !(1..=12).contains(&m) => Err(DateError::Month(text.to_owned(), m)),
            (Some(m), None) => Ok(Self { year, month: Some(m), day: None, part: None }),
            (Some(m), Some(d)) => {
                Self::day(year, m, d).ok_or_else(|| DateError::Day(text.to_owned(), d, days_in_month(year, m)))
            }
        }
    }
}

impl fmt::Display for HistoricDate {
    /// ISO 8601 at the date's own precision: `1920`, `1920-36` (a part of the year, as EDTF
    /// writes it), `1920-01`, `1934-09-12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(part) = self.part {
            write!(f, "-{}", part.code())?;
        }
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl PartialOrd for HistoricDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HistoricDate {
    /// Chronological: by the first day meant, then the less precise first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day().cmp(&other.first_day()).then(self.precision().cmp(&other.precision()))
    }
}

/// The time an event covers: from its start to its end (or through its start
/// period, when no end is given), or with no known end at all (`open_ended`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: HistoricDate,
    pub end: Option<HistoricDate>,
    /// The data says `"end": "open"`: in force with no end the sources give (a treaty that
    /// never formally lapsed). Then `end` is `None` and the span runs past every date.
    pub open_ended: bool,
}

/// The last day of an open-ended span: later than any date of the story.
pub const OPEN_END: CalendarDay = CalendarDay { year: 9999, month: 12, day: 31 };

impl Span {
    /// A span from `start` to `end` (or through `start`'s period, when `end` is `None`).
    ///
    /// ```
    /// use atlas_core::time::{HistoricDate, Span};
    /// let day: HistoricDate = "1934-09-12".parse().unwrap();
    /// assert_eq!(Span::new(day, None).last_day(), day.last_day());
    /// assert!(Span::open(day).contains_day(atlas_core::time::CalendarDay { year: 1950, month: 1, day: 1 }));
    /// ```
    pub fn new(start: HistoricDate, end: Option<HistoricDate>) -> Span {
        Span { start, end, open_ended: false }
    }

    /// A span from `start` with no end (see [`Span::open_ended`]).
    pub fn open(start: HistoricDate) -> Span {
        Span { start, end: None, open_ended: true }
    }

    pub fn first_day(&self) -> CalendarDay {
        self.start.first_day()
    }

    /// The last day covered; [`OPEN_END`] for an open-ended span.
    pub fn last_day(&self) -> CalendarDay {
        if self.open_ended {
            return OPEN_END;
        }
        self.end.unwrap_or(self.start).last_day()
    }

    /// Whether the span overlaps the calendar year `year`.
    pub fn overlaps_year(&self, year: i32) -> bool {
        self.first_day().year <= year && self.last_day().year >= year
    }

    /// Whether the span covers the given day.
    pub fn contains_day(&self, day: CalendarDay) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> HistoricDate {
        text.parse().expect("valid date")
    }

    #[test]
    fn parses_each_precision_and_writes_it_back() {
        for text in ["1920", "1920-36", "1935-40", "1920-01", "1934-09-12"] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(date("1920-36").precision(), Precision::Part);
        assert_eq!(date("1920").precision(), Precision::Year);
        assert_eq!(date("1920-01").precision(), Precision::Month);
        assert_eq!(date("1934-09-12").precision(), Precision::Day);
    }

    #[test]
    fn rejects_malformed_dates_with_the_reason() {
        assert!(matches!("1934-9-12".parse::<HistoricDate>(), Err(DateError::Format(_))));
        assert!(matches!("12.09.1934".parse::<HistoricDate>(), Err(DateError::Format(_))));
        assert!(matches!("".parse::<HistoricDate>(), Err(DateError::Format(_))));
        assert!(matches!("1934-09-12-01".parse::<HistoricDate>(), Err(DateError::Format(_))));
        assert_eq!("1934-13".parse::<HistoricDate>(), Err(DateError::Month("1934-13".into(), 13)));
        assert_eq!(
            "1934-21".parse::<HistoricDate>(),
            Err(DateError::Month("1934-21".into(), 21)),
            "seasons are not known"
        );
        assert!(matches!("1934-36-01".parse::<HistoricDate>(), Err(DateError::Day(..) | DateError::Month(..))));
        assert_eq!("1939-02-29".parse::<HistoricDate>(), Err(DateError::Day("1939-02-29".into(), 29, 28)));
        assert!("1940-02-29".parse::<HistoricDate>().is_ok(), "1940 was a leap year");
    }

    #[test]
    fn first_and_last_day_follow_precision() {
        let jan = date("1920-01");
        assert_eq!(jan.first_day(), CalendarDay { year: 1920, month: 1, day: 1 });
        assert_eq!(jan.last_day(), CalendarDay { year: 1920, month: 1, day: 31 });
        assert_eq!(date("1940").last_day(), CalendarDay { year: 1940, month: 12, day: 31 });
        assert_eq!(date("1940-02").last_day().day, 29);
        assert_eq!(date("1935-40").first_day(), CalendarDay { year: 1935, month: 1, day: 1 });
        assert_eq!(date("1935-40").last_day(), CalendarDay { year: 1935, month: 6, day: 30 });
        assert_eq!(date("1920-36").last_day(), CalendarDay { year: 1920, month: 12, day: 31 });
    }

    #[test]
    fn ordering_is_chronological_with_less_precise_first() {
        let mut dates = [date("1934-09-12"), date("1934"), date("1920-01"), date("1934-01"), date("1934-40")];
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["1920-01", "1934", "1934-40", "1934-01", "1934-09-12"]);
        // "At the end of 1920" sorts after the January conference and the one of August 1920.
        let mut dates = [date("1920-36"), date("1920-08-06"), date("1920-01")];
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["1920-01", "1920-08-06", "1920-36"]);
    }

    #[test]
    fn a_treaty_span_covers_every_year_until_its_end() {
        let alliance = Span::new(date("1923-11-01"), Some(date("1940-06-29")));
        assert!(!alliance.overlaps_year(1922));
        assert!((1923..=1940).all(|y| alliance.overlaps_year(y)));
        assert!(!alliance.overlaps_year(1941));
        let signing = Span::new(date("1934-02-17"), None);
        assert!(signing.overlaps_year(1934) && !signing.overlaps_year(1935));
    }
}
