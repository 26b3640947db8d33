//! The page once the data is loaded: map, slider, active list and city panel.
use std::sync::Arc;

use atlas_core::link::{LinkState, Mode};
use atlas_core::Lang;
use leptos::prelude::*;

use super::{ActiveList, AtlasMap, CityPanel, LangSwitcher, YearSlider};
use crate::browser;
use crate::load::AtlasData;
use crate::state::{ActiveEvents, Locale, Selection};

/// Provides the data, the selection and the active events to the components below.
#[component]
pub fn AtlasView(
    /// The loaded atlas and base map.
    data: Arc<AtlasData>,
) -> impl IntoView {
    let (first, last) = data.atlas.years().map(|y| (*y.start(), *y.end())).unwrap_or((1919, 1940));
    let link = LinkState::parse(&browser::query(), first..=last);
    let selection = Selection::new(link.year.unwrap_or(first), first, last);
    if let Some(city) = link.city.filter(|c| data.atlas.place(c).is_some()) {
        selection.open_city(city);
    }
    let locale = use_context::<Locale>().unwrap_or_else(|| Locale::new(link.lang.unwrap_or(Lang::En)));
    let mode = link.mode;
    let idle_seconds = link.idle_seconds;
    // The address always links to what is on screen.
    Effect::new(move |_| {
        let state = LinkState { year: Some(selection.year()), city: selection.city(), lang: Some(locale.lang()), mode, idle_seconds };
        browser::replace_query(&state.to_query());
    });
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

    let mode_class = match mode {
        Mode::Standard => "atlas",
        Mode::Kiosk => "atlas mode-kiosk",
        Mode::Embed => "atlas mode-embed",
    };
    view! {
        <div class=mode_class>
            <header class="atlas-header">
                <h1>{move || locale.text().app_title}</h1>
                <LangSwitcher />
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
