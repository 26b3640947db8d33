//! End-to-end tests of the visitor's experience: layout, time bar, panels, details, kiosk (issue 9).
use std::time::Duration;

use crate::support::page::sel;
use crate::support::{self, with_page, Override, PageOptions};

/// The five layouts the atlas is made for: window size and the address's mode.
const LAYOUTS: [(&str, u32, u32, &str); 5] = [
    ("desktop-1920x1080", 1920, 1080, ""),
    ("laptop-1280x800", 1280, 800, ""),
    ("kiosk-portrait-1080x1920", 1080, 1920, "kiosk&"),
    ("phone-390x844", 390, 844, ""),
    ("embed-800x500", 800, 500, "embed&"),
];

/// For the year label and the slider: whether the element itself (or a child of it) is the
/// topmost element at its own centre, so nothing covers it.
const TOPMOST_AT_CENTRE: &str = r#"
    const el = document.querySelector(arguments[0]);
    if (!el) return "missing";
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return "off screen at " + x + "," + y;
    const top = document.elementFromPoint(x, y);
    return top && (top === el || el.contains(top)) ? "ok" : "covered by " + (top ? top.outerHTML.slice(0, 120) : "nothing");
"#;

/// Every visible element that the viewport cuts (one not inside a scrolling box), and whether
/// the page itself scrolls.
const CUT_BY_VIEWPORT: &str = r#"
    const cut = [];
    const scrolls = (e) => { const o = getComputedStyle(e).overflowY + getComputedStyle(e).overflowX; return /auto|scroll|hidden/.test(o); };
    for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue; // map content is clipped by the map
        let p = el.parentElement, inside = false;
        while (p && p !== document.body) { if (scrolls(p)) { inside = true; break; } p = p.parentElement; }
        if (inside) continue;
        if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
            cut.push(el.tagName.toLowerCase() + "." + el.className + " " + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
        }
    }
    const page = document.scrollingElement;
    return { cut: cut.slice(0, 10), pageScrolls: page.scrollHeight > innerHeight + 1 || page.scrollWidth > innerWidth + 1 };
"#;

#[tokio::test]
async fn at_every_size_the_year_and_slider_stay_in_sight_with_a_panel_open() {
    for (name, width, height, mode) in LAYOUTS {
        with_page(PageOptions::default().size(width, height), move |page| async move {
            page.open(&format!("?{mode}year=1935&lang=en&city=riga")).await;
            page.panel_heading().await;
            for css in [sel::YEAR_LABEL, sel::YEAR_SLIDER] {
                let arg = serde_json::Value::String(css.to_owned());
                let result = page.client().execute(TOPMOST_AT_CENTRE, vec![arg]).await.expect("script");
                assert_eq!(result.as_str(), Some("ok"), "{name}: {css} with Riga's panel open");
            }
            if !mode.is_empty() {
                let report = page.run_script(CUT_BY_VIEWPORT).await;
                assert_eq!(report["cut"], serde_json::json!([]), "{name}: elements cut off by the viewport");
                assert_eq!(report["pageScrolls"], serde_json::json!(false), "{name}: the page scrolls");
            }
            let path = support::screenshot_dir().join(format!("visitor-{name}-riga-1935.png"));
            page.screenshot(&path).await;
        })
        .await;
    }
}

#[tokio::test]
async fn on_a_phone_the_year_and_slider_stay_at_the_top_while_the_list_scrolls() {
    with_page(PageOptions::phone(), |page| async move {
        page.open("?year=1939&lang=en").await;
        page.run_script("window.scrollTo(0, document.scrollingElement.scrollHeight); return 0;").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let scrolled = page.run_script("return window.scrollY;").await.as_f64().unwrap_or(0.0);
        assert!(scrolled > 100.0, "the phone page should scroll to its list (scrolled {scrolled})");
        for css in [sel::YEAR_LABEL, sel::YEAR_SLIDER] {
            let arg = serde_json::Value::String(css.to_owned());
            let result = page.client().execute(TOPMOST_AT_CENTRE, vec![arg]).await.expect("script");
            assert_eq!(result.as_str(), Some("ok"), "{css} after scrolling the phone page");
        }
    })
    .await;
}

/// For every year: highlight each city in turn by opening its panel, and report the cities
/// whose highlight (`data-active`) disagrees with whether the panel has an event of that year
/// (`data-current="true"`).
const HIGHLIGHT_AGREES_WITH_PANELS: &str = r#"
    const done = arguments[arguments.length - 1];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    (async () => {
        const slider = document.querySelector('[data-testid="year-slider"]');
        const wrong = [];
        let checked = 0;
        for (let year = +slider.min; year <= +slider.max; year++) {
            slider.value = String(year);
            slider.dispatchEvent(new Event("input", { bubbles: true }));
            await frame();
            for (const city of document.querySelectorAll('[data-testid^="city-"][role="button"]')) {
                const active = city.getAttribute("data-active");
                city.dispatchEvent(new MouseEvent("click", { bubbles: true }));
                await frame();
                const panel = document.querySelector('[data-testid="city-panel"]');
                if (!panel) { wrong.push(year + " " + city.dataset.testid + ": no panel"); continue; }
                const current = panel.querySelectorAll('[data-current="true"]').length;
                if ((active === "true") !== (current > 0)) wrong.push(year + " " + city.dataset.testid + ": data-active=" + active + ", " + current + " events of the year");
                checked++;
                panel.querySelector("button.close").click();
                await frame();
            }
        }
        done({ wrong, checked });
    })();
"#;

#[tokio::test]
async fn a_city_is_highlighted_in_a_year_exactly_when_its_panel_has_an_event_of_that_year() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?lang=en").await;
        let report =
            page.client().execute_async(HIGHLIGHT_AGREES_WITH_PANELS, vec![]).await.expect("running the check");
        assert_eq!(report["wrong"], serde_json::json!([]), "highlight and panel disagree");
        let checked = report["checked"].as_u64().unwrap_or(0);
        assert!(checked >= 22 * 9, "only {checked} panels were checked");
    })
    .await;
}

#[tokio::test]
async fn moscow_in_1940_lists_what_happened_there() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1940&lang=en&city=moscow").await;
        page.panel_heading().await;
        let current = page.run_script(
            r#"return [...document.querySelectorAll('[data-testid="city-panel"] [data-current="true"]')].map(e => e.dataset.eventId);"#,
        ).await;
        let ids: Vec<&str> = current.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
        assert!(ids.contains(&"ultimatum-1940-06-14-lithuania"), "Moscow's 1940 events: {ids:?}");
        let empty = page.text_of(r#"[data-testid="city-panel"]"#).await.unwrap_or_default();
        assert!(!empty.contains("No conference or treaty"), "{empty}");
        // No conference met in Moscow: the panel leads with what did happen there, and says
        // that there was no conference last, without developer words.
        let order = page
            .run_script(
                r#"const p = document.querySelector('[data-testid="city-panel"]');
                   return [...p.querySelectorAll('h3, .panel-events, p.empty')].map(e => e.tagName === 'H3' ? 'h3:' + e.textContent : e.className);"#,
            )
            .await;
        assert_eq!(
            order,
            serde_json::json!(["h3:Events here", "panel-events", "empty"]),
            "Moscow's panel should open on its events"
        );
        assert!(!empty.contains("in the data"), "{empty}");
    })
    .await;
}

#[tokio::test]
async fn in_a_kiosk_tapping_an_events_details_shows_its_summary_and_highlights_its_line() {
    with_page(PageOptions::default().size(1920, 1080), |page| async move {
        page.open("?kiosk&year=1934&lang=en").await;
        let summary = r#"[data-event-id="treaty-1934-09-12-baltic-entente"] summary"#;
        page.tap(summary).await;
        let text = page
            .wait_until("the summary of the Baltic Entente treaty", Duration::from_secs(5), || async {
                page.text_of(r#"[data-event-id="treaty-1934-09-12-baltic-entente"] .event-summary"#)
                    .await
                    .filter(|t| !t.trim().is_empty())
            })
            .await;
        assert!(text.len() > 40, "summary: {text:?}");
        let highlighted = page.run_script("return document.querySelectorAll('.treaty.highlighted').length;").await;
        assert!(highlighted.as_u64().unwrap_or(0) >= 1, "the treaty's line is not highlighted");
    })
    .await;
}

#[tokio::test]
async fn the_time_bar_names_the_stages_and_marks_the_years_with_events() {
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?year=1935&lang=lv").await;
        let stage = page.text_of(r#"[data-testid="current-stage"]"#).await.unwrap_or_default();
        assert!(stage.contains("Trešais posms"), "the current stage in Latvian: {stage:?}");
        let marked = page
            .run_script("return [...document.querySelectorAll('.tick.has-event')].map(t => t.textContent.trim() || '?').length;")
            .await;
        assert!(marked.as_u64().unwrap_or(0) >= 10, "years with an event marked: {marked}");
        let story = page.text_of(r#"[data-testid="stage-story"]"#).await.unwrap_or_default();
        assert!(story.contains("Ženēvā"), "the stage's story, in Latvian, beside the list: {story:?}");
        let bands = page.run_script("return document.querySelectorAll('.stage').length;").await;
        let stages = support::served_features("stages.geojson", |_| true);
        assert!(stages >= 4, "the article's four stages at least");
        assert_eq!(bands.as_u64(), Some(stages as u64), "one band per stage of stages.geojson");
        let labels = page.run_script("return document.querySelectorAll('.tick-label').length;").await;
        assert_eq!(labels.as_u64(), Some(22), "at 1920 px every year is labelled");

        // 1939 holds a turn: its list has third-stage events (the 9th conference, February) and
        // the fourth stage begins with the Molotov–Ribbentrop Pact on 23 August.
        page.open("?year=1939&lang=lv").await;
        let stage = page.text_of(r#"[data-testid="current-stage"]"#).await.unwrap_or_default();
        assert!(stage.contains("Trešais posms → Ceturtais posms"), "both stages of 1939: {stage:?}");
        let headings = page
            .run_script(r#"return [...document.querySelectorAll('[data-testid="stage-story"] h3')].map(h => h.textContent);"#)
            .await;
        let headings = headings.to_string();
        assert!(
            headings.find("Trešais posms").zip(headings.find("Ceturtais posms")).is_some_and(|(third, fourth)| third < fourth),
            "both stories, the third first: {headings}"
        );
        page.open("?date=1939-09-01&lang=lv").await;
        let stage = page.text_of(r#"[data-testid="current-stage"]"#).await.unwrap_or_default();
        assert!(stage.contains("Ceturtais posms") && !stage.contains("Trešais"), "1 September 1939 is in the fourth: {stage:?}");
    })
    .await;
}

#[tokio::test]
async fn a_kiosk_whose_data_is_broken_shows_a_calm_page_and_recovers_by_itself() {
    // Broken for the first load only (each load fetches events.geojson once); the kiosk's
    // next attempt, 30 s later, gets the real file.
    let options = PageOptions::default()
        .size(1920, 1080)
        .override_path("/data/events.geojson", Override::ok("events.geojson", "{ oops").only_times(1));
    with_page(options, |page| async move {
        page.open("?kiosk&lang=lv").await;
        let message = page
            .wait_until("the kiosk's error page", Duration::from_secs(20), || async { page.load_error_text().await })
            .await;
        assert!(message.contains("Karte uz brīdi atpūšas"), "the visitor's message in Latvian: {message:?}");
        assert!(message.contains("events.geojson"), "the detail for staff names the file: {message:?}");
        assert!(!message.contains('`'), "no curator's markup on a kiosk: {message:?}");
        page.wait_until("the map after the kiosk's retry", Duration::from_secs(45), || async {
            page.find_now(sel::YEAR_SLIDER).await.map(|_| ())
        })
        .await;
    })
    .await;
}

/// The smallest computed font size of any visible text of the page outside the map, with the
/// element it belongs to.
const SMALLEST_TEXT: &str = r#"
    let smallest = { px: 1e9, what: "" };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const el = node.parentElement;
        if (!el || el.closest("svg, .visually-hidden, [hidden], noscript")) continue;
        // The credits are small print: 14 px at least, checked apart.
        if (el.closest(".attribution")) { if (parseFloat(getComputedStyle(el).fontSize) < 14) return { px: 0, what: "the credits" }; continue; }
        // So is an embedded map's key (800×500 in another site's page): 14 px at least.
        if (el.closest(".mode-embed .map-legend")) { if (parseFloat(getComputedStyle(el).fontSize) < 14) return { px: 0, what: "the embed's key" }; continue; }
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < smallest.px) smallest = { px, what: el.tagName.toLowerCase() + "." + el.className + ": " + node.textContent.trim().slice(0, 40) };
    }
    return smallest;
"#;

#[tokio::test]
async fn no_text_is_smaller_than_16_px_on_a_laptop_or_18_px_on_a_kiosk() {
    for (width, height, query, minimum) in [
        (1280, 800, "?year=1934&lang=lt&city=riga", 16.0),
        (1920, 1080, "?year=1940&lang=en", 16.0),
        (800, 500, "?embed&year=1939&lang=ru", 16.0),
        (1280, 800, "?year=1939&lang=ru&text=large", 20.0),
        (1920, 1080, "?kiosk&year=1939&lang=lv&city=tallinn", 18.0),
        (1080, 1920, "?kiosk&year=1935&lang=et", 18.0),
    ] {
        with_page(PageOptions::default().size(width, height), move |page| async move {
            page.open(query).await;
            // Open one event's details too, so that their text is measured.
            page.run_script(
                "const s = [...document.querySelectorAll('[data-event-id] summary')].find(e => e.offsetParent); \
                 s.click(); return 0;",
            )
            .await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let smallest = page.run_script(SMALLEST_TEXT).await;
            let px = smallest["px"].as_f64().unwrap_or(0.0);
            assert!(px >= minimum, "{width}×{height} {query}: {px} px text ({})", smallest["what"]);
        })
        .await;
    }
}

#[tokio::test]
async fn on_10_august_1940_the_list_names_the_annexation_as_context_and_can_hide_it() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?date=1940-08-10&lang=lt").await;
        let listed = r#"return [...document.querySelectorAll('[data-testid="active-events"] [data-event-id]:not([hidden])')]
                         .map(e => [e.dataset.eventId, e.classList.contains('role-context')]);"#;
        let rows = page.run_script(listed).await;
        let rows = rows.as_array().cloned().unwrap_or_default();
        let annexed = rows.iter().find(|r| r[0] == "annexation-1940-08-05-latvia");
        assert_eq!(annexed.map(|r| r[1].clone()), Some(serde_json::json!(true)), "the annexation, marked: {rows:?}");
        assert!(rows.iter().any(|r| r[1] == false), "the Entente's own events stay: {rows:?}");
        let mark = page.text_of(r#"[data-event-id="annexation-1940-08-05-latvia"] .event-context"#).await;
        assert_eq!(mark.as_deref(), Some("Kontekstas"), "the mark is in the reader's language");
        // Hiding the context leaves only the Entente's own events.
        page.run_script(r#"document.querySelector('[data-testid="show-context"]').click(); return null;"#).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let rows = page.run_script(listed).await;
        let rows = rows.as_array().cloned().unwrap_or_default();
        assert!(!rows.is_empty() && rows.iter().all(|r| r[1] == false), "only the Entente's own: {rows:?}");
    })
    .await;
}

/// Opens an event's details in the list and waits until its sources are drawn.
async fn open_sources(page: &support::AtlasPage, id: &str) {
    let summary = format!(r#"[data-testid="active-events"] [data-event-id="{id}"] summary"#);
    page.run_script(&format!("document.querySelector('{summary}').click(); return null;")).await;
    page.wait_until("the event's sources", Duration::from_secs(5), || async {
        page.text_of(&format!(r#"[data-testid="active-events"] [data-event-id="{id}"] .event-source"#))
            .await
            .filter(|t| !t.trim().is_empty())
    })
    .await;
}

#[tokio::test]
async fn a_contested_date_is_marked_and_its_details_show_each_date_with_its_sources() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?year=1940&lang=en").await;
        let id = "lithuanian-delegation-moscow-1940-06-08";
        let card = format!(r#"[data-testid="active-events"] [data-event-id="{id}"]"#);
        let mark = page.text_of(&format!("{card} .event-disputed")).await;
        assert_eq!(mark.as_deref(), Some("date disputed"), "the list marks the contested date");
        assert_eq!(
            page.text_of(&format!("{card} .event-dates")).await.as_deref(),
            Some("8 June 1940"),
            "the chosen date"
        );
        open_sources(&page, id).await;
        let claims = page
            .run_script(&format!(
                r#"return [...document.querySelectorAll('{card} .event-claim')].map(c => [c.dataset.chosen,
                    c.querySelector('.claim-date').textContent, c.querySelector('.event-sources').textContent]);"#
            ))
            .await;
        let claims = claims.as_array().cloned().unwrap_or_default();
        assert_eq!(claims.len(), 2, "both dates: {claims:?}");
        assert_eq!(claims[0][0], "true");
        assert_eq!(claims[0][1], "8 June 1940");
        assert!(
            claims[0][2]
                .as_str()
                .unwrap_or("")
                .contains("«Baltijas Antante», Latvian Wikipedia, section “Likvidēšana, 1940”"),
            "{claims:?}"
        );
        assert_eq!(claims[1][0], "false");
        assert_eq!(claims[1][1], "7–12 June 1940");
        let memoirs = claims[1][2].as_str().unwrap_or("");
        assert!(
            memoirs.contains("Juozas Urbšys") && memoirs.contains("Merkys in Moscow from 7 to 12 June 1940"),
            "{claims:?}"
        );
        let chosen = page.text_of(&format!("{card} .claim-chosen")).await;
        assert_eq!(chosen.as_deref(), Some("used on the map"));
    })
    .await;
}

#[tokio::test]
async fn a_source_line_in_lithuanian_is_written_in_lithuanian_and_links_its_work() {
    with_page(PageOptions::default().size(390, 844), |page| async move {
        page.open("?year=1934&lang=lt").await;
        let id = "treaty-1934-09-12-baltic-entente";
        open_sources(&page, id).await;
        let card = format!(r#"[data-testid="active-events"] [data-event-id="{id}"]"#);
        let lines = page
            .run_script(&format!(
                r#"return [...document.querySelectorAll('{card} .event-details > .event-sources .event-source')].map(l => l.textContent);"#
            ))
            .await;
        let lines: Vec<String> =
            lines.as_array().into_iter().flatten().filter_map(|l| l.as_str().map(str::to_owned)).collect();
        let first = lines.first().cloned().unwrap_or_default();
        assert!(
            first.starts_with("„Baltijas Antante“, Vikipedija latvių kalba, skyrius „Trešais posms, 1934-1939“, žiūrėta"),
            "{lines:#?}"
        );
        for english in ["Latvian Wikipedia", "Russian Wikipedia", "section", "photo caption", "accessed", "«"] {
            assert!(lines.iter().all(|l| !l.contains(english)), "`{english}` in {lines:#?}");
        }
        assert!(lines.iter().any(|l| l.contains("nuotraukos parašas „Latvijas, Lietuvas un Igaunijas")), "{lines:#?}");
        let link = page
            .run_script(&format!(
                r#"const a = document.querySelector('{card} .event-source a');
                   return a && [a.getAttribute('href'), a.target, a.rel, a.lang, a.textContent];"#
            ))
            .await;
        assert_eq!(
            link,
            serde_json::json!([
                "https://lv.wikipedia.org/wiki/Baltijas_Antante",
                "_blank",
                "noopener noreferrer",
                "lv",
                "Baltijas Antante"
            ])
        );
        // The contested end: both dates, the Russian one to the month.
        let dates = page.run_script(&format!(
            r#"return [...document.querySelectorAll('{card} .claim-date')].map(d => d.textContent);"#
        ))
        .await;
        assert_eq!(dates, serde_json::json!(["1934 m. rugsėjo 12 d. – 1940 m. liepos 1 d.", "1934 m. rugsėjo 12 d. – 1940 m. birželis"]));
    })
    .await;
}

#[tokio::test]
async fn on_a_kiosk_a_source_is_plain_text_with_its_address_written_out() {
    with_page(PageOptions::default().size(1080, 1920), |page| async move {
        page.open("?kiosk&year=1934&lang=ru").await;
        let id = "treaty-1934-09-12-baltic-entente";
        open_sources(&page, id).await;
        let card = format!(r#"[data-testid="active-events"] [data-event-id="{id}"]"#);
        let found = page
            .run_script(&format!(
                r#"return [document.querySelectorAll('{card} .event-sources a').length,
                           document.querySelector('{card} .source-url')?.textContent,
                           document.querySelector('{card} .event-source')?.textContent];"#
            ))
            .await;
        assert_eq!(found[0], 0, "no link a visitor could leave the kiosk by: {found:?}");
        assert_eq!(found[1], "https://lv.wikipedia.org/wiki/Baltijas_Antante");
        let line = found[2].as_str().unwrap_or("");
        assert!(line.starts_with("«Baltijas Antante», Википедия на латышском языке, раздел «"), "{line}");
    })
    .await;
}

#[tokio::test]
async fn a_truncated_language_file_leaves_only_that_language_out() {
    let lithuanian =
        std::fs::read(format!("{}/public/data/lang/lt.json", env!("CARGO_MANIFEST_DIR"))).expect("lt.json");
    let truncated = lithuanian[..lithuanian.len() / 2].to_vec();
    let options =
        PageOptions::default().size(1280, 800).override_path("/data/lang/lt.json", Override::ok("lt.json", truncated));
    with_page(options, |page| async move {
        page.open("?lang=lv&year=1934").await;
        assert!(page.find_now(sel::LOAD_ERROR).await.is_none(), "a Lithuanian slip took the map down");
        let offered = page
            .run_script(
                r#"return [...document.querySelectorAll('.lang-switcher [lang]')].map(b => b.getAttribute('lang'));"#,
            )
            .await
            .to_string();
        assert!(
            offered.contains("\"lv\"") && offered.contains("\"et\"") && !offered.contains("\"lt\""),
            "offered: {offered}"
        );
        let notice = page.text_of(r#"[data-testid="data-notice"]"#).await.unwrap_or_default();
        assert!(
            notice.contains("lang/lt.json") && notice.contains("Kuratoram"),
            "the curator's notice, in Latvian: {notice:?}"
        );

        // `?lang=lt` falls back as for a language not offered; the kiosk shows no notice.
        page.open("?lang=lt").await;
        let lang = page.run_script("return document.documentElement.lang;").await;
        assert_ne!(lang, "lt", "Lithuanian is not offered");
        page.open("?kiosk&lang=lv").await;
        assert!(page.find_now(r#"[data-testid="data-notice"]"#).await.is_none(), "a notice on the kiosk");
        assert!(page.find_now(sel::YEAR_SLIDER).await.is_some(), "the kiosk runs in Latvian");
    })
    .await;
}
