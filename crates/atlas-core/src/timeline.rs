//! The atlas and its queries: what was active in a year, what was held at a place.
use std::collections::HashMap;

use crate::model::{Event, EventKind, Place, PlaceId};

/// All places and events, with indexes that answer the slider's questions without
/// scanning every event.
#[derive(Debug, Clone)]
pub struct Atlas {
    places: Vec<Place>,
    /// Events in chronological order (by start, then end, then id).
    events: Vec<Event>,
    /// The first year of `by_year`.
    first_year: i32,
    /// For each year from `first_year`, the indexes of the events active in it, chronological.
    by_year: Vec<Vec<usize>>,
    /// For each place, the indexes of the conferences held there, chronological.
    conferences_by_place: HashMap<PlaceId, Vec<usize>>,
}

impl Atlas {
    /// Builds the atlas; events are put in chronological order.
    pub fn new(places: Vec<Place>, mut events: Vec<Event>) -> Self {
        events.sort_by(|a, b| {
            (a.span.first_day(), a.span.last_day(), &a.id).cmp(&(b.span.first_day(), b.span.last_day(), &b.id))
        });
        let first_year = events.iter().map(|e| e.span.first_day().year).min().unwrap_or(0);
        let last_year = events.iter().map(|e| e.span.last_day().year).max().unwrap_or(-1);
        let mut by_year = vec![Vec::new(); (last_year - first_year + 1).max(0) as usize];
        let mut conferences_by_place: HashMap<PlaceId, Vec<usize>> = HashMap::new();
        for (index, event) in events.iter().enumerate() {
            for year in event.span.first_day().year..=event.span.last_day().year {
                by_year[(year - first_year) as usize].push(index);
            }
            if let (EventKind::Conference, Some(place)) = (event.kind, &event.place) {
                conferences_by_place.entry(place.clone()).or_default().push(index);
            }
        }
        Self { places, events, first_year, by_year, conferences_by_place }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn place(&self, id: &PlaceId) -> Option<&Place> {
        self.places.iter().find(|place| &place.id == id)
    }

    /// Every event, chronological.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The years from the first event's start to the last event's end, if there are events.
    pub fn years(&self) -> Option<std::ops::RangeInclusive<i32>> {
        (!self.by_year.is_empty()).then(|| self.first_year..=self.first_year + self.by_year.len() as i32 - 1)
    }

    /// The positions in [`Atlas::events`] of the events active in `year`, chronological.
    pub fn active_indices(&self, year: i32) -> &[usize] {
        usize::try_from(year - self.first_year).ok().and_then(|i| self.by_year.get(i)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The events active in `year` (held in it, or in force during it), chronological.
    pub fn active_in(&self, year: i32) -> impl Iterator<Item = &Event> + '_ {
        self.active_indices(year).iter().map(|&index| &self.events[index])
    }

    /// The conferences held at `place`, chronological.
    pub fn conferences_at(&self, place: &PlaceId) -> impl Iterator<Item = &Event> + '_ {
        self.conferences_by_place.get(place).into_iter().flatten().map(|&index| &self.events[index])
    }

    /// The places where something happened in `year`, sorted: a conference or other
    /// event held there, or a treaty signed there that year. A treaty in force is not
    /// an event at its place in later years (the map draws it between the capitals).
    pub fn places_with_event_in(&self, year: i32) -> Vec<&PlaceId> {
        let mut places: Vec<&PlaceId> = self
            .active_in(year)
            .filter(|e| e.kind != EventKind::Treaty || e.span.start.year() == year)
            .filter_map(|e| e.place.as_ref())
            .collect();
        places.sort();
        places.dedup();
        places
    }

    /// The nearest year after `year` in which an event starts.
    pub fn next_event_year(&self, year: i32) -> Option<i32> {
        self.events.iter().map(|e| e.span.first_day().year).filter(|&y| y > year).min()
    }

    /// The nearest year before `year` in which an event starts.
    pub fn previous_event_year(&self, year: i32) -> Option<i32> {
        self.events.iter().map(|e| e.span.first_day().year).filter(|&y| y < year).max()
    }
}
