//! The few things the app asks of the browser: the address, its languages, the
//! page's `lang`. Everything here is a thin call; the decisions are in atlas-core.
use atlas_core::link::{preferred_lang, LinkState};
use atlas_core::Lang;

/// The address's query string, `?year=…` (empty when there is none).
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
    if languages.is_empty() {
        languages.extend(navigator.language());
    }
    languages
}

/// The language to start in: `?lang=`, else the browser's first known language, else English.
pub fn initial_lang(link: &LinkState) -> Lang {
    link.lang.or_else(|| preferred_lang(browser_languages().iter().map(String::as_str))).unwrap_or(Lang::En)
}

/// Sets `<html lang>` (so that screen readers and hyphenation follow the choice) and the
/// page's title in that language.
pub fn set_document_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(atlas_core::i18n::UiText::of(lang).app_title);
}

/// Replaces the address's query in place (no new history entry), keeping the path.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}{hash}")));
    }
}

/// Adds a named mark to the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Gives keyboard focus back to a city's marker (after its panel closes).
pub fn focus_city_marker(place: &str) {
    use wasm_bindgen::JsCast;
    let marker = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(r#"[data-testid="city-{place}"]"#)).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(marker) = marker {
        let _ = marker.focus();
    }
}
