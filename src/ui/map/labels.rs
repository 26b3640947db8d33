//! The names of the states, where atlas-core placed them for the view the reader sees; their
//! size stays the same on screen when the map is zoomed.
use leptos::prelude::*;

use super::use_map;

/// Every state name of the year, keyed by what is drawn (the period, its language, where and on
/// how many lines): a step redraws only the names that moved or changed.
#[component]
pub fn StateNames() -> impl IntoView {
    let map = use_map();
    let names = move || {
        map.labels.with(|labels| {
            labels
                .states
                .iter()
                .map(|name| {
                    let (x, y) = name.at;
                    let key = format!("{}|{}|{x:.1}|{y:.1}|{:?}", name.period, name.lang, name.placed.lines);
                    let lines: Vec<String> = name.lines().into_iter().map(str::to_owned).collect();
                    (key, name.at, lines, name.lang.to_string())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For each=names key=|(key, ..)| key.clone() let:((_, at, lines, lang))>
            <StateName at=at lines=lines lang=lang />
        </For>
    }
}

/// One state's name, on one or two lines, centred on the map point `at`. It keeps its size on
/// screen when the map zooms through map.css (`scale(1 / --zoom)` of the zoomable group), not a
/// reactive transform: a name is drawn again on many slider steps, and a closure per name would
/// stay subscribed to the zoom after the name is gone.
#[component]
fn StateName(at: (f64, f64), lines: Vec<String>, lang: String) -> impl IntoView {
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
        <g class="state-name-at" style:--x=format!("{:.1}px", at.0) style:--y=format!("{:.1}px", at.1)>
            <text class="state-name" text-anchor="middle" dominant-baseline="central" lang=lang>{spans}</text>
        </g>
    }
}
