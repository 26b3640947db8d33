//! The overlay file `xtask/borders/overlay.toml`: hand-drawn regions and the recipes that build
//! each state in each period from today's countries and those regions.
use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, ensure, Context as _};
use geo::{Coord, LineString, Polygon, Validation as _};

use atlas_core::model::is_slug;
use atlas_core::time::{CalendarDay, HistoricDate};
use atlas_core::Lang;

use super::countries::COUNTRIES;

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
    /// The state's name in this period by language (lowercase ISO 639 code: `en`, `lv`, `ru`,
    /// …); `en` is always there.
    pub name: BTreeMap<String, String>,
    pub start: HistoricDate,
    pub end: Option<HistoricDate>,
    pub parts: Vec<Term>,
    pub minus: Vec<Term>,
    pub sources: Vec<String>,
    /// What is approximate or simplified, by language like `name` (`en` always there, and
    /// starting "approximate:" where the period uses hand-drawn regions).
    pub note: Option<BTreeMap<String, String>>,
    /// The state that occupied this one in this period (`ussr` for the Baltic states from June
    /// 1940); the map hatches it.
    pub occupied_by: Option<String>,
    /// A region this period gained from another state's period that ended the day before (the
    /// Klaipėda Region from `lithuania-1923-1939`): the map calls it out in the year it passed.
    pub gained: Option<Gained>,
}

/// A region a period gained: the period it came from and the region's name by language.
#[derive(Debug, Clone)]
pub struct Gained {
    pub from: String,
    pub region: BTreeMap<String, String>,
}

impl Recipe {
    pub(super) fn first_day(&self) -> CalendarDay {
        self.start.first_day()
    }

    /// The last day, `None` when the period runs past 1940.
    pub(super) fn last_day(&self) -> Option<CalendarDay> {
        self.end.map(|end| end.last_day())
    }

    pub(super) fn stands_on(&self, day: CalendarDay) -> bool {
        self.first_day() <= day && self.last_day().is_none_or(|last| day <= last)
    }

    /// Every term of the recipe.
    pub(super) fn terms(&self) -> impl Iterator<Item = &Term> {
        self.parts.iter().chain(&self.minus)
    }
}

/// The overlay file: regions by name, and the recipes in file order.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub regions: BTreeMap<String, Region>,
    pub recipes: Vec<Recipe>,
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
        if let Some(gained) = &recipe.gained {
            let from = recipes.iter().find(|r| r.id == gained.from);
            let Some(from) = from else {
                bail!("period `{}`: `gained.from` = \"{}\" is not a period of this file", recipe.id, gained.from);
            };
            ensure!(
                from.state != recipe.state,
                "period `{}`: `gained.from` = \"{}\" is a period of the same state",
                recipe.id,
                gained.from
            );
            ensure!(
                from.last_day().is_some_and(|last| last.next() == recipe.first_day()),
                "period `{}`: `gained.from` = \"{}\" must end the day before {} (the day the region passed)",
                recipe.id,
                gained.from,
                recipe.start
            );
        }
        if uses_region {
            let english = recipe.note.as_ref().and_then(|note| note.get("en"));
            let approximate = english.is_some_and(|n| n.starts_with("approximate:"));
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

fn parse_region(table: &toml::Table) -> anyhow::Result<Region> {
    for key in table.keys() {
        ensure!(["name", "source", "points"].contains(&key.as_str()), "unknown field `{key}`");
    }
    let name = string(table, "name")?;
    ensure!(is_slug(&name), "`name` must be a lowercase slug (a-z, 0-9, -)");
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
    const KEYS: [&str; 12] = [
        "id",
        "state",
        "name",
        "start",
        "end",
        "parts",
        "minus",
        "sources",
        "note",
        "occupied_by",
        "gained",
        "comment",
    ];
    for key in table.keys() {
        ensure!(KEYS.contains(&key.as_str()), "unknown field `{key}`");
    }
    let id = string(table, "id")?;
    ensure!(is_slug(&id), "`id` must be a lowercase slug (a-z, 0-9, -)");
    let state = string(table, "state")?;
    ensure!(is_slug(&state), "`state` must be a lowercase slug (a-z, 0-9, -)");
    let name = match table.get("name") {
        Some(toml::Value::Table(names)) => parse_names("name", names)?,
        _ => bail!("`name` must be a table of names by language, e.g. {{ en = \"…\", lv = \"…\", ru = \"…\" }}"),
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
    // A note in English alone (`note = "…"`), or by language (`note.en = "…"`, `note.lv = "…"`).
    let note = match table.get("note") {
        None => None,
        Some(toml::Value::Table(texts)) => Some(parse_names("note", texts)?),
        Some(_) => Some(BTreeMap::from([("en".to_owned(), string(table, "note")?)])),
    };
    let gained = match table.get("gained") {
        None => None,
        Some(toml::Value::Table(gained)) => {
            for key in gained.keys() {
                ensure!(["from", "region"].contains(&key.as_str()), "unknown field `gained.{key}`");
            }
            let from = string(gained, "from").context("`gained.from`")?;
            let region = match gained.get("region") {
                Some(toml::Value::Table(names)) => parse_names("gained.region", names)?,
                _ => bail!(
                    "`gained.region` must be the region's name by language, e.g. {{ en = \"Klaipėda Region\", … }}"
                ),
            };
            Some(Gained { from, region })
        }
        Some(_) => {
            bail!("`gained` must be a table: gained.from = \"<period id>\", gained.region = {{ en = \"…\", … }}")
        }
    };
    let occupied_by = match table.get("occupied_by") {
        None => None,
        Some(_) => Some(string(table, "occupied_by")?),
    };
    if let Some(occupier) = &occupied_by {
        ensure!(is_slug(occupier), "`occupied_by` must be a state's slug (a-z, 0-9, -), e.g. \"ussr\"");
    }
    Ok(Recipe { id, state, name, start, end, parts, minus, sources, note, occupied_by, gained })
}

/// Reads a table of texts by language (a period's `name`, its `note`, …; `field` names it in
/// messages): language code to text. Any lowercase 2- or 3-letter code (ISO 639) is a
/// language; `en` is required, being what the map shows in a language that has no text of
/// its own.
fn parse_names(field: &str, names: &toml::Table) -> anyhow::Result<BTreeMap<String, String>> {
    ensure!(names.contains_key("en"), "`{field}.en` is missing: every text needs its English version");
    names
        .keys()
        .map(|code| {
            ensure!(
                Lang::new(code).is_some(),
                "`{field}.{code}`: languages are written as their 2- or 3-letter lowercase ISO 639 code (en, lv, ru, …)"
            );
            Ok((code.clone(), string(names, code).with_context(|| format!("`{field}.{code}`"))?))
        })
        .collect()
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
            ensure!(is_slug(id), "`@{id}` is not a period id");
            Name::Period(id.to_owned())
        } else if word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            Name::Country(word.to_owned())
        } else {
            ensure!(
                is_slug(word),
                "`{word}` is neither a country code (LTU), a region (vilnius-1920) nor a period (@lithuania-1923-1939)"
            );
            Name::Region(word.to_owned())
        };
        literals.push(Literal { negated, name });
    }
    ensure!(literals.iter().any(|l| !l.negated), "a term needs at least one name without `!`");
    Ok(Term { text: text.to_owned(), literals })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::borders::fixtures::OVERLAY_TEXT;

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
    fn names_take_any_language_and_need_english() -> anyhow::Result<()> {
        let text = OVERLAY_TEXT.replace("AAA", "LTU");
        let a_names = r#"name = { en = "A", lv = "A", lt = "A", et = "A" }"#;
        let with = |names: &str| text.replacen(a_names, names, 1);

        let overlay = parse_overlay(&with(r#"name = { en = "Latvia", ru = "Латвия", lv = "Latvija" }"#))?;
        let names: Vec<(&str, &str)> = overlay.recipes[0].name.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect();
        assert_eq!(names, [("en", "Latvia"), ("lv", "Latvija"), ("ru", "Латвия")]);

        let no_english = format!("{:#}", parse_overlay(&with(r#"name = { lv = "Latvija" }"#)).unwrap_err());
        assert!(no_english.contains("`name.en` is missing"), "{no_english}");
        for bad in ["EN", "e", "engl", "pt-br"] {
            let names = format!(r#"name = {{ en = "Latvia", "{bad}" = "x" }}"#);
            let error = format!("{:#}", parse_overlay(&with(&names)).unwrap_err());
            assert!(error.contains(&format!("`name.{bad}`")) && error.contains("ISO 639"), "{error}");
        }
        let empty = format!("{:#}", parse_overlay(&with(r#"name = { en = "Latvia", ru = " " }"#)).unwrap_err());
        assert!(empty.contains("`name.ru`") && empty.contains("non-empty"), "{empty}");
        Ok(())
    }
}
