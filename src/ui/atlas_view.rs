//! The page once the data is loaded: map, slider, active list and city panel.
use std::sync::Arc;

use atlas_core::Lang;
use leptos::prelude::*;

use super::{ActiveList, AtlasMap, CityPanel, YearSlider};
use crate::load::AtlasData;
use crate::state::{ActiveEvents, Locale, Selection};

/// Provides the data, the selection and the active events to the components below.
#[component]
pub fn AtlasView(
    /// The loaded atlas and base map.
    data: Arc<AtlasData>,
) -> impl IntoView {
    let (first, last) = data.atlas.years().map(|y| (*y.start(), *y.end())).unwrap_or((1919, 1940));
    let selection = Selection::new(first, first, last);
    let locale = Locale::new(Lang::En);
    let atlas_data = data.clone();
    let active = ActiveEvents(Memo::new(move |_| atlas_data.atlas.active_indices(selection.year()).to_vec()));
    provide_context(data);
    provide_context(selection);
    provide_context(locale);
    provide_context(active);

    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" {
            selection.close_city();
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <div class="atlas">
            <header class="atlas-header">
                <h1>{move || locale.text().app_title}</h1>
                <YearSlider />
            </header>
            <main class="atlas-main">
                <AtlasMap />
                <ActiveList />
            </main>
            <CityPanel />
            <footer class="attribution">{move || locale.text().attribution}</footer>
        </div>
    }
}
