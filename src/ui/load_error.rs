//! The message shown instead of the map when a data file cannot be used.
use leptos::prelude::*;

use crate::state::Locale;

/// Names the file and the problem; never a blank page.
#[component]
pub fn LoadError(
    /// One problem per line, each naming its file.
    message: String,
) -> impl IntoView {
    let text = use_context::<Locale>()
        .map(|l| l.text())
        .unwrap_or_else(|| std::sync::Arc::new(atlas_core::i18n::UiText::builtin_english()));
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <h1>{text.load_error_title().to_owned()}</h1>
            <ul>{message.lines().map(|line| view! { <li><code>{line.to_owned()}</code></li> }).collect_view()}</ul>
            <p>{text.load_error_hint().to_owned()}</p>
        </div>
    }
}
