//! The app's shared state: small `Copy` structs in context, each with a typed accessor
//! (`use_selection()`, `use_locale()`, …). Shared state comes in two halves: a read half that
//! every component may take, and a setter that only the components that change it take.
use std::sync::Arc;

use atlas_core::changes::year_view_day;
use atlas_core::i18n::{Languages, UiText};
use atlas_core::link::{LinkState, Mode, TextSize, DEFAULT_IDLE_SECONDS};
use atlas_core::time::CalendarDay;
use atlas_core::{DataSet, EventIndex, Lang, PlaceId};
use leptos::prelude::*;

/// The loaded atlas, base map, stages and languages.
pub fn use_data() -> Arc<DataSet> {
    expect_context::<Arc<DataSet>>()
}

/// What the address asked for when the page opened (`?kiosk`, `?embed`, `?idle=`, `?parent=`,
/// and the year, city and language to start at), read once by [`crate::mount`].
#[derive(Debug, Clone, Copy)]
pub struct StartLink(StoredValue<LinkState>);

impl StartLink {
    /// Puts `link` in context for the components below.
    pub fn provide(link: LinkState) -> StartLink {
        let start = StartLink(StoredValue::new(link));
        provide_context(start);
        start
    }

    /// The address the page was opened with.
    pub fn link(&self) -> LinkState {
        self.0.get_value()
    }

    /// How the page is laid out: in a browser, on a kiosk or embedded.
    pub fn mode(&self) -> Mode {
        self.0.with_value(|link| link.mode)
    }

    /// Seconds without input before a kiosk counts down to its start (`?idle=`, else 120).
    pub fn idle_seconds(&self) -> u32 {
        self.0.with_value(|link| link.idle_seconds.unwrap_or(DEFAULT_IDLE_SECONDS))
    }
}

/// The address the page was opened with.
pub fn use_start_link() -> StartLink {
    expect_context::<StartLink>()
}

/// How the page is laid out (`?kiosk`, `?embed`, else a page in a browser), read once.
pub fn use_mode() -> Mode {
    use_start_link().mode()
}

/// The selected day (and so its year), the city whose panel is open and the event whose details
/// are open: the read half (see [`SelectionSetter`] for the write half).
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    day: ReadSignal<CalendarDay>,
    /// The year of `day`, a memo of its own: what depends on the year only (the list, the
    /// highlighted places) does not wake when ⏮/⏭ move the day within the year.
    year: Memo<i32>,
    city: ReadSignal<Option<PlaceId>>,
    /// The event whose details a reader has opened (its place and line are highlighted on the map).
    event: ReadSignal<Option<EventIndex>>,
    years: (i32, i32),
    /// Which year is selected, for the time bar's ticks that each ask whether it is theirs.
    selected_year: StoredValue<Selector<i32>>,
    /// Which city is open, for the many markers that each ask whether it is theirs.
    open_city: StoredValue<Selector<Option<PlaceId>>>,
    /// The place of the opened event, likewise.
    opened_event_place: StoredValue<Selector<Option<PlaceId>>>,
}

/// The write half of the [`Selection`], for the components that change it.
#[derive(Debug, Clone, Copy)]
pub struct SelectionSetter {
    day: RwSignal<CalendarDay>,
    city: RwSignal<Option<PlaceId>>,
    event: RwSignal<Option<EventIndex>>,
    years: (i32, i32),
}

/// Creates the selection at `day` (its year kept within `first..=last`) and puts both halves in
/// context. `data` tells where an opened event took place.
pub fn provide_selection(day: CalendarDay, first: i32, last: i32, data: Arc<DataSet>) -> (Selection, SelectionSetter) {
    let day = if (first..=last).contains(&day.year) { day } else { year_view_day(day.year.clamp(first, last)) };
    let setter = SelectionSetter {
        day: RwSignal::new(day),
        city: RwSignal::new(None),
        event: RwSignal::new(None),
        years: (first, last),
    };
    let (day, city, event) = (setter.day.read_only(), setter.city.read_only(), setter.event.read_only());
    let year = Memo::new(move |_| day.get().year);
    let selection = Selection {
        day,
        year,
        city,
        event,
        years: (first, last),
        selected_year: StoredValue::new(Selector::new(move || year.get())),
        open_city: StoredValue::new(Selector::new(move || city.get())),
        opened_event_place: StoredValue::new(Selector::new(move || {
            event.get().and_then(|index| data.atlas.event(index).place.clone())
        })),
    };
    provide_context(selection);
    provide_context(setter);
    (selection, setter)
}

/// What the reader has selected.
pub fn use_selection() -> Selection {
    expect_context::<Selection>()
}

/// The handle that changes what the reader has selected.
pub fn use_selection_setter() -> SelectionSetter {
    expect_context::<SelectionSetter>()
}

impl Selection {
    /// The selected year (the year of [`Selection::day`]).
    pub fn year(&self) -> i32 {
        self.year.get()
    }

    /// The selected day: the borders and the treaties in force are those of this day.
    pub fn day(&self) -> CalendarDay {
        self.day.get()
    }

    /// The range of years the slider offers.
    pub fn years(&self) -> (i32, i32) {
        self.years
    }

    /// Whether `year` is the selected one; only the ticks whose answer changes are notified.
    pub fn is_selected_year(&self, year: i32) -> bool {
        self.selected_year.with_value(|selected| selected.selected(&year))
    }

    pub fn city(&self) -> Option<PlaceId> {
        self.city.get()
    }

    /// Whether `place`'s panel is open; only the markers whose answer changes are notified.
    pub fn is_open(&self, place: &PlaceId) -> bool {
        self.open_city.with_value(|open| open.selected(&Some(place.clone())))
    }

    /// The event whose details are open, if any.
    pub fn opened_event(&self) -> Option<EventIndex> {
        self.event.get()
    }

    /// Whether the event whose details are open took place at `place`; only the markers whose
    /// answer changes are notified.
    pub fn is_event_opened_at(&self, place: &PlaceId) -> bool {
        self.opened_event_place.with_value(|opened| opened.selected(&Some(place.clone())))
    }
}

impl SelectionSetter {
    /// The range of years the slider offers.
    pub fn years(&self) -> (i32, i32) {
        self.years
    }

    /// Selects `year` (the day it shows, [`year_view_day`]), kept within the atlas's years.
    pub fn set_year(&self, year: i32) {
        self.set_day(year_view_day(year.clamp(self.years.0, self.years.1)));
    }

    /// Selects `day`, if it lies within the atlas's years.
    pub fn set_day(&self, day: CalendarDay) {
        if (self.years.0..=self.years.1).contains(&day.year) && self.day.get_untracked() != day {
            self.day.set(day);
        }
    }

    /// The selected day, without tracking it (for a handler that steps from it).
    pub fn day_untracked(&self) -> CalendarDay {
        self.day.get_untracked()
    }

    pub fn open_city(&self, place: PlaceId) {
        self.city.set(Some(place));
    }

    pub fn close_city(&self) {
        self.city.set(None);
    }

    /// Marks `event` as the one whose details are open (`None` when they close).
    pub fn set_opened_event(&self, event: Option<EventIndex>) {
        if self.event.get_untracked() != event {
            self.event.set(event);
        }
    }

    /// Closes `event`'s details if they are the open ones (when its item closes or goes away).
    pub fn close_event(&self, event: EventIndex) {
        if self.event.get_untracked() == Some(event) {
            self.event.set(None);
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

/// The language everything is shown in, and the interfaces of every offered language: the read
/// half (see [`LocaleSetter`] for the write half).
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    lang: ReadSignal<Lang>,
    languages: ReadSignal<Arc<Languages>>,
    /// Which language is current, for the switcher's buttons that each ask whether it is theirs.
    current: StoredValue<Selector<Lang>>,
}

/// The write half of the [`Locale`]: switches the language, takes the loaded languages.
#[derive(Debug, Clone, Copy)]
pub struct LocaleSetter {
    lang: RwSignal<Lang>,
    languages: RwSignal<Arc<Languages>>,
}

/// Starts in `lang` with only the built-in English interface until the language files load,
/// and puts both halves in context.
pub fn provide_locale(lang: Lang) -> (Locale, LocaleSetter) {
    let setter = LocaleSetter { lang: RwSignal::new(lang), languages: RwSignal::new(Arc::new(Languages::builtin())) };
    let lang = setter.lang.read_only();
    let locale = Locale {
        lang,
        languages: setter.languages.read_only(),
        current: StoredValue::new(Selector::new(move || lang.get())),
    };
    provide_context(locale);
    provide_context(setter);
    (locale, setter)
}

/// The language and texts to show.
pub fn use_locale() -> Locale {
    expect_context::<Locale>()
}

/// The handle that switches the language.
pub fn use_locale_setter() -> LocaleSetter {
    expect_context::<LocaleSetter>()
}

impl Locale {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The language, without tracking (for a view drawn once in it and keyed by it).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Whether `lang` is the current language; only the buttons whose answer changes are notified.
    pub fn is_current(&self, lang: Lang) -> bool {
        self.current.with_value(|current| current.selected(&lang))
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

impl LocaleSetter {
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
}

/// The positions (in `Atlas::events`) of the events active in the selected year,
/// read by the map and the list alike.
#[derive(Debug, Clone, Copy)]
pub struct ActiveEvents(pub Memo<Vec<EventIndex>>);

/// The events active in the selected year.
pub fn use_active_events() -> ActiveEvents {
    expect_context::<ActiveEvents>()
}

/// The reader's zoom and pan of the map.
#[derive(Debug, Clone, Copy)]
pub struct MapViewState(pub RwSignal<atlas_core::geo::MapView>);

/// The reader's zoom and pan of the map.
pub fn use_map_view() -> MapViewState {
    expect_context::<MapViewState>()
}

/// Whether the years are playing by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayMode {
    Stopped,
    /// A reader pressed play: one pass to the last year.
    Playing,
    /// The idle kiosk's loop over all years, until the next touch.
    Attract,
}

/// Playback of the years: the read half (see [`PlaybackSetter`]).
#[derive(Debug, Clone, Copy)]
pub struct Playback(ReadSignal<PlayMode>);

/// The write half of [`Playback`]: plays, stops, starts the attract loop.
#[derive(Debug, Clone, Copy)]
pub struct PlaybackSetter(RwSignal<PlayMode>);

/// Starts with playback stopped and puts both halves in context.
pub fn provide_playback() -> (Playback, PlaybackSetter) {
    let mode = RwSignal::new(PlayMode::Stopped);
    let halves = (Playback(mode.read_only()), PlaybackSetter(mode));
    provide_context(halves.0);
    provide_context(halves.1);
    halves
}

/// Whether the years are playing by themselves.
pub fn use_playback() -> Playback {
    expect_context::<Playback>()
}

/// The handle that plays and stops the years.
pub fn use_playback_setter() -> PlaybackSetter {
    expect_context::<PlaybackSetter>()
}

impl Playback {
    pub fn mode(&self) -> PlayMode {
        self.0.get()
    }

    /// The mode, without tracking it (for a timer that checks it has not been stopped).
    pub fn mode_untracked(&self) -> PlayMode {
        self.0.get_untracked()
    }

    pub fn is_playing(&self) -> bool {
        self.mode() != PlayMode::Stopped
    }
}

impl PlaybackSetter {
    pub fn set(&self, mode: PlayMode) {
        if self.0.get_untracked() != mode {
            self.0.set(mode);
        }
    }

    /// Stops the kiosk's attract loop, and only that (a reader's own playing goes on).
    pub fn stop_attract(&self) {
        if self.0.get_untracked() == PlayMode::Attract {
            self.0.set(PlayMode::Stopped);
        }
    }
}

/// The size of the page's type (`?text=large`, the "A / A+" control): one signal, read by the
/// page's root (a class that grows the type scale) and the address, written by the control.
#[derive(Debug, Clone, Copy)]
pub struct TextScale(RwSignal<TextSize>);

/// Starts at `size` and puts the [`TextScale`] in context.
pub fn provide_text_scale(size: TextSize) -> TextScale {
    let scale = TextScale(RwSignal::new(size));
    provide_context(scale);
    scale
}

/// The page's text size.
pub fn use_text_scale() -> TextScale {
    expect_context::<TextScale>()
}

impl TextScale {
    pub fn get(&self) -> TextSize {
        self.0.get()
    }

    pub fn set(&self, size: TextSize) {
        if self.0.get_untracked() != size {
            self.0.set(size);
        }
    }
}
