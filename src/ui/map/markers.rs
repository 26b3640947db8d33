//! The places on the map: a focusable button for each city (its panel opens on a click, a tap,
//! Enter or Space), a small dot for a place the story only names, each with its label where
//! atlas-core placed it, and for a place beyond the main frame an arrow at its edge, labelled
//! with the place's name and distance ("Berlin 420 km"), a button like a city's.

use atlas_core::geo::geometry::path::tenths;
use atlas_core::geo::model::{edge_arrow_size, CityText, PlaceName};
use atlas_core::PlaceId;
use leptos::prelude::*;

use super::controls::Gestures;
use super::use_map;
use crate::state::{use_data, use_locale, use_selection, use_selection_setter};

/// Whether a marker is drawn in the main frame (which zooms: the marker keeps its size on
/// screen) or in an inset (which does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerFrame {
    Main,
    Inset,
}

/// What a marker shows of the day's labels (atlas-core's `MapLabels`, at the marker's index).
#[derive(Debug, Clone, PartialEq)]
struct MarkerLabel {
    /// Its place's name on the day, in the reader's language.
    name: Option<PlaceName>,
    /// Where its label is written, if it has a place.
    placed: Option<CityText>,
    /// Whether it gives way altogether (a place the story only names).
    gave_way: bool,
    /// An edge marker's label: its name and distance.
    edge_text: Option<String>,
}

/// The main frame's markers, keyed by place and by whether it is an arrow at the edge (each
/// keeps its element when the box is measured again, only its position changes).
#[component]
pub fn MainMarkers() -> impl IntoView {
    let map = use_map();
    let ids = move || {
        map.frames
            .with(|f| f.markers_in(0).map(|i| (f.markers[i].place.clone(), f.markers[i].at_edge)).collect::<Vec<_>>())
    };
    view! {
        <g class="city-layer">
            <For each=ids key=|id| id.clone() let:((place, _))>
                <CityMarker place=place frame=MarkerFrame::Main />
            </For>
        </g>
    }
}

/// The arrow of an edge marker, `size` from its centre to its tip, pointing east (rotated to
/// its place's direction by its transform): an arrowhead with a notch, not a city's dot.
fn arrow_path(size: f64) -> String {
    let (back, wing, notch) = (-0.7 * size, 0.85 * size, -0.25 * size);
    format!("M{size:.1} 0L{back:.1} {:.1}L{notch:.1} 0L{back:.1} {wing:.1}Z", -wing)
}

/// One place's marker and label.
#[component]
pub fn CityMarker(
    /// The place.
    place: PlaceId,
    /// The frame it is drawn in.
    frame: MarkerFrame,
) -> impl IntoView {
    let data = use_data();
    let selection = use_selection();
    let locale = use_locale();
    let map = use_map();
    if data.atlas.place(&place).is_none() {
        return ().into_any();
    }
    let place_id = StoredValue::new(place.clone());
    let index = {
        let place = place.clone();
        Memo::new(move |_| map.frames.with(|f| f.marker_index(&place)))
    };
    // Everything the marker shows of the day's labels, read from them by one memo: each reader
    // of the labels is one more subscriber for every step to wake and re-subscribe, and a large
    // atlas has hundreds of markers (issue 23).
    let labelled = Memo::new(move |_| {
        index.get().map(|i| {
            map.labels.with(|l| MarkerLabel {
                name: l.names.get(i).cloned(),
                placed: l.text(i),
                gave_way: l.is_hidden(i),
                edge_text: l.city_texts.get(i).cloned(),
            })
        })
    });
    // Its name on the selected day in the reader's language (atlas-core's labels): a memo, so
    // that a step wakes the marker only when the name changes (Memel from 23 March 1939).
    let name = Memo::new(move |_| labelled.with(|l| l.as_ref().and_then(|l| l.name.clone())));
    // Its marker, again only when the box changes: a label's step reads its position here.
    let marker = Memo::new(move |_| index.get().and_then(|i| map.frames.with(|f| f.markers.get(i).cloned())));
    let context = marker.with_untracked(|m| m.as_ref().is_some_and(|m| m.context));
    // Keyed by it (MainMarkers): it does not change while this marker is drawn.
    let at_edge = marker.with_untracked(|m| m.as_ref().is_some_and(|m| m.at_edge));
    let position = move || marker.with(|m| m.as_ref().map_or((0.0, 0.0), |m| m.position));
    let label = move || name.with(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default());
    let label_lang = move || name.with(|n| n.as_ref().map(|n| n.lang.to_string()));
    // An arrow's label is its name and distance, as atlas-core placed it.
    let text_of = move || {
        if at_edge {
            labelled.with(|l| l.as_ref().and_then(|l| l.edge_text.clone())).unwrap_or_else(label)
        } else {
            label()
        }
    };
    let scale = move || if frame == MarkerFrame::Inset { 1.0 } else { 1.0 / map.view.get().scale };
    let transform = move || {
        let (x, y) = position();
        format!("translate({x:.1} {y:.1}) scale({:.4})", scale())
    };
    // The label relative to the marker (the same while the map pans: no redraw).
    let placed = Memo::new(move |_| labelled.with(|l| l.as_ref().and_then(|l| l.placed)));
    // A label's elements stay while its marker is drawn: a step that moves the label only sets
    // where it is (two or three attributes), instead of building it again (six attributes and a
    // text; a label moves on many steps). A marker without a placed label hides them.
    let placed_number = move |of: fn(&CityText) -> f64| move || placed.with(|p| p.map(|p| tenths(of(&p))));
    let unplaced = move || placed.with(|p| p.is_none().then_some("none"));
    let text = move || {
        let leader = move || {
            placed.with(|p| p.and_then(|p| p.leader)).map(|[(x1, y1), (x2, y2)]| {
                view! {
                    <line class="label-leader" x1=tenths(x1) y1=tenths(y1) x2=tenths(x2) y2=tenths(y2) />
                }
            })
        };
        view! {
            {leader}
            <text
                class="label"
                display=unplaced
                x=placed_number(|p| p.dx)
                y=placed_number(|p| p.dy)
                text-anchor=move || placed.with(|p| p.map(|p| p.text_anchor))
                dominant-baseline="central"
                lang=label_lang
            >
                {text_of}
            </text>
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
    let style = move || map.frames.with(|f| f.style);
    // A city's name answers a tap as its dot does: a box under it, the one kept free for it.
    let name_target = move || {
        view! {
            <rect
                class="label-hit"
                display=unplaced
                data-testid=format!("label-{}", place_id.get_value())
                x=placed_number(|p| p.bounds.x)
                y=placed_number(|p| p.bounds.y)
                width=placed_number(|p| p.bounds.width)
                height=placed_number(|p| p.bounds.height)
            />
        }
    };
    if context {
        // It gives way altogether where its dot would cost a city nearby its name.
        let gave_way = Memo::new(move |_| labelled.with(|l| l.as_ref().is_some_and(|l| l.gave_way)));
        return view! {
            <g class="city context" class:gave-way=move || gave_way.get() data-testid=format!("place-{place}") aria-hidden="true">
                {leader}
                <g transform=transform>
                    <circle class="dot" cx="0" cy="0" r=move || style().context_radius />
                    {text}
                </g>
            </g>
        }
        .into_any();
    }
    // One memo reads the year's active places for the marker's class, state and dot: one
    // subscriber a marker to wake on a step, not three.
    let active = {
        let place = place.clone();
        Memo::new(move |_| map.is_active(&place))
    };
    let is_active = move || active.get();
    let is_open = {
        let place = place.clone();
        move || selection.is_open(&place)
    };
    // The place of the event whose details a reader has opened.
    let is_highlighted = {
        let place = place.clone();
        move || selection.is_event_opened_at(&place)
    };
    let setter = use_selection_setter();
    let gestures = use_context::<Gestures>();
    let open = {
        let place = place.clone();
        move || setter.open_city(place.clone())
    };
    // A click opens the panel unless it ends a drag or pinch that began on the dot or the name
    // (they move with the finger, so the click lands on them).
    let open_on_click = {
        let open = open.clone();
        move |_: leptos::ev::MouseEvent| {
            if !gestures.is_some_and(|g| g.dragged()) {
                open();
            }
        }
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
    let radius = move || if is_active() { style().active_radius } else { style().radius };
    if at_edge {
        let edge = {
            let place = place.clone();
            Memo::new(move |_| map.frames.with(|f| f.edge(&place).cloned()))
        };
        // "Berlin, 420 km to the south-west, beyond the edge of the map".
        let spoken = move || {
            let name = label();
            edge.with(|e| e.as_ref().map(|e| e.accessible_name(&locale.text(), &name))).unwrap_or(name)
        };
        let arrow = move || {
            let angle = edge.with(|e| e.as_ref().map_or(0.0, |e| e.angle));
            view! {
                <path class="edge-arrow" d=arrow_path(edge_arrow_size(&style())) transform=format!("rotate({angle:.1})") />
            }
        };
        // A plate under the label (the box kept free for it), so that it reads as a sign
        // pointing the way, not as a city named where it is not.
        let plate = move || {
            placed.get().map(|p| {
                let b = p.bounds;
                view! {
                    <rect class="edge-plate" x=format!("{:.1}", b.x) y=format!("{:.1}", b.y) width=format!("{:.1}", b.width) height=format!("{:.1}", b.height) rx="4" />
                }
            })
        };
        return view! {
            <g
                class="city edge"
                class:active=is_active
                data-active=move || if is_active() { "true" } else { "false" }
                class:open=is_open
                class:highlighted=is_highlighted
                data-testid=format!("city-{place}")
                data-edge="true"
                role="button"
                tabindex="0"
                aria-label=spoken
                on:click=open_on_click
                on:keydown=open_on_key
            >
                <g transform=transform>
                    {plate}
                    <circle class="hit" cx="0" cy="0" r=move || style().hit_radius />
                    {arrow}
                    {text}
                </g>
            </g>
        }
        .into_any();
    }
    view! {
        <g
            class="city"
            class:active=is_active
            data-active=move || if is_active() { "true" } else { "false" }
            class:open=is_open
            class:highlighted=is_highlighted
            data-testid=format!("city-{place}")
            role="button"
            tabindex="0"
            aria-label=label
            on:click=open_on_click
            on:keydown=open_on_key
        >
            {leader}
            <g transform=transform>
                <circle class="hit" cx="0" cy="0" r=move || style().hit_radius />
                {name_target}
                <circle class="dot" cx="0" cy="0" r=radius />
                {text}
            </g>
        </g>
    }
    .into_any()
}
