//! The treaty lines in force in the selected year, each in the style atlas-core gave it (the
//! same in the legend), the one whose details are open highlighted. A line to a place drawn in
//! an inset (Moscow beyond a narrow frame) ends at the inset's marker: it is drawn in the
//! frame's coordinates on screen, its end in the main frame following the reader's zoom.
use std::sync::Arc;

use atlas_core::geo::model::{InsetLine, LineEnd};
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

/// Which part of the lines into insets a layer draws: over the main frame (under its markers
/// and names, masked off the insets), or inside one inset (over its land, under its marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InsetPart {
    OverMain,
    In(usize),
}

/// The drawn treaties' lines into insets, for one part of the map.
#[component]
pub fn InsetTreatyLines(
    /// The part of the map drawn.
    part: InsetPart,
) -> impl IntoView {
    let selection = use_selection();
    let map = use_map();
    let lines = move || {
        let opened = selection.opened_event();
        let generation = Arc::as_ptr(&map.frames.get()) as usize;
        map.treaties.with(|treaties| {
            map.frames.with(|f| {
                treaties
                    .iter()
                    .filter_map(|t| {
                        let lines: Vec<InsetLine> = f
                            .treaty(t.event)?
                            .to_insets
                            .iter()
                            .filter(|l| match (part, l.to) {
                                (InsetPart::In(frame), LineEnd::Inset(to, _)) => frame == to,
                                (InsetPart::In(_), LineEnd::Main(_)) => false,
                                (InsetPart::OverMain, _) => true,
                            })
                            .copied()
                            .collect();
                        let emphasis = if opened == Some(t.event) { Emphasis::Highlighted } else { Emphasis::Plain };
                        (!lines.is_empty()).then_some((t.event, t.style, emphasis, generation, lines))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <For each=lines key=|(event, style, emphasis, generation, _)| (*event, *style, *emphasis, *generation) let:((event, style, emphasis, _, lines))>
            <InsetTreatyLine event=event style=style emphasis=emphasis lines=lines />
        </For>
    }
}

/// One treaty's lines into insets: their ends in the main frame follow the reader's zoom.
#[component]
fn InsetTreatyLine(event: EventIndex, style: TreatyStyle, emphasis: Emphasis, lines: Vec<InsetLine>) -> impl IntoView {
    let data = use_data();
    let map = use_map();
    let cities = map
        .frames
        .with_untracked(|f| f.treaty(event).map(|t| t.cities.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")))
        .unwrap_or_default();
    let d = move || {
        let view = map.view.get();
        lines.iter().map(|line| line.d(view)).collect::<String>()
    };
    view! {
        <path
            class="treaty into-inset"
            class:highlighted=emphasis == Emphasis::Highlighted
            data-testid="treaty-line-into-inset"
            data-event-id=data.atlas.event(event).id.to_string()
            data-cities=cities
            stroke=style.colour
            stroke-dasharray=style.dasharray()
            d=d
        />
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
            f.treaty(event).map(|t| {
                // Every line into an inset (InsetTreatyLines): no line in the main frame ("M0 0",
                // as SVG refuses an empty path).
                let d = if t.d.is_empty() { "M0 0".to_owned() } else { t.d.clone() };
                (d, t.cities.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" "))
            })
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
