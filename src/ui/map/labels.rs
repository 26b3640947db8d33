//! The names of the states, where atlas-core placed them for the view the reader sees; their
//! size stays the same on screen when the map is zoomed.
use leptos::prelude::*;

use super::{use_map, MapContext};

/// Every state name of the year, keyed by what is written (the period, its language, its lines,
/// and which of the period's names it is): a step that only moves a name sets where it is; a
/// step that changes a name draws it again.
#[component]
pub fn StateNames() -> impl IntoView {
    let map = use_map();
    let names = move || {
        map.labels.with(|labels| {
            labels
                .states
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let nth = labels.states[..i].iter().filter(|other| other.period == name.period).count();
                    let lines: Vec<String> = name.lines().into_iter().map(str::to_owned).collect();
                    (name.period, nth, lines, name.lang.to_string())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For each=names key=|name| name.clone() let:((period, nth, lines, lang))>
            <StateName at=Signal::derive(move || name_at(map, period, nth)) lines=lines lang=lang />
        </For>
    }
}

/// Where the `nth` name of the borders' period `period` is drawn on the selected day.
fn name_at(map: MapContext, period: usize, nth: usize) -> (f64, f64) {
    map.labels
        .with(|labels| labels.states.iter().filter(|name| name.period == period).nth(nth).map(|name| name.at))
        .unwrap_or_default()
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
