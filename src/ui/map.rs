//! The SVG map: it measures its box and asks atlas-core for a layout of that shape (the main
//! frame filling the box, insets along the left edge), then draws land and sea, the states of
//! the year, treaty lines, city markers and every label where atlas-core placed them. Only the
//! main frame zooms and pans; the insets stay put.
use std::sync::Arc;

use atlas_core::borders::reference_day;
use atlas_core::geo::map_labels::{markers, place_map_labels, visible_periods, VisibleState};
use atlas_core::geo::palette::{fill, treaties_drawn, treaty_style, OCCUPATION_HATCH, SEA};
use atlas_core::geo::placement::{LabelStyle, Placed, Placement};
use atlas_core::geo::{frame_point, polygons_path, treaty_paths, MapLayout, MapView, Marker, Pointers, ScreenRect};
use atlas_core::link::{LinkState, Mode};
use atlas_core::{HistoricDate, PlaceId};
use leptos::prelude::*;
use leptos_use::{use_element_size, UseElementSizeReturn};

use super::borders_layer::BordersLayer;
use super::icon_button::IconButton;
use crate::state::{ActiveEvents, Locale, MapViewState, Selection};
use atlas_core::DataSet;

const ZOOM_IN_ICON: &str = "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z";
const ZOOM_OUT_ICON: &str = "M4 11h16v2H4z";
/// "Show the whole map": four corners pointing outwards.
const RESET_ICON: &str = "M3 3h7v2H6.4l4.3 4.3-1.4 1.4L5 6.4V10H3zM21 3v7h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H14V3zM3 21v-7h2v3.6l4.3-4.3 1.4 1.4L6.4 19H10v2zM21 21h-7v-2h3.6l-4.3-4.3 1.4-1.4 4.3 4.3V14h2z";
/// The id of the hatching pattern over occupied states.
const HATCH_ID: &str = "hatch-occupied";
/// The map's shape before its box has been measured: that of map.css's fallback aspect-ratio,
/// landscape, or nearly square in a narrow window.
fn default_size() -> (f64, f64) {
    let window_width = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(1280.0);
    if window_width <= 700.0 {
        (window_width, window_width * 1.2)
    } else {
        (960.0, 680.0)
    }
}

/// The measured box in whole CSS pixels, or `default` while there is none.
fn box_size(width: f64, height: f64, default: (f64, f64)) -> (f64, f64) {
    if width >= 80.0 && height >= 80.0 {
        (width.round(), height.round())
    } else {
        default
    }
}

/// The map for a box: insets for the places where something happened, beyond the main frame.
fn layout_for(data: &DataSet, (width, height): (f64, f64)) -> MapLayout {
    let far = data.atlas.places().iter().filter(|p| !p.is_context()).map(|p| (p.id.as_str(), p.location));
    MapLayout::fitted(width, height, far)
}

/// Drag to pan, pinch or wheel to zoom: pointer positions in map frame units.
#[derive(Clone, Copy)]
struct Gestures {
    svg: NodeRef<leptos::svg::Svg>,
    size: Memo<(f64, f64)>,
    view: RwSignal<MapView>,
    pointers: StoredValue<Pointers>,
}

impl Gestures {
    fn new(svg: NodeRef<leptos::svg::Svg>, size: Memo<(f64, f64)>, view: RwSignal<MapView>) -> Self {
        Self { svg, size, view, pointers: StoredValue::new(Pointers::default()) }
    }

    /// A client (CSS pixel) position in the map's frame units.
    fn position(&self, x: i32, y: i32) -> Option<(f64, f64)> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        let element = ScreenRect { x: rect.left(), y: rect.top(), width: rect.width(), height: rect.height() };
        frame_point((f64::from(x), f64::from(y)), element, self.size.get_untracked())
    }

    fn down(&self, ev: &leptos::ev::PointerEvent) {
        if let Some(p) = self.position(ev.client_x(), ev.client_y()) {
            self.pointers.update_value(|ps| ps.down(ev.pointer_id(), p));
        }
    }

    fn moved(&self, ev: &leptos::ev::PointerEvent) {
        let Some(p) = self.position(ev.client_x(), ev.client_y()) else { return };
        let mut view = None;
        let size = self.size.get_untracked();
        self.pointers.update_value(|ps| view = ps.moved(ev.pointer_id(), p, self.view.get_untracked(), size));
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
        let size = self.size.get_untracked();
        self.view.update(|v| *v = v.wheel(ev.delta_y(), p, size));
    }
}

/// The land of one frame (clipped to the frame's rectangle when drawn).
fn land_path(data: &DataSet, layout: &MapLayout, frame: usize) -> String {
    polygons_path(&data.basemap.polygons, &layout.frames[frame]).unwrap_or_else(|| "M0 0".to_owned())
}

/// The map of the region with insets for far places.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let locale = expect_context::<Locale>();
    let selection = expect_context::<Selection>();
    let ActiveEvents(active) = expect_context::<ActiveEvents>();
    let MapViewState(map_view) = expect_context::<MapViewState>();
    let (first, last) = selection.years();
    let kiosk = LinkState::parse(&crate::browser::query(), first..=last).mode == Mode::Kiosk;

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // The box is measured on a plain element around the SVG (leptos-use reads an SVG's size
    // from its computed style, which it cannot parse).
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let UseElementSizeReturn { width, height } = use_element_size(box_ref);
    let default = default_size();
    let size = Memo::new(move |_| box_size(width.get(), height.get(), default));
    let layout = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(layout_for(&data, size.get())))
    };
    // A new shape of box is a new map: the reader's zoom of the old one no longer applies.
    Effect::new(move |previous: Option<(f64, f64)>| {
        let now = size.get();
        if previous.is_some_and(|p| p != now) {
            map_view.set(MapView::HOME);
        }
        now
    });
    let style = Memo::new(move |_| LabelStyle::for_box(size.get().0, kiosk));
    let all_markers = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(markers(&data, &layout.get())))
    };
    let epoch = {
        let data = data.clone();
        Memo::new(move |_| data.borders.epoch_on(reference_day(selection.year())))
    };
    let states = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(visible_periods(&data, &layout.get(), &epoch.get(), &style.get())))
    };
    let placement = {
        let data = data.clone();
        Memo::new(move |_| {
            let (layout, markers, states) = (layout.get(), all_markers.get(), states.get());
            Arc::new(place_map_labels(&data, &layout, &markers, &states, &style.get(), selection.year(), locale.lang()))
        })
    };
    let active_places = {
        let data = data.clone();
        Memo::new(move |_| data.atlas.places_with_event_in(selection.year()).into_iter().cloned().collect::<Vec<_>>())
    };
    let treaties = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(treaty_paths(&data.atlas, &layout.get())))
    };
    // The treaties on the map this year, in time order: their place in this list picks their
    // colour and dashes, in the lines and in the legend alike.
    // At most `MAX_TREATY_LINES` of them (the most recent), with the count of those left out.
    let active_treaties = Memo::new(move |_| {
        let treaties = treaties.get();
        let in_force =
            active.with(|indices| indices.iter().copied().filter(|i| treaties.contains_key(i)).collect::<Vec<_>>());
        let (drawn, left_out) = treaties_drawn(&in_force);
        (drawn.to_vec(), left_out)
    });
    // Each line drawn, keyed by everything it shows (its place among this year's, whether its
    // details are open, and the layout its path was made for), so that a line holds no
    // closure of its own: one would stay subscribed after the line is gone.
    let treaty_lines = move || {
        let opened = selection.opened_event();
        let generation = Arc::as_ptr(&treaties.get()) as usize;
        active_treaties.with(|(drawn, _)| {
            drawn
                .iter()
                .enumerate()
                .map(|(n, &index)| (n, index, opened == Some(index), generation))
                .collect::<Vec<_>>()
        })
    };
    let gestures = Gestures::new(svg_ref, size, map_view);
    let view_box = move || {
        let (w, h) = size.get();
        format!("0 0 {w} {h}")
    };

    let defs = move || {
        let layout = layout.get();
        let clips = layout
            .frames
            .iter()
            .map(|frame| {
                let r = frame.rect;
                view! {
                    <clipPath id=format!("clip-{}", frame.id)>
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
                let r = frame.rect;
                view! { <rect x=r.x - 2.0 y=r.y - 2.0 width=r.width + 4.0 height=r.height + 4.0 fill="black" /> }
            })
            .collect_view();
        let (w, h) = (layout.width, layout.height);
        view! {
            {clips}
            <mask id="outside-insets" maskUnits="userSpaceOnUse" x="0" y="0" width=w height=h>
                <rect x="0" y="0" width=w height=h fill="white" />
                {holes}
            </mask>
        }
    };
    // The markers of the main frame (and its edge), by id: each keeps its element when the
    // box is measured again, only its position changes.
    let main_ids = {
        let data = data.clone();
        Memo::new(move |_| {
            let layout = layout.get();
            all_markers
                .get()
                .iter()
                .filter(|m| frame_of(&data, &layout, m) == 0)
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let insets = {
        let data = data.clone();
        move || {
            let current = layout.get();
            let markers = all_markers.get();
            (1..current.frames.len())
                .map(|index| {
                    let frame = &current.frames[index];
                    let r = frame.rect;
                    let clip = format!("url(#clip-{})", frame.id);
                    let cities = markers
                        .iter()
                        .filter(|m| frame_of(&data, &current, m) == index)
                        .map(|marker| {
                            view! { <CityMarker id=marker.id.clone() inset=true markers=all_markers placement=placement style=style active_places=active_places /> }
                        })
                        .collect_view();
                    let land = land_path(&data, &current, index);
                    view! {
                        <g class="frame inset" data-testid=format!("inset-{}", frame.id)>
                            <rect class="sea" x=r.x y=r.y width=r.width height=r.height fill=SEA />
                            <g clip-path=clip>
                                <path class="land" d=land />
                                <BordersLayer layout=layout frame=index />
                            </g>
                            <rect class="frame-border inset" x=r.x y=r.y width=r.width height=r.height />
                            <g class="city-layer">{cities}</g>
                        </g>
                    }
                })
                .collect_view()
        }
    };
    let edges = move || {
        layout
            .get()
            .edge
            .iter()
            .map(|edge| {
                let ((x, y), angle) = (edge.position, edge.angle);
                let transform = move || {
                    let scale = 1.0 / map_view.get().scale;
                    format!("translate({x:.1} {y:.1}) scale({scale:.4}) rotate({angle:.1})")
                };
                view! { <path class="edge-arrow" d="M14 0 L4 -7 L4 7 Z" transform=transform /> }
            })
            .collect_view()
    };
    let main_land = {
        let data = data.clone();
        move || land_path(&data, &layout.get(), 0)
    };
    let width = move || size.get().0;
    let height = move || size.get().1;
    let main_clip = "url(#clip-main)";
    let frames = view! {
        <defs>
            {defs}
            <pattern id=HATCH_ID patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="7" stroke=OCCUPATION_HATCH stroke-width="1.6" stroke-opacity="0.7" />
            </pattern>
        </defs>
        <rect class="sea" x="0" y="0" width=width height=height fill=SEA />
        <g
            class="zoomable"
            transform=move || map_view.get().transform()
            style:--zoom=move || format!("{:.4}", map_view.get().scale)
        >
            <g class="base-layer" clip-path=main_clip>
                <rect class="sea" x="0" y="0" width=width height=height fill=SEA />
                <path class="land" d=main_land />
                <BordersLayer layout=layout frame=0 />
            </g>
        </g>
        <g mask="url(#outside-insets)">
            <g class="zoomable treaty-layer" aria-hidden="true" transform=move || map_view.get().transform()>
                <g clip-path=main_clip>
                    <For each=treaty_lines key=|line| *line let:((n, index, highlighted, _))>
                        <TreatyLine index=index n=n highlighted=highlighted treaties=treaties />
                    </For>
                </g>
            </g>
        </g>
        <g class="zoomable" transform=move || map_view.get().transform() style:--zoom=move || format!("{:.4}", map_view.get().scale)>
            <StateNames placement=placement states=states />
            <g class="edge-layer" aria-hidden="true">{edges}</g>
            <g class="city-layer">
                <For each=move || main_ids.get() key=|id| id.clone() let:id>
                    <CityMarker id=id inset=false markers=all_markers placement=placement style=style active_places=active_places />
                </For>
            </g>
        </g>
        <g class="insets">{insets}</g>
    };

    view! {
        <div class="map-wrap">
            <div class="map-box" node_ref=box_ref>
            <svg
                class="map"
                viewBox=view_box
                preserveAspectRatio="xMidYMid slice"
                role="group"
                aria-label=move || locale.text().map_label().to_owned()
                node_ref=svg_ref
                style:--city-font=move || format!("{}px", style.get().city_font)
                style:--state-font=move || format!("{}px", style.get().state_font)
                style:--context-font=move || format!("{}px", style.get().context_font)
                on:pointerdown=move |ev| gestures.down(&ev)
                on:pointermove=move |ev| gestures.moved(&ev)
                on:pointerup=move |ev| gestures.up(&ev)
                on:pointercancel=move |ev| gestures.up(&ev)
                on:pointerleave=move |ev| gestures.up(&ev)
                on:wheel=move |ev| gestures.wheel(&ev)
            >
                {frames}
            </svg>
            </div>
            <div class="zoom-controls">
                <IconButton
                    testid="zoom-in"
                    label=Signal::derive(move || locale.text().zoom_in().to_owned())
                    icon=ZOOM_IN_ICON
                    on_click=move || map_view.update(|v| *v = v.zoom_in(size.get_untracked()))
                />
                <IconButton
                    testid="zoom-out"
                    label=Signal::derive(move || locale.text().zoom_out().to_owned())
                    icon=ZOOM_OUT_ICON
                    on_click=move || map_view.update(|v| *v = v.zoom_out(size.get_untracked()))
                />
                <IconButton
                    testid="reset-view"
                    label=Signal::derive(move || locale.text().reset_view().to_owned())
                    icon=RESET_ICON
                    disabled=Signal::derive(move || map_view.get().is_home())
                    on_click=move || map_view.set(MapView::HOME)
                />
            </div>
            <MapLegend states=states active_treaties=active_treaties />
        </div>
    }
}

/// The frame (index in the layout) a marker is drawn in.
fn frame_of(data: &DataSet, layout: &MapLayout, marker: &Marker) -> usize {
    if layout.edge.iter().any(|e| e.id == marker.id) {
        return 0;
    }
    let Some(place) = PlaceId::new(&marker.id).and_then(|id| data.atlas.place(&id)) else { return 0 };
    let frame = layout.frame_for(place.location);
    layout.frames.iter().position(|f| f.id == frame.id).unwrap_or(0)
}

/// One treaty's lines, in the colour and dashes of its place among this year's treaties.
#[component]
fn TreatyLine(
    index: atlas_core::EventIndex,
    /// Its place among the treaties on the map this year.
    n: usize,
    /// Whether a reader has opened its details.
    highlighted: bool,
    treaties: Memo<Arc<std::collections::HashMap<atlas_core::EventIndex, String>>>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let (colour, dashes) = treaty_style(n);
    let event = data.atlas.event(index);
    let cities: Vec<String> = event
        .points
        .iter()
        .filter_map(|p| data.atlas.places().iter().find(|place| place.location == *p).map(|place| place.id.to_string()))
        .collect();
    let d = treaties.with_untracked(|t| t.get(&index).cloned().unwrap_or_default());
    view! {
        <path
            class="treaty"
            class:highlighted=highlighted
            data-testid="treaty-line"
            data-event-id=event.id.to_string()
            data-cities=cities.join(" ")
            stroke=colour
            stroke-dasharray=(!dashes.is_empty()).then_some(dashes)
            d=d
        />
    }
}

/// The names of the states, where atlas-core placed them; their size stays the same on screen
/// when the map is zoomed.
#[component]
fn StateNames(placement: Memo<Arc<Placement>>, states: Memo<Arc<Vec<VisibleState>>>) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let locale = expect_context::<Locale>();
    // Keyed by what is drawn (the period, its language, where and on how many lines): a step
    // redraws only the names that moved or changed.
    let names = move || {
        let placement = placement.get();
        let _ = states.get();
        let lang = locale.lang();
        placement
            .states
            .iter()
            .filter_map(|(id, placed)| {
                let period = data.borders.periods().iter().find(|p| &p.id == id)?;
                let (name, name_lang) = period.name.get(lang);
                let key = format!("{id}|{name_lang}|{:.1}|{:.1}|{:?}", placed.x, placed.y, placed.lines);
                Some((key, *placed, name.to_owned(), name_lang.to_string()))
            })
            .collect::<Vec<_>>()
    };
    view! {
        <For each=names key=|(key, ..)| key.clone() let:((_, placed, text, lang))>
            <StateName placed=placed text=text lang=lang />
        </For>
    }
}

/// One state's name, on one or two lines. It keeps its size on screen when the map zooms
/// through map.css (`scale(1 / --zoom)` of the zoomable group), not a reactive transform: a
/// name is drawn again on many slider steps, and a closure per name would stay subscribed to
/// the zoom after the name is gone.
#[component]
fn StateName(placed: Placed, text: String, lang: String) -> impl IntoView {
    let lines: Vec<String> = placed.lines_of(&text).into_iter().map(str::to_owned).collect();
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
        <g class="state-name-at" style:--x=format!("{:.1}px", placed.x) style:--y=format!("{:.1}px", placed.y)>
            <text class="state-name" text-anchor="middle" dominant-baseline="central" lang=lang>{spans}</text>
        </g>
    }
}

/// One city: a focusable button that opens its panel; a place the story only names is a small
/// dot with its name, neither focusable nor a button.
#[component]
fn CityMarker(
    /// The place's id.
    id: String,
    /// Whether it is drawn in an inset (which does not zoom).
    inset: bool,
    /// Every marker of the map, where this one is drawn among them.
    markers: Memo<Arc<Vec<Marker>>>,
    /// Where the labels go.
    placement: Memo<Arc<Placement>>,
    style: Memo<LabelStyle>,
    /// The places with an event in the selected year.
    active_places: Memo<Vec<PlaceId>>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let MapViewState(map_view) = expect_context::<MapViewState>();
    let Some(place) = PlaceId::new(&id).and_then(|id| data.atlas.place(&id).cloned()) else {
        return ().into_any();
    };
    let marker = {
        let id = id.clone();
        Memo::new(move |_| markers.with(|ms| ms.iter().find(|m| m.id == id).cloned()))
    };
    let position = move || marker.get().map_or((0.0, 0.0), |m| m.position);
    let id = place.id.clone();
    let name = StoredValue::new(place.name.clone());
    let label = move || name.with_value(|n| n.text(locale.lang()).to_owned());
    let scale = move || if inset { 1.0 } else { 1.0 / map_view.get().scale };
    let transform = move || {
        let (x, y) = position();
        format!("translate({x:.1} {y:.1}) scale({:.4})", scale())
    };
    let marker_id = id.to_string();
    let placed = Memo::new(move |_| placement.with(|p| p.city(&marker_id).copied()));
    // The label is drawn again when it moves (on many steps): its text is written in, not a
    // closure of its own, which would stay subscribed to the language after the label is gone.
    let text = {
        move || {
            placed.get().map(|p| {
                let (x, y) = position();
                let (dx, dy) = (p.x - x, p.y - y);
                view! {
                    <text class="label" x=format!("{dx:.1}") y=format!("{dy:.1}") text-anchor=p.text_anchor dominant-baseline="central">
                        {label()}
                    </text>
                }
            })
        }
    };
    let leader = move || {
        let m = marker.get()?;
        let ((ax, ay), (x, y)) = (m.anchor, m.position);
        m.is_moved().then(|| {
            view! {
                <line class="leader" x1=ax y1=ay x2=x y2=y />
                <circle class="anchor" cx=ax cy=ay r="2.5" />
            }
        })
    };
    if place.is_context() {
        let r = move || style.get().context_radius;
        return view! {
            <g class="city context" data-testid=format!("place-{id}") aria-hidden="true">
                {leader}
                <g transform=transform>
                    <circle class="dot" cx="0" cy="0" r=r />
                    {text}
                </g>
            </g>
        }
        .into_any();
    }
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
    let radius = {
        let is_active = is_active.clone();
        move || if is_active() { style.get().active_radius } else { style.get().radius }
    };
    let hit = move || if style.get().kiosk { 26.0 } else { 18.0 };
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
            <g transform=transform>
                <circle class="hit" cx="0" cy="0" r=hit />
                <circle class="dot" cx="0" cy="0" r=radius />
                {text}
            </g>
        </g>
    }
    .into_any()
}

/// The legend: the states on screen this year with their colours, the hatching of occupation,
/// the markers, each treaty in force with its line, and the day the borders are drawn for.
#[component]
fn MapLegend(
    states: Memo<Arc<Vec<VisibleState>>>,
    /// The treaty lines drawn, and how many treaties in force are not drawn.
    active_treaties: Memo<(Vec<atlas_core::EventIndex>, usize)>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let locale = expect_context::<Locale>();
    let selection = expect_context::<Selection>();
    let borders_date = move || {
        let day = reference_day(selection.year());
        let date =
            HistoricDate::day(day.year, day.month, day.day).map(|d| locale.text().dates().date(&d)).unwrap_or_default();
        locale.text().borders_as_of(&date)
    };
    // Keys are keyed by what they show, so that a step redraws only those that change.
    let state_keys = {
        let data = data.clone();
        move || {
            let lang = locale.lang();
            let states = states.get();
            let mut keys: Vec<(String, String, String, bool)> = Vec::new();
            for s in states.iter() {
                let period = &data.borders.periods()[s.period];
                let (name, name_lang) = period.name.get(lang);
                if keys.iter().any(|k| k.1 == name) {
                    continue;
                }
                keys.push((period.state.clone(), name.to_owned(), name_lang.to_string(), period.occupied_by.is_some()));
            }
            keys
        }
    };
    let state_keys = view! {
        <For each=state_keys key=|key| key.clone() let:((state, name, name_lang, occupied))>
            <li class="legend-state" data-state=state.clone()>
                <span class="swatch" class:hatched=occupied style:background-color=fill(&state)></span>
                <span lang=name_lang>{name}</span>
            </li>
        </For>
    };
    let occupied = {
        let data = data.clone();
        move || {
            let any = states.get().iter().any(|s| data.borders.periods()[s.period].occupied_by.is_some());
            any.then(|| {
                view! {
                    <li data-testid="legend-occupied">
                        <span class="swatch hatched only-hatch"></span>
                        {move || locale.text().legend_occupied().to_owned()}
                    </li>
                }
            })
        }
    };
    let treaty_keys = move || {
        let lang = locale.lang();
        active_treaties
            .with(|(drawn, _)| drawn.iter().enumerate().map(|(n, &index)| (n, index, lang)).collect::<Vec<_>>())
    };
    let treaty_heading = move || {
        active_treaties
            .with(|(drawn, _)| !drawn.is_empty())
            .then(|| view! { <li class="legend-heading">{move || locale.text().legend_treaty().to_owned()}":"</li> })
    };
    let treaty_keys = view! {
        <For each=treaty_keys key=|key| *key let:((n, index, lang))>
            <TreatyKey n=n index=index lang=lang />
        </For>
    };
    // The treaties in force that have no line, counted (a large atlas's year).
    let more_treaties = move || {
        let left_out = active_treaties.with(|(_, left_out)| *left_out);
        (left_out > 0).then(|| {
            let n = u32::try_from(left_out).unwrap_or(u32::MAX);
            let text = locale.text().more_treaties(n, crate::browser::plural_category(locale.lang(), n));
            view! { <li class="legend-more" data-testid="legend-more-treaties">{text}</li> }
        })
    };
    let has_context = data.atlas.places().iter().any(|p| p.is_context());
    // On a phone the legend starts folded, so that it does not take the map's room.
    let wide = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_none_or(|w| w > 700.0);
    view! {
        <details class="map-legend" open=wide>
        <summary>{move || locale.text().legend_title().to_owned()}</summary>
        // Keeps one height (style.css) and scrolls when a year has more keys: focusable, so that a
        // keyboard can scroll it too.
        <ul class="legend" data-testid="legend" tabindex="0" aria-label=move || locale.text().legend_title().to_owned()>
            {state_keys}
            {occupied}
            <li><span class="key key-city"></span>{move || locale.text().legend_city().to_owned()}</li>
            <li><span class="key key-active"></span>{move || locale.text().legend_active_city().to_owned()}</li>
            {has_context.then(|| view! { <li><span class="key key-context"></span>{move || locale.text().legend_context().to_owned()}</li> })}
            {treaty_heading}
            {treaty_keys}
            {more_treaties}
            <li class="borders-date" data-testid="borders-date">{borders_date}</li>
        </ul>
        </details>
    }
}

/// One treaty in force in the legend: its line's colour and dashes, and its title.
#[component]
fn TreatyKey(n: usize, index: atlas_core::EventIndex, lang: atlas_core::Lang) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let (colour, dashes) = treaty_style(n);
    let event = data.atlas.event(index);
    let (title, title_lang) = event.title.get(lang);
    view! {
        <li class="legend-treaty" data-event-id=event.id.to_string()>
            <svg class="key-line" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true">
                <line x1="1" y1="4" x2="27" y2="4" stroke=colour stroke-width="3" stroke-dasharray=(!dashes.is_empty()).then_some(dashes) />
            </svg>
            <span lang=title_lang.to_string()>{title.to_owned()}</span>
        </li>
    }
}
