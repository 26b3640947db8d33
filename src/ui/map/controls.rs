//! The reader's zoom and pan: the +, − and "whole map" buttons, and drag, pinch and wheel on
//! the map (atlas-core's `geo::geometry::gesture` and `view` do the arithmetic).
use atlas_core::geo::style::MapBox;
use atlas_core::geo::{frame_point, MapView, Pointers, ScreenRect};
use leptos::prelude::*;

use super::about_borders::AboutBorders;
use super::use_map;
use crate::state::use_locale;
use crate::ui::icon_button::IconButton;

const ZOOM_IN_ICON: &str = "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z";
const ZOOM_OUT_ICON: &str = "M4 11h16v2H4z";
/// "Show the whole map": four corners pointing outwards.
const RESET_ICON: &str = "M3 3h7v2H6.4l4.3 4.3-1.4 1.4L5 6.4V10H3zM21 3v7h-2V6.4l-4.3 4.3-1.4-1.4L17.6 5H14V3zM3 21v-7h2v3.6l4.3-4.3 1.4 1.4L6.4 19H10v2zM21 21h-7v-2h3.6l-4.3-4.3 1.4-1.4 4.3 4.3V14h2z";

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
