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

const MEMORY: &str = r#"
    const done = arguments[arguments.length - 1];
    const settle = () => new Promise((r) => setTimeout(r, 50));
    (async () => {
        for (let i = 0; i < 3; i++) { if (window.gc) window.gc(); await settle(); }
        done({ wasm: window.wasmBindings ? window.wasmBindings.wasm_memory_bytes() : null,
               allocated: window.wasmBindings ? window.wasmBindings.wasm_heap_bytes() : null,
               heap: performance.memory ? performance.memory.usedJSHeapSize : null,
               nodes: document.getElementsByTagName('*').length });
    })();
"#;

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

/// A mixed reader's and kiosk's session, `arguments[0]` steps: panels of several cities opened
/// and closed, the languages switched, the slider moved, the map zoomed in, out and home, an
/// event's details opened; every 2,500 steps the idle reset and a few attract-loop years, when the
/// page is a kiosk (`?kiosk&idle=2`).
const MIXED: &str = r#"
    const [n, done] = [arguments[0], arguments[arguments.length - 1]];
    const frame = () => new Promise((r) => setTimeout(r, 0));
    const q = (css) => document.querySelector(css);
    const cities = ['riga', 'kaunas', 'tallinn', 'helsinki', 'tartu'];
    const langs = [...document.querySelectorAll('[data-testid^="lang-"]')].map((b) => b.dataset.testid);
    const slider = q('[data-testid="year-slider"]');
    const kiosk = location.search.includes('kiosk');
    (async () => {
        for (let i = 0; i < n; i++) {
            const step = i % 8;
            if (step === 0 || step === 4) {
                const city = q(`[data-testid="city-${cities[(i / 4 | 0) % cities.length]}"]`);
                if (city) city.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            } else if (step === 1) {
                const summary = q('[data-testid="city-panel"] summary');
                if (summary) summary.click();
            } else if (step === 2 || step === 5) {
                window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            } else if (step === 3) {
                const lang = q(`[data-testid="${langs[(i / 8 | 0) % langs.length]}"]`);
                if (lang) lang.click();
            } else if (step === 6) {
                slider.value = String(Number(slider.min) + (i * 7) % (Number(slider.max) - Number(slider.min) + 1));
                slider.dispatchEvent(new Event('input', { bubbles: true }));
            } else {
                const zoom = ['zoom-in', 'zoom-out', 'zoom-in', 'reset-view'][(i / 8 | 0) % 4];
                const button = q(`[data-testid="${zoom}"]`);
                if (button && !button.disabled) button.click();
            }
            await frame();
            if (kiosk && i % 2500 === 2499) {
                // Let the kiosk go idle (2 s), count down (20 s) and start its attract loop, then touch.
                await new Promise((r) => setTimeout(r, 25000));
                document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
                document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
                await frame();
            }
        }
        done(null);
    })();
"#;

impl AtlasPage {
    /// The app's memory now, after garbage collection.
    pub async fn memory(&self) -> Memory {
        let value = self.client().execute_async(MEMORY, vec![]).await.expect("reading the page's memory");
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

    /// `steps` mixed interactions (see [`MIXED`]), in batches that fit the script time-out.
    pub async fn mixed_interactions(&self, steps: u32) {
        let mut left = steps;
        while left > 0 {
            let batch = left.min(500);
            let outcome = self.client().execute_async(MIXED, vec![batch.into()]).await.expect("mixed interactions");
            assert!(outcome.is_null(), "{outcome}");
            left -= batch;
        }
    }
}

/// One kind of interaction, repeated: `arguments[0]` is its script (with `i` the step),
/// `arguments[1]` the count.
const REPEAT: &str = r#"
    const [body, n, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const step = new Function('i', body);
    (async () => { for (let i = 0; i < n; i++) { step(i); await new Promise((r) => setTimeout(r, 0)); } done(null); })();
"#;

/// The interactions [`AtlasPage::memory_by_kind`] measures one by one.
pub const KINDS: &[(&str, &str)] = &[
    ("language switch", "const b = document.querySelectorAll('button[data-testid^=\"lang-\"]'); b[i % b.length].click();"),
    ("slider step", "const s = document.querySelector('[data-testid=\"year-slider\"]'); s.value = String(1919 + (i * 7) % 22); s.dispatchEvent(new Event('input', { bubbles: true }));"),
    ("zoom step", "const z = ['zoom-in', 'zoom-out', 'zoom-in', 'reset-view'][i % 4]; const b = document.querySelector(`[data-testid=\"${z}\"]`); if (!b.disabled) b.click();"),
    ("sources toggle", "const d = document.querySelector('[data-testid=\"active-events\"] summary'); if (d) d.click();"),
];

impl AtlasPage {
    /// For each of [`KINDS`]: the bytes left allocated in the wasm per repetition, over `n`
    /// repetitions after as many to warm up.
    pub async fn memory_by_kind(&self, n: u32) -> Vec<(&'static str, f64)> {
        let mut out = Vec::new();
        for (name, body) in KINDS {
            let run = || self.client().execute_async(REPEAT, vec![(*body).into(), n.into()]);
            run().await.expect("warming up");
            let before = self.memory().await;
            run().await.expect("repeating an interaction");
            let after = self.memory().await;
            out.push((*name, (after.heap - before.heap) / f64::from(n)));
        }
        out
    }
}
