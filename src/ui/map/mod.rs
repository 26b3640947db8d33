//! The SVG map, in layers. It measures its box and builds atlas-core's map model for it stage
//! by stage ([`context::MapContext`]); each layer binds what the model returns: land and
//! borders ([`borders`]), lakes, rivers and what zooming in adds ([`water`]), treaty lines
//! ([`treaties`]), markers and their labels ([`markers`]), state names ([`labels`]), the
//! callouts of regions that passed that year ([`callouts`]), insets and the SVG definitions
//! ([`insets`]), the zoom buttons and gestures ([`controls`]), "About these borders"
//! ([`about_borders`]) and the legend ([`legend`]). Only the main frame zooms and pans. Two maps
//! may stand side by side (two dates, src/ui/compare.rs): each is given its day, and both follow
//! the page's one zoom and pan.
mod about_borders;
mod borders;
mod callouts;
mod context;
mod controls;
mod insets;
mod labels;
mod legend;
mod markers;
mod treaties;
mod water;

use std::sync::Arc;

use atlas_core::geo::detail::{zoom_step, ZoomDetail};
use atlas_core::geo::model::{MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::palette::SEA;
use atlas_core::geo::style::MapBox;
use atlas_core::geo::MapView;
use atlas_core::time::CalendarDay;
use atlas_core::DataSet;
use leptos::prelude::*;
use leptos_use::{use_element_size, UseElementSizeReturn};

use crate::state::{use_data, use_locale, use_map_view, use_mode, use_selection, MapViewState};
use borders::BordersLayer;
use callouts::{RegionCallouts, TransferAreas};
pub use context::{page_width, use_map, MapContext, MapIds};
use controls::{Gestures, PanPad, ZoomControls};
use insets::{Insets, MapDefs};
use labels::StateNames;
use legend::MapLegend;
use markers::MainMarkers;
use treaties::{InsetPart, InsetTreatyLines, TreatyLines};
use water::{WaterLayer, ZoomDetailLayer};

/// Builds one map's model as memos, from the data, the measured box, the selected day and the
/// language.
fn map_context(
    data: &Arc<DataSet>,
    map_box: Memo<MapBox>,
    view: RwSignal<MapView>,
    day: Signal<CalendarDay>,
) -> MapContext {
    let locale = use_locale();
    let frames = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(MapFrames::new(&data, map_box.get())))
    };
    let year = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(MapYear::new(&data, &frames.get(), day.get())))
    };
    let epoch = {
        let data = data.clone();
        Memo::new(move |_| data.borders.epoch_on(year.with(|y| y.day)))
    };
    // The states of the last few sets of borders shown, for the box: a step back to borders
    // just shown finds them here (finding where a state's name fits is the costly part of a
    // step that changes the borders). A few only: each holds its states' outlines (hundreds
    // of KB for all the epochs), and a kiosk's memory must stay flat for weeks.
    const KEPT_EPOCHS: usize = 4;
    let made = StoredValue::new(Vec::<(Arc<MapFrames>, Vec<usize>, Arc<MapStates>)>::new());
    let states = {
        let data = data.clone();
        Memo::new(move |_| {
            let (frames, epoch) = (frames.get(), epoch.get());
            // The one found moves to the end: the first is the one shown longest ago.
            let found = made.try_update_value(|made| {
                let at = made.iter().position(|(f, e, _)| Arc::ptr_eq(f, &frames) && *e == epoch)?;
                let entry = made.remove(at);
                let states = entry.2.clone();
                made.push(entry);
                Some(states)
            });
            found.flatten().unwrap_or_else(|| {
                let states = Arc::new(MapStates::of_periods(&data, &frames, epoch.clone()));
                made.update_value(|made| {
                    made.retain(|(f, ..)| Arc::ptr_eq(f, &frames));
                    if made.len() >= KEPT_EPOCHS {
                        made.remove(0);
                    }
                    made.push((frames, epoch, states.clone()));
                });
                states
            })
        })
    };
    let labels = {
        let data = data.clone();
        Memo::new(move |_| {
            let view = view.get();
            Arc::new(MapLabels::for_view(&data, &frames.get(), &states.get(), &year.get(), locale.lang(), view))
        })
    };
    let active_places = Memo::new(move |_| year.with(|y| y.active_places.clone()));
    let treaties = Memo::new(move |_| year.with(|y| y.treaties.clone()));
    let steps = Memo::new(move |_| frames.with(|f| f.zoomed.steps()));
    let step = Memo::new(move |_| steps.with(|steps| zoom_step(steps, view.with(|v| v.scale))));
    let detail = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(ZoomDetail::new(&data, &frames.get(), &labels.get(), step.get(), locale.lang())))
    };
    MapContext {
        ids: MapIds::next(),
        map_box,
        frames,
        epoch,
        states,
        year,
        active_places,
        treaties,
        labels,
        detail,
        view,
    }
}

/// The map of the region with insets for far places.
#[component]
pub fn AtlasMap(
    /// The day it shows: the selection's, unless given (the first map of two dates side by side).
    #[prop(optional, into)]
    day: Option<Signal<CalendarDay>>,
    /// A `data-testid` for the map's box, when there is more than one map on the page.
    #[prop(optional, into)]
    testid: MaybeProp<&'static str>,
) -> impl IntoView {
    let day = day.unwrap_or_else(|| {
        let selection = use_selection();
        Signal::derive(move || selection.day())
    });
    let data = use_data();
    let locale = use_locale();
    let MapViewState(view) = use_map_view();
    let mode = use_mode();

    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // The box is measured on a plain element around the SVG (leptos-use reads an SVG's size
    // from its computed style, which it cannot parse).
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let UseElementSizeReturn { width, height } = use_element_size(box_ref);
    let unmeasured = MapBox::unmeasured(context::window_width(), mode, page_width());
    let map_box = Memo::new(move |_| unmeasured.measured(width.get(), height.get()));
    // A new shape of box is a new map: the reader's zoom of the old one no longer applies.
    Effect::new(move |previous: Option<(f64, f64)>| {
        let now = map_box.with(|b| (b.width, b.height));
        if previous.is_some_and(|p| p != now) {
            view.set(MapView::HOME);
        }
        now
    });
    let map = map_context(&data, map_box, view, day);
    provide_context(map);

    let gestures = Gestures::new(svg_ref, map_box, view);
    // The markers ask it whether a click ends a drag.
    provide_context(gestures);
    let view_box = move || map_box.with(|b| format!("0 0 {} {}", b.width, b.height));
    let width = move || map_box.with(|b| b.width);
    let height = move || map_box.with(|b| b.height);
    let transform = move || view.get().transform();
    let zoom = move || format!("{:.4}", view.get().scale);
    let main_clip = map.ids.clip_url(0);
    let main_land = move || map.frames.with(|f| f.land[0].clone());
    // The map's sizes and colours from atlas-core (geo::style), written as the custom
    // properties map.css draws with (through the CSSOM, which the page's CSP allows).
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let properties = map.frames.with(|f| f.style.css_properties());
        if let Some(wrap) = wrap_ref.get() {
            let style = web_sys::HtmlElement::style(&wrap);
            for (name, value) in properties {
                let _ = style.set_property(name, &value);
            }
            // The drawn shape, for the printed sheet's box (style.css, `@media print`): printing
            // runs no script, so the sheet keeps this shape and the whole map shows.
            let shape = map_box.with(|b| format!("{} / {}", b.width.round(), b.height.round()));
            let _ = style.set_property("--map-aspect", &shape);
        }
    });

    view! {
        <div class="map-wrap" data-testid=move || testid.get() node_ref=wrap_ref>
            <div class="map-box" node_ref=box_ref>
            <svg
                class="map"
                viewBox=view_box
                preserveAspectRatio="xMidYMid slice"
                role="group"
                aria-label=move || locale.text().map_label().to_owned()
                // Focusable, for the arrow keys, + and − (one tab stop; its cities are the next).
                tabindex="0"
                data-testid="map"
                node_ref=svg_ref
                on:keydown=move |ev| gestures.key(&ev)
                on:pointerdown=move |ev| gestures.down(&ev)
                on:pointermove=move |ev| gestures.moved(&ev)
                on:pointerup=move |ev| gestures.up(&ev)
                on:pointercancel=move |ev| gestures.up(&ev)
                on:pointerleave=move |ev| gestures.up(&ev)
                on:wheel=move |ev| gestures.wheel(&ev)
            >
                <MapDefs />
                <rect class="sea" x="0" y="0" width=width height=height fill=SEA />
                <g class="zoomable" transform=transform style:--zoom=zoom>
                    <g class="base-layer" clip-path=main_clip.clone()>
                        <rect class="sea" x="0" y="0" width=width height=height fill=SEA />
                        <path class="land" d=main_land />
                        <BordersLayer frame=0 />
                        <WaterLayer frame=0 />
                        <TransferAreas />
                    </g>
                </g>
                <g mask=map.ids.url("outside-insets")>
                    <g class="zoomable treaty-layer" aria-hidden="true" transform=transform>
                        <g clip-path=main_clip>
                            <TreatyLines />
                        </g>
                    </g>
                    // The lines into insets, in the frame's own coordinates (their ends in the
                    // main frame follow the zoom); each inset draws their last stretch itself.
                    <g class="treaty-layer" aria-hidden="true">
                        <InsetTreatyLines part=InsetPart::OverMain />
                    </g>
                </g>
                <g class="zoomable" transform=transform style:--zoom=zoom>
                    <StateNames />
                    <ZoomDetailLayer />
                    <MainMarkers />
                    <RegionCallouts />
                </g>
                <Insets />
            </svg>
            // The kiosk's attract loop docks its invitation on the map.
            {use_context::<super::AttractLoop>().map(|_| view! { <super::AttractHint /> })}
            <PanPad />
            </div>
            <ZoomControls />
            <MapLegend />
        </div>
    }
}
