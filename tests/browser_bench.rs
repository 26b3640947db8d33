//! Browser benchmark (`cargo xtask bench`), measured the way a visitor feels it, on the built app
//! (`dist/`) in headless Chromium, for the real data and for a deterministic synthetic atlas of
//! 10,000 events over 500 places (`atlas_core::synthetic`):
//!
//! - ready: navigation start to the map on screen (`atlas-ready`, marked at the first frame
//!   after the map is drawn), at least 5 fresh loads;
//! - a slider step: from the `input` event to the DOM updated and layout forced, over at least
//!   200 steps in two patterns (one year at a time, as a drag, and jumps of 7 years, which change
//!   the border epoch nearly every time), with what a step re-renders (DOM mutation records);
//! - both at normal speed and with the CPU slowed 4× (Chrome DevTools Protocol
//!   `Emulation.setCPUThrottlingRate`, as for a kiosk mini-PC);
//! - DOM elements and wasm + JS memory after 2,000 steps;
//! - the first load's bytes per file, raw and gzip, and the first paint and ready time on a slow
//!   phone link (1.6 Mb/s, 150 ms latency) with the CPU slowed 4×;
//! - with `ATLAS_PEER_DIST` (set by `ATLAS_PEER=<folder> cargo xtask bench`), the same figures for
//!   the peer page in that folder (the Leaflet one, `?data=10k` for its 10,000 events), then both
//!   side by side with their ratio.
//!
//! It prints figures and writes them to `target/bench/report.md`; it asserts nothing about time
//! (targets are in docs/PERFORMANCE.md). `ATLAS_BENCH=memory` runs the memory figures alone: the
//! bytes each kind of interaction leaves allocated (slider, language, zoom, pinch, drag, a city,
//! details, play, change days, a pass of the kiosk's attract loop; real data and 10,000 events)
//! and the kiosk's soak of 50,000 mixed interactions (`memory-quick`: fewer of each),
//! `ATLAS_BENCH=quick` runs 60 steps a pattern on the real data only, `quick-10k` on the
//! 10,000-event atlas too (a look while working, not the figures), `ATLAS_BENCH=profile` what
//! three steps change and a CPU profile (docs/PERFORMANCE.md; the whole profile is kept in
//! target/bench/), `ATLAS_BENCH=figures` all but the memory figures.
#[cfg(not(target_arch = "wasm32"))]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::fmt::Write as _;
    use std::io::Write as _;
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use super::support::cdp::cdp;
    use super::support::memory::{Memory, ACTIONS};
    use super::support::{dist_dir, with_page, AtlasPage, PageOptions};

    /// The window every figure is taken in (a laptop; the kiosk's portrait screen has the same
    /// map and more list).
    const WIDTH: u32 = 1280;
    const HEIGHT: u32 = 800;

    /// Where a step's time goes: Chromium's sampling profiler over 60 jump steps, self and
    /// inclusive time by function (wasm functions have names in a build made with
    /// `data-keep-debug`, see docs/PERFORMANCE.md).
    async fn profile(page: AtlasPage, what: &'static str) {
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None);
        page.client().update_timeouts(timeouts).await.expect("setting the script time-out");
        // A load first, from navigation to the `atlas-ready` mark: its whole profile is kept.
        cdp(&page, "Profiler.enable", serde_json::json!({})).await;
        cdp(&page, "Profiler.setSamplingInterval", serde_json::json!({ "interval": 100 })).await;
        cdp(&page, "Profiler.start", serde_json::json!({})).await;
        let ready = ready_ms(&page, "?lang=en").await;
        let result = cdp(&page, "Profiler.stop", serde_json::json!({})).await;
        let name = what.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("page");
        let _ = std::fs::create_dir_all(bench_dir());
        let _ =
            std::fs::write(bench_dir().join(format!("profile-{name}-load.cpuprofile")), result["profile"].to_string());
        println!("a load, {what}: ready at {ready:.0} ms; its profile: target/bench/profile-{name}-load.cpuprofile");
        run_steps(&page, &pattern("jump", 1919, 1940, 10)).await;
        // What three steps re-render, by element and kind of change: jumps, then years in a row.
        for (steps, years) in [("jump", ["1926", "1933", "1940"]), ("year-by-year", ["1930", "1931", "1932"])] {
            let changes = page
            .client()
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const s = document.querySelector('[data-testid="year-slider"]');
                   const seen = {};
                   const name = (n) => n.nodeType === 1 ? n.tagName.toLowerCase() + (n.getAttribute('class') ? '.' + n.getAttribute('class').split(' ')[0] : '') : '#text';
                   const o = new MutationObserver((rs) => { for (const r of rs) {
                       const moved = [...r.addedNodes].map((n) => '+' + name(n)).concat([...r.removedNodes].map((n) => '-' + name(n)));
                       const t = r.type === 'attributes' ? 'attr ' + r.attributeName : r.type === 'childList' ? 'children ' + [...new Set(moved)].join(' ') : 'text';
                       const where = name(r.target) + ' (in ' + (r.target.parentNode ? name(r.target.parentNode) : '-') + ')';
                       const k = t + ' on ' + where;
                       seen[k] = (seen[k] || 0) + 1 + r.addedNodes.length; } });
                   o.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                   (async () => { for (const y of arguments[0]) { s.value = y; s.dispatchEvent(new Event('input', { bubbles: true }));
                     await new Promise((r) => setTimeout(r, 50)); }
                     o.disconnect(); done(seen); })();"#,
                vec![serde_json::json!(years)],
            )
            .await
            .expect("recording mutations");
            let mut changes: Vec<(String, u64)> =
                changes.as_object().into_iter().flatten().map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0))).collect();
            changes.sort_by_key(|c| std::cmp::Reverse(c.1));
            println!("what three {steps} steps change, {what} (records + added nodes):");
            for (k, v) in changes.iter().take(30) {
                println!("  {v:6}  {k}");
            }
        }
        cdp(&page, "Profiler.enable", serde_json::json!({})).await;
        cdp(&page, "Profiler.setSamplingInterval", serde_json::json!({ "interval": 100 })).await;
        cdp(&page, "Profiler.start", serde_json::json!({})).await;
        let steps = run_steps(&page, &pattern("jump", 1919, 1940, 60)).await;
        let result = cdp(&page, "Profiler.stop", serde_json::json!({})).await;
        // Kept whole for DevTools' Performance panel (and any closer look): target/bench/.
        let out = bench_dir();
        let file =
            format!("profile-{}.cpuprofile", what.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("page"));
        let _ = std::fs::create_dir_all(&out);
        let _ = std::fs::write(out.join(&file), result["profile"].to_string());
        println!("the whole profile: target/bench/{file}");
        let nodes = result["profile"]["nodes"].as_array().cloned().unwrap_or_default();
        let total_samples: f64 = nodes.iter().map(|n| n["hitCount"].as_f64().unwrap_or(0.0)).sum();
        let by_id: std::collections::HashMap<u64, &serde_json::Value> =
            nodes.iter().map(|n| (n["id"].as_u64().unwrap_or(0), n)).collect();
        fn inclusive(
            id: u64,
            by_id: &std::collections::HashMap<u64, &serde_json::Value>,
            memo: &mut std::collections::HashMap<u64, f64>,
        ) -> f64 {
            if let Some(v) = memo.get(&id) {
                return *v;
            }
            let node = by_id[&id];
            let mut sum = node["hitCount"].as_f64().unwrap_or(0.0);
            for child in node["children"].as_array().into_iter().flatten() {
                sum += inclusive(child.as_u64().unwrap_or(0), by_id, memo);
            }
            memo.insert(id, sum);
            sum
        }
        let mut memo = std::collections::HashMap::new();
        let mut own: std::collections::HashMap<String, (f64, f64)> = std::collections::HashMap::new();
        for node in &nodes {
            let name = node["callFrame"]["functionName"].as_str().unwrap_or("?");
            let name = if name.is_empty() { "(anonymous)" } else { name };
            let id = node["id"].as_u64().unwrap_or(0);
            let entry = own.entry(name.chars().take(110).collect()).or_default();
            entry.0 += node["hitCount"].as_f64().unwrap_or(0.0);
            entry.1 += inclusive(id, &by_id, &mut memo);
        }
        let (p50, p95, _) = percentiles(steps.iter().map(|s| s.total).collect());
        println!("profile, {what}: 60 jump steps (p50 {p50:.1} ms, p95 {p95:.1} ms), {total_samples} samples");
        let mut rows: Vec<_> = own.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
        println!("  self %  incl %  function");
        for (name, (selfs, incl)) in rows.iter().take(40) {
            println!("  {:5.1}  {:6.1}  {name}", 100.0 * selfs / total_samples, 100.0 * incl / total_samples);
        }
    }

    /// Slows the page's CPU `rate` times (1: full speed).
    async fn throttle(page: &AtlasPage, rate: f64) {
        cdp(page, "Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": rate })).await;
    }

    /// Times slider steps: `arguments[0]` is the list of years to set one after the other.
    /// For each: `input` dispatched, then a macrotask (every microtask the app queued, which is
    /// where Leptos runs its effects, has run), the year label checked, layout forced. Between
    /// steps the browser paints (a frame), as between the events of a real drag. Returns each
    /// step's total and script-only milliseconds and its DOM mutation records and added nodes.
    const SLIDER_STEPS: &str = r#"
        const [years, done] = [arguments[0], arguments[arguments.length - 1]];
        const slider = document.querySelector('[data-testid="year-slider"]');
        const label = document.querySelector('[data-testid="year-label"]');
        const channel = new MessageChannel();
        const macrotask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        let pending = [];
        const observer = new MutationObserver((records) => { pending.push(...records); });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        (async () => {
            const out = [];
            for (const year of years) {
                await frame();
                observer.takeRecords();
                pending = [];
                const text = String(year);
                const t0 = performance.now();
                slider.value = text;
                slider.dispatchEvent(new Event('input', { bubbles: true }));
                await macrotask();
                let tries = 0;
                while (label.textContent.trim() !== text && tries++ < 1000) await macrotask();
                const script = performance.now() - t0;
                document.body.getBoundingClientRect();
                void document.body.offsetHeight;
                const total = performance.now() - t0;
                const records = pending.concat(observer.takeRecords());
                let added = 0;
                for (const r of records) added += r.addedNodes.length;
                if (label.textContent.trim() !== text) { done({ error: `the year label never showed ${text}` }); return; }
                out.push([total, script, records.length, added]);
            }
            observer.disconnect();
            done({ steps: out });
        })();
    "#;

    /// One step's figures.
    #[derive(Debug, Clone, Copy)]
    struct Step {
        total: f64,
        script: f64,
        mutations: f64,
        added: f64,
    }

    /// The years of a pattern: `"drag"` one year at a time up and down the range, `"jump"`
    /// `1919 + 7i mod 22`.
    fn pattern(kind: &str, first: i32, last: i32, n: usize) -> Vec<i32> {
        let span = last - first + 1;
        match kind {
            "drag" => {
                let sweep: Vec<i32> = (first..=last).chain((first + 1..last).rev()).collect();
                sweep.iter().copied().cycle().skip(1).take(n).collect()
            }
            _ => (0..n as i32).map(|i| first + (i * 7 + 3) % span).collect(),
        }
    }

    async fn run_steps(page: &AtlasPage, years: &[i32]) -> Vec<Step> {
        let mut steps = Vec::new();
        for batch in years.chunks(25) {
            let years: Vec<serde_json::Value> = batch.iter().map(|&y| y.into()).collect();
            let outcome =
                page.client().execute_async(SLIDER_STEPS, vec![years.into()]).await.expect("timing slider steps");
            if let Some(error) = outcome.get("error") {
                panic!("slider steps: {error}");
            }
            for s in outcome["steps"].as_array().into_iter().flatten() {
                let v = |i: usize| s[i].as_f64().unwrap_or(f64::NAN);
                steps.push(Step { total: v(0), script: v(1), mutations: v(2), added: v(3) });
            }
        }
        steps
    }

    /// Median, 95th percentile and maximum.
    fn percentiles(mut values: Vec<f64>) -> (f64, f64, f64) {
        values.sort_by(|a, b| a.total_cmp(b));
        let at = |q: f64| values.get(((values.len() as f64 * q).ceil() as usize).saturating_sub(1)).copied();
        (at(0.5).unwrap_or(f64::NAN), at(0.95).unwrap_or(f64::NAN), values.last().copied().unwrap_or(f64::NAN))
    }

    /// The report, printed as it is written and kept for docs/PERFORMANCE.md.
    struct Report(String);

    impl Report {
        fn line(&mut self, text: impl AsRef<str>) {
            println!("{}", text.as_ref());
            let _ = writeln!(self.0, "{}", text.as_ref());
        }
    }

    /// Where the benchmark writes what it keeps (the report, the whole profiles): target/bench/.
    fn bench_dir() -> PathBuf {
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("../bench")
    }

    /// How many steps a pattern runs.
    fn quick() -> bool {
        matches!(std::env::var("ATLAS_BENCH").as_deref(), Ok("quick" | "quick-10k" | "memory-quick" | "steps"))
    }

    /// `ATLAS_BENCH=steps`: the real atlas's steps at CPU 4× only (120 a pattern), for trying a
    /// change to the step quickly.
    fn steps_only() -> bool {
        std::env::var("ATLAS_BENCH").as_deref() == Ok("steps")
    }

    /// Whether the run measures the 10,000-event atlas too (all but `quick`; `quick-10k` is
    /// `quick` with it).
    fn with_synthetic() -> bool {
        !quick() || std::env::var("ATLAS_BENCH").as_deref() == Ok("quick-10k")
    }

    fn steps_per_pattern() -> usize {
        if steps_only() {
            120
        } else if quick() {
            60
        } else {
            220
        }
    }

    async fn ready_ms(page: &AtlasPage, query: &str) -> f64 {
        page.open(query).await;
        // The mark is set at the first frame after the map is drawn; wait for it.
        for _ in 0..200 {
            let value = page
                .run_script(
                    "const m = performance.getEntriesByName('atlas-ready'); return m.length ? m[0].startTime : null;",
                )
                .await;
            if let Some(ms) = value.as_f64() {
                return ms;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the page never marked `atlas-ready`");
    }

    /// The figures of one page kept for the side-by-side table (figure → value).
    type Summary = std::collections::BTreeMap<String, f64>;

    /// What is measured: the atlas or the peer page, on one data set.
    #[derive(Debug, Clone, Copy)]
    struct Subject {
        /// The data set ("real data" or "10,000 events / 500 places").
        what: &'static str,
        /// The address's query that loads it (the peer loads its 10,000 events with `?data=10k`).
        query: &'static str,
        /// Whether it is the atlas (memory figures come from its counting allocator).
        atlas: bool,
    }

    /// Ready, and both step patterns, at one CPU rate.
    async fn at_rate(page: &AtlasPage, report: &mut Report, summary: &mut Summary, subject: Subject, rate: f64) {
        let what = subject.what;
        throttle(page, rate).await;
        let mut ready = Vec::new();
        for _ in 0..6 {
            ready.push(ready_ms(page, subject.query).await);
        }
        let first = ready[0];
        let (median, _, max) = percentiles(ready.clone());
        let min = ready.iter().copied().fold(f64::INFINITY, f64::min);
        report.line(format!(
            "| {what} | CPU {rate}× | ready | median {median:.0} ms, range {min:.0}–{max:.0} ms over {} loads (first {first:.0} ms) |",
            ready.len()
        ));
        summary.insert(format!("{what}, CPU {rate}×: ready, median ms"), median);
        for (kind, name) in [("drag", "step, one year at a time"), ("jump", "step, jumps of 7 years")] {
            step_pattern(page, report, summary, subject.what, rate, (kind, name)).await;
        }
    }

    /// One step pattern at one CPU rate: `pattern` is its kind for [`pattern`] and its name.
    async fn step_pattern(
        page: &AtlasPage,
        report: &mut Report,
        summary: &mut Summary,
        what: &str,
        rate: f64,
        (kind, name): (&str, &str),
    ) {
        // A few steps first, so that the first step's one-off work (the JIT, the fonts) is not a
        // slider step's.
        run_steps(page, &pattern(kind, 1919, 1940, 10)).await;
        let before = browser_work(page).await;
        let steps = run_steps(page, &pattern(kind, 1919, 1940, steps_per_pattern())).await;
        let work = browser_work(page).await.since(&before, steps.len());
        let (p50, p95, max) = percentiles(steps.iter().map(|s| s.total).collect());
        let (s50, s95, _) = percentiles(steps.iter().map(|s| s.script).collect());
        let (m50, _, mmax) = percentiles(steps.iter().map(|s| s.mutations).collect());
        let (a50, _, amax) = percentiles(steps.iter().map(|s| s.added).collect());
        report.line(format!(
            "| {what} | CPU {rate}× | {name} | p50 {p50:.1} / p95 {p95:.1} / max {max:.1} ms (script p50 {s50:.1} / p95 {s95:.1}); \
             DOM mutation records p50 {m50:.0} (max {mmax:.0}), nodes added p50 {a50:.0} (max {amax:.0}); \
             a step's mean: style {:.1}, layout {:.1}, script and tasks {:.1} ms; n = {} |",
            work.style,
            work.layout,
            work.script,
            steps.len()
        ));
        summary.insert(format!("{what}, CPU {rate}×: {name}, p50 ms"), p50);
        summary.insert(format!("{what}, CPU {rate}×: {name}, p95 ms"), p95);
        summary.insert(format!("{what}, CPU {rate}×: {name}, max ms"), max);
    }

    /// The browser's own counters of its work (Chrome DevTools Protocol `Performance.getMetrics`),
    /// in ms: style recalculation, layout, and script with the tasks that ran it. They include a
    /// frame's work between steps (what the page paints), which the step's clock does not.
    #[derive(Debug, Clone, Copy, Default)]
    struct BrowserWork {
        style: f64,
        layout: f64,
        script: f64,
    }

    impl BrowserWork {
        /// The mean per step of what was done since `before`, over `steps` steps.
        fn since(&self, before: &BrowserWork, steps: usize) -> BrowserWork {
            let n = steps.max(1) as f64;
            BrowserWork {
                style: (self.style - before.style) / n,
                layout: (self.layout - before.layout) / n,
                script: (self.script - before.script) / n,
            }
        }
    }

    async fn browser_work(page: &AtlasPage) -> BrowserWork {
        cdp(page, "Performance.enable", serde_json::json!({})).await;
        let result = cdp(page, "Performance.getMetrics", serde_json::json!({})).await;
        let metric = |name: &str| {
            result["metrics"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|m| m["name"] == name)
                .and_then(|m| m["value"].as_f64())
        };
        // The durations are in seconds.
        let ms = |name: &str| metric(name).unwrap_or(f64::NAN) * 1000.0;
        BrowserWork { style: ms("RecalcStyleDuration"), layout: ms("LayoutDuration"), script: ms("ScriptDuration") }
    }

    /// Ready on a slow phone link: 1.6 Mb/s down, 150 ms latency (Chrome DevTools Protocol
    /// `Network.emulateNetworkConditions`) with the CPU slowed 4×, every file fetched anew (the
    /// server sends `no-store`); with the first contentful paint (the title, before the wasm).
    async fn slow_link(page: &AtlasPage, report: &mut Report, summary: &mut Summary, subject: Subject) {
        let what = subject.what;
        throttle(page, 4.0).await;
        cdp(page, "Network.enable", serde_json::json!({})).await;
        let conditions = |latency: f64, bytes_per_s: f64| {
            serde_json::json!({ "offline": false, "latency": latency,
                                "downloadThroughput": bytes_per_s, "uploadThroughput": bytes_per_s / 2.0 })
        };
        cdp(page, "Network.emulateNetworkConditions", conditions(150.0, 1_600_000.0 / 8.0)).await;
        let (mut ready, mut painted) = (Vec::new(), Vec::new());
        for _ in 0..3 {
            ready.push(ready_ms(page, subject.query).await);
            let paint = page
                .run_script(
                    "const p = performance.getEntriesByName('first-contentful-paint'); return p.length ? p[0].startTime : null;",
                )
                .await;
            painted.push(paint.as_f64().unwrap_or(f64::NAN));
        }
        cdp(page, "Network.emulateNetworkConditions", conditions(0.0, -1.0)).await;
        throttle(page, 1.0).await;
        let (ready, _, _) = percentiles(ready);
        let (painted, _, _) = percentiles(painted);
        report.line(format!(
            "| {what} | CPU 4×, slow 4G (1.6 Mb/s, 150 ms) | first paint / ready | {painted:.0} ms / **{ready:.0} ms** (median of 3 loads) |"
        ));
        summary.insert(format!("{what}, CPU 4×, slow 4G: first paint, ms"), painted);
        summary.insert(format!("{what}, CPU 4×, slow 4G: ready, ms"), ready);
    }

    /// Elements and memory after 2,000 jump steps.
    async fn after_steps(page: &AtlasPage, report: &mut Report, what: &str) {
        throttle(page, 1.0).await;
        page.open("?lang=en").await;
        let fresh = page.memory().await;
        // A warm-up first: every year twice, so that what the steps keep on purpose (the states
        // of the last few sets of borders, src/ui/map/mod.rs) is full before the count starts.
        const WARM_UP: usize = 44;
        run_steps(page, &pattern("jump", 1919, 1940, WARM_UP)).await;
        let before = page.memory().await;
        let n = if quick() { 300 } else { 2_000 };
        run_steps(page, &pattern("jump", 1919, 1940, n)).await;
        let after = page.memory().await;
        report.line(format!("| {what} | CPU 1× | memory at the start | {} |", fresh.describe()));
        report.line(format!("| {what} | CPU 1× | memory after {WARM_UP} steps to warm up | {} |", before.describe()));
        report.line(format!("| {what} | CPU 1× | memory after {n} steps more | {} |", after.describe()));
        report.line(format!(
            "| {what} | CPU 1× | left allocated per step after the warm-up | {:+.0} B |",
            (after.heap - before.heap) / n as f64
        ));
        let mut largest = (0, 0);
        for year in 1919..=1940 {
            page.set_year(year).await;
            let nodes =
                page.run_script("return document.getElementsByTagName('*').length;").await.as_u64().unwrap_or(0);
            if nodes > largest.1 {
                largest = (year, nodes);
            }
        }
        report.line(format!("| {what} | CPU 1× | DOM elements, largest year | {} in {} |", largest.1, largest.0));
    }

    /// The files fetched until the map is on screen, with their raw and gzip sizes in `dist/`.
    async fn first_load(page: &AtlasPage, report: &mut Report, summary: &mut Summary, subject: Subject, root: &Path) {
        let what = subject.what;
        throttle(page, 1.0).await;
        ready_ms(page, subject.query).await;
        let names = page
            .run_script(
                "const ready = performance.getEntriesByName('atlas-ready')[0].startTime;
                 return [location.pathname].concat(performance.getEntriesByType('resource')
                   .filter((r) => r.startTime <= ready).map((r) => new URL(r.name).pathname));",
            )
            .await;
        let dist = root;
        let (mut raw_total, mut gzip_total) = (0usize, 0usize);
        let mut rows = Vec::new();
        for name in names.as_array().into_iter().flatten().filter_map(|n| n.as_str()) {
            let relative = name.trim_start_matches('/');
            let path = if relative.is_empty() { dist.join("index.html") } else { dist.join(relative) };
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&bytes).expect("gzip in memory");
            let gzip = encoder.finish().expect("gzip in memory").len();
            raw_total += bytes.len();
            gzip_total += gzip;
            rows.push((relative.to_owned(), bytes.len(), gzip));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.2));
        report.line(format!(
            "| {what} | first load | total | {raw_total} B raw, **{gzip_total} B gzip** ({} files) |",
            rows.len()
        ));
        summary.insert(format!("{what}: first load, KB gzip"), gzip_total as f64 / 1000.0);
        for (name, raw, gzip) in rows {
            let name = if name.is_empty() { "index.html".to_owned() } else { name };
            report.line(format!("| {what} | first load | {name} | {raw} B raw, {gzip} B gzip |"));
        }
    }

    /// The bytes each kind of interaction leaves allocated in the wasm (the counting allocator,
    /// after garbage collection), `n` of each after as many to warm up; 0 is flat. Each kind
    /// starts on a freshly opened page.
    async fn bytes_kept(page: &AtlasPage, report: &mut Report, what: &str, n: u32) {
        for (kind, name) in ACTIONS {
            page.open("?lang=en&year=1934").await;
            if *kind == "drag" {
                // A drag pans a zoomed-in map.
                page.repeat_action("zoom", 0, 1).await;
                page.repeat_action("zoom", 0, 1).await;
            }
            let kept = page.bytes_kept_per(kind, n).await;
            report.line(format!("| {what} | bytes kept per action | {name} | {kept:+.1} B (n = {n}) |"));
        }
    }

    /// The kiosk left alone, with its timers 20× faster (`warp_timers`): the bytes a pass of the
    /// attract loop (idle, countdown, return to the start, every step of the loop, a touch) leaves
    /// allocated, after a first pass.
    async fn attract_kept(page: &AtlasPage, report: &mut Report, passes: u32) {
        page.warp_timers(WARP).await;
        page.open("?kiosk&idle=2&lang=en").await;
        page.attract_pass().await;
        let before = page.memory().await;
        let mut steps = 0;
        for _ in 0..passes {
            steps = page.attract_pass().await;
        }
        let after = page.memory().await;
        let per_pass = (after.heap - before.heap) / f64::from(passes);
        report.line(format!(
            "| real data | bytes kept per action | a pass of the kiosk's attract loop ({steps} steps) | {per_pass:+.0} B a pass, {:+.1} B a step (n = {passes} passes) |",
            per_pass / steps as f64
        ));
    }

    /// Which memory figures to take: the bytes kept per action, the kiosk's soak, or both.
    #[derive(Debug, Clone, Copy)]
    struct MemoryParts {
        actions: bool,
        soak: bool,
    }

    /// Timers in the kiosk's soak and attract figures run this many times faster (a quiet year's
    /// half second is then 25 ms, more than a frame: every step of the loop is drawn).
    const WARP: f64 = 20.0;

    /// What a kiosk keeps after a long day: memory at the start, after 1,000 and after 50,000
    /// mixed interactions (slider steps, cities, languages, zoom, pinch, drag, details, play, the
    /// change days), with a pass of the attract loop after every 2,500 (its timers 20× faster).
    /// Flat after the first thousand means no leak.
    async fn memory_soak(page: AtlasPage, parts: MemoryParts) {
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None);
        page.client().update_timeouts(timeouts).await.expect("setting the script time-out");
        let mut report = Report(String::new());
        let quick = quick();
        // A multiple of every pattern's period (22 years, 5 languages, 4 zoom steps), so that
        // the page ends where it started.
        let n = if quick { 220 } else { 440 };
        if parts.actions {
            bytes_kept(&page, &mut report, "real data", n).await;
            attract_kept(&page, &mut report, if quick { 1 } else { 3 }).await;
        } else {
            page.warp_timers(WARP).await;
        }
        if !parts.soak {
            save_report("memory.md", &report.0);
            return;
        }
        // The kiosk's long day, on a fresh page (its timers warped).
        page.open("?kiosk&idle=2&lang=en").await;
        let total: u32 = if quick { 5_000 } else { 50_000 };
        let marks = [1_000, 5_000, 10_000, 25_000, 50_000];
        println!("memory, the kiosk's soak (mixed interactions, an attract-loop pass every 2,500):");
        let mut rows = vec![(0, page.memory().await, 0.0)];
        let soak_row = |report: &mut Report, (count, memory, secs): &(u32, Memory, f64)| {
            report.line(format!(
                "| real data, kiosk | soak | after {count} interactions | {} ({secs:.0} s) |",
                memory.describe()
            ));
        };
        soak_row(&mut report, &rows[0]);
        let started = std::time::Instant::now();
        let mut done = 0;
        for mark in marks.into_iter().filter(|m| *m <= total) {
            page.mixed_interactions(done, mark - done, 2_500).await;
            done = mark;
            rows.push((mark, page.memory().await, started.elapsed().as_secs_f64()));
            soak_row(&mut report, &rows[rows.len() - 1]);
            save_report("memory.md", &report.0);
        }
        if let (Some(first), Some(last)) = (rows.iter().find(|r| r.0 == 1_000), rows.last()) {
            let span = f64::from(last.0 - first.0);
            report.line(format!(
                "| real data, kiosk | soak | growth from 1,000 to {} | wasm {:+.0} KiB, allocated {:+.1} KiB ({:+.2} B an interaction), JS heap {:+.0} KiB |",
                last.0,
                (last.1.wasm - first.1.wasm) / 1024.0,
                (last.1.heap - first.1.heap) / 1024.0,
                (last.1.heap - first.1.heap) / span,
                (last.1.js_heap - first.1.js_heap) / 1024.0
            ));
        }
        save_report("memory.md", &report.0);
    }

    /// The same bytes-kept figures on the synthetic atlas (10,000 events / 500 places).
    async fn memory_synthetic(page: AtlasPage) {
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None);
        page.client().update_timeouts(timeouts).await.expect("setting the script time-out");
        let mut report = Report(String::new());
        bytes_kept(&page, &mut report, "10,000 events / 500 places", 220).await;
        save_report("memory-synthetic.md", &report.0);
    }

    /// Writes `text` (table rows) to `target/bench/<name>` under the table's head.
    fn save_report(name: &str, text: &str) {
        let out = bench_dir();
        let _ = std::fs::create_dir_all(&out);
        let _ = std::fs::write(out.join(name), format!("| data | figure | what | value |\n|---|---|---|---|\n{text}"));
        println!("(written to target/bench/{name})");
    }

    /// The synthetic atlas the issue describes (`PageOptions::synthetic_atlas`).
    fn synthetic_options(timeout: Duration) -> PageOptions {
        PageOptions::default().size(WIDTH, HEIGHT).timeout(timeout).gzip().synthetic_atlas()
    }

    /// The report and each page's figures, shared by the measuring tasks.
    type Shared = std::sync::Arc<std::sync::Mutex<(Report, Summary)>>;

    async fn measure(page: AtlasPage, subject: Subject, root: PathBuf, shared: Shared) {
        // A batch of slow steps (the synthetic atlas on a slowed CPU) may take minutes.
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None);
        page.client().update_timeouts(timeouts).await.expect("setting the script time-out");
        let mut local = Report(String::new());
        let mut summary = Summary::new();
        let rates: &[f64] = if steps_only() { &[4.0] } else { &[1.0, 4.0] };
        for &rate in rates {
            at_rate(&page, &mut local, &mut summary, subject, rate).await;
        }
        // A run of steps only measures nothing else.
        if subject.atlas && !steps_only() {
            after_steps(&page, &mut local, subject.what).await;
        }
        // The synthetic files are served from memory: the first load is the real atlas's.
        if subject.what == REAL && !steps_only() {
            first_load(&page, &mut local, &mut summary, subject, &root).await;
            slow_link(&page, &mut local, &mut summary, subject).await;
        }
        let mut shared = shared.lock().expect("the report");
        shared.0 .0.push_str(&local.0);
        shared.1.extend(summary);
    }

    const REAL: &str = "real data";
    const SYNTHETIC: &str = "10,000 events / 500 places";

    /// The atlas's figures beside the peer page's, from the same run: each figure, both values and
    /// their ratio (atlas ÷ peer: below 1 the atlas is faster or smaller).
    fn side_by_side(atlas: &Summary, peer: &Summary) -> String {
        let mut out = String::from("| figure | atlas | peer page | atlas ÷ peer |\n|---|---|---|---|\n");
        for (figure, ours) in atlas {
            if let Some(theirs) = peer.get(figure) {
                let _ = writeln!(out, "| {figure} | {ours:.1} | {theirs:.1} | {:.2}× |", ours / theirs);
            }
        }
        out
    }

    pub async fn run() {
        let long = Duration::from_secs(3600);
        // `ATLAS_BENCH=memory`: the bytes kept per action (real data, then the synthetic atlas)
        // and the kiosk's soak alone; `ATLAS_BENCH=memory-quick` a short look at them.
        // `memory-actions` and `memory-soak` run each half alone.
        let mode = std::env::var("ATLAS_BENCH").unwrap_or_default();
        if matches!(mode.as_str(), "memory" | "memory-quick" | "memory-actions" | "memory-soak") {
            let parts = MemoryParts { actions: mode != "memory-soak", soak: mode != "memory-actions" };
            with_page(PageOptions::default().size(WIDTH, HEIGHT).timeout(long), move |page| memory_soak(page, parts))
                .await;
            if !quick() && parts.actions {
                with_page(synthetic_options(long), memory_synthetic).await;
            }
            return;
        }
        if std::env::var("ATLAS_BENCH").as_deref() == Ok("profile") {
            with_page(PageOptions::default().size(WIDTH, HEIGHT).timeout(long).gzip(), |page| {
                profile(page, "real data")
            })
            .await;
            with_page(synthetic_options(long), |page| profile(page, "10,000 events / 500 places")).await;
            return;
        }
        let report: Shared = std::sync::Arc::new(std::sync::Mutex::new((Report(String::new()), Summary::new())));
        println!(
            "browser benchmark: headless Chromium, window {WIDTH}×{HEIGHT}, dist/ served gzip-compressed on 127.0.0.1"
        );
        println!("| data | CPU | figure | value |\n|---|---|---|---|");
        let atlas = |what, query| Subject { what, query, atlas: true };
        let real = report.clone();
        with_page(PageOptions::default().size(WIDTH, HEIGHT).timeout(long).gzip(), move |page| {
            measure(page, atlas(REAL, "?lang=en"), dist_dir(), real)
        })
        .await;
        let synthetic = report.clone();
        if with_synthetic() {
            with_page(synthetic_options(long), move |page| {
                measure(page, atlas(SYNTHETIC, "?lang=en"), dist_dir(), synthetic)
            })
            .await;
        }
        // The peer page (`ATLAS_PEER=<folder> cargo xtask bench` builds it and sets this).
        let ours = std::mem::take(&mut report.lock().expect("the report").1);
        let peer_dist = std::env::var_os("ATLAS_PEER_DIST").map(PathBuf::from);
        if let Some(peer_dist) = &peer_dist {
            println!("the peer page, {}, same harness and throttles:", peer_dist.display());
            for (what, query) in [(REAL, ""), (SYNTHETIC, "?data=10k")] {
                if !with_synthetic() && what == SYNTHETIC {
                    continue;
                }
                let (shared, root) = (report.clone(), peer_dist.clone());
                let subject = Subject { what, query, atlas: false };
                let options = PageOptions::default().size(WIDTH, HEIGHT).timeout(long).gzip().peer(peer_dist.clone());
                with_page(options, move |page| measure(page, subject, root, shared)).await;
            }
        }
        let theirs = std::mem::take(&mut report.lock().expect("the report").1);
        let mut text = std::mem::take(&mut report.lock().expect("the report").0 .0);
        if peer_dist.is_some() {
            let table = side_by_side(&ours, &theirs);
            println!("\nthe atlas beside the peer page, same run:\n{table}");
            text.push_str(&format!("\n{table}"));
        }
        let out = bench_dir();
        let _ = std::fs::create_dir_all(&out);
        let _ = std::fs::write(
            out.join("report.md"),
            format!("| data | CPU | figure | value |\n|---|---|---|---|\n{text}"),
        );
        println!("(written to target/bench/report.md)");
        // `ATLAS_BENCH=figures`: the figures above without the long kiosk soak.
        if !quick() && std::env::var("ATLAS_BENCH").as_deref() != Ok("figures") {
            let parts = MemoryParts { actions: true, soak: true };
            with_page(PageOptions::default().size(WIDTH, HEIGHT).timeout(long), move |page| memory_soak(page, parts))
                .await;
            with_page(synthetic_options(long), memory_synthetic).await;
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() {
    bench::run().await;
}

#[cfg(target_arch = "wasm32")]
fn main() {}
