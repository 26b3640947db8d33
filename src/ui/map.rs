//! The SVG map: land and sea (drawn once), treaty lines and city markers (which
//! follow the selected year). Positions come from atlas-core's layout.
use std::sync::Arc;

use atlas_core::borders::reference_day;
use atlas_core::geo::layout::{BALTIC_REGION, MAP_WIDTH};
use atlas_core::geo::{
    city_label_obstacles, city_markers, frame_point, polygons_path, treaty_paths, LabelOffset, LabelSide, MapLayout,
    MapView, Marker, Pointers, ScreenRect,
};
use atlas_core::{HistoricDate, PlaceId};
use leptos::prelude::*;

use super::borders_layer::BordersLayer;
use super::icon_button::IconButton;
use crate::state::{ActiveEvents, Locale, MapViewState, Selection};
use atlas_core::DataSet;

const ZOOM_IN_ICON: &str = "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z";
const ZOOM_OUT_ICON: &str = "M4 11h16v2H4z";
/// "Show the whole map": four corners pointing outwards.
const RESET_ICON: &str = "M3 3h7v2H6.4l4.3 4.3-1.4 1.4L5 6.4V10H3zM21 3v7h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H14V3zM3 21v-7h2v3.6l4.3-4.3 1.4 1.4L6.4 19H10v2zM21 21h-7v-2h3.6l-4.3-4.3 1.4-1.4 4.3 4.3V14h2z";

/// The land path of each frame (clipped to the frame's rectangle when drawn).
fn land_paths(data: &DataSet, layout: &MapLayout) -> Vec<String> {
    layout
        .frames
        .iter()
        .map(|frame| polygons_path(&data.basemap.polygons, frame).unwrap_or_else(|| "M0 0".to_owned()))
        .collect()
}

/// Drag to pan, pinch or wheel to zoom: pointer positions in map frame units.
#[derive(Clone, Copy)]
struct Gestures {
    svg: NodeRef<leptos::svg::Svg>,
    size: (f64, f64),
    view: RwSignal<MapView>,
    pointers: StoredValue<Pointers>,
}

impl Gestures {
    fn new(svg: NodeRef<leptos::svg::Svg>, size: (f64, f64), view: RwSignal<MapView>) -> Self {
        Self { svg, size, view, pointers: StoredValue::new(Pointers::default()) }
    }

    /// A client (CSS pixel) position in the map's frame units.
    fn position(&self, x: i32, y: i32) -> Option<(f64, f64)> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        let element = ScreenRect { x: rect.left(), y: rect.top(), width: rect.width(), height: rect.height() };
        frame_point((f64::from(x), f64::from(y)), element, self.size)
    }

    fn down(&self, ev: &leptos::ev::PointerEvent) {
        if let Some(p) = self.position(ev.client_x(), ev.client_y()) {
            self.pointers.update_value(|ps| ps.down(ev.pointer_id(), p));
        }
    }

    fn moved(&self, ev: &leptos::ev::PointerEvent) {
        let Some(p) = self.position(ev.client_x(), ev.client_y()) else { return };
        let mut view = None;
        self.pointers.update_value(|ps| view = ps.moved(ev.pointer_id(), p, self.view.get_untracked(), self.size));
        if let Some(view) = view {
            self.view.set(view);
        }
    }

    fn up(&self, ev: &leptos::ev::PointerEvent) {
        self.pointers.update_value(|ps| ps.up(ev.pointer_id()));
    }

    fn wheel(&self, ev: &leptos::ev::WheelEvent) {
        let Some(p) = self.position(ev.client_x(), ev.client_y()) else { return };
        ev.prevent_default();
        let size = self.size;
        self.view.update(|v| *v = v.wheel(ev.delta_y(), p, size));
    }
}

/// The map of the region with insets for far places.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let locale = expect_context::<Locale>();
    let ActiveEvents(active) = expect_context::<ActiveEvents>();
    let layout = Arc::new(MapLayout::new(
        BALTIC_REGION,
        MAP_WIDTH,
        data.atlas.places().iter().map(|p| (p.id.as_str(), p.location)),
    ));
    let view_box = format!("0 0 {} {:.0}", layout.width, layout.height);
    let lands = land_paths(&data, &layout);
    let treaties = treaty_paths(&data.atlas, &layout);
    let markers = city_markers(&data.atlas, &layout);
    let city_points = city_label_obstacles(&markers);

    let atlas = data.clone();
    let selection = expect_context::<Selection>();
    let active_places =
        Memo::new(move |_| atlas.atlas.places_with_event_in(selection.year()).into_iter().cloned().collect::<Vec<_>>());
    let treaties = StoredValue::new(treaties);
    let active_treaties = move || {
        treaties.with_value(|treaties| {
            active.with(|indices| indices.iter().copied().filter(|i| treaties.contains_key(i)).collect::<Vec<_>>())
        })
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
                </g>
            }
        })
        .collect_view();

    let frame_borders = layout
        .frames
        .iter()
        .map(|frame| {
            let r = frame.rect;
            view! { <rect class="frame-border" class:inset=frame.is_inset() x=r.x y=r.y width=r.width height=r.height /> }
        })
        .collect_view();
    let borders_date = move || {
        let day = reference_day(selection.year());
        let date =
            HistoricDate::day(day.year, day.month, day.day).map(|d| locale.text().dates().date(&d)).unwrap_or_default();
        locale.text().borders_as_of(&date)
    };
    let MapViewState(map_view) = expect_context::<MapViewState>();
    let size = (layout.width, layout.height);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let gestures = Gestures::new(svg_ref, size, map_view);

    view! {
        <div class="map-wrap">
            <svg
                class="map"
                viewBox=view_box
                role="group"
                aria-label=move || locale.text().map_label().to_owned()
                node_ref=svg_ref
                on:pointerdown=move |ev| gestures.down(&ev)
                on:pointermove=move |ev| gestures.moved(&ev)
                on:pointerup=move |ev| gestures.up(&ev)
                on:pointercancel=move |ev| gestures.up(&ev)
                on:pointerleave=move |ev| gestures.up(&ev)
                on:wheel=move |ev| gestures.wheel(&ev)
            >
                <g
                    class="zoomable"
                    transform=move || map_view.get().transform()
                    style:--zoom=move || format!("{:.4}", map_view.get().scale)
                >
                <g class="base-layer">{frames}</g>
                <BordersLayer layout=layout.clone() cities=city_points />
                <g class="frame-borders" aria-hidden="true">{frame_borders}</g>
                <g class="treaty-layer" aria-hidden="true">
                    <For each=active_treaties key=|index| *index let:index>
                        <path class="treaty" class:highlighted=move || selection.opened_event() == Some(index) d=treaties.with_value(|t| t.get(&index).cloned().unwrap_or_default()) />
                    </For>
                </g>
                <g class="city-layer">
                    {markers.into_iter().map(|marker| {
                        let frame = PlaceId::new(&marker.id)
                            .and_then(|id| data.atlas.place(&id))
                            .map_or(&layout.frames[0], |place| layout.frame_for(place.location));
                        let side = LabelSide::of(&marker, frame, layout.width);
                        view! { <CityMarker marker=marker side=side active_places=active_places /> }
                    }).collect_view()}
                </g>
                </g>
            </svg>
            <div class="zoom-controls">
                <IconButton
                    testid="zoom-in"
                    label=Signal::derive(move || locale.text().zoom_in().to_owned())
                    icon=ZOOM_IN_ICON
                    on_click=move || map_view.update(|v| *v = v.zoom_in(size))
                />
                <IconButton
                    testid="zoom-out"
                    label=Signal::derive(move || locale.text().zoom_out().to_owned())
                    icon=ZOOM_OUT_ICON
                    on_click=move || map_view.update(|v| *v = v.zoom_out(size))
                />
                <IconButton
                    testid="reset-view"
                    label=Signal::derive(move || locale.text().reset_view().to_owned())
                    icon=RESET_ICON
                    disabled=Signal::derive(move || map_view.get().is_home())
                    on_click=move || map_view.set(MapView::HOME)
                />
            </div>
            <ul class="legend">
                <li><span class="key key-city"></span>{move || locale.text().legend_city().to_owned()}</li>
                <li><span class="key key-active"></span>{move || locale.text().legend_active_city().to_owned()}</li>
                <li><span class="key key-treaty"></span>{move || locale.text().legend_treaty().to_owned()}</li>
                <li class="borders-date" data-testid="borders-date">{borders_date}</li>
            </ul>
        </div>
    }
}

/// One city: a focusable button that opens its panel.
#[component]
fn CityMarker(
    marker: Marker,
    /// Where its label goes.
    side: LabelSide,
    /// The places with an event in the selected year.
    active_places: Memo<Vec<PlaceId>>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
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
    let LabelOffset { dx, dy, text_anchor } = side.offset();
    let is_active = {
        let id = id.clone();
        move || active_places.with(|places| places.binary_search(&id).is_ok())
    };
    let is_open = {
        let id = id.clone();
        move || selection.is_open(&id)
    };
    // The place of the event whose details a reader has opened.
    let is_highlighted = {
        let id = id.clone();
        move || selection.opened_event().is_some_and(|index| data.atlas.event(index).place.as_ref() == Some(&id))
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
            class:active=is_active.clone()
            data-active=move || if is_active() { "true" } else { "false" }
            class:open=is_open
            class:highlighted=is_highlighted
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
            <text class="label" x=x y=y dx=dx dy=dy text-anchor=text_anchor>{label}</text>
        </g>
    }
    .into_any()
}
