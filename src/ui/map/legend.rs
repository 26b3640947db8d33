//! The map's key, over a corner of the map: the states on screen with their colours, the
//! hatching of occupation, the markers, each treaty line drawn with its style and how many more
//! treaties are in force — atlas-core's `Legend`, displayed. It folds to one button ("Key"),
//! folded from the start on a phone (under the map there) and in an embedded map; being over the
//! map, it never moves the map's box. The day the borders are drawn for is in the time bar.
use std::sync::Arc;

use atlas_core::geo::model::Legend;
use atlas_core::geo::palette::TreatyStyle;
use atlas_core::geo::style::PageWidth;
use atlas_core::link::Mode;
use atlas_core::Lang;
use leptos::prelude::*;

use super::{page_width, use_map};
use crate::state::{use_data, use_locale, use_mode};

/// Whether style.css lets the key start open at this window's size (`--key: open`).
fn key_starts_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| crate::browser::css_value(&root, "--key"))
        .is_some_and(|value| value.trim() == "open")
}

/// The legend of the map in context.
#[component]
pub fn MapLegend() -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let map = use_map();
    let legend = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(Legend::new(&data, &map.states.get(), &map.year.get(), locale.lang())))
    };
    // Each part of the legend is a memo of its own, so that a step redraws a part only when it
    // changes (the states only when the borders do).
    // Rows are keyed by what they show, so that a step redraws only those that change.
    let state_rows = Memo::new(move |_| {
        legend.with(|l| {
            l.states
                .iter()
                .map(|s| (s.state.clone(), s.fill, s.name.clone(), s.lang.to_string(), s.occupied))
                .collect::<Vec<_>>()
        })
    });
    let state_rows = view! {
        <For each=move || state_rows.get() key=|row| row.clone() let:((state, fill, name, name_lang, occupied))>
            <li class="legend-state" data-state=state>
                <span class="swatch" class:hatched=occupied style:background-color=fill></span>
                <span lang=name_lang>{name}</span>
            </li>
        </For>
    };
    let any_occupied = Memo::new(move |_| legend.with(|l| l.occupied));
    let occupied = move || {
        any_occupied.get().then(|| {
            view! {
                <li data-testid="legend-occupied">
                    <span class="swatch hatched only-hatch"></span>
                    {move || locale.text().legend_occupied().to_owned()}
                </li>
            }
        })
    };
    let treaty_rows = Memo::new(move |_| {
        legend.with(|l| l.treaties.iter().map(|t| (t.event, t.style, t.title.clone(), t.lang)).collect::<Vec<_>>())
    });
    let treaty_heading = move || {
        treaty_rows
            .with(|rows| !rows.is_empty())
            .then(|| view! { <li class="legend-heading">{move || locale.text().legend_treaty().to_owned()}":"</li> })
    };
    let treaty_rows = view! {
        <For each=move || treaty_rows.get() key=|row| row.clone() let:((event, style, title, lang))>
            <TreatyKey event_id=data.atlas.event(event).id.to_string() style=style title=title lang=lang />
        </For>
    };
    // The treaties in force that have no line, counted (a large atlas's year).
    let more = Memo::new(move |_| legend.with(|l| l.more_treaties));
    let more_treaties = move || {
        let left_out = more.get();
        (left_out > 0).then(|| {
            let n = u32::try_from(left_out).unwrap_or(u32::MAX);
            let text = locale.text().more_treaties(n, crate::browser::plural_category(locale.lang(), n));
            view! { <li class="legend-more" data-testid="legend-more-treaties">{text}</li> }
        })
    };
    let has_context = legend.with_untracked(|l| l.context_places);
    // The key starts open only on a page in a browser where the map is large enough for it to
    // cover a small corner (style.css says where: `--key: open`); elsewhere, on a kiosk (whose
    // larger type makes it cover Moscow) and when embedded, it starts folded to its button.
    // Two maps side by side (src/ui/compare.rs) are half as wide: their keys start folded, so as
    // not to cover a third of each.
    let starts_open = key_starts_open() && page_width() == PageWidth::Wide && use_mode() == Mode::Standard;
    let comparing = use_context::<crate::ui::CompareState>();
    let open = move || starts_open && !comparing.is_some_and(|compare| compare.is_open());
    view! {
        <details class="map-legend" open=open data-testid="map-legend">
        <summary data-testid="legend-toggle">{move || locale.text().legend_title().to_owned()}</summary>
        // As tall as its keys, up to the map's height (it scrolls beyond, which the end-to-end
        // tests check never happens); focusable, so that a keyboard could scroll it too.
        <ul class="legend" data-testid="legend" tabindex="0" aria-label=move || locale.text().legend_title().to_owned()>
            {state_rows}
            {occupied}
            <li><span class="key key-city"></span>{move || locale.text().legend_city().to_owned()}</li>
            <li><span class="key key-active"></span>{move || locale.text().legend_active_city().to_owned()}</li>
            {has_context.then(|| view! { <li><span class="key key-context"></span>{move || locale.text().legend_context().to_owned()}</li> })}
            {treaty_heading}
            {treaty_rows}
            {more_treaties}
        </ul>
        </details>
    }
}

/// One treaty in the legend: its line's colour and dashes, and its title.
#[component]
fn TreatyKey(event_id: String, style: TreatyStyle, title: String, lang: Lang) -> impl IntoView {
    view! {
        <li class="legend-treaty" data-event-id=event_id>
            <svg class="key-line" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true">
                <line x1="1" y1="4" x2="27" y2="4" stroke=style.colour stroke-width="3" stroke-dasharray=style.dasharray() />
            </svg>
            <span lang=lang.to_string()>{title}</span>
        </li>
    }
}
