//! End-to-end tests: the release build (`dist/`, or `$ATLAS_DIST`) in headless Chromium.
//!
//! Run with `cargo xtask test` (builds `dist/`, installs Chromium, runs these one at a time), or
//! after `cargo xtask dist` with `cargo test -p entente-atlas --features browser-tests --test e2e`. Each test has its own
//! server, chromedriver and browser, so they can also run in parallel.
#![cfg(not(target_arch = "wasm32"))]

mod support;

// Further tests by area, in tests/e2e/ (one test binary, so `cargo xtask test` runs them all).
#[path = "e2e/attract.rs"]
mod attract;
#[path = "e2e/compare.rs"]
mod compare;
#[path = "e2e/handoff.rs"]
mod handoff;
#[path = "e2e/layout.rs"]
mod layout;
#[path = "e2e/map.rs"]
mod map;
#[path = "e2e/media.rs"]
mod media;
#[path = "e2e/security.rs"]
mod security;
#[path = "e2e/story.rs"]
mod story;
#[path = "e2e/targets.rs"]
mod targets;
#[path = "e2e/visitor.rs"]
mod visitor;

use support::{with_page, Override, PageOptions, FIRST_YEAR};

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
        let ids = page.wait_for_active_events(|ids| has(ids, CONF_02) && has(ids, CONF_03) && !has(ids, CONF_01)).await;
        assert!(has(&ids, CONF_02), "{CONF_02} (Kaunas, May 1935) missing at 1935: {ids:?}");
        assert!(has(&ids, CONF_03), "{CONF_03} (Riga, Dec 1935) missing at 1935: {ids:?}");
        assert!(!has(&ids, CONF_01), "{CONF_01} (1934) still active at 1935: {ids:?}");
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
        Override::ok("events.geojson", "{ \"type\": \"FeatureCollection\", \"features\": [ oops"),
    );
    with_page(options, |page| async move {
        page.open("").await;
        let message = page
            .load_error_text()
            .await
            .unwrap_or_else(|| panic!("no [data-testid=\"load-error\"] although events.geojson is invalid JSON"));
        assert!(message.contains("events.geojson"), "the load error should name the broken file: {message:?}");
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
        let path = support::screenshot_dir().join("screenshot.png");
        let (width, height) = page.screenshot(&path).await;
        assert_eq!((width, height), (1920, 1080), "screenshot {} has an unexpected size", path.display());
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn lang_lv_shows_latvian_names_and_interface() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?lang=lv").await;
        assert_eq!(page.attr(&support::page::sel::city(RIGA), "aria-label").await.as_deref(), Some("Rīga"));
        assert_eq!(page.text_of("h1").await.as_deref(), Some("Baltijas Antante, 1919–1940"));
        assert_eq!(page.html_lang().await, "lv");
        let heading = page.text_of("#active-heading").await.unwrap_or_default();
        assert!(heading.contains("gadā"), "the active list's heading is Latvian: {heading}");
    })
    .await;
}

#[tokio::test]
async fn lang_ru_shows_the_whole_atlas_in_russian() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?lang=ru&year=1935&city=riga").await;
        assert_eq!(page.html_lang().await, "ru");
        assert_eq!(page.text_of("h1").await.as_deref(), Some("Балтийская Антанта, 1919–1940"));
        let title = page.run_script("return document.title;").await.as_str().unwrap_or_default().to_owned();
        assert_eq!(title, "Балтийская Антанта, 1919–1940");
        assert_eq!(page.panel_heading().await, "Рига");
        assert_eq!(page.attr(&support::page::sel::city("tallinn"), "aria-label").await.as_deref(), Some("Таллин"));
        let switcher = page.text_of(r#"[data-testid="lang-ru"]"#).await.unwrap_or_default();
        assert_eq!(switcher, "Русский", "the switcher offers Russian, named in Russian");
        let panel = page.text_of("[data-testid=city-panel]").await.unwrap_or_default();
        assert!(panel.contains("9–11 декабря 1935 г."), "dates in Russian forms: {panel}");
        // The list gives its place to the open panel; its heading is still written in Russian.
        let heading = page.run_script("return document.getElementById('active-heading').textContent;").await;
        let heading = heading.as_str().unwrap_or_default().to_owned();
        assert!(heading.contains("1935"), "{heading}");
        assert!(!heading.contains("Active"), "the active list's heading is Russian: {heading}");
    })
    .await;
}

#[tokio::test]
async fn switching_to_lithuanian_renames_the_open_panel_and_keeps_the_year() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?lang=en").await;
        page.set_year(1936).await;
        page.click_city(RIGA).await;
        assert_eq!(page.panel_heading().await, "Riga");
        page.click(r#"[data-testid="lang-lt"]"#).await;
        let heading = page
            .wait_until("the panel heading in Lithuanian", support::page::WAIT, || async {
                let h = page.panel_heading().await;
                (h == "Ryga").then_some(h)
            })
            .await;
        assert_eq!(heading, "Ryga");
        assert_eq!(page.year().await, 1936, "switching language keeps the year");
        assert_eq!(page.html_lang().await, "lt");
    })
    .await;
}

#[tokio::test]
async fn an_unknown_language_falls_back_without_an_error() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?lang=xx").await;
        assert!(page.load_error_text().await.is_none(), "no error page");
        // Headless Chromium's language is English: the fallback after ?lang and the browser.
        assert_eq!(page.html_lang().await, "en");
        assert_eq!(page.attr(&support::page::sel::city(RIGA), "aria-label").await.as_deref(), Some("Riga"));
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Links, playback, kiosk and embedding
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_address_opens_its_state_and_follows_changes() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1934&city=riga&lang=lv").await;
        assert_eq!(page.year().await, 1934);
        assert_eq!(page.panel_heading().await, "Rīga");
        assert_eq!(page.html_lang().await, "lv");
        page.set_year(1936).await;
        page.wait_for_query("year=1936 with the city and language", |q| {
            q.contains("year=1936") && q.contains("city=riga") && q.contains("lang=lv")
        })
        .await;
        page.press_escape().await;
        page.wait_panel_closed().await;
        page.wait_for_query("no city once the panel is closed", |q| !q.contains("city=")).await;
    })
    .await;
}

#[tokio::test]
async fn bad_parameters_fall_back_silently() {
    with_page(PageOptions::default(), |page| async move {
        for query in ["?year=abc&city=%3Cscript%3E&lang=xx", "?year=1850", "?city=atlantis&year=19355"] {
            page.open(query).await;
            assert!(page.load_error_text().await.is_none(), "{query}: no error page");
            assert_eq!(page.year().await, FIRST_YEAR, "{query}: the default year");
            assert!(!page.panel_is_open().await, "{query}: no panel");
        }
    })
    .await;
}

#[tokio::test]
async fn play_steps_through_the_years_and_next_jumps_to_the_next_change() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1924").await;
        page.click(r#"[data-testid="next-change"]"#).await;
        // After 1924 the next change on the map is in October 1933 (Germany leaves the League).
        page.wait_for_year(1933, "next change from 1924").await;
        page.click(r#"[data-testid="play"]"#).await;
        page.wait_until("playback to reach 1934", std::time::Duration::from_secs(8), || async {
            (page.year().await >= 1934).then_some(())
        })
        .await;
        page.click(r#"[data-testid="play"]"#).await;
        assert_eq!(page.attr(r#"[data-testid="play"]"#, "aria-pressed").await.as_deref(), Some("false"));
    })
    .await;
}

#[tokio::test]
async fn an_idle_kiosk_counts_down_returns_to_the_start_and_plays_until_touched() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?kiosk&idle=3&year=1936&city=kaunas&lang=lt").await;
        assert_eq!(page.panel_heading().await, "Kaunas");
        let long = std::time::Duration::from_secs(15);
        page.wait_until("the countdown", long, || async {
            page.find_now(r#"[data-testid="kiosk-countdown"]"#).await.map(|_| ())
        })
        .await;
        // The countdown gives 20 s, whatever the idle time (WCAG 2.2.1).
        let countdown = std::time::Duration::from_secs(30);
        page.wait_until("the attract loop after the countdown", countdown, || async {
            page.find_now(r#"[data-testid="attract-hint"]"#).await.map(|_| ())
        })
        .await;
        assert!(!page.panel_is_open().await, "the panel is closed at the start");
        assert_eq!(page.html_lang().await, "lt", "the kiosk's own start language");
        let started = page.year().await;
        assert!(started <= FIRST_YEAR + 1, "back at the start, not {started}");
        page.wait_until("the attract loop to advance the year", long, || async {
            (page.year().await > started).then_some(())
        })
        .await;
        page.tap(r#"[data-testid="active-events"]"#).await;
        page.wait_until("the attract loop to stop at a touch", support::page::WAIT, || async {
            page.find_now(r#"[data-testid="attract-hint"]"#).await.is_none().then_some(())
        })
        .await;
        assert_eq!(page.attr(r#"[data-testid="play"]"#, "aria-pressed").await.as_deref(), Some("false"));
    })
    .await;
}

#[tokio::test]
async fn a_finger_drag_on_the_kiosk_slider_changes_the_year() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?kiosk&year=1920").await;
        let (_, _, _, height) = page.find(support::page::sel::YEAR_SLIDER).await.rectangle().await.expect("rect");
        assert!(height >= 48.0, "the slider is at least 48 px tall to touch: {height}");
        for city in ["riga", "bulduri", "geneva"] {
            let hit = format!(r#"[data-testid="city-{city}"] .hit"#);
            let (_, _, w, h) = page.find(&hit).await.rectangle().await.expect("the city's touch target");
            assert!(w >= 48.0 && h >= 48.0, "{city}'s touch target is {w}×{h} px");
        }
        page.touch_drag_slider_to(1934, 48.0).await;
        page.wait_until("the year to follow the finger", support::page::WAIT, || async {
            let year = page.year().await;
            (year != 1920).then_some(year)
        })
        .await;
        let year = page.year().await;
        assert!((1932..=1936).contains(&year), "dragged near 1934, got {year}");
    })
    .await;
}

const EMBED_PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Museum page</title></head>
<body><h1>Our museum</h1>
<iframe src="/index.html?embed" width="800" height="500" title="Baltic Entente Atlas"></iframe>
<script>
  window.received = [];
  window.addEventListener("message", (e) => window.received.push(e.data));
</script></body></html>"#;

#[tokio::test]
async fn an_embedded_map_obeys_and_reports_to_its_parent_page() {
    let options = PageOptions::default().override_path("/museum.html", Override::foreign_page(EMBED_PAGE));
    with_page(options, |page| async move {
        page.client().goto(&page.url("museum.html")).await.expect("open the museum page");
        page.wait_until("the map to report its state", std::time::Duration::from_secs(30), || async {
            let n = page.run_script("return window.received.length;").await.as_u64().unwrap_or(0);
            (n > 0).then_some(())
        })
        .await;
        page.run_script(
            r#"const f = document.querySelector("iframe").contentWindow;
               f.postMessage({ type: "navigate", url: "https://example.org" }, "*");
               f.postMessage({ type: "set-year", year: 1934 }, "*"); return true;"#,
        )
        .await;
        page.enter_frame().await;
        page.wait_for_year(1934, "set-year from the parent page").await;
        // Inside the iframe, WebDriver's own element click (at the dot's centre).
        page.click(r#"[data-testid="city-riga"] .dot"#).await;
        assert_eq!(page.panel_heading().await, "Riga", "the city panel opened in the frame");
        page.leave_frame().await;
        let found = support::page::poll(support::page::WAIT, || async {
            let found = page
                .run_script(r#"return window.received.some(m => m && m.type === "entente-atlas:state" && m.city === "riga" && m.year === 1934);"#)
                .await;
            (found == serde_json::Value::Bool(true)).then_some(())
        })
        .await;
        if found.is_none() {
            let received = page.run_script("return JSON.stringify(window.received);").await;
            panic!("the parent page received no state naming Riga in 1934: {received}");
        }
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Historical borders
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn moving_from_1938_to_1939_changes_the_borders_and_leaves_the_cities_in_place() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1938").await;
        let borders = r#"[data-testid="borders"]"#;
        let epoch_1938 = page.attr(borders, "data-epoch").await.expect("the borders layer");
        assert!(epoch_1938.contains("lithuania-1923-1939"), "Lithuania with Klaipėda in 1938: {epoch_1938}");
        // The marker's centre: its label may change sides from year to year as others give way,
        // and an active city's dot is larger.
        let riga = format!("{} .dot", support::page::sel::city(RIGA));
        let centre = |(x, y, w, h): (f64, f64, f64, f64)| ((x + w / 2.0).round(), (y + h / 2.0).round());
        let riga_1938 = centre(page.find(&riga).await.rectangle().await.expect("Riga's marker"));
        assert_eq!(
            page.text_of(r#"[data-testid="borders-date"]"#).await.as_deref(),
            Some("Borders on 31 December 1938")
        );
        page.set_year(1939).await;
        let epoch_1939 = page
            .wait_until("new borders for 1939", support::page::WAIT, || async {
                page.attr(borders, "data-epoch").await.filter(|e| *e != epoch_1938)
            })
            .await;
        assert!(epoch_1939.contains("germany-1939-1940"), "Klaipėda German from March 1939: {epoch_1939}");
        assert!(!epoch_1939.contains("lithuania-1923-1939"), "{epoch_1939}");
        let riga_1939 = centre(page.find(&riga).await.rectangle().await.expect("Riga's marker"));
        assert_eq!(riga_1938, riga_1939, "the cities stay where they are");
        assert_eq!(
            page.text_of(r#"[data-testid="borders-date"]"#).await.as_deref(),
            Some("Borders on 31 December 1939")
        );
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// A kiosk afternoon, compressed: random touches and idle periods
// ---------------------------------------------------------------------------------------------

/// What must hold after anything a visitor does.
async fn assert_kiosk_is_whole(page: &support::AtlasPage, after: &str) {
    assert!(page.load_error_text().await.is_none(), "{after}: an error page");
    let year = page.year().await;
    assert!((FIRST_YEAR..=support::LAST_YEAR).contains(&year), "{after}: year {year}");
    let state = page
        .run_script(
            r#"return {
                panels: document.querySelectorAll('[data-testid="city-panel"]').length,
                scrolls: document.documentElement.scrollWidth > window.innerWidth + 1
                      || document.documentElement.scrollHeight > window.innerHeight + 1,
                cities: document.querySelectorAll('[data-testid^="city-"][role="button"]').length,
            };"#,
        )
        .await;
    assert!(state["panels"].as_u64().unwrap_or(9) <= 1, "{after}: {state}");
    assert_eq!(state["scrolls"], serde_json::Value::Bool(false), "{after}: the kiosk page scrolls: {state}");
    // Every place of places.geojson but the context ones and the towns (which have no button).
    let cities = support::served_features("places.geojson", |f| {
        f["properties"]["role"] != "context" && f["properties"]["role"] != "town"
    });
    assert_eq!(state["cities"].as_u64(), Some(cities as u64), "{after}: every city is on the map: {state}");
}

#[tokio::test]
async fn a_kiosk_survives_random_touches_and_idle_periods() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?kiosk&idle=2&lang=et").await;
        let cities = ["tallinn", "riga", "kaunas", "geneva", "bulduri", "tartu", "helsinki", "moscow", "berlin"];
        let buttons = [
            "zoom-in",
            "zoom-out",
            "reset-view",
            "lang-lv",
            "lang-lt",
            "lang-en",
            "lang-ru",
            "next-change",
            "previous-change",
            "play",
        ];
        // A fixed pseudo-random sequence, so that a failure can be replayed.
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for step in 0..40 {
            let action = match next(6) {
                0 => {
                    let city = cities[next(cities.len() as u64) as usize];
                    let css = support::page::sel::city(city);
                    // A visitor can only touch what is on screen: after zooming in, a city (the
                    // insets' Geneva and Berlin included, as the insets zoom with the map) may be
                    // outside the window.
                    if page.is_on_screen(&css).await {
                        page.tap(&css).await;
                        format!("tap {city}")
                    } else {
                        format!("{city} is off screen")
                    }
                }
                1 => {
                    let year = FIRST_YEAR + next(22) as i32;
                    page.touch_drag_slider_to(year, 48.0).await;
                    format!("drag the slider to {year}")
                }
                2 | 3 => {
                    let button = buttons[next(buttons.len() as u64) as usize];
                    let css = format!(r#"[data-testid="{button}"]"#);
                    if page.attr(&css, "disabled").await.is_none() {
                        page.tap(&css).await;
                    }
                    format!("tap {button}")
                }
                4 => {
                    if page.panel_is_open().await {
                        page.tap(r#"[data-testid="city-panel"] button.close"#).await;
                    }
                    "close the panel".to_owned()
                }
                _ => {
                    let pause = 200 + next(2600);
                    tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
                    format!("stand still {pause} ms")
                }
            };
            assert_kiosk_is_whole(&page, &format!("step {step}: {action}")).await;
        }
        // Walk away: the kiosk must come back to its start by itself (2 s idle, 20 s countdown).
        page.wait_until("the attract loop after walking away", std::time::Duration::from_secs(35), || async {
            page.find_now(r#"[data-testid="attract-hint"]"#).await.map(|_| ())
        })
        .await;
        assert_eq!(page.html_lang().await, "et", "back in the kiosk's language");
        assert!(!page.panel_is_open().await);
        assert!(page.attr(r#"[data-testid="reset-view"]"#, "disabled").await.is_some(), "the whole map is shown");
        assert_kiosk_is_whole(&page, "after returning to the start").await;
    })
    .await;
}

#[tokio::test]
async fn a_keyboard_opens_a_city_with_enter_or_space() {
    with_page(PageOptions::default(), |page| async move {
        page.open("").await;
        let tallinn = page.find(&support::page::sel::city("tallinn")).await;
        tallinn.send_keys(&char::from(fantoccini::key::Key::Enter).to_string()).await.expect("Enter on Tallinn");
        assert_eq!(page.panel_heading().await, "Tallinn");
        page.press_escape().await;
        page.wait_panel_closed().await;
        let focused = page.run_script("return document.activeElement.getAttribute('data-testid');").await;
        assert_eq!(focused.as_str(), Some("city-tallinn"), "focus goes back to the city");
        let tartu = page.find(&support::page::sel::city("tartu")).await;
        tartu.send_keys(" ").await.expect("Space on Tartu");
        assert_eq!(page.panel_heading().await, "Tartu");
        assert_eq!(page.panel_event_ids().await.len(), 2, "the two Tartu conferences of 1919");
    })
    .await;
}
