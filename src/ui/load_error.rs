//! The message shown instead of the map when a data file cannot be used.
use atlas_core::link::Mode;
use leptos::prelude::*;

use crate::state::Locale;

/// Names the file and the problem; never a blank page. On a kiosk a visitor sees a calm
/// message in the kiosk's language, with the detail for staff in small type (the app tries
/// again by itself, see [`crate::App`]).
#[component]
pub fn LoadError(
    /// One problem per line, each naming its file.
    message: String,
    /// How the page is laid out: a kiosk's page is written for its visitors.
    #[prop(optional)]
    mode: Mode,
) -> impl IntoView {
    // Mounted alone (as the in-browser tests do), there is no locale: the built-in English.
    let locale = use_context::<Locale>();
    let text = move || {
        locale.map(|l| l.text()).unwrap_or_else(|| std::sync::Arc::new(atlas_core::i18n::UiText::builtin_english()))
    };
    let problems = message.lines().map(|line| view! { <li><code>{line.to_owned()}</code></li> }).collect_view();
    if mode == Mode::Kiosk {
        return view! {
            <div class="load-error kiosk-error" role="alert" data-testid="load-error">
                <h1>{move || text().kiosk_error_title().to_owned()}</h1>
                <p class="kiosk-error-body">{move || text().kiosk_error_body().to_owned()}</p>
                <div class="kiosk-error-detail">
                    <p>{move || text().kiosk_error_detail().to_owned()}</p>
                    <ul>{problems}</ul>
                </div>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <h1>{move || text().load_error_title().to_owned()}</h1>
            <ul>{problems}</ul>
            <p>{move || text().load_error_hint().to_owned()}</p>
        </div>
    }
    .into_any()
}
