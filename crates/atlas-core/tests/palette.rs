//! The state colours of the committed borders: every pair of states that touch in any year the
//! map shows, and every state and the sea, differ clearly (CIEDE2000).
//!
//! Thresholds: a CIEDE2000 difference of about 2.3 is the smallest that people notice with two
//! colours side by side; map readers must tell two pastel fills apart at a glance across a thin
//! border line, so neighbours keep at least [`NEIGHBOURS`] (about five such steps), and each
//! state keeps [`FROM_SEA`] from the sea so that no coast is lost in the water.
use std::collections::HashSet;

use atlas_core::borders::{reference_day, StatePeriod};
use atlas_core::geo::palette::{delta_e_2000, fill, has_fill, lab, SEA};
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
        let standing: Vec<&StatePeriod> = data.borders.on(reference_day(year)).collect();
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
        assert!(has_fill(&period.state), "{} ({}) has no colour in geo::palette", period.state, period.id);
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
