//! More of `AtlasPage`: the address, attributes, touch, frames and scripts.
use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use fantoccini::Locator;

use super::page::{poll, sel, thumb_offset, AtlasPage, WAIT};

impl AtlasPage {
    /// Runs `script` in the page and returns its result as JSON.
    pub async fn run_script(&self, script: &str) -> serde_json::Value {
        self.client().execute(script, vec![]).await.unwrap_or_else(|e| panic!("running `{script}`: {e}"))
    }

    /// `<html lang>`.
    pub async fn html_lang(&self) -> String {
        self.run_script("return document.documentElement.lang;").await.as_str().unwrap_or_default().to_owned()
    }

    /// The address's query string (`?year=…`), as the address bar shows it.
    pub async fn address_query(&self) -> String {
        self.run_script("return location.search;").await.as_str().unwrap_or_default().to_owned()
    }

    /// An attribute of the first element matching `css`, if both exist.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find_now(css).await?.attr(name).await.ok().flatten()
    }

    /// The visible text of the first element matching `css`, if any.
    pub async fn text_of(&self, css: &str) -> Option<String> {
        self.find_now(css).await?.text().await.ok()
    }

    /// Polls until `probe` gives `Some` within `timeout`, else fails with `what`.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, timeout: Duration, probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        poll(timeout, probe).await.unwrap_or_else(|| panic!("waited {timeout:?} for {what}"))
    }

    /// Waits until the address's query satisfies `done`; returns it.
    pub async fn wait_for_query(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let done = &done;
        match poll(WAIT, || async move {
            let query = self.address_query().await;
            done(&query).then_some(query)
        })
        .await
        {
            Some(query) => query,
            None => panic!("the address never showed {what}: it is `{}`", self.address_query().await),
        }
    }

    /// Clicks the element matching `css` (WebDriver's element click).
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Drags the slider's thumb to `year` with a finger (WebDriver pointer actions of type
    /// touch). `thumb` is the thumb's width in CSS pixels.
    pub async fn touch_drag_slider_to(&self, year: i32, thumb: f64) {
        let slider = self.find(sel::YEAR_SLIDER).await;
        let (_, _, width, _) = slider.rectangle().await.expect("the slider's rectangle");
        let offset = |y: i32| thumb_offset(width, thumb, y);
        let from = self.slider_value().await;
        let finger = TouchActions::new("finger".to_owned())
            .then(PointerAction::MoveToElement { element: slider.clone(), duration: None, x: offset(from), y: 0.0 })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::MoveToElement {
                element: slider.clone(),
                duration: Some(Duration::from_millis(400)),
                x: offset(year),
                y: 0.0,
            })
            .then(PointerAction::Up { button: 0 });
        self.client().perform_actions(finger).await.unwrap_or_else(|e| panic!("dragging the slider by touch: {e}"));
        let _ = self.client().release_actions().await;
    }

    /// Whether the centre of the element matching `css` lies within the window.
    pub async fn is_on_screen(&self, css: &str) -> bool {
        let script = format!(
            "const e = document.querySelector({css:?}); if (!e) return false; const r = e.getBoundingClientRect(); \
             const x = r.left + r.width / 2, y = r.top + r.height / 2; \
             return x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;"
        );
        self.run_script(&script).await.as_bool().unwrap_or(false)
    }

    /// Touches the page once at the centre of the element matching `css`, with a finger.
    pub async fn tap(&self, css: &str) {
        let element = self.find(css).await;
        let finger = TouchActions::new("finger".to_owned())
            .then(PointerAction::MoveToElement { element, duration: None, x: 0.0, y: 0.0 })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client().perform_actions(finger).await.unwrap_or_else(|e| panic!("tapping {css}: {e}"));
        let _ = self.client().release_actions().await;
    }

    /// Enters the first iframe of the page.
    pub async fn enter_frame(&self) {
        let frame = self.client().find(Locator::Css("iframe")).await.unwrap_or_else(|e| panic!("no iframe: {e}"));
        frame.enter_frame().await.unwrap_or_else(|e| panic!("entering the iframe: {e}"));
    }

    /// Leaves the iframe for the top page.
    pub async fn leave_frame(&self) {
        self.client().enter_parent_frame().await.unwrap_or_else(|e| panic!("leaving the iframe: {e}"));
    }

    /// The box of the element matching `css` on the screen (`getBoundingClientRect`):
    /// `[left, top, right, bottom]`, or `None` if there is no such element.
    pub async fn rect_of(&self, css: &str) -> Option<[f64; 4]> {
        let script = format!(
            "const e = document.querySelector({css:?}); if (!e) return null; const r = e.getBoundingClientRect(); \
             return [r.left, r.top, r.right, r.bottom];"
        );
        let value = self.run_script(&script).await;
        let v: Vec<f64> = value.as_array()?.iter().filter_map(serde_json::Value::as_f64).collect();
        (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
    }

    /// Touches the page once at `(x, y)` (CSS pixels in the viewport), with a finger.
    pub async fn tap_at(&self, x: f64, y: f64) {
        let finger = TouchActions::new("finger".to_owned())
            .then(PointerAction::MoveTo { duration: None, x, y })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client().perform_actions(finger).await.unwrap_or_else(|e| panic!("tapping at ({x}, {y}): {e}"));
        let _ = self.client().release_actions().await;
    }

    /// Drags the mouse from `from` to `to` (viewport CSS pixels) in small steps, as a hand does.
    pub async fn mouse_drag(&self, from: (f64, f64), to: (f64, f64)) {
        let mut mouse = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveTo { duration: None, x: from.0, y: from.1 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT });
        for i in 1..=10 {
            let t = f64::from(i) / 10.0;
            let (x, y) = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            mouse = mouse.then(PointerAction::MoveTo { duration: Some(Duration::from_millis(20)), x, y });
        }
        let mouse = mouse.then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client().perform_actions(mouse).await.unwrap_or_else(|e| panic!("dragging the mouse: {e}"));
        let _ = self.client().release_actions().await;
    }

    /// Presses Tab, or Shift+Tab when `back`, on whatever has the focus.
    pub async fn press_tab(&self, back: bool) {
        let (shift, tab) = (char::from(Key::Shift), char::from(Key::Tab));
        let mut keys = KeyActions::new("keyboard".to_owned());
        if back {
            keys = keys.then(KeyAction::Down { value: shift });
        }
        keys = keys.then(KeyAction::Down { value: tab }).then(KeyAction::Up { value: tab });
        if back {
            keys = keys.then(KeyAction::Up { value: shift });
        }
        self.client().perform_actions(keys).await.unwrap_or_else(|e| panic!("pressing Tab: {e}"));
        let _ = self.client().release_actions().await;
    }
}
