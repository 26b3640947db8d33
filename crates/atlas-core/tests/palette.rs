//! The state colours of the committed borders: every pair of states that touch in any year the
//! map shows, and every state and the sea, differ clearly (CIEDE2000); and the treaty lines'
//! colours differ from each other and stand out on every state and on the sea.
//!
//! Thresholds: a CIEDE2000 difference of about 2.3 is the smallest that people notice with two
//! colours side by side; map readers must tell two pastel fills apart at a glance across a thin
//! border line, so neighbours keep at least [`NEIGHBOURS`] (about five such steps), and each
//! state keeps [`FROM_SEA`] from the sea so that no coast is lost in the water.
use std::collections::HashSet;

use atlas_core::borders::StatePeriod;
use atlas_core::changes::year_view_day;
use atlas_core::geo::palette::{fill, LAND, SEA, TREATY_STYLES};
use atlas_core::DataSet;

const NEIGHBOURS: f64 = 12.0;
const FROM_SEA: f64 = 18.0;

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}

/// The vertices of a period, in thousandths of a degree (the file's precision): neighbours
/// share the vertices of their common border, since the generator rounds them alike.
fn vertices(period: &StatePeriod) -> HashSet<(i64, i64)> {
    period.rings().flatten().map(|p| ((p.lon * 1000.0).round() as i64, (p.lat * 1000.0).round() as i64)).collect()
}

/// The pairs of states (by slug) that share a border on the reference day of some year.
fn neighbours(data: &DataSet) -> Vec<(String, String, i32)> {
    let mut pairs: Vec<(String, String, i32)> = Vec::new();
    let years = data.atlas.years().expect("events");
    for year in years {
        let standing: Vec<&StatePeriod> = data.borders.on(year_view_day(year)).collect();
        let points: Vec<HashSet<(i64, i64)>> = standing.iter().map(|p| vertices(p)).collect();
        for (i, a) in standing.iter().enumerate() {
            for (j, b) in standing.iter().enumerate().skip(i + 1) {
                if a.state != b.state && points[i].intersection(&points[j]).nth(1).is_some() {
                    let (x, y) = if a.state < b.state { (&a.state, &b.state) } else { (&b.state, &a.state) };
                    if !pairs.iter().any(|(p, q, _)| p == x && q == y) {
                        pairs.push((x.clone(), y.clone(), year));
                    }
                }
            }
        }
    }
    pairs
}

#[test]
fn every_state_has_its_own_colour() {
    let data = data();
    for period in data.borders.periods() {
        assert!(names(&period.state), "{} ({}) has no colour in geo::palette", period.state, period.id);
    }
}

#[test]
fn neighbours_in_every_year_and_the_sea_are_told_apart() {
    let data = data();
    let pairs = neighbours(&data);
    assert!(pairs.len() >= 25, "{pairs:?}");
    for (a, b) in [("estonia", "latvia"), ("latvia", "lithuania"), ("lithuania", "poland"), ("poland", "ussr")] {
        assert!(pairs.iter().any(|(p, q, _)| (p, q) == (&a.to_owned(), &b.to_owned())), "{a}–{b} not found: {pairs:?}");
    }
    let colour = |state: &str| lab(fill(state)).expect("a colour");
    let mut smallest = f64::INFINITY;
    for (a, b, year) in &pairs {
        let d = delta_e_2000(colour(a), colour(b));
        smallest = smallest.min(d);
        assert!(d >= NEIGHBOURS, "{a} and {b} touch in {year} but differ by ΔE2000 {d:.1} < {NEIGHBOURS}");
    }
    let sea = lab(SEA).expect("a colour");
    let mut from_sea = f64::INFINITY;
    for period in data.borders.periods() {
        let d = delta_e_2000(colour(&period.state), sea);
        from_sea = from_sea.min(d);
        assert!(d >= FROM_SEA, "{} differs from the sea by ΔE2000 {d:.1} < {FROM_SEA}", period.state);
    }
    println!(
        "{} neighbouring pairs; smallest ΔE2000 between neighbours {smallest:.1}, from the sea {from_sea:.1}",
        pairs.len()
    );
}

/// Two treaty lines' colours differ by at least this much (their dashes tell them apart too).
const TREATY_APART: f64 = 15.0;
/// A treaty line differs from the land or sea under it by at least this much.
const TREATY_ON_GROUND: f64 = 30.0;

#[test]
fn treaty_lines_are_told_apart_and_stand_out_on_every_state_and_the_sea() {
    let data = data();
    let colour = |hex: &str| lab(hex).unwrap_or_else(|| panic!("{hex} is not a colour"));
    let (mut apart, mut on_ground) = (f64::INFINITY, f64::INFINITY);
    for (i, a) in TREATY_STYLES.iter().enumerate() {
        for b in &TREATY_STYLES[i + 1..] {
            let d = delta_e_2000(colour(a.colour), colour(b.colour));
            apart = apart.min(d);
            assert!(d >= TREATY_APART, "{} and {} differ by ΔE2000 {d:.1} < {TREATY_APART}", a.colour, b.colour);
        }
        let grounds = data.borders.periods().iter().map(|p| fill(&p.state)).chain([SEA, LAND]);
        for ground in grounds {
            let d = delta_e_2000(colour(a.colour), colour(ground));
            on_ground = on_ground.min(d);
            assert!(d >= TREATY_ON_GROUND, "{} on {ground}: ΔE2000 {d:.1} < {TREATY_ON_GROUND}", a.colour);
        }
    }
    println!("treaty colours: smallest ΔE2000 between two {apart:.1}, on a state or the sea {on_ground:.1}");
}

/// Whether the palette names `state` (every state of the committed borders should be named).
fn names(state: &str) -> bool {
    fill(state) != LAND
}

// The colour science of these checks (test instruments, so not in atlas-core).

/// A colour in CIE L*a*b* (D65).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Lab {
    l: f64,
    a: f64,
    b: f64,
}

/// `#rrggbb` to CIE L*a*b* (sRGB, D65); `None` for anything else.
fn lab(hex: &str) -> Option<Lab> {
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
fn delta_e_2000(one: Lab, two: Lab) -> f64 {
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

#[test]
fn sharma_test_pairs() {
    // Pairs 1, 7, 17 and 25 of Sharma, Wu and Dalal (2005), Table 1.
    let cases = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ];
    for ((l1, a1, b1), (l2, a2, b2), expected) in cases {
        let d = delta_e_2000(Lab { l: l1, a: a1, b: b1 }, Lab { l: l2, a: a2, b: b2 });
        assert!((d - expected).abs() < 1e-4, "{d} != {expected}");
    }
    let white = lab("#ffffff").expect("a colour");
    assert!((white.l - 100.0).abs() < 0.01 && white.a.abs() < 0.01 && white.b.abs() < 0.01);
    assert_eq!(lab("blue"), None);
}
