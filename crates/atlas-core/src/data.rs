//! Reading and checking the curators' data files (`places.geojson`, `states.geojson`,
//! `events.geojson`, `basemap.geojson`) into the model. [`crate::dataset::DataSet`] reads
//! them all, with the language files, for the app and the validator alike.
//!
//! Every problem is reported with the file, the feature (its index and id) and
//! the field, and all problems are collected, so that one run of the validator
//! tells a curator everything that is wrong.
use std::collections::HashSet;
use std::fmt;

use geojson::{FeatureCollection, GeoJson, Value as Geometry};
use serde_json::{Map, Value};

use crate::lang::{Lang, Localized};
use crate::model::{
    DateClaim, Event, EventId, EventKind, EventRole, LonLat, PeriodName, Place, PlaceId, PlaceRole, State, StateId,
};
use crate::sources::Catalogue;
use crate::time::{HistoricDate, Span};

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
    /// The feature's position in the file, counted from 0 as in `features[0]`; `None` in the
    /// files that are not GeoJSON (the language files).
    pub index: Option<usize>,
    pub id: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        let Some(index) = self.index else { return Ok(()) };
        write!(f, ": feature {index}")?;
        match &self.id {
            Some(id) => write!(f, " (id `{id}`)"),
            None => write!(f, " (no id)"),
        }
    }
}

/// A problem that stops the data from being used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{file}: {message}")]
    Read { file: String, message: String },
    #[error("{file}: is not UTF-8 text: the first byte that is not (0x{byte:02X}) is on line {line}{hint}. Save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)")]
    Encoding { file: String, line: usize, byte: u8, hint: String },
    #[error("{file}: has no {what}: {advice}")]
    Empty { file: String, what: String, advice: String },
    #[error("{file}: key `{key}`: {problem}")]
    Key { file: String, key: String, problem: String },
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Json { file: String, line: usize, column: usize, message: String },
    #[error("{file}: not a GeoJSON FeatureCollection: {message}")]
    NotFeatureCollection { file: String, message: String },
    #[error("{file}: not a TopoJSON Topology: {message}")]
    NotTopology { file: String, message: String },
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
        if self.field.is_empty() {
            return write!(f, "{}: {}", self.location, self.message);
        }
        let what = if self.location.index.is_some() { "field" } else { "key" };
        write!(f, "{}: {what} `{}`: {}", self.location, self.field, self.message)
    }
}

impl Warning {
    /// The problem of a file the map can do without, as a warning: the same file, feature and
    /// field, and what the map does instead (`instead`).
    ///
    /// ```
    /// use atlas_core::{DataError, Warning};
    ///
    /// let error = DataError::Json { file: "water.geojson".into(), line: 3, column: 7, message: "expected `,`".into() };
    /// let warning = Warning::instead_of(error, "the map is drawn without water");
    /// assert_eq!(
    ///     warning.to_string(),
    ///     "water.geojson: not valid JSON at line 3, column 7: expected `,`; the map is drawn without water"
    /// );
    /// ```
    pub fn instead_of(error: DataError, instead: &str) -> Warning {
        match error {
            DataError::Field { location, field, problem } => {
                Warning { location, field, message: format!("{problem}; {instead}") }
            }
            other => {
                let file = match &other {
                    DataError::Read { file, .. }
                    | DataError::Encoding { file, .. }
                    | DataError::Empty { file, .. }
                    | DataError::Key { file, .. }
                    | DataError::Json { file, .. }
                    | DataError::NotFeatureCollection { file, .. }
                    | DataError::NotTopology { file, .. } => file.clone(),
                    DataError::Field { location, .. } => location.file.clone(),
                };
                let text = other.to_string();
                let message = text.strip_prefix(&format!("{file}: ")).unwrap_or(&text).to_owned();
                Warning {
                    location: Location { file, index: None, id: None },
                    field: String::new(),
                    message: format!("{message}; {instead}"),
                }
            }
        }
    }
}

/// All the problems found in the data files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", display_errors(.errors))]
pub struct DataErrors {
    pub errors: Vec<DataError>,
}

impl From<DataError> for DataErrors {
    fn from(error: DataError) -> Self {
        DataErrors { errors: vec![error] }
    }
}

fn display_errors(errors: &[DataError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
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
        Location { file: self.file.to_owned(), index: Some(index), id: id.map(str::to_owned) }
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

/// Parses a file as JSON, with the line and column of a syntax error.
pub(crate) fn json_value(file: DataFile<'_>) -> Result<Value, DataError> {
    serde_json::from_str(file.text).map_err(|e| DataError::Json {
        file: file.name.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or_default().to_owned(),
    })
}

/// Parses a file as a GeoJSON FeatureCollection.
pub(crate) fn feature_collection(file: DataFile<'_>) -> Result<FeatureCollection, DataError> {
    let value = json_value(file)?;
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
    /// Put before every field named in a message: `names[1].` while the fields of an object
    /// inside a list are read (see [`Fields::nested`]); empty for a feature's own.
    pub(crate) prefix: String,
}

impl<'a> Fields<'a, '_> {
    pub(crate) fn error(&mut self, field: &str, problem: impl Into<String>) {
        let field = format!("{}{field}", self.prefix);
        self.report.error(self.index, self.id, &field, problem);
    }

    pub(crate) fn warn(&mut self, field: &str, message: impl Into<String>) {
        let field = format!("{}{field}", self.prefix);
        self.report.warn(self.index, self.id, &field, message);
    }

    /// The fields of an object inside this record (`names[1]`), reported as `names[1].from`.
    pub(crate) fn nested<'s>(&'s mut self, field: &str, properties: &'a Map<String, Value>) -> Fields<'a, 's> {
        Fields {
            properties,
            report: &mut *self.report,
            index: self.index,
            id: self.id,
            prefix: format!("{}{field}.", self.prefix),
        }
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

    /// A text in several languages: `{"en": …, "lv": …, …}`. English must be present; each
    /// other language of `offered` that is missing is warned about (English is shown), and a
    /// language the atlas does not offer is warned about too.
    pub(crate) fn localized(&mut self, field: &str, offered: &[Lang], optional: bool) -> Option<Localized> {
        let object = match self.properties.get(field) {
            Some(Value::Object(object)) => object,
            None | Some(Value::Null) if optional => return None,
            None | Some(Value::Null) => {
                self.error(field, "is missing; write {\"en\": \"…\", \"lv\": \"…\", …}, one text per language");
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
        let mut localized = Localized::default();
        for (key, value) in object {
            let name = format!("{field}.{key}");
            let Some(lang) = Lang::new(key) else {
                self.error(&name, "is not a language code (two or three lowercase letters, as in languages.json)");
                continue;
            };
            if !offered.contains(&lang) {
                let codes: Vec<&str> = offered.iter().map(Lang::code).collect();
                self.warn(
                    &name,
                    format!("`{key}` is not offered in languages.json ({}); it is not shown", codes.join(", ")),
                );
            }
            match value {
                Value::String(s) if !s.trim().is_empty() => localized = localized.with(lang, s.clone()),
                Value::String(_) | Value::Null => {}
                other => self.error(&name, format!("must be a string, found {}", kind_of(other))),
            }
        }
        for &lang in offered {
            if localized.exact(lang).is_none() && lang != Lang::EN {
                self.warn(&format!("{field}.{lang}"), "is missing; the English text is shown instead");
            }
        }
        if localized.exact(Lang::EN).is_none() {
            self.error(
                &format!("{field}.en"),
                "is missing or empty (required: English is shown wherever a translation is missing)",
            );
            return None;
        }
        Some(localized)
    }
}

/// A record of a data file, read field by field: a GeoJSON feature, or a geometry of a
/// TopoJSON object.
pub(crate) trait Record {
    fn properties(&self) -> Option<&Map<String, Value>>;
}

impl Record for geojson::Feature {
    fn properties(&self) -> Option<&Map<String, Value>> {
        self.properties.as_ref()
    }
}

/// The `id` of a record, for error messages, before it is checked.
pub(crate) fn raw_id(record: &impl Record) -> Option<&str> {
    record.properties().and_then(|p| p.get("id")).and_then(Value::as_str)
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
    read: impl for<'a, 'r> FnMut(&mut Fields<'a, 'r>, &'a geojson::Feature) -> Option<T>,
) -> Result<(Vec<T>, Vec<Warning>), DataErrors> {
    let collection = feature_collection(file).map_err(|e| DataErrors { errors: vec![e] })?;
    read_records(file.name, &collection.features, read)
}

/// Reads every record (feature) with `read`, as [`read_features`] does; for the files whose
/// records are not GeoJSON features.
pub(crate) fn read_records<R: Record, T>(
    file: &str,
    records: &[R],
    mut read: impl for<'a, 'r> FnMut(&mut Fields<'a, 'r>, &'a R) -> Option<T>,
) -> Result<(Vec<T>, Vec<Warning>), DataErrors> {
    let mut report = Report::new(file);
    let empty = Map::new();
    let mut values = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let properties = record.properties().unwrap_or(&empty);
        let mut fields = Fields { properties, report: &mut report, index, id: raw_id(record), prefix: String::new() };
        values.extend(read(&mut fields, record));
    }
    if report.errors.is_empty() {
        Ok((values, report.warnings))
    } else {
        Err(DataErrors { errors: report.errors })
    }
}

/// An error when a file that the atlas cannot do without has no features.
fn require_some<T>(file: DataFile<'_>, values: &[T], what: &str, advice: &str) -> Result<(), DataErrors> {
    if values.is_empty() {
        let (file, what, advice) = (file.name.to_owned(), what.to_owned(), advice.to_owned());
        return Err(DataError::Empty { file, what, advice }.into());
    }
    Ok(())
}

/// Reads `places.geojson`; names in the `offered` languages.
pub fn parse_places(file: DataFile<'_>, offered: &[Lang]) -> Result<(Vec<Place>, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let read = read_features(file, |fields, feature| {
        let place_id = fields.unique_id(&mut seen, "riga", "place", PlaceId::new);
        let name = fields.localized("name", offered, false);
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
        let role = match fields.optional_string("role", "context") {
            None => Some(PlaceRole::default()),
            Some(text) => text.parse::<PlaceRole>().map_err(|problem| fields.error("role", problem)).ok(),
        };
        let role = match (role, fields.properties.get("min_zoom")) {
            (Some(PlaceRole::Town { .. }), Some(Value::Number(n))) => match n.as_u64() {
                Some(z @ 2..=6) => Some(PlaceRole::Town { min_zoom: z as u8 }),
                _ => {
                    fields.error("min_zoom", format!("{n} is not a whole zoom from 2 to 6"));
                    None
                }
            },
            (Some(PlaceRole::Town { .. }), _) => {
                fields.error("min_zoom", "a town needs the zoom it appears from: a whole number from 2 to 6");
                None
            }
            (role, None | Some(Value::Null)) => role,
            (_, Some(_)) => {
                fields.error("min_zoom", "only a town (`\"role\": \"town\"`) is drawn from a zoom; leave it out");
                None
            }
        };
        let names = period_names(fields, offered);
        match (place_id, name, location, sources, role, names) {
            (Some(id), Some(name), Some(location), Some(sources), Some(role), Some(names)) => {
                Some(Place { id, name, location, sources, role, names })
            }
            _ => None,
        }
    })?;
    require_some(file, &read.0, "places", "the map needs at least one place (a Point feature with an id and a name)")?;
    Ok(read)
}

/// What a place's `names` looks like, for messages.
const NAMES_EXAMPLE: &str = "[{\"from\": \"1939-03-23\", \"name\": {\"en\": \"Memel\", …}, \"sources\": [\"…\"]}]";

/// A place's optional `names`: the names it had in periods of its own, each with `from`
/// and/or `to` (dates), `name` (in every language, as any shown text) and `sources`, in time
/// order and not overlapping. `None` when something is wrong (every problem is reported).
fn period_names(fields: &mut Fields<'_, '_>, offered: &[Lang]) -> Option<Vec<PeriodName>> {
    let items = match fields.properties.get("names") {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            fields.error("names", format!("must be a list such as {NAMES_EXAMPLE}, found {}", kind_of(other)));
            return None;
        }
    };
    let mut names = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let field = format!("names[{i}]");
        let Value::Object(object) = item else {
            fields.error(&field, format!("must be an object such as {NAMES_EXAMPLE}, found {}", kind_of(item)));
            ok = false;
            continue;
        };
        let mut entry = fields.nested(&field, object);
        let from = entry.optional_string("from", "1939-03-23").map(|s| entry.date("from", s));
        let to = entry.optional_string("to", "1923-01-18").map(|s| entry.date("to", s));
        let name = entry.localized("name", offered, false);
        let sources = entry.strings("sources", "«Klaipėda», English Wikipedia").inspect(|sources| {
            if sources.is_empty() {
                entry.error("sources", "is empty: name at least one source for the name and its dates");
            }
        });
        // Absent: open on that side; present but not a date: reported, and the entry dropped.
        let (from, to) = (from.map_or(Some(None), |d| d.map(Some)), to.map_or(Some(None), |d| d.map(Some)));
        let (Some(from), Some(to), Some(name), Some(sources)) = (from, to, name, sources) else {
            ok = false;
            continue;
        };
        match (from, to) {
            (None, None) => {
                fields.error(&field, "needs `from`, `to` or both: the dates between which the name was used");
                ok = false;
                continue;
            }
            (Some(from), Some(to)) if to.last_day() < from.first_day() => {
                fields.error(&format!("{field}.to"), format!("{to} is before `from` {from}"));
                ok = false;
                continue;
            }
            _ => {}
        }
        names.push((i, PeriodName { from, to, name, sources }));
    }
    for pair in names.windows(2) {
        let ((i, before), (j, after)) = (&pair[0], &pair[1]);
        let span = |p: &PeriodName| {
            let end = |d: Option<crate::time::HistoricDate>, open: &str| d.map_or(open.to_owned(), |d| d.to_string());
            format!("{} – {}", end(p.from, "…"), end(p.to, "…"))
        };
        let starts_earlier = match (after.first_day(), before.first_day()) {
            (None, _) => true,
            (Some(a), Some(b)) => a < b,
            (Some(_), None) => false,
        };
        if starts_earlier {
            fields.error(
                &format!("names[{j}].from"),
                format!(
                    "{} starts before `names[{i}]` ({}): list the periods in time order",
                    span(after),
                    span(before)
                ),
            );
            ok = false;
        } else if before.last_day().is_none_or(|last| after.first_day().is_some_and(|first| first <= last)) {
            fields.error(
                &format!("names[{j}].from"),
                format!(
                    "{} overlaps `names[{i}]` ({}): a period must begin after the one before it ends",
                    span(after),
                    span(before)
                ),
            );
            ok = false;
        }
    }
    ok.then(|| names.into_iter().map(|(_, name)| name).collect())
}

/// Reads `states.geojson`: the states that events name as parties, with their names and,
/// where it is one of `places`, their capital.
pub fn parse_states(
    file: DataFile<'_>,
    places: &[Place],
    offered: &[Lang],
) -> Result<(Vec<State>, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let read = read_features(file, |fields, _feature| {
        let state_id = fields.unique_id(&mut seen, "latvia", "state", StateId::new);
        let name = fields.localized("name", offered, false);
        let capital = fields.optional_string("capital", "riga").and_then(|s| {
            let found = places.iter().find(|p| p.id.as_str() == s).map(|p| p.id.clone());
            if found.is_none() {
                fields.error("capital", format!("`{s}` is not the id of any place in places.geojson"));
            }
            found
        });
        Some(State { id: state_id?, name: name?, capital })
    })?;
    require_some(file, &read.0, "states", "events name their parties from this file; add at least one state")?;
    Ok(read)
}

/// The value of `end` for a treaty in force with no known end.
pub const OPEN_END_VALUE: &str = "open";

/// Reads `events.geojson`, checking its places against `places` and its parties against `states`.
pub fn parse_events(
    file: DataFile<'_>,
    places: &[Place],
    states: &[State],
    catalogue: &Catalogue,
    offered: &[Lang],
) -> Result<(Vec<Event>, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let read = read_features(file, |fields, feature| {
        let event_id = fields.unique_id(&mut seen, "baltic-entente-conference-01", "event", EventId::new);
        let kind = fields
            .string("kind", "conference")
            .and_then(|s| s.parse::<EventKind>().map_err(|problem| fields.error("kind", problem)).ok());
        let start = fields.string("start", "1934-09-12").and_then(|s| fields.date("start", s));
        let end_text = fields.optional_string("end", "1940-07-01");
        let open_ended = end_text == Some(OPEN_END_VALUE);
        let end = end_text.filter(|_| !open_ended).map(|s| fields.date("end", s));
        let span = match (start, end) {
            (Some(start), None) if open_ended => Some(Span::open(start)),
            (Some(start), None) => Some(Span::new(start, None)),
            (Some(start), Some(Some(end))) => {
                if end.last_day() < start.first_day() {
                    fields.error("end", format!("{end} is before the start {start}"));
                }
                Some(Span::new(start, Some(end)))
            }
            _ => None,
        };
        let role = match fields.optional_string("role", "context") {
            None => Some(EventRole::Story),
            Some("context") => Some(EventRole::Context),
            Some(other) => {
                fields.error(
                    "role",
                    format!(
                        "`{other}` is not a role: write \"context\" for an event told for the story's context (the \
                         Warsaw Accord, the Molotov–Ribbentrop Pact…), or leave `role` out for the Entente's own"
                    ),
                );
                None
            }
        };
        let place = fields.optional_string("place", "riga").and_then(|s| {
            let found = places.iter().find(|p| p.id.as_str() == s);
            match found {
                None => fields.error("place", format!("`{s}` is not the id of any place in places.geojson")),
                // A place the story only names can be where a context event happened (the Warsaw
                // Accord): the event is listed, and the place stays a named dot.
                Some(p) if p.is_context() && role != Some(EventRole::Context) => fields.error(
                    "place",
                    format!(
                        "`{s}` has the role `context` in places.geojson (nothing of the Entente's own story happens \
                         there): remove its `role`, or give this event `\"role\": \"context\"`"
                    ),
                ),
                Some(p) if p.is_town() => fields.error(
                    "place",
                    format!(
                        "`{s}` has the role `town` in places.geojson (drawn only when zoomed in): remove its `role`"
                    ),
                ),
                Some(_) => {}
            }
            found
        });
        let parties = fields.strings("parties", "latvia").map(|parties| {
            let mut ids = Vec::new();
            for (i, party) in parties.iter().enumerate() {
                match states.iter().find(|s| s.id.as_str() == party) {
                    Some(state) => ids.push(state.id.clone()),
                    None => {
                        let known: Vec<&str> = states.iter().map(|s| s.id.as_str()).collect();
                        fields.error(
                            &format!("parties[{i}]"),
                            format!(
                                "`{party}` is not a state in states.geojson; use one of: {}, or add it there",
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
            ids
        });
        let title = fields.localized("title", offered, false);
        let summary = fields.localized("summary", offered, false);
        let note = fields.localized("note", offered, true);
        let sources = crate::sources::citations(fields, "sources", catalogue, offered);
        let dates = span.as_ref().map_or_else(Vec::new, |span| date_claims(fields, span, catalogue, offered));
        let media = crate::media::parse_media(fields, offered);
        let points = match feature.geometry.as_ref().map(|g| &g.value) {
            None => Some(Vec::new()),
            Some(Geometry::Point(position)) => lon_lat(position).map(|p| vec![p]),
            Some(Geometry::MultiPoint(positions)) | Some(Geometry::LineString(positions)) => {
                positions.iter().map(|p| lon_lat(p)).collect()
            }
            Some(_) => None,
        };
        if points.is_none() {
            fields.error("geometry", "must be a Point (the place), a MultiPoint or LineString (a treaty's capitals) or null, with [longitude, latitude] in degrees");
        }
        if let (Some(EventKind::Treaty), Some(points), Some(parties)) = (kind, &points, &parties) {
            check_treaty_points(fields, points, parties, place, places, states);
        }
        if kind == Some(EventKind::Treaty) && end_text.is_none() {
            fields.error(
                "end",
                "a treaty needs the day it ceased to be in force (YYYY-MM-DD, with its source in `sources` \
                 and a word on it in `note`), or \"open\" with a `note` saying why no end is known: \
                 the map draws a treaty for as long as it is in force",
            );
        }
        if kind.is_some() && kind != Some(EventKind::Treaty) && open_ended {
            fields.error(
                "end",
                "only a treaty can be \"open\" (in force with no known end); give a date or leave `end` out",
            );
        }
        if open_ended && note.is_none() {
            fields.error(
                "note",
                "is needed when `end` is \"open\": say why no end is known, for the historian who reads it",
            );
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
        let (
            Some(id),
            Some(kind),
            Some(span),
            Some(parties),
            Some(title),
            Some(summary),
            Some(sources),
            Some(points),
            Some(role),
            Some(media),
        ) = (event_id, kind, span, parties, title, summary, sources, points, role, media)
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
            role,
            dates,
            media,
        })
    })?;
    require_some(
        file,
        &read.0,
        "events",
        "the map needs at least one event (a Feature with id, kind, start, title, …)",
    )?;
    Ok(read)
}

/// An event's `dates`, where its sources disagree: at least two, each `{"start", "end"?,
/// "sources": [citations], "chosen": true?}`, exactly one chosen, and that one the event's own
/// `start` and `end` (the date the map and the time bar go by).
fn date_claims(fields: &mut Fields<'_, '_>, span: &Span, catalogue: &Catalogue, offered: &[Lang]) -> Vec<DateClaim> {
    let items = match fields.properties.get("dates") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) if items.len() >= 2 => items,
        Some(Value::Array(_)) => {
            fields.error("dates", "needs at least two dates, each with its sources: one date is `start`/`end` alone");
            return Vec::new();
        }
        Some(other) => {
            fields.error(
                "dates",
                format!("must be a list of dates {{\"start\": …, \"sources\": […]}}, found {}", kind_of(other)),
            );
            return Vec::new();
        }
    };
    let mut claims = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let name = format!("dates[{i}]");
        let Value::Object(object) = item else {
            fields
                .error(&name, format!("must be an object {{\"start\": …, \"sources\": […]}}, found {}", kind_of(item)));
            continue;
        };
        let mut nested = fields.nested(&name, object);
        let start = nested.string("start", "1940-06-07").and_then(|s| nested.date("start", s));
        let end = nested.optional_string("end", "1940-06-12").map(|s| nested.date("end", s));
        let chosen = match object.get("chosen") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(other) => {
                nested.error("chosen", format!("must be true (or left out), found {}", kind_of(other)));
                false
            }
        };
        let sources = crate::sources::citations(&mut nested, "sources", catalogue, offered);
        let claim_span = match (start, end) {
            (Some(start), None) => Some(Span::new(start, None)),
            (Some(start), Some(Some(end))) => {
                if end.last_day() < start.first_day() {
                    nested.error("end", format!("{end} is before the start {start}"));
                }
                Some(Span::new(start, Some(end)))
            }
            _ => None,
        };
        if let (true, Some(claim)) = (chosen, &claim_span) {
            if claim.start != span.start || claim.end != span.end {
                nested.error(
                    "start",
                    "the chosen date must be the event's own `start` and `end` (the date the map goes by)",
                );
            }
        }
        if let (Some(span), Some(sources)) = (claim_span, sources) {
            claims.push(DateClaim { span, sources, chosen });
        }
    }
    let chosen = items.iter().filter(|item| item.get("chosen") == Some(&Value::Bool(true))).count();
    if chosen != 1 {
        fields.error(
            "dates",
            format!("exactly one date must be `\"chosen\": true` (the event's `start`/`end`), found {chosen}"),
        );
    }
    claims
}

/// A treaty is drawn between its signatories: each of its points must be the capital of one of
/// its `parties` (the `capital` of `states.geojson`) or its place of signing. Reports every
/// point that is neither, naming the coordinate, the capitals it could have been and the place.
fn check_treaty_points(
    fields: &mut Fields<'_, '_>,
    points: &[LonLat],
    parties: &[StateId],
    place: Option<&Place>,
    places: &[Place],
    states: &[State],
) {
    let capitals: Vec<&Place> = parties
        .iter()
        .filter_map(|party| states.iter().find(|s| &s.id == party)?.capital.as_ref())
        .filter_map(|capital| places.iter().find(|p| &p.id == capital))
        .collect();
    for (i, &point) in points.iter().enumerate() {
        let known = capitals.iter().chain(place.as_slice()).any(|p| p.location.same_point(point));
        if known {
            continue;
        }
        let mut allowed: Vec<String> =
            capitals.iter().map(|p| format!("`{}` ({}, {})", p.id, p.location.lon, p.location.lat)).collect();
        if let Some(place) = place {
            allowed
                .push(format!("the place of signing `{}` ({}, {})", place.id, place.location.lon, place.location.lat));
        }
        let allowed = if allowed.is_empty() {
            "none of its parties has a capital in states.geojson and it has no place".to_owned()
        } else {
            format!("use one of {}", allowed.join(", "))
        };
        fields.error(
            &format!("geometry.coordinates[{i}]"),
            format!(
                "[{}, {}] is neither the capital of one of the treaty's parties ({}) nor its place of signing: {allowed}",
                point.lon,
                point.lat,
                parties.iter().map(StateId::as_str).collect::<Vec<_>>().join(", ")
            ),
        );
    }
}

/// Reads a file's bytes as UTF-8 text, with or without the byte-order mark that Windows
/// editors write. Text in another encoding is refused with the line of the first byte
/// that is not UTF-8, rather than shown garbled.
///
/// ```
/// use atlas_core::data::decode_text;
/// assert_eq!(decode_text("events.geojson", b"\xEF\xBB\xBF{}").unwrap(), "{}");
/// let latin = b"{\n\"lv\": \"aizsardz\xEEbas\"}"; // Windows-1257 "ī"
/// let error = decode_text("events.geojson", latin).unwrap_err().to_string();
/// assert!(error.starts_with("events.geojson: is not UTF-8 text: the first byte that is not (0xEE) is on line 2"));
/// ```
pub fn decode_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        let byte = bytes.get(at).copied().unwrap_or_default();
        let hint = if byte >= 0x80 {
            " (this looks like a Windows code page: 1257 (Baltic) or 1252 (Western) are the usual ones)".to_owned()
        } else {
            String::new()
        };
        DataError::Encoding { file: file.to_owned(), line, byte, hint }
    })
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

/// The languages of the test fixtures: en, lv, lt, et.
#[cfg(test)]
pub(crate) fn test_langs() -> Vec<Lang> {
    ["en", "lv", "lt", "et"].into_iter().filter_map(Lang::new).collect()
}
