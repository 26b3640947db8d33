//! The strict Content-Security-Policy, and `cargo xtask finish-html`: Trunk's post-build hook
//! (see `Trunk.toml`) that makes the built page obey it.
//!
//! Trunk 0.21 writes its loader as an inline `<script type="module">` into `index.html`, which
//! `script-src 'self'` blocks. The hook moves each such script, unchanged, into a file of its own
//! (`init-<hash>.js`) and loads it with `<script type="module" src=… integrity="sha384-…">`, so
//! the page keeps subresource integrity for everything it loads. It then refuses a page that still
//! has inline code (a `<script>` without `src`, a `style="…"` attribute, an `on…=` handler) or
//! lacks the policy's `<meta>`, so that a change which would break the page under the policy
//! fails the build instead of blanking a museum's page. It runs for `trunk build` and
//! `trunk serve` alike, whoever starts them.
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use sha2::{Digest, Sha384};

/// The policy the app is built for and tested under (`index.html` carries it in a `<meta>`,
/// `Trunk.toml` sends it from `trunk serve`, the README gives it for servers).
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                          img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                          require-trusted-types-for 'script'; trusted-types default";

/// `cargo xtask finish-html [DIR]`: DIR defaults to `$TRUNK_STAGING_DIR` (set by Trunk for hooks).
pub fn run(dir: Option<String>) -> Result<()> {
    let dir = match dir.map(PathBuf::from).or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from)) {
        Some(dir) => dir,
        None => bail!("finish-html: no folder given and TRUNK_STAGING_DIR is not set (it runs as Trunk's hook)"),
    };
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "./".to_owned());
    finish_dir(&dir, &public_url)
}

/// Writes the first paint's texts into `dir/index.html`, rewrites it for the policy and writes
/// the scripts taken out of it beside it.
pub fn finish_dir(dir: &Path, public_url: &str) -> Result<()> {
    // The first paint's texts, from the language files (see `boot.rs`).
    crate::boot::fill_dir(dir)?;
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    // The loader checks the wasm it runs, and carries the glue under its own SRI (loader.rs).
    let html = crate::loader::check_what_runs(dir, &html)?;
    let finished = finish_html(&html, public_url)?;
    for script in &finished.scripts {
        let path = dir.join(&script.file_name);
        std::fs::write(&path, &script.body).with_context(|| format!("writing {}", path.display()))?;
    }
    std::fs::write(&index, &finished.html).with_context(|| format!("writing {}", index.display()))?;
    println!(
        "finish-html: {} inline module script(s) moved to {} (with SRI); the page has no inline code",
        finished.scripts.len(),
        finished.scripts.iter().map(|s| s.file_name.as_str()).collect::<Vec<_>>().join(", ")
    );
    // Last, once every file is final: the .br and .gz copies a plain server can send.
    let count = crate::compress::precompress_dir(dir)?;
    println!("finish-html: {count} files precompressed (.br and .gz beside each)");
    Ok(())
}

/// A script taken out of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalScript {
    pub file_name: String,
    pub body: String,
    /// `sha384-…`, for the `integrity` attribute.
    pub integrity: String,
}

/// The page with its inline module scripts replaced by external ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub html: String,
    pub scripts: Vec<ExternalScript>,
}

/// `sha384-<base64>` of `bytes`, as `integrity` attributes want it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Moves every inline `<script type="module">` of `html` into an external file, then checks that
/// no inline code is left and that the policy's `<meta>` is there.
pub fn finish_html(html: &str, public_url: &str) -> Result<Finished> {
    const OPEN: &str = r#"<script type="module">"#;
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let body_start = start + OPEN.len();
        let Some(len) = rest[body_start..].find(CLOSE) else {
            bail!("index.html: a <script type=\"module\"> is never closed");
        };
        let body = rest[body_start..body_start + len].trim().to_owned() + "\n";
        let digest = Sha384::digest(body.as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        let script =
            ExternalScript { file_name: format!("init-{hex}.js"), integrity: integrity(body.as_bytes()), body };
        out.push_str(&rest[..start]);
        out.push_str(&format!(
            r#"<script type="module" src="{public_url}{}" integrity="{}" crossorigin="anonymous"></script>"#,
            script.file_name, script.integrity
        ));
        scripts.push(script);
        rest = &rest[body_start + len + CLOSE.len()..];
    }
    out.push_str(rest);
    let problems = inline_code(&out);
    if !problems.is_empty() {
        bail!(
            "index.html would break under the Content-Security-Policy ({POLICY}):\n  {}\n\
             (Trunk's autoreload script is inline: keep `no_autoreload = true` in Trunk.toml; styles belong \
             in public/*.css, or are set through the CSSOM)",
            problems.join("\n  ")
        );
    }
    if !has_policy_meta(&out) {
        bail!("index.html lacks <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">");
    }
    Ok(Finished { html: out, scripts })
}

/// Whether `html` carries exactly [`POLICY`] in a `<meta http-equiv="Content-Security-Policy">`.
pub fn has_policy_meta(html: &str) -> bool {
    html.contains(&format!(r#"<meta http-equiv="Content-Security-Policy" content="{POLICY}""#))
}

/// What in `html` a policy without `'unsafe-inline'` blocks: inline scripts, `style` attributes
/// and `on…` event-handler attributes (a plain scan of the tags; enough for our one page).
pub fn inline_code(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(offset) = lower[at..].find('<') {
        let start = at + offset;
        let Some(len) = lower[start..].find('>') else { break };
        let tag = &lower[start..start + len + 1];
        at = start + len + 1;
        if tag.starts_with("<!--") || tag.starts_with("</") || tag.starts_with("<!") {
            continue;
        }
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let attrs = attribute_names(&tag[1 + name.len()..]);
        let shown = || html[start..start + len + 1].chars().take(120).collect::<String>();
        if name == "script" && !attrs.iter().any(|a| a == "src") {
            problems.push(format!("an inline script: {}", shown()));
        }
        if attrs.iter().any(|a| a == "style") {
            problems.push(format!("a style attribute: {}", shown()));
        }
        if let Some(handler) = attrs.iter().find(|a| a.starts_with("on") && a.len() > 2) {
            problems.push(format!("an event-handler attribute `{handler}`: {}", shown()));
        }
    }
    problems
}

/// The attribute names in the inside of a tag (after its name), skipping quoted values.
fn attribute_names(inside: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = inside.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c == '/' || c == '>' {
            chars.next();
            continue;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '=' || c == '>' || c == '/' {
                break;
            }
            name.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            match chars.peek().copied() {
                Some(quote @ ('"' | '\'')) => {
                    chars.next();
                    for c in chars.by_ref() {
                        if c == quote {
                            break;
                        }
                    }
                }
                _ => {
                    while chars.peek().is_some_and(|c| !c.is_whitespace() && *c != '>') {
                        chars.next();
                    }
                }
            }
        }
        if !name.is_empty() {
            names.push(name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{finish_html, has_policy_meta, inline_code, integrity, POLICY};

    fn page(head: &str) -> String {
        format!(
            r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{POLICY}" />{head}</head><body></body></html>"#
        )
    }

    #[test]
    fn trunk_s_inline_loader_moves_to_a_file_with_its_integrity() -> anyhow::Result<()> {
        let loader = "\nimport init from './app-1.js';\nawait init({ module_or_path: './app-1_bg.wasm' });\n";
        let html = page(&format!(r#"<script type="module">{loader}</script><link rel="stylesheet" href="./a.css">"#));
        let done = finish_html(&html, "./")?;
        assert_eq!(done.scripts.len(), 1);
        let script = &done.scripts[0];
        assert_eq!(script.body, loader.trim().to_owned() + "\n");
        assert!(script.file_name.starts_with("init-") && script.file_name.ends_with(".js"), "{}", script.file_name);
        assert_eq!(script.integrity, integrity(script.body.as_bytes()));
        let tag = format!(
            r#"<script type="module" src="./{}" integrity="{}" crossorigin="anonymous"></script>"#,
            script.file_name, script.integrity
        );
        assert!(done.html.contains(&tag), "{}", done.html);
        assert!(!done.html.contains("import init"), "{}", done.html);
        Ok(())
    }

    #[test]
    fn integrity_is_the_base64_sha384() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn inline_code_is_refused() {
        for bad in [
            r#"<script>console.log(1)</script>"#,
            r#"<div style="color:red">x</div>"#,
            r#"<button onclick="go()">x</button>"#,
        ] {
            let error = finish_html(&page(bad), "./").unwrap_err().to_string();
            assert!(error.contains("would break under the Content-Security-Policy"), "{bad}: {error}");
        }
        let fine = r#"<link rel="modulepreload" href="./a.js" integrity="sha384-x"><div data-style="a" title="style=x onclick=y">x</div>"#;
        assert_eq!(inline_code(fine), Vec::<String>::new());
    }

    #[test]
    fn a_page_without_the_policy_is_refused() {
        let error = finish_html("<html><head></head><body></body></html>", "./").unwrap_err().to_string();
        assert!(error.contains("lacks <meta"), "{error}");
    }

    #[test]
    fn the_repository_s_page_and_trunk_toml_carry_the_policy() -> anyhow::Result<()> {
        let root = crate::workspace_root();
        let index = std::fs::read_to_string(root.join("index.html"))?;
        assert!(has_policy_meta(&index), "index.html must carry the policy's <meta>: {POLICY}");
        assert_eq!(inline_code(&index), Vec::<String>::new(), "index.html has inline code");
        let trunk: toml::Table = std::fs::read_to_string(root.join("Trunk.toml"))?.parse()?;
        let header = trunk
            .get("serve")
            .and_then(|s| s.get("headers"))
            .and_then(|h| h.get("Content-Security-Policy"))
            .and_then(toml::Value::as_str);
        assert_eq!(header, Some(POLICY), "Trunk.toml [serve.headers] must send the policy");
        let autoreload = trunk.get("serve").and_then(|s| s.get("no_autoreload")).and_then(toml::Value::as_bool);
        assert_eq!(autoreload, Some(true), "Trunk's autoreload script is inline: no_autoreload = true");
        let readme = std::fs::read_to_string(root.join("README.md"))?;
        assert!(readme.contains(POLICY), "the README must give the policy's header");
        Ok(())
    }
}
