//! The panel of the open city, in the side column in place of the list: the conferences
//! held there, then its other events (treaties signed there, ultimatums delivered there),
//! each chronological, with those of the selected year marked.
use atlas_core::time::CalendarDay;
use atlas_core::timeline::marks_its_place_in;
use atlas_core::{EventIndex, Lang, Place};
use leptos::html;
use leptos::prelude::*;

use super::{CompareCityPanel, CompareState, EventItem};
use crate::state::{use_data, use_locale, use_selection, use_selection_setter};

/// The language and year an open panel shows, as signals of its own that are disposed with it.
///
/// Its views read these, never `Locale` or `Selection` directly: a reactive closure keeps an
/// entry in the subscriber list of every signal it reads, and when its view is dropped that
/// entry (and ~50 bytes it holds on to) stays until the signal next changes (leptos 0.8,
/// reactive_graph 0.2.16). The language and the year can stay unchanged for thousands of panel
/// openings, so reading them directly grew the wasm memory ~0.8 KB per opening (issue 11). One
/// long-lived effect in `CityPanel` copies them into the open panel's own signals instead.
#[derive(Debug, Clone, Copy)]
struct PanelClock {
    lang: RwSignal<Lang>,
    year: RwSignal<i32>,
    /// The selected day, for the city's name on it (Memel from 23 March 1939).
    day: RwSignal<CalendarDay>,
}

/// Shown while a city is selected; the close button and Escape close it.
#[component]
pub fn CityPanel() -> impl IntoView {
    let selection = use_selection();
    let locale = use_locale();
    let clock = StoredValue::new(None::<PanelClock>);
    Effect::new(move |_| {
        let (lang, year, day) = (locale.lang(), selection.year(), selection.day());
        if let Some(clock) = clock.get_value() {
            // A closed panel's signals are disposed: nothing to set then.
            let _ = clock.lang.try_set(lang);
            let _ = clock.year.try_set(year);
            let _ = clock.day.try_set(day);
        }
    });
    move || {
        let Some(place) = selection.city() else {
            clock.set_value(None);
            return None;
        };
        // Two dates side by side: the city on both (src/ui/compare.rs).
        if use_context::<CompareState>().is_some_and(|compare| compare.is_open()) {
            clock.set_value(None);
            return Some(view! { <CompareCityPanel place=place /> }.into_any());
        }
        let now = PanelClock {
            lang: RwSignal::new(untrack(|| locale.lang())),
            year: RwSignal::new(untrack(|| selection.year())),
            day: RwSignal::new(untrack(|| selection.day())),
        };
        clock.set_value(Some(now));
        let data = use_data();
        let events = data.atlas.events_at(&place);
        let place = data.atlas.place(&place).cloned()?;
        Some(
            view! {
                <OpenPanel place=place conferences=events.conferences.to_vec() others=events.others.to_vec() clock=now />
            }
            .into_any(),
        )
    }
}

/// Scrolls the first event of the selected year into view if it is below the visible part of the
/// side column (a treaty signed in Tallinn in 1923 comes after the city's conferences).
fn reveal_first_current(panel: &web_sys::HtmlElement) {
    let Ok(Some(first)) = panel.query_selector(r#"[data-current="true"]"#) else { return };
    let visible_bottom =
        panel.parent_element().map(|side| side.get_bounding_client_rect().bottom()).unwrap_or(f64::INFINITY).min(
            web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY),
        );
    if first.get_bounding_client_rect().bottom() > visible_bottom {
        first.scroll_into_view_with_bool(false);
    }
}

/// One section of a panel: a heading and its events, those of the selected year marked.
#[component]
fn PanelEvents(
    /// The section's heading.
    heading: Signal<String>,
    events: Vec<EventIndex>,
    /// The language and year to show, the panel's own (see [`PanelClock`]).
    clock: PanelClock,
) -> impl IntoView {
    let data = use_data();
    view! {
        <h3>{heading}</h3>
        <ol class="panel-events">
            {move || {
                let lang = clock.lang.get();
                events
                    .iter()
                    .map(|&index| {
                        let data = data.clone();
                        let current =
                            Signal::derive(move || marks_its_place_in(data.atlas.event(index), clock.year.get()));
                        view! { <EventItem index=index lang=lang current=current /> }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

/// The panel's content for one city.
#[component]
fn OpenPanel(
    /// The city (its heading is its name on the selected day).
    place: Place,
    /// The conferences held there, chronological.
    conferences: Vec<EventIndex>,
    /// Its other events, chronological.
    others: Vec<EventIndex>,
    /// The language and year to show, the panel's own (see [`PanelClock`]).
    clock: PanelClock,
) -> impl IntoView {
    let select = use_selection_setter();
    let locale = use_locale();
    let close_button = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Section>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
        if let Some(panel) = panel.get() {
            reveal_first_current(&panel);
        }
    });
    let place = StoredValue::new(place);
    let heading = move || {
        let day = clock.day.get();
        place.with_value(|place| {
            let (text, lang) = place.name_on(day).get(clock.lang.get());
            (text.to_owned(), lang.to_string())
        })
    };
    // A panel leads with what happened in the city: its conferences, or else its other events
    // under a heading of their own; the absence of conferences is said last, quietly.
    let no_conferences = conferences.is_empty();
    let other_events = (!others.is_empty()).then(|| {
        let heading = Signal::derive(move || {
            let text = locale.text_in(clock.lang.get());
            if no_conferences { text.events_here() } else { text.other_events_here() }.to_owned()
        });
        view! { <PanelEvents heading=heading events=others clock=clock /> }
    });
    let conference_events = (!no_conferences).then(|| {
        view! {
            <PanelEvents
                heading=Signal::derive(move || locale.text_in(clock.lang.get()).conferences_here().to_owned())
                events=conferences
                clock=clock
            />
        }
    });
    view! {
        <section class="city-panel" data-testid="city-panel" aria-labelledby="city-panel-heading" node_ref=panel>
            <div class="city-panel-head">
                <h2 id="city-panel-heading" lang=move || heading().1>{move || heading().0}</h2>
                <button class="close" node_ref=close_button on:click=move |_| select.close_city_and_refocus()>
                    <span aria-hidden="true">"✕ "</span>
                    {move || locale.text_in(clock.lang.get()).close().to_owned()}
                </button>
            </div>
            {conference_events}
            {other_events}
            {no_conferences.then(|| view! { <p class="empty">{move || locale.text_in(clock.lang.get()).no_conferences().to_owned()}</p> })}
        </section>
    }
}
