//! The kiosk's idle behaviour: after a while without input, a visible countdown
//! with a button to stay; then everything returns to the start and the attract loop plays
//! the days on which something happens, opening a city's panel now and then, until the next
//! touch. The rules are [`atlas_core::kiosk::IdleMachine`]'s and the loop's schedule is
//! [`atlas_core::kiosk::AttractSchedule`]; this feeds them the browser's input and a clock.
use std::time::Duration;

use atlas_core::geo::dock::DockScene;
use atlas_core::geo::MapView;
use atlas_core::kiosk::{AttractSchedule, DayNews, IdleEffect, IdleInput, IdleMachine, PANEL_OPEN_AFTER_MS};
use atlas_core::time::CalendarDay;
use atlas_core::Lang;
use leptos::prelude::*;
use leptos_use::{
    use_element_size_with_options, use_idle, use_interval_fn, UseElementSizeOptions, UseElementSizeReturn,
    UseIdleReturn,
};

use super::map::use_map;
use crate::state::{
    use_data, use_locale, use_locale_setter, use_map_view, use_playback, use_playback_setter, use_selection_setter,
    use_start_link, PlayMode,
};

/// The attract loop as it plays: the schedule and the step on screen (`None` while a visitor
/// is there). Provided by [`use_attract_loop`] on a kiosk only.
#[derive(Debug, Clone, Copy)]
pub struct AttractLoop {
    schedule: StoredValue<AttractSchedule>,
    step: ReadSignal<Option<usize>>,
}

impl AttractLoop {
    /// The day of the step on screen, while the loop plays.
    pub fn day(&self) -> Option<CalendarDay> {
        let step = self.step.get()?;
        self.schedule.with_value(|s| s.steps().get(step).map(|s| s.day))
    }
}

/// Plays the attract loop while the playback is in [`PlayMode::Attract`]: each step of
/// [`AttractSchedule`] selects its day (the time bar's thumb and the map follow), opens its
/// city's panel a moment later where it has one, and gives way to the next after its time; the
/// panel it opened closes at the next step. A visitor's touch stops the playback, and with it
/// every step still pending (each checks that its pass of the loop is still the current one),
/// so that what the touch did stays on screen.
pub fn use_attract_loop() -> AttractLoop {
    let data = use_data();
    let schedule = StoredValue::new(AttractSchedule::new(&data));
    let playback = use_playback();
    let select = use_selection_setter();
    let step = RwSignal::new(None::<usize>);
    // Each pass of the loop (from a start to a touch) has its own number; a timer of an
    // earlier pass does nothing.
    let pass = StoredValue::new(0_u64);
    let opened_by_loop = StoredValue::new(false);
    Effect::new(move |_| {
        let attract = playback.mode() == PlayMode::Attract;
        pass.update_value(|n| *n += 1);
        opened_by_loop.set_value(false);
        step.set(attract.then_some(0).filter(|_| schedule.with_value(|s| !s.steps().is_empty())));
    });
    Effect::new(move |_| {
        let Some(index) = step.get() else { return };
        let Some(now) = schedule.with_value(|s| s.steps().get(index).cloned()) else { return };
        let this_pass = pass.get_value();
        let current = move || pass.get_value() == this_pass && playback_is_attract(playback);
        if opened_by_loop.get_value() {
            select.close_city();
            opened_by_loop.set_value(false);
        }
        select.set_day(now.day);
        if let Some(city) = now.open {
            set_timeout(
                move || {
                    if current() {
                        select.open_city(city);
                        opened_by_loop.set_value(true);
                    }
                },
                Duration::from_millis(PANEL_OPEN_AFTER_MS),
            );
        }
        set_timeout(
            move || {
                if current() {
                    step.set(Some(schedule.with_value(|s| s.next(index))));
                }
            },
            Duration::from_millis(now.dwell_ms),
        );
    });
    let attract = AttractLoop { schedule, step: step.read_only() };
    provide_context(attract);
    attract
}

fn playback_is_attract(playback: crate::state::Playback) -> bool {
    playback.mode_untracked() == PlayMode::Attract
}

/// What [`use_kiosk_idle`] gives the page.
#[derive(Debug, Clone, Copy)]
pub struct UseKioskIdleReturn {
    /// The seconds left before the kiosk returns to its start, while it counts down.
    pub countdown: Signal<Option<u32>>,
    /// "Stay": a visitor is here, the countdown stops.
    pub stay: Callback<()>,
}

/// Runs the kiosk's idle rules: watches for input (leptos-use's `use_idle`, and any pointer
/// down), ticks the countdown each second, and returns the page to `start_lang` and its start
/// when the countdown ends.
pub fn use_kiosk_idle(idle_seconds: u32, start_lang: Lang) -> UseKioskIdleReturn {
    let select = use_selection_setter();
    let locale = use_locale_setter();
    let playback = use_playback_setter();
    let map_view = use_map_view().0;
    let tour = use_context::<super::TourState>();
    let machine = RwSignal::new(IdleMachine::new());
    let apply = move |input: IdleInput| {
        let mut effect = None;
        machine.maybe_update(|machine| {
            let before = *machine;
            effect = machine.step(input);
            *machine != before
        });
        match effect {
            Some(IdleEffect::ReturnToStart) => {
                // A tour a visitor left running ends with the rest.
                if let Some(tour) = tour {
                    tour.end();
                }
                select.set_year(select.years().0);
                select.close_city();
                locale.set_lang(start_lang);
                map_view.set(MapView::HOME);
                playback.set(PlayMode::Attract);
            }
            Some(IdleEffect::StopAttract) => playback.stop_attract(),
            None => {}
        }
    };
    let UseIdleReturn { idle, .. } = use_idle(u64::from(idle_seconds) * 1000);
    Effect::new(move |was_idle: Option<bool>| {
        let now_idle = idle.get();
        if now_idle && was_idle != Some(true) {
            apply(IdleInput::IdleElapsed);
        } else if !now_idle {
            apply(IdleInput::Touch);
        }
        now_idle
    });
    let _clock = use_interval_fn(move || apply(IdleInput::Tick(1)), 1000);
    // Any touch, click or key during the countdown or the attract loop ends it.
    let _pointer = leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::pointerdown, move |_| {
        apply(IdleInput::Touch)
    });
    UseKioskIdleReturn {
        countdown: Signal::derive(move || machine.with(IdleMachine::seconds_left)),
        stay: Callback::new(move |()| apply(IdleInput::Touch)),
    }
}

/// Watches for idleness and shows the countdown: the seconds left, how to stay, and a "Stay"
/// button, which takes the focus while it is shown (an alert dialog; nothing else is then
/// hidden under it while focused) and gives it back when the countdown ends with a touch.
#[component]
pub fn KioskIdle(
    /// The language the kiosk starts in.
    start_lang: Lang,
) -> impl IntoView {
    let locale = use_locale();
    let UseKioskIdleReturn { countdown, stay } = use_kiosk_idle(use_start_link().idle_seconds(), start_lang);
    let stay_button = NodeRef::<leptos::html::Button>::new();
    // The element that had the focus before the countdown took it.
    let had_focus = StoredValue::new_local(None::<web_sys::Element>);
    // The button takes the focus when it appears (after noting who had it).
    Effect::new(move |_| {
        if let Some(button) = stay_button.get() {
            had_focus.set_value(leptos::prelude::document().active_element());
            let _ = button.focus();
        }
    });
    let playback = use_playback();
    Effect::new(move |was_shown: Option<bool>| {
        let shown = countdown.with(Option::is_some);
        // Not when the kiosk went back to its start: nobody is there.
        if !shown && was_shown == Some(true) && untrack(|| playback.mode()) != PlayMode::Attract {
            // Given back only if the focus was lost with the button (not moved on by a Tab).
            let document = leptos::prelude::document();
            let lost = document.active_element().is_none_or(|e| document.body().is_some_and(|b| *b == e));
            if let Some(element) = had_focus.get_value().filter(|e| lost && e.is_connected()) {
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                    let _ = element.focus();
                }
            }
            had_focus.set_value(None);
        }
        shown
    });
    view! {
        <Show when=move || countdown.get().is_some()>
            <div
                class="kiosk-countdown"
                role="alertdialog"
                aria-labelledby="kiosk-countdown-text"
                aria-describedby="kiosk-countdown-hint"
                data-testid="kiosk-countdown"
            >
                <p id="kiosk-countdown-text" data-testid="kiosk-countdown-text">{move || {
                    let n = countdown.get().unwrap_or(0);
                    locale.text().countdown(n, crate::browser::plural_category(locale.lang(), n))
                }}</p>
                <p id="kiosk-countdown-hint" class="kiosk-countdown-hint">{move || locale.text().countdown_hint().to_owned()}</p>
                <button type="button" data-testid="kiosk-stay" node_ref=stay_button on:click=move |_| stay.run(())>
                    {move || locale.text().stay().to_owned()}
                </button>
            </div>
        </Show>
    }
}

/// While the idle kiosk plays by itself: an invitation to touch the map and what happens on
/// the day on screen, docked on the map where it covers no highlighted city (atlas-core's
/// [`DockScene`] chooses the place; this measures the box and puts it there).
#[component]
pub fn AttractHint() -> impl IntoView {
    let data = StoredValue::new(use_data());
    let attract = expect_context::<AttractLoop>();
    let locale = use_locale();
    let playback = use_playback();
    let map = use_map();
    let hint = NodeRef::<leptos::html::Div>::new();
    // A resize of the box (a language's longer invitation, a window resized) places it again.
    let options = UseElementSizeOptions::default().box_(web_sys::ResizeObserverBoxOptions::BorderBox);
    let UseElementSizeReturn { width, height } = use_element_size_with_options(hint, options);
    let scene = Memo::new(move |_| {
        map.frames
            .with(|frames| map.labels.with(|labels| map.year.with(|year| DockScene::of_map(frames, labels, year))))
    });
    // Where it goes; where it was, while that still suits.
    let corner = RwSignal::new(None::<(f64, f64)>);
    // The box is measured as laid out with the day's news in it, in a task queued after the
    // updates of the same change (the news, the map's highlighted cities): never at the size
    // of the previous day's news, which a resize observer would report only a frame later.
    let place = move || {
        let Some(element) = hint.get_untracked() else { return };
        let (w, h) = (f64::from(element.offset_width()), f64::from(element.offset_height()));
        if w < 1.0 || h < 1.0 {
            return;
        }
        let previous = corner.get_untracked();
        let placed = scene.with_untracked(|scene| scene.place(w, h, previous));
        if previous != Some((placed.x, placed.y)) {
            corner.set(Some((placed.x, placed.y)));
        }
    };
    Effect::new(move |_| {
        scene.track();
        attract.day();
        locale.lang();
        width.track();
        height.track();
        if hint.get().is_some() {
            leptos::task::spawn_local(async move { place() });
        }
    });
    // The day's news: the events that begin (two at most), else the borders that change.
    let news = move || {
        let lang = locale.lang();
        let day = attract.day()?;
        let in_lang = |text: &atlas_core::Localized| {
            let (text, text_lang) = text.get(lang);
            (text.to_owned(), text_lang.to_string())
        };
        let (events, borders) = data.with_value(|data| {
            let news = DayNews::on(data, day);
            let events: Vec<_> = news.events.into_iter().take(2).map(in_lang).collect();
            let borders: Vec<_> = news.borders.into_iter().take(3).map(in_lang).collect();
            (events, borders)
        });
        let borders = (events.is_empty() && !borders.is_empty()).then(|| {
            view! {
                <li class="attract-borders">
                    <span class="attract-borders-label">{locale.text().attract_borders().to_owned()}</span>
                    <span class="attract-borders-names">
                        {borders.into_iter().map(|(text, lang)| view! { <span lang=lang>{text}</span> }).collect_view()}
                    </span>
                </li>
            }
        });
        (!events.is_empty() || borders.is_some()).then(|| {
            view! {
                <ul class="attract-news" data-testid="attract-news">
                    {events.into_iter().map(|(text, lang)| view! { <li lang=lang>{text}</li> }).collect_view()}
                    {borders}
                </ul>
            }
        })
    };
    view! {
        <Show when=move || playback.mode() == PlayMode::Attract>
            <div
                class="attract"
                class:placed=move || corner.get().is_some()
                data-testid="attract-hint"
                node_ref=hint
                style:left=move || corner.get().map(|(x, _)| format!("{x:.0}px"))
                style:top=move || corner.get().map(|(_, y)| format!("{y:.0}px"))
            >
                <p class="attract-invitation">{move || locale.text().attract_hint().to_owned()}</p>
                {news}
            </div>
        </Show>
    }
}
