//! Reading and checking the curators' data files (`places.geojson`,
//! `events.geojson`, `basemap.geojson`) into the model.
//!
//! Every problem is reported with the file, the feature (its index and id) and
//! the field, and all problems are collected, so that one run of the validator
//! tells a curator everything that is wrong.
use std::collections::HashSet;
use std::fmt;

use geojson::{FeatureCollection, GeoJson, Value as Geometry};
use serde_json::{Map, Value};

use crate::model::{Event, EventId, EventKind, Lang, Localized, LonLat, Place, PlaceId, State, STATES};
use crate::time::{HistoricDate, Span};
use crate::timeline::Atlas;

/// The contents of one data file and the name to report it by.
#[derive(Debug, Clone, Copy)]
pub struct DataFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Where in a data file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    /// The feature's position in the file, counted from 0 as in `features[0]`.
    pub index: usize,
    pub id: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: feature {}", self.file, self.index)?;
        match &self.id {
            Some(id) => write!(f, " (id `{id}`)"),
            None => write!(f, " (no id)"),
        }
    }
}

/// A problem that stops the data from being used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Json { file: String, line: usize, column: usize, message: String },
    #[error("{file}: not a GeoJSON FeatureCollection: {message}")]
    NotFeatureCollection { file: String, message: String },
    #[error("{location}: field `{field}`: {problem}")]
    Field { location: Location, field: String, problem: String },
}

/// Something a curator should fix that does not stop the map (a missing translation, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub location: Location,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: field `{}`: {}", self.location, self.field, self.message)
    }
}

/// All the problems found in the data files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", display_errors(.errors))]
pub struct DataErrors {
    pub errors: Vec<DataError>,
}

fn display_errors(errors: &[DataError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// The atlas, and the warnings found while reading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub atlas: Atlas,
    pub warnings: Vec<Warning>,
}

/// Collects the problems of one file as it is read.
pub(crate) struct Report<'a> {
    pub(crate) file: &'a str,
    pub(crate) errors: Vec<DataError>,
    pub(crate) warnings: Vec<Warning>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        Self { file, errors: Vec::new(), warnings: Vec::new() }
    }

    pub(crate) fn location(&self, index: usize, id: Option<&str>) -> Location {
        Location { file: self.file.to_owned(), index, id: id.map(str::to_owned) }
    }

    pub(crate) fn error(&mut self, index: usize, id: Option<&str>, field: &str, problem: impl Into<String>) {
        let location = self.location(index, id);
        self.errors.push(DataError::Field { location, field: field.to_owned(), problem: problem.into() });
    }

    pub(crate) fn warn(&mut self, index: usize, id: Option<&str>, field: &str, message: impl Into<String>) {
        let location = self.location(index, id);
        self.warnings.push(Warning { location, field: field.to_owned(), message: message.into() });
    }
}

/// Parses a file as a GeoJSON FeatureCollection.
pub(crate) fn feature_collection(file: DataFile<'_>) -> Result<FeatureCollection, DataError> {
    let value: Value = serde_json::from_str(file.text).map_err(|e| DataError::Json {
        file: file.name.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or_default().to_owned(),
    })?;
    match GeoJson::from_json_value(value) {
        Ok(GeoJson::FeatureCollection(collection)) => Ok(collection),
        Ok(_) => Err(DataError::NotFeatureCollection {
            file: file.name.to_owned(),
            message: "the top level must be {\"type\": \"FeatureCollection\", \"features\": [...]}".to_owned(),
        }),
        Err(e) => Err(DataError::NotFeatureCollection { file: file.name.to_owned(), message: e.to_string() }),
    }
}

/// Describes a JSON value's type for messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// One feature's properties, read field by field with errors that name the field.
pub(crate) struct Fields<'a, 'r> {
    pub(crate) properties: &'a Map<String, Value>,
    pub(crate) report: &'r mut Report<'a>,
    pub(crate) index: usize,
    pub(crate) id: Option<&'a str>,
}

impl<'a> Fields<'a, '_> {
    pub(crate) fn error(&mut self, field: &str, problem: impl Into<String>) {
        self.report.error(self.index, self.id, field, problem);
    }

    pub(crate) fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.report.warn(self.index, self.id, field, message);
    }

    /// The feature's `id`: a lowercase slug not used by an earlier feature of the file.
    pub(crate) fn unique_id<T: Clone + Eq + std::hash::Hash + std::fmt::Display>(
        &mut self,
        seen: &mut HashSet<T>,
        example: &str,
        what: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let text = self.string("id", example)?;
        let Some(id) = parse(text) else {
            self.error("id", format!("`{text}` must be a lowercase slug of a-z, 0-9 and -, e.g. \"{example}\""));
            return None;
        };
        if !seen.insert(id.clone()) {
            self.error("id", format!("`{id}` is used by an earlier {what}"));
        }
        Some(id)
    }

    /// A required, non-empty string.
    pub(crate) fn string(&mut self, field: &str, example: &str) -> Option<&'a str> {
        match self.properties.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.as_str()),
            Some(Value::String(_)) => {
                self.error(field, format!("is empty; write e.g. \"{example}\""));
                None
            }
            None | Some(Value::Null) => {
                self.error(field, format!("is missing; write e.g. \"{example}\""));
                None
            }
            Some(other) => {
                self.error(field, format!("must be a string such as \"{example}\", found {}", kind_of(other)));
                None
            }
        }
    }

    /// An optional string (absent or null is `None`).
    pub(crate) fn optional_string(&mut self, field: &str, example: &str) -> Option<&'a str> {
        match self.properties.get(field) {
            None | Some(Value::Null) => None,
            Some(_) => self.string(field, example),
        }
    }

    pub(crate) fn date(&mut self, field: &str, text: &str) -> Option<HistoricDate> {
        text.parse().map_err(|e| self.error(field, format!("{e}"))).ok()
    }

    /// A list of non-empty strings.
    pub(crate) fn strings(&mut self, field: &str, example: &str) -> Option<Vec<String>> {
        match self.properties.get(field) {
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                        other => self.error(
                            &format!("{field}[{i}]"),
                            format!("must be a non-empty string such as \"{example}\", found {}", kind_of(other)),
                        ),
                    }
                }
                Some(out)
            }
            None | Some(Value::Null) => {
                self.error(field, format!("is missing; write a list such as [\"{example}\"]"));
                None
            }
            Some(other) => {
                self.error(field, format!("must be a list such as [\"{example}\"], found {}", kind_of(other)));
                None
            }
        }
    }

    /// A text in several languages: `{"en": …, "lv": …, "lt": …, "et": …}`. The
    /// languages in `required` must be present; the others are warned about.
    pub(crate) fn localized(&mut self, field: &str, required: &[Lang], optional: bool) -> Option<Localized> {
        let object = match self.properties.get(field) {
            Some(Value::Object(object)) => object,
            None | Some(Value::Null) if optional => return None,
            None | Some(Value::Null) => {
                self.error(field, "is missing; write {\"en\": \"…\", \"lv\": \"…\", \"lt\": \"…\", \"et\": \"…\"}");
                return None;
            }
            Some(other) => {
                self.error(
                    field,
                    format!("must be an object {{\"en\": \"…\", \"lv\": \"…\", …}}, found {}", kind_of(other)),
                );
                return None;
            }
        };
        for key in object.keys() {
            if Lang::from_code(key).map(Lang::code) != Some(key.as_str()) {
                self.error(&format!("{field}.{key}"), "is not one of the languages en, lv, lt, et");
            }
        }
        let mut text = |lang: Lang| -> Option<String> {
            let name = format!("{field}.{}", lang.code());
            match object.get(lang.code()) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                Some(Value::String(_)) | None | Some(Value::Null) => {
                    if required.contains(&lang) {
                        self.error(&name, "is missing or empty (required)");
                    } else {
                        self.warn(&name, "is missing; the English text is shown instead");
                    }
                    None
                }
                Some(other) => {
                    self.error(&name, format!("must be a string, found {}", kind_of(other)));
                    None
                }
            }
        };
        let localized = Localized { en: text(Lang::En)?, lv: text(Lang::Lv), lt: text(Lang::Lt), et: text(Lang::Et) };
        Some(localized)
    }
}

/// The `id` of a feature, for error messages, before it is checked.
pub(crate) fn raw_id(feature: &geojson::Feature) -> Option<&str> {
    feature.properties.as_ref().and_then(|p| p.get("id")).and_then(Value::as_str)
}

pub(crate) fn lon_lat(position: &[f64]) -> Option<LonLat> {
    match position {
        [lon, lat, ..] if (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat) => {
            Some(LonLat { lon: *lon, lat: *lat })
        }
        _ => None,
    }
}

/// Reads every feature of `file` with `read`, which reports its problems through [`Fields`].
/// All problems of all features are collected; the values read are returned only when there
/// was none.
pub(crate) fn read_features<T>(
    file: DataFile<'_>,
    mut read: impl for<'a, 'r> FnMut(&mut Fields<'a, 'r>, &'a geojson::Feature) -> Option<T>,
) -> Result<(Vec<T>, Vec<Warning>), DataErrors> {
    let collection = feature_collection(file).map_err(|e| DataErrors { errors: vec![e] })?;
    let mut report = Report::new(file.name);
    let empty = Map::new();
    let mut values = Vec::new();
    for (index, feature) in collection.features.iter().enumerate() {
        let properties = feature.properties.as_ref().unwrap_or(&empty);
        let mut fields = Fields { properties, report: &mut report, index, id: raw_id(feature) };
        values.extend(read(&mut fields, feature));
    }
    if report.errors.is_empty() {
        Ok((values, report.warnings))
    } else {
        Err(DataErrors { errors: report.errors })
    }
}

/// Reads `places.geojson`.
pub fn parse_places(file: DataFile<'_>) -> Result<(Vec<Place>, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    read_features(file, |fields, feature| {
        let place_id = fields.unique_id(&mut seen, "riga", "place", PlaceId::new);
        let name = fields.localized("name", &[Lang::En], false);
        let sources = match fields.properties.get("sources") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(_) => fields.strings("sources", "GeoNames"),
        };
        let location = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(Geometry::Point(position)) => lon_lat(position).or_else(|| {
                fields.error("geometry", "coordinates must be [longitude, latitude] in degrees");
                None
            }),
            _ => {
                fields.error("geometry", "must be a Point with [longitude, latitude]");
                None
            }
        };
        match (place_id, name, location, sources) {
            (Some(id), Some(name), Some(location), Some(sources)) => Some(Place { id, name, location, sources }),
            _ => None,
        }
    })
}

/// Reads `events.geojson`, checking its places against `places`.
pub fn parse_events(file: DataFile<'_>, places: &[Place]) -> Result<(Vec<Event>, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    read_features(file, |fields, feature| {
        let event_id = fields.unique_id(&mut seen, "baltic-entente-conference-01", "event", EventId::new);
        let kind = fields
            .string("kind", "conference")
            .and_then(|s| s.parse::<EventKind>().map_err(|problem| fields.error("kind", problem)).ok());
        let start = fields.string("start", "1934-09-12").and_then(|s| fields.date("start", s));
        let end = fields.optional_string("end", "1940-07-01").map(|s| fields.date("end", s));
        let span = match (start, end) {
            (Some(start), None) => Some(Span { start, end: None }),
            (Some(start), Some(Some(end))) => {
                if end.last_day() < start.first_day() {
                    fields.error("end", format!("{end} is before the start {start}"));
                }
                Some(Span { start, end: Some(end) })
            }
            _ => None,
        };
        let place = fields.optional_string("place", "riga").and_then(|s| {
            let found = places.iter().find(|p| p.id.as_str() == s);
            if found.is_none() {
                fields.error("place", format!("`{s}` is not the id of any place in places.geojson"));
            }
            found
        });
        let parties = fields.strings("parties", "latvia").inspect(|parties| {
            for (i, party) in parties.iter().enumerate() {
                if State::find(party).is_none() {
                    let known: Vec<&str> = STATES.iter().map(|s| s.id).collect();
                    fields.error(
                        &format!("parties[{i}]"),
                        format!("`{party}` is not a known state; use one of: {}", known.join(", ")),
                    );
                }
            }
        });
        let title = fields.localized("title", &[Lang::En, Lang::Lv], false);
        let summary = fields.localized("summary", &[Lang::En, Lang::Lv], false);
        let note = fields.localized("note", &[Lang::En], true);
        let sources = fields.strings("sources", "«Baltijas Antante», Latvian Wikipedia").inspect(|sources| {
            if sources.is_empty() {
                fields.error("sources", "is empty: name at least one source");
            }
            for (i, source) in sources.iter().enumerate() {
                if source.trim().eq_ignore_ascii_case("seed") {
                    fields.error(
                        &format!("sources[{i}]"),
                        "\"seed\" is not a source: cite the work, e.g. «Baltijas Antante», Latvian Wikipedia",
                    );
                }
            }
        });
        let points = match feature.geometry.as_ref().map(|g| &g.value) {
            None => Some(Vec::new()),
            Some(Geometry::Point(position)) => lon_lat(position).map(|p| vec![p]),
            Some(Geometry::MultiPoint(positions)) => positions.iter().map(|p| lon_lat(p)).collect(),
            Some(_) => None,
        };
        if points.is_none() {
            fields.error("geometry", "must be a Point (the place), a MultiPoint (a treaty's capitals) or null, with [longitude, latitude] in degrees");
        }
        if let (Some(place), Some(points)) = (place, &points) {
            let at_place = points
                .iter()
                .any(|p| (p.lon - place.location.lon).abs() < 1e-3 && (p.lat - place.location.lat).abs() < 1e-3);
            if kind != Some(EventKind::Treaty) && !points.is_empty() && !at_place {
                fields.warn(
                    "geometry",
                    format!(
                        "does not lie at its place `{}` ({}, {})",
                        place.id, place.location.lon, place.location.lat
                    ),
                );
            }
        }
        let (Some(id), Some(kind), Some(span), Some(parties), Some(title), Some(summary), Some(sources), Some(points)) =
            (event_id, kind, span, parties, title, summary, sources, points)
        else {
            return None;
        };
        Some(Event {
            id,
            kind,
            span,
            place: place.map(|p| p.id.clone()),
            parties,
            title,
            summary,
            sources,
            note,
            points,
        })
    })
}

/// Reads both files into an [`Atlas`]. Errors of both files are reported together.
pub fn load_atlas(places: DataFile<'_>, events: DataFile<'_>) -> Result<Loaded, DataErrors> {
    let (places, mut warnings) = parse_places(places)?;
    let (events, event_warnings) = parse_events(events, &places)?;
    warnings.extend(event_warnings);
    Ok(Loaded { atlas: Atlas::new(places, events), warnings })
}

/// The land of the base map: polygons, each a list of rings (outer first), and the extent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Basemap {
    pub polygons: Vec<Vec<Vec<LonLat>>>,
}

impl Basemap {
    /// Every ring of every polygon.
    pub fn rings(&self) -> impl Iterator<Item = &[LonLat]> + '_ {
        self.polygons.iter().flatten().map(Vec::as_slice)
    }
}

/// Reads `basemap.geojson`: Polygon and MultiPolygon features.
pub fn parse_basemap(file: DataFile<'_>) -> Result<Basemap, DataErrors> {
    let ring = |ring: &Vec<Vec<f64>>| -> Option<Vec<LonLat>> { ring.iter().map(|p| lon_lat(p)).collect() };
    let polygon = |rings: &Vec<Vec<Vec<f64>>>| -> Option<Vec<Vec<LonLat>>> { rings.iter().map(ring).collect() };
    let (parts, _) = read_features(file, |fields, feature| {
        let parsed = match feature.geometry.as_ref().map(|g| &g.value) {
            Some(Geometry::Polygon(rings)) => polygon(rings).map(|p| vec![p]),
            Some(Geometry::MultiPolygon(polygons)) => polygons.iter().map(polygon).collect(),
            _ => None,
        };
        if parsed.is_none() {
            fields.error("geometry", "must be a Polygon or MultiPolygon in [longitude, latitude] degrees");
        }
        parsed
    })?;
    Ok(Basemap { polygons: parts.into_iter().flatten().collect() })
}
