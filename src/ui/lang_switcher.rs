//! The language switcher: each language named in itself, never by a flag.
use atlas_core::Lang;
use leptos::prelude::*;

use crate::state::Locale;

/// Four buttons, always visible; the current one is pressed.
#[component]
pub fn LangSwitcher() -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <nav class="lang-switcher" aria-label=move || locale.text().language>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            data-testid=format!("lang-{}", lang.code())
                            aria-pressed=move || (locale.lang() == lang).to_string()
                            class:current=move || locale.lang() == lang
                            on:click=move |_| locale.set_lang(lang)
                        >
                            {lang.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
