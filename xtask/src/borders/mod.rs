//! Regenerates `public/data/borders.topojson`: the states of the Baltic region as they stood
//! between 1919 and 1940, one feature per state per period.
//!
//! No openly licensed data set of the interwar borders can be installed here, so the file is
//! built from two inputs that are both in the repository:
//!
//! * today's countries: Natural Earth 1:50m Admin 0 (public domain), `countries-50m.json` of
//!   the pinned npm package world-atlas, decoded with [`crate::natural_earth`];
//! * [`OVERLAY`], a hand-made, commented TOML file. Each `[[region]]` is a polygon drawn along
//!   one historical line (the 1920–1939 Polish–Lithuanian demarcation line, the 1921 Treaty of
//!   Riga line, …) with its source; each `[[period]]` is a recipe that builds one state in one
//!   period from today's countries and those regions. A historian corrects a line by editing
//!   the region's points and running `cargo xtask borders` again.
//!
//! A recipe is `parts` minus `minus`, both lists of *terms*. A term is one or more names
//! joined by `&` (intersection); a name written with a leading `!` is subtracted instead:
//!
//! | term | means |
//! |------|-------|
//! | `"LTU"` | today's Lithuania (ISO 3166-1 alpha-3 code, see [`countries::COUNTRIES`]) |
//! | `"LTU & vilnius-1920"` | the part of today's Lithuania inside region `vilnius-1920` |
//! | `"POL & prussia-1914 & !ceded-1920"` | … inside one region and outside another |
//! | `"@poland-1922-1938"` | the shape of another period (anywhere in the file) |
//!
//! So a region has to be exact only along its historical line: where it crosses the sea or
//! runs outside the country it is intersected with, it may be drawn generously.
//!
//! The pipeline, one function (and one module) per step:
//!
//! 1. [`load_countries`] ([`countries`]): decode the TopoJSON, simplify every *arc* once with
//!    [`crate::geometry::SIMPLIFY_EPSILON_DEG`] (so that two neighbours keep sharing one border
//!    line), stitch each country and clip it to [`crate::geometry::EXTENT`];
//! 2. [`parse_overlay`] ([`overlay`]): read the regions (each must be a valid polygon) and the
//!    recipes;
//! 3. [`build_periods`] ([`recipe`]): evaluate the recipes with boolean operations;
//! 4. [`check_space`] ([`tiling`]): periods standing on the same day must not overlap, and the
//!    land of the map's main frame must be covered on every day;
//! 5. [`quantize`] (3 decimals, specks dropped) and [`check_valid`], from [`crate::geometry`];
//! 6. [`to_topojson`] ([`output`], [`topology`]: the lines that periods share are stored
//!    once), then the file is read back with the app's own parser
//!    ([`atlas_core::borders::parse_borders`] and `check_borders`), and must give back the
//!    very positions of step 5, before it is written.
use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, ensure, Context as _};
use serde_json::Value;

use crate::geometry::{check_valid, quantize, COORD_SCALE, MIN_RING_AREA_SQ_DEG};
use crate::natural_earth::{ensure_npm_data, NPM_DIR};
use crate::web::gzip_size;

mod countries;
#[cfg(test)]
mod fixtures;
mod output;
mod overlay;
mod recipe;
mod tiling;
mod topology;

use countries::{load_countries, COUNTRIES_FILE};
use output::{crossings, sources_of, to_topojson};
use overlay::parse_overlay;
use recipe::build_periods;
use tiling::check_space;

/// The hand-made overlay, relative to the workspace root.
pub const OVERLAY: &str = "xtask/borders/overlay.toml";

/// The output file, relative to the workspace root.
const OUTPUT: &str = "public/data/borders.topojson";

/// `cargo xtask borders`: regenerate `public/data/borders.topojson`.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let npm_dir = root.join(NPM_DIR);
    ensure_npm_data(&npm_dir)?;
    let countries_path = npm_dir.join("node_modules/world-atlas").join(COUNTRIES_FILE);
    let text =
        std::fs::read_to_string(&countries_path).with_context(|| format!("reading {}", countries_path.display()))?;
    let topology: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", countries_path.display()))?;
    let countries = load_countries(&topology)?;

    let overlay_path = root.join(OVERLAY);
    let overlay_text =
        std::fs::read_to_string(&overlay_path).with_context(|| format!("reading {}", overlay_path.display()))?;
    let overlay = parse_overlay(&overlay_text).with_context(|| format!("in {OVERLAY}"))?;

    let shapes = build_periods(&overlay, &countries)?;
    check_space(&overlay.recipes, &shapes, &countries)?;

    let mut features = Vec::new();
    for (recipe, shape) in overlay.recipes.iter().zip(&shapes) {
        let polygons = quantize(shape, MIN_RING_AREA_SQ_DEG);
        check_valid(&format!("borders: period `{}`", recipe.id), &polygons).with_context(|| crossings(&polygons))?;
        ensure!(!polygons.is_empty(), "borders: period `{}` has no land in the map's extent", recipe.id);
        features.push((recipe, sources_of(recipe, &overlay), polygons));
    }
    let json = to_topojson(&features);

    // Read the result back with the app's own parser and the validator's checks.
    let file = atlas_core::DataFile { name: "borders.topojson", text: &json };
    let languages =
        atlas_core::DataFile { name: "languages.json", text: include_str!("../../../public/data/languages.json") };
    let langs = atlas_core::i18n::parse_language_list(languages).map_err(|e| anyhow::anyhow!("{e}"))?;
    let (borders, warnings) = atlas_core::borders::parse_borders(file, &langs)
        .map_err(|e| anyhow::anyhow!("borders: the generated file does not parse:\n{e}"))?;
    let problems = atlas_core::borders::check_borders(&borders);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!("borders: the generated file fails the checks:\n{}", list.join("\n"));
    }
    for warning in &warnings {
        eprintln!("borders: warning: {warning}");
    }
    for ((recipe, _, polygons), period) in features.iter().zip(borders.periods()) {
        let expected: Vec<Vec<Vec<atlas_core::LonLat>>> = polygons
            .iter()
            .map(|rings| {
                let ring = |ring: &Vec<[i64; 2]>| {
                    ring.iter()
                        .map(|p| atlas_core::LonLat { lon: p[0] as f64 / COORD_SCALE, lat: p[1] as f64 / COORD_SCALE })
                        .collect()
                };
                rings.iter().map(ring).collect()
            })
            .collect();
        ensure!(period.polygons == expected, "borders: period `{}` does not read back as written", recipe.id);
    }

    let output = root.join(OUTPUT);
    std::fs::write(&output, &json).with_context(|| format!("writing {}", output.display()))?;
    let vertices: usize = features.iter().flat_map(|(_, _, p)| p.iter().flatten()).map(Vec::len).sum();
    let polygons: usize = features.iter().map(|(_, _, p)| p.len()).sum();
    let states: BTreeSet<&str> = overlay.recipes.iter().map(|r| r.state.as_str()).collect();
    println!(
        "borders: wrote {OUTPUT}: {} periods of {} states from {} regions, {polygons} polygons, {vertices} vertices, {} bytes, {} bytes gzipped",
        features.len(),
        states.len(),
        overlay.regions.len(),
        json.len(),
        gzip_size(json.as_bytes())?
    );
    Ok(())
}
