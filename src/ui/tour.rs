//! A guided tour (`tours.json`, read by atlas-core's [`atlas_core::tours`]): a button beside the
//! time bar starts and ends it, and while it runs a row under the bar shows the stop's line with
//! previous, next and the stop counter ("3 / 12"). A stop selects its day and opens its city's
//! panel; the address carries `?tour=ID&stop=N`; the kiosk's return to its start ends it.
use std::sync::Arc;

use atlas_core::tours::TourPosition;
use atlas_core::DataSet;
use leptos::prelude::*;

use super::icon_button::{IconButton, Pressed};
use crate::state::{use_data, use_locale, use_playback_setter, use_selection_setter, PlayMode, SelectionSetter};

/// Where the reader is in a tour, if one runs, and the handles a stop needs.
#[derive(Debug, Clone, Copy)]
pub struct TourState {
    position: RwSignal<Option<TourPosition>>,
    data: StoredValue<Arc<DataSet>>,
    select: SelectionSetter,
}

impl TourState {
    pub fn position(&self) -> Option<TourPosition> {
        self.position.get()
    }

    /// Goes to a stop: its day, and its city's panel when the city has one (else no panel).
    pub fn go(&self, position: TourPosition) {
        let select = self.select;
        let found = self.data.with_value(|data| {
            let (_, stop) = data.tours.at(position)?;
            let city =
                stop.city.clone().filter(|id| data.atlas.place(id).is_some_and(|p| !p.is_context() && !p.is_town()));
            Some((stop.day(), city))
        });
        let Some((day, city)) = found else { return };
        select.set_day(day);
        match city {
            Some(city) => select.open_city(city),
            None => select.close_city(),
        }
        self.position.set(Some(position));
    }

    /// The stop after (or before) the one on screen, if there is one.
    pub fn neighbour(&self, forward: bool) -> Option<TourPosition> {
        let at = self.position.get()?;
        if forward {
            self.data.with_value(|data| at.next(&data.tours))
        } else {
            at.previous()
        }
    }

    /// The address's `tour` and `stop` (counted from 1) while a tour runs.
    pub fn link(&self) -> (Option<String>, Option<u32>) {
        let Some(at) = self.position.get() else { return (None, None) };
        let id = self.data.with_value(|data| data.tours.all().get(at.tour).map(|t| t.id.clone()));
        (id, u32::try_from(at.stop + 1).ok())
    }

    /// The stop on screen's line and the counter's words ("Stop 3 of 12"), for the live region.
    pub fn spoken(&self, text: &atlas_core::i18n::UiText) -> Option<String> {
        let at = self.position.get()?;
        self.data.with_value(|data| {
            let (_, stop) = data.tours.at(at)?;
            let (n, total) = at.counter(&data.tours);
            let counter = text.tour_stop_of(&n.to_string(), &total.to_string());
            Some(format!("{counter}: {}", stop.text.get(text.lang()).0))
        })
    }

    /// Ends the tour (the page stays where it is).
    pub fn end(&self) {
        if self.position.get_untracked().is_some() {
            self.position.set(None);
        }
    }
}

/// Creates the tour's state and puts it in context, starting the tour the address names
/// (`?tour=ID`, `&stop=N`); a tour that is not there, or a stop out of range, is told on the
/// console and the page goes on without it (or at the nearest stop).
pub fn provide_tour(tour: Option<&str>, stop: Option<u32>) -> TourState {
    let state =
        TourState { position: RwSignal::new(None), data: StoredValue::new(use_data()), select: use_selection_setter() };
    provide_context(state);
    // A step of the time bar away from the stop's day (the slider, ⏮/⏭, play) ends the tour.
    let selection = crate::state::use_selection();
    Effect::new(move |_| {
        let day = selection.day();
        let Some(at) = state.position.get() else { return };
        let stop_day = state.data.with_value(|data| data.tours.at(at).map(|(_, stop)| stop.day()));
        if stop_day != Some(day) {
            state.end();
        }
    });
    if let Some(id) = tour {
        match use_data().tours.resolve(id, stop) {
            Ok((position, message)) => {
                if let Some(message) = message {
                    web_sys::console::warn_1(&format!("entente-atlas: {message}").into());
                }
                state.go(position);
            }
            Err(message) => web_sys::console::warn_1(&format!("entente-atlas: {message}").into()),
        }
    }
    state
}

/// The tour's state.
pub fn use_tour() -> TourState {
    expect_context::<TourState>()
}

const TOUR_ICON: &str = "M5 3h2v18H5zM8 4h11l-3 4.5L19 13H8z";
const PREVIOUS_ICON: &str = "M15.5 4 17 5.5 10.5 12l6.5 6.5-1.5 1.5-8-8z";
const NEXT_ICON: &str = "M8.5 4 7 5.5 13.5 12 7 18.5 8.5 20l8-8z";

/// The button that starts the first tour, and ends a running one (`aria-pressed`). Not there when
/// `tours.json` has no tour.
#[component]
pub fn TourButton() -> impl IntoView {
    let data = use_data();
    let tour = use_tour();
    let locale = use_locale();
    let playback = use_playback_setter();
    let running = move || tour.position().is_some();
    (!data.tours.all().is_empty()).then(|| {
        let toggle = move || {
            if running() {
                tour.end();
            } else {
                playback.set(PlayMode::Stopped);
                tour.go(TourPosition { tour: 0, stop: 0 });
            }
        };
        view! {
            <IconButton
                testid="tour-start"
                label=Signal::derive(move || {
                    let text = locale.text();
                    if running() { text.tour_end().to_owned() } else { text.tour_start().to_owned() }
                })
                icon=TOUR_ICON
                pressed=Signal::derive(move || if running() { Pressed::On } else { Pressed::Off })
                on_click=toggle
            />
        }
    })
}

/// The running tour's row: previous, the counter, next and the stop's line.
#[component]
pub fn TourRow() -> impl IntoView {
    let data = use_data();
    let tour = use_tour();
    let locale = use_locale();
    let playback = use_playback_setter();
    let step = move |forward: bool| {
        move || {
            if let Some(target) = untrack(|| tour.neighbour(forward)) {
                playback.set(PlayMode::Stopped);
                tour.go(target);
            }
        }
    };
    let tours = data.clone();
    let stop_text = Memo::new(move |_| {
        let at = tour.position()?;
        let (_, stop) = tours.tours.at(at)?;
        let (text, lang) = stop.text.get(locale.lang());
        Some((text.to_owned(), lang.code().to_owned()))
    });
    let tours = data;
    let counter = Memo::new(move |_| tour.position().map(|at| at.counter(&tours.tours)).unwrap_or((0, 0)));
    let has_next = move || tour.neighbour(true).is_some();
    let text = move || locale.text();
    view! {
        <div class="tour-row" data-testid="tour">
            <IconButton
                testid="tour-prev"
                label=Signal::derive(move || text().tour_previous().to_owned())
                icon=PREVIOUS_ICON
                disabled=Signal::derive(move || tour.neighbour(false).is_none())
                on_click=step(false)
            />
            <p class="tour-counter" data-testid="tour-counter">
                <span aria-hidden="true">{move || format!("{} / {}", counter.get().0, counter.get().1)}</span>
                <span class="visually-hidden">
                    {move || text().tour_stop_of(&counter.get().0.to_string(), &counter.get().1.to_string())}
                </span>
            </p>
            <IconButton
                testid="tour-next"
                label=Signal::derive(move || text().tour_next().to_owned())
                icon=NEXT_ICON
                disabled=Signal::derive(move || !has_next())
                on_click=step(true)
            />
            <p class="tour-text" data-testid="tour-text" lang=move || stop_text.get().map(|(_, lang)| lang)>
                {move || stop_text.get().map(|(text, _)| text)}
            </p>
        </div>
    }
}
