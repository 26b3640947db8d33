//! The entente-atlas app: loads the curators' data files and shows the map, the
//! year slider, the list of active events and the city panels. Everything it
//! shows is computed by `atlas-core`; the components here only display it.
use atlas_core::link::LinkState;
use leptos::prelude::*;

pub mod browser;
pub mod embed;
pub mod heap;
pub mod load;
pub mod state;
pub mod ui;

use load::{load_data_set, LoadState};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;
use state::Locale;
use ui::{AtlasView, LoadError};

/// How often a kiosk tries again to load data that could not be read.
pub const KIOSK_RETRY_MS: u64 = 30_000;

/// The whole page: the data is fetched once, then the atlas is shown, or a
/// message that says which file could not be read and why.
#[component]
pub fn App() -> impl IntoView {
    let link = LinkState::parse(&browser::query(), i32::MIN..=i32::MAX);
    let locale = Locale::new(browser::initial_lang(&link, &atlas_core::i18n::Languages::builtin()));
    provide_context(locale);
    Effect::new(move |_| browser::set_document_lang(locale.lang(), locale.text().app_title()));
    let kiosk = link.mode == atlas_core::link::Mode::Kiosk;
    let load_state = RwSignal::new(LoadState::Loading);
    let load = move || {
        let link = link.clone();
        leptos::task::spawn_local(async move {
            let loaded = load_data_set("data").await;
            match &loaded {
                LoadState::Ready(data) => {
                    let languages = data.languages.clone();
                    locale.set_languages(languages.clone(), browser::initial_lang(&link, &languages));
                }
                LoadState::Failed(_, languages) => {
                    let languages = (**languages).clone();
                    let lang = browser::initial_lang(&link, &languages);
                    locale.set_languages(languages, lang);
                }
                LoadState::Loading => {}
            }
            load_state.set(loaded);
        });
    };
    load();
    if kiosk {
        // A kiosk whose data could not load tries again by itself until it can (a curator
        // fixing a file, a network share coming back), with no one at a keyboard.
        let retry = leptos_use::use_interval_fn(
            move || {
                if matches!(load_state.get_untracked(), LoadState::Failed(..)) {
                    load();
                }
            },
            KIOSK_RETRY_MS,
        );
        let _ = retry;
    }
    move || match load_state.get() {
        LoadState::Loading => {
            view! { <p class="loading" aria-live="polite">{move || locale.text().loading().to_owned()}</p> }.into_any()
        }
        LoadState::Ready(data) => view! { <AtlasView data=data /> }.into_any(),
        LoadState::Failed(message, _) => view! { <LoadError message=message kiosk=kiosk /> }.into_any(),
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// After a bug (a panic), the page says so instead of freezing silently, and a kiosk
/// reloads itself to its start screen a few seconds later.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let kiosk = LinkState::parse(&browser::query(), i32::MIN..=i32::MAX).mode == atlas_core::link::Mode::Kiosk;
        browser::show_fatal_error(kiosk);
    }));
}
