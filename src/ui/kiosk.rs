//! The kiosk's idle behaviour: after a while without input, a visible countdown
//! with a button to stay; then everything returns to the start and the years play
//! by themselves, stage by stage, until the next touch.
use atlas_core::geo::MapView;
use atlas_core::kiosk::countdown_seconds;
use atlas_core::Lang;
use leptos::prelude::*;
use leptos_use::{use_idle, use_interval_fn, UseIdleReturn};

use crate::state::{
    use_data, use_locale, use_locale_setter, use_map_view, use_playback, use_playback_setter, use_selection,
    use_selection_setter, use_start_link, PlayMode,
};

/// Watches for idleness and shows the countdown and the attract loop's hint.
#[component]
pub fn KioskIdle(
    /// The language the kiosk starts in.
    start_lang: Lang,
) -> impl IntoView {
    let idle_seconds = use_start_link().idle_seconds();
    let select = use_selection_setter();
    let (locale, switch) = (use_locale(), use_locale_setter());
    let (playback, set_playback) = (use_playback(), use_playback_setter());
    let map_view = use_map_view().0;
    let UseIdleReturn { idle, .. } = use_idle(u64::from(idle_seconds) * 1000);
    let countdown = RwSignal::new(None::<u32>);

    let return_to_start = move || {
        select.set_year(select.years().0);
        select.close_city();
        switch.set_lang(start_lang);
        map_view.set(MapView::HOME);
        set_playback.set(PlayMode::Attract);
    };
    Effect::new(move |was_idle: Option<bool>| {
        let now_idle = idle.get();
        if now_idle && was_idle != Some(true) && playback.mode() != PlayMode::Attract {
            countdown.set(Some(countdown_seconds(idle_seconds)));
        } else if !now_idle {
            countdown.set(None);
            set_playback.stop_attract();
        }
        now_idle
    });
    let _ticker = use_interval_fn(
        move || match countdown.get_untracked() {
            Some(n) if n <= 1 => {
                countdown.set(None);
                return_to_start();
            }
            Some(n) => countdown.set(Some(n - 1)),
            None => {}
        },
        1000,
    );
    // Any touch, click or key during the countdown or the attract loop ends it.
    let wake = move || {
        countdown.set(None);
        set_playback.stop_attract();
    };
    let _pointer = leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::pointerdown, move |_| wake());

    view! {
        <Show when=move || countdown.get().is_some()>
            <div class="kiosk-countdown" role="alertdialog" aria-live="assertive" data-testid="kiosk-countdown">
                <p>{move || {
                    let n = countdown.get().unwrap_or(0);
                    locale.text().countdown(n, crate::browser::plural_category(locale.lang(), n))
                }}</p>
                <button type="button" data-testid="kiosk-stay" on:click=move |_| wake()>
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
        let lang = locale.lang();
        let year = selection.year();
        data.with_value(|data| {
            data.stages.at(year).map(|stage| {
                let name = format!("{}, {}", stage.name.text(lang), stage.years());
                name
            })
        })
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
