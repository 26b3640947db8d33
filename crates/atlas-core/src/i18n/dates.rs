//! Dates written the way a language writes them, from the patterns of its language
//! file (`"dates"` in `lang/xx.json`), at the precision the source gives.
use crate::i18n::fill;
use crate::time::{HistoricDate, Span};

/// The placeholders each date pattern may use, by pattern name.
pub const DATE_PATTERNS: [(&str, &[&str]); 13] = [
    ("day", &["day", "month", "month_genitive", "year"]),
    ("month", &["month", "month_genitive", "year"]),
    ("year", &["year"]),
    ("days_in_month", &["day1", "day2", "month", "month_genitive", "year"]),
    ("days_across_months", &["day1", "day2", "month1", "month2", "month_genitive1", "month_genitive2", "year"]),
    ("months_in_year", &["month1", "month2", "month_genitive1", "month_genitive2", "year"]),
    ("range", &["start", "end"]),
    ("quarter1", &["year"]),
    ("quarter2", &["year"]),
    ("quarter3", &["year"]),
    ("quarter4", &["year"]),
    ("half1", &["year"]),
    ("half2", &["year"]),
];

/// How one language writes dates: month names and thirteen patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateStyle {
    /// Month names as written alone ("January", "janvāris", "январь").
    pub months: [String; 12],
    /// Month names as written with a day ("rugsėjo", "сентября"); the same as `months` where a
    /// language does not inflect them.
    pub months_genitive: [String; 12],
    /// A day: `{day} {month} {year}`.
    pub day: String,
    /// A month: `{month} {year}`.
    pub month: String,
    /// A year alone: `{year}`, `{year}. gads`.
    pub year: String,
    /// Days within one month: `{day1}–{day2} {month} {year}`.
    pub days_in_month: String,
    /// Days in different months of one year: `{day1} {month1} – {day2} {month2} {year}`.
    pub days_across_months: String,
    /// Months of one year: `{month1} – {month2} {year}`.
    pub months_in_year: String,
    /// Any other span: `{start} – {end}`.
    pub range: String,
    /// The parts of a year a source may give (see [`crate::time::YearPart`]): the four quarters,
    /// then the two halves (`"late {year}"`, `"first half of {year}"`).
    pub parts: [String; 6],
}

impl DateStyle {
    fn month(&self, month: u8) -> &str {
        &self.months[usize::from(month.clamp(1, 12) - 1)]
    }

    fn month_genitive(&self, month: u8) -> &str {
        &self.months_genitive[usize::from(month.clamp(1, 12) - 1)]
    }

    /// Writes a date at its own precision.
    ///
    /// ```
    /// use atlas_core::i18n::DateStyle;
    /// let en = DateStyle::english();
    /// assert_eq!(en.date(&"1934-09-12".parse().unwrap()), "12 September 1934");
    /// assert_eq!(en.date(&"1920-01".parse().unwrap()), "January 1920");
    /// assert_eq!(en.date(&"1920".parse().unwrap()), "1920");
    /// assert_eq!(en.date(&"1920-36".parse().unwrap()), "late 1920");
    /// assert_eq!(en.date(&"1935-40".parse().unwrap()), "first half of 1935");
    /// ```
    pub fn date(&self, date: &HistoricDate) -> String {
        let year = date.year().to_string();
        match (date.month_number(), date.day_number()) {
            (Some(m), Some(d)) => fill(
                &self.day,
                &[
                    ("day", &d.to_string()),
                    ("month", self.month(m)),
                    ("month_genitive", self.month_genitive(m)),
                    ("year", &year),
                ],
            ),
            (Some(m), None) => fill(
                &self.month,
                &[("month", self.month(m)), ("month_genitive", self.month_genitive(m)), ("year", &year)],
            ),
            _ => match date.year_part() {
                Some(part) => fill(&self.parts[part.index()], &[("year", &year)]),
                None => fill(&self.year, &[("year", &year)]),
            },
        }
    }

    /// Writes a span, sharing what its two ends have in common.
    ///
    /// ```
    /// use atlas_core::i18n::DateStyle;
    /// use atlas_core::Span;
    /// let en = DateStyle::english();
    /// let span = Span::new("1919-09-29".parse().unwrap(), Some("1919-10-01".parse().unwrap()));
    /// assert_eq!(en.span(&span), "29 September – 1 October 1919");
    /// ```
    pub fn span(&self, span: &Span) -> String {
        let Some(end) = span.end.filter(|end| *end != span.start) else {
            return self.date(&span.start);
        };
        let start = span.start;
        let full = || fill(&self.range, &[("start", &self.date(&start)), ("end", &self.date(&end))]);
        if start.year() != end.year() || start.precision() != end.precision() {
            return full();
        }
        let year = start.year().to_string();
        match (start.month_number(), start.day_number(), end.month_number(), end.day_number()) {
            (Some(m), Some(d1), Some(m2), Some(d2)) if m == m2 => fill(
                &self.days_in_month,
                &[
                    ("day1", &d1.to_string()),
                    ("day2", &d2.to_string()),
                    ("month", self.month(m)),
                    ("month_genitive", self.month_genitive(m)),
                    ("year", &year),
                ],
            ),
            (Some(m1), Some(d1), Some(m2), Some(d2)) => fill(
                &self.days_across_months,
                &[
                    ("day1", &d1.to_string()),
                    ("day2", &d2.to_string()),
                    ("month1", self.month(m1)),
                    ("month2", self.month(m2)),
                    ("month_genitive1", self.month_genitive(m1)),
                    ("month_genitive2", self.month_genitive(m2)),
                    ("year", &year),
                ],
            ),
            (Some(m1), None, Some(m2), None) => fill(
                &self.months_in_year,
                &[
                    ("month1", self.month(m1)),
                    ("month2", self.month(m2)),
                    ("month_genitive1", self.month_genitive(m1)),
                    ("month_genitive2", self.month_genitive(m2)),
                    ("year", &year),
                ],
            ),
            _ => full(),
        }
    }

    /// English, as in `lang/en.json`: for code and tests that run without the data files.
    pub fn english() -> DateStyle {
        let months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        .map(str::to_owned);
        DateStyle {
            months_genitive: months.clone(),
            months,
            day: "{day} {month} {year}".into(),
            month: "{month} {year}".into(),
            year: "{year}".into(),
            days_in_month: "{day1}–{day2} {month} {year}".into(),
            days_across_months: "{day1} {month1} – {day2} {month2} {year}".into(),
            months_in_year: "{month1} – {month2} {year}".into(),
            range: "{start} – {end}".into(),
            parts: [
                "early {year}",
                "second quarter of {year}",
                "third quarter of {year}",
                "late {year}",
                "first half of {year}",
                "second half of {year}",
            ]
            .map(str::to_owned),
        }
    }

    /// The pattern called `name` (see [`DATE_PATTERNS`]).
    pub(crate) fn pattern_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "day" => &mut self.day,
            "month" => &mut self.month,
            "year" => &mut self.year,
            "days_in_month" => &mut self.days_in_month,
            "days_across_months" => &mut self.days_across_months,
            "months_in_year" => &mut self.months_in_year,
            "range" => &mut self.range,
            "quarter1" => &mut self.parts[0],
            "quarter2" => &mut self.parts[1],
            "quarter3" => &mut self.parts[2],
            "quarter4" => &mut self.parts[3],
            "half1" => &mut self.parts[4],
            "half2" => &mut self.parts[5],
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span::new(start.parse().expect("date"), end.map(|e| e.parse().expect("date")))
    }

    #[test]
    fn english_dates_keep_their_precision() {
        let en = DateStyle::english();
        assert_eq!(en.span(&span("1934-09-12", None)), "12 September 1934");
        assert_eq!(en.span(&span("1920-01", None)), "January 1920");
        assert_eq!(en.span(&span("1920", None)), "1920");
    }

    #[test]
    fn english_ranges_share_what_they_have_in_common() {
        let en = DateStyle::english();
        assert_eq!(en.span(&span("1919-09-14", Some("1919-09-15"))), "14–15 September 1919");
        assert_eq!(en.span(&span("1919-09-29", Some("1919-10-01"))), "29 September – 1 October 1919");
        assert_eq!(en.span(&span("1923-11-01", Some("1940-06-29"))), "1 November 1923 – 29 June 1940");
        assert_eq!(en.span(&span("1934-09-12", Some("1934-09-12"))), "12 September 1934");
        assert_eq!(en.span(&span("1920-08", Some("1920-09"))), "August – September 1920");
        assert_eq!(en.span(&span("1920", Some("1921-05"))), "1920 – May 1921");
    }
}
