//! The story told: what changed since the previous step of the time bar, and the guided tour.
use std::time::Duration;

use crate::support::{with_page, PageOptions};

const LINE: &str = r#"[data-testid="what-changed"]"#;
const REGION: &str = r#"[data-testid="year-announcer"]"#;
const COUNTER: &str = r#"[data-testid="tour-counter"] span[aria-hidden="true"]"#;
const TOUR_TEXT: &str = r#"[data-testid="tour-text"]"#;

/// The `textContent` of the first element matching `css`, trimmed ("" when there is none).
async fn content(page: &crate::support::AtlasPage, css: &str) -> String {
    let script = format!("const e = document.querySelector('{css}'); return e ? e.textContent.trim() : '';");
    page.run_script(&script).await.as_str().unwrap_or_default().to_owned()
}

/// Waits until the element's text starts with `start`; returns it.
async fn wait_text(page: &crate::support::AtlasPage, css: &str, start: &str) -> String {
    page.wait_until(&format!("{css} to begin with {start:?}"), Duration::from_secs(10), || async {
        let text = content(page, css).await;
        text.starts_with(start).then_some(text)
    })
    .await
}

#[tokio::test]
async fn the_sentence_changes_with_the_step_and_reaches_the_live_region_once() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1933").await;
        let first = wait_text(&page, LINE, "1932 → 1933: ").await;
        assert!(first.contains("Germany leaves the League of Nations"), "{first}");
        // Every text the live region takes from now on.
        page.run_script(&format!(
            r#"window.announced = [];
               const region = document.querySelector('{REGION}');
               new MutationObserver(() => window.announced.push(region.textContent.trim()))
                 .observe(region, {{ childList: true, subtree: true, characterData: true }});
               return true;"#
        ))
        .await;
        page.click(r#"[data-testid="next-change"]"#).await;
        let line = wait_text(&page, LINE, "1933 → 26 January 1934: ").await;
        assert!(line.contains("German–Polish declaration of non-aggression"), "{line}");
        assert!(line.ends_with("borders unchanged."), "{line}");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let announced = page.run_script("return window.announced;").await;
        let announced: Vec<String> =
            announced.as_array().into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect();
        let with_line: Vec<&String> = announced.iter().filter(|t| t.contains(&line)).collect();
        assert_eq!(with_line.len(), 1, "the sentence reaches the live region once: {announced:?}");
        assert_eq!(content(&page, REGION).await, line, "a step within the year: the sentence alone");
        // The line keeps its room whatever it says: the page does not jump.
        let before = page.rect_of(LINE).await.map(|r| r[3].round());
        // The slider passes the years between: the sentence tells the change from the last.
        page.set_year(1940).await;
        let long = page
            .wait_until("the sentence of 1940", Duration::from_secs(10), || async {
                let text = content(&page, LINE).await;
                text.contains(" → 1940: ").then_some(text)
            })
            .await;
        assert!(long.contains("treaties lapsed") && long.contains("annexed: Estonia"), "{long}");
        assert_eq!(page.rect_of(LINE).await.map(|r| r[3].round()), before, "the line's height does not change");
        page.click(r#"[data-testid="lang-lv"]"#).await;
        let latvian = page
            .wait_until("the sentence in Latvian", Duration::from_secs(10), || async {
                let text = content(&page, LINE).await;
                text.contains("aneksija: ").then_some(text)
            })
            .await;
        assert!(latvian.contains(" → 1940: "), "{latvian}");
    })
    .await;
}

#[tokio::test]
async fn a_tour_plays_all_its_stops_and_the_address_follows() {
    let stops = crate::support::served_data("tours.json")["tours"][0]["stops"].as_array().map_or(0, Vec::len);
    assert!((8..=12).contains(&stops), "{stops} stops");
    with_page(PageOptions::default(), |page| async move {
        page.open("").await;
        assert!(page.find_now(r#"[data-testid="tour"]"#).await.is_none(), "no tour until one is started");
        page.click(r#"[data-testid="tour-start"]"#).await;
        assert_eq!(wait_text(&page, COUNTER, "1 / ").await, format!("1 / {stops}"));
        assert!(content(&page, TOUR_TEXT).await.contains("Tallinn"));
        assert_eq!(page.panel_heading().await, "Tallinn", "the first stop opens its city");
        page.wait_for_query("the first stop", |q| q.contains("tour=baltic-entente&stop=1")).await;
        let mut texts = vec![content(&page, TOUR_TEXT).await];
        for n in 2..=stops {
            page.click(r#"[data-testid="tour-next"]"#).await;
            wait_text(&page, COUNTER, &format!("{n} / ")).await;
            page.wait_for_query("the stop", |q| q.ends_with(&format!("tour=baltic-entente&stop={n}"))).await;
            let text = content(&page, TOUR_TEXT).await;
            assert!(!texts.contains(&text), "stop {n} says something new: {text}");
            texts.push(text);
        }
        assert!(page.attr(r#"[data-testid="tour-next"]"#, "disabled").await.is_some(), "no stop after the last");
        assert_eq!(page.year().await, 1940);
        for n in (1..stops).rev() {
            page.click(r#"[data-testid="tour-prev"]"#).await;
            wait_text(&page, COUNTER, &format!("{n} / ")).await;
        }
        assert!(page.attr(r#"[data-testid="tour-prev"]"#, "disabled").await.is_some());
        assert_eq!(page.year().await, 1919);
        page.wait_for_query("back at the first stop", |q| q.contains("stop=1")).await;
        // The button ends the tour; the "what changed" line is back.
        page.click(r#"[data-testid="tour-start"]"#).await;
        wait_text(&page, LINE, "").await;
        assert!(page.find_now(r#"[data-testid="tour"]"#).await.is_none());
        page.wait_for_query("no tour", |q| !q.contains("tour=")).await;
    })
    .await;
}

#[tokio::test]
async fn an_address_starts_a_tour_and_bad_values_fall_back_quietly() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?tour=baltic-entente&stop=7&lang=ru").await;
        assert_eq!(wait_text(&page, COUNTER, "7 / ").await.split(" / ").next(), Some("7"));
        assert!(content(&page, TOUR_TEXT).await.contains("Женев"), "the stop in Russian");
        assert_eq!(page.year().await, 1934);
        page.open("?tour=baltic-entente&stop=99").await;
        let last = wait_text(&page, COUNTER, "").await;
        let (n, total) = last.split_once(" / ").expect("n / total");
        assert_eq!(n, total, "a stop out of range: the last");
        for query in ["?tour=nowhere&stop=2", "?tour=%3Cscript%3E", "?stop=3"] {
            page.open(query).await;
            assert!(page.load_error_text().await.is_none(), "{query}: no error page");
            assert!(page.find_now(r#"[data-testid="tour"]"#).await.is_none(), "{query}: no tour");
            assert!(!content(&page, LINE).await.is_empty(), "{query}: the page as usual");
        }
    })
    .await;
}

#[tokio::test]
async fn the_kiosks_return_to_its_start_ends_the_tour() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?kiosk&idle=2&tour=baltic-entente&stop=3").await;
        wait_text(&page, COUNTER, "3 / ").await;
        page.wait_until("the attract loop after the countdown", Duration::from_secs(40), || async {
            page.find_now(r#"[data-testid="attract-hint"]"#).await.map(|_| ())
        })
        .await;
        assert!(page.find_now(r#"[data-testid="tour"]"#).await.is_none(), "the tour ended");
        page.wait_for_query("no tour in the address", |q| !q.contains("tour=")).await;
        // The loop's caption is the "what changed" line (its first step has none before it).
        assert!(content(&page, LINE).await.contains("1919"), "{}", content(&page, LINE).await);
    })
    .await;
}
