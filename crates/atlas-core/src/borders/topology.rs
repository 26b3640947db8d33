//! Reading a TopoJSON `Topology` (<https://github.com/topojson/topojson-specification>): the
//! polygons of one named object, each ring stitched from the shared *arcs*.
//!
//! TopoJSON stores a line that two polygons share once, as an arc that both name (a negative
//! index `~i`, i.e. `-i - 1`, walks arc `i` backwards), and a quantized topology stores each
//! arc as integer steps from its previous position (`transform`). Only what the atlas writes
//! is read: one `GeometryCollection` of `Polygon`s and `MultiPolygon`s with properties. GDAL's
//! TopoJSON driver (and so QGIS) opens the same file.
//!
//! ```
//! use atlas_core::borders::Topology;
//! let text = r#"{"type": "Topology", "transform": {"scale": [0.001, 0.001], "translate": [0, 0]},
//!   "objects": {"borders": {"type": "GeometryCollection", "geometries": [
//!     {"type": "Polygon", "properties": {"id": "a"}, "arcs": [[0, 1]]},
//!     {"type": "Polygon", "properties": {"id": "b"}, "arcs": [[-1, 2]]}]}},
//!   "arcs": [[[21000, 54000], [0, 2000]], [[21000, 56000], [1000, 0], [0, -2000], [-1000, 0]],
//!            [[21000, 54000], [-1000, 0], [0, 2000], [1000, 0]]]}"#;
//! let file = atlas_core::DataFile { name: "borders.topojson", text };
//! let topology = Topology::parse(file, "borders").unwrap();
//! let b = topology.geometries[1].polygons(&topology.arcs).unwrap();
//! // Arc 0 backwards (~0, written -1), then arc 2.
//! assert_eq!(b[0][0], vec![[21.0, 56.0], [21.0, 54.0], [20.0, 54.0], [20.0, 56.0], [21.0, 56.0]]);
//! ```
use serde_json::{Map, Value};

use crate::data::{json_value, kind_of, DataError, DataFile};

/// A position: `[longitude, latitude]` in degrees.
pub type Position = [f64; 2];

/// The object's geometries and the topology's arcs, decoded to degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Each arc's positions, in degrees.
    pub arcs: Vec<Vec<Position>>,
    /// The geometries of the named object, in the file's order.
    pub geometries: Vec<TopoGeometry>,
}

/// One geometry of the object: its properties and the arcs of its rings, not yet stitched.
#[derive(Debug, Clone, PartialEq)]
pub struct TopoGeometry {
    /// The geometry's `properties` (empty when it has none).
    pub properties: Map<String, Value>,
    /// The geometry's `type` (`Polygon`, `MultiPolygon`, …).
    pub kind: String,
    /// The geometry's `arcs`, as written.
    pub arcs: Value,
}

/// What is wrong with one geometry, and in which of its members (`type` or `arcs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeometryProblem {
    pub field: &'static str,
    pub message: String,
}

fn not_topology(file: DataFile<'_>, message: impl Into<String>) -> DataError {
    DataError::NotTopology { file: file.name.to_owned(), message: message.into() }
}

/// `[a, b]` of two numbers.
fn pair(value: &Value) -> Option<[f64; 2]> {
    match value.as_array().map(Vec::as_slice) {
        Some([a, b, ..]) => Some([a.as_f64()?, b.as_f64()?]),
        _ => None,
    }
}

impl Topology {
    /// Reads `file` as a Topology and the object named `object` in it, which must be a
    /// `GeometryCollection`. The arcs are decoded here (an error names the arc and the
    /// position); each geometry's arcs are checked when it is stitched
    /// ([`TopoGeometry::polygons`]), so that a problem names its feature.
    pub fn parse(file: DataFile<'_>, object: &str) -> Result<Topology, DataError> {
        let mut value = json_value(file)?;
        if value.get("type").and_then(Value::as_str) != Some("Topology") {
            return Err(not_topology(
                file,
                "the top level must be {\"type\": \"Topology\", \"objects\": {…}, \"arcs\": […]}",
            ));
        }
        // A quantized topology: integer steps, scaled and translated back to degrees.
        let transform = match value.get("transform") {
            None => None,
            Some(t) => match (t.get("scale").and_then(pair), t.get("translate").and_then(pair)) {
                (Some(scale), Some(translate)) if scale.iter().all(|s| *s > 0.0 && s.is_finite()) => {
                    Some((scale, translate))
                }
                _ => {
                    return Err(not_topology(
                        file,
                        "`transform` must be {\"scale\": [sx, sy], \"translate\": [tx, ty]} with positive scales",
                    ))
                }
            },
        };
        let Some(raw_arcs) = value.get("arcs").and_then(Value::as_array) else {
            return Err(not_topology(file, "`arcs` is missing or not a list of arcs"));
        };
        let mut arcs = Vec::with_capacity(raw_arcs.len());
        for (a, arc) in raw_arcs.iter().enumerate() {
            let Some(raw) = arc.as_array().filter(|positions| positions.len() >= 2) else {
                return Err(not_topology(file, format!("`arcs[{a}]` must be a list of at least 2 positions")));
            };
            let mut positions = Vec::with_capacity(raw.len());
            let mut at = [0.0, 0.0];
            for (i, position) in raw.iter().enumerate() {
                let Some(step) = pair(position) else {
                    return Err(not_topology(file, format!("`arcs[{a}][{i}]` must be a position [x, y]")));
                };
                positions.push(match transform {
                    Some((scale, translate)) => {
                        at = [at[0] + step[0], at[1] + step[1]];
                        // Dividing by 1/scale (1000 for 0.001) keeps a decimal grid exact:
                        // 27123 / 1000 is the double nearest 27.123, as a GeoJSON file has it.
                        [at[0] / (1.0 / scale[0]) + translate[0], at[1] / (1.0 / scale[1]) + translate[1]]
                    }
                    None => step,
                });
            }
            arcs.push(positions);
        }
        let Some(collection) = value.get_mut("objects").and_then(|objects| objects.get_mut(object)) else {
            return Err(not_topology(
                file,
                format!("`objects.{object}` is missing: the file must hold one GeometryCollection named `{object}`"),
            ));
        };
        let is_collection = collection.get("type").and_then(Value::as_str) == Some("GeometryCollection");
        let geometries = match (is_collection, collection.get_mut("geometries").map(Value::take)) {
            (true, Some(Value::Array(geometries))) => geometries,
            _ => {
                return Err(not_topology(
                    file,
                    format!("`objects.{object}` must be {{\"type\": \"GeometryCollection\", \"geometries\": […]}}"),
                ))
            }
        };
        let geometries = geometries
            .into_iter()
            .map(|mut g| {
                let mut take = |member: &str| g.get_mut(member).map(Value::take).unwrap_or_default();
                let properties = match take("properties") {
                    Value::Object(properties) => properties,
                    _ => Map::new(),
                };
                let kind = match take("type") {
                    Value::String(kind) => kind,
                    _ => String::new(),
                };
                TopoGeometry { properties, kind, arcs: take("arcs") }
            })
            .collect();
        Ok(Topology { arcs, geometries })
    }
}

impl TopoGeometry {
    /// The polygons of a `Polygon` or `MultiPolygon`, each a list of rings stitched from
    /// `arcs`; what is wrong otherwise. A ring is returned as its arcs join, closed if they
    /// close it: the caller checks that.
    pub fn polygons(&self, arcs: &[Vec<Position>]) -> Result<Vec<Vec<Vec<Position>>>, GeometryProblem> {
        let polygons = match self.kind.as_str() {
            "Polygon" => vec![&self.arcs],
            "MultiPolygon" => list(&self.arcs, "is not a list of polygons")?.iter().collect(),
            "" => return Err(problem("type", "is missing: must be \"Polygon\" or \"MultiPolygon\"")),
            other => return Err(problem("type", format!("is `{other}`: must be \"Polygon\" or \"MultiPolygon\""))),
        };
        let mut out = Vec::with_capacity(polygons.len());
        for (p, rings) in polygons.iter().enumerate() {
            let mut polygon = Vec::new();
            for (r, ring) in list(rings, &format!("polygon {p} is not a list of rings"))?.iter().enumerate() {
                let mut positions: Vec<Position> = Vec::new();
                for index in list(ring, &format!("polygon {p}, ring {r} is not a list of arc indices"))? {
                    let arc = index
                        .as_i64()
                        .and_then(|i| {
                            let (n, reversed) = if i < 0 { (!i, true) } else { (i, false) };
                            arcs.get(usize::try_from(n).ok()?).map(|arc| (arc, reversed))
                        })
                        .ok_or_else(|| {
                            let message = format!(
                                "polygon {p}, ring {r}: `{index}` is not an arc: the file has {} arcs, 0 to {} (or ~0 to ~{}, written -1 to -{}, backwards)",
                                arcs.len(),
                                arcs.len().saturating_sub(1),
                                arcs.len().saturating_sub(1),
                                arcs.len()
                            );
                            problem("arcs", message)
                        })?;
                    // Each arc starts where the previous one ended: that position is not repeated.
                    let skip = usize::from(!positions.is_empty());
                    match arc {
                        (arc, false) => positions.extend(arc.iter().skip(skip)),
                        (arc, true) => positions.extend(arc.iter().rev().skip(skip)),
                    }
                }
                polygon.push(positions);
            }
            out.push(polygon);
        }
        Ok(out)
    }
}

fn problem(field: &'static str, message: impl Into<String>) -> GeometryProblem {
    GeometryProblem { field, message: message.into() }
}

/// The elements of a list member, or what it is instead.
fn list<'v>(value: &'v Value, what: &str) -> Result<&'v [Value], GeometryProblem> {
    value.as_array().map(Vec::as_slice).ok_or_else(|| problem("arcs", format!("{what}: found {}", kind_of(value))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Topology, String> {
        Topology::parse(DataFile { name: "borders.topojson", text }, "borders").map_err(|e| e.to_string())
    }

    const SQUARES: &str = r#"{"type": "Topology", "transform": {"scale": [0.001, 0.001], "translate": [0, 0]},
      "objects": {"borders": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "properties": {"id": "a"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "properties": {"id": "b"}, "arcs": [[[-1, 2]], [[3]]]},
        {"type": "Point", "properties": {"id": "c"}, "coordinates": [1, 2]},
        {"type": "Polygon", "properties": {"id": "d"}, "arcs": [[0, 4]]}]}},
      "arcs": [[[21000, 54000], [0, 2000]], [[21000, 56000], [1000, 0], [0, -2000], [-1000, 0]],
               [[21000, 54000], [-1000, 0], [0, 2000], [1000, 0]],
               [[27123, 57001], [1, 0], [0, 1], [-1, -1]]]}"#;

    #[test]
    fn arcs_are_delta_decoded_and_stitched_forwards_and_backwards() {
        let topology = parse(SQUARES).expect("parses");
        assert_eq!(topology.geometries.len(), 4);
        let a = topology.geometries[0].polygons(&topology.arcs).expect("a");
        assert_eq!(a, vec![vec![vec![[21.0, 54.0], [21.0, 56.0], [22.0, 56.0], [22.0, 54.0], [21.0, 54.0]]]]);
        let b = topology.geometries[1].polygons(&topology.arcs).expect("b");
        assert_eq!(b[0][0], vec![[21.0, 56.0], [21.0, 54.0], [20.0, 54.0], [20.0, 56.0], [21.0, 56.0]]);
        // The decimal grid is kept exactly: the same doubles as "27.123" in a GeoJSON file.
        assert_eq!(b[1][0], vec![[27.123, 57.001], [27.124, 57.001], [27.124, 57.002], [27.123, 57.001]]);
        assert_eq!(topology.geometries[0].properties.get("id"), Some(&Value::from("a")));
    }

    #[test]
    fn a_bad_geometry_says_which_ring_and_arc() {
        let topology = parse(SQUARES).expect("parses");
        let point = topology.geometries[2].polygons(&topology.arcs).expect_err("a point");
        assert_eq!((point.field, point.message.starts_with("is `Point`")), ("type", true), "{point:?}");
        let d = topology.geometries[3].polygons(&topology.arcs).expect_err("no arc 4");
        assert_eq!(d.field, "arcs");
        assert!(d.message.starts_with("polygon 0, ring 0: `4` is not an arc: the file has 4 arcs, 0 to 3"), "{d:?}");
    }

    #[test]
    fn a_broken_topology_is_named_with_its_member() {
        let expect = |text: &str, words: &str| {
            let message = parse(text).expect_err("broken");
            assert!(message.starts_with("borders.topojson: ") && message.contains(words), "{message}");
        };
        expect(r#"{"type": "FeatureCollection", "features": []}"#, "the top level must be {\"type\": \"Topology\"");
        expect(r#"{"type": "Topology", "objects": {}, "arcs": []}"#, "`objects.borders` is missing");
        expect(
            r#"{"type": "Topology", "objects": {"borders": {"type": "Polygon"}}, "arcs": []}"#,
            "must be {\"type\": \"GeometryCollection\"",
        );
        expect(r#"{"type": "Topology", "objects": {}, "arcs": [[[1, 2], [3]]]}"#, "`arcs[0][1]` must be a position");
        expect(
            r#"{"type": "Topology", "transform": {"scale": [0, 1], "translate": [0, 0]}, "objects": {}, "arcs": []}"#,
            "`transform`",
        );
        expect(r#"{"type": "Topology", "objects": {}"#, "not valid JSON at line 1");
    }

    #[test]
    fn without_a_transform_positions_are_absolute() {
        let text = SQUARES.replace(r#""transform": {"scale": [0.001, 0.001], "translate": [0, 0]},"#, "");
        let topology = parse(&text).expect("parses");
        assert_eq!(topology.arcs[0], vec![[21000.0, 54000.0], [0.0, 2000.0]]);
    }
}
