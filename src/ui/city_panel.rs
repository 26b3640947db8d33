//! The panel of the open city: every conference held there, chronologically,
//! with those of the selected year marked.
use std::sync::Arc;

use atlas_core::{EventIndex, Lang};
use leptos::html;
use leptos::prelude::*;

use super::EventItem;
use crate::state::{Locale, Selection};
use atlas_core::DataSet;

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
}

/// Shown while a city is selected; the close button and Escape close it.
#[component]
pub fn CityPanel() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let clock = StoredValue::new(None::<PanelClock>);
    Effect::new(move |_| {
        let (lang, year) = (locale.lang(), selection.year());
        if let Some(clock) = clock.get_value() {
            // A closed panel's signals are disposed: nothing to set then.
            let _ = clock.lang.try_set(lang);
            let _ = clock.year.try_set(year);
        }
    });
    move || {
        let Some(place) = selection.city() else {
            clock.set_value(None);
            return None;
        };
        let now = PanelClock {
            lang: RwSignal::new(untrack(|| locale.lang())),
            year: RwSignal::new(untrack(|| selection.year())),
        };
        clock.set_value(Some(now));
        Some({
            let data = expect_context::<Arc<DataSet>>();
            let conferences = data.atlas.conference_indices_at(&place).to_vec();
            let name = data.atlas.place(&place).map(|p| p.name.clone()).unwrap_or_default();
            view! { <OpenPanel name=name conferences=conferences clock=now /> }
        })
    }
}

/// The panel's content for one city.
#[component]
fn OpenPanel(
    name: atlas_core::Localized,
    /// The conferences held there, chronological.
    conferences: Vec<EventIndex>,
    /// The language and year to show, the panel's own (see [`PanelClock`]).
    clock: PanelClock,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let close_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let name = StoredValue::new(name);
    let heading = move || {
        name.with_value(|name| {
            let (text, lang) = name.get(clock.lang.get());
            (text.to_owned(), lang.to_string())
        })
    };
    let empty = conferences.is_empty();
    view! {
        <aside class="city-panel" data-testid="city-panel" role="dialog" aria-labelledby="city-panel-heading">
            <div class="city-panel-head">
                <h2 id="city-panel-heading" lang=move || heading().1>{move || heading().0}</h2>
                <button class="close" node_ref=close_button on:click=move |_| selection.close_city_and_refocus()>
                    {move || locale.text_in(clock.lang.get()).close().to_owned()}
                </button>
            </div>
            <h3>{move || locale.text_in(clock.lang.get()).conferences_here().to_owned()}</h3>
            {empty.then(|| view! { <p class="empty">{move || locale.text_in(clock.lang.get()).no_conferences().to_owned()}</p> })}
            <ol class="city-conferences">
                {move || {
                    let lang = clock.lang.get();
                    conferences
                        .iter()
                        .map(|&index| {
                            let span = data.atlas.event(index).span;
                            let current = Signal::derive(move || span.overlaps_year(clock.year.get()));
                            view! { <EventItem index=index lang=lang current=current /> }
                        })
                        .collect_view()
                }}
            </ol>
        </aside>
    }
}
