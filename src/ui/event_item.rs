//! One event as a list item: its dates at their precision, kind, title, place, and
//! on request its summary, parties, note and sources.
use std::sync::Arc;

use atlas_core::i18n::format_span;
use atlas_core::{Event, State};
use leptos::prelude::*;

use crate::load::AtlasData;
use crate::state::Locale;

/// A list item with `data-event-id`; `current` marks an event of the selected year.
#[component]
pub fn EventItem(
    /// The event's position in `Atlas::events`.
    index: usize,
    /// Whether the event belongs to the selected year (marked in city panels).
    #[prop(into, optional)]
    current: Signal<bool>,
) -> impl IntoView {
    let data = expect_context::<Arc<AtlasData>>();
    let locale = expect_context::<Locale>();
    let event: Event = data.atlas.events()[index].clone();
    let id = event.id.to_string();
    let place_name = event.place.as_ref().and_then(|p| data.atlas.place(p)).map(|p| p.name.clone());
    let event = StoredValue::new(event);
    let dates = move || event.with_value(|e| format_span(&e.span, locale.lang()));
    let localized = move |pick: fn(&Event) -> &atlas_core::Localized| {
        event.with_value(|e| {
            let (text, lang) = pick(e).get(locale.lang());
            (text.to_owned(), lang.code())
        })
    };
    let title = move || localized(|e| &e.title);
    let summary = move || localized(|e| &e.summary);
    let parties = move || {
        event.with_value(|e| {
            e.parties.iter().filter_map(|p| State::find(p)).map(|s| s.name(locale.lang())).collect::<Vec<_>>().join(", ")
        })
    };
    let note = move || event.with_value(|e| e.note.as_ref().map(|n| n.text(locale.lang()).to_owned()));
    let sources = move || event.with_value(|e| e.sources.clone());
    let kind = move || event.with_value(|e| locale.text().kind(e.kind));
    let kind_class = event.with_value(|e| format!("event kind-{}", e.kind.as_str()));
    view! {
        <li class=kind_class class:current=move || current.get() data-event-id=id>
            <div class="event-head">
                <time class="event-dates">{dates}</time>
                <span class="event-kind">{kind}</span>
            </div>
            <div class="event-title" lang=move || title().1>{move || title().0}</div>
            {place_name.map(|name| view! { <div class="event-place">{move || name.text(locale.lang()).to_owned()}</div> })}
            <details class="event-details">
                <summary>{move || locale.text().sources}</summary>
                <p lang=move || summary().1>{move || summary().0}</p>
                <p class="event-parties">{move || locale.text().parties}": "{parties}</p>
                {move || note().map(|n| view! { <p class="event-note">{locale.text().note}": "{n}</p> })}
                <ul class="event-sources">
                    {move || sources().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
            </details>
        </li>
    }
}
