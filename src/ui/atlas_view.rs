//! The page once the data is loaded: map, slider, active list and city panel.
use std::sync::Arc;
use std::time::Duration;

use atlas_core::changes::year_view_day;
use atlas_core::link::{LinkState, Mode, TextSize};
use atlas_core::Lang;
use leptos::prelude::*;

use super::{
    provide_compare, provide_tour, provide_what_changed, use_attract_loop, use_playback_timers, ActiveList, AtlasMap,
    CityPanel, CompareMaps, CompareState, CompareSummary, HeaderTools, KioskIdle, LangSwitcher, PrintSheet,
    TextSizeSwitch, TimeBar, TourState, YearAnnouncer,
};
use crate::browser;
use crate::embed::use_embed_bridge;
use crate::state::{
    provide_locale, provide_playback, provide_selection, provide_text_scale, ActiveEvents, Locale, MapViewState,
    Selection, StartLink, TextScale,
};
use crate::state::{use_data, use_locale};
use atlas_core::DataSet;

/// The address always links to what is on screen, written once the reader pauses (150 ms):
/// a drag over the slider is dozens of steps a second, and Chromium throttles (and warns
/// about) more than a hundred history updates in ten seconds.
fn use_address_sync(
    start: StartLink,
    selection: Selection,
    locale: Locale,
    text: TextScale,
    tour: TourState,
    compare: CompareState,
) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let (tour, stop) = tour.link();
        let query = LinkState {
            city: selection.city(),
            lang: Some(locale.lang()),
            text: Some(text.get()),
            tour,
            stop,
            compare: compare.pair(selection.day()),
            ..start.link()
        }
        .at_day(selection.day())
        .to_query();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || browser::replace_query(&query), Duration::from_millis(150));
        pending.set_value(handle.ok());
    });
}

/// Provides the data, the selection and the active events to the components below.
#[component]
pub fn AtlasView(
    /// The loaded atlas and base map.
    data: Arc<DataSet>,
) -> impl IntoView {
    let (first, last) = data.atlas.years().map(|y| (*y.start(), *y.end())).unwrap_or((1919, 1940));
    // Mounted alone (as the in-browser tests do), it reads the address and the languages itself.
    let start = use_context::<StartLink>().unwrap_or_else(|| StartLink::provide(browser::start_link()));
    // A comparison reaching outside the atlas's years is dropped, as a year outside them is.
    let link = start.link().within(first..=last);
    let locale = use_context::<Locale>().unwrap_or_else(|| {
        let (locale, setter) = provide_locale(Lang::EN);
        setter.set_languages(data.languages.clone(), browser::initial_lang(&link, &data.languages));
        locale
    });
    let day = link.day().filter(|day| (first..=last).contains(&day.year)).unwrap_or(year_view_day(first));
    let (selection, select) = provide_selection(day, first, last, data.clone());
    if let Some(city) = link.city.clone().filter(|c| data.atlas.place(c).is_some()) {
        select.open_city(city);
    }
    let mode = start.mode();
    let text_scale = provide_text_scale(link.text.unwrap_or_default());
    let atlas_data = data.clone();
    let active = ActiveEvents(Memo::new(move |_| atlas_data.atlas.active_indices(selection.year()).to_vec()));
    provide_playback();
    let start_lang = locale.lang_untracked();
    provide_context(data.clone());
    provide_context(active);
    // `?tour=ID&stop=N` starts a tour at that stop (its day and city win over the address's).
    let tour = provide_tour(link.tour.as_deref(), link.stop);
    // `?compare=1923,1940-08-10`: two dates side by side, the second the selection's day.
    let compare = provide_compare(link.compare.map(|pair| pair.left));
    use_address_sync(start, selection, locale, text_scale, tour, compare);
    provide_context(MapViewState(RwSignal::new(atlas_core::geo::MapView::HOME)));
    use_playback_timers();
    provide_what_changed();
    if mode == Mode::Kiosk {
        use_attract_loop();
    }
    use_embed_bridge(selection, select, data, &link);
    if mode == Mode::Kiosk {
        // No context menu on a kiosk (a long press would open one).
        let menu = window_event_listener(leptos::ev::contextmenu, |ev| ev.prevent_default());
        on_cleanup(move || menu.remove());
    }

    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" {
            select.close_city_and_refocus();
        }
    });
    on_cleanup(move || handle.remove());

    let mode_class = match mode {
        Mode::Standard => "atlas",
        Mode::Kiosk => "atlas mode-kiosk",
        Mode::Embed => "atlas mode-embed",
    };
    let large_text = move || text_scale.get() == TextSize::Large;
    // Marks the moment the map is on screen (the frame after it is drawn), for `cargo xtask bench`.
    Effect::new(move |_| browser::mark_next_frame("atlas-ready"));
    view! {
        <div class=mode_class class:text-large=large_text data-testid="atlas">
            <header class="atlas-header">
                <h1>{move || locale.text().app_title().to_owned()}</h1>
                <TextSizeSwitch />
                <LangSwitcher />
                <HeaderTools />
            </header>
            // The time bar comes first in the page's order (the top of a phone's screen, where it
            // stays); on larger screens the grid puts it under the map, across the full width.
            <main class="atlas-main">
                <TimeBar />
                <YearAnnouncer />
                // Two dates side by side: the first map and both dates join the page's map (the
                // second) in the map area's grid.
                <div
                    class="map-area"
                    class:comparing=move || compare.is_open()
                    data-testid=move || compare.is_open().then_some("compare-view")
                >
                    <CompareMaps />
                    <AtlasMap testid=Signal::derive(move || compare.is_open().then_some("compare-map-right")) />
                </div>
                <div class="side">
                    {(mode == Mode::Standard).then(|| view! { <DataNotice /> })}
                    <Show when=move || compare.is_open() fallback=|| view! { <ActiveList /> }>
                        <CompareSummary />
                    </Show>
                    <CityPanel />
                    <PrintSheet />
                </div>
            </main>
            {(mode == Mode::Kiosk).then(|| view! { <KioskIdle start_lang=start_lang /> })}
            // One line of credits, with the caveat that the borders are approximate.
            <footer class="attribution">{move || locale.text().attribution_short().to_owned()}</footer>
        </div>
    }
}

/// On a curator's page (not the kiosk, not an embed): the data files the atlas runs without,
/// with the loader's message for each. Nothing when every file was read.
#[component]
fn DataNotice() -> impl IntoView {
    let left_out = use_data().files_left_out();
    let locale = use_locale();
    (!left_out.is_empty()).then(|| {
        view! {
            <aside class="data-notice" role="note" data-testid="data-notice">
                <p>{move || locale.text().data_notice().to_owned()}</p>
                <ul lang="en">{left_out.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
            </aside>
        }
    })
}
