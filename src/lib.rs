//! The entente-atlas app: loads the curators' data files and shows the map, the
//! year slider, the list of active events and the city panels. Everything it
//! shows is computed by `atlas-core`; the components here only display it.
use atlas_core::i18n::Languages;
use atlas_core::link::{LinkState, Mode};
use leptos::prelude::*;

pub mod browser;
pub mod embed;
pub mod export;
pub mod heap;
pub mod load;
pub mod state;
pub mod ui;

use load::load_data_set;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;
use state::{provide_locale, StartLink};
use ui::{AtlasView, LoadError};

/// How often a kiosk tries again to load data that could not be read.
pub const KIOSK_RETRY_MS: u64 = 30_000;

/// The whole page: the data is fetched once, then the atlas is shown, or a
/// message that says which file could not be read and why.
#[component]
pub fn App(
    /// The address the page was opened with (read once, by [`mount`]).
    link: LinkState,
) -> impl IntoView {
    let start = StartLink::provide(link.clone());
    // Until the language files are read, only the built-in English is offered.
    let (locale, locale_setter) = provide_locale(browser::initial_lang(&link, &Languages::builtin()));
    Effect::new(move |_| {
        let text = locale.text();
        browser::set_document_lang(locale.lang(), text.app_title());
        browser::set_fatal_message(text.fatal_error());
    });
    let loaded = LocalResource::new(move || {
        let link = link.clone();
        async move {
            let loaded = load_data_set("data").await;
            // The reader's language among those that could be read, before anything is drawn
            // in it (the atlas, or the page that says why it cannot be shown).
            let languages = match &loaded {
                Ok(data) => data.languages.clone(),
                Err(failure) => (*failure.languages).clone(),
            };
            let lang = browser::initial_lang(&link, &languages);
            locale_setter.set_languages(languages, lang);
            loaded
        }
    });
    let mode = start.mode();
    if mode == Mode::Kiosk {
        // A kiosk whose data could not load tries again by itself until it can (a curator
        // fixing a file, a network share coming back), with no one at a keyboard.
        let _retry = leptos_use::use_interval_fn(
            move || {
                if matches!(loaded.get_untracked(), Some(Err(_))) {
                    loaded.refetch();
                }
            },
            KIOSK_RETRY_MS,
        );
    }
    // The first paint stays until there is something else to see.
    Effect::new(move |_| {
        if loaded.with(Option::is_some) {
            browser::remove_boot_screen();
        }
    });
    move || match loaded.get() {
        None => {
            view! { <p class="loading" aria-live="polite">{move || locale.text().loading().to_owned()}</p> }.into_any()
        }
        Some(Ok(data)) => view! { <AtlasView data=data /> }.into_any(),
        Some(Err(failure)) => view! { <LoadError message=failure.errors.to_string() mode=mode /> }.into_any(),
    }
}

/// Reads the address, then mounts the app on the page's body.
pub fn mount() {
    let link = browser::start_link();
    install_panic_hook(link.mode);
    leptos::mount::mount_to_body(move || view! { <App link=link.clone() /> });
}

/// After a bug (a panic), the page says so instead of freezing silently, and a kiosk
/// reloads itself to its start screen a few seconds later.
fn install_panic_hook(mode: Mode) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal_error(mode);
    }));
}
