//! End-to-end test support: a static server for `dist/`, Chromium through chromedriver, and the
//! `AtlasPage` page object. Used by `tests/e2e.rs`; native only.
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code, unused_imports)]

pub mod axe;
pub mod browser;
pub mod cdp;
pub mod memory;
pub mod page;
pub mod server;

pub use browser::{dist_dir, offered_languages, screenshot_dir, served_data, served_features, with_page, PageOptions};
pub use page::{AtlasPage, FIRST_YEAR, LAST_YEAR};
pub use server::{Override, StaticServer};
mod page_more;
