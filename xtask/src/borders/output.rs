//! The output file: each period's sources, its TopoJSON geometry, and where an invalid one's
//! rings cross.
use std::collections::BTreeMap;

use serde_json::Value;

use atlas_core::borders::BORDERS_OBJECT;

use super::overlay::{Name, Overlay, Recipe};
use super::topology::{build, Topology};
use super::OVERLAY;
use crate::geometry::{bbox_json, format_coord, IntPolygon, EXTENT};

/// Cited on every feature, after the period's own sources and its regions' sources.
pub(super) const NATURAL_EARTH: &str =
    "Natural Earth 1:50m Admin 0 countries (public domain), via npm world-atlas 2.0.2";

/// The attribution the map shows under the borders.
pub const ATTRIBUTION: &str =
    "Base geography: Natural Earth. Interwar borders drawn by this project from the treaties; approximate.";

/// Where rings cross themselves or each other, for the error message of an invalid period.
pub(super) fn crossings(polygons: &[IntPolygon]) -> String {
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
                found.push(format!("[{}, {}]", format_coord(c[0]), format_coord(c[1])));
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
/// Natural Earth; without repeats. A region's source is written without the region's name
/// (`petseri`), which means something only in the overlay: the map shows the sources to
/// readers.
pub(super) fn sources_of(recipe: &Recipe, overlay: &Overlay) -> Vec<String> {
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
            push(&region.source);
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

/// The languages whose names come first in the output, in this order (the atlas's languages
/// as the file has always listed them); any other language follows, alphabetically.
const FIRST_LANGUAGES: [&str; 4] = ["en", "lv", "lt", "et"];

/// A period's names in the output's order: [`FIRST_LANGUAGES`], then the others by code.
fn names_in_order(names: &BTreeMap<String, String>) -> impl Iterator<Item = (&str, &str)> {
    let rank = |code: &str| FIRST_LANGUAGES.iter().position(|&first| first == code).unwrap_or(FIRST_LANGUAGES.len());
    let mut ordered: Vec<(&str, &str)> = names.iter().map(|(code, name)| (code.as_str(), name.as_str())).collect();
    // Stable: the map already iterates alphabetically.
    ordered.sort_by_key(|&(code, _)| rank(code));
    ordered.into_iter()
}

/// Texts by language as a JSON object, in [`names_in_order`].
fn texts_json(texts: &BTreeMap<String, String>) -> String {
    let text = |s: &str| Value::from(s).to_string();
    let entries: Vec<String> =
        names_in_order(texts).map(|(code, name)| format!("{}:{}", text(code), text(name))).collect();
    format!("{{{}}}", entries.join(","))
}

/// A period's properties in a fixed order, without the braces.
fn properties_json(recipe: &Recipe, sources: &[String]) -> String {
    let text = |s: &str| Value::from(s).to_string();
    let mut properties = format!(
        "\"id\":{},\"state\":{},\"name\":{},\"start\":{},\"end\":{},\"sources\":[{}],\"note\":{}",
        text(&recipe.id),
        text(&recipe.state),
        texts_json(&recipe.name),
        text(&recipe.start.to_string()),
        recipe.end.map(|e| text(&e.to_string())).unwrap_or_else(|| "null".to_owned()),
        sources.iter().map(|s| text(s)).collect::<Vec<_>>().join(","),
        recipe.note.as_ref().map(texts_json).unwrap_or_else(|| "null".to_owned()),
    );
    if let Some(occupier) = &recipe.occupied_by {
        properties.push_str(&format!(",\"occupied_by\":{}", text(occupier)));
    }
    if let Some(gained) = &recipe.gained {
        properties.push_str(&format!(
            ",\"gained\":{{\"from\":{},\"region\":{}}}",
            text(&gained.from),
            texts_json(&gained.region)
        ));
    }
    properties
}

/// The output: a TopoJSON Topology whose object [`BORDERS_OBJECT`] holds one geometry per
/// period in the overlay's order (its properties in a fixed order, one per line), then the
/// shared arcs, one per line (see [`topology`](super::topology)).
pub(super) fn to_topojson(features: &[(&Recipe, Vec<String>, Vec<IntPolygon>)]) -> String {
    let text = |s: &str| Value::from(s).to_string();
    let shapes: Vec<&[IntPolygon]> = features.iter().map(|(_, _, polygons)| polygons.as_slice()).collect();
    let topology = build(&shapes);
    let geometries = features
        .iter()
        .enumerate()
        .map(|(f, (recipe, sources, polygons))| {
            let kind = if polygons.len() == 1 { "Polygon" } else { "MultiPolygon" };
            format!(
                "{{\"type\":\"{kind}\",\"properties\":{{{}}},\"arcs\":{}}}",
                properties_json(recipe, sources),
                topology.feature_arcs_json(f)
            )
        })
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\"type\":\"Topology\",\"bbox\":[{}],\"attribution\":{},\"generated_by\":{},\"transform\":{},\n\"objects\":{{{}:{{\"type\":\"GeometryCollection\",\"geometries\":[\n{geometries}\n]}}}},\n\"arcs\":{}}}\n",
        bbox_json(EXTENT),
        text(ATTRIBUTION),
        text(&format!("cargo xtask borders, from {OVERLAY} and {NATURAL_EARTH}")),
        Topology::transform_json(),
        text(BORDERS_OBJECT),
        topology.arcs_json(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::borders::fixtures::OVERLAY_TEXT;
    use crate::borders::overlay::parse_overlay;

    #[test]
    fn names_are_written_en_lv_lt_et_first_then_other_languages_alphabetically() -> anyhow::Result<()> {
        let text = OVERLAY_TEXT.replace("AAA", "LTU").replacen(
            r#"name = { en = "A", lv = "A", lt = "A", et = "A" }"#,
            r#"name = { ru = "Латвия", et = "Läti", en = "Latvia", be = "Латвія", lt = "Latvija", lv = "Latvija" }"#,
            1,
        );
        let overlay = parse_overlay(&text)?;
        let square: Vec<IntPolygon> =
            vec![vec![vec![[10_000, 50_000], [11_000, 50_000], [11_000, 51_000], [10_000, 50_000]]]];
        let features: Vec<_> =
            overlay.recipes.iter().map(|recipe| (recipe, vec!["Treaty".to_owned()], square.clone())).collect();
        let json = to_topojson(&features);
        let expected =
            r#""name":{"en":"Latvia","lv":"Latvija","lt":"Latvija","et":"Läti","be":"Латвія","ru":"Латвия"}"#;
        assert!(json.contains(expected), "{json}");
        assert!(json.contains(r#""name":{"en":"B","lv":"B","lt":"B","et":"B"}"#), "{json}");
        let parsed: Value = serde_json::from_str(&json)?;
        assert_eq!(parsed["objects"]["borders"]["geometries"][0]["properties"]["name"]["ru"], "Латвия");
        Ok(())
    }
}
