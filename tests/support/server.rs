//! A minimal static file server for the built app (`dist/`), in-process on 127.0.0.1.
//!
//! HTTP/1.1, `GET` and `HEAD` (and `POST` of CSP violation reports only), one request per
//! connection (`Connection: close`). Paths can be overridden with canned responses, e.g. to serve
//! a broken `/data/events.geojson`.
//!
//! Every response carries the strict [`POLICY`] as a `Content-Security-Policy` header, as a
//! museum's server would send it, with a `report-uri` to this server: the browser reports each
//! violation there, and [`StaticServer::violations`] lists them (every end-to-end test fails on
//! one; see `with_page`).
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The Content-Security-Policy the atlas is built for (index.html's `<meta>`, Trunk.toml's
/// `[serve.headers]`, the README and xtask/src/csp.rs say the same).
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                          img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                          require-trusted-types-for 'script'; trusted-types default";

/// Where the browser posts its CSP violation reports (`report-uri`).
pub const REPORT_PATH: &str = "/__csp-report";

/// A canned response served instead of the file at a path.
#[derive(Debug, Clone)]
pub struct Override {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// Whether it carries the policy header (a test page of an embedding site does not).
    pub policy: bool,
    /// How many more times it is served before the real file is (`None`: always), e.g. a
    /// broken file that a curator then fixes.
    pub times: Option<Arc<std::sync::atomic::AtomicUsize>>,
    /// Serve the real file, but only after this long (a slow link): see [`Override::delayed`].
    pub delay: Option<std::time::Duration>,
}

impl Override {
    /// `200 OK` with `body` and the content type that the path's extension implies.
    pub fn ok(path: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            content_type: content_type(Path::new(path)).to_owned(),
            body: body.into(),
            policy: true,
            times: None,
            delay: None,
        }
    }

    /// The real file, after `delay` (the app's wasm on a slow link). Keyed by a path or by
    /// `*.<extension>` for every file of that kind (the wasm's name carries its hash).
    pub fn delayed(delay: std::time::Duration) -> Self {
        Self { delay: Some(delay), ..Self::status(200) }
    }

    /// Served only the first `n` times; then the real file is.
    pub fn only_times(mut self, n: usize) -> Self {
        self.times = Some(Arc::new(std::sync::atomic::AtomicUsize::new(n)));
        self
    }

    /// A page of another site (say, a museum's page that embeds the atlas), served without
    /// the atlas's policy.
    pub fn foreign_page(html: impl Into<Vec<u8>>) -> Self {
        Self { policy: false, ..Self::ok("page.html", html) }
    }

    /// An error status (e.g. 404 or 500) with a short plain-text body.
    pub fn status(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8".to_owned(),
            body: reason(status).as_bytes().to_vec(),
            policy: true,
            times: None,
            delay: None,
        }
    }
}

/// The server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    violations: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl StaticServer {
    /// Serves `root` on a free port of 127.0.0.1, with `overrides` keyed by URL path
    /// (e.g. `"/data/events.geojson"`); `policy`: whether its files carry the atlas's policy.
    pub async fn start(root: PathBuf, overrides: HashMap<String, Override>, policy: bool) -> std::io::Result<Self> {
        Self::start_with(root, overrides, policy, false).await
    }

    /// The same; with `gzip`, text and wasm files go out gzip-compressed to a browser that
    /// accepts it, as a museum's web server sends them (the benchmark's slow link).
    pub async fn start_with(
        root: PathBuf,
        overrides: HashMap<String, Override>,
        policy: bool,
        gzip: bool,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let violations = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::new(Shared {
            root,
            overrides,
            policy,
            gzip,
            gzipped: Mutex::default(),
            requests: Arc::clone(&requests),
            violations: Arc::clone(&violations),
        });
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    // A broken connection only concerns the browser that made it.
                    let _ = handle(stream, &shared).await;
                });
            }
        });
        Ok(Self { addr, requests, violations, task })
    }

    /// The base URL, ending in `/`: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The same server by the name `localhost`: another origin than [`Self::url`]'s
    /// `127.0.0.1` for the browser (for tests of embedding across origins).
    pub fn url_as_localhost(&self) -> String {
        format!("http://localhost:{}/", self.addr.port())
    }

    /// The CSP violations the browser reported so far (each the report's JSON).
    pub fn violations(&self) -> Vec<String> {
        self.violations.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// A shared handle on the violation reports, for a page object to read during a test.
    pub fn violation_log(&self) -> Arc<Mutex<Vec<String>>> {
        Arc::clone(&self.violations)
    }

    /// The request lines served so far with their status, e.g. `GET /index.html -> 200`.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

struct Shared {
    root: PathBuf,
    overrides: HashMap<String, Override>,
    policy: bool,
    /// Whether files go out gzip-compressed when the browser accepts it, and those made so far.
    gzip: bool,
    gzipped: Mutex<HashMap<String, Vec<u8>>>,
    requests: Arc<Mutex<Vec<String>>>,
    violations: Arc<Mutex<Vec<String>>>,
}

async fn handle(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() > 64 * 1024 {
            return respond(&mut stream, false, &Override::status(431)).await;
        }
    }
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n").map_or(buf.len(), |p| p + 4);
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let request_line = head.lines().next().unwrap_or_default().to_owned();
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));

    let response = match method {
        "GET" | "HEAD" => resolve(shared, target).await,
        "POST" if target.split('?').next() == Some(REPORT_PATH) => {
            let body = read_body(&mut stream, &head, buf[head_end..].to_vec()).await?;
            if let Ok(mut log) = shared.violations.lock() {
                log.push(String::from_utf8_lossy(&body).into_owned());
            }
            Override { status: 204, body: Vec::new(), ..Override::status(200) }
        }
        _ => Override::status(405),
    };
    if let Ok(mut log) = shared.requests.lock() {
        log.push(format!("{method} {target} -> {}", response.status));
    }
    let accepts_gzip = head.lines().any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("accept-encoding") && value.to_ascii_lowercase().contains("gzip")
        })
    });
    let compressible = !response.content_type.starts_with("image/") || response.content_type.starts_with("image/svg");
    if shared.gzip && accepts_gzip && response.status == 200 && compressible {
        let key = target.split(['?', '#']).next().unwrap_or("/").to_owned();
        let body = shared.gzipped.lock().ok().and_then(|made| made.get(&key).cloned()).unwrap_or_else(|| {
            use std::io::Write as _;
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            let _ = encoder.write_all(&response.body);
            let body = encoder.finish().unwrap_or_default();
            if let Ok(mut made) = shared.gzipped.lock() {
                made.insert(key, body.clone());
            }
            body
        });
        return respond_encoded(&mut stream, method == "HEAD", &Override { body, ..response }, "gzip").await;
    }
    respond(&mut stream, method == "HEAD", &response).await
}

/// The request's body: what came with the head, then the rest up to `Content-Length` (64 KiB at most).
async fn read_body(stream: &mut TcpStream, head: &str, mut body: Vec<u8>) -> std::io::Result<Vec<u8>> {
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(64 * 1024);
    let mut chunk = [0u8; 2048];
    while body.len() < length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Ok(body)
}

async fn resolve(shared: &Shared, target: &str) -> Override {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // Escapes decode to UTF-8 (`%C4%81` is `ā`); a malformed `%` escape is kept as written.
    let Ok(path) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return Override::status(400);
    };
    let path = path.into_owned();
    let by_kind = Path::new(&path).extension().map(|ext| format!("*.{}", ext.to_string_lossy()));
    let canned = shared.overrides.get(&path).or_else(|| by_kind.and_then(|kind| shared.overrides.get(&kind)));
    if let Some(delay) = canned.and_then(|c| c.delay) {
        tokio::time::sleep(delay).await;
    } else if let Some(canned) = canned {
        use std::sync::atomic::Ordering;
        let used_up = canned
            .times
            .as_ref()
            .is_some_and(|left| left.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_err());
        if !used_up {
            return canned.clone();
        }
    }
    let Some(file) = file_for(&shared.root, &path) else {
        return Override::status(404);
    };
    match tokio::fs::read(&file).await {
        Ok(body) => Override {
            status: 200,
            content_type: content_type(&file).to_owned(),
            body,
            policy: shared.policy,
            times: None,
            delay: None,
        },
        Err(_) => Override::status(404),
    }
}

/// The file under `root` for URL path `path`, refusing anything that climbs out of `root`;
/// folders map to their `index.html`.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let mut file = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// The `Content-Type` for a file, from its extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "geojson" => "application/geo+json",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

async fn respond(stream: &mut TcpStream, head_only: bool, r: &Override) -> std::io::Result<()> {
    respond_encoded(stream, head_only, r, "").await
}

/// The response with a `Content-Encoding` (`encoding`; none when empty).
async fn respond_encoded(stream: &mut TcpStream, head_only: bool, r: &Override, encoding: &str) -> std::io::Result<()> {
    let encoding = if encoding.is_empty() { String::new() } else { format!("Content-Encoding: {encoding}\r\n") };
    let policy = if r.policy {
        format!("Content-Security-Policy: {POLICY}; report-uri {REPORT_PATH}\r\n")
    } else {
        String::new()
    };
    let header = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}{policy}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    stream.write_all(header.as_bytes()).await?;
    if !head_only {
        stream.write_all(&r.body).await?;
    }
    stream.flush().await?;
    stream.shutdown().await
}
