//! What every layer of one map reads: the stages of atlas-core's map model as memos, the
//! reader's zoom and pan, and the map's own SVG ids. One `Copy` struct in context, with a typed
//! accessor ([`use_map`]), after leptos-chartistry's `State`.
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use atlas_core::geo::detail::ZoomDetail;
use atlas_core::geo::model::{MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::style::{MapBox, PageWidth};
use atlas_core::geo::MapView;
use leptos::prelude::*;

/// The ids of one map's SVG definitions (clip paths, the insets' mask, the hatching), unique on
/// the page, so that two maps can stand side by side and a map can be exported alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapIds(u32);

impl MapIds {
    /// The ids of a new map.
    pub fn next() -> MapIds {
        static MAPS: AtomicU32 = AtomicU32::new(0);
        MapIds(MAPS.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// The id of `what` in this map (e.g. `map1-hatch`).
    pub fn id(&self, what: &str) -> String {
        format!("map{}-{what}", self.0)
    }

    /// `url(#…)` of `what` in this map.
    pub fn url(&self, what: &str) -> String {
        format!("url(#{})", self.id(what))
    }

    /// The id of frame `frame`'s clip path.
    pub fn clip(&self, frame: usize) -> String {
        self.id(&format!("clip-{frame}"))
    }

    /// `url(#…)` of frame `frame`'s clip path.
    pub fn clip_url(&self, frame: usize) -> String {
        self.url(&format!("clip-{frame}"))
    }
}

/// One map's model, stage by stage (atlas-core's `geo::model`), and its view.
#[derive(Debug, Clone, Copy)]
pub struct MapContext {
    pub ids: MapIds,
    /// The measured box.
    pub map_box: Memo<MapBox>,
    /// Frames, markers, land, border and treaty paths: once per box.
    pub frames: Memo<Arc<MapFrames>>,
    /// The border periods standing on the year's reference day.
    pub epoch: Memo<Vec<usize>>,
    /// The states on screen and where their names may go: once per epoch.
    pub states: Memo<Arc<MapStates>>,
    /// The year's active places and treaty lines.
    pub year: Memo<Arc<MapYear>>,
    /// The places with an event this year (sorted): a memo of its own, so that the markers wake
    /// only when the set changes, not on every step.
    pub active_places: Memo<Vec<atlas_core::PlaceId>>,
    /// The treaty lines drawn this year, likewise.
    pub treaties: Memo<Vec<atlas_core::geo::model::DrawnTreaty>>,
    /// Where every word goes in the current language, for the box the reader sees (placed
    /// again when the view changes; each label's memo wakes only when its own place changes).
    pub labels: Memo<Arc<MapLabels>>,
    /// What the reader's zoom step adds (rivers, towns, names of rivers and lakes): again only
    /// when the zoom crosses a step, the labels change or the language does.
    pub detail: Memo<Arc<ZoomDetail>>,
    /// The reader's zoom and pan.
    pub view: RwSignal<MapView>,
}

/// The map this component is drawn in.
pub fn use_map() -> MapContext {
    expect_context::<MapContext>()
}

/// Whether style.css lays the page out for a narrow window (its `--page-width`): the one
/// breakpoint is CSS's, read here rather than copied.
pub fn page_width() -> PageWidth {
    let value = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| crate::browser::css_value(&root, "--page-width"))
        .unwrap_or_default();
    PageWidth::from_css(&value)
}

/// The window's width in CSS pixels (for the map's shape before it is measured).
pub fn window_width() -> f64 {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(1280.0)
}

impl MapContext {
    /// Whether something happened at `place` in the selected year.
    pub fn is_active(&self, place: &atlas_core::PlaceId) -> bool {
        self.active_places.with(|places| places.binary_search(place).is_ok())
    }
}
