//! Guided tours: a curator's sequence of stops (a date, perhaps a city, a line of text in every
//! language) in `tours.json`, read and checked here, and played by the app with next, previous
//! and a stop counter ("3 / 10").
//!
//! ```json
//! {"tours": [{"id": "baltic-entente", "title": {"en": "…", …},
//!   "stops": [{"date": "1919-09-14", "city": "tallinn", "text": {"en": "…", …}}, …]}]}
//! ```
//!
//! Every problem is named by file, record and field: `tours.json: field
//! `tours[0].stops[3].date`: …`.
use std::collections::HashSet;

use serde_json::Value;

use crate::changes::year_view_day;
use crate::data::{json_value, kind_of, DataError, DataErrors, DataFile, Location, Warning};
use crate::lang::{Lang, Localized};
use crate::model::{is_slug, Place, PlaceId};
use crate::time::{CalendarDay, HistoricDate, Precision};

/// The file of the tours.
pub const TOURS_FILE: &str = "tours.json";

/// One stop of a tour.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStop {
    /// The date as the curator wrote it.
    pub date: HistoricDate,
    /// The city whose panel the stop opens, if any.
    pub city: Option<PlaceId>,
    /// One line, in every language.
    pub text: Localized,
}

impl TourStop {
    /// The day the map shows at this stop: the day itself, the first of a month (or part of a
    /// year), or the last day of a year given alone (as the time bar shows a year).
    ///
    /// ```
    /// # use atlas_core::tours::TourStop;
    /// let stop = |date: &str| TourStop { date: date.parse().unwrap(), city: None, text: Default::default() };
    /// assert_eq!(stop("1934-09-12").day().to_string(), "1934-09-12");
    /// assert_eq!(stop("1939-03").day().to_string(), "1939-03-01");
    /// assert_eq!(stop("1920").day().to_string(), "1920-12-31");
    /// ```
    pub fn day(&self) -> CalendarDay {
        match self.date.precision() {
            Precision::Year => year_view_day(self.date.year()),
            Precision::Day | Precision::Month | Precision::Part => self.date.first_day(),
        }
    }
}

/// A tour: its slug (`?tour=baltic-entente`), title and stops, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    pub id: String,
    pub title: Localized,
    pub stops: Vec<TourStop>,
}

/// Every tour of `tours.json`, in the file's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tours {
    tours: Vec<Tour>,
}

/// Where a reader is in a tour: the tour's position in [`Tours::all`] and the stop's in its stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TourPosition {
    pub tour: usize,
    pub stop: usize,
}

impl Tours {
    pub fn new(tours: Vec<Tour>) -> Tours {
        Tours { tours }
    }

    pub fn all(&self) -> &[Tour] {
        &self.tours
    }

    /// The tour of a slug.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.tours.iter().position(|t| t.id == id)
    }

    /// Where the address `?tour=ID&stop=N` (`N` counted from 1) puts the reader. A tour that is
    /// not there gives `Err` with the message for the console (the page then shows no tour);
    /// a missing stop is the first, one out of range the nearest, with a message too.
    ///
    /// ```
    /// # use atlas_core::tours::{Tour, TourPosition, TourStop, Tours};
    /// let stop = TourStop { date: "1934".parse().unwrap(), city: None, text: Default::default() };
    /// let tours = Tours::new(vec![Tour { id: "entente".into(), title: Default::default(), stops: vec![stop; 3] }]);
    /// assert_eq!(tours.resolve("entente", None), Ok((TourPosition { tour: 0, stop: 0 }, None)));
    /// assert_eq!(tours.resolve("entente", Some(2)).unwrap().0.stop, 1);
    /// let (position, message) = tours.resolve("entente", Some(9)).unwrap();
    /// assert_eq!(position.stop, 2);
    /// assert!(message.unwrap().contains("has 3 stops"));
    /// assert!(tours.resolve("nowhere", Some(1)).is_err());
    /// ```
    pub fn resolve(&self, id: &str, stop: Option<u32>) -> Result<(TourPosition, Option<String>), String> {
        let Some(tour) = self.position_of(id) else {
            let known: Vec<&str> = self.tours.iter().map(|t| t.id.as_str()).collect();
            return Err(format!(
                "?tour={id}: there is no such tour (tours.json has: {}); no tour is shown",
                known.join(", ")
            ));
        };
        let count = self.tours[tour].stops.len();
        let Some(stop) = stop else { return Ok((TourPosition { tour, stop: 0 }, None)) };
        let wanted = usize::try_from(stop).unwrap_or(usize::MAX);
        if (1..=count).contains(&wanted) {
            return Ok((TourPosition { tour, stop: wanted - 1 }, None));
        }
        let nearest = wanted.clamp(1, count.max(1));
        let message = format!("?stop={stop}: the tour `{id}` has {count} stops; stop {nearest} is shown");
        Ok((TourPosition { tour, stop: nearest - 1 }, Some(message)))
    }

    /// The tour and stop at `position`, if both are there.
    pub fn at(&self, position: TourPosition) -> Option<(&Tour, &TourStop)> {
        let tour = self.tours.get(position.tour)?;
        Some((tour, tour.stops.get(position.stop)?))
    }
}

impl TourPosition {
    /// The next stop, if there is one.
    pub fn next(self, tours: &Tours) -> Option<TourPosition> {
        let count = tours.all().get(self.tour)?.stops.len();
        (self.stop + 1 < count).then_some(TourPosition { stop: self.stop + 1, ..self })
    }

    /// The previous stop, if there is one.
    pub fn previous(self) -> Option<TourPosition> {
        self.stop.checked_sub(1).map(|stop| TourPosition { stop, ..self })
    }

    /// The stop counter's numbers: this stop counted from 1, and the number of stops.
    pub fn counter(self, tours: &Tours) -> (usize, usize) {
        (self.stop + 1, tours.all().get(self.tour).map_or(0, |t| t.stops.len()))
    }
}

/// Reads `tours.json`: every tour needs a unique slug, a title and at least one stop; every stop
/// a date, a city of `places` if it names one, and its text in every language of `offered`.
/// Every such problem is an error naming the file, the tour and stop, and the field; a date
/// outside `years` (the events') is a warning (the time bar cannot show it).
pub fn parse_tours(
    file: DataFile<'_>,
    places: &[Place],
    years: Option<std::ops::RangeInclusive<i32>>,
    offered: &[Lang],
) -> Result<(Tours, Vec<Warning>), DataErrors> {
    let value = json_value(file)?;
    let mut warnings: Vec<Warning> = Vec::new();
    let mut errors: Vec<DataError> = Vec::new();
    let mut error = |field: String, problem: String| {
        let location = Location { file: file.name.to_owned(), index: None, id: None };
        errors.push(DataError::Field { location, field, problem });
    };
    let Some(list) = value.get("tours").and_then(Value::as_array) else {
        error(
            "tours".into(),
            "is missing: the file is {\"tours\": [{\"id\": …, \"title\": …, \"stops\": […]}]}".into(),
        );
        return Err(DataErrors { errors });
    };
    let mut tours = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (t, tour) in list.iter().enumerate() {
        let at = format!("tours[{t}]");
        let id = match tour.get("id") {
            Some(Value::String(id)) if is_slug(id) => {
                if !seen.insert(id) {
                    error(format!("{at}.id"), format!("`{id}` is used by an earlier tour"));
                }
                id.clone()
            }
            other => {
                let found = other.map_or("nothing", kind_of);
                error(
                    format!("{at}.id"),
                    format!("must be a lowercase slug such as \"baltic-entente\", found {found}"),
                );
                continue;
            }
        };
        let at = format!("{at} (`{id}`)");
        let title = texts(tour.get("title"), offered, &format!("{at}.title"), &mut error);
        let Some(stops) = tour.get("stops").and_then(Value::as_array).filter(|s| !s.is_empty()) else {
            error(format!("{at}.stops"), "is missing or empty: a tour has at least one stop".into());
            continue;
        };
        let mut read = Vec::new();
        for (s, stop) in stops.iter().enumerate() {
            let at = format!("{at}.stops[{s}]");
            let date = match stop.get("date") {
                Some(Value::String(text)) => {
                    match text.parse::<HistoricDate>() {
                        Ok(date) => {
                            if let Some(years) = years.as_ref().filter(|y| !y.contains(&date.year())) {
                                let (first, last) = (years.start(), years.end());
                                warnings.push(Warning {
                                location: Location { file: file.name.to_owned(), index: None, id: None },
                                field: format!("{at}.date"),
                                message: format!("{date} is outside the atlas's years ({first}–{last}): the time bar cannot show it"),
                            });
                            }
                            Some(date)
                        }
                        Err(e) => {
                            error(format!("{at}.date"), format!("`{text}`: {e}"));
                            None
                        }
                    }
                }
                other => {
                    let found = other.map_or("nothing", kind_of);
                    error(format!("{at}.date"), format!("must be a date such as \"1934-09-12\", found {found}"));
                    None
                }
            };
            let city = match stop.get("city") {
                None | Some(Value::Null) => Some(None),
                Some(Value::String(city)) => match places.iter().find(|p| p.id.as_str() == city) {
                    Some(place) => Some(Some(place.id.clone())),
                    None => {
                        error(format!("{at}.city"), format!("`{city}` is not a place of places.geojson"));
                        None
                    }
                },
                Some(other) => {
                    error(
                        format!("{at}.city"),
                        format!("must be a place's id such as \"riga\", found {}", kind_of(other)),
                    );
                    None
                }
            };
            let text = texts(stop.get("text"), offered, &format!("{at}.text"), &mut error);
            if let (Some(date), Some(city), Some(text)) = (date, city, text) {
                read.push(TourStop { date, city, text });
            }
        }
        if let (Some(title), true) = (title, read.len() == stops.len()) {
            tours.push(Tour { id, title, stops: read });
        }
    }
    if errors.is_empty() {
        Ok((Tours { tours }, warnings))
    } else {
        Err(DataErrors { errors })
    }
}

/// A text in every language of `offered`: a missing or empty one is an error naming it.
fn texts(
    value: Option<&Value>,
    offered: &[Lang],
    field: &str,
    error: &mut impl FnMut(String, String),
) -> Option<Localized> {
    let Some(object) = value.and_then(Value::as_object) else {
        error(field.to_owned(), "is missing: write {\"en\": \"…\", \"lv\": \"…\", …}, a line in every language".into());
        return None;
    };
    let mut localized = Localized::default();
    let mut complete = true;
    for &lang in offered {
        match object.get(lang.code()) {
            Some(Value::String(text)) if !text.trim().is_empty() => localized = localized.with(lang, text.clone()),
            _ => {
                error(format!("{field}.{lang}"), "is missing or empty: a tour's texts are in every language".into());
                complete = false;
            }
        }
    }
    for key in object.keys() {
        if !offered.iter().any(|l| l.code() == key) {
            error(format!("{field}.{key}"), format!("`{key}` is not a language of languages.json"));
            complete = false;
        }
    }
    complete.then_some(localized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Tours, Vec<String>> {
        let data = crate::dataset::committed_data();
        let offered: Vec<Lang> = data.languages.offered().collect();
        parse_tours(DataFile { name: TOURS_FILE, text }, data.atlas.places(), data.atlas.years(), &offered)
            .map(|(tours, warnings)| {
                assert!(warnings.is_empty(), "{warnings:?}");
                tours
            })
            .map_err(|e| e.errors.iter().map(ToString::to_string).collect())
    }

    const TEXT: &str = r#"{"en": "a", "lv": "a", "lt": "a", "et": "a", "ru": "a"}"#;

    fn one_stop(stop: &str) -> String {
        format!(r#"{{"tours": [{{"id": "t", "title": {TEXT}, "stops": [{stop}]}}]}}"#)
    }

    #[test]
    fn a_bad_date_an_unknown_city_and_a_missing_language_are_named() {
        let bad_date = read(&one_stop(&format!(r#"{{"date": "1934-13-01", "text": {TEXT}}}"#))).expect_err("refused");
        assert_eq!(bad_date.len(), 1, "{bad_date:?}");
        assert!(
            bad_date[0].starts_with("tours.json: field `tours[0] (`t`).stops[0].date`: `1934-13-01`"),
            "{bad_date:?}"
        );
        let data = crate::dataset::committed_data();
        let offered: Vec<Lang> = data.languages.offered().collect();
        let text = one_stop(&format!(r#"{{"date": "1850", "text": {TEXT}}}"#));
        let file = DataFile { name: TOURS_FILE, text: &text };
        let (_, warnings) = parse_tours(file, data.atlas.places(), data.atlas.years(), &offered).expect("a warning");
        assert!(warnings[0].to_string().contains("outside the atlas's years"), "{warnings:?}");
        let city = read(&one_stop(&format!(r#"{{"date": "1934", "city": "atlantis", "text": {TEXT}}}"#)))
            .expect_err("refused");
        assert_eq!(
            city,
            ["tours.json: field `tours[0] (`t`).stops[0].city`: `atlantis` is not a place of places.geojson"]
        );
        let lang = read(&one_stop(r#"{"date": "1934", "text": {"en": "a", "lv": "a", "lt": "", "et": "a"}}"#))
            .expect_err("refused");
        assert_eq!(lang.len(), 2, "{lang:?}");
        assert!(lang[0].contains("stops[0].text.lt`: is missing"), "{lang:?}");
        assert!(lang[1].contains("stops[0].text.ru`: is missing"), "{lang:?}");
        let ok =
            read(&one_stop(&format!(r#"{{"date": "1934-09-12", "city": "geneva", "text": {TEXT}}}"#))).expect("read");
        assert_eq!(ok.all()[0].stops[0].city.as_ref().map(PlaceId::as_str), Some("geneva"));
    }

    #[test]
    fn the_committed_tour_has_eight_to_twelve_stops_in_order() {
        let data = crate::dataset::committed_data();
        let tour = data.tours.all().iter().find(|t| t.id == "baltic-entente").expect("the Baltic Entente tour");
        assert!((8..=12).contains(&tour.stops.len()), "{} stops", tour.stops.len());
        assert!(tour.stops.windows(2).all(|w| w[0].day() < w[1].day()), "the stops go forward in time");
        // Every stage of the story has a stop.
        for stage in data.stages.all() {
            assert!(tour.stops.iter().any(|s| stage.contains(s.day().year)), "{} has no stop", stage.id);
        }
        for stop in &tour.stops {
            for lang in data.languages.offered() {
                let text = stop.text.exact(lang).expect("every language");
                assert!(text.chars().count() <= 200, "a stop's text is one line: {lang}: {text}");
            }
        }
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let data = crate::dataset::committed_data();
        let (start, message) = data.tours.resolve("baltic-entente", None).expect("the tour");
        assert_eq!(message, None);
        assert_eq!(start.previous(), None);
        let mut at = start;
        let mut seen = 1;
        while let Some(next) = at.next(&data.tours) {
            at = next;
            seen += 1;
        }
        assert_eq!(at.counter(&data.tours), (seen, seen));
        assert_eq!(at.previous().map(|p| p.stop), Some(seen - 2));
    }
}
