//! Talking to the page that embeds the map in an iframe (`postMessage`).
//!
//! The map sends `{ "type": "entente-atlas:state", "year": 1934, "city": "riga" | null }`
//! to its parent whenever the year or city changes, and accepts
//! `{ "type": "set-year", "year": 1934 }` and `{ "type": "set-city", "city": "riga" }`;
//! anything else is ignored.
use std::sync::Arc;

use atlas_core::link::EmbedCommand;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::Selection;
use atlas_core::DataSet;

/// The parent window, when the map is inside an iframe.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!Object::is(&parent, &window)).then_some(parent)
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Reports changes to the parent page and obeys its commands; does nothing outside an iframe.
pub fn use_embed_bridge(selection: Selection, data: Arc<DataSet>) {
    let Some(parent) = parent_window() else { return };
    Effect::new(move |_| {
        let message = Object::new();
        let city = selection.city().map(|c| JsValue::from_str(c.as_str())).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&message, &"type".into(), &"entente-atlas:state".into());
        let _ = Reflect::set(&message, &"year".into(), &JsValue::from(selection.year()));
        let _ = Reflect::set(&message, &"city".into(), &city);
        let _ = parent.post_message(&message, "*");
    });
    let _ = leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::message, move |event| {
        let message = event.data();
        let command = EmbedCommand::from_message(
            field(&message, "type").as_string().as_deref(),
            field(&message, "year").as_f64(),
            field(&message, "city").as_string().as_deref(),
        );
        match command {
            Some(EmbedCommand::SetYear(year)) => {
                let (first, last) = selection.years();
                if (first..=last).contains(&year) {
                    selection.set_year(year);
                }
            }
            Some(EmbedCommand::SetCity(city)) if data.atlas.place(&city).is_some() => selection.open_city(city),
            _ => {}
        }
    });
}
