//! Regenerates `public/data/borders.geojson`: the states of the Baltic region as they stood
//! between 1919 and 1940, one feature per state per period.
//!
//! No openly licensed data set of the interwar borders can be installed here, so the file is
//! built from two inputs that are both in the repository:
//!
//! * today's countries: Natural Earth 1:50m Admin 0 (public domain), `countries-50m.json` of
//!   the pinned npm package world-atlas, decoded with the basemap's functions;
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
//! | `"LTU"` | today's Lithuania (ISO 3166-1 alpha-3 code, see [`COUNTRIES`]) |
//! | `"LTU & vilnius-1920"` | the part of today's Lithuania inside region `vilnius-1920` |
//! | `"POL & prussia-1914 & !ceded-1920"` | … inside one region and outside another |
//! | `"@poland-1922-1938"` | the shape of another period (anywhere in the file) |
//!
//! So a region has to be exact only along its historical line: where it crosses the sea or
//! runs outside the country it is intersected with, it may be drawn generously.
//!
//! The pipeline, one function per step:
//!
//! 1. [`load_countries`]: decode the TopoJSON, simplify every *arc* once with
//!    [`basemap::SIMPLIFY_EPSILON_DEG`] (so that two neighbours keep sharing one border line),
//!    stitch each country and clip it to [`basemap::EXTENT`];
//! 2. [`parse_overlay`]: read the regions (each must be a valid polygon) and the recipes;
//! 3. [`build_periods`]: evaluate the recipes with boolean operations;
//! 4. [`check_space`]: periods standing on the same day must not overlap, and the land of
//!    the map's main frame must be covered on every day;
//! 5. [`basemap::quantize`] (3 decimals, specks dropped) and [`basemap::check_valid`];
//! 6. [`to_geojson`], then the file is read back with the app's own parser
//!    ([`atlas_core::borders::parse_borders`] and `check_borders`) before it is written.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{bail, ensure, Context as _};
use geo::{Area as _, BooleanOps as _, BoundingRect as _, Coord, LineString, MultiPolygon, Polygon, Rect};
use geo::{Simplify as _, Validation as _};
use serde_json::Value;

use atlas_core::time::{CalendarDay, HistoricDate};

use crate::basemap::{self, IntPolygon, EXTENT};

/// The TopoJSON file read from world-atlas, and the object in it that holds the countries.
const COUNTRIES_FILE: &str = "countries-50m.json";
const COUNTRIES_OBJECT: &str = "countries";

/// The hand-made overlay, relative to the workspace root.
pub const OVERLAY: &str = "xtask/borders/overlay.toml";

/// The output file, relative to the workspace root.
const OUTPUT: &str = "public/data/borders.geojson";

/// Cited on every feature, after the period's own sources and its regions' sources.
const NATURAL_EARTH: &str = "Natural Earth 1:50m Admin 0 countries (public domain), via npm world-atlas 2.0.2";

/// The attribution the map shows under the borders.
pub const ATTRIBUTION: &str =
    "Base geography: Natural Earth. Interwar borders drawn by this project from the treaties; approximate.";

/// The map's main frame (`atlas_core::geo::layout::BALTIC_REGION`): all land in it must
/// belong to some state on every day.
const MAIN_FRAME: (f64, f64, f64, f64) = (19.5, 53.3, 39.0, 61.0);

/// Two periods standing on the same day may share borders but not land: an overlap larger
/// than this (in square degrees, about 0.7 km² at 55°N) is an error in the recipes.
const MAX_OVERLAP_SQ_DEG: f64 = 1e-4;

/// Land of the main frame left to no state, above this many square degrees (~7 km²), is an
/// error too: a gap between two recipes.
const MAX_GAP_SQ_DEG: f64 = 1e-3;

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

/// A hand-drawn region of the overlay.
#[derive(Debug, Clone)]
pub struct Region {
    pub name: String,
    pub source: String,
    pub polygon: Polygon<f64>,
}

/// One name of a recipe term, see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    Country(String),
    Region(String),
    Period(String),
}

/// A name, to be intersected with (`negated == false`) or subtracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub negated: bool,
    pub name: Name,
}

/// A term of a recipe: the intersection of its positive names minus its negated ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub literals: Vec<Literal>,
}

/// One state in one period, as the overlay describes it.
#[derive(Debug, Clone)]
pub struct Recipe {
    pub id: String,
    pub state: String,
    /// en, lv, lt, et.
    pub name: [String; 4],
    pub start: HistoricDate,
    pub end: Option<HistoricDate>,
    pub parts: Vec<Term>,
    pub minus: Vec<Term>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

impl Recipe {
    fn first_day(&self) -> CalendarDay {
        self.start.first_day()
    }

    /// The last day, `None` when the period runs past 1940.
    fn last_day(&self) -> Option<CalendarDay> {
        self.end.map(|end| end.last_day())
    }

    fn stands_on(&self, day: CalendarDay) -> bool {
        self.first_day() <= day && self.last_day().is_none_or(|last| day <= last)
    }

    /// Every term of the recipe.
    fn terms(&self) -> impl Iterator<Item = &Term> {
        self.parts.iter().chain(&self.minus)
    }
}

/// The overlay file: regions by name, and the recipes in file order.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub regions: BTreeMap<String, Region>,
    pub recipes: Vec<Recipe>,
}

/// `cargo xtask borders`: regenerate `public/data/borders.geojson`.
pub fn run(root: &Path) -> anyhow::Result<()> {
    let npm_dir = root.join(basemap::NPM_DIR);
    basemap::ensure_world_atlas(&npm_dir)?;
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
        let polygons = basemap::quantize(shape, basemap::MIN_RING_AREA_SQ_DEG);
        basemap::check_valid(&format!("borders: period `{}`", recipe.id), &polygons)
            .with_context(|| crossings(&polygons))?;
        ensure!(!polygons.is_empty(), "borders: period `{}` has no land in the map's extent", recipe.id);
        features.push((recipe, sources_of(recipe, &overlay), polygons));
    }
    let json = to_geojson(&features);

    // Read the result back with the app's own parser and the validator's checks.
    let file = atlas_core::DataFile { name: "borders.geojson", text: &json };
    let languages =
        atlas_core::DataFile { name: "languages.json", text: include_str!("../../public/data/languages.json") };
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
        basemap::gzip_size(json.as_bytes())?
    );
    Ok(())
}

/// Today's countries named in [`COUNTRIES`], each clipped to the extent, by alpha-3 code.
///
/// Every arc is simplified once, before the rings are stitched, so that the border two
/// countries share stays one line (simplifying each country on its own would open slivers
/// between neighbours).
pub fn load_countries(topology: &Value) -> anyhow::Result<BTreeMap<String, MultiPolygon<f64>>> {
    let arcs = simplify_arcs(basemap::decode_topology(topology)?, basemap::SIMPLIFY_EPSILON_DEG);
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
        basemap::collect_polygons(geometry, &arcs, &mut rings)?;
        let candidates: Vec<Polygon<f64>> = rings
            .into_iter()
            .filter_map(|polygon| {
                let polygon: Vec<_> = polygon.into_iter().filter(|ring| distinct_points(ring) >= 3).collect();
                (!polygon.is_empty()).then_some(polygon)
            })
            .flat_map(|polygon| basemap::copies_overlapping_extent(polygon, EXTENT))
            .collect();
        countries.insert((*code).to_owned(), snap(&basemap::clip_to_extent(candidates, EXTENT)));
    }
    Ok(countries)
}

/// Rounds every position to the output grid ([`basemap::COORD_DECIMALS`] decimals).
///
/// The boolean operations work on integers scaled to their operands' extent, so a border that
/// two shapes share comes back from two operations a few 1e-9 degrees apart; joined again it
/// would leave a hair-thin slit. Rounding after every operation keeps shared borders equal.
fn snap(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let round = |c: &Coord<f64>| Coord {
        x: (c.x * basemap::COORD_SCALE).round() / basemap::COORD_SCALE,
        y: (c.y * basemap::COORD_SCALE).round() / basemap::COORD_SCALE,
    };
    let ring = |ring: &LineString<f64>| {
        let mut points: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
        for c in ring.0.iter().map(round) {
            if points.last() != Some(&c) {
                points.push(c);
            }
        }
        LineString::from(points)
    };
    MultiPolygon::new(
        shape
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .filter(|p| p.exterior().0.len() >= 4)
            .collect(),
    )
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

/// Reads the overlay: `[[region]]` tables with `name`, `source` and `points`, and
/// `[[period]]` tables with `id`, `state`, `name`, `start`, `end`, `parts`, `minus`,
/// `sources` and `note`. Every problem names the table and the field.
pub fn parse_overlay(text: &str) -> anyhow::Result<Overlay> {
    let doc: toml::Table = text.parse().context("not valid TOML")?;
    for key in doc.keys() {
        ensure!(key == "region" || key == "period", "unknown top-level key `{key}`: use [[region]] and [[period]]");
    }
    let tables = |key: &str| -> anyhow::Result<Vec<toml::Table>> {
        match doc.get(key) {
            None => Ok(Vec::new()),
            Some(toml::Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    toml::Value::Table(table) => Ok(table.clone()),
                    _ => bail!("[[{key}]] number {} is not a table", i + 1),
                })
                .collect(),
            Some(_) => bail!("`{key}` must be written as [[{key}]] tables"),
        }
    };
    let mut regions = BTreeMap::new();
    for (i, table) in tables("region")?.iter().enumerate() {
        let region = parse_region(table).with_context(|| {
            let name = table.get("name").and_then(toml::Value::as_str).unwrap_or("?");
            format!("[[region]] number {} (`{name}`)", i + 1)
        })?;
        ensure!(!regions.contains_key(&region.name), "region `{}` is defined twice", region.name);
        regions.insert(region.name.clone(), region);
    }
    let mut recipes: Vec<Recipe> = Vec::new();
    for (i, table) in tables("period")?.iter().enumerate() {
        let recipe = parse_recipe(table).with_context(|| {
            let id = table.get("id").and_then(toml::Value::as_str).unwrap_or("?");
            format!("[[period]] number {} (`{id}`)", i + 1)
        })?;
        ensure!(recipes.iter().all(|r| r.id != recipe.id), "period `{}` is defined twice", recipe.id);
        recipes.push(recipe);
    }
    let codes: BTreeSet<&str> = COUNTRIES.iter().map(|(code, _, _)| *code).collect();
    for recipe in &recipes {
        for term in recipe.terms() {
            for literal in &term.literals {
                let known = match &literal.name {
                    Name::Country(code) => codes.contains(code.as_str()),
                    Name::Region(name) => regions.contains_key(name),
                    Name::Period(id) => recipes.iter().any(|r| &r.id == id),
                };
                ensure!(
                    known,
                    "period `{}`: term \"{}\" names {:?}, which is not defined",
                    recipe.id,
                    term.text,
                    literal.name
                );
            }
        }
        let uses_region =
            recipe.terms().flat_map(|t| &t.literals).any(|l| matches!(l.name, Name::Region(_) | Name::Period(_)));
        if uses_region {
            let approximate = recipe.note.as_deref().is_some_and(|n| n.starts_with("approximate:"));
            ensure!(
                approximate,
                "period `{}` uses hand-drawn regions, so its `note` must start with \"approximate: …\"",
                recipe.id
            );
        }
    }
    Ok(Overlay { regions, recipes })
}

fn string(table: &toml::Table, key: &str) -> anyhow::Result<String> {
    match table.get(key) {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(_) => bail!("`{key}` must be a non-empty string"),
        None => bail!("`{key}` is missing"),
    }
}

fn strings(table: &toml::Table, key: &str) -> anyhow::Result<Vec<String>> {
    match table.get(key) {
        None => Ok(Vec::new()),
        Some(toml::Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                toml::Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                _ => bail!("`{key}[{i}]` must be a non-empty string"),
            })
            .collect(),
        Some(_) => bail!("`{key}` must be a list of strings"),
    }
}

fn slug(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_region(table: &toml::Table) -> anyhow::Result<Region> {
    for key in table.keys() {
        ensure!(["name", "source", "points"].contains(&key.as_str()), "unknown field `{key}`");
    }
    let name = string(table, "name")?;
    ensure!(slug(&name), "`name` must be a lowercase slug (a-z, 0-9, -)");
    let source = string(table, "source")?;
    let points = match table.get("points") {
        Some(toml::Value::Array(points)) => points,
        _ => bail!("`points` must be a list of [longitude, latitude] pairs"),
    };
    let mut ring: Vec<Coord<f64>> = Vec::with_capacity(points.len() + 1);
    for (i, point) in points.iter().enumerate() {
        let number = |v: &toml::Value| v.as_float().or_else(|| v.as_integer().map(|n| n as f64));
        let pair = point.as_array().filter(|p| p.len() == 2).and_then(|p| Some([number(&p[0])?, number(&p[1])?]));
        let Some([lon, lat]) = pair else {
            bail!("`points[{i}]` must be [longitude, latitude] in degrees");
        };
        ensure!(
            (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat),
            "`points[{i}]` = [{lon}, {lat}] is not a longitude and latitude"
        );
        ring.push(Coord { x: lon, y: lat });
    }
    if ring.first() != ring.last() {
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
    }
    ensure!(ring.len() >= 4, "`points` needs at least three distinct points");
    let polygon = Polygon::new(LineString::from(ring), Vec::new());
    if let Some(problem) = polygon.validation_errors().first() {
        bail!("`points` do not make a valid polygon: {problem}");
    }
    Ok(Region { name, source, polygon })
}

fn parse_recipe(table: &toml::Table) -> anyhow::Result<Recipe> {
    const KEYS: [&str; 10] = ["id", "state", "name", "start", "end", "parts", "minus", "sources", "note", "comment"];
    for key in table.keys() {
        ensure!(KEYS.contains(&key.as_str()), "unknown field `{key}`");
    }
    let id = string(table, "id")?;
    ensure!(slug(&id), "`id` must be a lowercase slug (a-z, 0-9, -)");
    let state = string(table, "state")?;
    ensure!(slug(&state), "`state` must be a lowercase slug (a-z, 0-9, -)");
    let name = match table.get("name") {
        Some(toml::Value::Table(names)) => {
            for key in names.keys() {
                ensure!(["en", "lv", "lt", "et"].contains(&key.as_str()), "`name.{key}`: only en, lv, lt and et");
            }
            [string(names, "en")?, string(names, "lv")?, string(names, "lt")?, string(names, "et")?]
        }
        _ => bail!("`name` must be {{ en = \"…\", lv = \"…\", lt = \"…\", et = \"…\" }}"),
    };
    let date = |key: &str| -> anyhow::Result<HistoricDate> {
        string(table, key)?.parse().map_err(|e| anyhow::anyhow!("`{key}`: {e}"))
    };
    let start = date("start")?;
    let end = match table.get("end") {
        None => None,
        Some(toml::Value::String(s)) if s == "open" => None,
        Some(_) => Some(date("end")?),
    };
    if let Some(end) = end {
        ensure!(end.last_day() >= start.first_day(), "`end` {end} is before `start` {start}");
    }
    let terms = |key: &str| -> anyhow::Result<Vec<Term>> {
        strings(table, key)?.iter().map(|t| parse_term(t).with_context(|| format!("`{key}`: \"{t}\""))).collect()
    };
    let parts = terms("parts")?;
    ensure!(!parts.is_empty(), "`parts` must name at least one term");
    let minus = terms("minus")?;
    let sources = strings(table, "sources")?;
    ensure!(!sources.is_empty(), "`sources` must name at least one source");
    let note = match table.get("note") {
        None => None,
        Some(_) => Some(string(table, "note")?),
    };
    Ok(Recipe { id, state, name, start, end, parts, minus, sources, note })
}

/// Parses one term: names joined by `&`, each optionally prefixed with `!`.
pub fn parse_term(text: &str) -> anyhow::Result<Term> {
    let mut literals = Vec::new();
    for word in text.split('&').map(str::trim) {
        let (negated, word) = match word.strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, word),
        };
        let name = if let Some(id) = word.strip_prefix('@') {
            ensure!(slug(id), "`@{id}` is not a period id");
            Name::Period(id.to_owned())
        } else if word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            Name::Country(word.to_owned())
        } else {
            ensure!(
                slug(word),
                "`{word}` is neither a country code (LTU), a region (vilnius-1920) nor a period (@lithuania-1923-1939)"
            );
            Name::Region(word.to_owned())
        };
        literals.push(Literal { negated, name });
    }
    ensure!(literals.iter().any(|l| !l.negated), "a term needs at least one name without `!`");
    Ok(Term { text: text.to_owned(), literals })
}

/// The shape of every recipe, in the overlay's order, clipped to the extent.
pub fn build_periods(
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
) -> anyhow::Result<Vec<MultiPolygon<f64>>> {
    let mut done: HashMap<String, MultiPolygon<f64>> = HashMap::new();
    let extent = MultiPolygon::new(vec![Rect::new(
        Coord { x: EXTENT.west, y: EXTENT.south },
        Coord { x: EXTENT.east, y: EXTENT.north },
    )
    .to_polygon()]);
    overlay
        .recipes
        .iter()
        .map(|recipe| {
            let shape = evaluate(&recipe.id, overlay, countries, &mut done, &mut Vec::new())?;
            Ok(snap(&shape.intersection(&extent)))
        })
        .collect()
}

fn evaluate(
    id: &str,
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
    done: &mut HashMap<String, MultiPolygon<f64>>,
    stack: &mut Vec<String>,
) -> anyhow::Result<MultiPolygon<f64>> {
    if let Some(shape) = done.get(id) {
        return Ok(shape.clone());
    }
    if stack.iter().any(|s| s == id) {
        bail!("periods refer to each other in a circle: {} → {id}", stack.join(" → "));
    }
    stack.push(id.to_owned());
    let recipe = overlay.recipes.iter().find(|r| r.id == id).with_context(|| format!("no period `{id}`"))?;
    let mut term_shape = |term: &Term| -> anyhow::Result<MultiPolygon<f64>> {
        let mut shape: Option<MultiPolygon<f64>> = None;
        for literal in term.literals.iter().filter(|l| !l.negated) {
            let next = name_shape(&literal.name, overlay, countries, done, stack)?;
            shape = Some(match shape {
                None => next,
                Some(shape) => snap(&shape.intersection(&next)),
            });
        }
        let mut shape = shape.unwrap_or_else(|| MultiPolygon::new(Vec::new()));
        for literal in term.literals.iter().filter(|l| l.negated) {
            shape = snap(&shape.difference(&name_shape(&literal.name, overlay, countries, done, stack)?));
        }
        Ok(shape)
    };
    let mut shape = MultiPolygon::new(Vec::new());
    for term in &recipe.parts {
        shape = snap(&shape.union(&term_shape(term)?));
    }
    for term in &recipe.minus {
        shape = snap(&shape.difference(&term_shape(term)?));
    }
    stack.pop();
    done.insert(id.to_owned(), shape.clone());
    Ok(shape)
}

fn name_shape(
    name: &Name,
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
    done: &mut HashMap<String, MultiPolygon<f64>>,
    stack: &mut Vec<String>,
) -> anyhow::Result<MultiPolygon<f64>> {
    match name {
        Name::Country(code) => countries.get(code).cloned().with_context(|| format!("no country {code}")),
        Name::Region(region) => overlay
            .regions
            .get(region)
            .map(|r| MultiPolygon::new(vec![r.polygon.clone()]))
            .with_context(|| format!("no region `{region}`")),
        Name::Period(id) => evaluate(id, overlay, countries, done, stack),
    }
}

/// The days on which the set of standing periods changes, from the first start on.
fn change_days(recipes: &[Recipe]) -> Vec<CalendarDay> {
    let mut days: BTreeSet<CalendarDay> = BTreeSet::new();
    for recipe in recipes {
        days.insert(recipe.first_day());
        if let Some(last) = recipe.last_day() {
            days.insert(next_day(last));
        }
    }
    days.into_iter().collect()
}

fn next_day(day: CalendarDay) -> CalendarDay {
    if day.day < atlas_core::time::days_in_month(day.year, day.month) {
        CalendarDay { day: day.day + 1, ..day }
    } else if day.month < 12 {
        CalendarDay { month: day.month + 1, day: 1, ..day }
    } else {
        CalendarDay { year: day.year + 1, month: 1, day: 1 }
    }
}

fn format_day(day: CalendarDay) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// Checks, for every day on which the map changes from 1919 on: no two standing periods
/// share land, and every bit of land in the main frame belongs to one of them.
pub fn check_space(
    recipes: &[Recipe],
    shapes: &[MultiPolygon<f64>],
    countries: &BTreeMap<String, MultiPolygon<f64>>,
) -> anyhow::Result<()> {
    let (west, south, east, north) = MAIN_FRAME;
    let frame =
        MultiPolygon::new(vec![Rect::new(Coord { x: west, y: south }, Coord { x: east, y: north }).to_polygon()]);
    let land_in_frame = countries
        .values()
        .fold(MultiPolygon::new(Vec::new()), |land, country| land.union(&country.intersection(&frame)));
    let boxes: Vec<Option<Rect<f64>>> = shapes.iter().map(|s| s.bounding_rect()).collect();
    let mut overlaps: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut problems: Vec<String> = Vec::new();
    let first = CalendarDay { year: 1919, month: 1, day: 1 };
    let mut days = change_days(recipes);
    days.retain(|&d| d >= first);
    days.insert(0, first);
    days.dedup();
    for day in days {
        let standing: Vec<usize> = (0..recipes.len()).filter(|&i| recipes[i].stands_on(day)).collect();
        for (n, &a) in standing.iter().enumerate() {
            for &b in &standing[n + 1..] {
                let touching = match (boxes[a], boxes[b]) {
                    (Some(ra), Some(rb)) => {
                        ra.min().x <= rb.max().x
                            && rb.min().x <= ra.max().x
                            && ra.min().y <= rb.max().y
                            && rb.min().y <= ra.max().y
                    }
                    _ => false,
                };
                if !touching {
                    continue;
                }
                let area =
                    *overlaps.entry((a, b)).or_insert_with(|| shapes[a].intersection(&shapes[b]).unsigned_area());
                if area > MAX_OVERLAP_SQ_DEG {
                    problems.push(format!(
                        "on {}: `{}` and `{}` overlap by {area:.4} square degrees",
                        format_day(day),
                        recipes[a].id,
                        recipes[b].id
                    ));
                }
            }
        }
        let covered = standing.iter().fold(MultiPolygon::new(Vec::new()), |all, &i| all.union(&shapes[i]));
        let gap = land_in_frame.difference(&covered);
        let gap_area = gap.unsigned_area();
        if gap_area > MAX_GAP_SQ_DEG {
            let biggest = gap.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
            let at = biggest
                .and_then(|p| p.bounding_rect())
                .map(|r| format!(" (largest piece around {:.2}°E {:.2}°N)", r.center().x, r.center().y))
                .unwrap_or_default();
            problems.push(format!(
                "on {}: {gap_area:.4} square degrees of land in the main frame belong to no state{at}",
                format_day(day)
            ));
        }
    }
    if !problems.is_empty() {
        bail!("borders: the periods do not tile the map:\n{}", problems.join("\n"));
    }
    Ok(())
}

/// Where rings cross themselves or each other, for the error message of an invalid period.
fn crossings(polygons: &[IntPolygon]) -> String {
    let segments: Vec<([i64; 2], [i64; 2])> =
        polygons.iter().flatten().flat_map(|ring| ring.windows(2).map(|w| (w[0], w[1]))).collect();
    let orient = |a: [i64; 2], b: [i64; 2], c: [i64; 2]| {
        let v = i128::from(b[0] - a[0]) * i128::from(c[1] - a[1]) - i128::from(b[1] - a[1]) * i128::from(c[0] - a[0]);
        v.signum()
    };
    let mut found = Vec::new();
    for (i, &(a, b)) in segments.iter().enumerate() {
        for &(c, d) in &segments[i + 1..] {
            let adjacent = b == c || a == d;
            let on = |p: [i64; 2], q: [i64; 2], r: [i64; 2]| {
                orient(p, q, r) == 0
                    && r[0] >= p[0].min(q[0])
                    && r[0] <= p[0].max(q[0])
                    && r[1] >= p[1].min(q[1])
                    && r[1] <= p[1].max(q[1])
            };
            let crossing = orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
            let touching = !adjacent && (on(a, b, c) || on(a, b, d) || on(c, d, a) || on(c, d, b));
            if crossing || touching {
                found.push(format!("[{}, {}]", basemap::format_coord(c[0]), basemap::format_coord(c[1])));
            }
        }
    }
    found.dedup();
    if found.is_empty() {
        "no crossing segments found (touching rings or a hole outside its polygon?)".to_owned()
    } else {
        format!("segments cross near {}", found.join(", "))
    }
}

/// The period's own sources, then each region's it uses (also through `@` periods), then
/// Natural Earth; without repeats.
fn sources_of(recipe: &Recipe, overlay: &Overlay) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    for source in &recipe.sources {
        push(source);
    }
    let mut regions: Vec<&str> = Vec::new();
    collect_regions(recipe, overlay, &mut regions, &mut Vec::new());
    for name in regions {
        if let Some(region) = overlay.regions.get(name) {
            push(&format!("{}: {}", region.name, region.source));
        }
    }
    push(NATURAL_EARTH);
    out
}

fn collect_regions<'a>(recipe: &'a Recipe, overlay: &'a Overlay, out: &mut Vec<&'a str>, seen: &mut Vec<&'a str>) {
    if seen.contains(&recipe.id.as_str()) {
        return;
    }
    seen.push(&recipe.id);
    for literal in recipe.terms().flat_map(|t| &t.literals) {
        match &literal.name {
            Name::Region(name) if !out.contains(&name.as_str()) => out.push(name),
            Name::Period(id) => {
                if let Some(other) = overlay.recipes.iter().find(|r| &r.id == id) {
                    collect_regions(other, overlay, out, seen);
                }
            }
            _ => {}
        }
    }
}

/// The output: a FeatureCollection with one feature per period in the overlay's order, its
/// properties in a fixed order, one polygon per line.
fn to_geojson(features: &[(&Recipe, Vec<String>, Vec<IntPolygon>)]) -> String {
    let text = |s: &str| Value::from(s).to_string();
    let bbox = EXTENT.bbox_json();
    let features = features
        .iter()
        .map(|(recipe, sources, polygons)| {
            let [en, lv, lt, et] = &recipe.name;
            let properties = format!(
                "\"id\":{},\"state\":{},\"name\":{{\"en\":{},\"lv\":{},\"lt\":{},\"et\":{}}},\"start\":{},\"end\":{},\"sources\":[{}],\"note\":{}",
                text(&recipe.id),
                text(&recipe.state),
                text(en),
                text(lv),
                text(lt),
                text(et),
                text(&recipe.start.to_string()),
                recipe.end.map(|e| text(&e.to_string())).unwrap_or_else(|| "null".to_owned()),
                sources.iter().map(|s| text(s)).collect::<Vec<_>>().join(","),
                recipe.note.as_deref().map(text).unwrap_or_else(|| "null".to_owned()),
            );
            let geometry = if let [single] = polygons.as_slice() {
                format!("{{\"type\":\"Polygon\",\"coordinates\":\n{}\n}}", basemap::polygon_json(single))
            } else {
                let all = polygons.iter().map(basemap::polygon_json).collect::<Vec<_>>().join(",\n");
                format!("{{\"type\":\"MultiPolygon\",\"coordinates\":[\n{all}\n]}}")
            };
            format!("{{\"type\":\"Feature\",\"properties\":{{{properties}}},\"geometry\":{geometry}}}")
        })
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\"type\":\"FeatureCollection\",\"bbox\":[{bbox}],\"attribution\":{},\"generated_by\":{},\"features\":[\n{features}\n]}}\n",
        text(ATTRIBUTION),
        text(&format!("cargo xtask borders, from {OVERLAY} and {NATURAL_EARTH}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn terms_name_countries_regions_and_periods() -> anyhow::Result<()> {
        let term = parse_term("POL & prussia-1914 & !ceded-1920")?;
        assert_eq!(
            term.literals,
            vec![
                Literal { negated: false, name: Name::Country("POL".into()) },
                Literal { negated: false, name: Name::Region("prussia-1914".into()) },
                Literal { negated: true, name: Name::Region("ceded-1920".into()) },
            ]
        );
        assert_eq!(parse_term("@poland-1922-1938")?.literals[0].name, Name::Period("poland-1922-1938".into()));
        assert!(parse_term("!LTU").is_err(), "a term needs something to subtract from");
        assert!(parse_term("Vilnius Region").is_err());
        Ok(())
    }

    const OVERLAY_TEXT: &str = r#"
        [[region]]
        name = "west-half"
        source = "a test"
        points = [[10, 50], [11, 50], [11, 52], [10, 52]]   # closed automatically

        [[period]]
        id = "a-1920-1930"
        state = "a"
        name = { en = "A", lv = "A", lt = "A", et = "A" }
        start = "1920-10-09"
        end = "1930"
        parts = ["AAA & west-half"]
        sources = ["Treaty"]
        note = "approximate: drawn by hand"

        [[period]]
        id = "b-1920"
        state = "b"
        name = { en = "B", lv = "B", lt = "B", et = "B" }
        start = "1920"
        end = "open"
        parts = ["AAA"]
        minus = ["@a-1920-1930"]
        sources = ["Treaty"]
        note = "approximate: the rest"
    "#;

    fn square() -> MultiPolygon<f64> {
        MultiPolygon::new(vec![Rect::new(c(10.0, 50.0), c(12.0, 52.0)).to_polygon()])
    }

    #[test]
    fn recipes_combine_countries_regions_and_periods() -> anyhow::Result<()> {
        let overlay = parse_overlay(&OVERLAY_TEXT.replace("AAA", "LTU"))?;
        assert_eq!(overlay.recipes.len(), 2);
        assert_eq!(overlay.recipes[1].end, None);
        let countries = BTreeMap::from([("LTU".to_owned(), square())]);
        let shapes = build_periods(&overlay, &countries)?;
        assert!((shapes[0].unsigned_area() - 2.0).abs() < 1e-9);
        assert!((shapes[1].unsigned_area() - 2.0).abs() < 1e-9);
        assert!(shapes[0].intersection(&shapes[1]).unsigned_area() < 1e-9);
        let sources = sources_of(&overlay.recipes[1], &overlay);
        assert_eq!(sources, vec!["Treaty".to_owned(), "west-half: a test".to_owned(), NATURAL_EARTH.to_owned()]);
        Ok(())
    }

    #[test]
    fn overlay_mistakes_are_named() {
        let text = OVERLAY_TEXT.replace("AAA", "LTU");
        assert!(parse_overlay(&text).is_ok());
        let unknown = parse_overlay(&text.replace("LTU & west-half", "LTU & east-half")).unwrap_err();
        assert!(format!("{unknown:#}").contains("east-half"), "{unknown:#}");
        let country = parse_overlay(&text.replace("LTU & west-half", "XYZ & west-half")).unwrap_err();
        assert!(format!("{country:#}").contains("XYZ"), "{country:#}");
        let bowtie =
            text.replace("[[10, 50], [11, 50], [11, 52], [10, 52]]", "[[10, 50], [11, 52], [11, 50], [10, 52]]");
        let error = format!("{:#}", parse_overlay(&bowtie).unwrap_err());
        assert!(error.contains("west-half") && error.contains("valid polygon"), "{error}");
        let no_note = text.replace("note = \"approximate: drawn by hand\"", "");
        let error = format!("{:#}", parse_overlay(&no_note).unwrap_err());
        assert!(error.contains("approximate"), "{error}");
    }

    #[test]
    fn overlapping_periods_and_gaps_are_found() -> anyhow::Result<()> {
        let overlay = parse_overlay(&OVERLAY_TEXT.replace("AAA", "LTU").replace("minus = [\"@a-1920-1930\"]", ""))?;
        let countries = BTreeMap::from([("LTU".to_owned(), square())]);
        let shapes = build_periods(&overlay, &countries)?;
        let error = check_space(&overlay.recipes, &shapes, &countries).unwrap_err().to_string();
        assert!(error.contains("`a-1920-1930` and `b-1920` overlap"), "{error}");
        Ok(())
    }

    #[test]
    fn closed_arcs_keep_three_positions() {
        let island = vec![c(0.0, 0.0), c(0.001, 0.0), c(1.0, 0.5), c(0.001, 1.0), c(0.0, 1.0), c(0.0, 0.0)];
        let simplified = simplify_arcs(vec![island], 0.02);
        assert_eq!(simplified[0].first(), simplified[0].last());
        assert!(simplified[0].len() >= 4, "{:?}", simplified[0]);
    }

    #[test]
    fn the_day_after_crosses_months_and_years() {
        assert_eq!(
            next_day(CalendarDay { year: 1939, month: 8, day: 31 }),
            CalendarDay { year: 1939, month: 9, day: 1 }
        );
        assert_eq!(
            next_day(CalendarDay { year: 1940, month: 2, day: 28 }),
            CalendarDay { year: 1940, month: 2, day: 29 }
        );
        assert_eq!(
            next_day(CalendarDay { year: 1922, month: 12, day: 31 }),
            CalendarDay { year: 1923, month: 1, day: 1 }
        );
    }
}
