//! Memory of the running app (wasm linear memory and the JS heap) and the scripted interactions
//! that must not leave any behind; used by the end-to-end memory test and `cargo xtask bench`.
use super::page::AtlasPage;

/// What the page holds, after a full garbage collection where the browser offers one
/// (`--js-flags=--expose-gc`, see `chrome_args`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// `WebAssembly.Memory`'s buffer size, bytes (it only grows: a leak in Rust shows here).
    pub wasm: f64,
    /// Bytes the wasm has allocated and not freed (its counting allocator).
    pub heap: f64,
    /// Chromium's `performance.memory.usedJSHeapSize`, bytes (includes DOM wrappers and closures).
    pub js_heap: f64,
    /// Elements in the document.
    pub nodes: u64,
}

impl Memory {
    pub fn describe(&self) -> String {
        format!(
            "wasm {:.2} MiB ({:.0} KiB allocated), JS heap {:.2} MiB, {} DOM elements",
            self.wasm / 1_048_576.0,
            self.heap / 1024.0,
            self.js_heap / 1_048_576.0,
            self.nodes
        )
    }
}

/// Opens and closes a city's panel `arguments[1]` times like a reader (a click on its marker,
/// every other time a look at an event's sources, then Escape), waiting for the DOM each time.
const PANEL_CYCLES: &str = r#"
    const [city, n, sources, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
    const frame = () => new Promise((r) => setTimeout(r, 0));
    const until = async (test) => { for (let i = 0; i < 200 && !test(); i++) await frame(); return test(); };
    const panel = () => document.querySelector('[data-testid="city-panel"]');
    (async () => {
        for (let i = 0; i < n; i++) {
            document.querySelector(`[data-testid="city-${city}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true }));
            if (!(await until(() => panel()))) { done(`the panel did not open (cycle ${i})`); return; }
            const summary = sources && i % 2 ? panel().querySelector('summary') : null;
            if (summary) {
                summary.click();
                if (!(await until(() => panel().querySelector('.event-sources')))) { done(`no sources (cycle ${i})`); return; }
            }
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            if (!(await until(() => !panel()))) { done(`the panel did not close (cycle ${i})`); return; }
        }
        done(null);
    })();
"#;

impl AtlasPage {
    /// The app's memory now, after garbage collection.
    pub async fn memory(&self) -> Memory {
        let value = self.run_memory_script("return await atlasMemory.memory();", vec![]).await;
        Memory {
            wasm: value["wasm"].as_f64().expect("window.wasmBindings.wasm_memory_bytes() (the wasm's memory size)"),
            heap: value["allocated"].as_f64().unwrap_or(f64::NAN),
            js_heap: value["heap"].as_f64().unwrap_or(f64::NAN),
            nodes: value["nodes"].as_u64().unwrap_or(0),
        }
    }

    /// Opens and closes `city`'s panel `cycles` times, every other time with a look at an
    /// event's sources when `sources` (in batches that fit the script time-out).
    pub async fn panel_cycles(&self, city: &str, cycles: u32, sources: bool) {
        let mut left = cycles;
        while left > 0 {
            let batch = left.min(250);
            let outcome = self
                .client()
                .execute_async(PANEL_CYCLES, vec![city.into(), batch.into(), sources.into()])
                .await
                .expect("opening and closing panels");
            assert!(outcome.is_null(), "{outcome}");
            left -= batch;
        }
    }
}

/// The interactions of tests/support/memory_actions.js, each as a visitor makes it (real
/// pointer, mouse, keyboard and `input` events, then frames), by name and what it is.
pub const ACTIONS: &[(&str, &str)] = &[
    ("slider", "a slider step (7 years on)"),
    ("language", "a language switch"),
    ("zoom", "a zoom (+, −, +, whole map in turn)"),
    ("pinch", "a pinch (two fingers, out or in)"),
    ("drag", "a drag of the zoomed-in map"),
    ("city", "a city's panel opened and closed"),
    ("details", "an event's details opened or closed"),
    ("play", "play, then pause"),
    ("change", "⏭ or ⏮ (the next change day)"),
];

/// The script library of the interactions ([`ACTIONS`], the attract loop, the mixed soak and
/// [`Memory`]), prepended to each script below.
const LIBRARY: &str = include_str!("memory_actions.js");

/// Runs `body` (an async function body with `atlasMemory` in scope and the WebDriver arguments
/// in `args`) and returns what it returns; an exception is returned as a string.
fn script(body: &str) -> String {
    format!(
        "{LIBRARY}\nconst args = arguments; const done = arguments[arguments.length - 1];\n\
         (async () => {{ try {{ done(await (async () => {{ {body} }})()); }} catch (e) {{ done(`exception: ${{e}} ${{e.stack}}`); }} }})();"
    )
}

/// A speed-up of the page's timers (`setTimeout`, `setInterval`) by `factor`, installed before
/// the app starts: the kiosk's idle time, countdown and attract loop run `factor` times faster,
/// as if the test waited that long (the app's code is unchanged).
const TIME_WARP: &str =
    "(() => { const f = FACTOR; const st = window.setTimeout.bind(window), si = window.setInterval.bind(window);
    window.setTimeout = (cb, ms, ...a) => st(cb, (Number(ms) || 0) / f, ...a);
    window.setInterval = (cb, ms, ...a) => si(cb, Math.max(1, (Number(ms) || 0) / f), ...a); })();";

impl AtlasPage {
    async fn run_memory_script(&self, body: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client().execute_async(&script(body), args).await.unwrap_or_else(|e| panic!("running {body}: {e}"))
    }

    /// Makes the page's timers run `factor` times faster from the next page opened on
    /// ([`TIME_WARP`]), through the DevTools protocol.
    pub async fn warp_timers(&self, factor: f64) {
        let source = TIME_WARP.replace("FACTOR", &factor.to_string());
        super::cdp::cdp(self, "Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": source })).await;
    }

    /// `n` of the interaction `kind` ([`ACTIONS`]), counted from `from` (which year, language or
    /// city comes next), in batches that fit the script time-out.
    pub async fn repeat_action(&self, kind: &str, from: u32, n: u32) {
        let mut done = 0;
        while done < n {
            let batch = (n - done).min(250);
            let outcome = self
                .run_memory_script(
                    "return await atlasMemory.repeat(args[0], args[1], args[2]);",
                    vec![kind.into(), (from + done).into(), batch.into()],
                )
                .await;
            assert!(outcome.is_null(), "{kind}: {outcome}");
            done += batch;
        }
    }

    /// The bytes the wasm keeps allocated per interaction `kind`: `n` of them to warm up, then
    /// the live bytes (the counting allocator, after garbage collection) before and after `n`
    /// more, divided by `n`.
    pub async fn bytes_kept_per(&self, kind: &str, n: u32) -> f64 {
        self.repeat_action(kind, 0, n).await;
        let before = self.memory().await;
        self.repeat_action(kind, n, n).await;
        let after = self.memory().await;
        (after.heap - before.heap) / f64::from(n)
    }

    /// Leaves the kiosk (opened with `?kiosk&idle=N`, best with [`AtlasPage::warp_timers`])
    /// alone until it has counted down, returned to its start and played its attract loop once
    /// through (its first day again), then touches it. Returns the steps of the pass.
    pub async fn attract_pass(&self) -> u64 {
        let outcome = self.run_memory_script("return await atlasMemory.attract();", vec![]).await;
        outcome.as_u64().unwrap_or_else(|| panic!("the attract loop: {outcome}"))
    }

    /// Mixed interactions `from..from + n` (slider, cities, languages, zoom, pinch, drag,
    /// details, play, change days, in a fixed order), with a pass of the kiosk's attract loop
    /// after every `attract_every`-th (0: none); most waits are a macrotask, every eighth a drawn
    /// frame. In batches that fit the script time-out.
    pub async fn mixed_interactions(&self, from: u32, n: u32, attract_every: u32) {
        let mut done = 0;
        while done < n {
            let batch = (n - done).min(500);
            let outcome = self
                .run_memory_script(
                    "atlasMemory.setQuick(true); return await atlasMemory.mixed(args[0], args[1], args[2]);",
                    vec![(from + done).into(), batch.into(), attract_every.into()],
                )
                .await;
            assert!(outcome.is_null(), "mixed interactions: {outcome}");
            done += batch;
        }
    }
}
