//! Tells screen readers the selected year and how many events it has ("1935: 6 events"),
//! politely, when the year changes, without making them hear the whole list again.
use leptos::prelude::*;

use crate::browser::plural_category;
use crate::state::{use_active_events, use_locale, use_selection, ActiveEvents};

/// A visually hidden polite live region with the year and its number of events.
#[component]
pub fn YearAnnouncer() -> impl IntoView {
    let selection = use_selection();
    let locale = use_locale();
    let ActiveEvents(active) = use_active_events();
    let message = move || {
        let n = u32::try_from(active.with(Vec::len)).unwrap_or(u32::MAX);
        let lang = locale.lang();
        format!("{}: {}", selection.year(), locale.text().events_in_year(n, plural_category(lang, n)))
    };
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="year-announcer">
            {message}
        </div>
    }
}
