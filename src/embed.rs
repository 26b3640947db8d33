//! Talking to the page that embeds the map in an iframe (`postMessage`).
//!
//! The map sends `{ "type": "entente-atlas:state", "year": 1934, "date": "1934-12-31", "city":
//! "riga" | null }` to its parent whenever the day or city changes, and accepts
//! `{ "type": "set-year", "year": 1934 }`, `{ "type": "set-date", "date": "1940-08-10" }` and
//! `{ "type": "set-city", "city": "riga" }`; anything else is ignored.
//!
//! Who it talks to is a choice, not an accident:
//! - it obeys only its parent window (`event.source === window.parent`), and only when the
//!   message comes from the parent's origin, if that is known; a sibling frame or a popup is
//!   ignored;
//! - it sends its state to the parent's origin: `?parent=https://museum.example` if the
//!   address says so, else the origin of the page that loaded it (`document.referrer`); with
//!   neither it sends nothing; `?parent=*` (the embedder's explicit choice) sends to any origin.
use std::sync::Arc;

use atlas_core::link::{EmbedCommand, LinkState, ParentOrigin};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::{Selection, SelectionSetter};
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

/// The origin the map talks to: `?parent=`, else the embedding page's (the referrer's), as the
/// browser's `URL` serializes it, which is what `MessageEvent.origin` reports.
fn parent_origin(link: &LinkState) -> Option<ParentOrigin> {
    let origin = link.parent.clone().or_else(|| {
        let referrer = web_sys::window()?.document()?.referrer();
        ParentOrigin::of_url(&referrer)
    })?;
    match origin {
        ParentOrigin::Any => Some(ParentOrigin::Any),
        ParentOrigin::Origin(origin) => {
            let serialized = web_sys::Url::new(&origin).ok()?.origin();
            (serialized != "null").then_some(ParentOrigin::Origin(serialized))
        }
    }
}

/// Reports changes to the parent page and obeys its commands; does nothing outside an iframe.
pub fn use_embed_bridge(selection: Selection, select: SelectionSetter, data: Arc<DataSet>, link: &LinkState) {
    let Some(parent) = parent_window() else { return };
    let origin = parent_origin(link);
    if origin.is_none() {
        web_sys::console::warn_1(
            &"entente-atlas: the embedding page's origin is unknown (no ?parent= and no referrer), so the map \
              sends it no state; add ?parent=https://your.site (or ?parent=* for any) to the iframe's address"
                .into(),
        );
    }
    let target = origin.clone();
    let sender = parent.clone();
    Effect::new(move |_| {
        let message = Object::new();
        let city = selection.city().map(|c| JsValue::from_str(c.as_str())).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&message, &"type".into(), &"entente-atlas:state".into());
        let _ = Reflect::set(&message, &"year".into(), &JsValue::from(selection.year()));
        let _ = Reflect::set(&message, &"date".into(), &JsValue::from(selection.day().to_string()));
        let _ = Reflect::set(&message, &"city".into(), &city);
        if let Some(target) = &target {
            let _ = sender.post_message(&message, target.target());
        }
    });
    let _ = leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::message, move |event| {
        let from_parent = event.source().is_some_and(|source| Object::is(&source, &parent));
        let from_its_origin = origin.as_ref().is_none_or(|origin| origin.allows(&event.origin()));
        if !from_parent || !from_its_origin {
            return;
        }
        let message = event.data();
        let command = EmbedCommand::from_message(
            field(&message, "type").as_string().as_deref(),
            field(&message, "year").as_f64(),
            field(&message, "date").as_string().as_deref(),
            field(&message, "city").as_string().as_deref(),
        );
        match command {
            Some(EmbedCommand::SetYear(year)) => {
                let (first, last) = select.years();
                if (first..=last).contains(&year) {
                    select.set_year(year);
                }
            }
            Some(EmbedCommand::SetDate(day)) => select.set_day(day),
            Some(EmbedCommand::SetCity(city)) if data.atlas.place(&city).is_some() => select.open_city(city),
            _ => {}
        }
    });
}
