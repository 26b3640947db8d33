//! Two dates side by side: `?compare=1923,1940-08-10` shows the map of each date, one beside the
//! other (stacked on a phone). This module reads and writes the pair of dates, steps either date
//! through the time bar's steps, and says what a city was on each date: its name, the state it
//! lay in and its events. What changed from one date to the other is
//! [`crate::what_changed::WhatChanged::between`], which takes any two days.
use std::fmt;
use std::ops::RangeInclusive;

use crate::borders::StatePeriod;
use crate::changes::year_view_day;
use crate::model::{EventKind, PlaceId};
use crate::time::{CalendarDay, HistoricDate, Precision};
use crate::timeline::{marks_its_place_in, EventIndex};
use crate::{DataSet, Localized};

/// Why a `?compare=` value was not read (the page then opens without the comparison, as it does
/// for any other bad parameter).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("compare: {0:?} is not two dates separated by a comma (e.g. 1923,1940-08-10)")]
    Shape(String),
    #[error("compare: {0:?} is neither a year (1923) nor a day (1940-08-10)")]
    Date(String),
    #[error("compare: {0} is outside the atlas's years")]
    OutOfRange(String),
}

/// The two dates of a comparison, in the order they are shown: `left` first (on top on a
/// phone), `right` second, whichever is earlier. A side given as a year is the day that year
/// shows on the time bar ([`year_view_day`]), and is written back as the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComparePair {
    pub left: CalendarDay,
    pub right: CalendarDay,
}

/// Which of the two maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// `"left"` or `"right"`, as the page's test ids write it (`compare-map-left`).
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

impl ComparePair {
    /// Reads `1923,1940-08-10`: two sides separated by a comma, each a year or an ISO day within
    /// `years` (spaces around either are allowed).
    ///
    /// ```
    /// use atlas_core::compare::ComparePair;
    /// use atlas_core::time::CalendarDay;
    /// let pair = ComparePair::parse("1923,1940-08-10", 1919..=1940).unwrap();
    /// assert_eq!(pair.left, CalendarDay { year: 1923, month: 12, day: 31 });
    /// assert_eq!(pair.right, CalendarDay { year: 1940, month: 8, day: 10 });
    /// assert_eq!(pair.to_string(), "1923,1940-08-10");
    /// assert!(ComparePair::parse("1923", 1919..=1940).is_err());
    /// ```
    pub fn parse(value: &str, years: RangeInclusive<i32>) -> Result<ComparePair, CompareError> {
        let (left, right) = value.split_once(',').ok_or_else(|| CompareError::Shape(value.to_owned()))?;
        if right.contains(',') {
            return Err(CompareError::Shape(value.to_owned()));
        }
        Ok(ComparePair { left: parse_side(left, &years)?, right: parse_side(right, &years)? })
    }

    /// The day of `side`.
    pub fn get(&self, side: Side) -> CalendarDay {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// The pair with `side` set to `day`.
    pub fn with(self, side: Side, day: CalendarDay) -> ComparePair {
        match side {
            Side::Left => ComparePair { left: day, ..self },
            Side::Right => ComparePair { right: day, ..self },
        }
    }
}

/// One side: a year (`1923`, the day it shows) or a day (`1940-08-10`) within `years`.
fn parse_side(text: &str, years: &RangeInclusive<i32>) -> Result<CalendarDay, CompareError> {
    let text = text.trim();
    let date = text.parse::<HistoricDate>().map_err(|_| CompareError::Date(text.to_owned()))?;
    let day = match date.precision() {
        Precision::Day => date.first_day(),
        Precision::Year if !text.contains('-') => year_view_day(date.year()),
        _ => return Err(CompareError::Date(text.to_owned())),
    };
    if years.contains(&day.year) {
        Ok(day)
    } else {
        Err(CompareError::OutOfRange(text.to_owned()))
    }
}

/// A side as the address writes it: the year for the day a year shows, else the ISO day.
///
/// ```
/// use atlas_core::compare::side_text;
/// use atlas_core::time::CalendarDay;
/// assert_eq!(side_text(CalendarDay { year: 1923, month: 12, day: 31 }), "1923");
/// assert_eq!(side_text(CalendarDay { year: 1940, month: 8, day: 10 }), "1940-08-10");
/// ```
pub fn side_text(day: CalendarDay) -> String {
    if day == year_view_day(day.year) {
        day.year.to_string()
    } else {
        day.to_string()
    }
}

impl fmt::Display for ComparePair {
    /// `1923,1940-08-10`: only digits, dashes and a comma, so it needs no escaping in an address.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", side_text(self.left), side_text(self.right))
    }
}

/// The step of `steps` (sorted, e.g. [`crate::what_changed::steps`]) just before `day`, or just
/// after it when `forward`: a side's ⏮ and ⏭.
///
/// ```
/// use atlas_core::compare::step;
/// use atlas_core::time::CalendarDay;
/// let day = |year, month, day| CalendarDay { year, month, day };
/// let steps = [day(1923, 11, 1), day(1923, 12, 31), day(1924, 12, 31)];
/// assert_eq!(step(&steps, day(1923, 12, 31), true), Some(day(1924, 12, 31)));
/// assert_eq!(step(&steps, day(1923, 12, 31), false), Some(day(1923, 11, 1)));
/// assert_eq!(step(&steps, day(1923, 6, 1), false), None);
/// assert_eq!(step(&steps, day(1923, 6, 1), true), Some(day(1923, 11, 1)));
/// ```
pub fn step(steps: &[CalendarDay], day: CalendarDay, forward: bool) -> Option<CalendarDay> {
    if forward {
        steps.iter().copied().find(|s| *s > day)
    } else {
        steps.iter().rev().copied().find(|s| *s < day)
    }
}

/// What a city was on one day, for its panel in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CityOnDay<'a> {
    pub day: CalendarDay,
    /// Its name on the day (Memel from 23 March 1939).
    pub name: &'a Localized,
    /// The border period of the state it lay in, if the border file draws one there.
    pub state: Option<&'a StatePeriod>,
    /// Its events of that day: the treaties signed there and in force on it, and the other
    /// events there of its year begun by it (those its map marks, [`marks_its_place_in`]),
    /// conferences first, each chronological.
    pub events: Vec<EventIndex>,
}

/// The city `place` on `day`, or `None` for a place the atlas does not have.
///
/// ```
/// use atlas_core::compare::city_on;
/// use atlas_core::time::CalendarDay;
/// use atlas_core::{Lang, PlaceId};
/// let data = atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))).unwrap();
/// let vilnius = PlaceId::new("vilnius").unwrap();
/// let state = |day| city_on(&data, &vilnius, day).and_then(|c| c.state).map(|p| p.state.clone());
/// assert_eq!(state(CalendarDay { year: 1923, month: 12, day: 31 }).as_deref(), Some("poland"));
/// assert_eq!(state(CalendarDay { year: 1940, month: 8, day: 10 }).as_deref(), Some("lithuania"));
/// ```
pub fn city_on<'a>(data: &'a DataSet, place: &PlaceId, day: CalendarDay) -> Option<CityOnDay<'a>> {
    let city = data.atlas.place(place)?;
    let of_day = |index: &EventIndex| {
        let event = data.atlas.event(*index);
        if event.kind == EventKind::Treaty {
            event.span.contains_day(day)
        } else {
            marks_its_place_in(event, day.year) && event.span.first_day() <= day
        }
    };
    let events = data.atlas.events_at(place).all().filter(of_day).collect();
    Some(CityOnDay { day, name: city.name_on(day), state: data.borders.state_at(city.location, day), events })
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEARS: RangeInclusive<i32> = 1919..=1940;

    fn day(year: i32, month: u8, day: u8) -> CalendarDay {
        CalendarDay { year, month, day }
    }

    #[test]
    fn both_forms_of_a_side_are_read_and_written_back() {
        let pair = |s: &str| ComparePair::parse(s, YEARS);
        assert_eq!(pair("1923,1940-08-10"), Ok(ComparePair { left: year_view_day(1923), right: day(1940, 8, 10) }));
        assert_eq!(pair(" 1940-08-10 , 1923 "), Ok(ComparePair { left: day(1940, 8, 10), right: year_view_day(1923) }));
        assert_eq!(pair("1934,1934"), Ok(ComparePair { left: year_view_day(1934), right: year_view_day(1934) }));
        assert_eq!(pair("1939-03-23,1919-09-14").map(|p| p.to_string()), Ok("1939-03-23,1919-09-14".into()));
        // The last day of a year is the year.
        assert_eq!(pair("1923-12-31,1940").map(|p| p.to_string()), Ok("1923,1940".into()));
        for written in ["1923,1940-08-10", "1919,1940", "1920-07-12,1939-10-10"] {
            assert_eq!(pair(written).map(|p| p.to_string()).as_deref(), Ok(written));
        }
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let pair = |s: &str| ComparePair::parse(s, YEARS);
        for bad in ["", "1923", "1923,", ",1940", "1923,1930,1940", "1923;1940", "1923 1940"] {
            assert!(matches!(pair(bad), Err(CompareError::Shape(_)) | Err(CompareError::Date(_))), "{bad:?}");
        }
        for bad in ["abc,1940", "1923,1940-08", "1923,1940-13-01", "1923,1940-02-30", "1923,1940-H2", "92,1940"] {
            assert!(matches!(pair(bad), Err(CompareError::Date(_))), "{bad:?}: {:?}", pair(bad));
        }
        for bad in ["1850,1940", "1923,1941-01-01"] {
            assert!(matches!(pair(bad), Err(CompareError::OutOfRange(_))), "{bad:?}");
        }
        assert_eq!(
            pair("1923,1941").err().map(|e| e.to_string()).unwrap_or_default(),
            "compare: 1941 is outside the atlas's years"
        );
    }

    #[test]
    fn a_side_is_set_and_read() {
        let pair = ComparePair { left: year_view_day(1923), right: day(1940, 8, 10) };
        assert_eq!(pair.with(Side::Left, year_view_day(1925)).get(Side::Left), year_view_day(1925));
        assert_eq!(pair.with(Side::Right, year_view_day(1925)).get(Side::Left), year_view_day(1923));
        assert_eq!((Side::Left.as_str(), Side::Right.as_str()), ("left", "right"));
    }

    #[test]
    fn a_city_on_two_days() {
        let data = crate::dataset::committed_data();
        let riga = PlaceId::new("riga").expect("slug");
        let on = |d| city_on(&data, &riga, d).expect("riga");
        let (early, late) = (on(year_view_day(1923)), on(day(1940, 8, 10)));
        assert_eq!(early.state.map(|p| p.state.as_str()), Some("latvia"));
        assert!(early.state.is_some_and(|p| p.occupied_by.is_none()));
        assert!(late.state.is_some_and(|p| p.occupied_by.is_some()), "{:?}", late.state.map(|p| &p.id));
        // Every listed event is of its day: a treaty in force on it, another event of its year.
        for city in [&early, &late] {
            for &index in &city.events {
                let event = data.atlas.event(index);
                assert!(event.span.first_day() <= city.day, "{} after {}", event.id.as_str(), city.day);
            }
        }
        assert!(city_on(&data, &PlaceId::new("atlantis").expect("slug"), early.day).is_none());
        // Steps: ⏭ from 1923 is a change of 1924 or the end of 1924; ⏮ from the first step is none.
        let steps = crate::what_changed::steps(&data);
        assert!(step(&steps, year_view_day(1923), true).is_some_and(|d| d.year == 1924));
        assert_eq!(step(&steps, steps[0], false), None);
        assert_eq!(step(&steps, *steps.last().expect("steps"), true), None);
    }
}
