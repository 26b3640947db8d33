//! The year slider: a native range input, so dragging, touch and arrow keys all work.
use leptos::prelude::*;

use crate::state::{Locale, Selection};

/// The slider and the selected year in large type.
#[component]
pub fn YearSlider() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let (first, last) = selection.years();
    view! {
        <div class="year-slider">
            <label for="year-slider" class="visually-hidden">{move || locale.text().year().to_owned()}</label>
            <input
                id="year-slider"
                type="range"
                data-testid="year-slider"
                min=first
                max=last
                step="1"
                prop:value=move || selection.year().to_string()
                on:input=move |ev| {
                    if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                        selection.set_year(year);
                    }
                }
            />
            <output for="year-slider" class="year-label" data-testid="year-label" aria-live="off">
                {move || selection.year()}
            </output>
        </div>
    }
}
