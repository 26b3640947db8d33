//! The message shown instead of the map when a data file cannot be used.
use leptos::prelude::*;

use crate::state::Locale;

/// Names the file and the problem; never a blank page.
#[component]
pub fn LoadError(
    /// One problem per line, each naming its file.
    message: String,
) -> impl IntoView {
    let text = use_context::<Locale>().map(|l| l.text()).unwrap_or(atlas_core::i18n::UiText::of(atlas_core::Lang::En));
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <h1>{text.load_error_title}</h1>
            <ul>{message.lines().map(|line| view! { <li><code>{line.to_owned()}</code></li> }).collect_view()}</ul>
            <p>{text.load_error_hint}</p>
        </div>
    }
}
