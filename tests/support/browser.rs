//! Chromium through chromedriver, and [`with_page`], which runs one test against the built app
//! and always cleans up: WebDriver session closed, chromedriver (and any browser left) killed.
use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::page::AtlasPage;
use super::server::{Override, StaticServer};

/// How long one test's body may take before it is stopped and failed.
const TEST_TIMEOUT: Duration = Duration::from_secs(120);
/// How long chromedriver may take to accept connections.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

/// Window size and served-content tweaks for one test.
#[derive(Debug, Clone)]
pub struct PageOptions {
    pub width: u32,
    pub height: u32,
    pub overrides: HashMap<String, Override>,
    /// Whether the test provokes CSP violations on purpose (it reads them with
    /// `AtlasPage::csp_violations`); otherwise any violation fails the test.
    pub expect_csp_violations: bool,
    /// How long the test's body may take (default [`TEST_TIMEOUT`]).
    pub timeout: Duration,
    /// WebDriver's `pageLoadStrategy` (`None`: `normal`, navigation waits for the load event);
    /// `"none"` returns at once, to look at the page while it loads.
    pub page_load_strategy: Option<&'static str>,
    /// Another site served instead of `dist/`, without the atlas's policy header: the peer page
    /// the benchmark measures the atlas against (`PageOptions::peer`).
    pub site: Option<PathBuf>,
    /// Whether files go out gzip-compressed, as from a museum's server (the benchmark).
    pub gzip: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        Self {
            width: 1280,
            height: 900,
            overrides: HashMap::new(),
            expect_csp_violations: false,
            timeout: TEST_TIMEOUT,
            page_load_strategy: None,
            site: None,
            gzip: false,
        }
    }
}

impl PageOptions {
    /// A full-HD desktop window.
    pub fn desktop_hd() -> Self {
        Self::default().size(1920, 1080)
    }

    /// A phone-sized window (iPhone 12-ish).
    pub fn phone() -> Self {
        Self::default().size(390, 844)
    }

    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    /// Lets the test's body run for up to `timeout` (a soak or a benchmark).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The test provokes CSP violations itself: they don't fail it.
    pub fn expecting_csp_violations(mut self) -> Self {
        self.expect_csp_violations = true;
        self
    }

    /// The benchmark's synthetic atlas (`atlas_core::synthetic`: 10,000 events over 500 places
    /// spread over Europe, every language the app offers, seed 1934) in place of the real places,
    /// states, events, sources and tours; the borders, base map and stages stay the real ones.
    pub fn synthetic_atlas(self) -> Self {
        let langs = offered_languages();
        let files = atlas_core::synthetic::generate(10_000, 500, &langs, 1934);
        self.override_path("/data/places.geojson", Override::ok("places.geojson", files.places))
            .override_path("/data/states.geojson", Override::ok("states.geojson", files.states))
            .override_path("/data/events.geojson", Override::ok("events.geojson", files.events))
            .override_path("/data/sources.json", Override::ok("sources.json", files.sources))
            .override_path("/data/tours.json", Override::ok("tours.json", files.tours))
    }

    /// Navigation returns at once, before the page has loaded (`pageLoadStrategy: none`).
    pub fn not_waiting_for_load(mut self) -> Self {
        self.page_load_strategy = Some("none");
        self
    }

    /// Serve `response` for URL path `path` (e.g. `"/data/events.geojson"`) instead of the file.
    /// Serves the page in `site` (a built peer page, e.g. the Leaflet one) instead of `dist/`,
    /// without the atlas's Content-Security-Policy, which is not that page's.
    pub fn peer(mut self, site: PathBuf) -> Self {
        self.site = Some(site);
        self
    }

    /// Sends text and wasm files gzip-compressed to the browser, as a museum's server does.
    pub fn gzip(mut self) -> Self {
        self.gzip = true;
        self
    }

    pub fn override_path(mut self, path: &str, response: Override) -> Self {
        self.overrides.insert(path.to_owned(), response);
        self
    }
}

/// The built app to serve: `$ATLAS_DIST`, else `<repo>/dist`.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("ATLAS_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no built app at {} (index.html missing): run `cargo xtask dist` first, \
         or `cargo xtask test` (which builds it and sets ATLAS_DIST)",
        dist.display()
    );
    dist
}

/// The languages the built app offers, in its switcher's order: its `data/languages.json`, read
/// with the app's own parser (so a language added as data is tested without a change here).
pub fn offered_languages() -> Vec<atlas_core::Lang> {
    let path = dist_dir().join("data").join(atlas_core::dataset::LANGUAGES_FILE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    atlas_core::i18n::parse_language_list(atlas_core::DataFile { name: "languages.json", text: &text })
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A data file of the built app (`data/<name>` in [`dist_dir`]), read as plain JSON: what the
/// tests compare the page with, so that a place, event or stage added as data needs no change.
pub fn served_data(name: &str) -> serde_json::Value {
    let path = dist_dir().join("data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The number of features of a GeoJSON data file of the built app that pass `keep`.
pub fn served_features(name: &str, keep: impl Fn(&serde_json::Value) -> bool) -> usize {
    served_data(name)["features"].as_array().map_or(0, |features| features.iter().filter(|f| keep(f)).count())
}

/// Where tests write screenshots: `$ATLAS_SCREENSHOT_DIR` when set (`cargo xtask screenshot` sets
/// it to `docs/` to refresh the README's picture), else `screenshots/` in cargo's target folder,
/// so that running the tests never rewrites a tracked file.
pub fn screenshot_dir() -> PathBuf {
    std::env::var_os("ATLAS_SCREENSHOT_DIR").map(PathBuf::from).unwrap_or_else(|| {
        // `<target>/tmp`, set by cargo for integration tests (and honouring CARGO_TARGET_DIR).
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        tmp.parent().unwrap_or(tmp).join("screenshots")
    })
}

/// Runs `test` against a fresh page of the built app in its own headless Chromium.
///
/// The static server, chromedriver and the browser are this test's own (free ports), so tests
/// may run in parallel. Whatever happens in `test` (panic, time-out), the WebDriver session is
/// closed and chromedriver's process group killed before the failure is re-raised.
///
/// The server sends the strict Content-Security-Policy with every response; a violation that the
/// browser reports fails the test (unless [`PageOptions::expecting_csp_violations`]).
pub async fn with_page<F, Fut>(options: PageOptions, test: F)
where
    F: FnOnce(AtlasPage) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let policy = options.site.is_none();
    let root = options.site.clone().unwrap_or_else(dist_dir);
    let server = StaticServer::start_with(root, options.overrides.clone(), policy, options.gzip)
        .await
        .expect("starting the static file server on 127.0.0.1");
    let mut driver = ChromeDriver::start().await.unwrap_or_else(|e| panic!("{e}"));
    let client = match driver.new_session(options.width, options.height, options.page_load_strategy).await {
        Ok(client) => client,
        Err(e) => {
            driver.stop().await;
            panic!("{e}");
        }
    };

    let page = AtlasPage::new(client.clone(), server.url()).with_violation_log(server.violation_log());
    let mut task = tokio::spawn(test(page));
    let outcome = tokio::time::timeout(options.timeout, &mut task).await;
    if outcome.is_err() {
        task.abort();
        let _ = (&mut task).await;
    }

    // The browser posts its violation reports asynchronously: give the last ones time to arrive.
    if matches!(outcome, Ok(Ok(()))) {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // Clean up before reporting anything.
    let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    driver.stop().await;
    let served = server.requests();
    let violations = server.violations();
    drop(server);

    match outcome {
        Ok(Ok(())) if !violations.is_empty() && !options.expect_csp_violations => panic!(
            "the browser reported {} Content-Security-Policy violation(s):\n  {}",
            violations.len(),
            violations.join("\n  ")
        ),
        Ok(Ok(())) => {}
        Ok(Err(err)) if err.is_panic() => {
            eprintln!("requests served during the failed test:\n  {}", served.join("\n  "));
            std::panic::resume_unwind(err.into_panic())
        }
        Ok(Err(err)) => panic!("the test task failed: {err}"),
        Err(_) => {
            panic!("the test did not finish within {:?}; requests served:\n  {}", options.timeout, served.join("\n  "))
        }
    }
}

/// Chromium's command-line switches for tests (headless; safe as root and in containers).
pub fn chrome_args(width: u32, height: u32, user_data_dir: &Path) -> Vec<String> {
    vec![
        "--headless".into(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--hide-scrollbars".into(),
        "--force-device-scale-factor=1".into(),
        // For the browser benchmark's memory figures: a real `gc()` and unrounded heap sizes.
        "--js-flags=--expose-gc".into(),
        "--enable-precise-memory-info".into(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", user_data_dir.display()),
    ]
}

/// A chromedriver process in its own process group, so that the browsers it starts can be
/// killed with it.
pub struct ChromeDriver {
    child: Option<tokio::process::Child>,
    pid: Option<u32>,
    port: u16,
    profile: PathBuf,
}

impl ChromeDriver {
    /// Starts `$CHROMEDRIVER` (default `/usr/bin/chromedriver`) on a free port of 127.0.0.1
    /// and waits until it accepts connections.
    pub async fn start() -> Result<Self, String> {
        let path = std::env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"));
        if !path.exists() {
            return Err(format!(
                "chromedriver not found at {} (set CHROMEDRIVER, or run `cargo xtask test`, \
                 which installs Debian's chromium and chromium-driver)",
                path.display()
            ));
        }
        let port = free_port().map_err(|e| format!("finding a free port: {e}"))?;
        let profile = std::env::temp_dir().join(format!("atlas-e2e-chrome-{}-{port}", std::process::id()));
        let mut cmd = tokio::process::Command::new(&path);
        cmd.arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .process_group(0);
        let child = cmd.spawn().map_err(|e| format!("starting {}: {e}", path.display()))?;
        let pid = child.id();
        let mut driver = Self { child: Some(child), pid, port, profile };

        let started = Instant::now();
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return Ok(driver);
            }
            if let Some(child) = driver.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    return Err(format!("chromedriver exited at start-up ({status})"));
                }
            }
            if started.elapsed() > DRIVER_START_TIMEOUT {
                driver.stop().await;
                return Err(format!("chromedriver did not listen on port {port} within {DRIVER_START_TIMEOUT:?}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A new WebDriver session: headless Chromium with a fresh profile and the given window size.
    pub async fn new_session(&mut self, width: u32, height: u32, load: Option<&str>) -> Result<Client, String> {
        let _ = std::fs::remove_dir_all(&self.profile);
        std::fs::create_dir_all(&self.profile).map_err(|e| format!("creating {}: {e}", self.profile.display()))?;
        let mut chrome = json!({ "args": chrome_args(width, height, &self.profile) });
        if let Some(binary) = chrome_binary() {
            chrome["binary"] = json!(binary);
        }
        let mut caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": chrome,
        });
        if let Some(load) = load {
            caps["pageLoadStrategy"] = json!(load);
        }
        let serde_json::Value::Object(caps) = caps else { unreachable!("capabilities are a JSON object") };
        let url = format!("http://127.0.0.1:{}", self.port);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&url)
            .await
            .map_err(|e| format!("starting a Chromium session through chromedriver: {e}"))?;
        // The window's size includes the browser's frame; grow it so that the viewport (what the
        // page sees as innerWidth × innerHeight, and what screenshots show) is width × height.
        if let Err(e) = fit_viewport(&client, width, height).await {
            let _ = client.clone().close().await;
            return Err(e);
        }
        Ok(client)
    }

    /// Kills chromedriver and everything in its process group (browsers left behind by a
    /// session that could not be closed), then removes the browser profile.
    pub async fn stop(&mut self) {
        if let Some(pid) = self.pid.take() {
            kill_group(pid, "TERM");
            if let Some(child) = self.child.as_mut() {
                let exited = tokio::time::timeout(Duration::from_secs(3), child.wait()).await;
                if exited.is_err() {
                    kill_group(pid, "KILL");
                    let _ = child.wait().await;
                }
            }
            // Anything of the group still alive (the browser) goes too.
            kill_group(pid, "KILL");
        }
        self.child = None;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        if let Some(pid) = self.pid.take() {
            kill_group(pid, "KILL");
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Resizes the window until the viewport is `width` × `height` CSS pixels.
async fn fit_viewport(client: &Client, width: u32, height: u32) -> Result<(), String> {
    let (mut outer_w, mut outer_h) = (width, height);
    let mut inner = (0, 0);
    for _ in 0..3 {
        client
            .set_window_size(outer_w, outer_h)
            .await
            .map_err(|e| format!("setting the window size to {outer_w}×{outer_h}: {e}"))?;
        // The window may take a moment to resize (a session that does not wait for page loads
        // reads at once): read until two readings agree.
        let mut previous = None;
        for _ in 0..20 {
            let size = client
                .execute("return [window.innerWidth, window.innerHeight];", vec![])
                .await
                .map_err(|e| format!("reading the viewport size: {e}"))?;
            let read = |i: usize| size.get(i).and_then(serde_json::Value::as_u64).unwrap_or(0) as u32;
            inner = (read(0), read(1));
            if inner == (width, height) || previous == Some(inner) {
                break;
            }
            previous = Some(inner);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if inner == (width, height) {
            return Ok(());
        }
        outer_w = (outer_w + width).saturating_sub(inner.0);
        outer_h = (outer_h + height).saturating_sub(inner.1);
    }
    Err(format!("could not size the viewport to {width}×{height} (it is {}×{})", inner.0, inner.1))
}

/// Sends `signal` to process group `pgid` (the group chromedriver leads).
fn kill_group(pgid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{pgid}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// `$CHROME_BIN`, else Debian's `/usr/bin/chromium` when present (else chromedriver's default).
fn chrome_binary() -> Option<String> {
    if let Ok(bin) = std::env::var("CHROME_BIN") {
        return Some(bin);
    }
    Path::new("/usr/bin/chromium").exists().then(|| "/usr/bin/chromium".to_owned())
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
