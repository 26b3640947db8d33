//! What the reader has selected: the year and the open city. A small `Copy`
//! struct in context, with typed accessors.
use std::sync::Arc;

use atlas_core::i18n::{Languages, UiText};
use atlas_core::{Lang, PlaceId};
use leptos::prelude::*;

/// The selected year and the city whose panel is open.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    year: RwSignal<i32>,
    city: RwSignal<Option<PlaceId>>,
    /// The event whose details a reader has opened (its place and line are highlighted on the map).
    event: RwSignal<Option<atlas_core::EventIndex>>,
    years: (i32, i32),
}

impl Selection {
    /// A selection at `year`, kept within `first..=last`.
    pub fn new(year: i32, first: i32, last: i32) -> Self {
        Self {
            year: RwSignal::new(year.clamp(first, last)),
            city: RwSignal::new(None),
            event: RwSignal::new(None),
            years: (first, last),
        }
    }

    pub fn year(&self) -> i32 {
        self.year.get()
    }

    /// The range of years the slider offers.
    pub fn years(&self) -> (i32, i32) {
        self.years
    }

    /// Selects `year`, kept within the atlas's years.
    pub fn set_year(&self, year: i32) {
        let year = year.clamp(self.years.0, self.years.1);
        if self.year.get_untracked() != year {
            self.year.set(year);
        }
    }

    pub fn city(&self) -> Option<PlaceId> {
        self.city.get()
    }

    pub fn is_open(&self, place: &PlaceId) -> bool {
        self.city.with(|city| city.as_ref() == Some(place))
    }

    pub fn open_city(&self, place: PlaceId) {
        self.city.set(Some(place));
    }

    pub fn close_city(&self) {
        self.city.set(None);
    }

    /// The event whose details are open, if any.
    pub fn opened_event(&self) -> Option<atlas_core::EventIndex> {
        self.event.get()
    }

    /// The event whose details are open, without tracking.
    pub fn opened_event_untracked(&self) -> Option<atlas_core::EventIndex> {
        self.event.get_untracked()
    }

    /// Marks `event` as the one whose details are open (`None` when they close).
    pub fn set_opened_event(&self, event: Option<atlas_core::EventIndex>) {
        if self.event.get_untracked() != event {
            self.event.set(event);
        }
    }

    /// Closes the open panel and returns keyboard focus to its city, as a reader who
    /// pressed Escape or Close expects.
    pub fn close_city_and_refocus(&self) {
        if let Some(place) = self.city.get_untracked() {
            self.city.set(None);
            crate::browser::focus_city_marker(place.as_str());
        }
    }
}

/// The language everything is shown in, and the interfaces of every offered language.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
    languages: RwSignal<Arc<Languages>>,
}

impl Locale {
    /// Starts in `lang` with only the built-in English interface, until the language files load.
    pub fn new(lang: Lang) -> Self {
        Self { lang: RwSignal::new(lang), languages: RwSignal::new(Arc::new(Languages::builtin())) }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The language, without tracking (for a view drawn once in it and keyed by it).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches to `lang` if the atlas offers it.
    pub fn set_lang(&self, lang: Lang) {
        if self.languages.with_untracked(|l| l.find(lang).is_some()) && self.lang.get_untracked() != lang {
            self.lang.set(lang);
        }
    }

    /// Takes the loaded languages and shows `lang` (English if it is not offered).
    pub fn set_languages(&self, languages: Languages, lang: Lang) {
        let lang = if languages.find(lang).is_some() { lang } else { Lang::EN };
        self.languages.set(Arc::new(languages));
        self.lang.set(lang);
    }

    /// The offered languages and their interfaces.
    pub fn languages(&self) -> Arc<Languages> {
        self.languages.get()
    }

    /// The interface texts in the current language.
    pub fn text(&self) -> Arc<UiText> {
        let lang = self.lang();
        self.languages.with(|l| l.get(lang))
    }

    /// The interface texts in `lang` (English where it is not offered), without tracking.
    pub fn text_in(&self, lang: Lang) -> Arc<UiText> {
        self.languages.with_untracked(|l| l.get(lang))
    }
}

/// The positions (in `Atlas::events`) of the events active in the selected year,
/// read by the map and the list alike.
#[derive(Debug, Clone, Copy)]
pub struct ActiveEvents(pub Memo<Vec<atlas_core::EventIndex>>);

/// The reader's zoom and pan of the map.
#[derive(Debug, Clone, Copy)]
pub struct MapViewState(pub RwSignal<atlas_core::geo::MapView>);

/// Whether the years are playing by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayMode {
    Stopped,
    /// A reader pressed play: one pass to the last year.
    Playing,
    /// The idle kiosk's loop over all years, until the next touch.
    Attract,
}

/// Playback of the years.
#[derive(Debug, Clone, Copy)]
pub struct Playback(pub RwSignal<PlayMode>);

impl Playback {
    pub fn mode(&self) -> PlayMode {
        self.0.get()
    }

    pub fn set(&self, mode: PlayMode) {
        if self.0.get_untracked() != mode {
            self.0.set(mode);
        }
    }
}
