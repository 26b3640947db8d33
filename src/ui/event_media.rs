//! An event's photographs in its details: each a `<figure>` with the image (lazy: fetched only
//! when a reader opens the details and it nears the screen; the data gives its size, so the page
//! keeps its room before it arrives) and a `<figcaption>` with the caption in the reader's
//! language, the credit and the licence.
//!
//! The app cannot look into its data folder, so an image that fails to load (a file the
//! validator would have named) hides its whole figure, caption and credit with it: a kiosk shows
//! no broken-image icon, and the console names the file for staff.
use atlas_core::link::Mode;
use atlas_core::media::Media;
use atlas_core::{EventIndex, Lang};
use leptos::prelude::*;

use crate::state::{use_data, use_locale, use_mode};

/// The address of a data file, beside the data files the app fetches (`data/`).
fn src_of(media: &Media) -> String {
    format!("data/{}", media.file)
}

/// The photographs of event `index`, in `lang`; nothing for an event without any.
#[component]
pub fn EventMedia(
    /// The event's position in `Atlas::events`.
    index: EventIndex,
    /// The language of the captions and alt texts.
    lang: Lang,
) -> impl IntoView {
    let data = use_data();
    let media = data.atlas.event(index).media.clone();
    media.into_iter().map(|media| view! { <Figure media=media lang=lang /> }).collect_view()
}

/// One photograph with its caption, credit and licence.
#[component]
fn Figure(media: Media, lang: Lang) -> impl IntoView {
    let text = use_locale().text_in(lang);
    // A kiosk is no web browser: the licence is named, not linked (a visitor would leave the atlas).
    let linked = use_mode() != Mode::Kiosk;
    let failed = RwSignal::new(false);
    let (caption, caption_lang) = media.caption.get(lang);
    let (caption, caption_lang) = (caption.to_owned(), caption_lang.code().to_owned());
    let alt = media.alt.text(lang).to_owned();
    let credit = text.photo_credit(&media.credit);
    let licence_name =
        if media.licence.is_public_domain() { text.public_domain().to_owned() } else { media.licence.name.clone() };
    let licence = match media.licence.url.clone().filter(|_| linked) {
        Some(url) => {
            view! { <a href=url rel="license noopener noreferrer" target="_blank">{licence_name}</a> }.into_any()
        }
        None => view! { <span>{licence_name}</span> }.into_any(),
    };
    let src = src_of(&media);
    let file = media.file.clone();
    let on_error = move |_| {
        if !failed.get_untracked() {
            web_sys::console::warn_1(
                &format!("entente-atlas: the image {file} could not be loaded; it is hidden").into(),
            );
            failed.set(true);
        }
    };
    view! {
        <figure
            class="event-media"
            data-testid="event-media"
            hidden=move || failed.get()
            style:--media-w=media.width.to_string()
            style:--media-h=media.height.to_string()
        >
            <img
                loading="lazy"
                decoding="async"
                width=media.width
                height=media.height
                alt=alt
                lang=lang.code().to_owned()
                src=src
                on:error=on_error
            />
            <figcaption>
                <span class="media-caption" lang=caption_lang>{caption}</span>
                <span class="media-credit">{credit}" · "{licence}</span>
            </figcaption>
        </figure>
    }
}
