// The interactions whose memory the benchmark and the end-to-end memory test measure, each as a
// visitor makes it: real input events (pointer, mouse, keyboard, `input` on the slider) on the
// page's own elements, then animation frames for the app to draw. Prepended to the scripts of
// tests/support/memory.rs (it defines `atlasMemory` in the script's scope; it runs in the page).
const atlasMemory = (() => {
    // A drawn frame: the app's effects have run and the browser has painted.
    const drawn = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // In a long soak (`quick`), most waits are one macrotask (every effect the app queued has
    // run, as Leptos runs them in microtasks), and every eighth a drawn frame.
    const channel = new MessageChannel();
    const macrotask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    let quick = false, waits = 0;
    const frame = () => (quick && ++waits % 8 !== 0 ? macrotask() : drawn());
    const frames = async (n) => { for (let k = 0; k < n; k++) await frame(); };
    const q = (css) => document.querySelector(css);
    const until = async (test, n = 400) => { for (let k = 0; k < n && !test(); k++) await frame(); return test(); };
    // A visitor's touch before anything they do: the kiosk's idle clock hears it (as a real
    // tap's pointerdown and mousedown), so a soak on a kiosk does not go idle under the finger.
    const touch = (target) => {
        const at = target || document.body;
        at.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true }));
        at.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    };
    const pointer = (type, id, x, y) => q('[data-testid="map"]').dispatchEvent(new PointerEvent(type, {
        bubbles: true, cancelable: true, pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y,
        button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1,
    }));
    const centre = () => {
        const r = q('[data-testid="map"]').getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
    };
    const cities = ['riga', 'kaunas', 'tallinn', 'helsinki', 'tartu', 'warsaw', 'stockholm'];
    const panel = () => q('[data-testid="city-panel"]');
    const click = (css) => {
        const b = q(css);
        if (!b || b.disabled) return false;
        touch(b);
        b.click();
        return true;
    };
    const actions = {
        // The slider moved to a year 7 years on (the borders' epoch changes nearly every time).
        async slider(i) {
            const s = q('[data-testid="year-slider"]');
            const min = Number(s.min), span = Number(s.max) - min + 1;
            const year = String(min + (i * 7 + 3) % span);
            touch(s);
            s.value = year;
            s.dispatchEvent(new Event('input', { bubbles: true }));
            if (!(await until(() => q('[data-testid="year-label"]').textContent.trim() === year))) return `the year label never showed ${year}`;
            return null;
        },
        // The next language's button.
        async language(i) {
            const b = [...document.querySelectorAll('button[data-testid^="lang-"]')];
            touch(b[i % b.length]);
            b[i % b.length].click();
            await frame();
            return null;
        },
        // +, −, + and "the whole map", in turn.
        async zoom(i) {
            click(`[data-testid="${['zoom-in', 'zoom-out', 'zoom-in', 'reset-view'][i % 4]}"]`);
            await frame();
            return null;
        },
        // Two fingers on the map, spread apart (or, every other time, brought together).
        async pinch(i) {
            const [x, y] = centre();
            const sign = i % 2 ? -1 : 1;
            pointer('pointerdown', 1, x - 60, y);
            pointer('pointerdown', 2, x + 60, y);
            await frame();
            for (let k = 1; k <= 3; k++) {
                pointer('pointermove', 2, x + 60 + sign * 15 * k, y);
                await frame();
            }
            pointer('pointerup', 2, x + 60 + sign * 45, y);
            pointer('pointerup', 1, x - 60, y);
            await frame();
            return null;
        },
        // One finger dragging the map (zoomed in, so that it pans), there and back in turn.
        async drag(i) {
            const [x, y] = centre();
            const sign = i % 2 ? -1 : 1;
            pointer('pointerdown', 1, x, y);
            for (let k = 1; k <= 3; k++) {
                pointer('pointermove', 1, x + sign * 20 * k, y + sign * 10 * k);
                await frame();
            }
            pointer('pointerup', 1, x + sign * 60, y + sign * 30);
            await frame();
            return null;
        },
        // A city's marker tapped, its panel read, Escape.
        async city(i) {
            let here = cities.filter((c) => q(`[data-testid="city-${c}"]`));
            // The synthetic atlas has other cities: its first few markers.
            if (!here.length) here = [...document.querySelectorAll('[data-testid^="city-"]')].slice(0, 5).map((m) => m.dataset.testid.slice(5));
            if (!here.length) return 'no city marker on the map';
            const c = here[i % here.length];
            const marker = q(`[data-testid="city-${c}"]`);
            touch(marker);
            marker.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            if (!(await until(() => panel()))) return `${c}'s panel did not open`;
            await frame();
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            if (!(await until(() => !panel()))) return `${c}'s panel did not close`;
            return null;
        },
        // An event's details in the list opened (its sources, its place highlighted), then closed.
        async details(i) {
            const s = q('[data-testid="active-events"] li:not([hidden]) summary');
            if (!s) return null;
            touch(s);
            s.click();
            await frame();
            return null;
        },
        // Play pressed, a frame, pause pressed.
        async play(i) {
            click('[data-testid="play"]');
            await frames(2);
            click('[data-testid="play"]');
            await frame();
            return null;
        },
        // The shown year moved by ⏭ (or ⏮ every other time): a change day within a year.
        async change(i) {
            if (!click(`[data-testid="${i % 2 ? 'previous-change' : 'next-change'}"]`)) click('[data-testid="previous-change"]');
            await frame();
            return null;
        },
    };
    // The kiosk (`?kiosk&idle=N`) left alone: it counts down, returns to its start and plays its
    // attract loop; a whole pass of the loop (its first day again), then a touch stops it.
    const attract = async () => {
        const date = () => (q('[data-testid="selected-date"]') || {}).textContent;
        const watch = async (test, n) => { for (let k = 0; k < n && !test(); k++) await drawn(); return test(); };
        if (!(await watch(() => q('[data-testid="attract-hint"]'), 100000))) return 'the attract loop never started';
        const first = date();
        if (!(await watch(() => date() !== first, 100000))) return 'the attract loop never stepped';
        let steps = 1, last = date();
        const passed = await watch(() => {
            const now = date();
            if (now !== last) { steps += 1; last = now; }
            return now === first;
        }, 1000000);
        if (!passed) return 'the attract loop never came back to its first day';
        touch();
        if (!(await until(() => !q('[data-testid="attract-hint"]')))) return 'a touch did not stop the attract loop';
        // The first step opens its city's panel a moment in: close it, so that every pass ends
        // on the same page.
        await drawn();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        if (!(await until(() => !panel()))) return 'the panel the attract loop opened did not close';
        await drawn();
        return steps;
    };
    // Many of everything, mixed: `n` interactions from interaction `from` on, each followed by its
    // frames; every `attractEvery` (if set, on a kiosk) the kiosk is left alone for a pass of its loop.
    const kinds = ['slider', 'city', 'slider', 'language', 'zoom', 'pinch', 'drag', 'slider', 'details', 'play', 'change', 'zoom'];
    const mixed = async (from, n, attractEvery) => {
        for (let i = from; i < from + n; i++) {
            const kind = kinds[i % kinds.length];
            const error = await actions[kind](Math.floor(i / kinds.length));
            if (error) return `interaction ${i} (${kind}): ${error}`;
            if (attractEvery && i % attractEvery === attractEvery - 1) {
                const steps = await attract();
                if (typeof steps === 'string') return `interaction ${i}: ${steps}`;
            }
        }
        return null;
    };
    const repeat = async (kind, from, n) => {
        for (let i = from; i < from + n; i++) {
            const error = await actions[kind](i);
            if (error) return `${kind} ${i}: ${error}`;
        }
        return null;
    };
    // What the page holds, after full garbage collections (`--js-flags=--expose-gc`); the
    // finalizers of collected wasm-bindgen closures run between them.
    const memory = async () => {
        for (let k = 0; k < 4; k++) { if (window.gc) window.gc(); await new Promise((r) => setTimeout(r, 20)); }
        const w = window.wasmBindings;
        return { wasm: w ? w.wasm_memory_bytes() : null, allocated: w ? w.wasm_heap_bytes() : null,
                 heap: performance.memory ? performance.memory.usedJSHeapSize : null,
                 nodes: document.getElementsByTagName('*').length };
    };
    const setQuick = (on) => { quick = on; };
    return { actions, attract, mixed, repeat, memory, setQuick };
})();
