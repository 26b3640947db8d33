//! Fetching the data files from the app's own folder and reading them with the one loader
//! that the validator runs too ([`DataSet::load`]).
use std::collections::HashMap;
use std::sync::Arc;

use atlas_core::dataset::{files_to_read, load_languages, LANGUAGES_FILE};
use atlas_core::i18n::Languages;
use atlas_core::{DataErrors, DataSet};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a data file could not be fetched. The loader names the file; these say why, in the words
/// the validator and the curators' messages use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("no browser window")]
    NoWindow,
    #[error("could not be fetched ({0})")]
    Unreachable(String),
    #[error("no response")]
    NoResponse,
    #[error("the server answered {status} {status_text}")]
    Status { status: u16, status_text: String },
    #[error("could not be read ({0})")]
    Unreadable(String),
    /// The browser refused to hand over the body.
    #[error("{0}")]
    Browser(String),
    /// The list of languages named a file that was not among those fetched.
    #[error("was not fetched (the list of languages changed while loading)")]
    NotFetched,
}

/// Why the atlas cannot be shown: every problem of every file, and the interfaces of the
/// languages that could be read, to say so in the reader's language.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{errors}")]
pub struct LoadFailure {
    /// One problem per line, each naming its file (as the validator prints them).
    pub errors: DataErrors,
    pub languages: Arc<Languages>,
}

/// The outcome of loading: the atlas, or why not.
pub type Loaded = Result<Arc<DataSet>, Arc<LoadFailure>>;

/// Fetches `url` as bytes.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| FetchError::Unreachable(describe(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::NoResponse)?;
    if !response.ok() {
        return Err(FetchError::Status { status: response.status(), status_text: response.status_text() });
    }
    let buffer = response.array_buffer().map_err(|e| FetchError::Browser(describe(&e)))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| FetchError::Unreadable(describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Fetches every data file from `base` at once (the list of languages first, to know
/// which language files there are), then reads them all with [`DataSet::load`].
pub async fn load_data_set(base: &str) -> Loaded {
    let fetch = |name: String| {
        let url = format!("{base}/{name}");
        async move { (name, fetch_bytes(&url).await) }
    };
    let languages = fetch(LANGUAGES_FILE.to_owned()).await;
    let names = files_to_read(languages.1.as_deref().ok());
    let mut fetched: HashMap<String, Result<Vec<u8>, FetchError>> =
        futures::future::join_all(names.into_iter().map(fetch)).await.into_iter().collect();
    fetched.insert(languages.0, languages.1);
    // The language files again, to say what failed in the languages that could be read.
    let language_files: HashMap<String, Result<Vec<u8>, FetchError>> =
        fetched.iter().filter(|(name, _)| name.ends_with(".json")).map(|(n, r)| (n.clone(), r.clone())).collect();
    // The loader takes a file's bytes, or why they are missing in words.
    let result =
        DataSet::load(|name| fetched.remove(name).unwrap_or(Err(FetchError::NotFetched)).map_err(|e| e.to_string()));
    match result {
        Ok(data) => {
            for warning in &data.warnings {
                web_sys::console::warn_1(&format!("entente-atlas: {warning}").into());
            }
            Ok(Arc::new(data))
        }
        Err(errors) => {
            let languages = load_languages(|name| {
                language_files.get(name).cloned().unwrap_or(Err(FetchError::NotFetched)).map_err(|e| e.to_string())
            });
            Err(Arc::new(LoadFailure { errors, languages: Arc::new(languages) }))
        }
    }
}
