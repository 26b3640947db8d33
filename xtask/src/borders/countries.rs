//! Today's countries (Natural Earth 1:50m Admin 0) that the recipes are cut from.
use std::collections::BTreeMap;

use anyhow::{ensure, Context as _};
use geo::{Coord, LineString, MultiPolygon, Polygon, Simplify as _};
use serde_json::Value;

use crate::geometry::{clip_to_extent, copies_overlapping_extent, snap, EXTENT, SIMPLIFY_EPSILON_DEG};
use crate::natural_earth::{collect_polygons, decode_topology};

/// The TopoJSON file read from world-atlas, and the object in it that holds the countries.
pub(super) const COUNTRIES_FILE: &str = "countries-50m.json";
pub(super) const COUNTRIES_OBJECT: &str = "countries";

/// Today's countries the recipes may name: ISO 3166-1 alpha-3 code, the `id` of the
/// geometry in world-atlas (ISO 3166-1 numeric) and its `name` there (checked, so that a
/// wrong number cannot slip in).
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AUT", "040", "Austria"),
    ("BEL", "056", "Belgium"),
    ("BLR", "112", "Belarus"),
    ("CHE", "756", "Switzerland"),
    ("CZE", "203", "Czechia"),
    ("DEU", "276", "Germany"),
    ("DNK", "208", "Denmark"),
    ("EST", "233", "Estonia"),
    ("FIN", "246", "Finland"),
    ("ALA", "248", "Åland"),
    ("FRA", "250", "France"),
    ("GEO", "268", "Georgia"),
    ("HRV", "191", "Croatia"),
    ("ITA", "380", "Italy"),
    ("LTU", "440", "Lithuania"),
    ("LUX", "442", "Luxembourg"),
    ("LVA", "428", "Latvia"),
    ("MDA", "498", "Moldova"),
    ("NLD", "528", "Netherlands"),
    ("NOR", "578", "Norway"),
    ("POL", "616", "Poland"),
    ("ROU", "642", "Romania"),
    ("RUS", "643", "Russia"),
    ("SMR", "674", "San Marino"),
    ("SVK", "703", "Slovakia"),
    ("SVN", "705", "Slovenia"),
    ("SWE", "752", "Sweden"),
    ("UKR", "804", "Ukraine"),
];

/// Today's countries named in [`COUNTRIES`], each clipped to the extent, by alpha-3 code.
///
/// Every arc is simplified once, before the rings are stitched, so that the border two
/// countries share stays one line (simplifying each country on its own would open slivers
/// between neighbours).
pub fn load_countries(topology: &Value) -> anyhow::Result<BTreeMap<String, MultiPolygon<f64>>> {
    let arcs = simplify_arcs(decode_topology(topology)?, SIMPLIFY_EPSILON_DEG);
    let geometries = topology["objects"][COUNTRIES_OBJECT]["geometries"]
        .as_array()
        .with_context(|| format!("topology has no object `{COUNTRIES_OBJECT}` with geometries"))?;
    let mut countries = BTreeMap::new();
    for (code, id, name) in COUNTRIES {
        let geometry = geometries
            .iter()
            .find(|g| g.get("id").and_then(Value::as_str) == Some(id))
            .with_context(|| format!("{COUNTRIES_FILE} has no country with id {id} ({code}, {name})"))?;
        let found = geometry["properties"]["name"].as_str().unwrap_or_default();
        ensure!(found == *name, "{COUNTRIES_FILE}: id {id} is `{found}`, expected `{name}` for {code}");
        let mut rings = Vec::new();
        collect_polygons(geometry, &arcs, &mut rings)?;
        let candidates: Vec<Polygon<f64>> = rings
            .into_iter()
            .filter_map(|polygon| {
                let polygon: Vec<_> = polygon.into_iter().filter(|ring| distinct_points(ring) >= 3).collect();
                (!polygon.is_empty()).then_some(polygon)
            })
            .flat_map(|polygon| copies_overlapping_extent(polygon, EXTENT))
            .collect();
        countries.insert((*code).to_owned(), snap(&clip_to_extent(candidates, EXTENT)));
    }
    Ok(countries)
}

/// The number of distinct positions of a closed ring.
fn distinct_points(ring: &[Coord<f64>]) -> usize {
    ring.len().saturating_sub(1)
}

/// Ramer–Douglas–Peucker on every arc with tolerance `epsilon` degrees, keeping each
/// arc's ends (where it meets other arcs). A closed arc (an island) is split at its
/// farthest point from the start first, so that it keeps at least three positions.
pub fn simplify_arcs(arcs: Vec<Vec<Coord<f64>>>, epsilon: f64) -> Vec<Vec<Coord<f64>>> {
    let rdp = |points: &[Coord<f64>]| -> Vec<Coord<f64>> { LineString::from(points.to_vec()).simplify(epsilon).0 };
    arcs.into_iter()
        .map(|arc| {
            if arc.len() < 4 || arc.first() != arc.last() {
                return if arc.len() < 3 { arc } else { rdp(&arc) };
            }
            let start = arc[0];
            let far = (1..arc.len() - 1)
                .max_by(|&a, &b| {
                    let d = |i: usize| (arc[i].x - start.x).hypot(arc[i].y - start.y);
                    d(a).total_cmp(&d(b))
                })
                .unwrap_or(1);
            let mut out = rdp(&arc[..=far]);
            out.extend(rdp(&arc[far..]).into_iter().skip(1));
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::c;

    #[test]
    fn closed_arcs_keep_three_positions() {
        let island = vec![c(0.0, 0.0), c(0.001, 0.0), c(1.0, 0.5), c(0.001, 1.0), c(0.0, 1.0), c(0.0, 0.0)];
        let simplified = simplify_arcs(vec![island], 0.02);
        assert_eq!(simplified[0].first(), simplified[0].last());
        assert!(simplified[0].len() >= 4, "{:?}", simplified[0]);
    }
}
