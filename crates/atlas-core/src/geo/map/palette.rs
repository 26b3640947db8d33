//! The map's colours, in one place: a fill for each state of `borders.topojson` (by its `state`
//! slug) and for the sea, with the colour difference (CIEDE2000) that the tests use to keep
//! neighbours apart.
//!
//! The fills are pastels after ColorBrewer's qualitative schemes (Pastel1, Set3): low
//! saturation so that the red city markers and the blue treaty lines stand out, and a sea of a
//! blue that no state uses. An occupied state keeps its colour and is hatched (see
//! [`crate::borders::StatePeriod::occupied_by`]).

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

/// How the treaties in force in one year are told apart: a colour and a dash pattern (SVG
/// `stroke-dasharray`, empty for a solid line) for the first, second, … of them, in time order.
/// Dark, saturated colours that stand out on the pastel states; the dashes tell them apart
/// without colour too.
const TREATY_STYLES: [TreatyStyle; 5] = [
    TreatyStyle { colour: "#1f5f8b", dashes: "" },
    TreatyStyle { colour: "#7b3294", dashes: "9 5" },
    TreatyStyle { colour: "#b35806", dashes: "2 5" },
    TreatyStyle { colour: "#1b7837", dashes: "12 4 2 4" },
    TreatyStyle { colour: "#3f3f3f", dashes: "6 3" },
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

/// The colour and dash pattern of the `n`-th treaty on the map (counted from 0), repeating
/// after five.
///
/// ```
/// use atlas_core::geo::palette::treaty_style;
///
/// assert_eq!((treaty_style(0).colour, treaty_style(0).dashes), ("#1f5f8b", ""));
/// assert_ne!(treaty_style(1), treaty_style(0));
/// assert_eq!(treaty_style(5), treaty_style(0));
/// ```
pub fn treaty_style(n: usize) -> TreatyStyle {
    TREATY_STYLES[n % TREATY_STYLES.len()]
}

/// How many treaty lines the map draws at most: the most recently signed of those in force.
/// More would be a tangle no one can read (a large atlas has hundreds in a year); the legend
/// says how many more there are, and the list beside the map has them all.
pub const MAX_TREATY_LINES: usize = 10;

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

    #[test]
    fn every_fill_is_a_hex_colour() {
        let hex = |c: &str| c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit());
        for (state, colour) in FILLS {
            assert!(hex(colour), "{state}: {colour}");
        }
        assert!(hex(SEA) && hex(LAND) && hex(OCCUPATION_HATCH));
    }
}
