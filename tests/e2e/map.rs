//! End-to-end tests of the map: composition, colours, labels, treaty lines and insets (issue 10).
use std::time::Duration;

use crate::support::{self, with_page, AtlasPage, PageOptions};

/// The five layouts: window size and the address's mode.
const LAYOUTS: [(u32, u32, &str, &str); 5] = [
    (1920, 1080, "", "1920×1080"),
    (1280, 800, "", "1280×800"),
    (1080, 1920, "kiosk&", "1080×1920 kiosk"),
    (390, 844, "", "390×844 phone"),
    (800, 500, "embed&", "800×500 embed"),
];

/// The key's text, folded or not (where the map is small the key starts folded to its button).
async fn legend_text(page: &AtlasPage) -> String {
    let text = page.run_script(r#"return document.querySelector('[data-testid="legend"]').textContent;"#).await;
    text.as_str().unwrap_or_default().to_owned()
}

/// Waits until the map has been measured and drawn: city markers and state names on screen.
async fn wait_for_map(page: &AtlasPage) {
    page.wait_until("the map's markers and names", Duration::from_secs(10), || async {
        let n = page
            .run_script("return document.querySelectorAll('.map .city .dot').length + document.querySelectorAll('.map .state-name').length;")
            .await
            .as_u64()
            .unwrap_or(0);
        (n > 5).then_some(())
    })
    .await;
    // One more frame for the size observer and a re-render.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// The labels and markers on screen, as boxes: `[kind, name, left, top, right, bottom]`, and
/// the problems found among them (a label over a label or a marker, a label off its frame).
const OVERLAPS: &str = r#"
const svg = document.querySelector('svg.map').getBoundingClientRect();
const boxes = [];
const frameOf = (el) => {
  const inset = el.closest('.frame.inset');
  const r = inset ? inset.querySelector('rect.sea').getBoundingClientRect() : svg;
  return [r.left, r.top, r.right, r.bottom];
};
for (const el of document.querySelectorAll('.map .city .label, .map .state-name')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0) continue;
  boxes.push({ kind: 'label', name: el.textContent, b: [r.left, r.top, r.right, r.bottom], frame: frameOf(el) });
}
for (const el of document.querySelectorAll('.map .city .dot')) {
  const r = el.getBoundingClientRect();
  boxes.push({ kind: 'marker', name: el.closest('.city').getAttribute('data-testid'), b: [r.left, r.top, r.right, r.bottom] });
}
const eps = 0.5;
const overlap = (a, b) => a[0] < b[2] - eps && b[0] < a[2] - eps && a[1] < b[3] - eps && b[1] < a[3] - eps;
const problems = [];
const labels = boxes.filter(x => x.kind === 'label');
labels.forEach((a, i) => {
  const f = a.frame;
  if (a.b[0] < f[0] - eps || a.b[1] < f[1] - eps || a.b[2] > f[2] + eps || a.b[3] > f[3] + eps)
    problems.push(`${a.name} leaves its frame ${JSON.stringify(a.b)} ${JSON.stringify(f)}`);
  for (const b of boxes.slice(0)) {
    if (b === a || (b.kind === 'label' && labels.indexOf(b) < i)) continue;
    if (overlap(a.b, b.b)) problems.push(`${a.name} covers ${b.kind} ${b.name}`);
  }
});
return { labels: labels.length, markers: boxes.length - labels.length, problems };
"#;

#[tokio::test]
async fn in_1939_three_moscow_lines_carry_the_dates_of_the_bases_treaties() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1939&lang=en").await;
        wait_for_map(&page).await;
        let lines = page
            .run_script(
                r#"return [...document.querySelectorAll('[data-testid="treaty-line"]')]
                     .filter(p => p.getAttribute('data-cities').split(' ').includes('moscow'))
                     .map(p => [p.getAttribute('data-event-id'), p.getAttribute('data-cities'), p.getAttribute('d')]);"#,
            )
            .await;
        let lines = lines.as_array().cloned().unwrap_or_default();
        let expected = [
            ("treaty-1939-09-28-soviet-estonian-bases", "moscow tallinn", "28 September 1939 – 5 August 1940"),
            ("treaty-1939-10-05-soviet-latvian-bases", "moscow riga", "5 October 1939 – 4 August 1940"),
            ("treaty-1939-10-10-soviet-lithuanian-bases", "moscow kaunas", "10 October 1939 – 2 August 1940"),
        ];
        assert_eq!(lines.len(), 3, "three lines from Moscow in 1939: {lines:?}");
        for (id, cities, date) in expected {
            let line = lines.iter().find(|l| l[0] == id).unwrap_or_else(|| panic!("no line for {id}: {lines:?}"));
            assert_eq!(line[1], cities, "{id} joins Moscow and one capital");
            assert_eq!(line[2].as_str().unwrap_or_default().matches('M').count(), 1, "{id}: one straight line");
            let shown = page
                .text_of(&format!(r#"[data-testid="active-events"] [data-event-id="{id}"] .event-dates"#))
                .await
                .unwrap_or_else(|| panic!("{id} is not in the list of 1939"));
            assert_eq!(shown, date, "{id}");
        }
        // No line joins two Baltic capitals for the bases treaties.
        let between_capitals = page
            .run_script(
                r#"return [...document.querySelectorAll('[data-testid="treaty-line"]')]
                     .filter(p => p.getAttribute('data-event-id').includes('bases')
                                  && !p.getAttribute('data-cities').includes('moscow')).length;"#,
            )
            .await;
        assert_eq!(between_capitals.as_u64(), Some(0));
    })
    .await;
}

#[tokio::test]
async fn labels_and_markers_never_overlap_at_the_five_sizes() {
    for (width, height, mode, name) in LAYOUTS {
        with_page(PageOptions::default().size(width, height), |page| async move {
            for (year, lang) in [(1920, "lt"), (1934, "en"), (1939, "ru"), (1940, "et"), (1940, "lv")] {
                page.open(&format!("?{mode}year={year}&lang={lang}")).await;
                wait_for_map(&page).await;
                let found = page.run_script(OVERLAPS).await;
                let problems = found["problems"].as_array().cloned().unwrap_or_default();
                assert!(problems.is_empty(), "{name}, {year}, {lang}: {problems:#?}");
                let labels = found["labels"].as_u64().unwrap_or(0);
                assert!(labels >= 6, "{name}, {year}, {lang}: only {labels} labels on the map");
            }
        })
        .await;
    }
}

#[tokio::test]
async fn the_map_fills_its_box_at_the_five_sizes() {
    for (width, height, mode, name) in LAYOUTS {
        with_page(PageOptions::default().size(width, height), |page| async move {
            page.open(&format!("?{mode}year=1934")).await;
            wait_for_map(&page).await;
            let fit = page
                .run_script(
                    r#"const svg = document.querySelector('svg.map');
                       const r = svg.getBoundingClientRect();
                       const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
                       return [r.width, r.height, w, h];"#,
                )
                .await;
            let v: Vec<f64> = fit.as_array().into_iter().flatten().filter_map(|n| n.as_f64()).collect();
            assert_eq!(v.len(), 4, "{name}: {fit:?}");
            // The viewBox has the element's shape: nothing is letterboxed.
            assert!((v[0] - v[2]).abs() <= 1.5 && (v[1] - v[3]).abs() <= 1.5, "{name}: element {v:?}");
        })
        .await;
    }
}

#[tokio::test]
async fn the_berlin_and_geneva_insets_show_land_and_do_not_zoom() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1934&lang=en").await;
        wait_for_map(&page).await;
        let land_at = |id: &'static str| {
            let page = &page;
            async move {
                page.run_script(&format!(
                    r#"const inset = document.querySelector('[data-testid="inset-{id}"]');
                       if (!inset) {{
                         // A wide box shows the city in the main frame: land under its marker.
                         const d = document.querySelector('[data-testid="city-{id}"] .dot').getBoundingClientRect();
                         const hit = document.elementsFromPoint(d.left + d.width / 2, d.top + d.height / 2);
                         return hit.some(e => e.matches && e.matches('[data-testid="borders"] path.state')) ? 1 : 0;
                       }}
                       const r = inset.querySelector('rect.sea').getBoundingClientRect();
                       let land = 0, all = 0;
                       for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) {{
                         const x = r.left + r.width * i / 8, y = r.top + r.height * j / 8;
                         const hit = document.elementsFromPoint(x, y);
                         all++;
                         if (hit.some(e => e.closest && e.closest('[data-testid="inset-{id}"]') && (e.matches('path.state') || e.matches('path.land')))) land++;
                       }}
                       return land / all;"#
                ))
                .await
            }
        };
        for id in ["berlin", "geneva"] {
            let share = land_at(id).await;
            let share = share.as_f64().unwrap_or_else(|| panic!("{id}: {share:?}"));
            assert!(share > 0.3, "the {id} inset is mostly blank: land at {share:.2} of its points");
        }
        let inset_box = r#"const r = document.querySelector('[data-testid="inset-geneva"] rect.sea').getBoundingClientRect(); return [r.left, r.top, r.width, r.height];"#;
        let marker_box = r#"const r = document.querySelector('[data-testid="city-geneva"] .dot').getBoundingClientRect(); return [r.left, r.top, r.width, r.height];"#;
        let numbers = |v: serde_json::Value| -> Vec<f64> { v.as_array().into_iter().flatten().filter_map(|n| n.as_f64()).collect() };
        let same = |a: &[f64], b: &[f64]| a.len() == 4 && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.5);
        let (before, marker_before) = (numbers(page.run_script(inset_box).await), numbers(page.run_script(marker_box).await));
        page.click(r#"[data-testid="zoom-in"]"#).await;
        tokio::time::sleep(Duration::from_millis(300)).await;

        let (after, marker_after) = (numbers(page.run_script(inset_box).await), numbers(page.run_script(marker_box).await));
        assert!(same(&before, &after), "the inset stays where it is: {before:?} → {after:?}");
        assert!(same(&marker_before, &marker_after), "Geneva stays in its inset: {marker_before:?} → {marker_after:?}");
        let zoomed = page.run_script("return document.querySelector('.zoomable').getAttribute('transform');").await;
        assert!(zoomed.as_str().is_some_and(|t| t.contains("scale(1.5")), "the main frame did zoom: {zoomed:?}");
    })
    .await;
}

#[tokio::test]
async fn the_legend_names_the_states_and_the_occupation_is_hatched_in_june_1940() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?date=1940-06-20&lang=en").await;
        wait_for_map(&page).await;
        let legend = legend_text(&page).await;
        for name in ["Latvia (under Soviet occupation)", "USSR", "Finland", "Under Soviet occupation"] {
            assert!(legend.contains(name), "the legend names {name}: {legend}");
        }
        let borders = page.text_of(r#"[data-testid="borders-date"]"#).await.unwrap_or_default();
        assert_eq!(borders, "Borders on 20 June 1940", "the borders' date beside the year");
        let hatched = page
            .run_script(r#"return [...document.querySelectorAll('[data-testid="borders"] path.occupied:not([display="none"])')].length;"#)
            .await;
        assert!(hatched.as_u64().unwrap_or(0) >= 3, "Estonia, Latvia and Lithuania are hatched: {hatched:?}");
        page.open("?year=1938&lang=lv").await;
        wait_for_map(&page).await;
        let legend = legend_text(&page).await;
        assert!(legend.contains("Latvija") && legend.contains("Lietuva") && legend.contains("Igaunija"), "{legend}");
        assert!(page.find_now(r#"[data-testid="legend-occupied"]"#).await.is_none(), "no occupation in 1938");
        let _ = support::LAST_YEAR;
    })
    .await;
}

#[tokio::test]
async fn context_places_are_drawn_but_are_not_buttons() {
    with_page(PageOptions::default(), |page| async move {
        page.open("?year=1930&lang=en").await;
        wait_for_map(&page).await;
        for id in ["vilnius", "klaipeda"] {
            let css = format!(r#"[data-testid="place-{id}"]"#);
            assert!(page.find_now(&css).await.is_some(), "{id} is on the map");
            assert_eq!(page.attr(&css, "role").await, None, "{id} is not a button");
            assert_eq!(page.attr(&css, "tabindex").await, None, "{id} is not focusable");
            assert!(page.find_now(&format!(r#"[data-testid="city-{id}"]"#)).await.is_none());
        }
    })
    .await;
}

#[tokio::test]
async fn at_ten_thousand_events_the_map_stays_readable_and_the_list_draws_pages() {
    with_page(PageOptions::default().size(1280, 800).timeout(Duration::from_secs(300)).synthetic_atlas(), |page| async move {
        page.open("?year=1935&lang=en").await;
        wait_for_map(&page).await;
        let found = page.run_script(OVERLAPS).await;
        let problems = found["problems"].as_array().cloned().unwrap_or_default();
        assert!(problems.is_empty(), "labels collide at scale: {problems:#?}");
        assert!(found["labels"].as_u64().unwrap_or(0) >= 6, "{found}");
        let counts = page
            .run_script(
                r#"return { edges: document.querySelectorAll('.edge-arrow').length,
                            lines: document.querySelectorAll('[data-testid="treaty-line"]').length,
                            keys: document.querySelectorAll('.legend-treaty').length,
                            more: (document.querySelector('[data-testid="legend-more-treaties"]') || {}).textContent || '',
                            rows: document.querySelectorAll('[data-testid="active-events"] > li[data-event-id]:not([hidden])').length };"#,
            )
            .await;
        let n = |k: &str| counts[k].as_u64().unwrap_or(u64::MAX);
        assert!(n("edges") <= atlas_core::geo::MAX_EDGE_MARKERS as u64, "edge markers: {counts}");
        let max_lines = atlas_core::geo::palette::MAX_TREATY_LINES as u64;
        assert!(n("lines") == max_lines && n("keys") == max_lines, "treaty lines and keys: {counts}");
        assert!(counts["more"].as_str().unwrap_or("").contains("more treaties in force"), "{counts}");
        let page_rows = atlas_core::timeline::LIST_PAGE as u64;
        assert_eq!(n("rows"), page_rows, "one page of rows: {counts}");
        // "Show more" draws the next page; every drawn row keeps its event id.
        page.click(r#"[data-testid="show-more"]"#).await;
        let rows = page
            .wait_until("the second page of rows", Duration::from_secs(10), || async {
                let rows = page
                    .run_script(r#"return [...document.querySelectorAll('[data-testid="active-events"] > li:not([hidden])')].map(li => li.getAttribute('data-event-id'));"#)
                    .await;
                let rows: Vec<String> =
                    rows.as_array().into_iter().flatten().map(|r| r.as_str().unwrap_or("").to_owned()).collect();
                (rows.len() as u64 == 2 * page_rows).then_some(rows)
            })
            .await;
        assert!(rows.iter().all(|id| id.starts_with("synthetic-")), "{rows:?}");
        let label = page.text_of(r#"[data-testid="show-more"]"#).await.unwrap_or_default();
        assert!(label.contains(&format!("{} of", 2 * page_rows)), "the button counts what is shown: {label}");
    })
    .await;
}

#[tokio::test]
async fn a_date_in_the_address_shows_that_day_and_the_steps_visit_1940_in_order() {
    with_page(PageOptions::default(), |page| async move {
        // 10 August 1940: the three states annexed, and the caption says so.
        page.open("?date=1940-08-10&lang=en").await;
        wait_for_map(&page).await;
        let legend = legend_text(&page).await;
        for name in ["Latvian SSR (annexed by the USSR)", "Estonian SSR", "Lithuanian SSR"] {
            assert!(legend.contains(name), "the legend says {name}: {legend}");
        }
        // The borders' date is beside the year, in the time bar.
        let borders = page.text_of(r#"[data-testid="borders-date"]"#).await.unwrap_or_default();
        assert_eq!(borders, "Borders on 10 August 1940");
        let date = page.text_of(r#"[data-testid="selected-date"]"#).await.unwrap_or_default();
        assert_eq!(date, "10 August 1940");
        let lines = page.run_script(r#"return document.querySelectorAll('[data-testid="treaty-line"]').length;"#).await;
        assert_eq!(lines.as_u64(), Some(0), "no treaty is in force after the annexation");
        // From the end of 1939, ⏭ visits 1940's days in order, as the data gives them.
        let data =
            atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data")))
                .expect("the data loads");
        let expected: Vec<String> = data.changes.in_year(1940).iter().map(|c| c.day.to_string()).collect();
        page.open("?year=1939&lang=en").await;
        wait_for_map(&page).await;
        let mut seen = Vec::new();
        for _ in 0..expected.len() {
            page.click(r#"[data-testid="next-change"]"#).await;
            let want = &expected[seen.len()];
            let query = page
                .wait_until(&format!("the address to say {want}"), Duration::from_secs(5), || async {
                    let search = page.run_script("return location.search;").await;
                    let search = search.as_str().unwrap_or("").to_owned();
                    search.contains(&format!("date={want}")).then_some(search)
                })
                .await;
            seen.push(query);
        }
        assert_eq!(seen.len(), expected.len());
        // The June occupation is a step, and the legend follows it; ⏮ goes back a step.
        page.open("?date=1940-06-17&lang=en").await;
        wait_for_map(&page).await;
        let legend = legend_text(&page).await;
        assert!(legend.contains("Estonia (under Soviet occupation)"), "{legend}");
        page.click(r#"[data-testid="previous-change"]"#).await;
        page.wait_until("the step before 17 June", Duration::from_secs(5), || async {
            let date = page.text_of(r#"[data-testid="selected-date"]"#).await.unwrap_or_default();
            (date == "16 June 1940").then_some(())
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_berlin_is_an_arrow_with_its_distance_and_the_moscow_lines_end_in_its_inset() {
    with_page(PageOptions::default().size(390, 844), |page| async move {
        page.open("?year=1939&lang=en").await;
        wait_for_map(&page).await;
        // Berlin is beyond the phone's frame: an arrow at the edge, not a city's dot, named by
        // its direction and distance, and a button like a city's.
        let berlin = r#"[data-testid="city-berlin"]"#;
        assert_eq!(page.attr(berlin, "data-edge").await.as_deref(), Some("true"), "Berlin is not an arrow");
        assert!(page.find_now(r#"[data-testid="city-berlin"] .dot"#).await.is_none(), "Berlin has a dot");
        assert_eq!(page.attr(berlin, "tabindex").await.as_deref(), Some("0"));
        let name = page.attr(berlin, "aria-label").await.unwrap_or_default();
        assert!(name.starts_with("Berlin, ") && name.contains(" km to the south-west"), "{name}");
        let label = page.text_of(r#"[data-testid="city-berlin"] .label"#).await.unwrap_or_default();
        assert!(label.starts_with("Berlin ") && label.ends_with(" km"), "{label}");
        page.click_city("berlin").await;
        assert!(page.panel_heading().await.contains("Berlin"), "the arrow opens Berlin's panel");
        page.press_escape().await;
        page.wait_panel_closed().await;
        // Each of the three Moscow lines runs into the Moscow inset and ends at its marker.
        let ends = page
            .run_script(
                r#"const svg = document.querySelector('svg.map').getBoundingClientRect();
                   const dot = document.querySelector('[data-testid="inset-moscow"] [data-testid="city-moscow"] .dot').getBoundingClientRect();
                   const centre = [dot.x + dot.width / 2 - svg.x, dot.y + dot.height / 2 - svg.y];
                   const lines = [...document.querySelectorAll('[data-testid="inset-moscow"] [data-testid="treaty-line-into-inset"]')];
                   return { centre, ends: lines.map(p => p.getAttribute('d').split('L').pop().split(' ').map(Number)),
                            ids: lines.map(p => p.getAttribute('data-event-id')) };"#,
            )
            .await;
        let ids = ends["ids"].as_array().cloned().unwrap_or_default();
        assert_eq!(ids.len(), 3, "three lines into the Moscow inset: {ends}");
        let centre: Vec<f64> = ends["centre"].as_array().into_iter().flatten().filter_map(|n| n.as_f64()).collect();
        for end in ends["ends"].as_array().into_iter().flatten() {
            let end: Vec<f64> = end.as_array().into_iter().flatten().filter_map(|n| n.as_f64()).collect();
            assert_eq!(end.len(), 2, "{ends}");
            let off = (end[0] - centre[0]).hypot(end[1] - centre[1]);
            assert!(off < 2.0, "a line ends {off:.1} px from Moscow's marker: {ends}");
        }
    })
    .await;
}

/// The Klaipėda Region on 25 March 1939: called out, its town named Memel, and "About these
/// borders" opened from the keyboard (Enter), listing the change, closed with Escape, the focus back on
/// its button; then opened by a tap.
#[tokio::test]
async fn in_1939_klaipeda_is_called_out_and_about_these_borders_works_by_keyboard_and_touch() {
    use crate::support::page::sel;
    use fantoccini::key::Key;
    with_page(PageOptions::desktop_hd(), |page| async move {
        page.open("?date=1939-03-25&lang=lt").await;
        wait_for_map(&page).await;
        let callout = page.attr(sel::REGION_CALLOUT, "aria-label").await;
        assert_eq!(callout.as_deref(), Some("Klaipėdos kraštas → Vokietija, 1939 m. kovo 23 d."));
        // A context place's label gives way to the cities' where room is short; where drawn, it
        // is the name of the day.
        if let Some(memel) = page.text_of(r#"[data-testid="place-klaipeda"] .label"#).await {
            assert_eq!(memel, "Memel (Klaipėda)");
        }
        page.assert_accessible("25 March 1939 with the Klaipėda callout").await;

        page.run_script(&format!("document.querySelector('{}').focus()", sel::ABOUT_BORDERS.replace('\'', "\\'")))
            .await;
        page.press(Key::Enter).await;
        let first = page
            .wait_until("the panel's first entry", Duration::from_secs(5), || async {
                page.text_of(&format!("{} .border-entry h3", sel::ABOUT_BORDERS_PANEL)).await
            })
            .await;
        assert_eq!(first, "Lietuva");
        let focused = page
            .run_script("return document.activeElement.closest('[data-testid=about-borders-panel]') !== null")
            .await;
        assert_eq!(focused.as_bool(), Some(true), "the focus moves into the panel");
        let titles = page.run_script("return document.querySelectorAll('.map title').length").await;
        assert_eq!(titles.as_u64(), Some(0), "no hover-only tooltips are left on the map");
        page.click(&format!("{} .border-entry summary", sel::ABOUT_BORDERS_PANEL)).await;
        page.assert_accessible("About these borders open, a period's sources shown").await;

        page.press_escape().await;
        page.wait_until("the panel to close", Duration::from_secs(5), || async {
            page.find_now(sel::ABOUT_BORDERS_PANEL).await.is_none().then_some(())
        })
        .await;
        let back = page.run_script("return document.activeElement.getAttribute('data-testid')").await;
        assert_eq!(back.as_str(), Some("about-borders"), "the focus returns to the button");

        page.tap(sel::ABOUT_BORDERS).await;
        page.wait_until("the panel to open on a tap", Duration::from_secs(5), || async {
            page.find_now(sel::ABOUT_BORDERS_PANEL).await.map(|_| ())
        })
        .await;
    })
    .await;
}
