//! The states as they stood on the selected day, in one frame: every period's shape drawn once
//! for the box, and shown while it stands (a step to other borders only shows and hides them).
//! Each state has its own colour (atlas-core's palette); an occupied one keeps it and is
//! hatched. What each border period is and where its lines come from is told by the "About
//! these borders" panel ([`super::about_borders`]), which touch and keyboard reach too.
use std::sync::Arc;

use atlas_core::geo::palette::fill;
use leptos::prelude::*;

use super::use_map;
use crate::state::use_data;

/// The borders of the selected day in frame `frame` of the map (the caller
/// clips them to the frame).
#[component]
pub fn BordersLayer(
    /// Which frame this layer draws (0: the main frame).
    frame: usize,
) -> impl IntoView {
    let data = use_data();
    let map = use_map();
    let periods = data.borders.periods().len();
    let ids = move || {
        map.epoch
            .with(|epoch| epoch.iter().map(|&i| data.borders.periods()[i].id.clone()).collect::<Vec<_>>().join(" "))
    };
    // Every period's shape is drawn once for the box, and a step to other borders only shows
    // the periods that stand and hides the others (`display`): no path is made or parsed on a
    // step (adding and parsing the paths of new borders was the largest part of a jump of
    // several years). Keyed also by the box the paths were made for: a new box draws them anew.
    // A shape has no words, so a change of language draws none of them again.
    let shown = move || {
        let frames = map.frames.get();
        let generation = Arc::as_ptr(&frames) as usize;
        let drawn = |i: &usize| frames.borders.get(frame).and_then(|paths| paths.get(*i)).is_some_and(Option::is_some);
        (0..periods).filter(drawn).map(|i| (i, generation)).collect::<Vec<_>>()
    };
    let shapes = move || {
        view! {
            <For each=shown key=|shape| *shape let:((period, _))>
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

/// One state period's shape in a frame, and its hatching when occupied.
#[component]
fn StateShape(
    /// Its position in `Borders::periods`.
    period: usize,
    /// The frame it is drawn in.
    frame: usize,
) -> impl IntoView {
    let data = use_data();
    let map = use_map();
    let d = map.frames.with_untracked(|f| f.borders.get(frame).and_then(|p| p.get(period).cloned().flatten()));
    let d = d.unwrap_or_default();
    // Shown while its period stands on the map's day (the epoch lists them in order).
    let index = period;
    let display = move || map.epoch.with(|epoch| epoch.binary_search(&index).is_err()).then_some("none");
    let period = &data.borders.periods()[period];
    let hatch = period.occupied_by.is_some().then(|| {
        view! { <path class="occupied" d=d.clone() fill=map.ids.url("hatch") data-occupied-by=period.occupied_by.clone() display=display /> }
    });
    view! {
        <path class=format!("state state-{}", period.state) d=d fill=fill(&period.state) data-period=period.id.clone() display=display />
        {hatch}
    }
}
