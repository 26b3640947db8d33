//! One event as a list item: its dates at their precision, kind, title and place, and a
//! "Details" disclosure with its photographs, summary, parties, note and sources, in every mode. A tap
//! anywhere on the card opens (or closes) its details, as "Details" does, and an opened card
//! scrolls fully into view in its column (or its top, if it is taller than the column).
//!
//! An item is drawn in one language and drawn again when the language changes (the
//! lists key their items by event and language): a list of hundreds of events then
//! costs a few DOM nodes per event and no reactive work on a slider step.
use atlas_core::link::Mode;
use atlas_core::sources::{Citation, SourceLine};
use atlas_core::{EventIndex, EventRole};
use atlas_core::{Lang, Localized};
use leptos::prelude::*;

use super::EventMedia;
use crate::state::{use_data, use_locale, use_mode, use_selection_setter};

/// Scrolls `card` just enough to show it whole within its scrolling column and the window (the
/// least movement: "nearest"); a card taller than the column shows its top.
fn reveal(card: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    card.scroll_into_view_with_scroll_into_view_options(&options);
}

/// A text with the language it is really in (English where a translation is missing).
fn text_in(text: &Localized, lang: Lang) -> (String, String) {
    let (text, used) = text.get(lang);
    (text.to_owned(), used.code().to_owned())
}

/// A list item with `data-event-id`. In a city panel, `current` tells whether the event
/// belongs to the selected year: `data-current`, a mark, and words for screen readers.
#[component]
pub fn EventItem(
    /// The event's position in `Atlas::events`.
    index: EventIndex,
    /// The language to write it in.
    lang: Lang,
    /// Whether the event belongs to the selected year (given in city panels only).
    #[prop(into, optional)]
    current: Option<Signal<bool>>,
    /// Whether the row is hidden (in a list drawn whole, on a step to a year it is not in):
    /// its details close, as if it were gone.
    #[prop(optional)]
    hidden: Option<Signal<bool>>,
) -> impl IntoView {
    let data = use_data();
    let select = use_selection_setter();
    let text = use_locale().text_in(lang);
    let event = data.atlas.event(index);
    let (title, title_lang) = text_in(&event.title, lang);
    let place = event.place.as_ref().and_then(|p| data.atlas.place(p)).map(|p| text_in(&p.name, lang));
    let open = RwSignal::new(false);
    let details = move || open.get().then(|| view! { <EventDetails index=index lang=lang /> });
    let is_current = move || current.is_some_and(|c| c.get());
    let current_attr = move || current.map(|c| if c.get() { "true" } else { "false" });
    let in_selected_year = text.in_selected_year().to_owned();
    let card = NodeRef::<leptos::html::Li>::new();
    let disclosure = NodeRef::<leptos::html::Details>::new();
    let is_context = event.role == EventRole::Context;
    let context = is_context.then(|| text.context_event().to_owned());
    let disputed = event.date_disputed().then(|| text.date_disputed().to_owned());
    let toggle = move |ev: leptos::ev::Event| {
        let now_open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        open.set(now_open);
        if now_open {
            select.set_opened_event(Some(index));
            // Once the details are drawn and laid out, if the card is still there then (a
            // panel closed at once disposes it: `try_`, not a panic).
            request_animation_frame(move || {
                if let Some(card) = card.try_get_untracked().flatten() {
                    reveal(&card);
                }
            });
        } else {
            select.close_event(index);
        }
    };
    // A tap on the card outside its disclosure (which answers by itself) opens or closes it.
    let tap = move |ev: leptos::ev::MouseEvent| {
        let Some(details) = disclosure.get_untracked() else { return };
        let inside = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
        if inside.is_some_and(|node| details.contains(Some(&node))) {
            return;
        }
        // Not when a reader selected some of its text with the mouse.
        let selecting = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
        if !selecting {
            details.set_open(!details.open());
        }
    };
    on_cleanup(move || select.close_event(index));
    let is_hidden = move || hidden.is_some_and(|h| h.get());
    if hidden.is_some() {
        Effect::new(move |_| {
            if is_hidden() && open.get_untracked() {
                if let Some(details) = disclosure.get_untracked() {
                    details.set_open(false);
                }
                open.set(false);
                select.close_event(index);
            }
        });
    }
    view! {
        <li
            class=format!("event kind-{}", event.kind.as_str())
            class:role-context=is_context
            class:current=is_current
            node_ref=card
            on:click=tap
            data-event-id=event.id.to_string()
            data-current=current_attr
            hidden=is_hidden
        >
            <div class="event-head">
                <span class="event-when">
                    <time class="event-dates">{text.span(&event.span)}</time>
                    {disputed.map(|d| view! { <span class="event-disputed">{d}</span> })}
                </span>
                <span class="event-kind">
                    {context.map(|c| view! { <span class="event-context">{c}</span>" · " })}
                    {text.kind(event.kind).to_owned()}
                </span>
            </div>
            <div class="event-title" lang=title_lang>{title}</div>
            {place.map(|(name, name_lang)| view! { <div class="event-place" lang=name_lang>{name}</div> })}
            {move || is_current().then(|| view! { <span class="visually-hidden">{format!("({in_selected_year})")}</span> })}
            <details class="event-details" node_ref=disclosure on:toggle=toggle>
                <summary>{text.details().to_owned()}</summary>
                {details}
            </details>
        </li>
    }
}

/// The summary, parties, note and sources of an event, drawn when a reader opens them; where
/// its sources disagree on the date, each date with its sources, the one the map uses marked.
#[component]
fn EventDetails(index: EventIndex, lang: Lang) -> impl IntoView {
    let data = use_data();
    let text = use_locale().text_in(lang);
    let event = data.atlas.event(index);
    let (summary, summary_lang) = text_in(&event.summary, lang);
    let parties =
        event.parties.iter().filter_map(|p| data.state(p)).map(|s| s.name.text(lang)).collect::<Vec<_>>().join(", ");
    let note = event.note.as_ref().map(|n| text_in(n, lang));
    let lines = |citations: &[Citation]| -> Vec<SourceLine> {
        citations.iter().map(|c| c.line(&data.catalogue, &text)).collect()
    };
    let claims = event
        .dates
        .iter()
        .map(|claim| {
            let chosen = claim.chosen.then(|| text.date_chosen().to_owned());
            view! {
                <li class="event-claim" data-chosen=claim.chosen.to_string()>
                    <span class="claim-date">{text.span(&claim.span)}</span>
                    {chosen.map(|c| view! { " · "<span class="claim-chosen">{c}</span> })}
                    <SourceList lines=lines(&claim.sources) />
                </li>
            }
        })
        .collect_view();
    let disputed = event.date_disputed().then(|| {
        view! {
            <p class="event-sources-heading">{text.dates_in_sources().to_owned()}":"</p>
            <ul class="event-claims">{claims}</ul>
        }
    });
    view! {
        <EventMedia index=index lang=lang />
        <p class="event-summary" lang=summary_lang>{summary}</p>
        <p class="event-parties">{text.parties().to_owned()}": "{parties}</p>
        {note.map(|(n, note_lang)| view! { <p class="event-note">{text.note().to_owned()}": "<span lang=note_lang>{n}</span></p> })}
        {disputed}
        <p class="event-sources-heading">{text.sources().to_owned()}":"</p>
        <SourceList lines=lines(&event.sources) />
    }
}

/// Citations as the core writes them. A work's title links to its address in a new tab, but
/// on a kiosk, which must never leave the atlas, the address is written out as plain text.
#[component]
pub fn SourceList(lines: Vec<SourceLine>) -> impl IntoView {
    let kiosk = use_mode() == Mode::Kiosk;
    let items = lines
        .into_iter()
        .map(|line| {
            let urls: Vec<String> = if kiosk { line.urls().into_iter().map(str::to_owned).collect() } else { vec![] };
            let parts = line
                .parts
                .into_iter()
                .map(|part| {
                    let lang = part.lang.map(|l| l.code().to_owned());
                    match part.url.filter(|_| !kiosk) {
                        Some(url) => view! {
                            <a class="source-link" href=url target="_blank" rel="noopener noreferrer" lang=lang>{part.text}</a>
                        }
                        .into_any(),
                        None => view! { <span lang=lang>{part.text}</span> }.into_any(),
                    }
                })
                .collect_view();
            let urls = urls.into_iter().map(|u| view! { " "<span class="source-url">{u}</span> }).collect_view();
            view! { <li class="event-source">{parts}{urls}</li> }
        })
        .collect_view();
    view! { <ul class="event-sources">{items}</ul> }
}
