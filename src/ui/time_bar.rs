//! The time bar: the selected year in large type, play/pause and previous/next, and the
//! slider with a tick per year, labels where they fit, a mark on each year in which an
//! event starts and the named stages of the story as bands. Where everything sits comes
//! from [`atlas_core::timebar::TimeBar`]; this only draws it.
use atlas_core::link::Mode;
use atlas_core::timebar::{band_labels, TimeBar as Bar};
use leptos::prelude::*;
use leptos_use::{use_element_size, UseElementSizeReturn};

use super::{
    use_tour, CompareButton, PlaybackControls, TextSizeSwitch, TourButton, TourRow, WhatChangedLine, YearSlider,
};
use crate::state::{use_data, use_locale, use_mode, use_selection, use_selection_setter};

/// How much room a year's label needs along the bar, in ems of its font: four digits of
/// about 0.6 em and a gap.
const LABEL_EM: f64 = 3.0;

/// A position along the bar as a CSS length: the slider's thumb runs from half its width
/// from the left end to half its width from the right, and so do the ticks (`--thumb`).
fn left(at: f64) -> String {
    format!("calc(var(--thumb) / 2 + (100% - var(--thumb)) * {at:.5})")
}

/// The bar across the foot of the page (the top on a phone). The years' numbers and the stages'
/// bands answer a tap (the year, the stage's first year); they are pointer targets only, in
/// lists hidden from screen readers and out of the tab order: the slider says the year and its
/// stage and steps through them by keyboard.
#[component]
pub fn TimeBar() -> impl IntoView {
    let data = use_data();
    let selection = use_selection();
    let select = use_selection_setter();
    let locale = use_locale();
    let (first, last) = selection.years();
    let bar = Bar::new(first, last);
    let event_years = data.atlas.event_start_years();
    let track = NodeRef::<leptos::html::Div>::new();
    let UseElementSizeReturn { width, .. } = use_element_size(track);
    // The type size of the layout, as style.css sets it for each mode (`--t1`, the ticks'
    // labels), read from the track once it is laid out rather than copied here.
    let band_font_px = Memo::new(move |_| {
        width.track();
        track.get().and_then(|el| crate::browser::css_px(&el, "--t1")).unwrap_or(0.0)
    });
    let ticks = Memo::new(move |_| {
        // Before the first layout the width is 0: label every fifth year until it is known.
        let width = width.get().max(1.0);
        bar.ticks(width, LABEL_EM * band_font_px.get(), &event_years)
    });
    let bands = StoredValue::new(bar.bands(&data.stages));
    let stages = StoredValue::new(data.stages.clone());
    // The stage of the selected year, for the bands that each ask whether it is theirs.
    let current = StoredValue::new(Selector::new(move || {
        let day = selection.day();
        stages.with_value(|stages| stages.on(day).map(|s| s.id.clone()))
    }));
    let band_view = move || {
        let text = locale.text();
        let lang = text.lang();
        bands.with_value(|bands| {
            stages.with_value(|stages| {
                bands
                    .iter()
                    .filter_map(|band| {
                        let number = stages.all().iter().position(|s| s.id == band.id)?;
                        let stage = &stages.all()[number];
                        let name_lang = stage.name.get(lang).1;
                        let id = Some(stage.id.clone());
                        let is_current = move || current.with_value(|current| current.selected(&id));
                        // One rule at every size: each band shows its stage's numeral; the current
                        // stage's name is in the caption beside the year, every name in the tooltip.
                        let [full, _, label] = band_labels(stage, number + 1, &text);
                        let start = stage.start;
                        Some(view! {
                            <li
                                class="stage"
                                class:current=is_current
                                data-stage=stage.id.clone()
                                style:left=left(band.from)
                                style:width=format!("calc((100% - var(--thumb)) * {:.5})", band.to - band.from)
                                lang=name_lang.code().to_owned()
                                title=full.clone()
                                // A tap goes to the stage's first year.
                                on:click=move |_| select.set_year(start)
                            >
                                {label}
                            </li>
                        })
                    })
                    .collect_view()
            })
        })
    };
    let current_stage = move || {
        let text = locale.text();
        let day = selection.day();
        stages.with_value(|stages| stages.caption_on(day, &text))
    };
    // Its height, for style.css: on a phone it stays at the top of the screen while the page
    // scrolls under it, and the page keeps what has the focus clear of it (`scroll-padding-top`).
    let section = NodeRef::<leptos::html::Section>::new();
    let UseElementSizeReturn { height: bar_height, .. } = use_element_size(section);
    Effect::new(move |_| {
        bar_height.track();
        // Its whole box, padding and border included.
        let Some(height) = section.get().map(|s| s.get_bounding_client_rect().height()) else { return };
        if let Some(root) = document().document_element() {
            let _ = web_sys::HtmlElement::style(wasm_bindgen::JsCast::unchecked_ref(&root))
                .set_property("--time-bar-height", &format!("{height:.0}px"));
        }
    });
    // The selected day, as precise as its source: the map shows the borders and treaties of it,
    // and says so ("Borders on 31 December 1934"), the date in a span of its own.
    let changes = data.clone();
    let shown_date = move || locale.text().shown_date(&changes.changes.shown_date(selection.day()));
    let borders_on = move || {
        let text = locale.text().borders_on("\u{0}");
        let (before, after) = text.split_once('\u{0}').unwrap_or(("", ""));
        (before.to_owned(), after.to_owned())
    };
    let embedded = use_mode() == Mode::Embed;
    let tour = use_tour();
    view! {
        <section class="time-bar" data-testid="time-bar" aria-labelledby="year-label" node_ref=section>
            <div class="time-bar-now">
                <output for="year-slider" id="year-label" class="year-label" data-testid="year-label" aria-live="off">
                    {move || selection.year()}
                </output>
                <div class="time-bar-caption">
                    <p class="time-bar-date" data-testid="borders-date">
                        {move || borders_on().0}
                        <span data-testid="selected-date">{shown_date}</span>
                        {move || borders_on().1}
                    </p>
                    <p class="time-bar-stage" data-testid="current-stage">{current_stage}</p>
                </div>
                <PlaybackControls />
                <TourButton />
                // Two dates side by side: not on a kiosk (its visitors start from one map) nor in
                // an embedded map's one-line bar (an address with ?compare= still opens it there).
                {(use_mode() == Mode::Standard).then(|| view! { <CompareButton /> })}
                // Embedded, the page has no header: the text size is set here.
                {embedded.then(|| view! { <TextSizeSwitch /> })}
            </div>
            <div class="time-bar-track" node_ref=track>
                <p id="time-bar-description" class="visually-hidden">{move || locale.text().timeline_label().to_owned()}</p>
                <ol class="ticks" aria-hidden="true">
                    {move || {
                        ticks
                            .get()
                            .into_iter()
                            .map(|tick| {
                                view! {
                                    <li
                                        class="tick"
                                        class:labelled=tick.labelled
                                        class:has-event=tick.has_event
                                        class:selected=move || selection.is_selected_year(tick.year)
                                        style:left=left(tick.at)
                                    >
                                        // A tap on a year's number goes to that year.
                                        {tick.labelled.then(|| view! {
                                            <span class="tick-label" data-year=tick.year on:click=move |_| select.set_year(tick.year)>{tick.year}</span>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <YearSlider />
                <ol class="stages" aria-hidden="true">{band_view}</ol>
            </div>
            // What changed since the previous step, on a line of its own under the bar; a running
            // tour's stop in its place.
            <Show when=move || tour.position().is_some() fallback=|| view! { <WhatChangedLine /> }>
                <TourRow />
            </Show>
        </section>
    }
}
