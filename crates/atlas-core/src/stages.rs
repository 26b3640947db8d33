//! The stages of the story (`stages.geojson`): the named periods the article is built on
//! ("Pirmais posms, 1919–1923", …), drawn as bands on the time bar and told one by one by
//! the kiosk's attract loop.
//!
//! The file is a GeoJSON FeatureCollection like the others (a stage has no geometry, so
//! `"geometry": null`; QGIS opens it as a table), so its problems are reported the same way.
use std::collections::HashSet;

use crate::changes::year_view_day;
use crate::data::{read_features, DataErrors, DataFile, Warning};
use crate::i18n::UiText;
use crate::lang::{Lang, Localized};
use crate::time::{CalendarDay, HistoricDate};

/// One stage of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    /// The stage's first and last year (a year where two stages meet belongs to both).
    pub start: i32,
    pub end: i32,
    /// The day the stage begins, as precisely as its source dates the turn (the fourth stage
    /// begins with the Molotov–Ribbentrop Pact, 23 August 1939; a stage given only by its year
    /// begins on 1 January), and the last day it covers.
    pub begins: CalendarDay,
    pub ends: CalendarDay,
    /// Its name, e.g. "First stage".
    pub name: Localized,
    /// One or two sentences that tell what happened in it (the kiosk shows them while it plays).
    pub story: Option<Localized>,
    pub sources: Vec<String>,
}

impl Stage {
    /// A stage from the first day of `start` to the last of `end`, with no name, story or
    /// sources (for examples and tests).
    pub fn of_years(id: &str, start: i32, end: i32) -> Stage {
        Stage {
            id: id.into(),
            start,
            end,
            begins: CalendarDay { year: start, month: 1, day: 1 },
            ends: CalendarDay { year: end, month: 12, day: 31 },
            name: Localized::default(),
            story: None,
            sources: vec![],
        }
    }

    /// Its years as the time bar and the list write them: "1934–1939".
    pub fn years(&self) -> String {
        format!("{}–{}", self.start, self.end)
    }

    pub fn contains(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    /// Whether `day` lies within the stage, from the day it begins to its last day.
    pub fn contains_day(&self, day: CalendarDay) -> bool {
        (self.begins..=self.ends).contains(&day)
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
    /// let stage = |id: &str, start, end| Stage::of_years(id, start, end);
    /// let stages = Stages::new(vec![stage("first", 1919, 1923), stage("second", 1923, 1934)]);
    /// assert_eq!(stages.at(1920).map(|s| s.id.as_str()), Some("first"));
    /// assert_eq!(stages.at(1923).map(|s| s.id.as_str()), Some("second"));
    /// assert!(stages.at(1950).is_none());
    /// ```
    pub fn at(&self, year: i32) -> Option<&Stage> {
        self.0.iter().rev().find(|s| s.contains(year))
    }

    /// The stage that `day` belongs to: the last one begun by then.
    ///
    /// ```
    /// # use atlas_core::stages::{Stage, Stages};
    /// # use atlas_core::time::CalendarDay;
    /// # let stage = |id: &str, start, end| Stage::of_years(id, start, end);
    /// let mut fourth = stage("fourth", 1939, 1940);
    /// fourth.begins = CalendarDay { year: 1939, month: 8, day: 23 };
    /// let stages = Stages::new(vec![stage("third", 1934, 1939), fourth]);
    /// let on = |month, day| stages.on(CalendarDay { year: 1939, month, day }).map(|s| s.id.as_str());
    /// assert_eq!(on(2, 1), Some("third"));
    /// assert_eq!(on(8, 22), Some("third"));
    /// assert_eq!(on(8, 23), Some("fourth"));
    /// ```
    pub fn on(&self, day: CalendarDay) -> Option<&Stage> {
        self.0.iter().rev().find(|s| s.contains_day(day))
    }

    /// The stages a reader is shown on `day`: on a year's view (its last day, see
    /// [`year_view_day`]) the year's stages, which the list's events belong to, else the day's.
    pub fn shown_on(&self, day: CalendarDay) -> Vec<&Stage> {
        if day == year_view_day(day.year) {
            self.in_year(day.year)
        } else {
            self.on(day).into_iter().collect()
        }
    }

    /// The name of the stage shown on `day` ("Fourth stage"), or of both where a year holds a
    /// turn ("Third stage → Fourth stage"), in `text`'s language.
    pub fn name_on(&self, day: CalendarDay, text: &UiText) -> Option<String> {
        let name = |stage: &Stage| stage.name.text(text.lang()).to_owned();
        match self.shown_on(day)[..] {
            [stage] => Some(name(stage)),
            [from, to] => Some(text.stage_turn(&name(from), &name(to))),
            _ => None,
        }
    }

    /// The time bar's caption beside the year: the stage with its years ("Fourth stage
    /// 1939–1940"), or both stages where a year's view holds a turn ("Third stage → Fourth
    /// stage"); empty outside every stage.
    ///
    /// ```
    /// # use atlas_core::stages::{Stage, Stages};
    /// # use atlas_core::time::CalendarDay;
    /// # use atlas_core::i18n::UiText;
    /// # use atlas_core::Localized;
    /// let third = Stage { name: Localized::new("Third stage"), ..Stage::of_years("third", 1934, 1939) };
    /// let mut fourth = Stage { name: Localized::new("Fourth stage"), ..Stage::of_years("fourth", 1939, 1940) };
    /// fourth.begins = CalendarDay { year: 1939, month: 8, day: 23 };
    /// let stages = Stages::new(vec![third, fourth]);
    /// let en = UiText::builtin_english();
    /// let caption = |month, day| stages.caption_on(CalendarDay { year: 1939, month, day }, &en);
    /// assert_eq!(caption(12, 31), "Third stage → Fourth stage", "the year 1939");
    /// assert_eq!(caption(9, 1), "Fourth stage 1939–1940", "a day of it");
    /// assert_eq!(caption(2, 1), "Third stage 1934–1939");
    /// ```
    pub fn caption_on(&self, day: CalendarDay, text: &UiText) -> String {
        match self.shown_on(day)[..] {
            [stage] => stage.caption(text),
            [_, _] => self.name_on(day, text).unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The stages a year's events belong to, in order: one, or two when a stage begins
    /// within the year after its first day (1939: the third, then from 23 August the fourth).
    ///
    /// ```
    /// # use atlas_core::stages::{Stage, Stages};
    /// # use atlas_core::time::CalendarDay;
    /// # let stage = |id: &str, start, end| Stage::of_years(id, start, end);
    /// let mut fourth = stage("fourth", 1939, 1940);
    /// fourth.begins = CalendarDay { year: 1939, month: 8, day: 23 };
    /// let stages = Stages::new(vec![stage("third", 1934, 1939), fourth]);
    /// let ids = |year| stages.in_year(year).iter().map(|s| s.id.as_str()).collect::<Vec<_>>();
    /// assert_eq!(ids(1939), ["third", "fourth"]);
    /// assert_eq!(ids(1940), ["fourth"]);
    /// assert_eq!(ids(1936), ["third"]);
    /// ```
    pub fn in_year(&self, year: i32) -> Vec<&Stage> {
        let first = CalendarDay { year, month: 1, day: 1 };
        let last = CalendarDay { year, month: 12, day: 31 };
        let Some(at_end) = self.0.iter().rposition(|s| s.contains_day(last)) else {
            return self.at(year).into_iter().collect();
        };
        let stage = &self.0[at_end];
        match at_end.checked_sub(1).map(|i| &self.0[i]) {
            Some(before) if stage.begins > first && before.contains_day(first) => vec![before, stage],
            _ => vec![stage],
        }
    }
}

/// A date field written as in events.geojson ("1923", "1939-08-23").
fn date(fields: &mut crate::data::Fields<'_, '_>, field: &str) -> Option<HistoricDate> {
    let text = fields.string(field, "1939-08-23")?;
    fields.date(field, text)
}

/// Reads `stages.geojson`: each feature's `id`, `start` and `end` dates (a year, or the day
/// a turn of the story is dated to), `name` (in the
/// `offered` languages), optional `story` and `sources`. Stages must be in time order, each
/// starting where the previous one ended or later.
pub fn parse_stages(file: DataFile<'_>, offered: &[Lang]) -> Result<(Stages, Vec<Warning>), DataErrors> {
    let mut seen = HashSet::new();
    let mut previous_end: Option<i32> = None;
    let (stages, warnings) = read_features(file, |fields, _feature| {
        let id = fields
            .unique_id(&mut seen, "first-stage", "stage", |s| crate::model::PlaceId::new(s).map(|_| s.to_owned()));
        let begins = date(fields, "start");
        let ends = date(fields, "end");
        let (start, end) = (begins.map(|d| d.year()), ends.map(|d| d.year()));
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
        Some(Stage {
            id: id?,
            start: start?,
            end: end?,
            begins: begins?.first_day(),
            ends: ends?.last_day(),
            name: name?,
            story,
            sources: sources?,
        })
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
        let stage = Stage { name: Localized::new("First stage"), ..Stage::of_years("first", 1919, 1923) };
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
    fn a_stage_may_begin_on_the_day_of_its_turn() {
        let stages = parse(&collection(&[feature("third", "1934", "1939"), feature("fourth", "1939-08-23", "1940")]))
            .expect("valid");
        let day = |year, month, day| CalendarDay { year, month, day };
        assert_eq!(stages.on(day(1939, 8, 22)).map(|s| s.id.as_str()), Some("third"));
        assert_eq!(stages.on(day(1939, 8, 23)).map(|s| s.id.as_str()), Some("fourth"));
        assert_eq!(stages.on(day(1940, 12, 31)).map(|s| s.id.as_str()), Some("fourth"));
        assert_eq!(stages.in_year(1939).len(), 2, "1939 holds the turn");
        assert_eq!(stages.all()[1].years(), "1939–1940");
    }

    #[test]
    fn the_committed_stages_turn_on_the_days_the_article_names() {
        let data = crate::dataset::committed_data();
        let turns: Vec<(i32, Vec<&str>)> = (1919..=1940)
            .map(|year| (year, data.stages.in_year(year).iter().map(|s| s.id.as_str()).collect::<Vec<_>>()))
            .filter(|(_, stages)| stages.len() > 1)
            .collect();
        let years: Vec<i32> = turns.iter().map(|(year, _)| *year).collect();
        // The defence alliance (1 November 1923), the German–Polish declaration (26 January 1934:
        // "Līdz ar to sākās trešais … posms") and the Molotov–Ribbentrop Pact (23 August 1939).
        assert_eq!(years, [1923, 1934, 1939]);
        let fourth = data.stages.on(CalendarDay { year: 1939, month: 8, day: 23 }).expect("a stage");
        assert_eq!(fourth.id, "fourth-stage");
        let ninth_conference = CalendarDay { year: 1939, month: 2, day: 1 };
        assert_eq!(data.stages.on(ninth_conference).map(|s| s.id.as_str()), Some("third-stage"));
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
