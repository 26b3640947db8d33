//! Fetching the data files from the app's own folder and reading them with the one loader
//! that the validator runs too ([`DataSet::load`]).
use std::collections::HashMap;
use std::sync::Arc;

use atlas_core::dataset::{files_to_read, load_languages, LANGUAGES_FILE};
use atlas_core::i18n::Languages;
use atlas_core::DataSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<DataSet>),
    /// One problem per line, each naming its file (as the validator prints them), and the
    /// interfaces of the languages that could be read, to say so in the reader's language.
    Failed(String, Arc<Languages>),
}

/// Fetches `url` as bytes, with a message that says why when that fails.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not be fetched ({})", describe(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    let buffer = response.array_buffer().map_err(|e| describe(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| format!("could not be read ({})", describe(&e)))?;
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
pub async fn load_data_set(base: &str) -> LoadState {
    let fetch = |name: String| {
        let url = format!("{base}/{name}");
        async move { (name, fetch_bytes(&url).await) }
    };
    let languages = fetch(LANGUAGES_FILE.to_owned()).await;
    let names = files_to_read(languages.1.as_deref().ok());
    let mut fetched: HashMap<String, Result<Vec<u8>, String>> =
        futures::future::join_all(names.into_iter().map(fetch)).await.into_iter().collect();
    fetched.insert(languages.0, languages.1);
    let language_files: HashMap<String, Result<Vec<u8>, String>> =
        fetched.iter().filter(|(name, _)| name.ends_with(".json")).map(|(n, r)| (n.clone(), r.clone())).collect();
    let result = DataSet::load(|name| {
        fetched
            .remove(name)
            .unwrap_or_else(|| Err("was not fetched (the list of languages changed while loading)".into()))
    });
    match result {
        Ok(data) => {
            for warning in &data.warnings {
                web_sys::console::warn_1(&format!("entente-atlas: {warning}").into());
            }
            LoadState::Ready(Arc::new(data))
        }
        Err(errors) => {
            let languages = load_languages(|name| {
                language_files.get(name).cloned().unwrap_or_else(|| Err("was not fetched".to_owned()))
            });
            LoadState::Failed(errors.to_string(), Arc::new(languages))
        }
    }
}
