//! End-to-end tests of the page around the map (issue 19): the map's share of the screen, a key
//! that always fits and names every treaty drawn, the embedded map's "Key" button, and the
//! text size (A / A+) remembered in the address.
use std::time::Duration;

use crate::support::page::sel;
use crate::support::{self, with_page, AtlasPage, PageOptions};

/// The share of the window each part of the page covers (what of it is on screen).
const SHARES: &str = r#"
    const area = innerWidth * innerHeight;
    const seen = (css) => {
        const el = document.querySelector(css);
        if (!el) return 0;
        const r = el.getBoundingClientRect();
        const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
        const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
        return w * h / area;
    };
    return { map: seen("svg.map"), side: seen(".side"), time: seen('[data-testid="time-bar"]') };
"#;

/// Waits until the map is measured and drawn.
async fn wait_for_map(page: &AtlasPage) {
    page.wait_until("the map's markers", Duration::from_secs(10), || async {
        let n = page.run_script("return document.querySelectorAll('.map .city .dot').length;").await.as_u64();
        (n.unwrap_or(0) > 3).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn the_map_takes_most_of_the_screen_at_every_size() {
    for (name, width, height, mode, least) in [
        ("1920×1080", 1920, 1080, "", 0.60),
        ("1280×800", 1280, 800, "", 0.60),
        ("kiosk 1920×1080", 1920, 1080, "kiosk&", 0.55),
        ("kiosk 1080×1920", 1080, 1920, "kiosk&", 0.55),
        ("embed 800×500", 800, 500, "embed&", 0.45),
        ("phone 390×844", 390, 844, "", 0.45),
    ] {
        with_page(PageOptions::default().size(width, height), move |page| async move {
            page.open(&format!("?{mode}year=1939&lang=lt")).await;
            wait_for_map(&page).await;
            let shares = page.run_script(SHARES).await;
            let share = |part: &str| shares[part].as_f64().unwrap_or(0.0);
            eprintln!("{name}: {shares}");
            assert!(
                share("map") >= least,
                "{name}: the map covers {:.3} of the window, less than {least}",
                share("map")
            );
            assert!(
                share("map") > share("side") && share("map") > share("time"),
                "{name}: the map is the largest part of the page: {shares}"
            );
        })
        .await;
    }
}

/// Opens the key if it is folded, steps through every year and then every day on which the map
/// changes, and after each step reports what is wrong with the key: scrolling (content taller than its box), a box outside
/// the map or the window, or a treaty line drawn that the key does not name.
const KEY_FITS_EVERY_STEP: &str = r#"
    const done = arguments[arguments.length - 1];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    (async () => {
        const bad = [];
        let checked = 0;
        const check = (what) => {
            const box = document.querySelector('[data-testid="map-legend"]');
            const list = document.querySelector('[data-testid="legend"]');
            if (!box || !list) { bad.push(what + ": no key"); return; }
            if (!box.open) { bad.push(what + ": the key is folded"); return; }
            if (list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1)
                bad.push(what + ": the key's content " + list.scrollWidth + "×" + list.scrollHeight + " overflows its box " + list.clientWidth + "×" + list.clientHeight);
            const inner = list.getBoundingClientRect(), outer = box.getBoundingClientRect();
            if (inner.bottom > outer.bottom + 1 || inner.right > outer.right + 1)
                bad.push(what + ": the key's list spills out of its box " + JSON.stringify([inner.bottom, outer.bottom].map(Math.round)));
            const r = outer;
            const m = document.querySelector("svg.map").getBoundingClientRect();
            if (r.top < m.top - 1 || r.left < m.left - 1 || r.bottom > m.bottom + 1 || r.right > m.right + 1)
                bad.push(what + ": the key leaves the map " + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
            if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
                bad.push(what + ": the key leaves the window");
            const named = new Set([...list.querySelectorAll(".legend-treaty")].map((li) => li.dataset.eventId));
            for (const line of document.querySelectorAll('[data-testid="treaty-line"], [data-testid="treaty-line-into-inset"]'))
                if (!named.has(line.dataset.eventId)) bad.push(what + ": " + line.dataset.eventId + " is drawn but not in the key");
            checked++;
        };
        // Where the key starts folded, a reader opens it.
        const key = document.querySelector('[data-testid="map-legend"]');
        if (key && !key.open) { key.querySelector("summary").click(); await frame(); }
        const slider = document.querySelector('[data-testid="year-slider"]');
        const go = async (year) => {
            slider.value = String(year);
            slider.dispatchEvent(new Event("input", { bubbles: true }));
            await frame(); await frame();
        };
        for (let year = +slider.min; year <= +slider.max; year++) { await go(year); check("year " + year); }
        await go(+slider.min);
        const next = document.querySelector('[data-testid="next-change"]');
        for (let guard = 0; !next.disabled && guard < 300; guard++) {
            next.click();
            await frame(); await frame();
            check(document.querySelector('[data-testid="selected-date"]').textContent);
        }
        done({ bad: bad.slice(0, 12), checked });
    })();
"#;

/// Runs [`KEY_FITS_EVERY_STEP`] and fails with what it found.
async fn key_fits_every_step(page: &AtlasPage, what: &str) {
    let report = page.client().execute_async(KEY_FITS_EVERY_STEP, vec![]).await.expect("stepping through the years");
    assert_eq!(report["bad"], serde_json::json!([]), "{what}");
    let checked = report["checked"].as_u64().unwrap_or(0);
    assert!(checked >= 22 + 60, "{what}: only {checked} steps were checked");
}

#[tokio::test]
async fn the_key_fits_and_names_every_treaty_in_every_year_and_language_at_1280() {
    with_page(PageOptions::default().size(1280, 800).timeout(Duration::from_secs(240)), |page| async move {
        for lang in support::offered_languages() {
            page.open(&format!("?lang={lang}")).await;
            wait_for_map(&page).await;
            key_fits_every_step(&page, &format!("1280×800 in {lang}")).await;
        }
    })
    .await;
}

#[tokio::test]
async fn the_key_fits_at_the_other_sizes() {
    for (width, height, query) in [
        (1920, 1080, "?lang=lt"),
        (1920, 1080, "?kiosk&lang=ru"),
        (1080, 1920, "?kiosk&lang=lt"),
        (1280, 800, "?lang=lv&text=large"),
    ] {
        with_page(
            PageOptions::default().size(width, height).timeout(Duration::from_secs(120)),
            move |page| async move {
                page.open(query).await;
                wait_for_map(&page).await;
                key_fits_every_step(&page, &format!("{width}×{height} {query}")).await;
            },
        )
        .await;
    }
}

#[tokio::test]
async fn embedded_the_key_is_a_button_that_opens_over_the_map_and_names_the_treaties() {
    with_page(PageOptions::default().size(800, 500).timeout(Duration::from_secs(120)), |page| async move {
        page.open("?embed&year=1939&lang=lt").await;
        wait_for_map(&page).await;
        let open = "return document.querySelector('[data-testid=\"map-legend\"]').open;";
        assert_eq!(page.run_script(open).await, serde_json::json!(false), "embedded, the key starts folded");
        assert!(page.is_on_screen(r#"[data-testid="legend-toggle"]"#).await, "the Key button is on screen");
        page.click(r#"[data-testid="legend-toggle"]"#).await;
        assert_eq!(page.run_script(open).await, serde_json::json!(true), "the Key button opens the key");
        let treaties =
            page.run_script("return document.querySelectorAll('[data-testid=\"treaty-line\"]').length;").await;
        assert!(treaties.as_u64().unwrap_or(0) >= 3, "1939 has treaty lines: {treaties}");
        key_fits_every_step(&page, "embedded 800×500 in Lithuanian").await;
        let path = support::screenshot_dir().join("layout-embed-key-open-1939-lt.png");
        page.open("?embed&year=1939&lang=lt").await;
        wait_for_map(&page).await;
        page.click(r#"[data-testid="legend-toggle"]"#).await;
        page.screenshot(&path).await;
    })
    .await;
}

#[tokio::test]
async fn a_plus_grows_the_type_and_the_address_remembers_it() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?year=1939&lang=en").await;
        wait_for_map(&page).await;
        let size = "return parseFloat(getComputedStyle(document.querySelector('.event-title')).fontSize);";
        let before = page.run_script(size).await.as_f64().unwrap_or(0.0);
        assert!(before >= 16.0, "body text of at least 16 px: {before}");
        assert_eq!(page.attr(r#"[data-testid="text-normal"]"#, "aria-pressed").await.as_deref(), Some("true"));
        let name = page.attr(r#"[data-testid="text-large"]"#, "aria-label").await.unwrap_or_default();
        assert!(
            name.starts_with("A+") && name.len() > 4,
            "an accessible name that begins with what it shows: {name:?}"
        );
        page.click(r#"[data-testid="text-large"]"#).await;
        page.wait_for_query("text=large", |q| q.contains("text=large") && q.contains("year=1939")).await;
        let after = page.run_script(size).await.as_f64().unwrap_or(0.0);
        assert!(after >= before * 1.15, "A+ grows the type: {before} → {after} px");
        assert_eq!(page.attr(r#"[data-testid="text-large"]"#, "aria-pressed").await.as_deref(), Some("true"));
        // A link with it opens at the larger size; the year and the slider are still in sight.
        page.open("?year=1939&lang=en&text=large").await;
        wait_for_map(&page).await;
        let reopened = page.run_script(size).await.as_f64().unwrap_or(0.0);
        assert_eq!(reopened, after, "?text=large opens at the larger size");
        for css in [sel::YEAR_LABEL, sel::YEAR_SLIDER] {
            assert!(page.is_on_screen(css).await, "{css} at A+");
        }
        page.screenshot(&support::screenshot_dir().join("layout-1280x800-a-plus-1939-en.png")).await;
        page.click(r#"[data-testid="text-normal"]"#).await;
        page.wait_for_query("no text= at the normal size", |q| !q.contains("text=")).await;
    })
    .await;
}
