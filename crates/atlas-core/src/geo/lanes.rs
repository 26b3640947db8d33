//! Treaty lines between the signatories' capitals, and the lanes that keep treaties between
//! the same two capitals side by side instead of on top of each other.
use std::collections::HashMap;

use super::layout::MapLayout;
use super::path::line_path;
use crate::model::EventKind;
use crate::timeline::{Atlas, EventIndex};

/// Treaty lines between the same two capitals are drawn this far apart (SVG units).
pub const LANE_GAP: f64 = 5.0;

/// The segment from `a` to `b` moved sideways by `offset` (to the right of the direction
/// of travel in screen coordinates, y growing downwards, for a positive offset).
fn shifted(a: (f64, f64), b: (f64, f64), offset: f64) -> [(f64, f64); 2] {
    let length = (b.0 - a.0).hypot(b.1 - a.1).max(1e-9);
    let (nx, ny) = (-(b.1 - a.1) / length * offset, (b.0 - a.0) / length * offset);
    [(a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny)]
}

/// The path of each treaty on `layout`: a line between each pair of its signatories'
/// capitals. Each treaty gets a lane, so that treaties between the same capitals stay apart.
///
/// ```
/// use atlas_core::geo::layout::{BALTIC_REGION, MAP_WIDTH};
/// use atlas_core::geo::{treaty_paths, MapLayout};
/// use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, LonLat, Span};
///
/// let (riga, tallinn, kaunas) =
///     (LonLat { lon: 24.11, lat: 56.95 }, LonLat { lon: 24.75, lat: 59.44 }, LonLat { lon: 23.91, lat: 54.9 });
/// let treaty = |id: &str, points: Vec<LonLat>| Event {
///     id: EventId::new(id).expect("slug"),
///     kind: EventKind::Treaty,
///     span: Span { start: HistoricDate::year_only(1934), end: Some(HistoricDate::year_only(1940)) },
///     place: None,
///     parties: vec![],
///     title: Default::default(),
///     summary: Default::default(),
///     sources: vec![],
///     note: None,
///     points,
/// };
/// let atlas = Atlas::new(vec![], vec![treaty("entente", vec![riga, tallinn, kaunas]), treaty("pair", vec![riga, tallinn])]);
/// let layout = MapLayout::new(BALTIC_REGION, MAP_WIDTH, []);
/// let paths = treaty_paths(&atlas, &layout);
/// let lines = |id: &str| {
///     let (index, _) = atlas.indexed_events().find(|(_, e)| e.id.as_str() == id).expect("the treaty");
///     paths[&index].matches('M').count()
/// };
/// assert_eq!((lines("entente"), lines("pair")), (3, 1), "a line between each pair of capitals");
/// ```
pub fn treaty_paths(atlas: &Atlas, layout: &MapLayout) -> HashMap<EventIndex, String> {
    atlas
        .indexed_events()
        .filter(|(_, e)| e.kind == EventKind::Treaty && e.points.len() >= 2)
        .enumerate()
        .map(|(lane, (index, event))| {
            let offset = ((lane % 3) as f64 - 1.0) * LANE_GAP;
            let points: Vec<(f64, f64)> = event.points.iter().filter_map(|&p| layout.project(p)).collect();
            let mut d = String::new();
            for (i, &a) in points.iter().enumerate() {
                for &b in &points[i + 1..] {
                    d.push_str(&line_path(&shifted(a, b, offset)));
                }
            }
            (index, d)
        })
        .collect()
}
