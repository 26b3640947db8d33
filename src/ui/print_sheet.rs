//! What a printed page adds to the map (style.css's `@media print` lays out one A4 landscape
//! sheet: the map with its key, the date and what changed, then this): the selected year's
//! events with their dates and places, each with the numbers of the works it cites, the list of
//! those works (atlas-core's [`bibliography`]: each once, written short), and the credits. Hidden
//! on screen, where the list and its details say the same: so it is built only while the page
//! prints (between the window's `beforeprint` and `afterprint`), not on every step of the time
//! bar (at 10,000 events a step rebuilt thousands of its rows).
use atlas_core::sources::{bibliography, works_cited};
use leptos::prelude::*;

use super::event_item::SourceList;
use crate::state::{use_active_events, use_data, use_locale, use_selection};

/// A year with more events than this is printed in two columns.
const ONE_COLUMN_EVENTS: usize = 10;

/// The printed page's list of the year's events, their works and the credit line.
#[component]
pub fn PrintSheet() -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let selection = use_selection();
    let active = use_active_events();
    let printing = RwSignal::new(false);
    let window = leptos_use::use_window();
    let _before = leptos_use::use_event_listener(
        window.clone(),
        leptos::ev::Custom::<web_sys::Event>::new("beforeprint"),
        move |_| printing.set(true),
    );
    let _after =
        leptos_use::use_event_listener(window, leptos::ev::Custom::<web_sys::Event>::new("afterprint"), move |_| {
            printing.set(false)
        });
    let many = move || active.0.with(|events| events.len() > ONE_COLUMN_EVENTS);
    let sheet = move || {
        if !printing.get() {
            return None;
        }
        let text = locale.text();
        let lang = text.lang();
        let events = active.0.get();
        let (works, numbers) = bibliography(events.iter().map(|&index| data.atlas.event(index).sources.as_slice()));
        let items = events
            .iter()
            .zip(numbers)
            .map(|(&index, numbers)| {
                let event = data.atlas.event(index);
                let (title, title_lang) = event.title.get(lang);
                let place =
                    event.place.as_ref().and_then(|p| data.atlas.place(p)).map(|p| p.name.text(lang).to_owned());
                let numbers = numbers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                view! {
                    <li class="print-event" data-event-id=event.id.to_string()>
                        <span class="print-event-when">{text.span(&event.span)}</span>
                        {place.map(|p| view! { " · "<span>{p}</span> })}
                        " — "
                        <strong lang=title_lang.code().to_owned()>{title.to_owned()}</strong>
                        " "<span class="print-event-works">"["{numbers}"]"</span>
                    </li>
                }
            })
            .collect_view();
        let works = works_cited(&works, &data.catalogue, &text);
        Some(view! {
            <ol class="print-events" class:many=many>{items}</ol>
            <p class="print-works-heading">{text.sources().to_owned()}":"</p>
            <div class="print-works"><SourceList lines=works /></div>
        })
    };
    view! {
        <section class="print-sheet" data-testid="print-sheet" aria-hidden="true">
            <h2>{move || locale.text().active_in(&selection.year().to_string())}</h2>
            {sheet}
            <p class="print-credit">{move || locale.text().attribution().to_owned()}</p>
        </section>
    }
}
