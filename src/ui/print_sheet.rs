//! What a printed page adds to the map (style.css's `@media print` lays out one A4 landscape
//! sheet: the map with its key, the date and what changed, then this): the selected year's
//! events with their dates, places and sources, and the credits in full. Hidden on screen, where
//! the list and its details say the same.
use atlas_core::sources::SourceLine;
use leptos::prelude::*;

use super::event_item::SourceList;
use crate::state::{use_active_events, use_data, use_locale, use_selection};

/// The printed page's list of the year's events and its credit line.
#[component]
pub fn PrintSheet() -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let selection = use_selection();
    let active = use_active_events();
    let events = move || {
        let text = locale.text();
        let lang = text.lang();
        active
            .0
            .get()
            .into_iter()
            .map(|index| {
                let event = data.atlas.event(index);
                let (title, title_lang) = event.title.get(lang);
                let place =
                    event.place.as_ref().and_then(|p| data.atlas.place(p)).map(|p| p.name.text(lang).to_owned());
                let lines: Vec<SourceLine> = event.sources.iter().map(|c| c.line(&data.catalogue, &text)).collect();
                view! {
                    <li class="print-event" data-event-id=event.id.to_string()>
                        <span class="print-event-when">{text.span(&event.span)}</span>
                        {place.map(|p| view! { " · "<span>{p}</span> })}
                        " — "
                        <strong lang=title_lang.code().to_owned()>{title.to_owned()}</strong>
                        <SourceList lines=lines />
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="print-sheet" data-testid="print-sheet" aria-hidden="true">
            <h2>{move || locale.text().active_in(&selection.year().to_string())}</h2>
            <ol class="print-events">{events}</ol>
            <p class="print-credit">{move || locale.text().attribution().to_owned()}</p>
        </section>
    }
}
