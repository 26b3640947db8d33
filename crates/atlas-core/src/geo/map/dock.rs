//! Where the kiosk's attract invitation goes on the map: a box of a given size, docked at an
//! edge or over the sea, never over a highlighted city's marker or name, the map's buttons or
//! its insets, and over as few other names and lines as it can.
use super::model::{MapFrames, MapLabels, MapYear};
use super::placement::Segment;
use crate::geo::geometry::ScreenRect;

/// The room kept between the box and the map's edges.
pub const DOCK_MARGIN: f64 = 16.0;
/// The room kept around a highlighted city's marker and name.
pub const CLEARANCE: f64 = 8.0;
/// The step of the positions tried, in pixels.
const GRID: f64 = 8.0;
/// What covering a line costs, as much as this area of names (px²).
const LINE_COST: f64 = 1_500.0;
/// What covering a city's marker or name costs per px², against 1 for a state's name: a
/// visitor looks for the cities (Kaunas, Moscow) first.
const CITY_WEIGHT: f64 = 6.0;
/// The same for a place the story only names, and a region's callout.
const CONTEXT_WEIGHT: f64 = 2.0;
/// What each pixel away from the nearest edge costs: the box docks at an edge where it can.
const EDGE_COST: f64 = 6.0;
/// What each pixel away from where the box was costs: it moves only for a reason.
const MOVE_COST: f64 = 8.0;

/// What the invitation must keep off and what it had better not cover, on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DockScene {
    /// The map's box (the SVG's user units are CSS pixels from its top left corner).
    pub map: ScreenRect,
    /// Never covered: the highlighted cities' markers and names, the buttons, the insets.
    pub keep_off: Vec<ScreenRect>,
    /// Covered as little as can be: the other markers and every other name, each with what
    /// covering a px² of it costs.
    pub avoid: Vec<(ScreenRect, f64)>,
    /// Crossed as little as can be: the treaty lines drawn on the day.
    pub lines: Vec<Segment>,
}

impl DockScene {
    /// A map with nothing on it yet.
    pub fn empty(map: ScreenRect) -> DockScene {
        DockScene { map, keep_off: Vec::new(), avoid: Vec::new(), lines: Vec::new() }
    }

    /// The scene of a map as the app draws it: the markers and names of [`MapLabels`] (placed
    /// for its view), the active places of [`MapYear`], the buttons' corner and the insets of
    /// [`MapFrames`].
    pub fn of_map(frames: &MapFrames, labels: &MapLabels, year: &MapYear) -> DockScene {
        let style = &frames.style;
        let map = ScreenRect { x: 0.0, y: 0.0, width: frames.map_box.width, height: frames.map_box.height };
        let main = frames.layout.frames[0].rect;
        // The buttons and the insets with room around them: an inset's border is drawn on its
        // edge, and a box that only touches it reads as covering it.
        let mut keep_off: Vec<ScreenRect> = vec![frames.controls.grown(CLEARANCE)];
        keep_off.extend(frames.layout.frames.iter().skip(1).map(|f| f.rect.grown(CLEARANCE)));
        let mut avoid = Vec::new();
        let arrow = super::model::edge_arrow_size(style);
        for (i, marker) in frames.markers.iter().enumerate() {
            if labels.is_hidden(i) {
                continue;
            }
            let at = if marker.frame == 0 { labels.view.to_screen(marker.position) } else { marker.position };
            if marker.frame == 0 && !main.contains(at) {
                continue;
            }
            let active = !marker.context && year.is_active(&marker.place);
            let radius = if marker.at_edge {
                arrow
            } else if marker.context {
                style.context_radius
            } else if active {
                style.active_radius
            } else {
                style.radius
            };
            let dot = ScreenRect::centred(at, 2.0 * radius + 2.0, 2.0 * radius + 2.0);
            let name = labels.city(i).map(|p| p.bounds);
            if active {
                keep_off.extend(std::iter::once(dot).chain(name).map(|b| b.grown(CLEARANCE)));
            } else {
                let weight = if marker.context { CONTEXT_WEIGHT } else { CITY_WEIGHT };
                avoid.extend(std::iter::once(dot).chain(name).map(|b| (b, weight)));
            }
        }
        avoid.extend(labels.states.iter().map(|s| (s.placed.bounds, 1.0)));
        avoid.extend(labels.callouts.iter().map(|c| (c.bounds, CONTEXT_WEIGHT)));
        let lines = labels.lines.iter().map(|l| l.segment).collect();
        DockScene { map, keep_off, avoid, lines }
    }

    /// Where a box of `width` × `height` goes: inside the map (with [`DOCK_MARGIN`]), off
    /// everything in [`DockScene::keep_off`], over as little of the rest as it can, at an edge
    /// where it can, and where it was (`previous`, its top left corner) unless a better place
    /// is worth the move. Where no place keeps off everything, the one that covers least of it.
    ///
    /// ```
    /// use atlas_core::geo::dock::DockScene;
    /// use atlas_core::geo::ScreenRect;
    ///
    /// let map = ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 };
    /// let city = ScreenRect::centred((200.0, 60.0), 20.0, 20.0);
    /// let scene = DockScene { keep_off: vec![city], ..DockScene::empty(map) };
    /// let placed = scene.place(300.0, 100.0, None);
    /// assert!(!placed.overlaps(&city) && placed.grown(-16.0 + 0.01).inside(&map));
    /// ```
    pub fn place(&self, width: f64, height: f64, previous: Option<(f64, f64)>) -> ScreenRect {
        let m = DOCK_MARGIN;
        let xs = positions(self.map.x + m, self.map.right() - m - width);
        let ys = positions(self.map.y + m, self.map.bottom() - m - height);
        let mut best: Option<(f64, f64, ScreenRect)> = None;
        for &y in &ys {
            for &x in &xs {
                let b = ScreenRect { x, y, width, height };
                let blocked: f64 = self.keep_off.iter().map(|k| overlap_area(&b, k)).sum();
                let mut cost: f64 = self.avoid.iter().map(|(a, weight)| weight * overlap_area(&b, a)).sum();
                cost += LINE_COST * self.lines.iter().filter(|[p, q]| b.crosses(*p, *q)).count() as f64;
                let edge = (b.x - self.map.x)
                    .min(self.map.right() - b.right())
                    .min(b.y - self.map.y)
                    .min(self.map.bottom() - b.bottom())
                    - m;
                cost += EDGE_COST * edge.max(0.0);
                if let Some((px, py)) = previous {
                    cost += MOVE_COST * (x - px).hypot(y - py);
                }
                let better = best.is_none_or(|(bb, bc, _)| (blocked, cost) < (bb, bc));
                if better {
                    best = Some((blocked, cost, b));
                }
            }
        }
        best.map_or(ScreenRect { x: self.map.x + m, y: self.map.y + m, width, height }, |(_, _, b)| b)
    }
}

/// The positions from `from` to `to` every [`GRID`] pixels, `to` included; only `from` where
/// the box does not fit.
fn positions(from: f64, to: f64) -> Vec<f64> {
    if to <= from {
        return vec![from];
    }
    let steps = ((to - from) / GRID).floor() as usize;
    let mut all: Vec<f64> = (0..=steps).map(|i| from + i as f64 * GRID).collect();
    if all.last().is_some_and(|&last| last < to) {
        all.push(to);
    }
    all
}

/// The area two rectangles share.
fn overlap_area(a: &ScreenRect, b: &ScreenRect) -> f64 {
    let w = a.right().min(b.right()) - a.x.max(b.x);
    let h = a.bottom().min(b.bottom()) - a.y.max(b.y);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::model::MapModel;
    use crate::geo::style::MapBox;
    use crate::link::Mode;
    use crate::time::CalendarDay;
    use crate::Lang;

    fn map() -> ScreenRect {
        ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 }
    }

    #[test]
    fn an_empty_map_docks_the_box_at_an_edge() {
        let scene = DockScene::empty(map());
        let b = scene.place(300.0, 100.0, None);
        let gaps = [b.x, map().right() - b.right(), b.y, map().bottom() - b.bottom()];
        assert!(gaps.iter().any(|&g| (g - DOCK_MARGIN).abs() < 0.01), "{b:?}");
    }

    #[test]
    fn the_box_keeps_off_highlighted_cities_and_avoids_names() {
        // Cities along the top and left edges; a name along the bottom.
        let keep_off: Vec<ScreenRect> = (0..8)
            .map(|i| ScreenRect::centred((50.0 + 100.0 * f64::from(i), 40.0), 30.0, 30.0))
            .chain((0..6).map(|i| ScreenRect::centred((40.0, 50.0 + 100.0 * f64::from(i)), 30.0, 30.0)))
            .collect();
        let name = ScreenRect::from_edges(100.0, 500.0, 800.0, 600.0);
        let scene = DockScene { map: map(), keep_off: keep_off.clone(), avoid: vec![(name, 1.0)], lines: vec![] };
        let b = scene.place(300.0, 100.0, None);
        assert!(keep_off.iter().all(|k| !k.overlaps(&b)), "{b:?}");
        assert!(!b.overlaps(&name), "room elsewhere: {b:?}");
    }

    #[test]
    fn the_box_stays_where_it_was_while_it_may_and_moves_when_it_must() {
        let scene = DockScene::empty(map());
        let b = scene.place(300.0, 100.0, Some((484.0, 484.0)));
        assert_eq!((b.x, b.y), (484.0, 484.0));
        let city = ScreenRect::centred((600.0, 520.0), 30.0, 30.0);
        let scene = DockScene { keep_off: vec![city], ..scene };
        let moved = scene.place(300.0, 100.0, Some((484.0, 484.0)));
        assert!(!moved.overlaps(&city), "{moved:?}");
    }

    #[test]
    fn a_box_too_big_for_the_map_goes_to_its_top_left() {
        let scene = DockScene::empty(map());
        let b = scene.place(900.0, 700.0, None);
        assert_eq!((b.x, b.y), (DOCK_MARGIN, DOCK_MARGIN));
    }

    /// The kiosk's maps, in both orientations, in the years where the invitation once covered
    /// a highlighted city (Tallinn in 1919 and 1939, Helsinki in 1920), in the two languages
    /// with the longest invitation: no highlighted marker or name, button or inset is covered.
    #[test]
    fn on_the_kiosk_maps_the_invitation_never_covers_a_highlighted_city() {
        let data = crate::dataset::committed_data();
        let boxes = [(1230.0, 800.0), (1856.0, 640.0), (1048.0, 900.0), (1048.0, 700.0)];
        let days = [(1919, 9, 14), (1920, 1, 1), (1923, 11, 1), (1934, 9, 12), (1939, 10, 10), (1940, 6, 16)];
        for (width, height) in boxes {
            for (year, month, day) in days {
                for lang in ["lv", "lt"].map(|code| Lang::new(code).expect("a language")) {
                    let day = CalendarDay { year, month, day };
                    let model = MapModel::build(&data, day, lang, MapBox::new(width, height, Mode::Kiosk));
                    let scene = DockScene::of_map(&model.frames, &model.labels, &model.year);
                    let (w, h) = ((width - 32.0).min(416.0), 200.0);
                    let placed = scene.place(w, h, None);
                    assert!(placed.inside(&scene.map), "{width}×{height} {day}: {placed:?}");
                    let covered: Vec<&ScreenRect> = scene.keep_off.iter().filter(|k| k.overlaps(&placed)).collect();
                    assert!(covered.is_empty(), "{width}×{height} {day} {lang:?}: {placed:?} covers {covered:?}");
                    let active = model.frames.markers.iter().filter(|m| model.year.is_active(&m.place)).count();
                    assert!(active == 0 || scene.keep_off.len() > 1 + active, "the active cities are kept off");
                }
            }
        }
    }
}
