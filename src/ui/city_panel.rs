//! The panel of the open city: every conference held there, chronologically,
//! with those of the selected year marked.
use std::sync::Arc;

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
            let conferences: Vec<(usize, i32, i32)> = data
                .atlas
                .events()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == atlas_core::EventKind::Conference && e.place.as_ref() == Some(&place))
                .map(|(i, e)| (i, e.span.first_day().year, e.span.last_day().year))
                .collect();
            let name = data.atlas.place(&place).map(|p| p.name.clone()).unwrap_or_default();
            view! { <OpenPanel name=name conferences=conferences /> }
        })
    }
}

/// The panel's content for one city.
#[component]
fn OpenPanel(
    name: atlas_core::Localized,
    /// (event position, first year, last year) of each conference held there.
    conferences: Vec<(usize, i32, i32)>,
) -> impl IntoView {
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
            let (text, lang) = name.get(locale.lang());
            (text.to_owned(), lang.to_string())
        })
    };
    let empty = conferences.is_empty();
    view! {
        <aside class="city-panel" data-testid="city-panel" role="dialog" aria-labelledby="city-panel-heading">
            <div class="city-panel-head">
                <h2 id="city-panel-heading" lang=move || heading().1>{move || heading().0}</h2>
                <button class="close" node_ref=close_button on:click=move |_| selection.close_city_and_refocus()>
                    {move || locale.text().close().to_owned()}
                </button>
            </div>
            <h3>{move || locale.text().conferences_here().to_owned()}</h3>
            {empty.then(|| view! { <p class="empty">{move || locale.text().no_conferences().to_owned()}</p> })}
            <ol class="city-conferences">
                {move || {
                    let lang = locale.lang();
                    conferences
                        .iter()
                        .map(|&(index, first, last)| {
                            let current = Signal::derive(move || (first..=last).contains(&selection.year()));
                            view! { <EventItem index=index lang=lang current=current /> }
                        })
                        .collect_view()
                }}
            </ol>
        </aside>
    }
}
