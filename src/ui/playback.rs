//! Play/pause through the years, and jumps to the previous and next year with an event.
use atlas_core::kiosk::PLAYBACK_STEP_MS;
use atlas_core::time::CalendarDay;
use leptos::prelude::*;
use leptos_use::{use_interval_fn_with_options, UseIntervalFnOptions};

use super::icon_button::{IconButton, Pressed};
use crate::state::{
    use_data, use_locale, use_playback, use_playback_setter, use_selection, use_selection_setter, PlayMode,
};

/// Runs the timer that steps the year while a reader's playback is on: one pass at reading
/// pace. (The kiosk's attract loop has its own schedule: [`super::use_attract_loop`].)
pub fn use_playback_timers() {
    let (playback, set_playback) = (use_playback(), use_playback_setter());
    let (selection, select) = (use_selection(), use_selection_setter());
    let (_, last) = selection.years();
    let step = move || match playback.mode() {
        PlayMode::Playing if selection.year() >= last => set_playback.set(PlayMode::Stopped),
        PlayMode::Playing => select.set_year(selection.year() + 1),
        PlayMode::Attract | PlayMode::Stopped => {}
    };
    let manual = use_interval_fn_with_options(step, PLAYBACK_STEP_MS, UseIntervalFnOptions::default().immediate(false));
    Effect::new(move |_| {
        (manual.pause)();
        if playback.mode() == PlayMode::Playing {
            (manual.resume)();
        }
    });
}

/// Icon shapes in a 24×24 box.
const PLAY_ICON: &str = "M7 4l13 8-13 8z";
const PAUSE_ICON: &str = "M6 4h4v16H6zM14 4h4v16h-4z";
const PREVIOUS_ICON: &str = "M5 4h3v16H5zM20 4v16L9 12z";
const NEXT_ICON: &str = "M16 4h3v16h-3zM4 4v16l11-8z";

/// Previous-change, play/pause and next-change buttons beside the slider.
#[component]
pub fn PlaybackControls() -> impl IntoView {
    let data = use_data();
    let (selection, select) = (use_selection(), use_selection_setter());
    let locale = use_locale();
    let (playback, set_playback) = (use_playback(), use_playback_setter());
    let playing = move || playback.is_playing();
    let (first, last) = selection.years();
    let toggle = move || {
        if playing() {
            set_playback.set(PlayMode::Stopped);
        } else {
            if selection.year() >= last {
                select.set_year(first);
            }
            set_playback.set(PlayMode::Playing);
        }
    };
    // ⏮ and ⏭ step through the days on which the map changes (an event, a treaty lapsing, a
    // border moving), within a year and across years.
    let changes = data.clone();
    let previous = Memo::new(move |_| changes.changes.before(selection.day()));
    let changes = data;
    let next = Memo::new(move |_| changes.changes.after(selection.day()));
    let jump = move |target: Memo<Option<CalendarDay>>| {
        move || {
            set_playback.set(PlayMode::Stopped);
            if let Some(day) = target.get_untracked() {
                select.set_day(day);
            }
        }
    };
    let text = move || locale.text();
    view! {
        <div class="playback">
            <IconButton
                testid="previous-change"
                label=Signal::derive(move || text().previous_change().to_owned())
                icon=PREVIOUS_ICON
                disabled=Signal::derive(move || previous.get().is_none())
                on_click=jump(previous)
            />
            <IconButton
                testid="play"
                label=Signal::derive(move || if playing() { text().pause().to_owned() } else { text().play().to_owned() })
                icon=Signal::derive(move || if playing() { PAUSE_ICON } else { PLAY_ICON })
                pressed=Signal::derive(move || if playing() { Pressed::On } else { Pressed::Off })
                on_click=toggle
            />
            <IconButton
                testid="next-change"
                label=Signal::derive(move || text().next_change().to_owned())
                icon=NEXT_ICON
                disabled=Signal::derive(move || next.get().is_none())
                on_click=jump(next)
            />
        </div>
    }
}
