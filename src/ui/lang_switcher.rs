//! The language switcher: each language named in itself, never by a flag.
use leptos::prelude::*;

use crate::state::{use_locale, use_locale_setter};

/// One button per offered language (from `languages.json`), always visible; the current one is pressed.
#[component]
pub fn LangSwitcher() -> impl IntoView {
    let locale = use_locale();
    let switch = use_locale_setter();
    view! {
        <nav class="lang-switcher" aria-label=move || locale.text().language().to_owned()>
            {move || locale
                .languages()
                .all()
                .iter()
                .map(|ui| {
                    let lang = ui.lang();
                    let name = ui.name().to_owned();
                    view! {
                        <button
                            type="button"
                            lang=lang.code().to_owned()
                            data-testid=format!("lang-{lang}")
                            aria-pressed=move || locale.is_current(lang).to_string()
                            class:current=move || locale.is_current(lang)
                            on:click=move |_| switch.set_lang(lang)
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
