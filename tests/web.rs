//! In-browser tests: the app's components mounted in headless Chromium
//! (`cargo xtask test` runs them through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;
use std::sync::Arc;

use atlas_core::dataset::{files_to_read, LANGUAGES_FILE};
use atlas_core::DataSet;
use entente_atlas::ui::{AtlasView, LoadError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The committed data files, fetched as the app fetches them: `languages.json`, then every file
/// it names ([`files_to_read`]), so that a language added as data needs no change here.
/// wasm-bindgen-test-runner serves the package's folder (the working directory) beside the test.
async fn committed() -> HashMap<String, Result<Vec<u8>, String>> {
    let languages = fetch(LANGUAGES_FILE).await;
    let mut files: HashMap<String, Result<Vec<u8>, String>> = HashMap::new();
    for name in files_to_read(languages.as_deref().ok()) {
        let bytes = fetch(&name).await;
        files.insert(name, bytes);
    }
    files.insert(LANGUAGES_FILE.to_owned(), languages);
    files
}

/// One committed data file, `public/data/<name>`, from the test runner's server.
async fn fetch(name: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&format!("public/data/{name}")))
        .await
        .map_err(|e| format!("{name}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{name}: not a response"))?;
    if !response.ok() {
        return Err(format!("{name}: the server answered {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{name}: {e:?}"))?)
        .await
        .map_err(|e| format!("{name}: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn read(files: &HashMap<String, Result<Vec<u8>, String>>, name: &str) -> Result<Vec<u8>, String> {
    files.get(name).cloned().unwrap_or_else(|| Err(format!("{name} was not fetched")))
}

/// A fresh container in the page, so tests do not see each other's DOM.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().expect("window").document().expect("document");
    let div = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

async fn mount_atlas() -> web_sys::HtmlElement {
    let files = committed().await;
    let data = Arc::new(DataSet::load(|name| read(&files, name)).expect("the real data files load"));
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <AtlasView data=data.clone() /> });
    handle.forget();
    root
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).expect("valid selector")
}

fn event_ids(root: &web_sys::HtmlElement, list: &str) -> Vec<String> {
    let nodes = root.query_selector_all(&format!("{list} [data-event-id]:not([hidden])")).expect("selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-event-id"))
        .collect()
}

fn set_slider(root: &web_sys::HtmlElement, year: i32) {
    let input: web_sys::HtmlInputElement = query(root, "[data-testid=year-slider]").expect("slider").unchecked_into();
    input.set_value(&year.to_string());
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
}

fn click(element: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event");
    element.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_slider_changes_the_year_label_and_the_active_list() {
    let root = mount_atlas().await;
    set_slider(&root, 1935);
    leptos::task::tick().await;
    let label = query(&root, "[data-testid=year-label]").expect("label").text_content().unwrap_or_default();
    assert_eq!(label.trim(), "1935");
    let active = event_ids(&root, "[data-testid=active-events]");
    assert!(active.contains(&"baltic-entente-conference-02".to_owned()), "{active:?}");
    assert!(active.contains(&"baltic-entente-conference-03".to_owned()), "{active:?}");
    assert!(!active.contains(&"baltic-entente-conference-01".to_owned()), "{active:?}");
    let kaunas = query(&root, "[data-testid=city-kaunas]").expect("kaunas marker");
    assert!(kaunas.class_list().contains("active"), "Kaunas held a conference in 1935");
    let geneva = query(&root, "[data-testid=city-geneva]").expect("geneva marker");
    assert!(!geneva.class_list().contains("active"), "nothing happened in Geneva in 1935");
}

#[wasm_bindgen_test]
async fn clicking_a_city_opens_its_panel_and_close_closes_it() {
    let root = mount_atlas().await;
    set_slider(&root, 1937);
    leptos::task::tick().await;
    click(&query(&root, "[data-testid=city-kaunas]").expect("kaunas marker"));
    leptos::task::tick().await;
    let panel = query(&root, "[data-testid=city-panel]").expect("panel is open");
    assert_eq!(panel.query_selector("h2").ok().flatten().and_then(|h| h.text_content()).as_deref(), Some("Kaunas"));
    let held = event_ids(&root, "[data-testid=city-panel]");
    assert_eq!(held, ["baltic-entente-conference-02", "baltic-entente-conference-06", "baltic-entente-conference-09"]);
    let current = root.query_selector_all("[data-testid=city-panel] .current").expect("selector").length();
    assert_eq!(current, 1, "only the 1937 conference is marked");
    click(&panel.query_selector("button.close").ok().flatten().expect("close button"));
    leptos::task::tick().await;
    assert!(query(&root, "[data-testid=city-panel]").is_none(), "panel closed");
}

#[wasm_bindgen_test]
async fn a_load_error_names_the_file() {
    let root = container();
    let files = committed().await;
    let message =
        DataSet::load(|name| if name == "events.geojson" { Ok(b"{ not json".to_vec()) } else { read(&files, name) })
            .expect_err("broken events file")
            .to_string();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <LoadError message=message.clone() /> });
    handle.forget();
    leptos::task::tick().await;
    let text = query(&root, "[data-testid=load-error]").expect("error shown").text_content().unwrap_or_default();
    assert!(text.contains("events.geojson"), "{text}");
    assert!(text.contains("line 1"), "{text}");
}

#[wasm_bindgen_test]
fn a_fatal_error_is_shown_in_the_readers_language() {
    let document = web_sys::window().expect("window").document().expect("document");
    let shown = |message: Option<&str>| {
        if let Some(message) = message {
            entente_atlas::browser::set_fatal_message(message);
        }
        entente_atlas::browser::show_fatal_error(atlas_core::link::Mode::Standard);
        let alert = document.query_selector("[data-testid=fatal-error]").expect("selector").expect("message shown");
        assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
        let text = alert.text_content().unwrap_or_default();
        alert.remove();
        text
    };
    // Before the app has read a language file, the built-in English text.
    assert!(shown(None).contains("The map stopped because of an error."));
    assert_eq!(shown(Some("Karte apstājās kļūdas dēļ.")), "Karte apstājās kļūdas dēļ.");
}
