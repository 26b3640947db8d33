//! The reader's zoom and pan: the +, − and "whole map" buttons, the pan pad while the map is
//! zoomed in, drag, pinch and wheel on the map, and the arrow keys, + and − while it has the
//! focus (atlas-core's `geo::geometry::gesture` and `view` do the arithmetic).
use atlas_core::geo::style::MapBox;
use atlas_core::geo::{frame_point, MapView, PanDirection, Pointers, ScreenRect};
use leptos::prelude::*;

use super::about_borders::AboutBorders;
use super::use_map;
use crate::state::use_locale;
use crate::ui::icon_button::{Icon, IconButton};

const ZOOM_IN_ICON: &str = "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z";
const ZOOM_OUT_ICON: &str = "M4 11h16v2H4z";
/// "Show the whole map": four corners pointing outwards.
const RESET_ICON: &str = "M3 3h7v2H6.4l4.3 4.3-1.4 1.4L5 6.4V10H3zM21 3v7h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H14V3zM3 21v-7h2v3.6l4.3-4.3 1.4 1.4L6.4 19H10v2zM21 21h-7v-2h3.6l-4.3-4.3 1.4-1.4 4.3 4.3V14h2z";

/// A pan button's arrow, pointing where it takes the reader.
fn pan_icon(direction: PanDirection) -> &'static str {
    match direction {
        PanDirection::North => "M12 5l7 8h-5v6h-4v-6H5z",
        PanDirection::South => "M12 19l-7-8h5V5h4v6h5z",
        PanDirection::West => "M5 12l8-7v5h6v4h-6v5z",
        PanDirection::East => "M19 12l-8 7v-5H5v-4h6V5z",
    }
}

/// Drag to pan, pinch or wheel to zoom: pointer positions in map frame units.
#[derive(Clone, Copy)]
pub struct Gestures {
    svg: NodeRef<leptos::svg::Svg>,
    map_box: Memo<MapBox>,
    view: RwSignal<MapView>,
    pointers: StoredValue<Pointers>,
}

impl Gestures {
    pub fn new(svg: NodeRef<leptos::svg::Svg>, map_box: Memo<MapBox>, view: RwSignal<MapView>) -> Self {
        Self { svg, map_box, view, pointers: StoredValue::new(Pointers::default()) }
    }

    fn size(&self) -> (f64, f64) {
        self.map_box.with_untracked(|b| (b.width, b.height))
    }

    /// A client (CSS pixel) position in the map's frame units.
    fn position(&self, x: i32, y: i32) -> Option<(f64, f64)> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        let element = ScreenRect { x: rect.left(), y: rect.top(), width: rect.width(), height: rect.height() };
        frame_point((f64::from(x), f64::from(y)), element, self.size())
    }

    pub fn down(&self, ev: &leptos::ev::PointerEvent) {
        if let Some(p) = self.position(ev.client_x(), ev.client_y()) {
            self.pointers.update_value(|ps| ps.down(ev.pointer_id(), p));
        }
    }

    pub fn moved(&self, ev: &leptos::ev::PointerEvent) {
        let Some(p) = self.position(ev.client_x(), ev.client_y()) else { return };
        let mut view = None;
        let size = self.size();
        self.pointers.update_value(|ps| view = ps.moved(ev.pointer_id(), p, self.view.get_untracked(), size));
        if let Some(view) = view {
            self.view.set(view);
        }
    }

    pub fn up(&self, ev: &leptos::ev::PointerEvent) {
        self.pointers.update_value(|ps| ps.up(ev.pointer_id()));
    }

    /// Whether the last gesture dragged or pinched the map: the click that ends it on a city's
    /// dot or name (which moved with the finger) is not a tap on it.
    pub fn dragged(&self) -> bool {
        self.pointers.with_value(Pointers::dragged)
    }

    /// The arrow keys pan the map a step, + and − zoom it, while it or a city on it has the
    /// focus (a screen reader's browse mode keeps the arrows for itself).
    pub fn key(&self, ev: &leptos::ev::KeyboardEvent) {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let size = self.size();
        let key = ev.key();
        let next = match key.as_str() {
            "+" | "=" => Some(self.view.get_untracked().zoom_in(size)),
            "-" => Some(self.view.get_untracked().zoom_out(size)),
            _ => PanDirection::from_key(&key).map(|d| self.view.get_untracked().pan_toward(d, size)),
        };
        if let Some(view) = next {
            ev.prevent_default();
            self.view.set(view);
        }
    }

    pub fn wheel(&self, ev: &leptos::ev::WheelEvent) {
        let Some(p) = self.position(ev.client_x(), ev.client_y()) else { return };
        ev.prevent_default();
        let size = self.size();
        self.view.update(|v| *v = v.wheel(ev.delta_y(), p, size));
    }
}

/// The zoom buttons in the map's top right corner (the corner atlas-core keeps free of labels),
/// and under them "About these borders".
#[component]
pub fn ZoomControls() -> impl IntoView {
    let locale = use_locale();
    let map = use_map();
    let view = map.view;
    let size = move || map.map_box.with_untracked(|b| (b.width, b.height));
    view! {
        <div class="zoom-controls">
            <IconButton
                testid="zoom-in"
                label=Signal::derive(move || locale.text().zoom_in().to_owned())
                icon=ZOOM_IN_ICON
                on_click=move || view.update(|v| *v = v.zoom_in(size()))
            />
            <IconButton
                testid="zoom-out"
                label=Signal::derive(move || locale.text().zoom_out().to_owned())
                icon=ZOOM_OUT_ICON
                on_click=move || view.update(|v| *v = v.zoom_out(size()))
            />
            <IconButton
                testid="reset-view"
                label=Signal::derive(move || locale.text().reset_view().to_owned())
                icon=RESET_ICON
                disabled=Signal::derive(move || view.get().is_home())
                on_click=move || view.set(MapView::HOME)
            />
            <AboutBorders />
        </div>
    }
}

/// Four arrow buttons laid out as a keyboard's arrow keys in a bottom corner of the map, while
/// the map is zoomed in (the whole map has nowhere to pan): a way to pan without dragging (WCAG
/// 2.5.7). Where it goes, and that the labels of a zoomed view keep clear of it, is atlas-core's
/// (`MapStyle::pan_pad`, `MapFrames::buttons_in`).
#[component]
pub fn PanPad() -> impl IntoView {
    let locale = use_locale();
    let map = use_map();
    let view = map.view;
    let size = move || map.map_box.with_untracked(|b| (b.width, b.height));
    let zoomed = move || !view.with(MapView::is_home);
    let button = move |direction: PanDirection| {
        let label = Signal::derive(move || {
            let text = locale.text();
            match direction {
                PanDirection::North => text.pan_north(),
                PanDirection::West => text.pan_west(),
                PanDirection::East => text.pan_east(),
                PanDirection::South => text.pan_south(),
            }
            .to_owned()
        });
        view! {
            <button
                type="button"
                class=format!("pan-{}", direction.as_str())
                data-testid=format!("pan-{}", direction.as_str())
                aria-label=label
                title=label
                // aria-disabled, not disabled: a button at the map's edge keeps the focus of a
                // reader who pressed it there.
                aria-disabled=move || if view.with(|v| v.can_pan_toward(direction, size())) { "false" } else { "true" }
                on:click=move |_| view.update(|v| *v = v.pan_toward(direction, size()))
            >
                <Icon path=pan_icon(direction) />
            </button>
        }
    };
    let at_left = move || map.frames.with(|f| f.pan_pad.x < f.map_box.width / 2.0);
    view! {
        <Show when=zoomed>
            <div class="pan-pad" class:at-left=at_left data-testid="pan-pad">
                {PanDirection::ALL.map(button).collect_view()}
            </div>
        </Show>
    }
}
