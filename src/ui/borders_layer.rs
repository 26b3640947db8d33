//! The states as they stood on the reference day (1 July) of the selected year, in one frame:
//! drawn again only when the borders change (a new epoch), not on every slider step. Each
//! state has its own colour (atlas-core's palette); an occupied one keeps it and is hatched.
use std::sync::Arc;

use atlas_core::borders::{reference_day, StatePeriod};
use atlas_core::geo::palette::fill;
use atlas_core::geo::{polygons_path, MapLayout};
use atlas_core::i18n::UiText;
use atlas_core::HistoricDate;
use leptos::prelude::*;

use crate::state::{Locale, Selection};
use atlas_core::DataSet;

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

/// The borders of the selected year's reference day in frame `frame` of `layout` (the caller
/// clips them to the frame).
#[component]
pub fn BordersLayer(
    /// The frames of the map (main and insets).
    layout: Memo<Arc<MapLayout>>,
    /// Which frame this layer draws (0: the main frame).
    frame: usize,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    // Every period's path in this frame, computed once per layout.
    let paths = {
        let data = data.clone();
        Memo::new(move |_| {
            let layout = layout.get();
            let Some(frame) = layout.frames.get(frame) else { return Arc::new(Vec::new()) };
            Arc::new(
                data.borders.periods().iter().map(|period| polygons_path(&period.polygons, frame)).collect::<Vec<_>>(),
            )
        })
    };
    let borders = data.clone();
    let epoch = Memo::new(move |_| borders.borders.epoch_on(reference_day(selection.year())));
    let ids = {
        let data = data.clone();
        move || epoch.get().iter().map(|&i| data.borders.periods()[i].id.clone()).collect::<Vec<_>>().join(" ")
    };
    // Keyed by period: a step to a year with other borders adds the paths of the periods that
    // begin and removes those that end; the others keep their element, so a path's data is
    // parsed by the browser once, not on every step (issue 12).
    // Keyed also by the language and the layout the path was made for, so that a shape holds
    // no closure of its own (one would stay subscribed after the shape is gone).
    let shown = move || {
        let paths = paths.get();
        let (generation, lang) = (Arc::as_ptr(&paths) as usize, locale.lang());
        epoch
            .get()
            .into_iter()
            .filter(|&i| paths.get(i).is_some_and(Option::is_some))
            .map(|i| (i, lang, generation))
            .collect::<Vec<_>>()
    };
    let shapes = move || {
        view! {
            <For each=shown key=|shape| *shape let:((i, _, _))>
                <StateShape period=i paths=paths />
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
    /// Every period's path in this frame.
    paths: Memo<Arc<Vec<Option<String>>>>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let locale = expect_context::<Locale>();
    let d = paths.with_untracked(|p| p.get(period).cloned().flatten()).unwrap_or_default();
    let about = describe_period(&data.borders.periods()[period], &locale.text_in(locale.lang_untracked()));
    let period = &data.borders.periods()[period];
    let hatch = period.occupied_by.is_some().then(|| {
        view! { <path class="occupied" d=d.clone() fill="url(#hatch-occupied)" data-occupied-by=period.occupied_by.clone() /> }
    });
    view! {
        <path class=format!("state state-{}", period.state) d=d fill=fill(&period.state)>
            <title>{about}</title>
        </path>
        {hatch}
    }
}
