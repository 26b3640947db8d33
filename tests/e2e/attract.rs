//! End-to-end tests of the kiosk's attract loop and of the first paint (issue 19, items 4 and 5):
//! the invitation keeps off the highlighted cities, a tap during the loop does what it touches at
//! once, and the title shows before the app is ready on a slow link.
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, PointerAction, TouchActions};

use crate::support::cdp::cdp;
use crate::support::page::{poll, sel, thumb_offset};
use crate::support::{screenshot_dir, with_page, AtlasPage, Override, PageOptions};

/// The hint's box against every part of each highlighted city (its dot or arrow and its name),
/// the map's buttons and its insets, as the page draws them: `null` until the hint is placed.
const COVERAGE: &str = r#"
const hint = document.querySelector('[data-testid="attract-hint"]');
if (!hint || !hint.classList.contains('placed')) return null;
const h = hint.getBoundingClientRect();
const hits = (r) => r.width > 0 && r.left < h.right && h.left < r.right && r.top < h.bottom && h.top < r.bottom;
const covered = [];
let active = 0;
for (const city of document.querySelectorAll('.city.active')) {
  active += 1;
  for (const part of city.querySelectorAll('.dot, .edge-arrow, text.label')) {
    if (hits(part.getBoundingClientRect())) covered.push(city.dataset.testid + ' ' + part.getAttribute('class'));
  }
}
for (const css of ['.zoom-controls', '.frame.inset > rect.frame-border']) {
  for (const el of document.querySelectorAll(css)) if (hits(el.getBoundingClientRect())) covered.push(css);
}
const map = document.querySelector('.map-box').getBoundingClientRect();
const inside = h.left >= map.left - 1 && h.top >= map.top - 1 && h.right <= map.right + 1 && h.bottom <= map.bottom + 1;
const news = [...hint.querySelectorAll('.attract-news li')].map((li) => li.textContent);
return { day: document.querySelector('[data-testid="selected-date"]').textContent, active, covered, inside, news };
"#;

/// The heading of the open city panel, if one is open.
async fn open_panel(page: &AtlasPage) -> Option<String> {
    page.text_of("#city-panel-heading").await.map(|t| t.trim().to_owned())
}

/// Waits for the kiosk (opened with `?idle=2`) to count down and start its loop, with its hint
/// placed on the map.
async fn wait_for_the_loop(page: &AtlasPage) {
    page.wait_until("the attract loop's hint, placed", Duration::from_secs(30), || async {
        page.find_now(r#"[data-testid="attract-hint"].placed"#).await.map(|_| ())
    })
    .await;
}

#[tokio::test]
async fn the_attract_invitation_never_covers_a_highlighted_city() {
    for (width, height) in [(1920, 1080), (1080, 1920)] {
        for lang in ["lv", "lt"] {
            let options = PageOptions::default().size(width, height).timeout(Duration::from_secs(90));
            with_page(options, move |page| async move {
                page.open(&format!("?kiosk&idle=2&lang={lang}")).await;
                wait_for_the_loop(&page).await;
                // The first steps: Tallinn in 1919 (its panel opens), Tartu twice, Helsinki in
                // 1920 and the borders of January 1920 — where the old invitation sat on them.
                let mut days = std::collections::BTreeSet::new();
                let mut with_active = 0;
                let started = Instant::now();
                while started.elapsed() < Duration::from_secs(16) {
                    let seen = page.run_script(COVERAGE).await;
                    if !seen.is_null() {
                        let at = format!("{width}×{height} {lang} {}", seen["day"]);
                        assert_eq!(seen["covered"], serde_json::json!([]), "{at}: the hint covers {seen}");
                        assert_eq!(seen["inside"], true, "{at}: the hint leaves the map: {seen}");
                        if seen["active"].as_u64().unwrap_or(0) > 0 {
                            with_active += 1;
                        }
                        days.insert(seen["day"].to_string());
                    }
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                assert!(days.len() >= 4, "{width}×{height} {lang}: the loop showed only {days:?}");
                assert!(with_active >= 10, "{width}×{height} {lang}: few looks with a highlighted city");
                let name = format!("kiosk-attract-{width}x{height}-{lang}.png");
                page.screenshot(&screenshot_dir().join(name)).await;
            })
            .await;
        }
    }
}

#[tokio::test]
async fn the_attract_loop_shows_the_news_moves_the_thumb_and_opens_a_panel_by_itself() {
    with_page(PageOptions::desktop_hd().timeout(Duration::from_secs(60)), |page| async move {
        page.open("?kiosk&idle=2&lang=en").await;
        wait_for_the_loop(&page).await;
        // The first step: the Tallinn conference of September 1919, whose panel opens a moment
        // later, as a visitor's tap would open it, and closes at the next step.
        page.wait_until("the first step's news", Duration::from_secs(5), || async {
            let news = page.text_of(r#"[data-testid="attract-news"]"#).await?;
            news.contains("Tallinn conference").then_some(())
        })
        .await;
        page.wait_until("Tallinn's panel, opened by the loop", Duration::from_secs(5), || async {
            (open_panel(&page).await.as_deref() == Some("Tallinn")).then_some(())
        })
        .await;
        page.wait_until("the panel to close at the next step", Duration::from_secs(10), || async {
            (!page.panel_is_open().await).then_some(())
        })
        .await;
        // The thumb moves on through the years.
        let first = page.slider_value().await;
        page.wait_until("the thumb to move to another year", Duration::from_secs(15), || async {
            (page.slider_value().await > first).then_some(())
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_tap_during_the_attract_loop_opens_the_tapped_city_at_once() {
    with_page(PageOptions::desktop_hd().timeout(Duration::from_secs(60)), |page| async move {
        // Idle after 6 s: the kiosk stays as the tap left it while the test looks.
        page.open("?kiosk&idle=6&lang=en").await;
        wait_for_the_loop(&page).await;
        // Times the first touch's pointerdown and the moment Riga's panel is on the page.
        page.run_script(
            r#"window.__tap = {};
            window.addEventListener('pointerdown', () => { window.__tap.down ??= performance.now(); }, { capture: true });
            new MutationObserver(() => {
              const h = document.querySelector('#city-panel-heading');
              if (h && h.textContent.includes('Riga') && window.__tap.down !== undefined) window.__tap.shown ??= performance.now();
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
            return true;"#,
        )
        .await;
        page.tap(&sel::city("riga")).await;
        page.wait_until("Riga's panel from one tap during the loop", Duration::from_secs(3), || async {
            (open_panel(&page).await.as_deref() == Some("Riga")).then_some(())
        })
        .await;
        let timing = page.run_script("return window.__tap;").await;
        let latency = timing["shown"].as_f64().zip(timing["down"].as_f64()).map(|(shown, down)| shown - down);
        let latency = latency.unwrap_or_else(|| panic!("no timing: {timing}"));
        eprintln!("a tap during the attract loop: Riga's panel {latency:.0} ms after the pointerdown");
        assert!(latency < 200.0, "the tapped city's panel took {latency:.0} ms");
        assert!(page.find_now(r#"[data-testid="attract-hint"]"#).await.is_none(), "the loop ends at the touch");
        // The loop's timers are gone: the city and the year stay as the visitor left them.
        let year = page.year().await;
        tokio::time::sleep(Duration::from_secs(4)).await;
        assert_eq!(page.year().await, year, "the year stays after the loop ended");
        assert_eq!(open_panel(&page).await.as_deref(), Some("Riga"), "the panel stays open");
    })
    .await;
}

#[tokio::test]
async fn a_tap_on_the_time_bar_during_the_attract_loop_moves_it_there() {
    with_page(PageOptions::desktop_hd().timeout(Duration::from_secs(60)), |page| async move {
        page.open("?kiosk&idle=6&lang=lv").await;
        wait_for_the_loop(&page).await;
        let slider = page.find(sel::YEAR_SLIDER).await;
        let (_, _, width, _) = slider.rectangle().await.expect("the slider's box");
        let finger = TouchActions::new("finger".to_owned())
            .then(PointerAction::MoveToElement {
                element: slider,
                duration: None,
                x: thumb_offset(width, 56.0, 1935),
                y: 0.0,
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        page.client().perform_actions(finger).await.expect("tapping the time bar");
        let _ = page.client().release_actions().await;
        page.wait_for_year(1935, "a tap on the time bar during the attract loop").await;
        tokio::time::sleep(Duration::from_secs(4)).await;
        assert_eq!(page.year().await, 1935, "the loop does not take the year back");
    })
    .await;
}

/// What the page shows of the first paint, and whether the app is ready yet.
const FIRST_PAINT: &str = r#"
const boot = document.getElementById('boot');
const title = boot && boot.querySelector('.boot-title');
const progress = boot && boot.querySelector('.boot-progress');
const shown = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden';
return {
  title: shown(title) ? title.textContent : null,
  lang: document.documentElement.lang,
  progress: shown(progress),
  fontSize: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
  ready: performance.getEntriesByName('atlas-ready').length > 0 || !!document.querySelector('[data-testid="year-slider"]'),
};
"#;

#[tokio::test]
async fn on_a_slow_link_the_title_shows_before_the_app_is_ready() {
    // A phone on a slow link: 1.6 Mb/s, 150 ms, a CPU four times slower.
    let options = PageOptions::phone().not_waiting_for_load().timeout(Duration::from_secs(120));
    with_page(options, |page| async move {
        cdp(&page, "Network.enable", serde_json::json!({})).await;
        let link = serde_json::json!({
            "offline": false, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750,
        });
        cdp(&page, "Network.emulateNetworkConditions", link).await;
        cdp(&page, "Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 4 })).await;
        let started = Instant::now();
        page.client().goto(&page.url("?lang=lv")).await.expect("navigating");
        let seen = poll(Duration::from_secs(20), || async {
            let seen = page.run_script(FIRST_PAINT).await;
            (seen["title"].is_string() || seen["ready"] == true).then_some(seen)
        })
        .await
        .expect("neither the first paint nor the app within 20 s");
        let after = started.elapsed();
        page.screenshot(&screenshot_dir().join("first-paint-slow-link-390x844-lv.png")).await;
        eprintln!("first paint on a slow link: {seen} after {after:?}");
        assert_eq!(seen["ready"], false, "the app was ready before the first paint was seen: {seen}");
        assert_eq!(seen["title"], "Baltijas Antante, 1919–1940", "the title in the reader's language: {seen}");
        assert_eq!(seen["lang"], "lv");
        assert_eq!(seen["progress"], true, "a sign of progress: {seen}");
        assert!(seen["fontSize"].as_f64().unwrap_or(0.0) >= 28.0, "a title, not a footnote: {seen}");
        // Then the app takes its place.
        page.wait_ready().await;
        let ready_after = started.elapsed();
        eprintln!("the app ready after {ready_after:?}");
        assert!(page.find_now("#boot").await.is_none(), "the first paint is gone once the app shows");
        assert!(page.find_now(".loading").await.is_none() || page.find_now(sel::YEAR_SLIDER).await.is_some());
    })
    .await;
}

#[tokio::test]
async fn the_first_paint_follows_the_browser_s_language_and_gives_way_to_the_load_error() {
    // The wasm comes late; the events file is broken.
    let options = PageOptions::phone()
        .not_waiting_for_load()
        .override_path("*.wasm", Override::delayed(Duration::from_secs(3)))
        .override_path("/data/events.geojson", Override::ok("events.geojson", "{ oops"));
    with_page(options, |page| async move {
        page.client().goto(&page.url("?lang=lt")).await.expect("navigating");
        let seen = poll(Duration::from_secs(3), || async {
            let seen = page.run_script(FIRST_PAINT).await;
            seen["title"].is_string().then_some(seen)
        })
        .await
        .expect("no first paint while the wasm is on its way");
        assert_eq!(seen["title"], "Baltijos Antantė, 1919–1940", "{seen}");
        assert_eq!(seen["ready"], false);
        page.wait_ready().await;
        assert!(page.load_error_text().await.is_some_and(|m| m.contains("events.geojson")), "the load error shows");
        assert!(page.find_now("#boot").await.is_none(), "and the first paint is gone");
    })
    .await;
}

/// The app's wasm with one byte changed, as a damaged download or a swapped file would be.
fn damaged_wasm() -> Vec<u8> {
    let dist = crate::support::dist_dir();
    let wasm = std::fs::read_dir(&dist)
        .expect("reading dist/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "wasm"))
        .expect("the app's wasm in dist/");
    let mut bytes = std::fs::read(wasm).expect("reading the wasm");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    bytes
}

/// A text of `lang`'s language file, as the first paint shows it.
fn lang_text(lang: &str, key: &str) -> String {
    let path = format!("{}/public/data/lang/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("a language file")).expect("JSON");
    file["texts"][key].as_str().expect("the text").to_owned()
}

/// The first paint's line once the loader has said the app could not start (within 20 s).
async fn failed_first_paint(page: &AtlasPage) -> Option<String> {
    poll(Duration::from_secs(20), || async {
        let script = "const b = document.querySelector('#boot[data-failed] .boot-loading'); return b && b.textContent;";
        page.run_script(script).await.as_str().map(str::to_owned)
    })
    .await
}

#[tokio::test]
async fn a_wasm_with_one_flipped_byte_is_refused_and_the_reader_is_told() {
    let options = PageOptions::default()
        .size(1280, 800)
        .not_waiting_for_load()
        .override_path("*.wasm", Override::ok("app_bg.wasm", damaged_wasm()));
    with_page(options, |page| async move {
        page.client().goto(&page.url("?lang=lv")).await.expect("navigating");
        let line = failed_first_paint(&page).await.expect("the first paint says the map could not start");
        assert_eq!(line, lang_text("lv", "load_error_title"));
        let detail = page.run_script("return document.querySelector('.boot-detail').textContent;").await;
        // Refused by the fetch's integrity check ("TypeError: Failed to fetch"), before the
        // browser even tried to compile it (a flipped byte may leave a valid wasm).
        assert!(
            detail.as_str().is_some_and(|d| d.contains("Failed to fetch") && !d.contains("CompileError")),
            "the detail for a curator: {detail}"
        );
        assert!(page.find_now(sel::YEAR_SLIDER).await.is_none(), "the damaged wasm ran");
    })
    .await;
}

#[tokio::test]
async fn a_kiosk_whose_wasm_is_damaged_says_it_calmly_and_recovers_by_itself() {
    // Damaged once (a bad copy during an update); the reload 30 s later gets the real file.
    let options = PageOptions::default()
        .size(1920, 1080)
        .not_waiting_for_load()
        .override_path("*.wasm", Override::ok("app_bg.wasm", damaged_wasm()).only_times(1));
    with_page(options, |page| async move {
        page.client().goto(&page.url("?kiosk&lang=lv")).await.expect("navigating");
        let line = failed_first_paint(&page).await.expect("the kiosk's first paint says it is resting");
        assert!(line.starts_with(&lang_text("lv", "kiosk_error_title")), "{line:?}");
        assert!(page.find_now(".boot-detail").await.is_none(), "no technical detail on a kiosk");
        page.wait_until("the map after the kiosk's reload", Duration::from_secs(50), || async {
            page.find_now(sel::YEAR_SLIDER).await.map(|_| ())
        })
        .await;
    })
    .await;
}
