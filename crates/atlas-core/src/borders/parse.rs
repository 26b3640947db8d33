//! Reading `borders.topojson`: what the app needs to draw, with every problem named by
//! feature and field.
use std::collections::HashSet;

use serde_json::Value;

use super::topology::{Position, TopoGeometry, Topology};
use super::{Borders, Gained, StatePeriod};
use crate::data::{kind_of, lon_lat, read_records, DataError, DataErrors, DataFile, Location, Record, Warning};
use crate::lang::Lang;
use crate::model::LonLat;
use crate::time::{HistoricDate, Span};

/// The object of `borders.topojson` that holds the periods.
pub const BORDERS_OBJECT: &str = "borders";

impl Record for TopoGeometry {
    fn properties(&self) -> Option<&serde_json::Map<String, Value>> {
        Some(&self.properties)
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks the stitched polygons, reporting the first bad position or ring.
fn polygons(shapes: Vec<Vec<Vec<Position>>>) -> Result<Vec<Vec<Vec<LonLat>>>, String> {
    if shapes.is_empty() {
        return Err("has no polygons".to_owned());
    }
    let mut out = Vec::with_capacity(shapes.len());
    for (p, rings) in shapes.into_iter().enumerate() {
        if rings.is_empty() {
            return Err(format!("polygon {p} has no rings"));
        }
        let mut polygon = Vec::with_capacity(rings.len());
        for (r, ring) in rings.iter().enumerate() {
            let mut points = Vec::with_capacity(ring.len());
            for (i, position) in ring.iter().enumerate() {
                let point = lon_lat(position).ok_or_else(|| {
                    format!("polygon {p}, ring {r}, position {i}: must be [longitude, latitude] in degrees")
                })?;
                points.push(point);
            }
            if points.len() < 4 {
                return Err(format!(
                    "polygon {p}, ring {r}: has {} positions; a ring needs at least 4 (3 corners and the first again)",
                    points.len()
                ));
            }
            if points.first() != points.last() {
                return Err(format!(
                    "polygon {p}, ring {r}: is not closed (its last arc must end where its first begins)"
                ));
            }
            polygon.push(points);
        }
        out.push(polygon);
    }
    Ok(out)
}

/// Reads `borders.topojson`: a TopoJSON Topology whose object [`BORDERS_OBJECT`] holds one
/// geometry (a feature, in GDAL's and QGIS's words) per period. Every problem is reported
/// with the file, the feature (index and id) and the field; all problems are collected.
pub fn parse_borders(file: DataFile<'_>, offered: &[Lang]) -> Result<(Borders, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let topology = Topology::parse(file, BORDERS_OBJECT)?;
    let (periods, warnings) = read_records(file.name, &topology.geometries, |fields, feature| {
        let period_id =
            fields.unique_id(&mut seen, "lithuania-1923-1939", "period", |s| is_slug(s).then(|| s.to_owned()));
        let state = fields.string("state", "lithuania").and_then(|s| {
            if !is_slug(s) {
                fields.error("state", format!("`{s}` must be a lowercase slug of a-z, 0-9 and -, e.g. \"lithuania\""));
                return None;
            }
            Some(s.to_owned())
        });
        let name = fields.localized("name", offered, false);
        let start = fields.string("start", "1923-01-19").and_then(|s| fields.date("start", s));
        let end: Option<Option<HistoricDate>> = match fields.properties.get("end") {
            None => {
                fields.error("end", "is missing; write the last day the border stood, e.g. \"1939-03-22\", or null if it stood past 1940");
                None
            }
            Some(Value::Null) => Some(None),
            Some(Value::String(s)) => fields.date("end", s).map(Some),
            Some(other) => {
                fields.error("end", format!("must be a date such as \"1939-03-22\" or null, found {}", kind_of(other)));
                None
            }
        };
        let span = match (start, end) {
            (Some(start), Some(end)) => {
                if let Some(end) = end {
                    if end.last_day() < start.first_day() {
                        fields.error("end", format!("{end} is before the start {start}"));
                    }
                }
                Some(Span::new(start, end))
            }
            _ => None,
        };
        let sources = fields.strings("sources", "Treaty of Riga (18 March 1921), art. 2").inspect(|sources| {
            if sources.is_empty() {
                fields.error("sources", "is empty: name the treaties and references the lines follow");
            }
        });
        let note = fields.localized("note", offered, true);
        let occupied_by = fields.optional_string("occupied_by", "ussr").map(str::to_owned);
        let gained = match fields.properties.get("gained") {
            None | Some(Value::Null) => Some(None),
            Some(Value::Object(object)) => {
                let mut gained = fields.nested("gained", object);
                let from = gained.string("from", "lithuania-1923-1939").map(str::to_owned);
                let region = gained.localized("region", offered, false);
                match (from, region) {
                    (Some(from), Some(region)) => Some(Some(Gained { from, region })),
                    _ => None,
                }
            }
            Some(other) => {
                fields.error(
                    "gained",
                    format!(
                        "must be an object {{\"from\": \"lithuania-1923-1939\", \"region\": {{\"en\": \"Klaipėda Region\", …}}}}, found {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        let shapes = feature
            .polygons(&topology.arcs)
            .map_err(|problem| fields.error(problem.field, problem.message))
            .ok()
            .and_then(|shapes| polygons(shapes).map_err(|problem| fields.error("arcs", problem)).ok());
        let (Some(id), Some(state), Some(name), Some(span), Some(sources), Some(polygons), Some(gained)) =
            (period_id, state, name, span, sources, shapes, gained)
        else {
            return None;
        };
        Some(StatePeriod { id, state, name, span, sources, note, occupied_by, gained, polygons })
    })?;
    check_gains(file.name, &periods)?;
    Ok((Borders::new(file.name, periods), warnings))
}

/// Every `gained.from` names a period of another state that ended the day before the gaining
/// period began: the region passed from one to the other that day.
fn check_gains(file: &str, periods: &[StatePeriod]) -> Result<(), DataErrors> {
    let mut errors = Vec::new();
    for (index, period) in periods.iter().enumerate() {
        let Some(gained) = &period.gained else { continue };
        let problem = match periods.iter().find(|p| p.id == gained.from) {
            None => Some(format!("`{}` is not the id of a period of this file", gained.from)),
            Some(from) if from.state == period.state => {
                Some(format!("`{}` is a period of the same state `{}`", gained.from, period.state))
            }
            Some(from) if from.last_day().map(|last| last.next()) != Some(period.first_day()) => Some(format!(
                "`{}` ends {}, but a region gained on {} must come from a period that ended the day before",
                gained.from,
                from.span.end.map_or_else(|| "never (open)".to_owned(), |end| end.to_string()),
                period.span.start
            )),
            Some(_) => None,
        };
        if let Some(problem) = problem {
            let location = Location { file: file.to_owned(), index: Some(index), id: Some(period.id.clone()) };
            errors.push(DataError::Field { location, field: "gained.from".to_owned(), problem });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DataErrors { errors })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::data::test_langs;

    const BROKEN: &str = r#"{"type": "Topology", "objects": {"borders": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon",
       "properties": {"id": "lithuania-1923-1939", "state": "lithuania",
         "name": {"en": "Lithuania", "lv": "Lietuva", "lt": "Lietuva", "et": "Leedu"},
         "start": "1923-01-19", "end": "1939-03-22", "sources": ["Klaipėda Convention (8 May 1924)"], "note": null},
       "arcs": [[0]]},
      {"type": "Polygon",
       "properties": {"id": "Poland 1930", "state": "poland",
         "name": {"en": "Poland", "lv": "Polija", "lt": "Lenkija"},
         "start": "1922-04-18", "end": "1921-03-18", "sources": []},
       "arcs": [[1], [2]]},
      {"type": "Point",
       "properties": {"id": "lithuania-1923-1939", "state": "Lithuania", "name": "Lithuania",
         "start": "1923-1-19", "end": 1939, "sources": "Versailles", "note": 4},
       "coordinates": [25.28, 54.69]},
      {"type": "MultiPolygon",
       "properties": {"id": "latvia-1920-1940", "state": "latvia",
         "name": {"en": "Latvia", "lv": "Latvija", "lt": "Latvija", "et": "Läti"},
         "start": "1920-08-11", "end": null, "sources": ["Treaty of Riga (11 August 1920)"],
         "note": {"lv": "aptuveni"}, "gained": {"region": "Abrene"}},
       "arcs": [[[0]], [[-4, 1]]]}
    ]}},
    "arcs": [[[21, 54], [26, 54], [26, 56], [21, 56], [21, 54]],
             [[14, 49], [24, 49], [24, 55], [14, 49]],
             [[15, 50], [16, 50], [15, 50]]]}"#;

    #[test]
    fn every_problem_of_a_broken_file_is_reported_with_feature_and_field() {
        let errors = parse_borders(DataFile { name: "borders.topojson", text: BROKEN }, &test_langs())
            .expect_err("the file is broken")
            .errors;
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let expect = |feature: &str, field: &str, words: &str| {
            let prefix = format!("borders.topojson: {feature}: field `{field}`: ");
            assert!(
                messages.iter().any(|m| m.starts_with(&prefix) && m.contains(words)),
                "no error starting {prefix:?} and containing {words:?} in {messages:#?}"
            );
        };
        expect("feature 1 (id `Poland 1930`)", "id", "lowercase slug");
        expect("feature 1 (id `Poland 1930`)", "end", "before the start");
        expect("feature 1 (id `Poland 1930`)", "sources", "is empty");
        expect("feature 1 (id `Poland 1930`)", "arcs", "polygon 0, ring 1: has 3 positions");
        expect("feature 2 (id `lithuania-1923-1939`)", "id", "used by an earlier period");
        expect("feature 2 (id `lithuania-1923-1939`)", "state", "lowercase slug");
        expect("feature 2 (id `lithuania-1923-1939`)", "name", "must be an object");
        expect("feature 2 (id `lithuania-1923-1939`)", "start", "not a date");
        expect("feature 2 (id `lithuania-1923-1939`)", "end", "found a number");
        expect("feature 2 (id `lithuania-1923-1939`)", "sources", "must be a list");
        expect("feature 2 (id `lithuania-1923-1939`)", "note", "must be an object");
        expect("feature 2 (id `lithuania-1923-1939`)", "type", "is `Point`: must be \"Polygon\" or \"MultiPolygon\"");
        expect("feature 3 (id `latvia-1920-1940`)", "note.en", "is missing or empty (required");
        expect("feature 3 (id `latvia-1920-1940`)", "gained.from", "is missing");
        expect("feature 3 (id `latvia-1920-1940`)", "gained.region", "must be an object");
        expect(
            "feature 3 (id `latvia-1920-1940`)",
            "arcs",
            "polygon 1, ring 0: `-4` is not an arc: the file has 3 arcs",
        );
        assert!(messages.iter().all(|m| !m.contains("feature 0")), "feature 0 is fine: {messages:#?}");
        let not_json = parse_borders(DataFile { name: "borders.topojson", text: "{\"type\": " }, &test_langs())
            .expect_err("not JSON");
        assert!(not_json.to_string().starts_with("borders.topojson: not valid JSON at line 1"), "{not_json}");
        let geojson = r#"{"type": "FeatureCollection", "features": []}"#;
        let not_topology =
            parse_borders(DataFile { name: "borders.topojson", text: geojson }, &test_langs()).expect_err("GeoJSON");
        assert!(not_topology.to_string().starts_with("borders.topojson: not a TopoJSON Topology: "), "{not_topology}");
    }

    /// Two squares: `a` (20–21°E) and `b` (21–22°E), with `b`'s properties as given.
    fn two_periods(b_properties: &str) -> String {
        format!(
            r#"{{"type": "Topology", "objects": {{"borders": {{"type": "GeometryCollection", "geometries": [
              {{"type": "Polygon", "arcs": [[0]], "properties": {{"id": "a-1923-1939", "state": "a",
                "name": {{"en": "A", "lv": "A", "lt": "A", "et": "A"}}, "start": "1923-01-19", "end": "1939-03-22",
                "sources": ["a treaty"]}}}},
              {{"type": "Polygon", "arcs": [[1]], "properties": {{"id": "b-1939", "state": "b",
                "name": {{"en": "B", "lv": "B", "lt": "B", "et": "B"}}, "start": "1939-03-23", "end": null,
                "sources": ["a treaty"], {b_properties}}}}}
            ]}}}},
            "arcs": [[[20, 50], [21, 50], [21, 51], [20, 51], [20, 50]], [[21, 50], [22, 50], [22, 51], [21, 51], [21, 50]]]}}"#
        )
    }

    #[test]
    fn a_gained_region_must_come_from_a_period_that_ended_the_day_before() {
        let region = r#""region": {"en": "Strip", "lv": "Josla", "lt": "Juosta", "et": "Riba"}"#;
        let read = |gained: &str| {
            let text = two_periods(&format!(r#""gained": {{"from": "{gained}", {region}}}"#));
            parse_borders(DataFile { name: "borders.topojson", text: &text }, &test_langs())
        };
        let (borders, warnings) = read("a-1923-1939").expect("a good gain");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(borders.transfers().len(), 1);
        let problem = |from: &str| read(from).expect_err("a bad gain").to_string();
        assert_eq!(
            problem("c-1920"),
            "borders.topojson: feature 1 (id `b-1939`): field `gained.from`: `c-1920` is not the id of a period of this file"
        );
        assert_eq!(
            problem("b-1939"),
            "borders.topojson: feature 1 (id `b-1939`): field `gained.from`: `b-1939` is a period of the same state `b`"
        );
        let late = two_periods(&format!(r#""gained": {{"from": "a-1923-1939", {region}}}"#))
            .replace(r#""start": "1939-03-23""#, r#""start": "1939-04-01""#);
        let late = parse_borders(DataFile { name: "borders.topojson", text: &late }, &test_langs()).expect_err("late");
        assert!(
            late.to_string().ends_with("field `gained.from`: `a-1923-1939` ends 1939-03-22, but a region gained on 1939-04-01 must come from a period that ended the day before"),
            "{late}"
        );
    }

    #[test]
    fn a_note_in_english_alone_is_shown_and_warned_about() {
        let text = two_periods(r#""note": {"en": "approximate: drawn by hand"}"#);
        let (borders, warnings) =
            parse_borders(DataFile { name: "borders.topojson", text: &text }, &test_langs()).expect("parses");
        let note = borders.periods()[1].note.as_ref().expect("a note");
        assert_eq!(note.get(crate::Lang::new("lv").expect("lv")), ("approximate: drawn by hand", crate::Lang::EN));
        let fields: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            fields,
            ["lv", "lt", "et"].map(|l| format!(
                "borders.topojson: feature 1 (id `b-1939`): field `note.{l}`: is missing; the English text is shown instead"
            ))
        );
    }

    #[test]
    fn a_good_file_parses_with_open_ends() {
        // The first feature only, with its arcs.
        let (head, tail) = BROKEN
            .split_once(",\n      {\"type\": \"Polygon\",\n       \"properties\": {\"id\": \"Poland")
            .unwrap_or_default();
        let arcs = tail.split_once("\n    ]}},").map(|(_, arcs)| arcs).unwrap_or_default();
        let text = format!("{head}]}}}},{arcs}").replace("\"end\": \"1939-03-22\"", "\"end\": null");
        let (borders, warnings) =
            parse_borders(DataFile { name: "borders.topojson", text: &text }, &test_langs()).expect("parses");
        assert!(warnings.is_empty());
        let lithuania = &borders.periods()[0];
        assert_eq!(lithuania.last_day(), None);
        assert!(lithuania.stands_on(day(1950, 1, 1)));
        assert!(lithuania.contains(LonLat { lon: 25.28, lat: 54.69 }));
        assert!(!lithuania.contains(LonLat { lon: 20.0, lat: 54.69 }));
    }
}
