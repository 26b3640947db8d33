//! Chrome DevTools Protocol commands through chromedriver's `goog/cdp/execute`: the CPU and
//! network throttles of the benchmark and of the first-paint test.
use fantoccini::wd::WebDriverCompatibleCommand;

use super::AtlasPage;

/// One DevTools command.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends one DevTools command to the page's browser and returns its result.
pub async fn cdp(page: &AtlasPage, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
    page.client().issue_cmd(Cdp { cmd, params }).await.unwrap_or_else(|e| panic!("{cmd} through chromedriver: {e}"))
}
