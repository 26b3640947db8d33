//! Two dates side by side (issue 21, part 5): `?compare=1923,1940-08-10` and the time bar's
//! button show two maps whose dates and contents differ, that pan and zoom together, and a city
//! opens one panel for both dates; the address follows; bad values and the kiosk fall back to one
//! map; a phone stacks the maps.
use std::time::Duration;

use crate::support::{screenshot_dir, with_page, AtlasPage, PageOptions};

const LEFT: &str = r#"[data-testid="compare-map-left"]"#;
const RIGHT: &str = r#"[data-testid="compare-map-right"]"#;

/// The trimmed `textContent` of the first element matching `css` ("" when there is none).
async fn content(page: &AtlasPage, css: &str) -> String {
    let script = format!("const e = document.querySelector({css:?}); return e ? e.textContent.trim() : '';");
    page.run_script(&script).await.as_str().unwrap_or_default().to_owned()
}

/// How many elements match `css`.
async fn count(page: &AtlasPage, css: &str) -> u64 {
    page.run_script(&format!("return document.querySelectorAll({css:?}).length;")).await.as_u64().unwrap_or(0)
}

/// Waits until both maps are measured and drawn.
async fn wait_for_both_maps(page: &AtlasPage) {
    page.wait_until("two maps with their markers", Duration::from_secs(10), || async {
        let left = count(page, &format!("{LEFT} .city .dot")).await;
        let right = count(page, &format!("{RIGHT} .city .dot")).await;
        (left > 3 && right > 3).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// The zoom and pan transform of the map in `wrap` (its first zoomable layer).
async fn transform(page: &AtlasPage, wrap: &str) -> String {
    page.attr(&format!("{wrap} svg.map g.zoomable"), "transform").await.unwrap_or_default()
}

/// The ids of the treaties in the key of the map in `wrap`.
async fn key_treaties(page: &AtlasPage, wrap: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll('{wrap} .legend-treaty')].map(e => e.dataset.eventId);",
        wrap = wrap.replace('\'', "\\'")
    );
    let value = page.run_script(&script).await;
    value.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn two_dates_side_by_side_differ_move_together_and_open_a_city_on_both() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?compare=1923,1940-08-10&lang=en").await;
        wait_for_both_maps(&page).await;
        assert_eq!(count(&page, "svg.map").await, 2, "two maps");
        assert_eq!(count(&page, r#"[data-testid="compare-view"] svg.map"#).await, 2, "in the comparison's view");
        assert_eq!(content(&page, r#"[data-testid="compare-date-left"]"#).await, "1923");
        assert_eq!(content(&page, r#"[data-testid="compare-date-right"]"#).await, "10 August 1940");
        // The time bar is the second date's.
        assert_eq!(page.year().await, 1940);
        // Side by side: the first map on the left, both as high.
        let (left, right) = (page.rect_of(LEFT).await.expect("left"), page.rect_of(RIGHT).await.expect("right"));
        assert!(left[2] <= right[0] && (left[1] - right[1]).abs() < 2.0, "{left:?} {right:?}");
        // Each map its own date's content: borders, occupation, treaties in its key.
        let borders = |wrap: &str| format!("{wrap} [data-testid=\"borders\"]");
        let (was, is) = (page.attr(&borders(LEFT), "data-epoch").await, page.attr(&borders(RIGHT), "data-epoch").await);
        assert!(was.is_some() && was != is, "the borders differ: {was:?} {is:?}");
        assert_eq!(count(&page, &format!("{LEFT} [data-testid=\"legend-occupied\"]")).await, 0);
        assert_eq!(count(&page, &format!("{RIGHT} [data-testid=\"legend-occupied\"]")).await, 1, "1940 is hatched");
        let alliance = "treaty-1923-11-01-defence-alliance".to_owned();
        assert!(key_treaties(&page, LEFT).await.contains(&alliance), "the 1923 alliance in force in 1923");
        assert!(!key_treaties(&page, RIGHT).await.contains(&alliance), "and lapsed by August 1940");
        // What changed from one to the other, in the side column and under the time bar.
        let changes = content(&page, r#"[data-testid="compare-changes"]"#).await;
        assert!(changes.starts_with("1923 → 10 August 1940: ") && changes.contains("annexed: "), "{changes}");
        assert_eq!(content(&page, r#"[data-testid="what-changed"]"#).await, changes);
        page.wait_for_query("the comparison", |q| q.contains("compare=1923,1940-08-10")).await;

        // A zoom on one map zooms both; a drag on the other pans both.
        let home = transform(&page, LEFT).await;
        page.click(&format!("{LEFT} [data-testid=\"zoom-in\"]")).await;
        page.wait_until("both maps zoomed", Duration::from_secs(5), || async {
            let (l, r) = (transform(&page, LEFT).await, transform(&page, RIGHT).await);
            (l != home && l == r).then_some(())
        })
        .await;
        let zoomed = transform(&page, RIGHT).await;
        let rect = page.rect_of(&format!("{RIGHT} svg.map")).await.expect("the right map");
        let (cx, cy) = ((rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0);
        page.mouse_drag((cx, cy + 40.0), (cx - 60.0, cy - 20.0)).await;
        page.wait_until("both maps panned", Duration::from_secs(5), || async {
            let (l, r) = (transform(&page, LEFT).await, transform(&page, RIGHT).await);
            (r != zoomed && l == r).then_some(())
        })
        .await;
        page.click(&format!("{RIGHT} [data-testid=\"reset-view\"]")).await;

        // A city on the first map opens its panel for both dates.
        let riga = page.find(&format!("{LEFT} [data-testid=\"city-riga\"]")).await;
        page.click_visible_part(&riga, "Riga on the first map").await;
        page.wait_until("the panel of both dates", Duration::from_secs(5), || async {
            (count(&page, r#"[data-testid="city-panel"] [data-testid^="compare-city-"]"#).await == 2).then_some(())
        })
        .await;
        let first = content(&page, r#"[data-testid="compare-city-left"] h3"#).await;
        let second = content(&page, r#"[data-testid="compare-city-right"] h3"#).await;
        assert_eq!((first.as_str(), second.as_str()), ("1923", "10 August 1940"));
        let state = |side: &'static str| content(&page, side);
        let (was, became) = (
            state(r#"[data-testid="compare-city-left"] .compare-city-state"#).await,
            state(r#"[data-testid="compare-city-right"] .compare-city-state"#).await,
        );
        assert!(was.contains("Latvia") && was != became, "{was} / {became}");
        page.wait_for_query("the city", |q| q.contains("city=riga") && q.contains("compare=")).await;
        page.press_escape().await;
        page.wait_panel_closed().await;

        // The first date has its own control; the second follows the time bar.
        page.run_script(
            r#"const s = document.querySelector('[data-testid="compare-year-left"]');
               s.value = '1934'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;"#,
        )
        .await;
        page.wait_until("the first date moved", Duration::from_secs(5), || async {
            (content(&page, r#"[data-testid="compare-date-left"]"#).await == "1934").then_some(())
        })
        .await;
        page.set_year(1939).await;
        page.wait_for_query("both dates", |q| q.contains("compare=1934,1939")).await;
        assert_eq!(content(&page, r#"[data-testid="compare-date-right"]"#).await, "1939");

        // Closing drops the first map; the button opens it again.
        page.click(r#"[data-testid="compare-close"]"#).await;
        page.wait_until("one map", Duration::from_secs(5), || async {
            let one = count(&page, "svg.map").await == 1 && count(&page, LEFT).await == 0;
            (one && count(&page, r#"[data-testid="compare-view"]"#).await == 0).then_some(())
        })
        .await;
        page.wait_for_query("no comparison", |q| !q.contains("compare") && q.contains("year=1939")).await;
        assert_eq!(count(&page, r#"[data-testid="active-events"]"#).await, 1, "the list is back");
        page.click(r#"[data-testid="compare-open"]"#).await;
        wait_for_both_maps(&page).await;
        assert_eq!(content(&page, r#"[data-testid="compare-date-left"]"#).await, "1923");
        assert_eq!(page.attr(r#"[data-testid="compare-open"]"#, "aria-pressed").await.as_deref(), Some("true"));
        page.wait_for_query("the comparison again", |q| q.contains("compare=1923,1939")).await;
    })
    .await;
}

#[tokio::test]
async fn bad_values_and_the_kiosk_fall_back_to_one_map() {
    with_page(PageOptions::default(), |page| async move {
        for query in ["?year=1934&compare=1923,1950", "?year=1934&compare=1923", "?year=1934&compare=x,1940-08"] {
            page.open(query).await;
            page.wait_until("the map", Duration::from_secs(10), || async {
                (count(&page, ".map .city .dot").await > 3).then_some(())
            })
            .await;
            assert_eq!(count(&page, "svg.map").await, 1, "{query}");
            assert_eq!(count(&page, r#"[data-testid="compare-view"]"#).await, 0, "{query}");
            assert_eq!(page.year().await, 1934, "{query}");
        }
        page.open("?kiosk&compare=1923,1940-08-10").await;
        page.wait_until("the kiosk's map", Duration::from_secs(10), || async {
            (count(&page, ".map .city .dot").await > 3).then_some(())
        })
        .await;
        assert_eq!(count(&page, "svg.map").await, 1, "a kiosk shows one map");
        assert_eq!(count(&page, r#"[data-testid="compare-open"]"#).await, 0, "and offers no comparison");
    })
    .await;
}

#[tokio::test]
async fn a_phone_stacks_the_two_maps_in_every_language() {
    with_page(PageOptions::phone(), |page| async move {
        for (lang, right) in [("lv", "1940. gada 10. augusts"), ("ru", "10 августа 1940")] {
            page.open(&format!("?compare=1923,1940-08-10&lang={lang}")).await;
            wait_for_both_maps(&page).await;
            let (left, right_map) =
                (page.rect_of(LEFT).await.expect("left"), page.rect_of(RIGHT).await.expect("right"));
            assert!(left[3] <= right_map[1], "{lang}: the first map over the second: {left:?} {right_map:?}");
            for rect in [left, right_map] {
                assert!(rect[2] - rect[0] > 340.0, "{lang}: each map the screen's width: {rect:?}");
            }
            page.screenshot(&screenshot_dir().join(format!("compare-390x844-{lang}.png"))).await;
            let date = content(&page, r#"[data-testid="compare-date-right"]"#).await;
            assert!(date.starts_with(right), "{lang}: {date}");
            let changes = content(&page, r#"[data-testid="compare-changes"]"#).await;
            assert!(changes.starts_with(&format!("1923 → {date}: ")), "{lang}: {changes}");
            // No text of the comparison left in English.
            let hint = content(&page, ".compare-hint").await;
            assert!(!hint.is_empty() && !hint.contains("maps"), "{lang}: {hint}");
            // Nothing of the comparison reaches past the screen's edge (the dates, their controls,
            // the maps, the side column's card).
            let wide = page
                .run_script(
                    "return [...document.querySelectorAll('.compare-date, .compare-date *, .map-area.comparing > .map-wrap, \
                     [data-testid=\"compare-summary\"] *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)\
                     .map(e => e.outerHTML.slice(0, 120));",
                )
                .await;
            assert_eq!(wide.as_array().map(Vec::len), Some(0), "{lang}: wider than the phone: {wide}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_city_opens_on_both_dates_by_keyboard_and_axe_finds_nothing() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?compare=1923,1940-08-10&lang=lv").await;
        wait_for_both_maps(&page).await;
        page.assert_accessible("two dates side by side").await;
        // Enter on Kaunas on the second map, as a keyboard reader opens a city.
        page.run_script(&format!(
            "document.querySelector('{} [data-testid=\"city-kaunas\"]').focus(); return true;",
            RIGHT.replace('\'', "\\'")
        ))
        .await;
        page.press(fantoccini::key::Key::Enter).await;
        page.wait_until("Kaunas on both dates", Duration::from_secs(5), || async {
            (count(&page, r#"[data-testid="city-panel"] [data-testid^="compare-city-"]"#).await == 2).then_some(())
        })
        .await;
        let heading = page.panel_heading().await;
        assert!(heading.starts_with("Kauņa"), "{heading}");
        // The marker is open on both maps.
        assert_eq!(count(&page, r#"[data-testid="city-kaunas"].open"#).await, 2);
        page.assert_accessible("two dates side by side, Kaunas's panel open").await;
    })
    .await;
}
