//! Tells screen readers, politely and once per step, what changed since the previous step of
//! the time bar (the sentence under the year: "1934 → 1935: …; borders unchanged.") and, after
//! a year, how many events the list now has ("6 events"), without making them hear the whole
//! list again.
use leptos::prelude::*;

use crate::browser::plural_category;
use atlas_core::changes::year_view_day;

use super::{use_tour, WhatChangedText};
use crate::state::{use_active_events, use_locale, use_selection, ActiveEvents};

/// A visually hidden polite live region with what changed and the year's number of events.
#[component]
pub fn YearAnnouncer() -> impl IntoView {
    let selection = use_selection();
    let locale = use_locale();
    let ActiveEvents(active) = use_active_events();
    let WhatChangedText(sentence) = expect_context::<WhatChangedText>();
    let tour = use_tour();
    let message = move || {
        let (text, lang, day) = (locale.text(), locale.lang(), selection.day());
        let sentence = sentence.get();
        // On a tour, the stop's line first: "Stop 3 of 12: …".
        let sentence = match tour.spoken(&text) {
            Some(stop) => format!("{stop} {sentence}"),
            None => sentence,
        };
        if day != year_view_day(day.year) {
            // A step within the year: the sentence names the day and what begins on it.
            return sentence;
        }
        let n = u32::try_from(active.with(Vec::len)).unwrap_or(u32::MAX);
        format!("{sentence} {}.", text.events_in_year(n, plural_category(lang, n)))
    };
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="year-announcer">
            {message}
        </div>
    }
}
