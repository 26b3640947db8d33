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
            <StageStory />
        </section>
    }
}

/// The stage of the story that the selected year belongs to, and what happened in it.
#[component]
fn StageStory() -> impl IntoView {
    let data = StoredValue::new(expect_context::<std::sync::Arc<atlas_core::DataSet>>());
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let stage = move || {
        let (lang, year) = (locale.lang(), selection.year());
        data.with_value(|data| {
            data.stages.at(year).map(|stage| {
                let (name, name_lang) = stage.name.get(lang);
                let heading = (format!("{name}, {}", stage.years()), name_lang.code().to_owned());
                let story = stage.story.as_ref().map(|s| {
                    let (text, story_lang) = s.get(lang);
                    (text.to_owned(), story_lang.code().to_owned())
                });
                (heading, story, stage.sources.clone())
            })
        })
    };
    move || {
        stage().map(|((heading, heading_lang), story, sources)| {
            view! {
                <aside class="stage-story" data-testid="stage-story">
                    <h3 lang=heading_lang>{heading}</h3>
                    {story.map(|(text, lang)| view! { <p lang=lang>{text}</p> })}
                    {(!sources.is_empty()).then(|| view! { <p class="stage-sources">{sources.join("; ")}</p> })}
                </aside>
            }
        })
    }
}
