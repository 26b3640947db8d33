//! The names of the states, where atlas-core placed them for the view the reader sees; their
//! size stays the same on screen when the map is zoomed.
use leptos::prelude::*;

use atlas_core::geo::model::StateName as PlacedName;
use atlas_core::DataSet;

use super::{use_map, MapContext};
use crate::state::use_data;

/// Every state name of the year, keyed by what is written (the state, the language, the lines,
/// and which of the state's names it is): a step that only moves a name, or draws it for the
/// state's next borders, sets where it is; a step that changes a name draws it again.
#[component]
pub fn StateNames() -> impl IntoView {
    let map = use_map();
    let data = StoredValue::new(use_data());
    let names = move || {
        map.labels.with(|labels| {
            data.with_value(|data| {
                labels
                    .states
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let state = state_of(data, name);
                        let nth = labels.states[..i].iter().filter(|other| state_of(data, other) == state).count();
                        let lines: Vec<String> = name.lines().into_iter().map(str::to_owned).collect();
                        (state.to_owned(), nth, lines, name.lang.to_string())
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <For each=names key=|name| name.clone() let:((state, nth, lines, lang))>
            <StateName at=Signal::derive(move || data.with_value(|data| name_at(data, map, &state, nth))) lines=lines lang=lang />
        </For>
    }
}

/// Where the `nth` name of the state `state` is drawn on the selected day.
fn name_at(data: &DataSet, map: MapContext, state: &str, nth: usize) -> (f64, f64) {
    map.labels
        .with(|labels| labels.states.iter().filter(|name| state_of(data, name) == state).nth(nth).map(|name| name.at))
        .unwrap_or_default()
}

/// The state a placed name names (its period's state slug).
fn state_of<'a>(data: &'a DataSet, name: &PlacedName) -> &'a str {
    &data.borders.periods()[name.period].state
}

/// One state's name, on one or two lines, centred on the map point `at` (it follows the day's
/// placement). It keeps its size on screen when the map zooms through map.css (`scale(1 /
/// --zoom)` of the zoomable group), not a reactive transform of its own.
#[component]
fn StateName(at: Signal<(f64, f64)>, lines: Vec<String>, lang: String) -> impl IntoView {
    let count = lines.len() as f64;
    let spans = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            // Lines 1.25 em apart, the block centred on the placed point.
            let dy = format!("{:.3}em", (i as f64 - (count - 1.0) / 2.0) * 1.25);
            view! { <tspan x="0" y=dy>{line}</tspan> }
        })
        .collect_view();
    view! {
        <g class="state-name-at" style:--x=move || format!("{:.1}px", at.get().0) style:--y=move || format!("{:.1}px", at.get().1)>
            <text class="state-name" text-anchor="middle" dominant-baseline="central" lang=lang>{spans}</text>
        </g>
    }
}
