//! The atlas and its queries: what was active in a year, what was held at a place.
use std::collections::HashMap;

use crate::model::{Event, EventKind, Place, PlaceId};

/// The position of an event in [`Atlas::events`]: what the app's lists and the map key
/// their items by. Only an [`Atlas`] hands these out, so one always names an event of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventIndex(usize);

/// All places and events, with indexes that answer the slider's questions without
/// scanning every event.
#[derive(Debug, Clone)]
pub struct Atlas {
    places: Vec<Place>,
    /// Events in chronological order: by the first day of the start, then the last day of
    /// the end; events that tie keep the order of the data file.
    events: Vec<Event>,
    /// The first year of `by_year`.
    first_year: i32,
    /// For each year from `first_year`, the indexes of the events active in it, chronological.
    by_year: Vec<Vec<EventIndex>>,
    /// For each place, the indexes of the conferences held there, chronological.
    conferences_by_place: HashMap<PlaceId, Vec<EventIndex>>,
    /// For each place, the indexes of its other events (treaties signed there, ultimatums
    /// delivered there, …), chronological.
    others_by_place: HashMap<PlaceId, Vec<EventIndex>>,
    /// Each place's position in `places`, so that a lookup by id does not scan 500 places.
    place_index: HashMap<PlaceId, usize>,
}

/// What a city's panel lists: the conferences held there, then its other events, each
/// chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceEvents<'a> {
    pub conferences: &'a [EventIndex],
    pub others: &'a [EventIndex],
}

impl PlaceEvents<'_> {
    /// Every event at the place, conferences first.
    pub fn all(&self) -> impl Iterator<Item = EventIndex> + '_ {
        self.conferences.iter().chain(self.others).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.conferences.is_empty() && self.others.is_empty()
    }
}

/// Whether `event` marks its place on the map in `year`: a conference or other event held
/// there that year, or a treaty signed there that year. A treaty in force is not an event
/// at its place in later years (the map draws it between the capitals), and an event told for
/// the context (`EventRole::Context`) marks no place: it is listed, not highlighted. This one rule
/// decides both which cities are highlighted and which events of a city's panel are marked
/// as the selected year's.
///
/// ```
/// # use atlas_core::{Event, EventId, EventKind, HistoricDate, Span};
/// # use atlas_core::timeline::marks_its_place_in;
/// # let event = |kind, start: &str, end: Option<&str>| Event {
/// #     id: EventId::new("e").expect("slug"),
/// #     kind,
/// #     span: Span::new(start.parse().expect("date"), end.map(|e| e.parse().expect("date"))),
/// #     place: None, parties: vec![], title: Default::default(), summary: Default::default(),
/// #     sources: vec![], note: None, points: vec![], role: Default::default(), dates: vec![], media: vec![],
/// # };
/// let alliance = event(EventKind::Treaty, "1923-11-01", Some("1940-06-29"));
/// assert!(marks_its_place_in(&alliance, 1923) && !marks_its_place_in(&alliance, 1930));
/// let conference = event(EventKind::Conference, "1934-11-30", Some("1934-12-02"));
/// assert!(marks_its_place_in(&conference, 1934) && !marks_its_place_in(&conference, 1935));
/// let pact = atlas_core::Event { role: atlas_core::EventRole::Context, ..event(EventKind::Treaty, "1939-08-23", Some("1941-06-22")) };
/// assert!(!marks_its_place_in(&pact, 1939), "a context event does not highlight its place");
/// ```
pub fn marks_its_place_in(event: &Event, year: i32) -> bool {
    if event.role == crate::EventRole::Context {
        // Told for the context: listed, but the map's highlight stays on the Entente's own story.
        false
    } else if event.kind == EventKind::Treaty {
        event.span.first_day().year == year
    } else {
        event.span.overlaps_year(year)
    }
}

impl Atlas {
    /// Builds the atlas; events are put in chronological order: by the first day of their
    /// start (a date known only to the month or the year sorts at the start of its period),
    /// then by the last day of their end. Events that still tie keep the order they have in
    /// `events` (the data file's), which a curator sets.
    pub fn new(places: Vec<Place>, mut events: Vec<Event>) -> Self {
        // A stable sort: ties keep the file's order.
        crate::order::sort_by_key(&mut events, |e| (e.span.first_day(), e.span.last_day()));
        // The atlas's years are those of the Entente's own story: an event told for the context
        // (the Molotov–Ribbentrop Pact, broken in 1941) is listed within them, never widens them.
        let has_story = events.iter().any(|e| e.role == crate::EventRole::Story);
        let sets_years = |e: &&Event| !has_story || e.role == crate::EventRole::Story;
        let first_year = events.iter().filter(sets_years).map(|e| e.span.first_day().year).min().unwrap_or(0);
        // An open-ended treaty runs past every date: the years end with the last finite date.
        let finite_last = |e: &Event| if e.span.open_ended { e.span.first_day() } else { e.span.last_day() };
        let last_year = events.iter().filter(sets_years).map(|e| finite_last(e).year).max().unwrap_or(-1);
        let mut by_year = vec![Vec::new(); (last_year - first_year + 1).max(0) as usize];
        let mut conferences_by_place: HashMap<PlaceId, Vec<EventIndex>> = HashMap::new();
        let mut others_by_place: HashMap<PlaceId, Vec<EventIndex>> = HashMap::new();
        for (index, event) in events.iter().enumerate() {
            let index = EventIndex(index);
            let until = if event.span.open_ended { last_year } else { event.span.last_day().year.min(last_year) };
            for year in event.span.first_day().year.max(first_year)..=until {
                by_year[(year - first_year) as usize].push(index);
            }
            match (event.kind, &event.place) {
                (EventKind::Conference, Some(place)) => {
                    conferences_by_place.entry(place.clone()).or_default().push(index)
                }
                (_, Some(place)) => others_by_place.entry(place.clone()).or_default().push(index),
                (_, None) => {}
            }
        }
        let place_index = places.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        Self { places, events, first_year, by_year, conferences_by_place, others_by_place, place_index }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn place(&self, id: &PlaceId) -> Option<&Place> {
        self.place_index.get(id).map(|&i| &self.places[i])
    }

    /// The place at `point` (within the 5e-5° the data files are checked to, about 5 m), as a
    /// treaty's points name its capitals.
    pub fn place_at(&self, point: crate::model::LonLat) -> Option<&Place> {
        self.places.iter().find(|p| p.location.same_point(point))
    }

    /// Every event, chronological.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every event with its index, chronological.
    ///
    /// ```
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, Span};
    /// # let event = |id: &str, year: i32| Event {
    /// #     id: EventId::new(id).expect("slug"),
    /// #     kind: EventKind::Conference,
    /// #     span: Span::new(HistoricDate::year_only(year), None),
    /// #     place: None,
    /// #     parties: vec![],
    /// #     title: Default::default(),
    /// #     summary: Default::default(),
    /// #     sources: vec![],
    /// #     note: None,
    /// #     points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(vec![], vec![event("later", 1936), event("earlier", 1935)]);
    /// for (index, event) in atlas.indexed_events() {
    ///     assert_eq!(atlas.event(index), event);
    /// }
    /// assert_eq!(atlas.indexed_events().next().map(|(_, e)| e.id.as_str()), Some("earlier"));
    /// ```
    pub fn indexed_events(&self) -> impl Iterator<Item = (EventIndex, &Event)> + '_ {
        self.events.iter().enumerate().map(|(index, event)| (EventIndex(index), event))
    }

    /// The event at `index`.
    ///
    /// An index comes from this atlas's own queries, so it always names one of its events;
    /// an index from another, larger atlas panics.
    ///
    /// ```
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, Span};
    /// # let treaty = Event {
    /// #     id: EventId::new("riga-treaty").expect("slug"),
    /// #     kind: EventKind::Treaty,
    /// #     span: Span::new(HistoricDate::year_only(1923), Some(HistoricDate::year_only(1940))),
    /// #     place: None,
    /// #     parties: vec![],
    /// #     title: Default::default(),
    /// #     summary: Default::default(),
    /// #     sources: vec![],
    /// #     note: None,
    /// #     points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(vec![], vec![treaty]);
    /// let index = atlas.active_indices(1930)[0];
    /// assert_eq!(atlas.event(index).id.as_str(), "riga-treaty");
    /// ```
    pub fn event(&self, index: EventIndex) -> &Event {
        &self.events[index.0]
    }

    /// The years from the first event's start to the last event's end, if there are events.
    pub fn years(&self) -> Option<std::ops::RangeInclusive<i32>> {
        (!self.by_year.is_empty()).then(|| self.first_year..=self.first_year + self.by_year.len() as i32 - 1)
    }

    /// The positions in [`Atlas::events`] of the events active in `year`, chronological.
    ///
    /// ```
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, Span};
    /// # let event = |id: &str, start: i32, end: i32| Event {
    /// #     id: EventId::new(id).expect("slug"),
    /// #     kind: EventKind::Treaty,
    /// #     span: Span::new(HistoricDate::year_only(start), Some(HistoricDate::year_only(end))),
    /// #     place: None,
    /// #     parties: vec![],
    /// #     title: Default::default(),
    /// #     summary: Default::default(),
    /// #     sources: vec![],
    /// #     note: None,
    /// #     points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(vec![], vec![event("later", 1934, 1940), event("earlier", 1923, 1940)]);
    /// let ids: Vec<&str> = atlas.active_indices(1935).iter().map(|&i| atlas.event(i).id.as_str()).collect();
    /// assert_eq!(ids, ["earlier", "later"]);
    /// assert!(atlas.active_indices(1925).len() == 1 && atlas.active_indices(1950).is_empty());
    /// ```
    pub fn active_indices(&self, year: i32) -> &[EventIndex] {
        usize::try_from(year - self.first_year).ok().and_then(|i| self.by_year.get(i)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The events active in `year` (held in it, or in force during it), chronological.
    pub fn active_in(&self, year: i32) -> impl Iterator<Item = &Event> + '_ {
        self.active_indices(year).iter().map(|&index| self.event(index))
    }

    /// The positions in [`Atlas::events`] of the conferences held at `place`, chronological
    /// (from the index built once, not a scan of every event): what a city's panel lists.
    ///
    /// ```
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, PlaceId, Span};
    /// # let event = |id: &str, kind: EventKind, year: i32, place: &str| Event {
    /// #     id: EventId::new(id).expect("slug"),
    /// #     kind,
    /// #     span: Span::new(HistoricDate::year_only(year), None),
    /// #     place: PlaceId::new(place),
    /// #     parties: vec![],
    /// #     title: Default::default(),
    /// #     summary: Default::default(),
    /// #     sources: vec![],
    /// #     note: None,
    /// #     points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(
    ///     vec![],
    ///     vec![
    ///         event("second", EventKind::Conference, 1936, "riga"),
    ///         event("signed-there", EventKind::Treaty, 1935, "riga"),
    ///         event("first", EventKind::Conference, 1935, "riga"),
    ///         event("elsewhere", EventKind::Conference, 1935, "kaunas"),
    ///     ],
    /// );
    /// let riga = PlaceId::new("riga").expect("slug");
    /// let held: Vec<&str> = atlas.conference_indices_at(&riga).iter().map(|&i| atlas.event(i).id.as_str()).collect();
    /// assert_eq!(held, ["first", "second"]);
    /// assert!(atlas.conference_indices_at(&PlaceId::new("tartu").expect("slug")).is_empty());
    /// ```
    pub fn conference_indices_at(&self, place: &PlaceId) -> &[EventIndex] {
        self.conferences_by_place.get(place).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The conferences held at `place`, chronological.
    pub fn conferences_at(&self, place: &PlaceId) -> impl Iterator<Item = &Event> + '_ {
        self.conference_indices_at(place).iter().map(|&index| self.event(index))
    }

    /// Everything a city's panel lists: the conferences held at `place`, then its other
    /// events (treaties signed there, ultimatums delivered there, …), each chronological.
    ///
    /// ```
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, PlaceId, Span};
    /// # let event = |id: &str, kind, year: i32| Event {
    /// #     id: EventId::new(id).expect("slug"),
    /// #     kind,
    /// #     span: Span::new(HistoricDate::year_only(year), None),
    /// #     place: PlaceId::new("riga"), parties: vec![], title: Default::default(),
    /// #     summary: Default::default(), sources: vec![], note: None, points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(vec![], vec![
    ///     event("treaty", EventKind::Treaty, 1934),
    ///     event("conference", EventKind::Conference, 1935),
    /// ]);
    /// let riga = atlas.events_at(&PlaceId::new("riga").expect("slug"));
    /// let ids: Vec<&str> = riga.all().map(|i| atlas.event(i).id.as_str()).collect();
    /// assert_eq!(ids, ["conference", "treaty"], "conferences first");
    /// ```
    pub fn events_at(&self, place: &PlaceId) -> PlaceEvents<'_> {
        fn of<'a>(map: &'a HashMap<PlaceId, Vec<EventIndex>>, place: &PlaceId) -> &'a [EventIndex] {
            map.get(place).map(Vec::as_slice).unwrap_or(&[])
        }
        PlaceEvents { conferences: of(&self.conferences_by_place, place), others: of(&self.others_by_place, place) }
    }

    /// The places where something happened in `year`, sorted (see [`marks_its_place_in`]):
    /// exactly the places whose panel has an event of that year.
    pub fn places_with_event_in(&self, year: i32) -> Vec<&PlaceId> {
        let mut places: Vec<&PlaceId> =
            self.active_in(year).filter(|e| marks_its_place_in(e, year)).filter_map(|e| e.place.as_ref()).collect();
        crate::order::sort(&mut places);
        places.dedup();
        places
    }

    /// The years in which an event starts, ascending, each once: the marks on the time bar.
    pub fn event_start_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.events.iter().map(|e| e.span.first_day().year).collect();
        years.dedup(); // Events are chronological, so equal years are adjacent.
        years
    }
}

/// How many rows a long list draws at first, and how many more each "Show more" adds: a year
/// of a large atlas may have hundreds of events, and drawing them all on every slider step
/// costs a frozen frame (issue 12). The real atlas never has this many in a year.
pub const LIST_PAGE: usize = 40;

/// An atlas with at most this many events draws its list of the year once with every event in
/// it, and a step of the time bar only shows and hides rows: no row is built on a step (the
/// real atlas has 56 events; building a year's rows was a third of a step's script). A larger
/// atlas draws the year's rows, a page at a time ([`list_page`]).
///
/// ```
/// use atlas_core::timeline::{drawn_whole, LIST_DRAWN_WHOLE};
/// assert!(drawn_whole(56) && drawn_whole(LIST_DRAWN_WHOLE) && !drawn_whole(10_000));
/// ```
pub const LIST_DRAWN_WHOLE: usize = 200;

/// Whether a list of `events` events is drawn whole (see [`LIST_DRAWN_WHOLE`]).
pub fn drawn_whole(events: usize) -> bool {
    events <= LIST_DRAWN_WHOLE
}

/// The first `shown` items of `items` (at least one page), and how many are left undrawn.
///
/// ```
/// use atlas_core::timeline::{list_page, LIST_PAGE};
///
/// let items: Vec<u32> = (0..100).collect();
/// assert_eq!(list_page(&items, 0), (&items[..LIST_PAGE], 100 - LIST_PAGE));
/// assert_eq!(list_page(&items, 2 * LIST_PAGE).1, 100 - 2 * LIST_PAGE);
/// assert_eq!(list_page(&items, 1000), (&items[..], 0));
/// assert_eq!(list_page(&items[..3], 0), (&items[..3], 0));
/// ```
pub fn list_page<T>(items: &[T], shown: usize) -> (&[T], usize) {
    let n = shown.max(LIST_PAGE).min(items.len());
    (&items[..n], items.len() - n)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::time::{HistoricDate, Span};

    /// An event for the tests of the atlas's queries: from the year `start` through `end` (or
    /// through `start`), nowhere and with no points; set `place` or `points` where a test needs them.
    pub(crate) fn event(id: &str, kind: EventKind, start: i32, end: Option<i32>) -> Event {
        Event {
            id: crate::model::EventId::new(id).expect("slug"),
            kind,
            span: Span::new(HistoricDate::year_only(start), end.map(HistoricDate::year_only)),
            place: None,
            parties: vec![],
            title: Default::default(),
            summary: Default::default(),
            sources: vec![],
            note: None,
            points: vec![],
            role: Default::default(),
            dates: vec![],
            media: vec![],
        }
    }

    fn at(place: &str, event: Event) -> Event {
        Event { place: PlaceId::new(place), ..event }
    }

    #[test]
    fn indices_name_the_events_in_time_order() {
        let atlas = Atlas::new(
            vec![],
            vec![
                at("riga", event("c", EventKind::Conference, 1936, None)),
                at("riga", event("a", EventKind::Treaty, 1923, Some(1940))),
                at("riga", event("b", EventKind::Conference, 1934, None)),
            ],
        );
        let ids = |indices: &[EventIndex]| indices.iter().map(|&i| atlas.event(i).id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(atlas.active_indices(1934)), ["a", "b"]);
        assert_eq!(ids(atlas.active_indices(1936)), ["a", "c"]);
        let riga = PlaceId::new("riga").expect("slug");
        assert_eq!(ids(atlas.conference_indices_at(&riga)), ["b", "c"], "the treaty signed there is not a conference");
    }

    #[test]
    fn a_place_without_conferences_has_none() {
        let atlas = Atlas::new(vec![], vec![at("kaunas", event("a", EventKind::Conference, 1935, None))]);
        assert!(atlas.conference_indices_at(&PlaceId::new("tartu").expect("slug")).is_empty());
        assert!(Atlas::new(vec![], vec![]).conference_indices_at(&PlaceId::new("riga").expect("slug")).is_empty());
    }
}
