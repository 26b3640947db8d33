//! Writing polygons as a quantized TopoJSON topology: each line that several rings share is
//! stored once, as an *arc* they all name (`~i`, written `-i - 1`, walks arc `i` backwards),
//! and each arc as integer steps on the output grid.
//!
//! The periods of `borders.topojson` share most of their lines (a border that did not move
//! between two periods, the coast of every period of a state), so the file holds each line
//! once instead of up to a dozen times. The grid is the output grid of
//! [`crate::geometry::quantize`] (10^-3 degrees), so nothing is rounded again: the app reads
//! back the very positions the GeoJSON file had, each ring from its first position.
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::geometry::{IntPolygon, COORD_SCALE};

/// A position on the output grid.
type Point = [i64; 2];

/// The shared arcs of some polygons, and each polygon's rings as lists of arc indices.
#[derive(Debug, Default)]
pub(super) struct Topology {
    pub arcs: Vec<Vec<Point>>,
    /// Per feature, per polygon, per ring: the arcs that make it, in order.
    pub features: Vec<Vec<Vec<Vec<i64>>>>,
}

/// The ring without its closing position.
fn open(ring: &[Point]) -> &[Point] {
    match ring {
        [rest @ .., last] if Some(last) == rest.first() => rest,
        _ => ring,
    }
}

/// Builds the arcs of `features` (each a list of polygons with closed rings).
///
/// A ring is cut at every *junction*: a position where the lines through it part (it has
/// other than two distinct neighbours over all rings) and at every ring's first position,
/// so that a decoded ring starts where it started before. Each piece is then looked up,
/// forwards and backwards, among the arcs so far.
pub(super) fn build(features: &[&[IntPolygon]]) -> Topology {
    let rings = || features.iter().flat_map(|polygons| polygons.iter().flatten()).map(|ring| open(ring));
    let mut neighbours: HashMap<Point, BTreeSet<Point>> = HashMap::new();
    for ring in rings() {
        for (i, &p) in ring.iter().enumerate() {
            let before = ring[(i + ring.len() - 1) % ring.len()];
            let after = ring[(i + 1) % ring.len()];
            neighbours.entry(p).or_default().extend([before, after]);
        }
    }
    let mut junctions: HashSet<Point> =
        neighbours.iter().filter(|(_, next)| next.len() != 2).map(|(&p, _)| p).collect();
    junctions.extend(rings().filter_map(|ring| ring.first().copied()));

    let mut topology = Topology::default();
    let mut index: HashMap<Vec<Point>, i64> = HashMap::new();
    let mut arc_of = |piece: Vec<Point>, arcs: &mut Vec<Vec<Point>>| -> i64 {
        if let Some(&i) = index.get(&piece) {
            return i;
        }
        let backwards: Vec<Point> = piece.iter().rev().copied().collect();
        if let Some(&i) = index.get(&backwards) {
            return !i;
        }
        let i = i64::try_from(arcs.len()).unwrap_or(i64::MAX);
        index.insert(piece.clone(), i);
        arcs.push(piece);
        i
    };
    for polygons in features {
        let mut feature = Vec::new();
        for polygon in polygons.iter() {
            let mut rings = Vec::new();
            for ring in polygon {
                let ring = open(ring);
                // The ring starts at a junction (its own first position is one): walk it once
                // round, closing a piece at each junction.
                let mut pieces = Vec::new();
                let mut piece = vec![ring[0]];
                for &p in ring[1..].iter().chain(&ring[..1]) {
                    piece.push(p);
                    if junctions.contains(&p) {
                        pieces.push(arc_of(std::mem::replace(&mut piece, vec![p]), &mut topology.arcs));
                    }
                }
                rings.push(pieces);
            }
            feature.push(rings);
        }
        topology.features.push(feature);
    }
    topology
}

impl Topology {
    /// The rings of feature `f` stitched back from the arcs (the generator itself reads the
    /// file back with the app's parser).
    #[cfg(test)]
    pub(super) fn stitch(&self, f: usize) -> Vec<IntPolygon> {
        let arc = |i: i64| -> Vec<Point> {
            let (n, backwards) = if i < 0 { (!i, true) } else { (i, false) };
            let arc = usize::try_from(n).ok().and_then(|n| self.arcs.get(n)).cloned().unwrap_or_default();
            if backwards {
                arc.into_iter().rev().collect()
            } else {
                arc
            }
        };
        self.features[f]
            .iter()
            .map(|polygon| {
                polygon
                    .iter()
                    .map(|ring| {
                        let mut out: Vec<Point> = Vec::new();
                        for &i in ring {
                            let skip = usize::from(!out.is_empty());
                            out.extend(arc(i).into_iter().skip(skip));
                        }
                        out
                    })
                    .collect()
            })
            .collect()
    }

    /// The `"arcs"` member's value, one arc per line: the first position on the grid, then
    /// the steps from each position to the next.
    pub(super) fn arcs_json(&self) -> String {
        let arcs: Vec<String> = self
            .arcs
            .iter()
            .map(|arc| {
                let mut at = [0, 0];
                let steps: Vec<String> = arc
                    .iter()
                    .map(|p| {
                        let step = format!("[{},{}]", p[0] - at[0], p[1] - at[1]);
                        at = *p;
                        step
                    })
                    .collect();
                format!("[{}]", steps.join(","))
            })
            .collect();
        format!("[\n{}\n]", arcs.join(",\n"))
    }

    /// The `"transform"` member: positions are integers in units of 10^-3 degrees.
    pub(super) fn transform_json() -> String {
        let scale = 1.0 / COORD_SCALE;
        format!("{{\"scale\":[{scale},{scale}],\"translate\":[0,0]}}")
    }

    /// Feature `f`'s `"arcs"` member: a Polygon's rings, or a MultiPolygon's polygons.
    pub(super) fn feature_arcs_json(&self, f: usize) -> String {
        let ring = |ring: &Vec<i64>| format!("[{}]", ring.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        let polygon = |polygon: &Vec<Vec<i64>>| format!("[{}]", polygon.iter().map(ring).collect::<Vec<_>>().join(","));
        match self.features[f].as_slice() {
            [single] => polygon(single),
            all => format!("[{}]", all.iter().map(polygon).collect::<Vec<_>>().join(",")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side (sharing the line x = 1) and a separate island.
    fn squares() -> Vec<Vec<IntPolygon>> {
        let left = vec![vec![[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
        let right = vec![vec![[1, 1], [1, 0], [2, 0], [2, 1], [1, 1]]];
        let island = vec![vec![[5, 5], [6, 5], [6, 6], [5, 5]]];
        vec![vec![left], vec![right, island.clone()], vec![island]]
    }

    #[test]
    fn a_shared_line_is_one_arc_walked_both_ways_and_rings_come_back_unchanged() {
        let features = squares();
        let refs: Vec<&[IntPolygon]> = features.iter().map(Vec::as_slice).collect();
        let topology = build(&refs);
        for (f, feature) in features.iter().enumerate() {
            assert_eq!(&topology.stitch(f), feature, "feature {f}");
        }
        // The line x = 1 between (1, 0) and (1, 1): once, walked backwards by the right square.
        let shared = topology.arcs.iter().position(|a| a == &vec![[1, 0], [1, 1]]).expect("the shared arc");
        let shared = i64::try_from(shared).unwrap_or_default();
        assert!(topology.features[0][0][0].contains(&shared), "{:?}", topology.features);
        assert!(topology.features[1][0][0].contains(&!shared), "{:?}", topology.features);
        // The island is one arc, named by both features.
        assert_eq!(topology.features[1][1], topology.features[2][0]);
        let points: usize = topology.arcs.iter().map(Vec::len).sum();
        assert!(points < features.iter().flatten().flatten().map(Vec::len).sum::<usize>());
    }

    #[test]
    fn arcs_are_written_as_steps_on_the_grid() {
        let features = squares();
        let refs: Vec<&[IntPolygon]> = features.iter().map(Vec::as_slice).collect();
        let topology = build(&refs);
        let json: serde_json::Value = serde_json::from_str(&topology.arcs_json()).unwrap_or_default();
        let first = topology.arcs[0].clone();
        let mut at = [0, 0];
        for (i, step) in json[0].as_array().into_iter().flatten().enumerate() {
            at = [at[0] + step[0].as_i64().unwrap_or_default(), at[1] + step[1].as_i64().unwrap_or_default()];
            assert_eq!(at, first[i]);
        }
        assert_eq!(Topology::transform_json(), r#"{"scale":[0.001,0.001],"translate":[0,0]}"#);
        assert_eq!(topology.feature_arcs_json(2), format!("[{:?}]", topology.features[2][0][0]).replace(' ', ""));
    }
}
