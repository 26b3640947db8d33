//! More of `AtlasPage`: the address, attributes, touch, frames and scripts.
use std::time::Duration;

use fantoccini::actions::{InputSource, PointerAction, TouchActions};
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
}
