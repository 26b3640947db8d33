//! Every word the interface shows, one table per language, and dates written the
//! way each language writes them.
//!
//! [`UiText`] is a struct, so the compiler refuses a language that lacks a key.
use crate::model::{EventKind, Lang};
use crate::time::{HistoricDate, Precision, Span};

/// The interface's texts in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiText {
    pub app_title: &'static str,
    pub map_label: &'static str,
    pub year: &'static str,
    /// Heading of the list of active events; followed by the year.
    pub active_in: &'static str,
    pub nothing_active: &'static str,
    /// Heading of a city's conferences, in its panel.
    pub conferences_here: &'static str,
    pub no_conferences: &'static str,
    /// Marks a conference of the selected year in a city panel.
    pub in_selected_year: &'static str,
    pub close: &'static str,
    pub sources: &'static str,
    pub note: &'static str,
    pub parties: &'static str,
    pub loading: &'static str,
    pub load_error_title: &'static str,
    pub load_error_hint: &'static str,
    pub legend_city: &'static str,
    pub legend_active_city: &'static str,
    pub legend_treaty: &'static str,
    pub attribution: &'static str,
    pub conference: &'static str,
    pub treaty: &'static str,
    pub declaration: &'static str,
    pub ultimatum: &'static str,
    pub annulment: &'static str,
    pub other: &'static str,
}

impl UiText {
    /// The texts for `lang`.
    pub fn of(lang: Lang) -> &'static UiText {
        match lang {
            Lang::En => &EN,
            Lang::Lv => &EN,
            Lang::Lt => &EN,
            Lang::Et => &EN,
        }
    }

    /// The name of a kind of event.
    pub fn kind(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::Conference => self.conference,
            EventKind::Treaty => self.treaty,
            EventKind::Declaration => self.declaration,
            EventKind::Ultimatum => self.ultimatum,
            EventKind::Annulment => self.annulment,
            EventKind::Other => self.other,
        }
    }
}

const EN: UiText = UiText {
    app_title: "The Baltic Entente, 1919–1940",
    map_label: "Map of the Baltic region with the places of the Baltic Entente",
    year: "Year",
    active_in: "Active in",
    nothing_active: "No conference or treaty in the data for this year.",
    conferences_here: "Conferences held here",
    no_conferences: "No conference in the data was held here.",
    in_selected_year: "in the selected year",
    close: "Close",
    sources: "Sources",
    note: "Note",
    parties: "Parties",
    loading: "Loading the map…",
    load_error_title: "The map could not load its data",
    load_error_hint: "A curator can run `cargo xtask validate` to list every problem in the data files.",
    legend_city: "City",
    legend_active_city: "City with an event in the selected year",
    legend_treaty: "Treaty in force between capitals",
    attribution: "Base geography: Natural Earth (public domain). Events: «Baltijas Antante», Latvian Wikipedia, and the sources named with each event.",
    conference: "Conference",
    treaty: "Treaty",
    declaration: "Declaration",
    ultimatum: "Ultimatum",
    annulment: "Annulment",
    other: "Event",
};

const EN_MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// Writes a date at its own precision: `12 September 1934`, `January 1920`, `1920`.
pub fn format_date(date: &HistoricDate, lang: Lang) -> String {
    let _ = lang;
    let month = |m: u8| EN_MONTHS[usize::from(m - 1)];
    match (date.month_number(), date.day_number()) {
        (Some(m), Some(d)) => format!("{d} {} {}", month(m), date.year()),
        (Some(m), None) => format!("{} {}", month(m), date.year()),
        _ => date.year().to_string(),
    }
}

/// Writes a span, sharing what the two ends have in common:
/// `14–15 September 1919`, `29 September – 1 October 1919`, `1 November 1923 – 29 June 1940`.
pub fn format_span(span: &Span, lang: Lang) -> String {
    let Some(end) = span.end.filter(|end| *end != span.start) else {
        return format_date(&span.start, lang);
    };
    let start = span.start;
    let same_year = start.year() == end.year();
    let same_month = same_year && start.month_number() == end.month_number();
    match (start.precision(), end.precision()) {
        (Precision::Day, Precision::Day) if same_month => {
            format!("{}–{}", start.day_number().unwrap_or(1), format_date(&end, lang))
        }
        (Precision::Day, Precision::Day) | (Precision::Month, Precision::Month) if same_year => {
            let first = format_date(&start, lang);
            let first = first.trim_end_matches(&format!(" {}", start.year())).to_owned();
            format!("{first} – {}", format_date(&end, lang))
        }
        _ => format!("{} – {}", format_date(&start, lang), format_date(&end, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span { start: start.parse().expect("date"), end: end.map(|e| e.parse().expect("date")) }
    }

    #[test]
    fn english_dates_keep_their_precision() {
        assert_eq!(format_span(&span("1934-09-12", None), Lang::En), "12 September 1934");
        assert_eq!(format_span(&span("1920-01", None), Lang::En), "January 1920");
        assert_eq!(format_span(&span("1920", None), Lang::En), "1920");
    }

    #[test]
    fn english_ranges_share_what_they_have_in_common() {
        assert_eq!(format_span(&span("1919-09-14", Some("1919-09-15")), Lang::En), "14–15 September 1919");
        assert_eq!(format_span(&span("1919-09-29", Some("1919-10-01")), Lang::En), "29 September – 1 October 1919");
        assert_eq!(
            format_span(&span("1923-11-01", Some("1940-06-29")), Lang::En),
            "1 November 1923 – 29 June 1940"
        );
        assert_eq!(format_span(&span("1934-09-12", Some("1934-09-12")), Lang::En), "12 September 1934");
    }
}
