//! The header's tools for taking the view away: a QR code of the view on screen, pointing at the
//! museum's public copy (`settings.json`'s `public_url`; without it there is no button), shown in
//! a dialog with the link written under it; and "Download map" as SVG or PNG (on a page in a
//! browser only: a kiosk's visitor has no files, an embed no header). The link and the QR code's
//! modules are atlas-core's ([`atlas_core::settings::PublicUrl::link_to`],
//! [`atlas_core::qr::QrMatrix`]); the file is written by [`crate::export`].
use atlas_core::link::{LinkState, Mode};
use atlas_core::qr::QrMatrix;
use leptos::prelude::*;

use super::icon_button::Icon;
use super::{use_tour, WhatChangedText};
use crate::export::{download_png, download_svg, ExportTexts};
use crate::state::{use_data, use_locale, use_mode, use_playback, use_selection, PlayMode};

const QR_ICON: &str = "M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm8-2h2v2h-2zm2 2h2v2h-2zm-2 2h2v2h-2zm4 0h2v4h-4v-2h2zm2-4h2v2h-2zm-4 6h2v2h-2zM6 6h2v2H6zm10 0h2v2h-2zM6 16h2v2H6z";
const DOWNLOAD_ICON: &str = "M11 3h2v10.2l3.6-3.6L18 11l-6 6-6-6 1.4-1.4 3.6 3.6zM4 19h16v2H4z";

/// The QR button and the download buttons, as the mode and the settings allow.
#[component]
pub fn HeaderTools() -> impl IntoView {
    let data = use_data();
    let mode = use_mode();
    let qr = (mode != Mode::Embed && data.settings.public_url.is_some()).then(|| view! { <QrHandoff /> });
    let downloads = (mode == Mode::Standard).then(|| view! { <DownloadButtons /> });
    (qr.is_some() || downloads.is_some()).then(|| view! { <div class="header-tools">{qr}{downloads}</div> })
}

/// The link to the view on screen on the public copy.
fn view_link() -> Memo<String> {
    let data = use_data();
    let selection = use_selection();
    let locale = use_locale();
    let tour = use_tour();
    Memo::new(move |_| {
        let Some(url) = &data.settings.public_url else { return String::new() };
        let (tour, stop) = tour.link();
        let view = LinkState { city: selection.city(), lang: Some(locale.lang()), tour, stop, ..LinkState::default() }
            .at_day(selection.day());
        url.link_to(&view)
    })
}

/// The QR button and its dialog (a modal `<dialog>`: Escape and the close button close it, and
/// the focus goes back to the button). The kiosk's return to its start closes it too.
#[component]
fn QrHandoff() -> impl IntoView {
    let locale = use_locale();
    let link = view_link();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let open = RwSignal::new(false);
    let code = Memo::new(move |_| open.get().then(|| QrMatrix::encode(&link.get()).ok()).flatten());
    let show = move |_| {
        open.set(true);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            if dialog.open() {
                dialog.close();
            }
        }
    };
    // The kiosk's return to its start (the attract loop begins) closes the dialog.
    let playback = use_playback();
    Effect::new(move |_| {
        if playback.mode() == PlayMode::Attract {
            close();
        }
    });
    let text = move || locale.text();
    let label = move || text().qr_open().to_owned();
    view! {
        <button
            type="button"
            class="tool-button"
            data-testid="qr-open"
            aria-label=label
            title=label
            aria-haspopup="dialog"
            node_ref=button
            on:click=show
        >
            <Icon path=QR_ICON />
        </button>
        <dialog
            class="qr-dialog"
            data-testid="qr-dialog"
            aria-labelledby="qr-title"
            node_ref=dialog
            // Escape closes the dialog (the browser's `cancel`), and nothing else: not a city's panel.
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.stop_propagation();
                }
            }
            on:close=move |_| {
                open.set(false);
                if let Some(button) = button.get_untracked() {
                    let _ = button.focus();
                }
            }
        >
            <h2 id="qr-title">{move || text().qr_title().to_owned()}</h2>
            {move || {
                code.get().map(|code| {
                    let side = code.side();
                    view! {
                        <svg
                            class="qr-code"
                            data-testid="qr-code"
                            role="img"
                            aria-label=move || text().qr_image().to_owned()
                            viewBox=format!("0 0 {side} {side}")
                            shape-rendering="crispEdges"
                            data-modules=code.size()
                        >
                            <rect width=side height=side fill="#fff" />
                            <path d=code.svg_path() fill="#000" />
                        </svg>
                    }
                })
            }}
            <p class="qr-link" data-testid="qr-link" lang="en" translate="no">{move || link.get()}</p>
            <p class="qr-hint">{move || text().qr_hint().to_owned()}</p>
            <button type="button" class="qr-close" data-testid="qr-close" on:click=move |_| close()>
                {move || text().close().to_owned()}
            </button>
        </dialog>
    }
}

/// "Download map": SVG and PNG.
#[component]
fn DownloadButtons() -> impl IntoView {
    let data = use_data();
    let locale = use_locale();
    let selection = use_selection();
    let what_changed = use_context::<WhatChangedText>();
    let texts = move || {
        let text = locale.text();
        let day = selection.day();
        ExportTexts {
            title: text.app_title().to_owned(),
            date: text.borders_on(&text.shown_date(&data.changes.shown_date(day))),
            caption: what_changed.map(|w| w.0.get_untracked()).unwrap_or_default(),
            credit: text.attribution().to_owned(),
            lang: text.lang().code().to_owned(),
            file_stem: format!("entente-atlas-{day}"),
        }
    };
    let texts = StoredValue::new_local(texts);
    let save = move |png: bool| {
        move |_| {
            let texts = untrack(|| texts.with_value(|t| t()));
            let result = if png { download_png(&texts) } else { download_svg(&texts) };
            if let Err(e) = result {
                web_sys::console::warn_1(&format!("entente-atlas: the map could not be saved: {e}").into());
            }
        }
    };
    let text = move || locale.text();
    let svg_label = move || text().download_svg().to_owned();
    let png_label = move || text().download_png().to_owned();
    view! {
        <div class="download-map" role="group" aria-label=move || text().download_map().to_owned()>
            <button type="button" class="tool-button" data-testid="download-svg" aria-label=svg_label title=svg_label on:click=save(false)>
                <Icon path=DOWNLOAD_ICON />
                <span aria-hidden="true">"SVG"</span>
            </button>
            <button type="button" class="tool-button" data-testid="download-png" aria-label=png_label title=png_label on:click=save(true)>
                <Icon path=DOWNLOAD_ICON />
                <span aria-hidden="true">"PNG"</span>
            </button>
        </div>
    }
}
