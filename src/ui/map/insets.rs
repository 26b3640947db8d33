//! The insets (Geneva, Moscow, … beyond the main frame), which neither zoom nor pan, and the
//! map's SVG definitions: a clip path for each frame, the mask that keeps treaty lines off the
//! insets, and the hatching of occupied states.
use atlas_core::geo::palette::{OCCUPATION_HATCH, SEA};
use leptos::prelude::*;

use super::borders::BordersLayer;
use super::markers::{CityMarker, MarkerFrame};
use super::use_map;
use super::water::WaterLayer;

/// The clip paths, the insets' mask and the hatching pattern, with this map's own ids.
#[component]
pub fn MapDefs() -> impl IntoView {
    let map = use_map();
    let ids = map.ids;
    let defs = move || {
        map.frames.with(|frames| {
            let layout = &frames.layout;
            let clips = layout
                .frames
                .iter()
                .enumerate()
                .map(|(i, frame)| {
                    let r = frame.rect;
                    view! {
                        <clipPath id=ids.clip(i)>
                            <rect x=r.x y=r.y width=r.width height=r.height />
                        </clipPath>
                    }
                })
                .collect_view();
            // Treaty lines stop at an inset's edge instead of running on under it (to Moscow's
            // true place, east of a narrow frame).
            let holes = layout
                .frames
                .iter()
                .skip(1)
                .map(|frame| {
                    let r = frame.rect.grown(2.0);
                    view! { <rect x=r.x y=r.y width=r.width height=r.height fill="black" /> }
                })
                .collect_view();
            let (w, h) = (layout.width, layout.height);
            view! {
                {clips}
                <mask id=ids.id("outside-insets") maskUnits="userSpaceOnUse" x="0" y="0" width=w height=h>
                    <rect x="0" y="0" width=w height=h fill="white" />
                    {holes}
                </mask>
            }
        })
    };
    view! {
        <defs>
            {defs}
            <pattern id=ids.id("hatch") patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="7" stroke=OCCUPATION_HATCH stroke-width="1.6" stroke-opacity="0.7" />
            </pattern>
        </defs>
    }
}

/// Every inset: its sea, land and borders clipped to it, its frame and its cities.
#[component]
pub fn Insets() -> impl IntoView {
    let map = use_map();
    let insets = move || {
        map.frames.with(|frames| {
            (1..frames.layout.frames.len())
                .map(|index| {
                    let frame = &frames.layout.frames[index];
                    let r = frame.rect;
                    let cities = frames
                        .markers_in(index)
                        .map(
                            |i| view! { <CityMarker place=frames.markers[i].place.clone() frame=MarkerFrame::Inset /> },
                        )
                        .collect_view();
                    view! {
                        <g class="frame inset" data-testid=format!("inset-{}", frame.id)>
                            <rect class="sea" x=r.x y=r.y width=r.width height=r.height fill=SEA />
                            <g clip-path=map.ids.clip_url(index)>
                                <path class="land" d=frames.land[index].clone() />
                                <BordersLayer frame=index />
                                <WaterLayer frame=index />
                            </g>
                            <rect class="frame-border inset" x=r.x y=r.y width=r.width height=r.height />
                            <g class="city-layer">{cities}</g>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! { <g class="insets">{insets}</g> }
}
