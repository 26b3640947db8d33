//! Regenerates `public/data/basemap.geojson` from the pinned npm package `world-atlas`.
//!
//! The base layer is Natural Earth's 1:50m land (public domain), shipped as TopoJSON by
//! `world-atlas`. The pipeline, one function per step:
//!
//! 1. [`ensure_npm_data`]: make sure `xtask/npm/node_modules/world-atlas` is the pinned
//!    version, running `npm ci` from the committed lock file otherwise.
//! 2. [`decode_topology`] + [`land_polygons`]: decode the TopoJSON (quantized, delta-encoded
//!    arcs; negative arc index = reversed arc) into plain lon/lat rings.
//! 3. `unwrap_longitudes` (called by step 4): make every ring's longitudes continuous across
//!    the 180° meridian.
//! 4. [`copies_overlapping_extent`] + [`clip_to_extent`]: keep what falls in [`EXTENT`].
//! 5. [`simplify`]: Ramer–Douglas–Peucker with [`SIMPLIFY_EPSILON_DEG`].
//! 6. [`quantize`]: round to [`crate::geometry::COORD_DECIMALS`] decimals, drop degenerate and
//!    tiny rings, keep rings closed and oriented (RFC 7946: exteriors counter-clockwise).
//! 7. [`to_geojson`]: a compact, deterministic FeatureCollection.
//!
//! Steps 1–2 are in [`crate::natural_earth`], 3–6 in [`crate::geometry`] (shared with
//! `cargo xtask borders`).
use std::path::Path;

use anyhow::Context as _;
use geo::Polygon;
use serde_json::Value;

use crate::geometry::{bbox_json, Extent, IntPolygon, EXTENT, MIN_RING_AREA_SQ_DEG, SIMPLIFY_EPSILON_DEG};
use crate::geometry::{check_valid, clip_to_extent, copies_overlapping_extent, polygon_json, quantize, simplify};
use crate::natural_earth::{decode_topology, ensure_npm_data, land_polygons, NPM_DIR};
use crate::web::gzip_size;

/// The TopoJSON file read from the package, and the object in it that holds the land.
const LAND_FILE: &str = "land-50m.json";
const LAND_OBJECT: &str = "land";

/// The output file, relative to the workspace root.
const OUTPUT: &str = "public/data/basemap.geojson";

/// The `source` property written on the land feature.
const SOURCE: &str = "Natural Earth 1:50m land, via npm world-atlas 2.0.2 (public domain)";

/// `cargo xtask basemap`: regenerate `public/data/basemap.geojson`.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let npm_dir = root.join(NPM_DIR);
    ensure_npm_data(&npm_dir)?;

    let land_path = npm_dir.join("node_modules/world-atlas").join(LAND_FILE);
    let text = std::fs::read_to_string(&land_path).with_context(|| format!("reading {}", land_path.display()))?;
    let topology: Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", land_path.display()))?;

    let arcs = decode_topology(&topology)?;
    let polygons = land_polygons(&topology, LAND_OBJECT, &arcs)?;
    let candidates: Vec<Polygon<f64>> =
        polygons.into_iter().flat_map(|rings| copies_overlapping_extent(rings, EXTENT)).collect();
    let clipped = clip_to_extent(candidates, EXTENT);
    let simplified = simplify(&clipped, SIMPLIFY_EPSILON_DEG);
    let land = quantize(&simplified, MIN_RING_AREA_SQ_DEG);
    check_valid("basemap", &land)?;

    let json = to_geojson(&land, EXTENT);
    let output = root.join(OUTPUT);
    if let Some(dir) = output.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&output, &json).with_context(|| format!("writing {}", output.display()))?;

    let vertices: usize = land.iter().flatten().map(Vec::len).sum();
    let holes: usize = land.iter().map(|p| p.len() - 1).sum();
    println!(
        "basemap: wrote {OUTPUT}: {} polygons ({holes} holes), {vertices} vertices, {} bytes, {} bytes gzipped",
        land.len(),
        json.len(),
        gzip_size(json.as_bytes())?
    );
    Ok(())
}

/// The output GeoJSON: a FeatureCollection with a `bbox` and one land Feature whose
/// geometry is a MultiPolygon, one polygon per line (compact, deterministic).
fn to_geojson(land: &[IntPolygon], extent: Extent) -> String {
    let properties = serde_json::json!({
        "layer": "land",
        "source": SOURCE,
        "generated_by": "cargo xtask basemap",
    });
    // serde_json sorts object keys; write them in a fixed, readable order instead.
    let properties = ["layer", "source", "generated_by"]
        .iter()
        .map(|key| format!("{}:{}", Value::from(*key), properties[*key]))
        .collect::<Vec<_>>()
        .join(",");
    let bbox = bbox_json(extent);
    let polygons = land.iter().map(polygon_json).collect::<Vec<_>>().join(",\n");
    format!(
        "{{\"type\":\"FeatureCollection\",\"bbox\":[{bbox}],\"features\":[\n\
         {{\"type\":\"Feature\",\"properties\":{{{properties}}},\"geometry\":{{\"type\":\"MultiPolygon\",\"coordinates\":[\n\
         {polygons}\n]}}}}\n]}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natural_earth::pair;
    use serde_json::json;

    #[test]
    fn geojson_output_parses() -> anyhow::Result<()> {
        let land = vec![vec![vec![[3000, 43000], [4000, 43000], [4000, 44500], [3000, 43000]]]];
        let json: Value = serde_json::from_str(&to_geojson(&land, EXTENT))?;
        assert_eq!(json["bbox"], json!([3.0, 43.0, 42.0, 63.0]));
        assert_eq!(json["features"][0]["properties"]["layer"], "land");
        let position = &json["features"][0]["geometry"]["coordinates"][0][0][2];
        assert_eq!(pair(position), Some([4.0, 44.5]));
        Ok(())
    }
}
