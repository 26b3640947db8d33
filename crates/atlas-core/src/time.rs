//! Historical dates that keep the precision the source gives.
//!
//! A source may say "1920", "January 1920" or "12 September 1934". A
//! [`HistoricDate`] keeps exactly that much and no more: it never invents a
//! day that the source does not give.
use std::fmt;
use std::str::FromStr;

/// How much of a date the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
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

/// A date as precise as its source: a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoricDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not an ISO 8601 date of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1920, 1920-01, 1934-09-12)")]
    Format(String),
    #[error("`{0}` has month {1}: months run from 01 to 12")]
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
        Self { year, month: None, day: None }
    }

    /// A date of which the year and month are known.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A date known to the day.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
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
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The earliest day this date can mean.
    pub fn first_day(&self) -> CalendarDay {
        CalendarDay { year: self.year, month: self.month.unwrap_or(1), day: self.day.unwrap_or(1) }
    }

    /// The latest day this date can mean.
    pub fn last_day(&self) -> CalendarDay {
        let month = self.month.unwrap_or(12);
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
        match (month, day) {
            (None, _) => Ok(Self::year_only(year)),
            (Some(m), _) if !(1..=12).contains(&m) => Err(DateError::Month(text.to_owned(), m)),
            (Some(m), None) => Ok(Self { year, month: Some(m), day: None }),
            (Some(m), Some(d)) => {
                Self::day(year, m, d).ok_or_else(|| DateError::Day(text.to_owned(), d, days_in_month(year, m)))
            }
        }
    }
}

impl fmt::Display for HistoricDate {
    /// ISO 8601 at the date's own precision: `1920`, `1920-01`, `1934-09-12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
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
        for text in ["1920", "1920-01", "1934-09-12"] {
            assert_eq!(date(text).to_string(), text);
        }
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
    }

    #[test]
    fn ordering_is_chronological_with_less_precise_first() {
        let mut dates = [date("1934-09-12"), date("1934"), date("1920-01"), date("1934-01")];
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["1920-01", "1934", "1934-01", "1934-09-12"]);
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
