//! Where the map's words go: a state's name inside its state, clear of the insets and of
//! the city markers and their labels; a city's label beside its marker.
use super::area::{area_and_centroid, ring_contains};
use super::layout::{distance, Frame, MapLayout, Marker};
use crate::model::LonLat;

/// A state smaller than this on the map (in square SVG units) gets no name label.
const MIN_LABELLED_AREA: f64 = 2_500.0;
/// A state's name keeps this far (SVG units) from city markers and labels.
const LABEL_CLEARANCE: f64 = 40.0;
/// Roughly half the length of a long state name (SVG units).
const LABEL_HALF_WIDTH: f64 = 90.0;
/// Roughly how far (SVG units) a city's label runs beside its marker.
const CITY_LABEL_REACH: f64 = 45.0;
/// A marker further right than this share of the map's width has its label on its left,
/// so that the label does not run off the map.
const RIGHT_EDGE: f64 = 0.88;

/// Where to write a region's name: the first of a few places around `centre` that lies
/// inside `ring`, at least `clearance` away from every point in `avoid` (the city
/// markers) and `allowed` (e.g. not under an inset); `None` when there is no such place.
///
/// ```
/// use atlas_core::geo::label_position;
///
/// let square = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0), (0.0, 0.0)];
/// assert_eq!(label_position(&square, (50.0, 50.0), &[], 30.0, |_| true), Some((50.0, 50.0)));
/// // A city at the centre: the name moves down, away from it, and stays inside.
/// assert_eq!(label_position(&square, (50.0, 50.0), &[(50.0, 50.0)], 30.0, |_| true), Some((50.0, 80.0)));
/// ```
pub fn label_position(
    ring: &[(f64, f64)],
    centre: (f64, f64),
    avoid: &[(f64, f64)],
    clearance: f64,
    allowed: impl Fn((f64, f64)) -> bool,
) -> Option<(f64, f64)> {
    const OFFSETS: [(f64, f64); 9] = [
        (0.0, 0.0),
        (0.0, 1.0),
        (0.0, -1.0),
        (1.5, 0.0),
        (-1.5, 0.0),
        (1.0, 1.0),
        (-1.0, 1.0),
        (1.0, -1.0),
        (-1.0, -1.0),
    ];
    OFFSETS
        .iter()
        .map(|(dx, dy)| (centre.0 + dx * clearance, centre.1 + dy * clearance))
        .find(|&p| ring_contains(ring, p) && avoid.iter().all(|&a| distance(a, p) >= clearance) && allowed(p))
}

/// Whether a state's name written at `(x, y)` stays inside the main frame and clear of the insets.
fn clear_of_insets(layout: &MapLayout, (x, y): (f64, f64)) -> bool {
    let r = layout.frames[0].rect;
    let inside = (r.x + LABEL_HALF_WIDTH..=r.x + r.width - LABEL_HALF_WIDTH).contains(&x)
        && (r.y + 20.0..=r.y + r.height - 20.0).contains(&y);
    let under_inset = layout.frames.iter().skip(1).any(|f| {
        let i = f.rect;
        x - LABEL_HALF_WIDTH < i.x + i.width && y > i.y - 10.0 && y < i.y + i.height + 20.0
    });
    inside && !under_inset
}

/// Where a state's name goes in the main frame: inside its largest polygon that has room
/// for it, clear of the insets and of `avoid` (see [`city_label_obstacles`]); `None` when the
/// state is too small on the map or no place fits. `polygons` are lists of closed rings, the
/// outer ring first, as in [`crate::borders::StatePeriod::polygons`].
///
/// ```
/// use atlas_core::geo::layout::{BALTIC_REGION, MAP_WIDTH};
/// use atlas_core::geo::{state_label_position, MapLayout};
/// use atlas_core::LonLat;
///
/// let layout = MapLayout::new(BALTIC_REGION, MAP_WIDTH, []);
/// let ring = |w: f64, s: f64, e: f64, n: f64| {
///     [(w, s), (e, s), (e, n), (w, n), (w, s)].map(|(lon, lat)| LonLat { lon, lat }).to_vec()
/// };
/// let land = vec![vec![ring(22.0, 56.0, 27.0, 57.5)], vec![ring(21.0, 57.8, 21.1, 57.9)]];
/// let (x, y) = state_label_position(&land, &layout, &[]).expect("room for the name");
/// let centre = layout.project(LonLat { lon: 24.5, lat: 56.75 }).expect("on the map");
/// assert!((x - centre.0).abs() < 1.0 && (y - centre.1).abs() < 5.0, "in the large polygon");
/// // Only the islet: too small to be named.
/// assert_eq!(state_label_position(&land[1..], &layout, &[]), None);
/// ```
pub fn state_label_position(
    polygons: &[Vec<Vec<LonLat>>],
    layout: &MapLayout,
    avoid: &[(f64, f64)],
) -> Option<(f64, f64)> {
    let main = &layout.frames[0];
    polygons
        .iter()
        .filter_map(|polygon| polygon.first())
        .filter_map(|outer| {
            let screen: Vec<(f64, f64)> = outer.iter().filter_map(|&p| main.projection.project(p)).collect();
            let (area, centre) = area_and_centroid(&screen)?;
            let at = label_position(&screen, centre, avoid, LABEL_CLEARANCE, |p| clear_of_insets(layout, p))?;
            Some((area, at))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(area, _)| *area >= MIN_LABELLED_AREA)
        .map(|(_, at)| at)
}

/// The points that states' names keep clear of: each marker, its city's true place, and
/// roughly where its label runs (on either side).
///
/// ```
/// use atlas_core::geo::{city_label_obstacles, Marker};
///
/// let riga = Marker { id: "riga".into(), anchor: (500.0, 400.0), position: (500.0, 400.0) };
/// let points = city_label_obstacles(&[riga]);
/// assert_eq!(points, [(500.0, 400.0), (500.0, 400.0), (545.0, 400.0), (455.0, 400.0)]);
/// ```
pub fn city_label_obstacles(markers: &[Marker]) -> Vec<(f64, f64)> {
    markers
        .iter()
        .flat_map(|m| {
            let (x, y) = m.position;
            [m.position, m.anchor, (x + CITY_LABEL_REACH, y), (x - CITY_LABEL_REACH, y)]
        })
        .collect()
}

/// Where a city's label goes beside its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSide {
    /// To the right of the marker, the usual place.
    Right,
    /// To the left: the marker was moved left of its city, or sits near the map's right edge.
    Left,
    /// Below the marker, centred: a city drawn in an inset.
    Below,
}

/// A label's offset from its marker: the SVG `dx`, `dy` and `text-anchor` attributes, with
/// offsets in `em` so that they grow with the label on small screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelOffset {
    pub dx: &'static str,
    pub dy: &'static str,
    pub text_anchor: &'static str,
}

impl LabelSide {
    /// The side for `marker`, drawn in `frame` of a map `map_width` wide: below it in an inset;
    /// else on the side the marker was moved to, and never off the map's right edge.
    ///
    /// ```
    /// use atlas_core::geo::layout::{BALTIC_REGION, MAP_WIDTH};
    /// use atlas_core::geo::{LabelSide, MapLayout, Marker};
    ///
    /// let layout = MapLayout::new(BALTIC_REGION, MAP_WIDTH, []);
    /// let main = &layout.frames[0];
    /// let at = |anchor: (f64, f64), position: (f64, f64)| Marker { id: "city".into(), anchor, position };
    /// assert_eq!(LabelSide::of(&at((500.0, 400.0), (500.0, 400.0)), main, MAP_WIDTH), LabelSide::Right);
    /// assert_eq!(LabelSide::of(&at((500.0, 400.0), (470.0, 400.0)), main, MAP_WIDTH), LabelSide::Left);
    /// assert_eq!(LabelSide::of(&at((950.0, 400.0), (950.0, 400.0)), main, MAP_WIDTH), LabelSide::Left);
    /// ```
    pub fn of(marker: &Marker, frame: &Frame, map_width: f64) -> LabelSide {
        let (x, ax) = (marker.position.0, marker.anchor.0);
        if frame.is_inset() {
            LabelSide::Below
        } else if x < ax || x > map_width * RIGHT_EDGE {
            LabelSide::Left
        } else {
            LabelSide::Right
        }
    }

    /// The label's offset from the marker on this side.
    ///
    /// ```
    /// use atlas_core::geo::{LabelOffset, LabelSide};
    ///
    /// assert_eq!(LabelSide::Left.offset(), LabelOffset { dx: "-0.65em", dy: "0.35em", text_anchor: "end" });
    /// assert_eq!(LabelSide::Below.offset().text_anchor, "middle");
    /// ```
    pub fn offset(self) -> LabelOffset {
        let (dx, dy, text_anchor) = match self {
            LabelSide::Right => ("0.65em", "0.35em", "start"),
            LabelSide::Left => ("-0.65em", "0.35em", "end"),
            LabelSide::Below => ("0", "1.45em", "middle"),
        };
        LabelOffset { dx, dy, text_anchor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::layout::{BALTIC_REGION, MAP_WIDTH};

    const SQUARE: [(f64, f64); 5] = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0), (0.0, 0.0)];

    fn lon_lat_ring(west: f64, south: f64, east: f64, north: f64) -> Vec<LonLat> {
        [(west, south), (east, south), (east, north), (west, north), (west, south)]
            .map(|(lon, lat)| LonLat { lon, lat })
            .to_vec()
    }

    /// The main frame, and insets for Geneva and Berlin along its left edge.
    fn layout_with_insets() -> MapLayout {
        MapLayout::new(
            BALTIC_REGION,
            MAP_WIDTH,
            [("geneva", LonLat { lon: 6.14, lat: 46.2 }), ("berlin", LonLat { lon: 13.4, lat: 52.52 })],
        )
    }

    #[test]
    fn a_label_avoids_the_cities_and_stays_inside() {
        let anywhere = |_| true;
        assert_eq!(label_position(&SQUARE, (50.0, 50.0), &[], 30.0, anywhere), Some((50.0, 50.0)));
        let moved = label_position(&SQUARE, (50.0, 50.0), &[(50.0, 50.0)], 30.0, anywhere).expect("a place");
        assert!(distance(moved, (50.0, 50.0)) >= 30.0 && ring_contains(&SQUARE, moved));
        assert_eq!(label_position(&SQUARE, (50.0, 50.0), &[(50.0, 50.0)], 200.0, anywhere), None);
        let right_half = label_position(&SQUARE, (50.0, 50.0), &[], 30.0, |(x, _)| x > 60.0).expect("a place");
        assert!(right_half.0 > 60.0);
    }

    #[test]
    fn names_stay_inside_the_main_frame_and_off_the_insets() {
        let layout = layout_with_insets();
        let r = layout.frames[0].rect;
        assert!(clear_of_insets(&layout, (r.width / 2.0, r.height / 2.0)));
        assert!(!clear_of_insets(&layout, (r.width - 10.0, r.height / 2.0)), "too near the right edge");
        assert!(!clear_of_insets(&layout, (r.width / 2.0, 5.0)), "too near the top");
        let inset = layout.frames[1].rect;
        let beside_inset = (inset.x + inset.width + LABEL_HALF_WIDTH / 2.0, inset.y + inset.height / 2.0);
        assert!(!clear_of_insets(&layout, beside_inset), "would run under the inset");
        let below_insets = layout.frames.last().map(|f| f.rect.y + f.rect.height + 40.0).expect("an inset");
        assert!(clear_of_insets(&layout, (LABEL_HALF_WIDTH + 1.0, below_insets)));
    }

    #[test]
    fn a_state_is_named_in_its_largest_polygon_clear_of_cities() {
        let layout = MapLayout::new(BALTIC_REGION, MAP_WIDTH, []);
        let mainland = vec![lon_lat_ring(22.0, 55.0, 28.0, 57.5)];
        let island = vec![lon_lat_ring(21.0, 58.0, 23.0, 58.7)];
        let polygons = [island, mainland];
        let at = state_label_position(&polygons, &layout, &[]).expect("room");
        let main_ring: Vec<(f64, f64)> =
            polygons[1][0].iter().filter_map(|&p| layout.frames[0].projection.project(p)).collect();
        assert!(ring_contains(&main_ring, at), "{at:?} in the mainland");
        // A city at that place: the name moves, but stays in the mainland.
        let avoided = state_label_position(&polygons, &layout, &[at]).expect("room elsewhere");
        assert!(distance(avoided, at) >= LABEL_CLEARANCE && ring_contains(&main_ring, avoided));
    }

    #[test]
    fn a_state_under_an_inset_or_too_small_is_not_named() {
        let layout = layout_with_insets();
        // The top left corner of the main frame, where the insets are.
        let cornered = [vec![lon_lat_ring(19.6, 60.0, 22.0, 60.9)]];
        assert_eq!(state_label_position(&cornered, &layout, &[]), None);
        let tiny = [vec![lon_lat_ring(25.0, 57.0, 25.2, 57.1)]];
        assert_eq!(state_label_position(&tiny, &layout, &[]), None);
        assert_eq!(state_label_position(&[], &layout, &[]), None);
    }

    #[test]
    fn city_labels_go_beside_their_markers() {
        let layout = layout_with_insets();
        let (main, inset) = (&layout.frames[0], &layout.frames[1]);
        let marker = |anchor: (f64, f64), position: (f64, f64)| Marker { id: "c".into(), anchor, position };
        let still = marker((400.0, 300.0), (400.0, 300.0));
        assert_eq!(LabelSide::of(&still, main, MAP_WIDTH), LabelSide::Right);
        assert_eq!(LabelSide::of(&marker((400.0, 300.0), (430.0, 300.0)), main, MAP_WIDTH), LabelSide::Right);
        assert_eq!(LabelSide::of(&marker((400.0, 300.0), (370.0, 310.0)), main, MAP_WIDTH), LabelSide::Left);
        assert_eq!(LabelSide::of(&marker((890.0, 300.0), (890.0, 300.0)), main, MAP_WIDTH), LabelSide::Left);
        assert_eq!(LabelSide::of(&still, inset, MAP_WIDTH), LabelSide::Below);
        assert_eq!(LabelSide::Right.offset(), LabelOffset { dx: "0.65em", dy: "0.35em", text_anchor: "start" });
        assert_eq!(LabelSide::Below.offset(), LabelOffset { dx: "0", dy: "1.45em", text_anchor: "middle" });
    }

    #[test]
    fn state_names_keep_clear_of_moved_markers_and_their_cities() {
        let moved = Marker { id: "bulduri".into(), anchor: (488.0, 401.0), position: (458.0, 395.0) };
        let points = city_label_obstacles(&[moved]);
        assert_eq!(points.len(), 4);
        assert!(points.contains(&(488.0, 401.0)) && points.contains(&(458.0, 395.0)));
        assert!(points.contains(&(413.0, 395.0)) && points.contains(&(503.0, 395.0)));
        assert!(city_label_obstacles(&[]).is_empty());
    }
}
