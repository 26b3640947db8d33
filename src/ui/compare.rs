//! Two dates side by side (`?compare=1923,1940-08-10`, atlas-core's [`atlas_core::compare`]): a
//! second map beside the first (stacked on a phone), each with its date written large over a
//! small control (⏮, the year, ⏭) and its own key; both follow one zoom and pan (the page's
//! [`crate::state::MapViewState`]). The second date is the time bar's (the selection's day); the
//! first is this module's. A city opens one panel that tells it on both dates, and the side column
//! says what changed from one date to the other. Closing the comparison drops the first map.
use std::sync::Arc;

use atlas_core::changes::year_view_day;
use atlas_core::compare::{city_on, step, ComparePair, Side};
use atlas_core::i18n::UiText;
use atlas_core::time::CalendarDay;
use atlas_core::what_changed::{steps, WhatChanged};
use atlas_core::{DataSet, PlaceId};
use leptos::prelude::*;

use super::icon_button::{IconButton, Pressed};
use super::{AtlasMap, EventItem};
use crate::browser::plural_category;
use crate::state::{use_data, use_locale, use_playback_setter, use_selection, use_selection_setter, PlayMode};

/// Whether two dates are side by side, and the first of them (the second is the selection's day).
#[derive(Debug, Clone, Copy)]
pub struct CompareState {
    left: RwSignal<Option<CalendarDay>>,
    /// Whether it is open, a memo of its own: what depends on that alone (the first map, the
    /// side column) does not wake when the first date moves.
    open: Memo<bool>,
}

impl CompareState {
    /// Whether the comparison is open.
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// The first date, while the comparison is open.
    pub fn left(&self) -> Option<CalendarDay> {
        self.left.get()
    }

    /// Opens the comparison with `left` as its first date (or moves its first date there).
    pub fn set_left(&self, left: CalendarDay) {
        if self.left.get_untracked() != Some(left) {
            self.left.set(Some(left));
        }
    }

    /// Closes the comparison: the first map goes, the second stays as the page's one map.
    pub fn close(&self) {
        if self.left.get_untracked().is_some() {
            self.left.set(None);
        }
    }

    /// The pair for the address, with `right` (the selection's day) as the second date.
    pub fn pair(&self, right: CalendarDay) -> Option<ComparePair> {
        self.left.get().map(|left| ComparePair { left, right })
    }
}

/// Puts the comparison's state in context, open at `left` when the address asked for one.
pub fn provide_compare(left: Option<CalendarDay>) -> CompareState {
    let left = RwSignal::new(left);
    let state = CompareState { left, open: Memo::new(move |_| left.with(Option::is_some)) };
    provide_context(state);
    state
}

/// The comparison's state.
pub fn use_compare() -> CompareState {
    expect_context::<CompareState>()
}

/// The first date a reader gets on opening the comparison: 1923, the year of the first
/// alliance, when the time bar is later than it; else the atlas's last year.
fn default_left(day: CalendarDay, years: (i32, i32)) -> CalendarDay {
    let alliance = year_view_day(1923.clamp(years.0, years.1));
    if day > alliance {
        alliance
    } else {
        year_view_day(years.1)
    }
}

/// Two maps side by side, one over the other.
const COMPARE_ICON: &str = "M3 4h8v16H3zm2 2v12h4V6zM13 4h8v16h-8zm2 2v12h4V6z";

/// The time bar's button that opens the comparison and closes it (`aria-pressed`).
#[component]
pub fn CompareButton() -> impl IntoView {
    let compare = use_compare();
    let selection = use_selection();
    let locale = use_locale();
    let playback = use_playback_setter();
    let toggle = move || {
        if compare.is_open() {
            compare.close();
        } else {
            playback.set(PlayMode::Stopped);
            compare.set_left(default_left(selection.day(), selection.years()));
        }
    };
    view! {
        <IconButton
            testid="compare-open"
            label=Signal::derive(move || {
                let text = locale.text();
                if compare.is_open() { text.compare_close().to_owned() } else { text.compare_open().to_owned() }
            })
            icon=COMPARE_ICON
            pressed=Signal::derive(move || if compare.is_open() { Pressed::On } else { Pressed::Off })
            on_click=toggle
        />
    }
}

/// The first map with its date, and the second map's date, while the comparison is open: the
/// map area's grid puts them beside (or over) the page's own map, which is the second.
#[component]
pub fn CompareMaps() -> impl IntoView {
    let compare = use_compare();
    let selection = use_selection();
    let select = use_selection_setter();
    move || {
        // Only whether it is open: a new first date redraws the map's layers, not a new map.
        compare.is_open().then(|| {
            let left = Signal::derive(move || compare.left().unwrap_or_else(|| selection.day()));
            let right = Signal::derive(move || selection.day());
            view! {
                <CompareDate side=Side::Left day=left on_set=Callback::new(move |day: CalendarDay| compare.set_left(day)) />
                <AtlasMap day=left testid="compare-map-left" />
                <CompareDate side=Side::Right day=right on_set=Callback::new(move |day: CalendarDay| select.set_day(day)) />
            }
        })
    }
}

const PREVIOUS_ICON: &str = "M5 4h3v16H5zM20 4v16L9 12z";
const NEXT_ICON: &str = "M16 4h3v16h-3zM4 4v16l11-8z";

/// One map's date, large, and ⏮ / the year / ⏭ to change it (the steps of the time bar).
#[component]
fn CompareDate(
    /// Which map's.
    side: Side,
    /// Its date.
    day: Signal<CalendarDay>,
    /// Sets its date.
    on_set: Callback<CalendarDay>,
) -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let selection = use_selection();
    let (first, last) = selection.years();
    let all_steps = StoredValue::new(steps(&data));
    let shown = move || {
        let text = locale.text();
        let day = day.get();
        if day == year_view_day(day.year) {
            day.year.to_string()
        } else {
            text.shown_date(&data.changes.shown_date(day))
        }
    };
    let target = move |forward: bool| Memo::new(move |_| all_steps.with_value(|s| step(s, day.get(), forward)));
    let (previous, next) = (target(false), target(true));
    let go = move |to: Memo<Option<CalendarDay>>| {
        move || {
            if let Some(day) = to.get_untracked() {
                on_set.run(day);
            }
        }
    };
    let name = move || {
        let text = locale.text();
        match side {
            Side::Left => text.compare_first().to_owned(),
            Side::Right => text.compare_second().to_owned(),
        }
    };
    let years = (first..=last)
        .map(|year| view! { <option value=year.to_string() selected=move || day.get().year == year>{year}</option> })
        .collect_view();
    view! {
        <div class=format!("compare-date compare-date-{}", side.as_str()) role="group" aria-label=name>
            <p class="compare-date-text" data-testid=format!("compare-date-{}", side.as_str()) lang=move || locale.lang().code().to_owned()>
                {shown}
            </p>
            <div class="compare-date-control">
                <IconButton
                    testid=match side { Side::Left => "compare-left-previous", Side::Right => "compare-right-previous" }
                    label=Signal::derive(move || locale.text().previous_change().to_owned())
                    icon=PREVIOUS_ICON
                    disabled=Signal::derive(move || previous.get().is_none())
                    on_click=go(previous)
                />
                <select
                    data-testid=format!("compare-year-{}", side.as_str())
                    aria-label=move || format!("{}: {}", name(), locale.text().year())
                    prop:value=move || day.get().year.to_string()
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                            on_set.run(year_view_day(year));
                        }
                    }
                >
                    {years}
                </select>
                <IconButton
                    testid=match side { Side::Left => "compare-left-next", Side::Right => "compare-right-next" }
                    label=Signal::derive(move || locale.text().next_change().to_owned())
                    icon=NEXT_ICON
                    disabled=Signal::derive(move || next.get().is_none())
                    on_click=go(next)
                />
            </div>
        </div>
    }
}

/// In the side column while the comparison is open and no city is: what changed from one date
/// to the other, how the two maps behave, and the button that closes the comparison.
#[component]
pub fn CompareSummary() -> impl IntoView {
    let compare = use_compare();
    let selection = use_selection();
    let locale = use_locale();
    let data = use_data();
    let sentence = Memo::new(move |_| {
        let left = compare.left()?;
        let text = locale.text();
        let lang = text.lang();
        Some(
            WhatChanged::between(&data, Some(left), selection.day())
                .sentence(&data, &text, &|n| plural_category(lang, n)),
        )
    });
    view! {
        <section class="compare-summary" data-testid="compare-summary" aria-labelledby="compare-heading" hidden=move || selection.city().is_some()>
            <div class="compare-summary-head">
                <h2 id="compare-heading">{move || locale.text().compare_title().to_owned()}</h2>
                <button class="close" data-testid="compare-close" on:click=move |_| compare.close()>
                    <span aria-hidden="true">"✕ "</span>
                    {move || locale.text().compare_close().to_owned()}
                </button>
            </div>
            <p class="compare-changes" data-testid="compare-changes" lang=move || locale.lang().code().to_owned()>
                {move || sentence.get()}
            </p>
            <p class="compare-hint">{move || locale.text().compare_hint().to_owned()}</p>
        </section>
    }
}

/// A city's panel while the comparison is open: its name, and for each date the state it lay in
/// and its events then. Drawn whole again when the city, a date or the language changes (the
/// views inside read no signal, so nothing of them stays subscribed once they are gone).
#[component]
pub fn CompareCityPanel(
    /// The open city.
    place: PlaceId,
) -> impl IntoView {
    let compare = use_compare();
    let selection = use_selection();
    let select = use_selection_setter();
    let locale = use_locale();
    let data = use_data();
    let place = StoredValue::new(place);
    // The close button takes the focus when the panel opens (as a city's panel's does), not when
    // a date changes and the panel is drawn again.
    let close_button = NodeRef::<leptos::html::Button>::new();
    let focused = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            if !focused.get_value() {
                focused.set_value(true);
                let _ = button.focus();
            }
        }
    });
    move || {
        let (left, right) = (compare.left()?, selection.day());
        let text = locale.text();
        let lang = text.lang();
        let data = data.clone();
        let sides = place.with_value(|place| {
            [(Side::Left, left), (Side::Right, right)]
                .into_iter()
                .map(|(side, day)| city_side(&data, &text, place, side, day))
                .collect::<Vec<_>>()
        });
        let heading = place.with_value(|place| {
            let names: Vec<String> = [left, right]
                .iter()
                .filter_map(|&day| city_on(&data, place, day).map(|c| c.name.get(lang).0.to_owned()))
                .collect();
            match names.as_slice() {
                [a, b] if a != b => format!("{a} / {b}"),
                [a, ..] => a.clone(),
                [] => String::new(),
            }
        });
        let close = text.close().to_owned();
        Some(view! {
            <section class="city-panel compare-city" data-testid="city-panel" aria-labelledby="city-panel-heading">
                <div class="city-panel-head">
                    <h2 id="city-panel-heading">{heading}</h2>
                    <button class="close" node_ref=close_button on:click=move |_| select.close_city_and_refocus()>
                        <span aria-hidden="true">"✕ "</span>
                        {close}
                    </button>
                </div>
                {sides}
            </section>
        })
    }
}

/// One date's section of a city's panel in the comparison.
fn city_side(data: &Arc<DataSet>, text: &UiText, place: &PlaceId, side: Side, day: CalendarDay) -> AnyView {
    let lang = text.lang();
    let Some(city) = city_on(data, place, day) else { return ().into_any() };
    let date = if day == year_view_day(day.year) {
        day.year.to_string()
    } else {
        text.shown_date(&data.changes.shown_date(day))
    };
    let state = city.state.map(|period| {
        let (name, name_lang) = period.name.get(lang);
        view! { <p class="compare-city-state" lang=name_lang.code().to_owned()>{text.compare_state(name)}</p> }
    });
    let events = if city.events.is_empty() {
        view! { <p class="empty">{text.compare_nothing().to_owned()}</p> }.into_any()
    } else {
        let items = city.events.iter().map(|&index| view! { <EventItem index=index lang=lang /> }).collect_view();
        view! { <ol class="panel-events">{items}</ol> }.into_any()
    };
    view! {
        <section class="compare-city-date" data-testid=format!("compare-city-{}", side.as_str())>
            <h3 class="compare-city-day">{date}</h3>
            {state}
            {events}
        </section>
    }
    .into_any()
}
