//! What zooming in adds to the map: the main rivers as thin lines, the towns (places with the
//! role `town`) and the names of rivers and lakes, each from its own zoom (`min_zoom`,
//! `label_zoom` in the data). At the whole map (zoom 1) it adds nothing.
//!
//! Two stages, like the rest of the map model: [`ZoomItems`] (per box: every river's path, every
//! town's and water name's position, computed once) and [`ZoomDetail`] (per zoom step and
//! language: which of them show, and where their names go). A zoom step ([`zoom_step`]) is the
//! greatest zoom of the data that the reader's zoom has reached, so the detail is computed again
//! only when the reader crosses one, not on every frame of a pinch.
//!
//! Names keep their size on screen as the map zooms (the map's labels are drawn at a scale of
//! 1 / zoom about their anchor), so a name's box in map units shrinks as the reader zooms
//! further in: boxes kept free at a step stay free at every greater zoom. The other labels of
//! the map (placed for the whole map by [`super::placement`]) and their markers are obstacles,
//! shrunk the same way; a town whose dot would touch one is left out, with its name.
//!
//! ```
//! use atlas_core::geo::detail::{zoom_step, ZoomDetail};
//! use atlas_core::geo::model::MapModel;
//! use atlas_core::geo::style::MapBox;
//! use atlas_core::link::Mode;
//! use atlas_core::{DataSet, Lang};
//!
//! let data = DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data")))
//!     .expect("the committed data loads");
//! let lv = Lang::new("lv").expect("a language code");
//! let model = MapModel::build(&data, atlas_core::changes::year_view_day(1934), lv, MapBox::new(1100.0, 780.0, Mode::Standard));
//! let steps = model.frames.zoomed.steps();
//! assert_eq!(zoom_step(&steps, 1.0), 1.0);
//! let whole = ZoomDetail::new(&data, &model.frames, &model.labels, 1.0, lv);
//! assert!(whole.rivers.is_empty() && whole.towns.is_empty() && whole.names.is_empty(), "zoom 1 gets no busier");
//! let zoomed = ZoomDetail::new(&data, &model.frames, &model.labels, zoom_step(&steps, 3.4), lv);
//! assert!(zoomed.names.iter().any(|n| n.text == "Daugava"));
//! ```
use super::layout::MapLayout;
use super::model::{MapFrames, MapLabels};
use super::placement::{text_size, EM_PER_CHAR_BOLD, EM_PER_CHAR_ITALIC};
use crate::dataset::DataSet;
use crate::geo::geometry::{line_path, MapView, ScreenRect};
use crate::lang::Lang;
use crate::model::PlaceId;
use crate::water::{WaterKind, WaterShape};

/// Whether something that appears from zoom `min_zoom` shows at zoom `scale`.
///
/// ```
/// use atlas_core::geo::detail::shown_at;
///
/// assert!(shown_at(1.0, 1.0));
/// assert!(!shown_at(2.0, 1.5));
/// assert!(shown_at(2.0, 2.25));
/// ```
pub fn shown_at(min_zoom: f64, scale: f64) -> bool {
    scale + 1e-9 >= min_zoom
}

/// The zoom step the reader's zoom `scale` has reached: the greatest of `steps` (the zooms the
/// data names, see [`ZoomItems::steps`]) not above it, or 1 (the whole map).
///
/// ```
/// use atlas_core::geo::detail::zoom_step;
///
/// let steps = [2.0, 3.0];
/// assert_eq!(zoom_step(&steps, 1.0), 1.0);
/// assert_eq!(zoom_step(&steps, 1.99), 1.0);
/// assert_eq!(zoom_step(&steps, 2.25), 2.0);
/// assert_eq!(zoom_step(&steps, 6.0), 3.0);
/// ```
pub fn zoom_step(steps: &[f64], scale: f64) -> f64 {
    steps.iter().copied().filter(|&s| shown_at(s, scale)).fold(1.0, f64::max)
}

/// A river's line in the main frame.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverPath {
    /// Index in [`crate::water::Water::features`].
    pub feature: usize,
    pub d: String,
    pub min_zoom: f64,
}

/// A town's dot in the main frame.
#[derive(Debug, Clone, PartialEq)]
pub struct TownMarker {
    pub place: PlaceId,
    pub position: (f64, f64),
    pub min_zoom: f64,
}

/// Where a river's or a lake's name goes in the main frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaterName {
    /// Index in [`crate::water::Water::features`].
    pub feature: usize,
    pub at: (f64, f64),
    pub label_zoom: f64,
}

/// Everything zooming in may add, for one box: computed once per box, like the land.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoomItems {
    pub rivers: Vec<RiverPath>,
    pub towns: Vec<TownMarker>,
    pub names: Vec<WaterName>,
}

impl ZoomItems {
    /// The rivers, towns and water names that fall in the main frame of `layout`.
    pub fn new(data: &DataSet, layout: &MapLayout) -> ZoomItems {
        let Some(main) = layout.frames.first() else { return ZoomItems::default() };
        let inside = |p: (f64, f64)| main.rect.contains(p);
        let mut items = ZoomItems::default();
        for (feature, water) in data.water.features.iter().enumerate() {
            if let WaterShape::Lines(lines) = &water.shape {
                let mut d = String::new();
                for line in lines {
                    if !line.iter().any(|&p| main.bounds.contains(p)) {
                        continue;
                    }
                    let points: Vec<(f64, f64)> = line.iter().filter_map(|&p| main.projection.project(p)).collect();
                    d.push_str(&line_path(&points));
                }
                if !d.is_empty() {
                    items.rivers.push(RiverPath { feature, d, min_zoom: water.min_zoom });
                }
            }
            if let Some(at) = main.projection.project(water.label_at).filter(|&p| inside(p)) {
                let label_zoom = water.label_zoom.max(water.min_zoom);
                items.names.push(WaterName { feature, at, label_zoom });
            }
        }
        for place in data.atlas.places().iter().filter(|p| p.is_town()) {
            if let Some(position) = main.projection.project(place.location).filter(|&p| inside(p)) {
                items.towns.push(TownMarker { place: place.id.clone(), position, min_zoom: place.min_zoom() });
            }
        }
        items
    }

    /// The zooms at which something appears, each once, in order (none is 1).
    pub fn steps(&self) -> Vec<f64> {
        let mut steps: Vec<f64> = self
            .rivers
            .iter()
            .map(|r| r.min_zoom)
            .chain(self.towns.iter().map(|t| t.min_zoom))
            .chain(self.names.iter().map(|n| n.label_zoom))
            .filter(|&z| z > 1.0)
            .collect();
        crate::order::sort_by(&mut steps, f64::total_cmp);
        steps.dedup();
        steps
    }
}

/// What a name of [`ZoomDetail`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    /// A town: its index in [`ZoomItems::towns`].
    Town(usize),
    /// A river or a lake: its index in [`ZoomItems::names`].
    Water(usize),
}

/// A name that zooming in adds, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailLabel {
    pub kind: DetailKind,
    pub text: String,
    pub lang: Lang,
    /// The point it is drawn about (a town's dot; the water name's point), in map units.
    pub anchor: (f64, f64),
    /// The text's position from the anchor, in screen pixels (drawn at a scale of 1 / zoom).
    pub offset: (f64, f64),
    pub text_anchor: &'static str,
    /// The box kept free for it at the step's zoom, in map units.
    pub bounds: ScreenRect,
}

/// What the map adds at one zoom step, in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoomDetail {
    /// The step (see [`zoom_step`]).
    pub step: f64,
    /// The rivers drawn: indices in [`ZoomItems::rivers`].
    pub rivers: Vec<usize>,
    /// The towns drawn, each with its name.
    pub towns: Vec<DetailLabel>,
    /// The names of rivers and lakes written.
    pub names: Vec<DetailLabel>,
}

/// `bounds` drawn at a scale of 1 / `scale` about `anchor`.
fn shrunk(bounds: &ScreenRect, (ax, ay): (f64, f64), scale: f64) -> ScreenRect {
    ScreenRect {
        x: ax + (bounds.x - ax) / scale,
        y: ay + (bounds.y - ay) / scale,
        width: bounds.width / scale,
        height: bounds.height / scale,
    }
}

/// The positions a name tries about its anchor, in screen pixels from it: (offset, box,
/// text-anchor). A town's: right, left, above, below its dot; a water name's: on its point,
/// then above and below it.
fn candidates(size: (f64, f64), gap: f64, town: bool) -> Vec<((f64, f64), ScreenRect, &'static str)> {
    let (w, h) = size;
    let centred = |dy: f64| ((0.0, dy), ScreenRect::centred((0.0, dy), w, h), "middle");
    if town {
        vec![
            ((gap, 0.0), ScreenRect::from_edges(gap, -h / 2.0, gap + w, h / 2.0), "start"),
            ((-gap, 0.0), ScreenRect::from_edges(-gap - w, -h / 2.0, -gap, h / 2.0), "end"),
            centred(-gap - h / 2.0),
            centred(gap + h / 2.0),
        ]
    } else {
        vec![centred(0.0), centred(-h), centred(h)]
    }
}

impl ZoomDetail {
    /// What zoom step `step` adds to the map of `frames` in `lang`, clear of the map's own
    /// `labels` and markers, of each other and inside the main frame. Nothing at step 1.
    pub fn new(data: &DataSet, frames: &MapFrames, labels: &MapLabels, step: f64, lang: Lang) -> ZoomDetail {
        ZoomDetail::for_view(data, frames, labels, step, lang, labels.view)
    }

    /// The same for the box the reader sees in `view` (the one `labels` were placed for): a name
    /// goes only where it is whole on screen, off the insets and the zoom buttons, never cut
    /// by the frame's edge.
    pub fn for_view(
        data: &DataSet,
        frames: &MapFrames,
        labels: &MapLabels,
        step: f64,
        lang: Lang,
        view: MapView,
    ) -> ZoomDetail {
        let items = &frames.zoomed;
        let style = &frames.style;
        let Some(main) = frames.layout.frames.first() else { return ZoomDetail::default() };
        let rivers =
            (0..items.rivers.len()).filter(|&i| step > 1.0 && shown_at(items.rivers[i].min_zoom, step)).collect();
        let mut detail = ZoomDetail { step, rivers, ..ZoomDetail::default() };
        if step <= 1.0 {
            return detail;
        }
        // What is already drawn, as it is drawn at this step.
        let mut taken: Vec<ScreenRect> = Vec::new();
        for marker in frames.markers.iter().filter(|m| m.frame == 0) {
            let r = style.active_radius + 1.0;
            taken.push(shrunk(&ScreenRect::centred(marker.position, 2.0 * r, 2.0 * r), marker.position, step));
        }
        // The labels, placed for the reader's view, as they are drawn about their anchors.
        for (anchor, bounds) in labels.anchored_boxes(frames) {
            taken.push(shrunk(&bounds, anchor, step));
        }
        // River names first (the rivers are what zoom is for), then towns, then lakes; each
        // kind from the lowest zoom it appears at.
        enum Item<'a> {
            Town(usize, &'a crate::model::Place),
            Water(usize, &'a crate::water::WaterFeature),
        }
        let mut queue: Vec<(f64, u8, usize, Item)> = Vec::new();
        for (i, town) in items.towns.iter().enumerate() {
            if let Some(place) = data.atlas.place(&town.place).filter(|_| shown_at(town.min_zoom, step)) {
                queue.push((town.min_zoom, 1, i, Item::Town(i, place)));
            }
        }
        for (i, name) in items.names.iter().enumerate() {
            if let Some(feature) = data.water.features.get(name.feature).filter(|_| shown_at(name.label_zoom, step)) {
                let rank = if feature.kind == WaterKind::River { 0 } else { 2 };
                queue.push((name.label_zoom, rank, i, Item::Water(i, feature)));
            }
        }
        crate::order::sort_by(&mut queue, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        // Where a box shrunk about `anchor` is drawn on screen in `view` (at its own size).
        let on_screen = |b: &ScreenRect, anchor: (f64, f64)| {
            let (ax, ay) = view.to_screen(anchor);
            let (x, y) = (ax + (b.x - anchor.0) * step, ay + (b.y - anchor.1) * step);
            ScreenRect { x, y, width: b.width * step, height: b.height * step }
        };
        let insets = frames.layout.frames.get(1..).unwrap_or_default();
        let buttons = frames.buttons_in(view);
        let fits = |b: &ScreenRect, anchor: (f64, f64), taken: &[ScreenRect]| {
            let seen = on_screen(b, anchor);
            b.inside(&main.rect)
                && !taken.iter().any(|t| t.overlaps(b))
                && seen.inside(&main.rect)
                && !buttons.iter().any(|t| t.overlaps(&seen))
                && !insets.iter().any(|f| f.rect.overlaps(&seen))
        };
        for (_, _, _, item) in queue {
            let (kind, name, anchor, town) = match item {
                Item::Town(i, place) => (DetailKind::Town(i), &place.name, items.towns[i].position, true),
                Item::Water(i, feature) => (DetailKind::Water(i), &feature.name, items.names[i].at, false),
            };
            let (text, text_lang) = name.get(lang);
            let font = style.context_font;
            let em = if town { EM_PER_CHAR_BOLD } else { EM_PER_CHAR_ITALIC };
            let size = text_size(text, font, em, style.halo);
            let dot = town.then(|| {
                let r = style.context_radius + 1.0;
                shrunk(&ScreenRect::centred(anchor, 2.0 * r, 2.0 * r), anchor, step)
            });
            if dot.is_some_and(|d| !fits(&d, anchor, &taken)) {
                continue;
            }
            let gap = style.context_radius + 0.25 * font + style.halo;
            let placed = candidates(size, gap, town).into_iter().find_map(|(offset, rel, text_anchor)| {
                let bounds = shrunk(&ScreenRect { x: anchor.0 + rel.x, y: anchor.1 + rel.y, ..rel }, anchor, step);
                fits(&bounds, anchor, &taken).then_some((offset, bounds, text_anchor))
            });
            let Some((offset, bounds, text_anchor)) = placed else { continue };
            taken.push(bounds);
            taken.extend(dot);
            let label =
                DetailLabel { kind, text: text.to_owned(), lang: text_lang, anchor, offset, text_anchor, bounds };
            if town {
                detail.towns.push(label);
            } else {
                detail.names.push(label);
            }
        }
        detail
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::map::model::MapModel;
    use crate::geo::style::MapBox;
    use crate::link::Mode;

    fn lang(code: &str) -> Lang {
        Lang::new(code).expect("a language code")
    }

    fn data() -> DataSet {
        crate::dataset::committed_data()
    }

    const BOXES: [(f64, f64, Mode); 4] = [
        (1100.0, 780.0, Mode::Standard),
        (820.0, 560.0, Mode::Standard),
        (372.0, 392.0, Mode::Standard),
        (1054.0, 745.0, Mode::Kiosk),
    ];

    #[test]
    fn the_whole_map_gets_no_busier_and_zoom_brings_the_rivers_and_towns() {
        let data = data();
        for (w, h, mode) in BOXES {
            let model = MapModel::build(&data, crate::changes::year_view_day(1939), Lang::EN, MapBox::new(w, h, mode));
            let steps = model.frames.zoomed.steps();
            assert_eq!(steps, vec![2.0, 3.0], "{w}×{h}");
            let whole = ZoomDetail::new(&data, &model.frames, &model.labels, zoom_step(&steps, 1.4), Lang::EN);
            assert_eq!((whole.rivers.len(), whole.towns.len(), whole.names.len()), (0, 0, 0), "{w}×{h}");
            assert!(model.frames.markers.iter().all(|m| data.atlas.place(&m.place).is_some_and(|p| !p.is_town())));
            let zoomed = ZoomDetail::new(&data, &model.frames, &model.labels, zoom_step(&steps, 6.0), Lang::EN);
            let rivers: Vec<&str> = zoomed
                .rivers
                .iter()
                .map(|&i| data.water.features[model.frames.zoomed.rivers[i].feature].id.as_str())
                .collect();
            for river in ["daugava", "nemunas", "narva", "gauja"] {
                assert!(rivers.contains(&river), "{w}×{h}: {river} in {rivers:?}");
            }
            let more = ZoomDetail::new(&data, &model.frames, &model.labels, 2.0, Lang::EN);
            assert!(!more.towns.is_empty(), "{w}×{h}: towns at zoom 2");
            assert!(zoomed.towns.len() >= more.towns.len(), "{w}×{h}: zooming further shows no fewer towns");
        }
    }

    #[test]
    fn the_rivers_are_named_in_the_reader_s_language() {
        let data = data();
        let model = MapModel::build(
            &data,
            crate::changes::year_view_day(1934),
            lang("et"),
            MapBox::new(1100.0, 780.0, Mode::Standard),
        );
        let detail = ZoomDetail::new(&data, &model.frames, &model.labels, 3.0, lang("et"));
        let names: Vec<&str> = detail.names.iter().map(|n| n.text.as_str()).collect();
        for name in ["Väina jõgi", "Neemen"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(detail.names.iter().all(|n| n.lang == lang("et")));
    }

    #[test]
    fn added_names_keep_clear_of_each_other_of_the_map_s_labels_and_of_the_frame_edge() {
        let data = data();
        for (w, h, mode) in BOXES {
            for year in [1920, 1934, 1939, 1940] {
                for lang in [Lang::EN, lang("ru")] {
                    let model =
                        MapModel::build(&data, crate::changes::year_view_day(year), lang, MapBox::new(w, h, mode));
                    for step in [2.0, 3.0] {
                        let detail = ZoomDetail::new(&data, &model.frames, &model.labels, step, lang);
                        let added: Vec<&DetailLabel> = detail.towns.iter().chain(&detail.names).collect();
                        let main = model.frames.layout.frames[0].rect;
                        for (i, a) in added.iter().enumerate() {
                            assert!(a.bounds.inside(&main), "{w}×{h} {year} {lang}: {} cut by the frame", a.text);
                            for b in &added[i + 1..] {
                                assert!(!a.bounds.overlaps(&b.bounds), "{}/{}", a.text, b.text);
                            }
                            for s in &model.labels.states {
                                let state = shrunk(&s.placed.bounds, (s.placed.x, s.placed.y), step);
                                assert!(!a.bounds.overlaps(&state), "{} over a state's name", a.text);
                            }
                            for (m, marker) in model.frames.markers.iter().enumerate().filter(|(_, m)| m.frame == 0) {
                                if let Some(p) = model.labels.city(m) {
                                    let city = shrunk(&p.bounds, marker.position, step);
                                    assert!(!a.bounds.overlaps(&city), "{} over {}", a.text, marker.place);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn zooming_in_keeps_state_names_inside_their_states() {
        // The names are placed again for the box the reader sees: at every zoom, the letters of
        // each name are inside its state.
        let data = data();
        for (w, h, mode) in BOXES {
            let model =
                MapModel::build(&data, crate::changes::year_view_day(1939), lang("lv"), MapBox::new(w, h, mode));
            for step in [1.0, 2.0, 3.0, 6.0] {
                let view = crate::geo::MapView::HOME.zoom_at(step, (w / 2.0, h / 2.0), (w, h));
                let labels = MapLabels::for_view(&data, &model.frames, &model.states, &model.year, lang("lv"), view);
                for name in &labels.states {
                    let state = model.states.visible.iter().find(|s| s.period == name.period).expect("a visible state");
                    let letters = name.placed.bounds.grown(-model.frames.style.halo);
                    let (cx, cy) = letters.centre();
                    for corner in [(cx, cy), (letters.x, letters.y), (letters.right(), letters.bottom())] {
                        let at = view.to_map(corner);
                        assert!(
                            crate::geo::geometry::ring_contains(&state.outline, at),
                            "{w}×{h} {} at {step}: {at:?}",
                            name.text
                        );
                    }
                }
            }
        }
    }
}
