//! The text-size control: "A" and "A+", two pressed-or-not buttons like the language switcher's.
//! A+ grows the page's whole type scale (style.css, `.text-large`); the address remembers it.
use atlas_core::link::TextSize;
use leptos::prelude::*;

use crate::state::{use_locale, use_text_scale};

/// The two buttons, in a group named "Text size".
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    let locale = use_locale();
    let scale = use_text_scale();
    let button = move |size: TextSize, shown: &'static str| {
        let name = move || {
            let text = locale.text();
            match size {
                TextSize::Normal => text.text_normal().to_owned(),
                TextSize::Large => text.text_large().to_owned(),
            }
        };
        view! {
            <button
                type="button"
                class="text-size-button"
                class:current=move || scale.get() == size
                data-testid=format!("text-{}", size.as_str())
                aria-pressed=move || (scale.get() == size).to_string()
                aria-label=name
                on:click=move |_| scale.set(size)
            >
                {shown}
            </button>
        }
    };
    view! {
        <div class="text-size" role="group" aria-label=move || locale.text().text_size().to_owned()>
            {button(TextSize::Normal, "A")}
            {button(TextSize::Large, "A+")}
        </div>
    }
}
