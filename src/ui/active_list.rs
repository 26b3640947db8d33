//! "Active in <year>": the conferences held that year and the treaties in force. It gives
//! its place in the side column to a city's panel while one is open (and keeps its items).
use leptos::prelude::*;

use super::EventItem;
use crate::state::{ActiveEvents, Locale, Selection};

/// The chronological list of the events active in the selected year.
#[component]
pub fn ActiveList() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let ActiveEvents(active) = expect_context::<ActiveEvents>();
    view! {
        <section class="active-list" aria-labelledby="active-heading" hidden=move || selection.city().is_some()>
            <h2 id="active-heading">{move || locale.text().active_in(&selection.year().to_string())}</h2>
            <ol data-testid="active-events">
                <For
                    each=move || {
                        let lang = locale.lang();
                        active.get().into_iter().map(move |index| (index, lang)).collect::<Vec<_>>()
                    }
                    key=|item| *item
                    let:item
                >
                    <EventItem index=item.0 lang=item.1 />
                </For>
            </ol>
            <Show when=move || active.with(Vec::is_empty)>
                <p class="empty">{move || locale.text().nothing_active().to_owned()}</p>
            </Show>
        </section>
    }
}
