//! The history the map shows: places, events and the states that took part.
use std::fmt;
use std::str::FromStr;

use crate::lang::Localized;
use crate::time::{CalendarDay, HistoricDate, Span};

/// Whether `text` is a slug, as every id in the data files is: lowercase ASCII letters, digits
/// and `-`, not empty.
///
/// ```
/// use atlas_core::model::is_slug;
/// assert!(is_slug("baltic-entente-conference-02"));
/// assert!(!is_slug("Riga") && !is_slug("") && !is_slug("rīga") && !is_slug("a_b"));
/// ```
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Accepts a lowercase slug: ASCII letters, digits and `-`, not empty.
            pub fn new(slug: &str) -> Option<Self> {
                is_slug(slug).then(|| Self(slug.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

slug_id!(
    /// The id of a place, a lowercase English slug: `riga`, `bulduri`.
    PlaceId
);
slug_id!(
    /// The id of an event: `baltic-entente-conference-02`.
    EventId
);
slug_id!(
    /// The id of a state in `states.geojson`: `latvia`, `ussr`, `league-of-nations`.
    StateId
);

/// A longitude and latitude in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    /// Whether two points are the same place: within 5e-5° (about 5 m) of each other, as the
    /// data files write a place's coordinates again (a treaty's capitals).
    ///
    /// ```
    /// use atlas_core::LonLat;
    ///
    /// let riga = LonLat { lon: 24.1059, lat: 56.946 };
    /// assert!(riga.same_point(LonLat { lon: 24.10592, lat: 56.94601 }));
    /// assert!(!riga.same_point(LonLat { lon: 24.11, lat: 56.946 }));
    /// ```
    pub fn same_point(self, other: LonLat) -> bool {
        (self.lon - other.lon).abs() < 5e-5 && (self.lat - other.lat).abs() < 5e-5
    }
}

/// A city or town where something in the story happened, or that the story names.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub name: Localized,
    pub location: LonLat,
    pub sources: Vec<String>,
    /// Whether something happened there, or the story only names it.
    pub role: PlaceRole,
    /// The names it had in periods of its own (Memel from 23 March 1939), in time order and
    /// never overlapping; on a day that none of them covers, it is called [`Place::name`].
    pub names: Vec<PeriodName>,
}

impl Place {
    /// A place the story names where nothing in the data happened (Vilnius, Klaipėda, Warsaw).
    pub fn is_context(&self) -> bool {
        self.role == PlaceRole::Context
    }

    /// A town for orientation, drawn only when the reader zooms in.
    pub fn is_town(&self) -> bool {
        matches!(self.role, PlaceRole::Town { .. })
    }

    /// The zoom from which the map draws the place: 1 (always) but for a town.
    pub fn min_zoom(&self) -> f64 {
        match self.role {
            PlaceRole::Town { min_zoom } => f64::from(min_zoom),
            PlaceRole::Event | PlaceRole::Context => 1.0,
        }
    }

    /// The place's name on `day`: that of the period of [`Place::names`] covering the day,
    /// else [`Place::name`].
    ///
    /// ```
    /// use atlas_core::model::{PeriodName, Place, PlaceId, PlaceRole};
    /// use atlas_core::time::CalendarDay;
    /// use atlas_core::{Lang, LonLat, Localized};
    ///
    /// let memel = PeriodName {
    ///     from: Some("1939-03-23".parse().unwrap()),
    ///     to: None,
    ///     name: Localized::new("Memel (Klaipėda)"),
    ///     sources: vec!["«Klaipėda Region», English Wikipedia".into()],
    /// };
    /// let klaipeda = Place {
    ///     id: PlaceId::new("klaipeda").unwrap(),
    ///     name: Localized::new("Klaipėda"),
    ///     location: LonLat { lon: 21.1175, lat: 55.7172 },
    ///     sources: vec![],
    ///     role: PlaceRole::Context,
    ///     names: vec![memel],
    /// };
    /// let day = |day| CalendarDay { year: 1939, month: 3, day };
    /// assert_eq!(klaipeda.name_on(day(22)).text(Lang::EN), "Klaipėda");
    /// assert_eq!(klaipeda.name_on(day(23)).text(Lang::EN), "Memel (Klaipėda)");
    /// ```
    pub fn name_on(&self, day: CalendarDay) -> &Localized {
        self.names.iter().find(|period| period.covers(day)).map_or(&self.name, |period| &period.name)
    }
}

/// A name a place had for a period: `places.geojson`'s `names[…]`. At least one of `from`
/// and `to` is given; a missing one leaves the period open on that side.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodName {
    /// The first day (the first day it can mean) the name was in use.
    pub from: Option<HistoricDate>,
    /// The last day (the last day it can mean) the name was in use.
    pub to: Option<HistoricDate>,
    pub name: Localized,
    /// Where the name and its dates come from.
    pub sources: Vec<String>,
}

impl PeriodName {
    /// The first day of the period, if it has one.
    pub fn first_day(&self) -> Option<CalendarDay> {
        self.from.map(|from| from.first_day())
    }

    /// The last day of the period, if it has one.
    pub fn last_day(&self) -> Option<CalendarDay> {
        self.to.map(|to| to.last_day())
    }

    /// Whether the name was in use on `day`.
    pub fn covers(&self, day: CalendarDay) -> bool {
        self.first_day().is_none_or(|first| first <= day) && self.last_day().is_none_or(|last| day <= last)
    }
}

/// What a place is on the map: `places.geojson`'s optional `role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlaceRole {
    /// Where events happened, or a signatory's capital (the default): a marker that opens the
    /// city's panel.
    #[default]
    Event,
    /// Named by the story for orientation only (`"role": "context"`): drawn smaller, with no
    /// panel, and not focusable.
    Context,
    /// A town for orientation that the story does not name (`"role": "town"`, with `min_zoom`):
    /// drawn as a small dot with its name only from zoom `min_zoom` (2 to 6) on, where there is
    /// room; never an event's place.
    Town { min_zoom: u8 },
}

impl FromStr for PlaceRole {
    type Err = String;

    /// ```
    /// use atlas_core::PlaceRole;
    ///
    /// assert_eq!("context".parse::<PlaceRole>(), Ok(PlaceRole::Context));
    /// assert_eq!("town".parse::<PlaceRole>(), Ok(PlaceRole::Town { min_zoom: 2 }));
    /// assert!("capital".parse::<PlaceRole>().unwrap_err().contains("`event`, `context` or `town`"));
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "event" => Ok(PlaceRole::Event),
            "context" => Ok(PlaceRole::Context),
            "town" => Ok(PlaceRole::Town { min_zoom: 2 }),
            other => {
                Err(format!("`{other}` is not a role of a place; use `event`, `context` or `town` (or leave it out)"))
            }
        }
    }
}

/// What kind of thing an event was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Conference,
    Treaty,
    Declaration,
    Ultimatum,
    Annulment,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Conference,
        EventKind::Treaty,
        EventKind::Declaration,
        EventKind::Ultimatum,
        EventKind::Annulment,
        EventKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Conference => "conference",
            EventKind::Treaty => "treaty",
            EventKind::Declaration => "declaration",
            EventKind::Ultimatum => "ultimatum",
            EventKind::Annulment => "annulment",
            EventKind::Other => "other",
        }
    }
}

impl FromStr for EventKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        EventKind::ALL.into_iter().find(|kind| kind.as_str() == text).ok_or_else(|| {
            let known: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
            format!("`{text}` is not a kind of event; use one of: {}", known.join(", "))
        })
    }
}

/// A state (or the League of Nations) that events name as a party, from `states.geojson`.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub id: StateId,
    pub name: Localized,
    /// The capital, where it is a place of the atlas.
    pub capital: Option<PlaceId>,
}

/// One thing that happened: a conference, a treaty, a declaration, …
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub span: Span,
    /// Where it happened, when the sources say.
    pub place: Option<PlaceId>,
    /// The states that took part, from `states.geojson`.
    pub parties: Vec<StateId>,
    pub title: Localized,
    pub summary: Localized,
    /// The works it is drawn from (`sources.json`), each with where in it.
    pub sources: Vec<crate::sources::Citation>,
    pub note: Option<Localized>,
    /// The points the map draws: the place, or for a treaty the signatories' capitals.
    pub points: Vec<LonLat>,
    /// The Entente's own story, or the context it happened in.
    pub role: EventRole,
    /// Where the sources disagree on its dates: each date with its sources, one of them
    /// [`DateClaim::chosen`] (its [`Event::span`]); empty when they agree.
    pub dates: Vec<DateClaim>,
    /// Its photographs (`media` in events.geojson), shown in its details; most events have none.
    pub media: Vec<crate::media::Media>,
}

/// One date an event is given in its sources, where they disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct DateClaim {
    pub span: Span,
    pub sources: Vec<crate::sources::Citation>,
    /// The date the atlas uses: the map, the time bar and the list go by it.
    pub chosen: bool,
}

/// Whether an event is part of the Baltic Entente's own story (its conferences and treaties, the
/// ultimatums that ended it) or is told for its context (the Warsaw Accord, the non-aggression
/// pacts, the Molotov–Ribbentrop Pact, the annexation): the list marks a context event, and a
/// reader may hide them. `"role": "context"` in events.geojson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EventRole {
    #[default]
    Story,
    Context,
}

impl Event {
    /// Whether the sources give the event different dates (it has [`Event::dates`]).
    pub fn date_disputed(&self) -> bool {
        self.dates.len() > 1
    }

    /// Whether the event was active (held, or in force) at any time in `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.span.overlaps_year(year)
    }
}
