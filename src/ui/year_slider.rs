//! The year slider: a native range input, so dragging, touch, arrow keys and screen readers
//! all work. The time bar ([`super::TimeBar`]) draws its ticks, marks and stages around it.
use leptos::prelude::*;

use crate::state::{use_data, use_locale, use_selection, use_selection_setter};

/// The range input over the years.
#[component]
pub fn YearSlider() -> impl IntoView {
    let selection = use_selection();
    let select = use_selection_setter();
    let locale = use_locale();
    let (first, last) = selection.years();
    let data = use_data();
    let changes = data.clone();
    // What a screen reader says of the value: the year and the stage of the story it is in.
    let value_text = move || {
        let (year, text) = (selection.year(), locale.text());
        match data.stages.name_on(selection.day(), &text) {
            Some(stage) => text.year_in_stage(&year.to_string(), &stage),
            None => year.to_string(),
        }
    };
    view! {
        <label for="year-slider" class="visually-hidden">{move || locale.text().year().to_owned()}</label>
        <input
            id="year-slider"
            type="range"
            data-testid="year-slider"
            min=first
            max=last
            step="1"
            aria-describedby="time-bar-description"
            aria-valuetext=value_text
            prop:value=move || selection.year().to_string()
            on:input=move |ev| {
                if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                    select.set_year(year);
                }
            }
            on:keydown=move |ev| {
                // Shift with an arrow steps through the days on which the map changes, as ⏮/⏭ do.
                if !ev.shift_key() {
                    return;
                }
                let day = select.day_untracked();
                let target = match ev.key().as_str() {
                    "ArrowRight" | "ArrowUp" => changes.changes.after(day),
                    "ArrowLeft" | "ArrowDown" => changes.changes.before(day),
                    _ => return,
                };
                ev.prevent_default();
                if let Some(day) = target {
                    select.set_day(day);
                }
            }
        />
    }
}
