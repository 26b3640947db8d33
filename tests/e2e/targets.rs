//! End-to-end tests of issue 19's "every word a target" and WCAG 2.2 work: a city's name, a
//! year's number, a stage's band and an event card answer a tap; the kiosk's countdown gives
//! 20 s; the map pans with buttons and arrow keys; nothing sticky or modal hides the focus.
use std::time::{Duration, Instant};

use crate::support::page::sel;
use crate::support::{self, with_page, AtlasPage, PageOptions};

/// The zoomable group's `transform`: what a pan changes.
async fn map_transform(page: &AtlasPage) -> String {
    page.attr("svg.map > g.zoomable", "transform").await.expect("the map's zoomable group")
}

/// What is topmost at `(x, y)`: a short description (tag, class, data-testid).
const TOP_AT: &str = r#"
    const e = document.elementFromPoint(arguments[0], arguments[1]);
    if (!e) return null;
    const c = e.getAttribute('class') || '';
    return e.tagName.toLowerCase() + '.' + c + '#' + (e.getAttribute('data-testid') || '') + '@' + (e.getAttribute('data-year') || '');
"#;

async fn top_at(page: &AtlasPage, x: f64, y: f64) -> String {
    let args = vec![serde_json::json!(x), serde_json::json!(y)];
    let top = page.client().execute(TOP_AT, args).await.expect("elementFromPoint");
    top.as_str().unwrap_or("nothing").to_owned()
}

fn centre([left, top, right, bottom]: [f64; 4]) -> (f64, f64) {
    ((left + right) / 2.0, (top + bottom) / 2.0)
}

#[tokio::test]
async fn tapping_a_citys_name_opens_its_panel_like_its_dot() {
    for (options, query) in [
        (PageOptions::default().size(1280, 800), "?year=1925&lang=en"),
        (PageOptions::default().size(1080, 1920), "?kiosk&year=1925&lang=lv"),
    ] {
        with_page(options, move |page| async move {
            page.open(query).await;
            for city in ["tartu", "helsinki"] {
                let heading = page.attr(&sel::city(city), "aria-label").await.expect("the city's name");
                let label = format!(r#"[data-testid="label-{city}"]"#);
                let rect = page.rect_of(&label).await.unwrap_or_else(|| panic!("{query}: {city} has no name target"));
                let (x, y) = centre(rect);
                let top = top_at(&page, x, y).await;
                assert!(
                    top.starts_with("rect.label-hit"),
                    "{query}: at the middle of {city}'s name is {top}, not the name"
                );
                page.tap_at(x, y).await;
                let opened = page.panel_heading().await;
                assert_eq!(opened, heading, "{query}: a tap on {city}'s name opens its panel");
                page.press_escape().await;
                page.wait_panel_closed().await;
            }
            // A name is not a second tab stop: the city's one button is.
            let focusable = page
                .run_script("return document.querySelectorAll('.label-hit[tabindex], .label[tabindex]').length;")
                .await;
            assert_eq!(focusable.as_u64(), Some(0), "{query}");
        })
        .await;
    }
}

#[tokio::test]
async fn a_drag_that_starts_on_a_name_pans_the_map_and_opens_nothing() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?year=1925&lang=en").await;
        page.click(r#"[data-testid="zoom-in"]"#).await;
        let before = map_transform(&page).await;
        let rect = page.rect_of(r#"[data-testid="label-riga"]"#).await.expect("Riga's name");
        let (x, y) = centre(rect);
        assert!(top_at(&page, x, y).await.starts_with("rect.label-hit"), "Riga's name is on top at its middle");
        page.mouse_drag((x, y), (x + 90.0, y + 60.0)).await;
        let after = page
            .wait_until("the map to follow the drag", support::page::WAIT, || async {
                let now = map_transform(&page).await;
                (now != before).then_some(now)
            })
            .await;
        assert_ne!(after, before);
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert!(!page.panel_is_open().await, "the drag ended on Riga's name, which moved with it: no panel");
        // A click without a move still opens it.
        let (x, y) = centre(page.rect_of(r#"[data-testid="label-riga"]"#).await.expect("Riga's name"));
        page.mouse_drag((x, y), (x + 2.0, y + 1.0)).await;
        assert_eq!(page.panel_heading().await, "Riga", "a click that wobbles 2 px is a click");
    })
    .await;
}

#[tokio::test]
async fn tapping_a_year_number_moves_the_time_bar_there() {
    for (options, query, year, low) in [
        (PageOptions::desktop_hd(), "?year=1935&lang=en", 1927, false),
        (PageOptions::default().size(1080, 1920), "?kiosk&year=1935&lang=en", 1925, true),
        (PageOptions::default().size(1920, 1080), "?kiosk&year=1935&lang=ru", 1938, true),
    ] {
        with_page(options, move |page| async move {
            page.open(query).await;
            let number = format!(r#".tick-label[data-year="{year}"]"#);
            let rect = page.rect_of(&number).await.unwrap_or_else(|| panic!("{query}: no number for {year}"));
            let (x, mut y) = centre(rect);
            if low {
                // The lower part of its 48-px target, over the top of the slider's box.
                y = rect[1] + 44.0;
            }
            page.tap_at(x, y).await;
            page.wait_for_year(year, &format!("{query}: a tap on {year}")).await;
            assert_eq!(page.slider_value().await, year, "{query}: the slider follows");
            page.wait_for_query(&format!("year={year} in the address"), |q| q.contains(&format!("year={year}"))).await;
        })
        .await;
    }
}

#[tokio::test]
async fn tapping_a_stage_band_goes_to_the_stages_first_year() {
    let stages = support::served_data("stages.geojson");
    let stages: Vec<(String, i32)> = stages["features"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|f| {
            let p = &f["properties"];
            // A year ("1919") or the day of the turn ("1939-08-23"): the band goes to its year.
            let start =
                p["start"].as_str().and_then(|s| s.get(..4)?.parse().ok()).or(p["start"].as_i64().map(|y| y as i32));
            (p["id"].as_str().expect("an id").to_owned(), start.expect("a start year"))
        })
        .collect();
    assert!(stages.len() >= 4);
    for (options, query) in [
        (PageOptions::default().size(1280, 800), "?year=1940&lang=en"),
        (PageOptions::default().size(1080, 1920), "?kiosk&year=1940&lang=et"),
    ] {
        let stages = stages.clone();
        with_page(options, move |page| async move {
            page.open(query).await;
            for (id, start) in stages.iter().rev() {
                let band = format!(r#".stage[data-stage="{id}"]"#);
                let (x, y) = centre(page.rect_of(&band).await.unwrap_or_else(|| panic!("{query}: no band for {id}")));
                page.tap_at(x, y).await;
                page.wait_for_year(*start, &format!("{query}: a tap on {id}")).await;
                assert_eq!(page.slider_value().await, *start);
            }
        })
        .await;
    }
}

/// For each of the elements matching `css` (but the selected year's number): the points down
/// its middle, from its top to 47 px below, that are not on it.
const MISSED_IN_48_PX: &str = r#"
    const missed = [];
    for (const e of document.querySelectorAll(arguments[0])) {
        if (e.closest('.tick.selected')) continue;
        const r = e.getBoundingClientRect();
        const x = r.left + r.width / 2;
        for (let dy = 1; dy <= 47; dy += 2) {
            const top = document.elementFromPoint(x, r.top + dy);
            if (top !== e) { missed.push((e.dataset.year || e.dataset.stage) + ' +' + dy + ': ' + (top ? top.className : 'nothing')); break; }
        }
    }
    return missed;
"#;

#[tokio::test]
async fn in_a_kiosk_the_years_numbers_and_the_stages_are_48_px_targets() {
    for (width, height) in [(1080, 1920), (1920, 1080)] {
        with_page(PageOptions::default().size(width, height), move |page| async move {
            page.open("?kiosk&year=1930&lang=lt").await;
            let bar = page.rect_of(r#"[data-testid="time-bar"]"#).await.expect("the time bar");
            for css in [".tick-label", ".stage"] {
                let count = page.run_script(&format!("return document.querySelectorAll('{css}').length;")).await;
                assert!(count.as_u64().unwrap_or(0) >= 4, "{width}×{height}: {css}: {count}");
                let missed =
                    page.client().execute(MISSED_IN_48_PX, vec![serde_json::json!(css)]).await.expect("script");
                assert_eq!(missed, serde_json::json!([]), "{width}×{height}: {css} targets shorter than 48 px");
            }
            // The bands' targets stay within the bar (they reach into its padding, not beyond).
            let band = page.rect_of(".stage").await.expect("a band");
            assert!(band[3] <= bar[3] + 0.5, "{width}×{height}: a band's target {band:?} leaves the bar {bar:?}");
            // The slider's thumb is still grabbed under the selected year's number.
            let (x, _) = centre(page.rect_of(r#".tick.selected .tick-label"#).await.expect("1930's number"));
            let slider = page.rect_of(sel::YEAR_SLIDER).await.expect("the slider");
            let top = top_at(&page, x, (slider[1] + slider[3]) / 2.0).await;
            assert!(top.starts_with("input."), "{width}×{height}: the thumb is under {top}");
        })
        .await;
    }
}

/// The card `arguments[0]` scrolled so that its top is 60 px above its column's bottom edge (the
/// column scrolls, or in a phone's layout the page); returns the point in the middle of its title.
const CARD_NEAR_THE_BOTTOM: &str = r#"
    const card = document.querySelector(arguments[0]);
    const side = card.closest('.side');
    const r = card.getBoundingClientRect(), s = side.getBoundingClientRect();
    side.scrollTop += r.top - (Math.min(s.bottom, innerHeight) - 60);
    const t = card.querySelector('.event-title').getBoundingClientRect();
    return [t.left + t.width / 2, t.top + t.height / 2];
"#;

/// How far the card `arguments[0]` sticks out of its column's visible box (and the window's).
const CARD_OUTSIDE_ITS_COLUMN: &str = r#"
    const card = document.querySelector(arguments[0]);
    const r = card.getBoundingClientRect(), s = card.closest('.side').getBoundingClientRect();
    const top = Math.max(s.top, 0), bottom = Math.min(s.bottom, innerHeight);
    return Math.max(0, top - r.top) + Math.max(0, r.bottom - bottom);
"#;

#[tokio::test]
async fn tapping_a_card_near_the_bottom_opens_its_details_and_shows_the_whole_card() {
    with_page(PageOptions::default().size(1080, 1920), |page| async move {
        page.open("?kiosk&year=1935&city=riga&lang=en").await;
        page.panel_heading().await;
        let ids = page.panel_event_ids().await;
        assert!(ids.len() >= 3, "Riga's events: {ids:?}");
        let card = format!(r#"[data-testid="city-panel"] [data-event-id="{}"]"#, ids[ids.len() - 1]);
        let at = page.client().execute(CARD_NEAR_THE_BOTTOM, vec![serde_json::json!(card)]).await.expect("script");
        let (x, y) = (at[0].as_f64().expect("x"), at[1].as_f64().expect("y"));
        let outside =
            page.client().execute(CARD_OUTSIDE_ITS_COLUMN, vec![serde_json::json!(card)]).await.expect("script");
        assert!(outside.as_f64().unwrap_or(0.0) > 20.0, "the card starts cut by the column's edge: {outside}");
        // Its title, not "Details".
        page.tap_at(x, y).await;
        page.wait_until("the card's details", support::page::WAIT, || async {
            page.text_of(&format!("{card} .event-summary")).await.filter(|t| !t.trim().is_empty())
        })
        .await;
        page.wait_until("the opened card to be whole in its column", support::page::WAIT, || async {
            let outside =
                page.client().execute(CARD_OUTSIDE_ITS_COLUMN, vec![serde_json::json!(card)]).await.expect("script");
            (outside.as_f64().unwrap_or(99.0) <= 1.0).then_some(())
        })
        .await;
        // A second tap on the card (outside its details) closes them again.
        let (x, y) = centre(page.rect_of(&format!("{card} .event-title")).await.expect("the title"));
        page.tap_at(x, y).await;
        page.wait_until("the details to close", support::page::WAIT, || async {
            page.find_now(&format!("{card} .event-summary")).await.is_none().then_some(())
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn the_kiosk_countdown_gives_twenty_seconds_and_says_how_to_stay() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?kiosk&idle=2&lang=en&year=1936").await;
        let countdown = r#"[data-testid="kiosk-countdown"]"#;
        page.wait_until("the countdown", Duration::from_secs(10), || async {
            page.find_now(countdown).await.map(|_| ())
        })
        .await;
        let shown = Instant::now();
        let text = page.text_of(countdown).await.unwrap_or_default();
        assert!(text.contains("20 seconds") || text.contains("19 seconds"), "{text}");
        assert!(text.contains("Touch anywhere to stay"), "it says how to stay: {text}");
        let focused = page.run_script("return document.activeElement.getAttribute('data-testid');").await;
        assert_eq!(focused.as_str(), Some("kiosk-stay"), "the alert dialog's button has the focus");
        page.wait_until("the attract loop after the countdown", Duration::from_secs(40), || async {
            page.find_now(r#"[data-testid="attract-hint"]"#).await.map(|_| ())
        })
        .await;
        let lasted = shown.elapsed();
        assert!(lasted >= Duration::from_millis(18_500), "the countdown lasted {lasted:?}");
    })
    .await;
}

#[tokio::test]
async fn pan_buttons_and_arrow_keys_move_the_zoomed_map() {
    for (options, query) in [
        (PageOptions::default().size(1280, 800), "?year=1934&lang=en"),
        (PageOptions::default().size(1080, 1920), "?kiosk&year=1934&lang=ru"),
    ] {
        with_page(options, move |page| async move {
            page.open(query).await;
            assert!(page.find_now(r#"[data-testid="pan-pad"]"#).await.is_none(), "{query}: no pad on the whole map");
            page.click(r#"[data-testid="zoom-in"]"#).await;
            page.wait_until("the pan pad", support::page::WAIT, || async {
                page.find_now(r#"[data-testid="pan-pad"]"#).await.map(|_| ())
            })
            .await;
            for direction in ["north", "west", "east", "south"] {
                let css = format!(r#"[data-testid="pan-{direction}"]"#);
                let label = page.attr(&css, "aria-label").await.unwrap_or_default();
                assert!(label.len() > 3, "{query}: pan-{direction} has a name: {label:?}");
                let (w, h) = {
                    let r = page.rect_of(&css).await.expect("the button");
                    (r[2] - r[0], r[3] - r[1])
                };
                assert!(w >= 44.0 && h >= 44.0, "{query}: pan-{direction} is {w}×{h}");
            }
            let before = map_transform(&page).await;
            page.tap(r#"[data-testid="pan-east"]"#).await;
            let east = page
                .wait_until("the map to pan east", support::page::WAIT, || async {
                    let now = map_transform(&page).await;
                    (now != before).then_some(now)
                })
                .await;
            // The pad is clear of the zoom buttons and inside the map.
            let (pad, map, zoom) = (
                page.rect_of(r#"[data-testid="pan-pad"]"#).await.expect("pad"),
                page.rect_of(r#"[data-testid="map"]"#).await.expect("map"),
                page.rect_of(".zoom-controls").await.expect("zoom"),
            );
            assert!(pad[0] >= map[0] && pad[2] <= map[2] && pad[1] >= map[1] && pad[3] <= map[3], "{pad:?} in {map:?}");
            assert!(pad[1] >= zoom[3], "{query}: the pad {pad:?} is under the zoom buttons {zoom:?}");
            // The arrow keys, with the focus on the map.
            page.run_script(r#"document.querySelector('[data-testid="map"]').focus(); return true;"#).await;
            page.press(fantoccini::key::Key::Up).await;
            let north = page
                .wait_until("the map to pan north by the arrow key", support::page::WAIT, || async {
                    let now = map_transform(&page).await;
                    (now != east).then_some(now)
                })
                .await;
            let y = |t: &str| t.split([' ', ')']).nth(1).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
            assert!(y(&north) > y(&east), "{query}: further north, the map moves down: {east} → {north}");
            page.press(fantoccini::key::Key::Left).await;
            page.wait_until("the map to pan west by the arrow key", support::page::WAIT, || async {
                let now = map_transform(&page).await;
                (now != north).then_some(())
            })
            .await;
            // Back to the whole map: the pad goes.
            page.click(r#"[data-testid="reset-view"]"#).await;
            page.wait_until("the pad to go", support::page::WAIT, || async {
                page.find_now(r#"[data-testid="pan-pad"]"#).await.is_none().then_some(())
            })
            .await;
        })
        .await;
    }
}

/// Whether the focused element is hidden (wholly or in part) by the sticky time bar of a phone's
/// layout or an open panel's sticky head, or lies outside the window: `null` when it is in sight.
const FOCUS_HIDDEN: &str = r#"
    const f = document.activeElement;
    if (!f || f === document.body) return null;
    const r = f.getBoundingClientRect();
    const name = f.tagName.toLowerCase() + '.' + (f.getAttribute('class') || '') + ' ' + (f.textContent || '').trim().slice(0, 30);
    if (r.bottom < 1 || r.top > innerHeight - 1) return name + ' off screen ' + Math.round(r.top);
    for (const css of ['[data-testid="time-bar"]', '.city-panel-head']) {
        const cover = document.querySelector(css);
        if (!cover || cover.contains(f) || f.contains(cover)) continue;
        if (getComputedStyle(cover).position !== 'sticky') continue;
        const c = cover.getBoundingClientRect();
        const overlap = Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top);
        const across = Math.min(r.right, c.right) - Math.max(r.left, c.left);
        if (overlap > 1 && across > 1) return name + ' under ' + css + ' by ' + Math.round(overlap) + ' px';
    }
    return null;
"#;

#[tokio::test]
async fn nothing_sticky_hides_the_focus_in_a_panel() {
    for (options, query) in [
        (PageOptions::phone(), "?year=1935&city=riga&lang=en"),
        (PageOptions::default().size(1280, 800), "?year=1935&city=riga&lang=en"),
    ] {
        with_page(options, move |page| async move {
            page.open(query).await;
            page.panel_heading().await;
            // Open every card's details, so that the panel is long and scrolls.
            page.run_script(r#"document.querySelectorAll('[data-testid="city-panel"] details').forEach(d => d.open = true); return true;"#)
                .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let mut seen = 0;
            for (back, presses) in [(false, 14), (true, 14)] {
                for i in 0..presses {
                    page.press_tab(back).await;
                    let inside =
                        page.run_script(r#"return !!document.activeElement.closest('[data-testid="city-panel"]');"#).await;
                    if inside != serde_json::Value::Bool(true) {
                        continue;
                    }
                    seen += 1;
                    let hidden = page.run_script(FOCUS_HIDDEN).await;
                    assert_eq!(hidden, serde_json::Value::Null, "{query}: Tab {i} (back: {back})");
                }
            }
            assert!(seen >= 8, "{query}: the focus went through the panel ({seen})");
        })
        .await;
    }
}

#[tokio::test]
async fn the_focus_stays_within_the_about_borders_dialog() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?year=1939&lang=en").await;
        page.click(sel::ABOUT_BORDERS).await;
        page.wait_until("the dialog", support::page::WAIT, || async {
            page.find_now(sel::ABOUT_BORDERS_PANEL).await.map(|_| ())
        })
        .await;
        for (back, presses) in [(false, 25), (true, 25)] {
            for i in 0..presses {
                page.press_tab(back).await;
                let inside = page
                    .run_script(r#"return !!document.activeElement.closest('[data-testid="about-borders-panel"]');"#)
                    .await;
                assert_eq!(inside, serde_json::Value::Bool(true), "Tab {i} (back: {back}) left the dialog");
            }
        }
    })
    .await;
}
