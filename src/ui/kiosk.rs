//! The kiosk's idle behaviour: after a while without input, a visible countdown
//! with a button to stay; then everything returns to the start and the years play
//! by themselves, stage by stage, until the next touch. The rules are
//! [`atlas_core::kiosk::IdleMachine`]'s; this feeds it the browser's input and a clock.
use atlas_core::geo::MapView;
use atlas_core::kiosk::{IdleEffect, IdleInput, IdleMachine};
use atlas_core::Lang;
use leptos::prelude::*;
use leptos_use::{use_idle, use_interval_fn, UseIdleReturn};

use crate::state::{
    use_data, use_locale, use_locale_setter, use_map_view, use_playback, use_playback_setter, use_selection,
    use_selection_setter, use_start_link, PlayMode,
};

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
    let machine = RwSignal::new(IdleMachine::new(idle_seconds));
    let apply = move |input: IdleInput| {
        let mut effect = None;
        machine.maybe_update(|machine| {
            let before = *machine;
            effect = machine.step(input);
            *machine != before
        });
        match effect {
            Some(IdleEffect::ReturnToStart) => {
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

/// Watches for idleness and shows the countdown.
#[component]
pub fn KioskIdle(
    /// The language the kiosk starts in.
    start_lang: Lang,
) -> impl IntoView {
    let locale = use_locale();
    let UseKioskIdleReturn { countdown, stay } = use_kiosk_idle(use_start_link().idle_seconds(), start_lang);
    view! {
        <Show when=move || countdown.get().is_some()>
            <div class="kiosk-countdown" role="alertdialog" aria-live="assertive" data-testid="kiosk-countdown">
                <p>{move || {
                    let n = countdown.get().unwrap_or(0);
                    locale.text().countdown(n, crate::browser::plural_category(locale.lang(), n))
                }}</p>
                <button type="button" data-testid="kiosk-stay" on:click=move |_| stay.run(())>
                    {move || locale.text().stay().to_owned()}
                </button>
            </div>
        </Show>
    }
}

/// While the idle kiosk plays the years by itself: an invitation to touch the map, and the
/// stage of the story that the year belongs to (its story is told beside, in the list).
#[component]
pub fn AttractHint() -> impl IntoView {
    let data = StoredValue::new(use_data());
    let selection = use_selection();
    let locale = use_locale();
    let playback = use_playback();
    let stage = move || {
        let text = locale.text();
        let year = selection.year();
        data.with_value(|data| data.stages.at(year).map(|stage| stage.heading(&text)))
    };
    view! {
        <Show when=move || playback.mode() == PlayMode::Attract>
            <div class="attract" data-testid="attract-hint">
                <p class="attract-invitation">{move || locale.text().attract_hint().to_owned()}</p>
                {move || stage().map(|name| view! { <p class="attract-stage">{name}</p> })}
            </div>
        </Show>
    }
}
