//! The panel of the open city, in the side column in place of the list: the conferences
//! held there, then its other events (treaties signed there, ultimatums delivered there),
//! each chronological, with those of the selected year marked.
use std::sync::Arc;

use atlas_core::timeline::marks_its_place_in;
use atlas_core::EventIndex;
use leptos::html;
use leptos::prelude::*;

use super::EventItem;
use crate::state::{Locale, Selection};
use atlas_core::DataSet;

/// Shown while a city is selected; the close button and Escape close it.
#[component]
pub fn CityPanel() -> impl IntoView {
    let selection = expect_context::<Selection>();
    move || {
        selection.city().map(|place| {
            let data = expect_context::<Arc<DataSet>>();
            let events = data.atlas.events_at(&place);
            let name = data.atlas.place(&place).map(|p| p.name.clone()).unwrap_or_default();
            view! { <OpenPanel name=name conferences=events.conferences.to_vec() others=events.others.to_vec() /> }
        })
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
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    view! {
        <h3>{heading}</h3>
        <ol class="panel-events">
            {move || {
                let lang = locale.lang();
                events
                    .iter()
                    .map(|&index| {
                        let data = data.clone();
                        let current =
                            Signal::derive(move || marks_its_place_in(data.atlas.event(index), selection.year()));
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
    name: atlas_core::Localized,
    /// The conferences held there, chronological.
    conferences: Vec<EventIndex>,
    /// Its other events, chronological.
    others: Vec<EventIndex>,
) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
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
    let name = StoredValue::new(name);
    let heading = move || {
        name.with_value(|name| {
            let (text, lang) = name.get(locale.lang());
            (text.to_owned(), lang.to_string())
        })
    };
    let no_conferences = conferences.is_empty();
    let other_events = (!others.is_empty()).then(|| {
        let heading = Signal::derive(move || locale.text().other_events_here().to_owned());
        view! { <PanelEvents heading=heading events=others /> }
    });
    view! {
        <section class="city-panel" data-testid="city-panel" aria-labelledby="city-panel-heading" node_ref=panel>
            <div class="city-panel-head">
                <h2 id="city-panel-heading" lang=move || heading().1>{move || heading().0}</h2>
                <button class="close" node_ref=close_button on:click=move |_| selection.close_city_and_refocus()>
                    <span aria-hidden="true">"✕ "</span>
                    {move || locale.text().close().to_owned()}
                </button>
            </div>
            <PanelEvents heading=Signal::derive(move || locale.text().conferences_here().to_owned()) events=conferences />
            {no_conferences.then(|| view! { <p class="empty">{move || locale.text().no_conferences().to_owned()}</p> })}
            {other_events}
        </section>
    }
}
