//! Browser benchmark (`cargo xtask bench`): how fast the built app is ready and how long a
//! slider step takes including style and layout, with the real data and with 10,000 events.
//! It prints figures to compare with a plain Leaflet page of the same data (ready in ~140 ms,
//! slider under 8 ms, ~200 ms at 10,000 events); it asserts nothing about time.
#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use super::support::{with_page, AtlasPage, Override, PageOptions};

    /// What a kiosk keeps after a long day: memory at the start, after 10,000 mixed interactions
    /// (panels, their sources, languages, slider, zoom, the idle reset and attract loop) and after
    /// 5,000 more open/close cycles of a panel. Flat means no leak (issue 11).
    async fn memory_soak(page: AtlasPage) {
        page.open("?kiosk&idle=2&lang=en").await;
        let start = page.memory().await;
        let started = std::time::Instant::now();
        page.mixed_interactions(10_000).await;
        let mixed = page.memory().await;
        let mixed_secs = started.elapsed().as_secs_f64();
        page.panel_cycles("riga", 5_000, true).await;
        let panels = page.memory().await;
        println!("memory, kiosk page (wasm linear memory, bytes allocated in it, JS heap, DOM):");
        println!("  {:<44} {}", "at the start", start.describe());
        println!("  {:<44} {}   ({mixed_secs:.0} s)", "after 10,000 mixed interactions", mixed.describe());
        println!("  {:<44} {}", "after 5,000 more panel open/close cycles", panels.describe());
        println!(
            "  growth: wasm {:+.0} KiB, allocated {:+.1} KiB, JS heap {:+.0} KiB",
            (panels.wasm - start.wasm) / 1024.0,
            (panels.heap - start.heap) / 1024.0,
            (panels.js_heap - start.js_heap) / 1024.0
        );
    }

    /// Steps the slider through every year like a reader, timing each step from the input
    /// event to the updated DOM with layout done.
    const SLIDER_STEPS: &str = r#"
        const done = arguments[arguments.length - 1];
        const slider = document.querySelector('[data-testid="year-slider"]');
        const label = document.querySelector('[data-testid="year-label"]');
        const years = [];
        for (let y = Number(slider.min); y <= Number(slider.max); y++) years.push(y);
        years.push(...years.slice().reverse());
        const times = [];
        const step = (i) => {
            if (i >= years.length) { done(times); return; }
            const year = String(years[i]);
            const t0 = performance.now();
            slider.value = year;
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            let tries = 0;
            const check = () => {
                if (label.textContent.trim() === year) {
                    document.body.getBoundingClientRect(); // style and layout
                    void document.body.offsetHeight;
                    times.push(performance.now() - t0);
                    setTimeout(() => step(i + 1), 0);
                } else if (++tries < 1000) {
                    Promise.resolve().then(check);
                } else {
                    setTimeout(check, 0);
                }
            };
            check();
        };
        step(0);
    "#;

    fn stats(label: &str, mut values: Vec<f64>) {
        values.sort_by(|a, b| a.total_cmp(b));
        let median = values.get(values.len() / 2).copied().unwrap_or(f64::NAN);
        let p95 = values.get(values.len() * 95 / 100).copied().unwrap_or(f64::NAN);
        let max = values.last().copied().unwrap_or(f64::NAN);
        println!("{label:<58} median {median:7.2} ms   p95 {p95:7.2} ms   max {max:7.2} ms   (n = {})", values.len());
    }

    async fn ready_ms(page: &AtlasPage) -> f64 {
        let value = page
            .run_script(
                "const m = performance.getEntriesByName('atlas-ready'); return m.length ? m[0].startTime : null;",
            )
            .await;
        value.as_f64().unwrap_or(f64::NAN)
    }

    async fn measure(page: AtlasPage, what: &str) {
        let mut ready = Vec::new();
        for _ in 0..6 {
            page.open("").await;
            ready.push(ready_ms(&page).await);
        }
        println!("{what}: first load ready after {:.1} ms (navigation start to map on screen)", ready[0]);
        stats(&format!("{what}: ready, reloads"), ready[1..].to_vec());
        let mut steps = Vec::new();
        for _ in 0..3 {
            let times = page.client().execute_async(SLIDER_STEPS, vec![]).await.expect("slider steps");
            steps.extend(times.as_array().into_iter().flatten().filter_map(|t| t.as_f64()));
        }
        stats(&format!("{what}: slider step, input to DOM + layout"), steps);
        // What stays behind after many slider steps and language switches (a kiosk runs for days).
        let before = page.run_script(MEMORY).await;
        for _ in 0..10 {
            page.client().execute_async(SLIDER_STEPS, vec![]).await.expect("slider steps");
            for lang in ["lv", "lt", "et", "en"] {
                page.run_script(&format!(
                    r#"document.querySelector('[data-testid="lang-{lang}"]').click(); return 0;"#
                ))
                .await;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let after = page.run_script(MEMORY).await;
        println!(
            "{what}: after 440 more slider steps and 40 language switches: DOM nodes {} -> {}, JS heap {:.1} -> {:.1} MB",
            before["nodes"], after["nodes"],
            before["heap"].as_f64().unwrap_or(f64::NAN) / 1e6, after["heap"].as_f64().unwrap_or(f64::NAN) / 1e6,
        );
    }

    /// DOM size and JS heap (Chromium's `performance.memory`; the wasm memory is included).
    const MEMORY: &str = r#"
        if (window.gc) window.gc();
        return { nodes: document.getElementsByTagName('*').length,
                 heap: performance.memory ? performance.memory.usedJSHeapSize : null };
    "#;

    /// A synthetic `events.geojson` of `n` valid events over 1919–1940 at the real places.
    fn synthetic_events(n: usize) -> String {
        let places: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/places.geojson")).expect("places.geojson");
        let places: Vec<(String, serde_json::Value)> = places["features"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| (f["properties"]["id"].as_str().unwrap_or_default().to_owned(), f["geometry"].clone()))
            .collect();
        let features: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                let (place, geometry) = &places[i % places.len()];
                let year = 1919 + (i * 7 % 22);
                let month = 1 + i % 12;
                serde_json::json!({
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {
                        "id": format!("synthetic-{i}"),
                        "kind": if i % 5 == 0 { "treaty" } else { "conference" },
                        "start": format!("{year}-{month:02}-01"),
                        "end": if i % 5 == 0 { serde_json::json!(format!("{}", (year + 3).min(1940))) } else { serde_json::Value::Null },
                        "place": place,
                        "parties": ["latvia", "estonia"],
                        "title": { "en": format!("Synthetic event {i}"), "lv": format!("Sintētisks notikums {i}"), "lt": "x", "et": "x" },
                        "summary": { "en": "A benchmark event.", "lv": "Etalona notikums.", "lt": "x", "et": "x" },
                        "sources": ["benchmark"]
                    }
                })
            })
            .collect();
        serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string()
    }

    pub async fn run() {
        println!("browser benchmark: headless Chromium, window 1280×900, dist/ served on 127.0.0.1");
        let long = std::time::Duration::from_secs(900);
        with_page(PageOptions::default().timeout(long), |page| measure(page, "real data (43 events)")).await;
        let events = synthetic_events(10_000);
        println!("synthetic events.geojson: {} bytes", events.len());
        let options = PageOptions::default()
            .timeout(long)
            .override_path("/data/events.geojson", Override::ok("events.geojson", events));
        with_page(options, |page| measure(page, "10,000 events")).await;
        with_page(PageOptions::default().timeout(long), memory_soak).await;
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() {
    bench::run().await;
}

#[cfg(target_arch = "wasm32")]
fn main() {}
