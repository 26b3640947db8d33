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

/// Whether the palette names `state` (every state of the committed borders should be named).
pub fn has_fill(state: &str) -> bool {
    FILLS.iter().any(|(slug, _)| *slug == state)
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

/// A colour in CIE L*a*b* (D65).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

/// `#rrggbb` to CIE L*a*b* (sRGB, D65); `None` for anything else.
///
/// ```
/// use atlas_core::geo::palette::lab;
///
/// let white = lab("#ffffff").expect("a colour");
/// assert!((white.l - 100.0).abs() < 0.01 && white.a.abs() < 0.01 && white.b.abs() < 0.01);
/// assert_eq!(lab("blue"), None);
/// ```
pub fn lab(hex: &str) -> Option<Lab> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6 && d.is_ascii())?;
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok().map(|v| f64::from(v) / 255.0);
    let linear = |c: f64| if c > 0.04045 { ((c + 0.055) / 1.055).powf(2.4) } else { c / 12.92 };
    let (r, g, b) = (linear(channel(0)?), linear(channel(2)?), linear(channel(4)?));
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    Some(Lab { l: 116.0 * fy - 16.0, a: 500.0 * (fx - fy), b: 200.0 * (fy - fz) })
}

/// The CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation). About 2.3 is the
/// smallest difference people notice side by side.
///
/// ```
/// use atlas_core::geo::palette::{delta_e_2000, Lab};
///
/// // Pair 1 of Sharma, Wu and Dalal's test data.
/// let a = Lab { l: 50.0, a: 2.6772, b: -79.7751 };
/// let b = Lab { l: 50.0, a: 0.0, b: -82.7485 };
/// assert!((delta_e_2000(a, b) - 2.0425).abs() < 1e-4);
/// assert_eq!(delta_e_2000(a, a), 0.0);
/// ```
pub fn delta_e_2000(one: Lab, two: Lab) -> f64 {
    let c_bar = (one.a.hypot(one.b) + two.a.hypot(two.b)) / 2.0;
    let c7 = c_bar.powi(7);
    let g = 0.5 * (1.0 - (c7 / (c7 + 25f64.powi(7))).sqrt());
    let (a1, a2) = ((1.0 + g) * one.a, (1.0 + g) * two.a);
    let (c1, c2) = (a1.hypot(one.b), a2.hypot(two.b));
    let hue = |b: f64, a: f64| if a == 0.0 && b == 0.0 { 0.0 } else { b.atan2(a).to_degrees().rem_euclid(360.0) };
    let (h1, h2) = (hue(one.b, a1), hue(two.b, a2));
    let dl = two.l - one.l;
    let dc = c2 - c1;
    let dh_angle = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 <= h1 {
        h2 - h1 + 360.0
    } else {
        h2 - h1 - 360.0
    };
    let dh = 2.0 * (c1 * c2).sqrt() * (dh_angle.to_radians() / 2.0).sin();
    let l_bar = (one.l + two.l) / 2.0;
    let c_bar_p = (c1 + c2) / 2.0;
    let h_bar = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * (h_bar - 30.0).to_radians().cos()
        + 0.24 * (2.0 * h_bar).to_radians().cos()
        + 0.32 * (3.0 * h_bar + 6.0).to_radians().cos()
        - 0.20 * (4.0 * h_bar - 63.0).to_radians().cos();
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let c7 = c_bar_p.powi(7);
    let r_c = 2.0 * (c7 / (c7 + 25f64.powi(7))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_bar_p;
    let s_h = 1.0 + 0.015 * c_bar_p * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    let (l, c, h) = (dl / s_l, dc / s_c, dh / s_h);
    (l * l + c * c + h * h + r_t * c * h).max(0.0).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sharma_test_pairs() {
        // Pairs 7, 17 and 25 of Sharma, Wu and Dalal (2005), Table 1.
        let cases = [
            ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
            ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
            ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ];
        for ((l1, a1, b1), (l2, a2, b2), expected) in cases {
            let d = delta_e_2000(Lab { l: l1, a: a1, b: b1 }, Lab { l: l2, a: a2, b: b2 });
            assert!((d - expected).abs() < 1e-4, "{d} != {expected}");
        }
    }

    #[test]
    fn every_fill_is_a_colour() {
        for (state, colour) in FILLS {
            assert!(lab(colour).is_some(), "{state}: {colour}");
        }
        assert!(lab(SEA).is_some() && lab(LAND).is_some());
    }
}
