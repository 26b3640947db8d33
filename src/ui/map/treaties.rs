//! The treaty lines in force in the selected year, each in the style atlas-core gave it (the
//! same in the legend), the one whose details are open highlighted.
use std::sync::Arc;

use atlas_core::geo::palette::TreatyStyle;
use atlas_core::EventIndex;
use leptos::prelude::*;

use super::use_map;
use crate::state::{use_data, use_selection};

/// Whether a reader has opened a treaty's details (its line is drawn thicker, in the accent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Emphasis {
    Plain,
    Highlighted,
}

/// The lines drawn this year, keyed by everything a line shows (its style, whether its details
/// are open, and the box its path was made for), so that a line holds no closure of its own:
/// one would stay subscribed after the line is gone.
#[component]
pub fn TreatyLines() -> impl IntoView {
    let selection = use_selection();
    let map = use_map();
    let lines = move || {
        let opened = selection.opened_event();
        let generation = Arc::as_ptr(&map.frames.get()) as usize;
        map.treaties.with(|treaties| {
            treaties
                .iter()
                .map(|t| {
                    let emphasis = if opened == Some(t.event) { Emphasis::Highlighted } else { Emphasis::Plain };
                    (t.event, t.style, emphasis, generation)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For each=lines key=|line| *line let:((event, style, emphasis, _))>
            <TreatyLine event=event style=style emphasis=emphasis />
        </For>
    }
}

/// One treaty's lines.
#[component]
fn TreatyLine(event: EventIndex, style: TreatyStyle, emphasis: Emphasis) -> impl IntoView {
    let data = use_data();
    let map = use_map();
    let (d, cities) = map
        .frames
        .with_untracked(|f| {
            f.treaty(event).map(|t| (t.d.clone(), t.cities.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")))
        })
        .unwrap_or_default();
    view! {
        <path
            class="treaty"
            class:highlighted=emphasis == Emphasis::Highlighted
            data-testid="treaty-line"
            data-event-id=data.atlas.event(event).id.to_string()
            data-cities=cities
            stroke=style.colour
            stroke-dasharray=style.dasharray()
            d=d
        />
    }
}
