//! The map's colours, in one place: a fill for each state of `borders.topojson` (by its `state`
//! slug) and for the sea, with the colour difference (CIEDE2000) that the tests use to keep
//! neighbours apart; and the style of each treaty's line, one for its whole life.
//!
//! The fills are pastels after ColorBrewer's qualitative schemes (Pastel1, Set3): low
//! saturation so that the red city markers and the blue treaty lines stand out, and a sea of a
//! blue that no state uses. An occupied state keeps its colour and is hatched (see
//! [`crate::borders::StatePeriod::occupied_by`]).
use crate::model::EventKind;
use crate::time::CalendarDay;
use crate::timeline::{Atlas, EventIndex};

/// The sea (and the map's background).
pub const SEA: &str = "#95bde0";
/// The names of rivers and lakes (and the rivers' lines take [`SEA`]): a dark blue that reads at
/// 4.5:1 or more on its white halo and on every state's fill.
pub const WATER_NAME: &str = "#1d4e7a";
/// Land of a state the palette does not name (outside the frames, only in insets).
pub const LAND: &str = "#ece6d8";

/// The fill of each state, by its slug in `borders.topojson`. The parts of one state under
/// another's administration keep that state's colour (Poland's occupied zones), and the small
/// territories of the treaties (Klaipėda, Danzig, Central Lithuania, the Saar) share one.
const FILLS: [(&str, &str); 19] = [
    ("estonia", "#c4e3b5"),
    ("latvia", "#f7b4c0"),
    ("lithuania", "#f7cd85"),
    ("klaipeda-region", "#dac3e3"),
    ("central-lithuania", "#dac3e3"),
    ("danzig", "#dac3e3"),
    ("saar", "#dac3e3"),
    ("poland", "#f2ecc9"),
    ("poland-german-occupation", "#f2ecc9"),
    ("poland-soviet-occupation", "#f2ecc9"),
    ("general-government", "#f2ecc9"),
    ("ussr", "#dcbfa8"),
    ("soviet-russia", "#dcbfa8"),
    ("finland", "#e9d6e4"),
    ("sweden", "#e6ead5"),
    ("germany", "#c3c7c0"),
    ("france", "#f1deb6"),
    ("italy", "#d5e6c6"),
    ("switzerland", "#f3cfd6"),
];

/// The fill of a state, by its slug in `borders.topojson`; [`LAND`] for one the palette does
/// not name.
///
/// ```
/// use atlas_core::geo::palette::{fill, LAND};
///
/// assert_eq!(fill("latvia"), "#f7b4c0");
/// assert_eq!(fill("atlantis"), LAND);
/// ```
pub fn fill(state: &str) -> &'static str {
    FILLS.iter().find(|(slug, _)| *slug == state).map_or(LAND, |(_, colour)| colour)
}

/// The hatching over a state under occupation (SVG pattern lines).
pub const OCCUPATION_HATCH: &str = "#7a2630";

/// How the treaties on the map are told apart: a colour and a dash pattern (SVG
/// `stroke-dasharray`, empty for a solid line) each. Dark, saturated colours of eight different
/// hues that stand out on the pastel states; the dashes tell them apart without colour too.
/// Each treaty keeps one of them for its whole life ([`treaty_styles`]).
pub const TREATY_STYLES: [TreatyStyle; 8] = [
    TreatyStyle { colour: "#1f5f8b", dashes: "" },
    TreatyStyle { colour: "#7b3294", dashes: "9 5" },
    TreatyStyle { colour: "#b35806", dashes: "2 5" },
    TreatyStyle { colour: "#1b7837", dashes: "12 4 2 4" },
    TreatyStyle { colour: "#3f3f3f", dashes: "6 3" },
    TreatyStyle { colour: "#c51b7d", dashes: "16 5" },
    TreatyStyle { colour: "#01665e", dashes: "2 3 2 3 10 3" },
    TreatyStyle { colour: "#7a6200", dashes: "4 4 12 4" },
];

/// How a treaty's line is drawn: its colour and its dash pattern (SVG `stroke-dasharray`,
/// empty for a solid line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TreatyStyle {
    pub colour: &'static str,
    pub dashes: &'static str,
}

impl TreatyStyle {
    /// The `stroke-dasharray` to write, `None` for a solid line.
    pub fn dasharray(&self) -> Option<&'static str> {
        (!self.dashes.is_empty()).then_some(self.dashes)
    }
}

/// Gives each of `intervals` (inclusive, `start <= end`) one of `styles` styles, by its index.
/// The intervals are taken in order of their start (ties in the order given); each gets a
/// style that no earlier interval overlapping it holds (greedy colouring of an interval graph,
/// which needs no more styles than the most intervals that overlap at one point), and of those
/// the one least recently given (one never given first, in order): so that while there are
/// styles enough, an interval does not take the style of one that has just ended either. Where
/// all styles are held, and only then, it shares the one whose latest holder among the
/// overlapping came earliest: the map draws the most recent treaties, and leaves the oldest out
/// first. The result depends on the intervals alone, and an interval's style never on those that
/// start after it.
///
/// ```
/// use atlas_core::geo::palette::assign_styles;
///
/// // 1923–1940, 1934–1934, 1934–1940, 1939–1940: never two overlapping alike, and the last
/// // not in the style of the one that ended in 1934 while another is free.
/// let years = [(1923, 1940), (1934, 1934), (1934, 1940), (1939, 1940)];
/// assert_eq!(assign_styles(&years, 8), [0, 1, 2, 3]);
/// assert_eq!(assign_styles(&years, 3), [0, 1, 2, 1]);
/// // Three at once with two styles: the third shares with the oldest.
/// assert_eq!(assign_styles(&[(1, 9), (2, 9), (3, 9)], 2), [0, 1, 0]);
/// ```
pub fn assign_styles<T: Ord + Copy>(intervals: &[(T, T)], styles: usize) -> Vec<usize> {
    let styles = styles.max(1);
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| (intervals[i].0, i));
    let mut assigned = vec![0; intervals.len()];
    // When each style was last given, as a count of the intervals taken so far.
    let mut given: Vec<Option<usize>> = vec![None; styles];
    // The intervals taken so far that may still overlap a later one, with when they were taken.
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (step, i) in order.into_iter().enumerate() {
        let (start, end) = intervals[i];
        // Earlier intervals start no later than this one: they overlap it if they end after
        // its start.
        open.retain(|&(j, _)| intervals[j].1 >= start);
        // For each style, when its latest holder among the overlapping intervals was taken.
        let mut held: Vec<Option<usize>> = vec![None; styles];
        for &(j, taken) in open.iter().filter(|&&(j, _)| intervals[j].0 <= end) {
            held[assigned[j]] = held[assigned[j]].max(Some(taken));
        }
        let free = (0..styles).filter(|&s| held[s].is_none()).min_by_key(|&s| (given[s], s));
        let style = free.unwrap_or_else(|| (0..styles).min_by_key(|&s| (held[s], s)).unwrap_or(0));
        assigned[i] = style;
        given[style] = Some(step);
        open.push((i, step));
    }
    assigned
}

/// The style of every treaty that has a line (two points or more), by its index in
/// [`Atlas::events`]: [`assign_styles`] over the treaties in order of their first day, each
/// in force to the end of the year of its last day, so that two treaties in force in a common
/// year never share a style (on a day or in a year's view alike), and a treaty keeps its style
/// in every year, language and map size.
///
/// ```
/// use atlas_core::geo::palette::{treaty_styles, TREATY_STYLES};
/// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, LonLat, Span};
/// # let treaty = |id: &str, start: i32, end: i32| Event {
/// #     id: EventId::new(id).expect("slug"),
/// #     kind: EventKind::Treaty,
/// #     span: Span::new(HistoricDate::year_only(start), Some(HistoricDate::year_only(end))),
/// #     place: None,
/// #     parties: vec![],
/// #     title: Default::default(),
/// #     summary: Default::default(),
/// #     sources: vec![],
/// #     note: None,
/// #     points: vec![LonLat { lon: 24.1, lat: 56.9 }, LonLat { lon: 24.7, lat: 59.4 }], role: Default::default(), dates: vec![], media: vec![],
/// # };
/// let atlas = Atlas::new(vec![], vec![treaty("alliance", 1923, 1940), treaty("entente", 1934, 1940)]);
/// let styles = treaty_styles(&atlas);
/// assert_eq!(styles.len(), 2);
/// assert_eq!(styles[0].1, TREATY_STYLES[0]);
/// assert_ne!(styles[0].1, styles[1].1, "in force together");
/// ```
pub fn treaty_styles(atlas: &Atlas) -> Vec<(EventIndex, TreatyStyle)> {
    let treaties: Vec<(EventIndex, (CalendarDay, CalendarDay))> = atlas
        .indexed_events()
        .filter(|(_, e)| e.kind == EventKind::Treaty && e.role == crate::EventRole::Story && e.points.len() > 1)
        .map(|(i, e)| {
            let year_end = CalendarDay { year: e.span.last_day().year, month: 12, day: 31 };
            (i, (e.span.first_day(), year_end))
        })
        .collect();
    let intervals: Vec<(CalendarDay, CalendarDay)> = treaties.iter().map(|&(_, days)| days).collect();
    let styles = assign_styles(&intervals, TREATY_STYLES.len());
    treaties.iter().zip(styles).map(|(&(event, _), style)| (event, TREATY_STYLES[style])).collect()
}

/// How many treaty lines the map draws at most: the most recently signed of those in force, as
/// many as there are styles, so that no two lines on the map look alike while no more are in
/// force. More would be a tangle no one can read (a large atlas has hundreds in a year); the
/// legend says how many more there are, and the list beside the map has them all.
pub const MAX_TREATY_LINES: usize = TREATY_STYLES.len();

/// The treaties to draw of those in force, in time order (`in_force`): the last
/// [`MAX_TREATY_LINES`], and how many are left out.
///
/// ```
/// use atlas_core::geo::palette::{treaties_drawn, MAX_TREATY_LINES};
///
/// let in_force: Vec<u32> = (0..25).collect();
/// let (drawn, left_out) = treaties_drawn(&in_force);
/// assert_eq!((drawn.len(), left_out), (MAX_TREATY_LINES, 25 - MAX_TREATY_LINES));
/// assert_eq!(drawn.last(), Some(&24), "the most recent is drawn");
/// assert_eq!(treaties_drawn(&in_force[..3]), (&in_force[..3], 0));
/// ```
pub fn treaties_drawn<T>(in_force: &[T]) -> (&[T], usize) {
    let left_out = in_force.len().saturating_sub(MAX_TREATY_LINES);
    (&in_force[left_out..], left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether two inclusive intervals overlap.
    fn overlap<T: Ord>(a: &(T, T), b: &(T, T)) -> bool {
        a.0 <= b.1 && b.0 <= a.1
    }

    #[test]
    fn overlapping_intervals_never_share_a_style_while_there_are_enough() {
        // A pseudo-random set of intervals, in no order; then as many styles as the most that
        // overlap at one point.
        let mut seed = 1934u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let intervals: Vec<(u64, u64)> = (0..300)
            .map(|_| {
                let start = next(1000);
                (start, start + next(60))
            })
            .collect();
        let depth = (0..1100).map(|t| intervals.iter().filter(|i| i.0 <= t && t <= i.1).count()).max().unwrap_or(0);
        let styles = assign_styles(&intervals, depth);
        assert!(styles.iter().all(|&s| s < depth));
        for (i, a) in intervals.iter().enumerate() {
            for (j, b) in intervals.iter().enumerate().skip(i + 1) {
                assert!(!overlap(a, b) || styles[i] != styles[j], "{a:?} and {b:?} share style {}", styles[i]);
            }
        }
        // Fewer styles than that: still every style in range, and the same answer every time.
        let few = assign_styles(&intervals, 3);
        assert!(few.iter().all(|&s| s < 3));
        assert_eq!(few, assign_styles(&intervals, 3));
        // With distinct starts, a style does not depend on the order the intervals are given in.
        let mut unique = intervals.clone();
        unique.sort();
        unique.dedup_by_key(|i| i.0);
        let forward = assign_styles(&unique, depth);
        let mut reversed = unique.clone();
        reversed.reverse();
        let mut backward = assign_styles(&reversed, depth);
        backward.reverse();
        assert_eq!(forward, backward);
    }

    #[test]
    fn a_style_does_not_depend_on_later_intervals() {
        let early = [(0, 10), (5, 20), (12, 30)];
        let more = [(0, 10), (5, 20), (12, 30), (25, 40), (26, 27)];
        assert_eq!(assign_styles(&early, 8), assign_styles(&more, 8)[..3]);
        assert_eq!(assign_styles::<i32>(&[], 8), Vec::<usize>::new());
        assert_eq!(assign_styles(&[(1, 2)], 0), [0], "no styles at all: the one there is");
    }

    #[test]
    fn the_treaty_styles_differ_in_colour_and_in_dashes() {
        for (i, a) in TREATY_STYLES.iter().enumerate() {
            for b in &TREATY_STYLES[i + 1..] {
                assert!(a.colour != b.colour && a.dashes != b.dashes, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn every_fill_is_a_hex_colour() {
        let hex = |c: &str| c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit());
        for (state, colour) in FILLS {
            assert!(hex(colour), "{state}: {colour}");
        }
        assert!(hex(SEA) && hex(LAND) && hex(OCCUPATION_HATCH));
    }
}
