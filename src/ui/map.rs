//! The SVG map: land and sea (drawn once), treaty lines and city markers (which
//! follow the selected year). Positions come from atlas-core's layout.
use std::collections::HashMap;
use std::sync::Arc;

use atlas_core::geo::layout::{BALTIC_REGION, MAP_WIDTH};
use atlas_core::geo::{declutter, line_path, rings_path, GeoBounds, MapLayout, Marker};
use atlas_core::{EventKind, PlaceId};
use leptos::prelude::*;

use crate::load::AtlasData;
use crate::state::{ActiveEvents, Locale, Selection};

/// Markers closer than this (SVG units) are moved apart, with a leader line.
const MARKER_SPACING: f64 = 30.0;

/// The land path of each frame, clipped by the frame's rectangle.
fn land_paths(data: &AtlasData, layout: &MapLayout) -> Vec<String> {
    layout
        .frames
        .iter()
        .map(|frame| {
            let rings = data
                .basemap
                .polygons
                .iter()
                .filter(|polygon| {
                    polygon
                        .first()
                        .and_then(|outer| GeoBounds::around(outer.iter().copied()))
                        .is_some_and(|b| b.intersects(&frame.bounds))
                })
                .flatten()
                .map(Vec::as_slice);
            rings_path(rings, &frame.projection)
        })
        .collect()
}

/// Treaties between the same capitals are drawn side by side, this far apart.
const TREATY_LANE_GAP: f64 = 5.0;

/// Lines between each pair of a treaty's signatories, per treaty event position.
/// Each treaty gets a lane, so that treaties between the same capitals stay apart.
fn treaty_paths(data: &AtlasData, layout: &MapLayout) -> HashMap<usize, String> {
    data.atlas
        .events()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventKind::Treaty && e.points.len() >= 2)
        .enumerate()
        .map(|(lane, (index, event))| {
            let offset = ((lane % 3) as f64 - 1.0) * TREATY_LANE_GAP;
            let points: Vec<(f64, f64)> = event.points.iter().filter_map(|&p| layout.project(p)).collect();
            let mut d = String::new();
            for (i, &a) in points.iter().enumerate() {
                for &b in &points[i + 1..] {
                    let length = (b.0 - a.0).hypot(b.1 - a.1).max(1e-9);
                    let (nx, ny) = (-(b.1 - a.1) / length * offset, (b.0 - a.0) / length * offset);
                    d.push_str(&line_path(&[(a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny)]));
                }
            }
            (index, d)
        })
        .collect()
}

/// City markers, the busiest first so that they keep their true place.
fn city_markers(data: &AtlasData, layout: &MapLayout) -> Vec<Marker> {
    let mut places: Vec<_> = data.atlas.places().iter().collect();
    places.sort_by_key(|p| (std::cmp::Reverse(data.atlas.conferences_at(&p.id).count()), p.id.clone()));
    let anchors = places.into_iter().filter_map(|p| layout.project(p.location).map(|xy| (p.id.to_string(), xy)));
    declutter(anchors, MARKER_SPACING)
}

/// The map of the region with insets for far places.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let data = expect_context::<Arc<AtlasData>>();
    let locale = expect_context::<Locale>();
    let ActiveEvents(active) = expect_context::<ActiveEvents>();
    let layout = MapLayout::new(BALTIC_REGION, MAP_WIDTH, data.atlas.places().iter().map(|p| (p.id.as_str(), p.location)));
    let view_box = format!("0 0 {} {:.0}", layout.width, layout.height);
    let lands = land_paths(&data, &layout);
    let treaties = treaty_paths(&data, &layout);
    let markers = city_markers(&data, &layout);

    let atlas = data.clone();
    let selection = expect_context::<Selection>();
    let active_places =
        Memo::new(move |_| atlas.atlas.places_with_event_in(selection.year()).into_iter().cloned().collect::<Vec<_>>());
    let active_treaties = move || {
        active.with(|indices| indices.iter().filter_map(|i| treaties.get(i).cloned()).collect::<Vec<_>>())
    };

    let frames = layout
        .frames
        .iter()
        .zip(lands)
        .map(|(frame, land)| {
            let r = frame.rect;
            let clip_id = format!("clip-{}", frame.id);
            let clip_url = format!("url(#{clip_id})");
            let class = if frame.is_inset() { "frame inset" } else { "frame" };
            view! {
                <g class=class>
                    <clipPath id=clip_id>
                        <rect x=r.x y=r.y width=r.width height=r.height />
                    </clipPath>
                    <rect class="sea" x=r.x y=r.y width=r.width height=r.height />
                    <path class="land" d=land clip-path=clip_url />
                    <rect class="frame-border" x=r.x y=r.y width=r.width height=r.height />
                </g>
            }
        })
        .collect_view();

    view! {
        <div class="map-wrap">
            <svg class="map" viewBox=view_box role="group" aria-label=move || locale.text().map_label>
                <g class="base-layer">{frames}</g>
                <g class="treaty-layer" aria-hidden="true">
                    {move || active_treaties().into_iter().map(|d| view! { <path class="treaty" d=d /> }).collect_view()}
                </g>
                <g class="city-layer">
                    {markers.into_iter().map(|marker| view! { <CityMarker marker=marker map_width=layout.width active_places=active_places /> }).collect_view()}
                </g>
            </svg>
            <ul class="legend">
                <li><span class="key key-city"></span>{move || locale.text().legend_city}</li>
                <li><span class="key key-active"></span>{move || locale.text().legend_active_city}</li>
                <li><span class="key key-treaty"></span>{move || locale.text().legend_treaty}</li>
            </ul>
        </div>
    }
}

/// One city: a focusable button that opens its panel.
#[component]
fn CityMarker(
    marker: Marker,
    /// The width of the map, to keep labels inside it.
    map_width: f64,
    /// The places with an event in the selected year.
    active_places: Memo<Vec<PlaceId>>,
) -> impl IntoView {
    let data = expect_context::<Arc<AtlasData>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let Some(place) = PlaceId::new(&marker.id).and_then(|id| data.atlas.place(&id).cloned()) else {
        return ().into_any();
    };
    let id = place.id.clone();
    let name = StoredValue::new(place.name.clone());
    let label = move || name.with_value(|n| n.text(locale.lang()).to_owned());
    let (x, y) = marker.position;
    let (ax, ay) = marker.anchor;
    // The label goes on the side the marker was moved to, and never off the map's right edge.
    let label_left = x < ax || x > map_width * 0.88;
    let (label_x, anchor) = if label_left { (x - 11.0, "end") } else { (x + 11.0, "start") };
    let is_active = {
        let id = id.clone();
        move || active_places.with(|places| places.binary_search(&id).is_ok())
    };
    let is_open = {
        let id = id.clone();
        move || selection.is_open(&id)
    };
    let open = {
        let id = id.clone();
        move || selection.open_city(id.clone())
    };
    let open_on_key = {
        let open = open.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                open();
            }
        }
    };
    let leader = marker.is_moved().then(|| {
        view! {
            <line class="leader" x1=ax y1=ay x2=x y2=y />
            <circle class="anchor" cx=ax cy=ay r="2.5" />
        }
    });
    view! {
        <g
            class="city"
            class:active=is_active
            class:open=is_open
            data-testid=format!("city-{id}")
            role="button"
            tabindex="0"
            aria-label=label
            on:click=move |_| open()
            on:keydown=open_on_key
        >
            {leader}
            <circle class="hit" cx=x cy=y r="18" />
            <circle class="dot" cx=x cy=y r="6" />
            <text class="label" x=label_x y=y + 5.0 text-anchor=anchor>{label}</text>
        </g>
    }
    .into_any()
}
