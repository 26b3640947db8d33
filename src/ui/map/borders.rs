//! The states as they stood on the reference day (1 July) of the selected year, in one frame:
//! drawn again only when the borders change (a new epoch), not on every slider step. Each
//! state has its own colour (atlas-core's palette); an occupied one keeps it and is hatched.
use std::sync::Arc;

use atlas_core::borders::StatePeriod;
use atlas_core::geo::palette::fill;
use atlas_core::i18n::UiText;
use atlas_core::HistoricDate;
use leptos::prelude::*;

use super::use_map;
use crate::state::{use_data, use_locale};

/// What a historian sees on hovering over a state: its name, the period its border stood and
/// the sources of its lines (the data's own words).
fn describe_period(period: &StatePeriod, text: &UiText) -> String {
    let lang = text.lang();
    let day = |d: atlas_core::time::CalendarDay| {
        HistoricDate::day(d.year, d.month, d.day).map(|d| text.dates().date(&d)).unwrap_or_default()
    };
    let until = period.last_day().map(day).unwrap_or_default();
    let mut text = format!("{} ({} – {until})", period.name.text(lang), day(period.first_day()));
    if let Some(note) = &period.note {
        text.push_str(&format!("\n{note}"));
    }
    for source in &period.sources {
        text.push_str(&format!("\n• {source}"));
    }
    text
}

/// The borders of the selected year's reference day in frame `frame` of the map (the caller
/// clips them to the frame).
#[component]
pub fn BordersLayer(
    /// Which frame this layer draws (0: the main frame).
    frame: usize,
) -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let map = use_map();
    let ids = move || {
        map.epoch
            .with(|epoch| epoch.iter().map(|&i| data.borders.periods()[i].id.clone()).collect::<Vec<_>>().join(" "))
    };
    // Keyed by period: a step to a year with other borders adds the paths of the periods that
    // begin and removes those that end; the others keep their element, so a path's data is
    // parsed by the browser once, not on every step (issue 12).
    // Keyed also by the language and the box the path was made for, so that a shape holds
    // no closure of its own (one would stay subscribed after the shape is gone).
    let shown = move || {
        let frames = map.frames.get();
        let (generation, lang) = (Arc::as_ptr(&frames) as usize, locale.lang());
        let drawn = |i: &usize| frames.borders.get(frame).and_then(|paths| paths.get(*i)).is_some_and(Option::is_some);
        map.epoch.get().into_iter().filter(drawn).map(|i| (i, lang, generation)).collect::<Vec<_>>()
    };
    let shapes = move || {
        view! {
            <For each=shown key=|shape| *shape let:((period, _, _))>
                <StateShape period=period frame=frame />
            </For>
        }
    };
    if frame == 0 {
        view! { <g class="borders-layer" data-testid="borders" data-epoch=ids>{shapes}</g> }.into_any()
    } else {
        view! { <g class="borders-layer inset-borders" data-epoch=ids>{shapes}</g> }.into_any()
    }
}

/// One state period's shape in a frame (and its hatching when occupied), with its history as a
/// tooltip in the current language.
#[component]
fn StateShape(
    /// Its position in `Borders::periods`.
    period: usize,
    /// The frame it is drawn in.
    frame: usize,
) -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let map = use_map();
    let d = map.frames.with_untracked(|f| f.borders.get(frame).and_then(|p| p.get(period).cloned().flatten()));
    let d = d.unwrap_or_default();
    let about = describe_period(&data.borders.periods()[period], &locale.text_in(locale.lang_untracked()));
    let period = &data.borders.periods()[period];
    let hatch = period.occupied_by.is_some().then(|| {
        view! { <path class="occupied" d=d.clone() fill=map.ids.url("hatch") data-occupied-by=period.occupied_by.clone() /> }
    });
    view! {
        <path class=format!("state state-{}", period.state) d=d fill=fill(&period.state)>
            <title>{about}</title>
        </path>
        {hatch}
    }
}
