//! "Active in <year>": the conferences held that year and the treaties in force. It gives
//! its place in the side column to a city's panel while one is open (and keeps its items).
//! A long year draws one page of rows and a "Show more" button (`atlas_core::timeline::list_page`).
//! The real atlas's list has a row for every event, drawn once; a step shows and hides them.
use atlas_core::timeline::{drawn_whole, list_page, LIST_PAGE};
use atlas_core::{EventIndex, EventRole};
use leptos::prelude::*;

use super::EventItem;
use crate::state::{use_active_events, use_data, use_locale, use_selection, ActiveEvents};

/// The chronological list of the events active in the selected year.
#[component]
pub fn ActiveList() -> impl IntoView {
    let selection = use_selection();
    let locale = use_locale();
    let ActiveEvents(all_active) = use_active_events();
    let data = StoredValue::new(use_data());
    // Events told for the context (the Molotov–Ribbentrop Pact, the annexation) are listed with
    // the Entente's own unless a reader hides them.
    let show_context = RwSignal::new(true);
    let is_context = move |i: EventIndex| data.with_value(|d| d.atlas.event(i).role == EventRole::Context);
    let active = Memo::new(move |_| {
        let show = show_context.get();
        all_active.with(|all| all.iter().copied().filter(|&i| show || !is_context(i)).collect::<Vec<_>>())
    });
    let has_context = move || all_active.with(|all| all.iter().any(|&i| is_context(i)));
    // How many rows a reader has asked for in which year; a new year starts at one page.
    let asked = RwSignal::new((selection.years().0, 0usize));
    let shown = move || {
        let year = selection.year();
        asked.with(|&(y, n)| if y == year { n } else { 0 })
    };
    // The rows of the year's page, in order (a set, for the rows drawn whole).
    let page = Memo::new(move |_| active.with(|active| list_page(active, shown()).0.to_vec()));
    // A small atlas draws a row for every event once, and a step shows and hides them; a large
    // one draws the page's rows on each step (atlas-core's `drawn_whole`).
    let whole = data.with_value(|d| drawn_whole(d.atlas.events().len()));
    let rows = move || {
        let lang = locale.lang();
        if whole {
            data.with_value(|d| d.atlas.indexed_events().map(|(index, _)| (index, lang)).collect::<Vec<_>>())
        } else {
            page.with(|page| page.iter().map(move |&index| (index, lang)).collect::<Vec<_>>())
        }
    };
    let hidden = move |index: EventIndex| -> Signal<bool> {
        if whole {
            Signal::derive(move || page.with(|page| page.binary_search(&index).is_err()))
        } else {
            Signal::stored(false)
        }
    };
    let more = move || {
        let (drawn, left) = active.with(|active| {
            let (page, left) = list_page(active, shown());
            (page.len(), left)
        });
        (left > 0).then(|| {
            let total = drawn + left;
            let label = locale.text().show_more(&drawn.to_string(), &total.to_string());
            view! {
                <button class="show-more" data-testid="show-more" on:click=move |_| asked.set((selection.year(), drawn + LIST_PAGE))>
                    {label}
                </button>
            }
        })
    };
    view! {
        <section class="active-list" aria-labelledby="active-heading" hidden=move || selection.city().is_some()>
            <h2 id="active-heading">{move || locale.text().active_in(&selection.year().to_string())}</h2>
            <Show when=has_context>
                <label class="context-filter">
                    <input
                        type="checkbox"
                        data-testid="show-context"
                        prop:checked=move || show_context.get()
                        on:change=move |ev| show_context.set(event_target_checked(&ev))
                    />
                    {move || locale.text().show_context().to_owned()}
                </label>
            </Show>
            <ol data-testid="active-events">
                <For each=rows key=|item| *item let:item>
                    <EventItem index=item.0 lang=item.1 hidden=hidden(item.0) />
                </For>
            </ol>
            {more}
            <Show when=move || active.with(Vec::is_empty)>
                <p class="empty">{move || locale.text().nothing_active().to_owned()}</p>
            </Show>
            <StageStory />
        </section>
    }
}

/// The stage of the story that the selected day belongs to, and what happened in it; both
/// stages, in order, on the view of a year in which a new stage begins (1939).
#[component]
fn StageStory() -> impl IntoView {
    let data = StoredValue::new(use_data());
    let selection = use_selection();
    let locale = use_locale();
    // A memo: a step within the same stage draws nothing again.
    let stages = Memo::new(move |_| {
        let (text, day) = (locale.text(), selection.day());
        let lang = text.lang();
        data.with_value(|data| {
            let shown = data.stages.shown_on(day);
            let mut sources: Vec<String> = Vec::new();
            for source in shown.iter().flat_map(|stage| &stage.sources) {
                if !sources.contains(source) {
                    sources.push(source.clone());
                }
            }
            let told: Vec<_> = shown
                .iter()
                .map(|stage| {
                    let heading = (stage.heading(&text), stage.name.get(lang).1.code().to_owned());
                    let story = stage.story.as_ref().map(|s| {
                        let (text, story_lang) = s.get(lang);
                        (text.to_owned(), story_lang.code().to_owned())
                    });
                    (heading, story)
                })
                .collect();
            (!told.is_empty()).then_some((told, sources))
        })
    });
    move || {
        stages.get().map(|(told, sources)| {
            view! {
                <aside class="stage-story" data-testid="stage-story">
                    {told
                        .into_iter()
                        .map(|((heading, heading_lang), story)| {
                            view! {
                                <h3 lang=heading_lang>{heading}</h3>
                                {story.map(|(text, lang)| view! { <p lang=lang>{text}</p> })}
                            }
                        })
                        .collect_view()}
                    {(!sources.is_empty()).then(|| view! { <p class="stage-sources">{sources.join("; ")}</p> })}
                </aside>
            }
        })
    }
}
