//! The water over the states (lakes and lagoons, in the sea's colour) and what zooming in adds
//! to the main frame: the rivers, the towns and the names of rivers and lakes, as atlas-core's
//! `geo::detail` decides for the zoom step the reader has reached. The paths are made once per
//! box (the map model's `MapFrames`); a zoom step only chooses among them.
use atlas_core::geo::detail::DetailLabel;
use atlas_core::geo::palette::SEA;
use leptos::prelude::*;

use super::use_map;

/// The lakes and lagoons of frame `frame` and, in the main frame, the rivers of the zoom step
/// (the caller clips them to the frame).
#[component]
pub fn WaterLayer(
    /// Which frame this layer draws (0: the main frame).
    frame: usize,
) -> impl IntoView {
    let map = use_map();
    let lakes = move || map.frames.with(|f| f.water.get(frame).cloned().unwrap_or_default());
    let rivers = move || {
        if frame != 0 {
            return Vec::new();
        }
        let shown = map.detail.with(|d| d.rivers.clone());
        map.frames.with(|f| shown.iter().filter_map(|&i| f.zoomed.rivers.get(i).map(|r| r.d.clone())).collect())
    };
    view! {
        <path class="water" d=lakes fill=SEA />
        <g class="rivers" data-testid=(frame == 0).then_some("rivers")>
            <For each=rivers key=|d| d.clone() let:d>
                <path class="river" d=d />
            </For>
        </g>
    }
}

/// The towns and the names of rivers and lakes that the zoom step adds, keyed by what is drawn
/// (a step or a language redraws only the names that changed).
#[component]
pub fn ZoomDetailLayer() -> impl IntoView {
    let map = use_map();
    let labels = move || {
        map.detail.with(|d| {
            let key = |kind: &str, l: &DetailLabel| {
                format!("{kind}|{}|{}|{:.1}|{:.1}|{}", l.text, l.lang, l.offset.0, l.offset.1, l.text_anchor)
            };
            d.towns
                .iter()
                .map(|l| (key("town", l), true, l.clone()))
                .chain(d.names.iter().map(|l| (key("water", l), false, l.clone())))
                .collect::<Vec<_>>()
        })
    };
    let radius = move || map.frames.with(|f| f.style.context_radius);
    view! {
        <g class="zoom-detail" aria-hidden="true" data-testid="zoom-detail">
            <For each=labels key=|(key, ..)| key.clone() let:((_, town, label))>
                <DetailName label=label town=town radius=radius() />
            </For>
        </g>
    }
}

/// One added name (a town's with its dot), kept at its size on screen through map.css
/// (`scale(1 / --zoom)` about its anchor), as the state names are.
#[component]
fn DetailName(label: DetailLabel, town: bool, radius: f64) -> impl IntoView {
    let (ax, ay) = label.anchor;
    let (dx, dy) = label.offset;
    let dot = town.then(|| view! { <circle class="town-dot" cx="0" cy="0" r=radius /> });
    view! {
        <g
            class=if town { "zoom-detail-at town" } else { "zoom-detail-at water-name" }
            style:--x=format!("{ax:.1}px")
            style:--y=format!("{ay:.1}px")
        >
            {dot}
            <text
                x=format!("{dx:.1}")
                y=format!("{dy:.1}")
                text-anchor=label.text_anchor
                dominant-baseline="central"
                lang=label.lang.to_string()
            >
                {label.text}
            </text>
        </g>
    }
}
