//! Fetching the data files from the app's own folder and reading them with atlas-core.
use std::sync::Arc;

use atlas_core::borders::{parse_borders, Borders};
use atlas_core::{load_atlas, parse_basemap, Atlas, Basemap, DataFile, Warning};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Everything the map needs, read once at start.
#[derive(Debug)]
pub struct AtlasData {
    pub atlas: Atlas,
    pub basemap: Basemap,
    pub borders: Borders,
    pub warnings: Vec<Warning>,
}

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<AtlasData>),
    /// A message for the reader that names the file and the problem.
    Failed(String),
}

/// Fetches `url` as text, with a message naming the file when that fails.
async fn fetch_text(url: &str, file: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{file}: could not be fetched ({})", describe(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{file}: no response"))?;
    if !response.ok() {
        return Err(format!("{file}: the server answered {} {}", response.status(), response.status_text()));
    }
    let text = response.text().map_err(|e| format!("{file}: {}", describe(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| format!("{file}: could not be read ({})", describe(&e)))?;
    text.as_string().ok_or_else(|| format!("{file}: is not text"))
}

fn describe(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Fetches and reads `places.geojson`, `events.geojson`, `basemap.geojson` and
/// `borders.geojson` from `base`.
pub async fn load_atlas_data(base: &str) -> LoadState {
    let fetch = |name: &'static str| {
        let url = format!("{base}/{name}");
        async move { fetch_text(&url, name).await }
    };
    let (places, events, basemap, borders) = futures::join!(
        fetch("places.geojson"),
        fetch("events.geojson"),
        fetch("basemap.geojson"),
        fetch("borders.geojson")
    );
    let texts = [places, events, basemap, borders];
    let problems: Vec<String> = texts.iter().filter_map(|t| t.as_ref().err().cloned()).collect();
    if !problems.is_empty() {
        return LoadState::Failed(problems.join("\n"));
    }
    let [Ok(places), Ok(events), Ok(basemap), Ok(borders)] = texts else {
        return LoadState::Failed("the data files could not be read".to_owned());
    };
    match parse_all(&places, &events, &basemap, &borders) {
        Ok(data) => LoadState::Ready(Arc::new(data)),
        Err(message) => LoadState::Failed(message),
    }
}

/// Reads the four files' texts into [`AtlasData`]; the error lists every problem found.
pub fn parse_all(places: &str, events: &str, basemap: &str, borders: &str) -> Result<AtlasData, String> {
    let loaded = load_atlas(
        DataFile { name: "places.geojson", text: places },
        DataFile { name: "events.geojson", text: events },
    );
    let basemap = parse_basemap(DataFile { name: "basemap.geojson", text: basemap });
    let borders = parse_borders(DataFile { name: "borders.geojson", text: borders });
    match (loaded, basemap, borders) {
        (Ok(loaded), Ok(basemap), Ok((borders, border_warnings))) => {
            let mut warnings = loaded.warnings;
            warnings.extend(border_warnings);
            Ok(AtlasData { atlas: loaded.atlas, basemap, borders, warnings })
        }
        (loaded, basemap, borders) => {
            let errors = [loaded.err(), basemap.err(), borders.err()];
            let lines: Vec<String> =
                errors.iter().flatten().flat_map(|e| e.errors.iter().map(ToString::to_string)).collect();
            Err(lines.join("\n"))
        }
    }
}
