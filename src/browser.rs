//! The few things the app asks of the browser: the address, its languages, the
//! page's `lang`. Everything here is a thin call; the decisions are in atlas-core.
use std::cell::RefCell;

use atlas_core::i18n::{Languages, PluralCategory, UiText};
use atlas_core::link::{LinkState, Mode};
use atlas_core::Lang;
use wasm_bindgen::JsCast;

/// The address's query string, `?year=…` (empty when there is none).
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// What the address asks for, read once when the page opens. Any year is taken here; the
/// atlas keeps only one of its own years (see `ui::AtlasView`).
pub fn start_link() -> LinkState {
    LinkState::parse(&query(), i32::MIN..=i32::MAX)
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

/// The language to start in: `?lang=` if offered, else the browser's first offered language,
/// else English.
pub fn initial_lang(link: &LinkState, languages: &Languages) -> Lang {
    link.lang
        .filter(|lang| languages.find(*lang).is_some())
        .or_else(|| languages.preferred(browser_languages().iter().map(String::as_str)))
        .unwrap_or(Lang::EN)
}

/// The CLDR plural category of `n` in `lang`, by the browser's `Intl.PluralRules`
/// (no plural rules in the wasm); English's rule if the browser has none.
/// The rules are made once per language (making them is the costly part, and a step of the
/// time bar asks several times).
pub fn plural_category(lang: Lang, n: u32) -> PluralCategory {
    thread_local! {
        static RULES: std::cell::RefCell<Vec<(Lang, js_sys::Intl::PluralRules)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let category = RULES.with_borrow_mut(|made| {
        let at = match made.iter().position(|(l, _)| *l == lang) {
            Some(at) => at,
            None => {
                let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(lang.code()));
                made.push((lang, js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())));
                made.len() - 1
            }
        };
        String::from(made[at].1.select(f64::from(n)))
    });
    category.parse().unwrap_or_else(|_| PluralCategory::english(n))
}

/// Sets `<html lang>` (so that screen readers and hyphenation follow the choice) and the
/// page's title in that language.
pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(title);
}

/// Removes the first paint (index.html's `#boot`: the title and a progress sign shown before
/// the wasm arrives), once the app shows the atlas or why it cannot.
pub fn remove_boot_screen() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
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

/// Marks `name` at the start of the next frame: what was just drawn is then on screen.
pub fn mark_next_frame(name: &'static str) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || mark(name));
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Gives keyboard focus back to a city's marker (after its panel closes).
pub fn focus_city_marker(place: &str) {
    let marker = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(r#"[data-testid="city-{place}"]"#)).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(marker) = marker {
        let _ = marker.focus();
    }
}

/// The size of the wasm's linear memory in bytes (it only grows; a leak shows here). Exported
/// for the end-to-end tests and the benchmark: `window.wasmBindings.wasm_memory_bytes()`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| f64::from(js_sys::ArrayBuffer::from(memory.buffer()).byte_length()))
        .unwrap_or(f64::NAN)
}

/// The bytes the wasm has allocated and not freed (see `crate::heap`), for the same tests:
/// `window.wasmBindings.wasm_heap_bytes()`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_heap_bytes() -> f64 {
    crate::heap::live_bytes() as f64
}

/// Seconds before a kiosk reloads after a fatal error.
const KIOSK_RELOAD_SECONDS: i32 = 5;

/// The fatal-error overlay's look, set through the CSSOM (`element.style.setProperty`), which a
/// Content-Security-Policy without `'unsafe-inline'` allows, unlike a `style="…"` attribute; it
/// does not depend on the stylesheets, which may be what failed.
const OVERLAY_STYLE: &[(&str, &str)] = &[
    ("position", "fixed"),
    ("inset", "0"),
    ("z-index", "99"),
    ("display", "flex"),
    ("align-items", "center"),
    ("justify-content", "center"),
    ("background", "#f7f4ec"),
    ("color", "#1a1a1a"),
    ("font", "1.4rem system-ui, sans-serif"),
    ("padding", "2rem"),
    ("text-align", "center"),
];

thread_local! {
    /// The fatal-error message in the reader's language (the language file's `fatal_error`), kept
    /// out of the reactive system: after a panic the app's signals may be in any state.
    static FATAL_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps `message` for the fatal-error overlay; the app calls it whenever the language changes.
pub fn set_fatal_message(message: &str) {
    FATAL_MESSAGE.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some(message.to_owned());
        }
    });
}

/// The message kept by [`set_fatal_message`]. Before the app has set one (a panic before its
/// first render), it is the built-in English text; that is also the text the app keeps when
/// `languages.json` or a language file cannot be read, as the reader's language is then English.
fn fatal_message() -> String {
    FATAL_MESSAGE
        .try_with(|slot| slot.try_borrow().ok().and_then(|m| m.clone()))
        .ok()
        .flatten()
        .unwrap_or_else(|| UiText::builtin_english().fatal_error().to_owned())
}

fn show_overlay(document: &web_sys::Document, message: &str) -> Result<(), wasm_bindgen::JsValue> {
    let body = document.body().ok_or("no body")?;
    let overlay: web_sys::HtmlElement = document.create_element("div")?.dyn_into()?;
    overlay.set_attribute("role", "alert")?;
    overlay.set_attribute("data-testid", "fatal-error")?;
    overlay.set_text_content(Some(message));
    let style = overlay.style();
    for (name, value) in OVERLAY_STYLE {
        style.set_property(name, value)?;
    }
    body.append_child(&overlay)?;
    Ok(())
}

/// Shows a plain message in the reader's language over the page after a fatal error (the app
/// can no longer draw anything itself); a kiosk reloads to its start after a few seconds.
pub fn show_fatal_error(mode: Mode) {
    let Some(window) = web_sys::window() else { return };
    if let Some(document) = window.document() {
        let _ = show_overlay(&document, &fatal_message());
    }
    if mode == Mode::Kiosk {
        let location = window.location();
        let closure = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = location.reload();
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            closure.unchecked_ref(),
            KIOSK_RELOAD_SECONDS * 1000,
        );
    }
}

/// A length custom property of `element` in CSS pixels (`--thumb: 28px`), as the cascade gives
/// it there; `None` where it is unset or not in pixels.
pub fn css_px(element: &web_sys::Element, name: &str) -> Option<f64> {
    css_value(element, name)?.trim().strip_suffix("px")?.trim().parse().ok()
}

/// A custom property of `element` (`--page-width`) as the cascade gives it there.
pub fn css_value(element: &web_sys::Element, name: &str) -> Option<String> {
    let style = web_sys::window()?.get_computed_style(element).ok()??;
    style.get_property_value(name).ok()
}
