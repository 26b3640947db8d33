//! "About these borders": a button under the zoom buttons that opens a panel listing each
//! border change in force on the selected day (atlas-core's `borders::border_notes`): the
//! period's name, its dates, its note and its sources, in the reader's language. It opens with
//! a click, a tap, Enter or Space; Escape, its close button or a tap beside it closes it, and
//! the focus returns to the button. While it is open it is modal: Tab and Shift+Tab go round
//! within it, so that the focus never goes to a control hidden under it (WCAG 2.4.11).
use atlas_core::borders::{border_notes, BorderNote};
use atlas_core::HistoricDate;
use leptos::html;
use leptos::prelude::*;

use super::use_map;
use crate::state::{use_data, use_locale, use_playback, PlayMode};
use crate::ui::icon_button::Icon;

/// An "i" in a circle: information about what the map shows.
const ABOUT_ICON: &str =
    "M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z";

/// The button, and the panel while it is open.
#[component]
pub fn AboutBorders() -> impl IntoView {
    let map = use_map();
    let locale = use_locale();
    let playback = use_playback();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let panel_id = map.ids.id("about-borders");
    // The kiosk's return to its start closes it, as it closes a city's panel.
    Effect::new(move |_| {
        if playback.mode() == PlayMode::Attract {
            open.set(false);
        }
    });
    let close = Callback::new(move |()| {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    });
    let label = move || locale.text().about_borders().to_owned();
    let panel = {
        let panel_id = panel_id.clone();
        move || open.get().then(|| view! { <AboutPanel id=panel_id.clone() close=close /> })
    };
    view! {
        <button
            type="button"
            class="about-borders-button"
            data-testid="about-borders"
            aria-label=label
            title=label
            aria-haspopup="dialog"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=panel_id
            node_ref=button
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <Icon path=ABOUT_ICON />
        </button>
        {panel}
    }
}

/// Tab from the panel's last control goes to its first, Shift+Tab from its first to its last.
fn keep_focus_within(panel: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let Ok(found) = panel.query_selector_all("button, summary, a[href]") else { return };
    let controls: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node).ok())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else { return };
    let active = document().active_element();
    let is = |element: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == element.as_ref());
    let next = if ev.shift_key() { is(first).then_some(last) } else { is(last).then_some(first) };
    if let Some(next) = next {
        ev.prevent_default();
        let _ = next.focus();
    }
}

/// The open panel: the day's border changes, each with its dates, note and sources.
#[component]
fn AboutPanel(
    /// The panel's id (the button's `aria-controls`).
    id: String,
    /// Closes the panel and returns the focus to the button.
    close: Callback<()>,
) -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let map = use_map();
    let close_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let day = Memo::new(move |_| map.year.with(|y| y.day));
    let heading_id = format!("{id}-heading");
    let borders_on = move || {
        let d = day.get();
        let date =
            HistoricDate::day(d.year, d.month, d.day).map(|d| locale.text().dates().date(&d)).unwrap_or_default();
        locale.text().borders_on(&date)
    };
    let notes = move || {
        let text = locale.text();
        border_notes(&data.borders, day.get(), &text)
            .into_iter()
            .map(|note| view! { <BorderEntry note=note sources_label=text.sources().to_owned() /> })
            .collect_view()
    };
    let section = NodeRef::<html::Section>::new();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            // Not also the page's Escape, which would close a city's panel behind this one.
            ev.stop_propagation();
            close.run(());
        } else if ev.key() == "Tab" {
            if let Some(section) = section.get_untracked() {
                keep_focus_within(&section, &ev);
            }
        }
    };
    view! {
        <div class="about-borders-backdrop" on:click=move |_| close.run(())></div>
        <section
            id=id
            class="about-borders"
            data-testid="about-borders-panel"
            role="dialog"
            aria-modal="true"
            aria-labelledby=heading_id.clone()
            node_ref=section
            on:keydown=on_key
        >
            <div class="about-borders-head">
                <h2 id=heading_id.clone()>{move || locale.text().about_borders().to_owned()}</h2>
                <button type="button" class="close" node_ref=close_button on:click=move |_| close.run(())>
                    <span aria-hidden="true">"✕ "</span>
                    {move || locale.text().close().to_owned()}
                </button>
            </div>
            <p class="about-borders-day">{borders_on}</p>
            <ol class="border-notes">{notes}</ol>
        </section>
    }
}

/// One border period: its name and dates, its note, and its sources (in English, as the data
/// gives them), folded under a summary: they are long, and most readers want the note.
#[component]
fn BorderEntry(note: BorderNote, sources_label: String) -> impl IntoView {
    let (name, name_lang) = note.name;
    let note_text = note.note.map(|(text, lang)| view! { <p class="border-note" lang=lang.to_string()>{text}</p> });
    let sources = note.sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view();
    view! {
        <li class="border-entry">
            <h3 lang=name_lang.to_string()>{name}</h3>
            <p class="border-dates">{note.dates}</p>
            {note_text}
            <details class="border-sources">
                <summary>{sources_label}</summary>
                <ul lang="en">{sources}</ul>
            </details>
        </li>
    }
}
