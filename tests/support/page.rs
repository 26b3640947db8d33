//! `AtlasPage`: the page object for the app, using only its test contract (`data-testid`s).
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

/// The app's stable selectors.
pub mod sel {
    pub const YEAR_SLIDER: &str = r#"[data-testid="year-slider"]"#;
    pub const YEAR_LABEL: &str = r#"[data-testid="year-label"]"#;
    pub const CITY_PANEL: &str = r#"[data-testid="city-panel"]"#;
    pub const ABOUT_BORDERS: &str = r#"[data-testid="about-borders"]"#;
    pub const ABOUT_BORDERS_PANEL: &str = r#"[data-testid="about-borders-panel"]"#;
    pub const REGION_CALLOUT: &str = r#"[data-testid="region-callout"]"#;
    pub const ACTIVE_EVENTS: &str = r#"[data-testid="active-events"]"#;
    pub const LOAD_ERROR: &str = r#"[data-testid="load-error"]"#;
    pub const EVENT_ID_ATTR: &str = "data-event-id";

    /// The marker of the city with place id `id`.
    pub fn city(id: &str) -> String {
        format!(r#"[data-testid="city-{id}"]"#)
    }
}

/// First and last year of the slider (inclusive; step 1).
pub const FIRST_YEAR: i32 = 1919;
pub const LAST_YEAR: i32 = 1940;

/// How often waits look at the page, and how long they wait for a UI update.
pub const POLL: Duration = Duration::from_millis(50);
pub const WAIT: Duration = Duration::from_secs(5);
/// How long the app may take to load (download, compile and start the wasm, fetch the data).
pub const READY_WAIT: Duration = Duration::from_secs(30);

/// Polls `probe` every [`POLL`] until it returns `Some`, or returns `None` after `timeout`.
pub async fn poll<T, F, Fut>(timeout: Duration, mut probe: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = probe().await {
            return Some(value);
        }
        if started.elapsed() >= timeout {
            return None;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The atlas as a user sees it, driven through WebDriver.
#[derive(Clone)]
pub struct AtlasPage {
    client: Client,
    base_url: String,
    violations: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl AtlasPage {
    pub fn new(client: Client, base_url: String) -> Self {
        Self { client, base_url, violations: Default::default() }
    }

    /// Reads the CSP violations from `log` (the static server's reports).
    pub fn with_violation_log(mut self, log: std::sync::Arc<std::sync::Mutex<Vec<String>>>) -> Self {
        self.violations = log;
        self
    }

    /// The CSP violation reports received so far (JSON, one a report).
    pub fn csp_violations(&self) -> Vec<String> {
        self.violations.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// The WebDriver client, for anything the page object doesn't cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The app's URL with `query` (e.g. `""` or `"?year=1935"`).
    pub fn url(&self, query: &str) -> String {
        format!("{}{}", self.base_url, query)
    }

    /// Loads the app with `query` and waits until it is ready (see [`Self::wait_ready`]).
    pub async fn open(&self, query: &str) {
        let url = self.url(query);
        self.client.goto(&url).await.unwrap_or_else(|e| panic!("navigating to {url}: {e}"));
        self.wait_ready().await;
    }

    /// Waits until the app shows either its year slider or its load error.
    pub async fn wait_ready(&self) {
        let ready = poll(READY_WAIT, || async move {
            for css in [sel::YEAR_SLIDER, sel::LOAD_ERROR] {
                if self.find_now(css).await.is_some() {
                    return Some(());
                }
            }
            None
        })
        .await;
        if ready.is_none() {
            let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
            let text = self.body_text().await;
            panic!(
                "the app did not become ready within {READY_WAIT:?} at {url}: neither {} nor {} \
                 appeared.\nVisible page text: {text:?}\n(Is the wasm built and loading? Check \
                 the browser console with `cargo xtask serve`.)",
                sel::YEAR_SLIDER,
                sel::LOAD_ERROR
            );
        }
    }

    /// The page's visible text, shortened (for failure messages).
    pub async fn body_text(&self) -> String {
        let text = match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        text.chars().take(600).collect()
    }

    /// The element matching `css` if it is in the page now (no waiting).
    pub async fn find_now(&self, css: &str) -> Option<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .ok()
            .and_then(|mut found| (!found.is_empty()).then(|| found.swap_remove(0)))
    }

    /// The element matching `css`, waiting up to [`WAIT`] for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        match poll(WAIT, || self.find_now(css)).await {
            Some(el) => el,
            None => panic!("{css} did not appear within {WAIT:?}; visible page text: {:?}", self.body_text().await),
        }
    }

    /// The year shown by the year label (its first 4-digit number).
    pub async fn year(&self) -> i32 {
        let label = self.find(sel::YEAR_LABEL).await;
        let text = label.text().await.expect("reading the year label");
        parse_year(&text).unwrap_or_else(|| panic!("no year in the year label: {text:?}"))
    }

    /// The value of the year slider.
    pub async fn slider_value(&self) -> i32 {
        let slider = self.find(sel::YEAR_SLIDER).await;
        let value = slider.prop("value").await.expect("reading the slider's value").unwrap_or_default();
        value.trim().parse().unwrap_or_else(|_| panic!("the year slider's value is not a year: {value:?}"))
    }

    /// Waits until both the slider and the label show `year`; panics with both otherwise.
    pub async fn wait_for_year(&self, year: i32, how: &str) {
        let reached =
            poll(
                WAIT,
                || async move { (self.slider_value().await == year && self.year().await == year).then_some(()) },
            )
            .await;
        if reached.is_none() {
            panic!(
                "{how}: expected year {year}, but the slider shows {} and the label {}",
                self.slider_value().await,
                self.year().await
            );
        }
    }

    /// Moves the slider to `year` like a keyboard user: focus it, then press ArrowRight or
    /// ArrowLeft once per year.
    pub async fn set_year(&self, year: i32) {
        assert!((FIRST_YEAR..=LAST_YEAR).contains(&year), "set_year({year}): outside {FIRST_YEAR}–{LAST_YEAR}");
        let from = self.slider_value().await;
        let steps = year - from;
        if steps != 0 {
            let key = if steps > 0 { Key::Right } else { Key::Left };
            let keys: String = std::iter::repeat_n(char::from(key), steps.unsigned_abs() as usize).collect();
            let slider = self.find(sel::YEAR_SLIDER).await;
            // WebDriver's "send keys" focuses the element first, as a Tab or click would.
            slider.send_keys(&keys).await.unwrap_or_else(|e| panic!("pressing arrow keys on the year slider: {e}"));
        }
        let how = format!(
            "set_year({year}) from {from} with {} × {}",
            steps.abs(),
            if steps >= 0 { "ArrowRight" } else { "ArrowLeft" }
        );
        self.wait_for_year(year, &how).await;
    }

    /// Moves the slider to `year` with the mouse: press on the thumb, drag, release.
    ///
    /// Assumes Chromium's default 16 px thumb when computing where a year lies on the track.
    pub async fn drag_slider_to(&self, year: i32) {
        assert!((FIRST_YEAR..=LAST_YEAR).contains(&year), "drag_slider_to({year}): outside {FIRST_YEAR}–{LAST_YEAR}");
        const THUMB: f64 = 16.0;
        let slider = self.find(sel::YEAR_SLIDER).await;
        let arg = serde_json::to_value(&slider).expect("element as a script argument");
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .expect("scrolling the slider into view");
        let (_, _, width, _) = slider.rectangle().await.expect("the slider's rectangle");
        let offset = |y: i32| thumb_offset(width, THUMB, y);
        let from = self.slider_value().await;
        let mouse = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveToElement { element: slider.clone(), duration: None, x: offset(from), y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveToElement {
                element: slider.clone(),
                duration: Some(Duration::from_millis(250)),
                x: offset(year),
                y: 0.0,
            })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.unwrap_or_else(|e| panic!("dragging the slider thumb: {e}"));
        let _ = self.client.release_actions().await;
        self.wait_for_year(year, &format!("drag_slider_to({year}) from {from}")).await;
    }

    /// The `data-event-id`s in the active-events list, in page order.
    pub async fn active_event_ids(&self) -> Vec<String> {
        let list = self.find(sel::ACTIVE_EVENTS).await;
        event_ids_in(&list).await
    }

    /// Polls [`Self::active_event_ids`] until `done` accepts them or [`WAIT`] passes; returns
    /// the last list read either way (assert on it for a helpful message).
    pub async fn wait_for_active_events(&self, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        let done = &done;
        let found = poll(WAIT, || async move {
            let ids = self.active_event_ids().await;
            done(&ids).then_some(ids)
        })
        .await;
        match found {
            Some(ids) => ids,
            None => self.active_event_ids().await,
        }
    }

    /// Clicks the marker of city `id` (its `data-testid` is `city-<id>`).
    pub async fn click_city(&self, id: &str) {
        let css = sel::city(id);
        let marker = self.find(&css).await;
        self.click_visible_part(&marker, &css).await;
    }

    /// Clicks `element` with the mouse where it can actually be hit, like a user aiming at the
    /// visible part of a marker: the point of its box nearest the centre at which the element
    /// (or one of its children) is topmost. WebDriver's own click aims at the box's centre only,
    /// which for an SVG group (dot + label whose text lets clicks through) can be empty map.
    pub async fn click_visible_part(&self, element: &Element, what: &str) {
        const FIND_HIT_POINT: &str = r#"
            const el = arguments[0];
            el.scrollIntoView({block: 'center', inline: 'center'});
            const r = el.getBoundingClientRect();
            const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
            const points = [];
            const n = 16;
            for (let i = 0; i <= n; i++) {
                for (let j = 0; j <= n; j++) {
                    points.push([Math.round(r.x + r.width * i / n), Math.round(r.y + r.height * j / n)]);
                }
            }
            points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
            points.unshift([Math.round(cx), Math.round(cy)]);
            for (const [x, y] of points) {
                const top = document.elementFromPoint(x, y);
                if (top && (top === el || el.contains(top))) return {x, y};
            }
            const top = document.elementFromPoint(cx, cy);
            return {covered: top ? top.outerHTML.slice(0, 200) : 'nothing (outside the viewport?)'};
        "#;
        let arg = serde_json::to_value(element).expect("element as a script argument");
        let hit = self
            .client
            .execute(FIND_HIT_POINT, vec![arg])
            .await
            .unwrap_or_else(|e| panic!("locating a clickable point of {what}: {e}"));
        let (Some(x), Some(y)) = (hit["x"].as_f64(), hit["y"].as_f64()) else {
            panic!("{what} can't be clicked: no point of it is on top; at its centre is {}", hit["covered"]);
        };
        let mouse = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveTo { duration: None, x, y })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.unwrap_or_else(|e| panic!("clicking {what} at ({x}, {y}): {e}"));
        let _ = self.client.release_actions().await;
    }

    /// Whether the city panel is shown.
    pub async fn panel_is_open(&self) -> bool {
        match self.find_now(sel::CITY_PANEL).await {
            Some(panel) => panel.is_displayed().await.unwrap_or(false),
            None => false,
        }
    }

    /// The text of the open city panel's heading, waiting for the panel to open.
    pub async fn panel_heading(&self) -> String {
        let heading_css = format!("{p} h1, {p} h2, {p} h3, {p} h4, {p} [role=\"heading\"]", p = sel::CITY_PANEL);
        let heading = self.find(&heading_css).await;
        heading.text().await.expect("reading the panel's heading").trim().to_owned()
    }

    /// The `data-event-id`s listed in the open city panel, in page order.
    pub async fn panel_event_ids(&self) -> Vec<String> {
        let panel = self.find(sel::CITY_PANEL).await;
        event_ids_in(&panel).await
    }

    /// Presses and releases Escape on whatever has the focus.
    pub async fn press_escape(&self) {
        self.press(Key::Escape).await;
    }

    /// Presses and releases `key` on whatever has the focus.
    pub async fn press(&self, key: Key) {
        let value = char::from(key);
        let keys = KeyActions::new("keyboard".to_owned()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
        self.client.perform_actions(keys).await.unwrap_or_else(|e| panic!("pressing {key:?}: {e}"));
        let _ = self.client.release_actions().await;
    }

    /// Waits until the city panel is gone; panics after [`WAIT`].
    pub async fn wait_panel_closed(&self) {
        let closed = poll(WAIT, || async move { (!self.panel_is_open().await).then_some(()) }).await;
        assert!(closed.is_some(), "the city panel is still open after {WAIT:?}");
    }

    /// The text of the load-error message, if shown.
    pub async fn load_error_text(&self) -> Option<String> {
        let error = self.find_now(sel::LOAD_ERROR).await?;
        error.text().await.ok()
    }

    /// Saves a PNG screenshot of the viewport to `path` (creating folders); returns its size in
    /// pixels.
    pub async fn screenshot(&self, path: &Path) -> (u32, u32) {
        let png = self.client.screenshot().await.expect("taking a screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        }
        std::fs::write(path, &png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        png_size(&png).unwrap_or((0, 0))
    }
}

/// The `data-event-id` values of the elements under `root` that carry one, in page order.
async fn event_ids_in(root: &Element) -> Vec<String> {
    // Not the rows of a list drawn whole that the year on screen hides.
    let css = format!("[{}]:not([hidden])", sel::EVENT_ID_ATTR);
    let items = root.find_all(Locator::Css(&css)).await.unwrap_or_default();
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        if let Ok(Some(id)) = item.attr(sel::EVENT_ID_ATTR).await {
            ids.push(id);
        }
    }
    ids
}

/// The x offset, from the slider's centre (the pointer actions' origin), of the thumb at
/// year `year` on a slider `width` pixels wide whose thumb is `thumb` pixels wide.
pub fn thumb_offset(width: f64, thumb: f64, year: i32) -> f64 {
    let fraction = f64::from(year - FIRST_YEAR) / f64::from(LAST_YEAR - FIRST_YEAR);
    (thumb / 2.0 + (width - thumb) * fraction - width / 2.0).round()
}

/// The first run of exactly four digits in `text`.
pub fn parse_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                return text[start..i].parse().ok();
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Width and height from a PNG's IHDR chunk.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(png[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(png[20..24].try_into().ok()?);
    Some((w, h))
}
