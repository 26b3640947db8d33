//! The history the map shows: places, events and the states that took part.
use std::fmt;
use std::str::FromStr;

use crate::time::Span;

/// A language of the interface and the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Lv,
    Lt,
    Et,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Lv, Lang::Lt, Lang::Et, Lang::En];

    /// The BCP 47 code: `en`, `lv`, `lt`, `et`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Lv => "lv",
            Lang::Lt => "lt",
            Lang::Et => "et",
        }
    }

    /// The language's name in itself.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Lv => "Latviešu",
            Lang::Lt => "Lietuvių",
            Lang::Et => "Eesti",
        }
    }

    /// Reads a code such as `lv` or `lv-LV` (case-insensitive); `None` for other languages.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in several languages; English is always present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    pub en: String,
    pub lv: Option<String>,
    pub lt: Option<String>,
    pub et: Option<String>,
}

impl Localized {
    /// The text in `lang` if present, else English; with the language actually returned,
    /// so that the page can mark a fallback with its own `lang` attribute.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match self.exact(lang) {
            Some(text) => (text, lang),
            None => (&self.en, Lang::En),
        }
    }

    /// The text in `lang`, or `None` where it is missing.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => Some(self.en.as_str()),
            Lang::Lv => self.lv.as_deref(),
            Lang::Lt => self.lt.as_deref(),
            Lang::Et => self.et.as_deref(),
        }
    }

    /// The text in `lang`, or English.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).0
    }
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Accepts a lowercase slug: ASCII letters, digits and `-`, not empty.
            pub fn new(slug: &str) -> Option<Self> {
                let valid = !slug.is_empty()
                    && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                valid.then(|| Self(slug.to_owned()))
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

/// A longitude and latitude in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A city or town where something in the story happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub name: Localized,
    pub location: LonLat,
    pub sources: Vec<String>,
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

/// A state that took part in events (a party to a treaty or conference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub id: &'static str,
    pub en: &'static str,
    pub lv: &'static str,
    pub lt: &'static str,
    pub et: &'static str,
}

impl State {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Lv => self.lv,
            Lang::Lt => self.lt,
            Lang::Et => self.et,
        }
    }

    /// The state with this id, if the atlas knows it.
    pub fn find(id: &str) -> Option<&'static State> {
        STATES.iter().find(|state| state.id == id)
    }
}

/// The states that events may name as parties.
pub const STATES: &[State] = &[
    State { id: "estonia", en: "Estonia", lv: "Igaunija", lt: "Estija", et: "Eesti" },
    State { id: "latvia", en: "Latvia", lv: "Latvija", lt: "Latvija", et: "Läti" },
    State { id: "lithuania", en: "Lithuania", lv: "Lietuva", lt: "Lietuva", et: "Leedu" },
    State { id: "finland", en: "Finland", lv: "Somija", lt: "Suomija", et: "Soome" },
    State { id: "poland", en: "Poland", lv: "Polija", lt: "Lenkija", et: "Poola" },
    State { id: "germany", en: "Germany", lv: "Vācija", lt: "Vokietija", et: "Saksamaa" },
    State {
        id: "soviet-russia",
        en: "Soviet Russia",
        lv: "Padomju Krievija",
        lt: "Sovietų Rusija",
        et: "Nõukogude Venemaa",
    },
    State { id: "ussr", en: "USSR", lv: "PSRS", lt: "SSRS", et: "NSV Liit" },
    State { id: "sweden", en: "Sweden", lv: "Zviedrija", lt: "Švedija", et: "Rootsi" },
    State {
        id: "league-of-nations",
        en: "League of Nations",
        lv: "Tautu Savienība",
        lt: "Tautų Sąjunga",
        et: "Rahvasteliit",
    },
];

/// One thing that happened: a conference, a treaty, a declaration, …
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub span: Span,
    /// Where it happened, when the sources say.
    pub place: Option<PlaceId>,
    /// State ids, see [`STATES`].
    pub parties: Vec<String>,
    pub title: Localized,
    pub summary: Localized,
    pub sources: Vec<String>,
    pub note: Option<Localized>,
    /// The points the map draws: the place, or for a treaty the signatories' capitals.
    pub points: Vec<LonLat>,
}

impl Event {
    /// Whether the event was active (held, or in force) at any time in `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.span.overlaps_year(year)
    }
}
