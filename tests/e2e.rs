//! End-to-end tests: the release build (`dist/`, or `$ATLAS_DIST`) in headless Chromium.
//!
//! Run with `cargo xtask test` (builds `dist/`, installs Chromium, runs these one at a time), or
//! after `cargo xtask dist` with `cargo test -p entente-atlas --test e2e`. Each test has its own
//! server, chromedriver and browser, so they can also run in parallel.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use support::{with_page, Override, PageOptions};

/// Place ids of the cities used below (`data-testid="city-<id>"`).
const KAUNAS: &str = "kaunas";
const RIGA: &str = "riga";

const CONF_01: &str = "baltic-entente-conference-01";
const CONF_02: &str = "baltic-entente-conference-02";
const CONF_03: &str = "baltic-entente-conference-03";
const CONF_06: &str = "baltic-entente-conference-06";
const CONF_09: &str = "baltic-entente-conference-09";

fn has(ids: &[String], id: &str) -> bool {
    ids.iter().any(|i| i == id)
}

#[tokio::test]
async fn year_1935_lists_the_kaunas_and_riga_conferences_of_that_year() {
    with_page(PageOptions::default(), |page| async move {
        page.open("").await;
        page.set_year(1935).await;
        let ids = page
            .wait_for_active_events(|ids| {
                has(ids, CONF_02) && has(ids, CONF_03) && !has(ids, CONF_01)
            })
            .await;
        assert!(
            has(&ids, CONF_02),
            "{CONF_02} (Kaunas, May 1935) missing at 1935: {ids:?}"
        );
        assert!(
            has(&ids, CONF_03),
            "{CONF_03} (Riga, Dec 1935) missing at 1935: {ids:?}"
        );
        assert!(
            !has(&ids, CONF_01),
            "{CONF_01} (1934) still active at 1935: {ids:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn kaunas_panel_lists_its_three_conferences_and_escape_closes_it() {
    with_page(PageOptions::default(), |page| async move {
        page.open("").await;
        page.click_city(KAUNAS).await;
        assert_eq!(page.panel_heading().await, "Kaunas");
        assert_eq!(
            page.panel_event_ids().await,
            [CONF_02, CONF_06, CONF_09],
            "the Kaunas panel should list the Baltic Entente conferences held there, in date order"
        );
        page.press_escape().await;
        page.wait_panel_closed().await;
    })
    .await;
}

#[tokio::test]
async fn a_broken_events_file_shows_a_load_error_naming_it() {
    let options = PageOptions::default().override_path(
        "/data/events.geojson",
        Override::ok(
            "events.geojson",
            "{ \"type\": \"FeatureCollection\", \"features\": [ oops",
        ),
    );
    with_page(options, |page| async move {
        page.open("").await;
        let message = page.load_error_text().await.unwrap_or_else(|| {
            panic!("no [data-testid=\"load-error\"] although events.geojson is invalid JSON")
        });
        assert!(
            message.contains("events.geojson"),
            "the load error should name the broken file: {message:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn screenshot_of_riga_in_1934_for_the_docs() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("").await;
        page.set_year(1934).await;
        page.click_city(RIGA).await;
        assert_eq!(page.panel_heading().await, "Riga");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshot.png");
        let (width, height) = page.screenshot(&path).await;
        assert_eq!(
            (width, height),
            (1920, 1080),
            "screenshot {} has an unexpected size",
            path.display()
        );
    })
    .await;
}
