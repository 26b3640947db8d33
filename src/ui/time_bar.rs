//! The time bar: the selected year in large type, play/pause and previous/next, and the
//! slider with a tick per year, labels where they fit, a mark on each year in which an
//! event starts and the named stages of the story as bands. Where everything sits comes
//! from [`atlas_core::timebar::TimeBar`]; this only draws it.
use atlas_core::timebar::{band_labels, fitting_label, TimeBar as Bar};
use leptos::prelude::*;
use leptos_use::{use_element_size, UseElementSizeReturn};

use super::{PlaybackControls, YearSlider};
use crate::state::{use_data, use_locale, use_selection, use_selection_setter};

/// How much room a year's label needs along the bar, in ems of its font: four digits of
/// about 0.6 em and a gap.
const LABEL_EM: f64 = 3.3;
/// A stage band's padding on each side, for choosing the longest label that fits.
const BAND_PADDING_PX: f64 = 8.0;
/// The width of a character of a band's label: about 0.62 em of the bold system sans-serif.
const CHAR_EM: f64 = 0.62;

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
    // The type and thumb sizes of the layout, as style.css sets them for each mode (`--t1`, the
    // bands' labels, and `--thumb`: the bands sit between the thumb's centres), read from the
    // track once it is laid out rather than copied here.
    let sizes = Memo::new(move |_| {
        width.track();
        let px = |name: &str| track.get().and_then(|el| crate::browser::css_px(&el, name)).unwrap_or(0.0);
        (px("--t1"), px("--thumb"))
    });
    let band_font_px = move || sizes.get().0;
    let thumb_px = move || sizes.get().1;
    let ticks = Memo::new(move |_| {
        // Before the first layout the width is 0: label every fifth year until it is known.
        let width = width.get().max(1.0);
        bar.ticks(width, LABEL_EM * band_font_px(), &event_years)
    });
    let bands = StoredValue::new(bar.bands(&data.stages));
    let stages = StoredValue::new(data.stages.clone());
    // The stage of the selected year, for the bands that each ask whether it is theirs.
    let current = StoredValue::new(Selector::new(move || {
        let year = selection.year();
        stages.with_value(|stages| stages.at(year).map(|s| s.id.clone()))
    }));
    let band_view = move || {
        let text = locale.text();
        let lang = text.lang();
        let (band_font_px, track_px) = (band_font_px(), (width.get() - thumb_px()).max(0.0));
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
                        let [full, name, number] = band_labels(stage, number + 1, &text);
                        let start = stage.start;
                        let room = (band.to - band.from) * track_px - 2.0 * BAND_PADDING_PX;
                        let label = fitting_label(&[&full, &name, &number], room, CHAR_EM * band_font_px)
                            .unwrap_or("")
                            .to_owned();
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
        let year = selection.year();
        stages.with_value(|stages| stages.at(year).map(|s| s.caption(&text)).unwrap_or_default())
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
    // The selected day, as precise as its source: the map shows the borders and treaties of it.
    let changes = data.clone();
    let shown_date = move || locale.text().shown_date(&changes.changes.shown_date(selection.day()));
    view! {
        <section class="time-bar" data-testid="time-bar" aria-labelledby="year-label" node_ref=section>
            <div class="time-bar-now">
                <output for="year-slider" id="year-label" class="year-label" data-testid="year-label" aria-live="off">
                    {move || selection.year()}
                </output>
                <div class="time-bar-caption">
                    <p class="time-bar-date" data-testid="selected-date">{shown_date}</p>
                    <p class="time-bar-stage" data-testid="current-stage">{current_stage}</p>
                </div>
                <PlaybackControls />
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
        </section>
    }
}
