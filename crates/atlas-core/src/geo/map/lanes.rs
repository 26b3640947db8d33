//! Treaty lines between the signatories' capitals, and the lanes that keep treaties between
//! the same two capitals side by side instead of on top of each other.
use super::layout::MapLayout;
use crate::model::{EventKind, LonLat};
use crate::timeline::{Atlas, EventIndex};

/// Treaty lines between the same two capitals are drawn this far apart (SVG units).
pub const LANE_GAP: f64 = 5.0;

/// One straight line of a treaty: between two of its signatories' capitals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreatyLine {
    /// The treaty.
    pub event: EventIndex,
    /// The capitals it joins, in the order the treaty lists them.
    pub from: LonLat,
    pub to: LonLat,
    /// Its lane among the lines between the same two capitals: no two of them that are on the
    /// map in the same year share a lane. Lane 0 runs straight between the capitals, the
    /// others alternately on either side of it.
    pub lane: usize,
}

impl TreatyLine {
    /// Whether the two lines join the same two capitals, whichever way round.
    ///
    /// ```
    /// use atlas_core::geo::lanes::treaty_lanes;
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, LonLat, Span};
    /// # let treaty = |id: &str, points: Vec<LonLat>| Event {
    /// #     id: EventId::new(id).expect("slug"),
    /// #     kind: EventKind::Treaty,
    /// #     span: Span::new(HistoricDate::year_only(1934), None),
    /// #     place: None,
    /// #     parties: vec![],
    /// #     title: Default::default(),
    /// #     summary: Default::default(),
    /// #     sources: vec![],
    /// #     note: None,
    /// #     points,
    /// #     role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let (riga, tallinn, kaunas) =
    ///     (LonLat { lon: 24.11, lat: 56.95 }, LonLat { lon: 24.75, lat: 59.44 }, LonLat { lon: 23.91, lat: 54.9 });
    /// let atlas = Atlas::new(vec![], vec![treaty("a", vec![riga, tallinn]), treaty("b", vec![tallinn, riga, kaunas])]);
    /// let lines = treaty_lanes(&atlas);
    /// assert!(lines[0].joins_same_cities(&lines[1]), "Tallinn–Riga is Riga–Tallinn");
    /// assert!(!lines[0].joins_same_cities(&lines[2]), "Tallinn–Kaunas");
    /// ```
    pub fn joins_same_cities(&self, other: &TreatyLine) -> bool {
        (self.from == other.from && self.to == other.to) || (self.from == other.to && self.to == other.from)
    }

    /// How far sideways (SVG units) the line is drawn from the straight line between its
    /// capitals, `gap` per lane (0, +gap, −gap, +2 gap, …); the sign is for the direction from
    /// `from` to `to` and flips with it, so that lanes stay apart whichever way round two
    /// treaties list the same capitals.
    fn offset(&self, gap: f64) -> f64 {
        let step = self.lane.div_ceil(2) as f64 * gap;
        let side = if self.lane % 2 == 1 { step } else { -step };
        let forward = self.from.lon.total_cmp(&self.to.lon).then(self.from.lat.total_cmp(&self.to.lat)).is_le();
        if forward {
            side
        } else {
            -side
        }
    }

    /// The line on `layout`'s main frame, moved sideways into its lane; `None` where a capital
    /// cannot be projected. A capital beyond the main frame (Moscow on a narrow screen) is
    /// projected where it lies, not into its inset: the line runs off the frame's edge
    /// towards it, and the frame's clip cuts it there.
    pub(crate) fn drawn(&self, layout: &MapLayout, gap: f64) -> Option<[(f64, f64); 2]> {
        let main = &layout.frames[0].projection;
        Some(self.shifted(main.project(self.from)?, main.project(self.to)?, gap))
    }

    /// The line from screen point `a` (where `from` is drawn) to `b` (where `to` is), moved
    /// sideways into its lane.
    pub(crate) fn shifted(&self, a: (f64, f64), b: (f64, f64), gap: f64) -> [(f64, f64); 2] {
        shifted(a, b, self.offset(gap))
    }
}

/// The segment from `a` to `b` moved sideways by `offset` (to the right of the direction
/// of travel in screen coordinates, y growing downwards, for a positive offset).
fn shifted(a: (f64, f64), b: (f64, f64), offset: f64) -> [(f64, f64); 2] {
    let length = (b.0 - a.0).hypot(b.1 - a.1).max(1e-9);
    let (nx, ny) = (-(b.1 - a.1) / length * offset, (b.0 - a.0) / length * offset);
    [(a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny)]
}

/// The years in which an event is on the map.
fn years(atlas: &Atlas, event: EventIndex) -> (i32, i32) {
    let span = atlas.event(event).span;
    (span.first_day().year, span.last_day().year)
}

/// Every treaty's lines, a line between each pair of its signatories' capitals, treaties in
/// time order; each line in the lowest lane that no earlier line between the same two
/// capitals, on the map in a year of its own, has taken. Lanes are counted per pair of
/// capitals: a treaty between other capitals does not push a line aside.
///
/// ```
/// use atlas_core::geo::lanes::treaty_lanes;
/// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, LonLat, Span};
/// # let treaty = |id: &str, start: i32, end: i32, points: Vec<LonLat>| Event {
/// #     id: EventId::new(id).expect("slug"),
/// #     kind: EventKind::Treaty,
/// #     span: Span::new(HistoricDate::year_only(start), Some(HistoricDate::year_only(end))),
/// #     place: None,
/// #     parties: vec![],
/// #     title: Default::default(),
/// #     summary: Default::default(),
/// #     sources: vec![],
/// #     note: None,
/// #     points,
/// #     role: Default::default(), dates: vec![], media: vec![],
/// # };
/// let (riga, tallinn, moscow) =
///     (LonLat { lon: 24.11, lat: 56.95 }, LonLat { lon: 24.75, lat: 59.44 }, LonLat { lon: 37.62, lat: 55.75 });
/// let atlas = Atlas::new(
///     vec![],
///     vec![
///         treaty("alliance", 1923, 1940, vec![riga, tallinn]),
///         treaty("far-away", 1925, 1926, vec![moscow, riga]),
///         treaty("entente", 1934, 1940, vec![tallinn, riga]),
///     ],
/// );
/// let lanes: Vec<usize> = treaty_lanes(&atlas).iter().map(|line| line.lane).collect();
/// assert_eq!(lanes, [0, 0, 1], "the entente beside the alliance; Moscow–Riga on its own");
/// ```
pub fn treaty_lanes(atlas: &Atlas) -> Vec<TreatyLine> {
    let mut lines: Vec<TreatyLine> = Vec::new();
    for (event, treaty) in atlas.indexed_events().filter(|(_, e)| e.kind == EventKind::Treaty) {
        let (first, last) = years(atlas, event);
        for (i, &from) in treaty.points.iter().enumerate() {
            for &to in &treaty.points[i + 1..] {
                let mut line = TreatyLine { event, from, to, lane: 0 };
                let taken: Vec<usize> = lines
                    .iter()
                    .filter(|other| other.joins_same_cities(&line))
                    .filter(|other| {
                        let (other_first, other_last) = years(atlas, other.event);
                        other_first <= last && first <= other_last
                    })
                    .map(|other| other.lane)
                    .collect();
                line.lane = (0..).find(|lane| !taken.contains(lane)).unwrap_or_default();
                lines.push(line);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::geo::ScreenRect;
    use crate::model::Event;

    /// The map of a 1000 × 700 box.
    fn layout() -> MapLayout {
        MapLayout::fitted(1000.0, 700.0, [], ScreenRect::from_edges(942.0, 0.0, 1000.0, 164.0))
    }

    const RIGA: LonLat = LonLat { lon: 24.1059, lat: 56.946 };
    const TALLINN: LonLat = LonLat { lon: 24.7535, lat: 59.437 };
    const KAUNAS: LonLat = LonLat { lon: 23.9091, lat: 54.9016 };
    const MOSCOW: LonLat = LonLat { lon: 37.6178, lat: 55.752 };
    const CITIES: [LonLat; 4] = [RIGA, TALLINN, KAUNAS, MOSCOW];

    fn treaty(id: &str, start: i32, end: Option<i32>, points: &[LonLat]) -> Event {
        Event { points: points.to_vec(), ..crate::timeline::tests::event(id, EventKind::Treaty, start, end) }
    }

    /// The treaties of the atlas's data, with their capitals in the data's order.
    fn the_baltic_treaties() -> Atlas {
        Atlas::new(
            vec![],
            vec![
                treaty("alliance-1923", 1923, Some(1940), &[RIGA, TALLINN]),
                treaty("riga-1934", 1934, None, &[RIGA, TALLINN]),
                treaty("entente-1934", 1934, Some(1940), &[RIGA, KAUNAS, TALLINN]),
                treaty("bases-1939-estonia", 1939, None, &[MOSCOW, TALLINN]),
                treaty("bases-1939-latvia", 1939, None, &[MOSCOW, RIGA]),
                treaty("bases-1939-lithuania", 1939, None, &[MOSCOW, KAUNAS]),
                treaty("bases-1940", 1940, None, &[TALLINN, MOSCOW]),
            ],
        )
    }

    /// Checks that no two lines between the same capitals share a lane in any year they are
    /// both on the map, nor are drawn on the same place.
    fn assert_apart_every_year(atlas: &Atlas, lines: &[TreatyLine]) {
        let layout = layout();
        let Some(years) = atlas.years() else { return };
        for year in years {
            let shown: Vec<&TreatyLine> = lines.iter().filter(|l| atlas.event(l.event).active_in(year)).collect();
            for (i, a) in shown.iter().enumerate() {
                for b in &shown[i + 1..] {
                    if !a.joins_same_cities(b) {
                        continue;
                    }
                    assert_ne!(a.lane, b.lane, "{year}: {a:?} and {b:?}");
                    let (da, db) = (a.drawn(&layout, LANE_GAP), b.drawn(&layout, LANE_GAP));
                    let mid = |s: Option<[(f64, f64); 2]>| s.map(|[p, q]| ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0));
                    let (ma, mb) = (mid(da).expect("projected"), mid(db).expect("projected"));
                    let apart = (ma.0 - mb.0).hypot(ma.1 - mb.1);
                    assert!(apart >= LANE_GAP - 1e-6, "{year}: drawn {apart} apart: {a:?} and {b:?}");
                }
            }
        }
    }

    #[test]
    fn treaties_between_the_same_pair_never_share_a_lane_in_any_year() {
        let atlas = the_baltic_treaties();
        let lines = treaty_lanes(&atlas);
        assert_eq!(lines.len(), 1 + 1 + 3 + 1 + 1 + 1 + 1, "a line between each pair of a treaty's capitals");
        assert_apart_every_year(&atlas, &lines);
    }

    #[test]
    fn lanes_are_counted_per_pair_of_cities_and_reused_when_a_treaty_has_ended() {
        let atlas = the_baltic_treaties();
        let lanes: Vec<(String, usize)> = treaty_lanes(&atlas)
            .iter()
            .filter(|l| l.joins_same_cities(&TreatyLine { event: l.event, from: RIGA, to: TALLINN, lane: 0 }))
            .map(|l| (atlas.event(l.event).id.to_string(), l.lane))
            .collect();
        let expected = [("alliance-1923", 0), ("riga-1934", 1), ("entente-1934", 2)];
        assert_eq!(lanes, expected.map(|(id, lane)| (id.to_owned(), lane)), "each pair of cities counts its own lanes");
        // Every other pair of cities has at most two lines at a time: lanes 0 and 1.
        let lines = treaty_lanes(&atlas);
        let kaunas_moscow = lines.iter().find(|l| l.from == MOSCOW && l.to == KAUNAS).expect("1939 line");
        assert_eq!(kaunas_moscow.lane, 0, "the only line between Moscow and Kaunas");
        let tallinn_moscow: Vec<usize> = lines
            .iter()
            .filter(|l| l.from == TALLINN && l.to == MOSCOW || l.from == MOSCOW && l.to == TALLINN)
            .map(|l| l.lane)
            .collect();
        assert_eq!(tallinn_moscow, [0, 0], "1939 and 1940 are not on the map together");
    }

    #[test]
    fn the_same_lane_is_drawn_on_the_same_side_whichever_way_round() {
        let layout = layout();
        let index = the_baltic_treaties().indexed_events().map(|(i, _)| i).next().expect("an event");
        let forward = TreatyLine { event: index, from: RIGA, to: TALLINN, lane: 1 };
        let backward = TreatyLine { event: index, from: TALLINN, to: RIGA, lane: 1 };
        let [a0, a1] = forward.drawn(&layout, LANE_GAP).expect("projected");
        let [b1, b0] = backward.drawn(&layout, LANE_GAP).expect("projected");
        assert!((a0.0 - b0.0).abs() < 1e-9 && (a0.1 - b0.1).abs() < 1e-9 && (a1.0 - b1.0).abs() < 1e-9);
        let straight = [layout.project(RIGA), layout.project(TALLINN)].map(|p| p.expect("projected"));
        let middle = TreatyLine { lane: 0, ..forward }.drawn(&layout, LANE_GAP).expect("projected");
        assert_eq!(middle, straight, "lane 0 runs straight between the cities");
    }

    #[test]
    fn a_treaty_with_one_capital_has_no_line() {
        let atlas = Atlas::new(vec![], vec![treaty("alone", 1930, None, &[RIGA]), treaty("none", 1931, None, &[])]);
        assert!(treaty_lanes(&atlas).is_empty());
    }

    #[test]
    fn a_treaty_has_a_line_between_each_pair_of_its_capitals() {
        let atlas = the_baltic_treaties();
        let lines = treaty_lanes(&atlas);
        let lines = |id: &str| {
            let (index, _) = atlas.indexed_events().find(|(_, e)| e.id.as_str() == id).expect("the treaty");
            lines.iter().filter(|l| l.event == index).count()
        };
        assert_eq!(["alliance-1923", "entente-1934", "bases-1939-estonia"].map(lines), [1, 3, 1]);
    }

    proptest! {
        #[test]
        fn random_treaties_between_four_cities_stay_apart(
            treaties in prop::collection::vec(
                (1919..1941i32, prop::option::of(0..8i32), prop::collection::vec(0..4usize, 2..4)),
                0..12,
            ),
        ) {
            let events: Vec<Event> = treaties
                .iter()
                .enumerate()
                .map(|(i, (start, years, cities))| {
                    let points: Vec<LonLat> = cities.iter().map(|&c| CITIES[c]).collect();
                    treaty(&format!("t{i}"), *start, years.map(|y| start + y), &points)
                })
                .collect();
            let atlas = Atlas::new(vec![], events);
            let lines = treaty_lanes(&atlas);
            // The same city twice in one treaty is no line between two cities.
            let lines: Vec<TreatyLine> = lines.into_iter().filter(|l| l.from != l.to).collect();
            assert_apart_every_year(&atlas, &lines);
        }
    }
}
