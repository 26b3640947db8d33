//! The insets (Geneva, Moscow, … beyond the main frame), which neither zoom nor pan, each with
//! its land, its states, its title (the state its place lies in), the treaty lines that come
//! into it and its place's marker; and the map's SVG definitions: a clip path for each frame,
//! the mask that keeps treaty lines of the main frame off the insets, and the hatching of
//! occupied states.
use atlas_core::geo::palette::{OCCUPATION_HATCH, SEA};
use leptos::prelude::*;

use super::borders::BordersLayer;
use super::markers::{CityMarker, MarkerFrame};
use super::treaties::{InsetPart, InsetTreatyLines};
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

/// An inset's title, where atlas-core placed it, in the current language.
#[component]
fn InsetTitle(
    /// The inset (index in the layout's frames).
    frame: usize,
) -> impl IntoView {
    let map = use_map();
    // What it shows, without the period of borders it names (a new set of borders with the same
    // name draws nothing again).
    let title = Memo::new(move |_| {
        map.labels.with(|l| {
            l.insets.iter().find(|t| t.frame == frame).map(|t| {
                let lines: Vec<String> = t.placed.lines_of(&t.text).into_iter().map(str::to_owned).collect();
                (lines, (t.placed.x, t.placed.y), t.placed.text_anchor, t.lang)
            })
        })
    });
    move || {
        title.get().map(|(lines, (x, y), text_anchor, lang)| {
            let count = lines.len() as f64;
            let spans = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let dy = format!("{:.3}em", (i as f64 - (count - 1.0) / 2.0) * 1.25);
                    view! { <tspan x=format!("{x:.1}") y=format!("{y:.1}") dy=dy>{line}</tspan> }
                })
                .collect_view();
            view! {
                <text class="inset-title" text-anchor=text_anchor dominant-baseline="central" lang=lang.to_string()>
                    {spans}
                </text>
            }
        })
    }
}

/// Every inset: its sea, land and borders clipped to it, the treaty lines coming into it, its
/// frame, its title and its cities.
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
                                <g class="treaty-layer" aria-hidden="true">
                                    <InsetTreatyLines part=InsetPart::In(index) />
                                </g>
                            </g>
                            <rect class="frame-border inset" x=r.x y=r.y width=r.width height=r.height />
                            <InsetTitle frame=index />
                            <g class="city-layer">{cities}</g>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! { <g class="insets">{insets}</g> }
}
