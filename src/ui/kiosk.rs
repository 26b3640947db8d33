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
