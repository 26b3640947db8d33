//! Tells screen readers the selected year and how many events it has ("1935: 6 events"),
//! politely, when the year changes, without making them hear the whole list again; after a
//! step within a year, the day and what begins on it ("16 June 1940: Soviet ultimatum …").
use leptos::prelude::*;

use crate::browser::plural_category;
use atlas_core::changes::year_view_day;

use crate::state::{use_active_events, use_data, use_locale, use_selection, ActiveEvents};

/// A visually hidden polite live region with the year and its number of events.
#[component]
pub fn YearAnnouncer() -> impl IntoView {
    let selection = use_selection();
    let locale = use_locale();
    let ActiveEvents(active) = use_active_events();
    let data = use_data();
    let message = move || {
        let (text, lang, day) = (locale.text(), locale.lang(), selection.day());
        if day != year_view_day(day.year) {
            // A step within the year: the day, and what begins on it.
            let news: Vec<&str> = data.news_on(day).into_iter().map(|n| n.text(lang)).collect();
            let date = text.shown_date(&data.changes.shown_date(day));
            return if news.is_empty() { date } else { format!("{date}: {}", news.join("; ")) };
        }
        let n = u32::try_from(active.with(Vec::len)).unwrap_or(u32::MAX);
        format!("{}: {}", selection.year(), text.events_in_year(n, plural_category(lang, n)))
    };
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="year-announcer">
            {message}
        </div>
    }
}
