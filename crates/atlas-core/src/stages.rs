//! The stages of the story (`stages.geojson`): the named periods the article is built on
//! ("Pirmais posms, 1919–1923", …), drawn as bands on the time bar and told one by one by
//! the kiosk's attract loop.
//!
//! The file is a GeoJSON FeatureCollection like the others (a stage has no geometry, so
//! `"geometry": null`; QGIS opens it as a table), so its problems are reported the same way.
use std::collections::HashSet;

use crate::data::{read_features, DataErrors, DataFile, Warning};
use crate::i18n::UiText;
use crate::lang::{Lang, Localized};
use crate::time::HistoricDate;

/// One stage of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    /// The stage's first and last year (a year where two stages meet belongs to both).
    pub start: i32,
    pub end: i32,
    /// Its name, e.g. "First stage".
    pub name: Localized,
    /// One or two sentences that tell what happened in it (the kiosk shows them while it plays).
    pub story: Option<Localized>,
    pub sources: Vec<String>,
}

impl Stage {
    /// Its years as the time bar and the list write them: "1934–1939".
    pub fn years(&self) -> String {
        format!("{}–{}", self.start, self.end)
    }

    pub fn contains(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    /// Its name and years as the time bar writes them, in `text`'s language: "First stage 1919–1923".
    pub fn caption(&self, text: &UiText) -> String {
        text.stage_caption(self.name.text(text.lang()), &self.years())
    }

    /// Its name and years as a heading, in `text`'s language: "First stage, 1919–1923".
    pub fn heading(&self, text: &UiText) -> String {
        text.stage_heading(self.name.text(text.lang()), &self.years())
    }
}

/// The stages in time order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stages(Vec<Stage>);

impl Stages {
    pub fn new(stages: Vec<Stage>) -> Self {
        Self(stages)
    }

    pub fn all(&self) -> &[Stage] {
        &self.0
    }

    /// The stage that `year` belongs to: where two stages meet (1923 ends the first and
    /// starts the second), the later one, since its events begin in that year.
    ///
    /// ```
    /// # use atlas_core::stages::{Stage, Stages};
    /// let stage = |id: &str, start, end| Stage {
    ///     id: id.into(), start, end, name: Default::default(), story: None, sources: vec![],
    /// };
    /// let stages = Stages::new(vec![stage("first", 1919, 1923), stage("second", 1923, 1934)]);
    /// assert_eq!(stages.at(1920).map(|s| s.id.as_str()), Some("first"));
    /// assert_eq!(stages.at(1923).map(|s| s.id.as_str()), Some("second"));
    /// assert!(stages.at(1950).is_none());
    /// ```
    pub fn at(&self, year: i32) -> Option<&Stage> {
        self.0.iter().rev().find(|s| s.contains(year))
    }
}

/// A year from a date field written as in events.geojson ("1919"); only the year is used.
fn year(fields: &mut crate::data::Fields<'_, '_>, field: &str) -> Option<i32> {
    let text = fields.string(field, "1923")?;
    let date: HistoricDate = fields.date(field, text)?;
    Some(date.year())
}

/// Reads `stages.geojson`: each feature's `id`, `start` and `end` years, `name` (in the
/// `offered` languages), optional `story` and `sources`. Stages must be in time order, each
/// starting where the previous one ended or later.
pub fn parse_stages(file: DataFile<'_>, offered: &[Lang]) -> Result<(Stages, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let mut previous_end: Option<i32> = None;
    let (stages, warnings) = read_features(file, |fields, _feature| {
        let id = fields
            .unique_id(&mut seen, "first-stage", "stage", |s| crate::model::PlaceId::new(s).map(|_| s.to_owned()));
        let start = year(fields, "start");
        let end = year(fields, "end");
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                fields.error("end", format!("{end} is before the stage's start, {start}"));
            }
            if let Some(previous) = previous_end.filter(|&p| start < p) {
                fields.error(
                    "start",
                    format!(
                        "{start} is before the end of the previous stage ({previous}); list the stages in time order"
                    ),
                );
            }
            previous_end = Some(end);
        }
        let name = fields.localized("name", offered, false);
        let story = fields.localized("story", offered, true);
        let sources = match fields.properties.get("sources") {
            None | Some(serde_json::Value::Null) => Some(Vec::new()),
            Some(_) => fields.strings("sources", "«Baltijas Antante», Latvian Wikipedia"),
        };
        Some(Stage { id: id?, start: start?, end: end?, name: name?, story, sources: sources? })
    })?;
    Ok((Stages::new(stages), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Stages, String> {
        parse_stages(DataFile { name: "stages.geojson", text }, &[Lang::EN]).map(|(s, _)| s).map_err(|e| e.to_string())
    }

    fn feature(id: &str, start: &str, end: &str) -> String {
        format!(
            r#"{{"type": "Feature", "geometry": null, "properties": {{"id": "{id}", "start": "{start}", "end": "{end}", "name": {{"en": "{id}"}}}}}}"#
        )
    }

    fn collection(features: &[String]) -> String {
        format!(r#"{{"type": "FeatureCollection", "features": [{}]}}"#, features.join(","))
    }

    #[test]
    fn captions_and_headings_come_from_the_language_file() {
        let stage = Stage {
            id: "first".into(),
            start: 1919,
            end: 1923,
            name: Localized::new("First stage"),
            story: None,
            sources: vec![],
        };
        let english = UiText::builtin_english();
        assert_eq!(stage.caption(&english), "First stage 1919–1923");
        assert_eq!(stage.heading(&english), "First stage, 1919–1923");
    }

    #[test]
    fn stages_in_order_are_read() {
        let stages =
            parse(&collection(&[feature("first", "1919", "1923"), feature("second", "1923", "1934")])).expect("valid");
        assert_eq!(stages.all().len(), 2);
        assert_eq!(stages.at(1930).map(|s| s.id.as_str()), Some("second"));
    }

    #[test]
    fn a_stage_out_of_order_names_its_field() {
        let error = parse(&collection(&[feature("second", "1923", "1934"), feature("first", "1919", "1923")]))
            .expect_err("out of order");
        assert!(error.contains("stages.geojson: feature 1 (id `first`): field `start`"), "{error}");
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let error = parse(&collection(&[feature("first", "1923", "1919")])).expect_err("backwards");
        assert!(error.contains("field `end`: 1919 is before the stage's start, 1923"), "{error}");
    }
}
