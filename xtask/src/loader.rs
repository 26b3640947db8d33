//! The app's loader, made to check what it runs. Trunk 0.21 writes an inline module that imports
//! wasm-bindgen's JS glue and fetches the wasm; the `integrity` on its `<link rel=preload>` of
//! the wasm is ignored by Chromium, and the loader's own fetch carries none, so a damaged or
//! swapped wasm would run. This step (part of `cargo xtask finish-html`, before the inline module
//! is moved into `init-<hash>.js` with its SRI):
//!
//! - names the wasm by its content (`entente-atlas-<sha384 prefix>_bg.wasm`), since Trunk can give
//!   a rebuilt wasm its old name (trunk issue #1028), which a cache holding the old one refuses;
//! - puts the glue into the loader module itself, so that the page's SRI on that one module
//!   covers the glue too (a static `import` cannot carry an integrity of its own);
//! - fetches the wasm with `fetch(url, { integrity })`, which the browser refuses on any changed
//!   byte; a failure dispatches `atlas-start-failed`, on which `public/boot.js` shows the
//!   reader the error (and a kiosk tries again).
use std::path::Path;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha384};

use crate::csp::integrity;

/// The first 8 bytes of the SHA-384 of `bytes`, in hex: a content name.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha384::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The text between `open` and the next `close` after it, with its start offset.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<(usize, &'a str)> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some((start, &text[start..start + len]))
}

/// The file name at the end of a relative URL (`./a/b.js` → `b.js`).
fn file_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// The local name of the glue's default export (`export { initSync, __wbg_init as default };`)
/// and the names of everything it exports, for `window.wasmBindings`.
fn glue_exports(glue: &str) -> Result<(String, Vec<String>)> {
    let ident =
        |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect::<String>();
    let mut names = Vec::new();
    let mut default = None;
    for line in glue.lines() {
        if let Some(rest) = line.strip_prefix("export function ").or_else(|| line.strip_prefix("export class ")) {
            names.push(ident(rest));
        } else if let Some(list) = line.strip_prefix("export {").and_then(|l| l.split('}').next()) {
            for item in list.split(',') {
                match item.trim().split_once(" as ") {
                    Some((local, "default")) => default = Some(local.trim().to_owned()),
                    Some((local, _)) => names.push(local.trim().to_owned()),
                    None if !item.trim().is_empty() => names.push(item.trim().to_owned()),
                    None => {}
                }
            }
        }
    }
    let Some(default) = default else { bail!("the wasm-bindgen glue has no `export {{ … as default }}`") };
    names.retain(|n| !n.is_empty());
    names.dedup();
    Ok((default, names))
}

/// Rewrites `html`'s inline loader module (and the files in `dir` it names) as the module doc
/// says. A page without Trunk's loader is returned unchanged.
pub fn check_what_runs(dir: &Path, html: &str) -> Result<String> {
    const OPEN: &str = r#"<script type="module">"#;
    let Some((body_start, body)) = between(html, OPEN, "</script>") else { return Ok(html.to_owned()) };
    let Some((_, glue_url)) = between(body, "from '", "'") else { return Ok(html.to_owned()) };
    let Some((_, wasm_url)) = between(body, "module_or_path: '", "'") else {
        bail!("index.html: Trunk's loader names no wasm (`module_or_path: '…'`):\n{body}")
    };
    let (glue_url, wasm_url) = (glue_url.to_owned(), wasm_url.to_owned());
    let glue_path = dir.join(file_name(&glue_url));
    let glue = std::fs::read_to_string(&glue_path).with_context(|| format!("reading {}", glue_path.display()))?;
    if glue.contains("</script") {
        bail!("{}: contains `</script`, which would end the inline loader early", glue_path.display());
    }
    let old_wasm = dir.join(file_name(&wasm_url));
    let wasm = std::fs::read(&old_wasm).with_context(|| format!("reading {}", old_wasm.display()))?;

    // The wasm named by its content.
    let old_name = file_name(&wasm_url).to_owned();
    let Some(stem) = old_name.strip_suffix("_bg.wasm").map(|s| s.rsplit_once('-').map_or(s, |(stem, _)| stem)) else {
        bail!("index.html: the wasm {old_name} does not end in _bg.wasm")
    };
    let new_name = format!("{stem}-{}_bg.wasm", content_hash(&wasm));
    let new_url = format!("{}{new_name}", &wasm_url[..wasm_url.len() - old_name.len()]);
    if new_name != old_name {
        std::fs::write(dir.join(&new_name), &wasm).with_context(|| format!("writing {new_name}"))?;
        std::fs::remove_file(&old_wasm).with_context(|| format!("removing {}", old_wasm.display()))?;
    }
    let wasm_integrity = integrity(&wasm);

    let (default, names) = glue_exports(&glue)?;
    let loader = format!(
        r#"{glue}
// The loader (cargo xtask finish-html, xtask/src/loader.rs): the glue above is part of this
// module, which the page loads with its integrity; the wasm is fetched with its own.
try {{
  const wasm = await {default}({{ module_or_path: fetch("{new_url}", {{ integrity: "{wasm_integrity}" }}) }});
  window.wasmBindings = {{ {bindings} }};
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
}} catch (error) {{
  console.error("entente-atlas: the app could not start:", error);
  dispatchEvent(new CustomEvent("atlas-start-failed", {{ detail: String(error) }}));
}}
"#,
        glue = glue.trim_end(),
        bindings = names.join(", ")
    );
    let close = body_start + body.len();
    let mut out = format!("{}\n{loader}{}", &html[..body_start], &html[close..]);

    // The glue is in the loader now: drop its preload (and the file, so that nothing can load
    // it unchecked).
    out = remove_tag(&out, &format!(r#"<link rel="modulepreload" href="{glue_url}""#));
    // The wasm's preload goes too: its `integrity` is not honoured, and a fetch that does not
    // match it downloads the wasm a second time. The loader module asks for the wasm as soon as
    // the page is parsed.
    out = remove_tag(&out, &format!(r#"<link rel="preload" href="{wasm_url}""#));
    std::fs::remove_file(&glue_path).with_context(|| format!("removing {}", glue_path.display()))?;
    Ok(out)
}

/// `html` without the tag that starts with `start` (up to its `>`).
fn remove_tag(html: &str, start: &str) -> String {
    match html.find(start) {
        Some(at) => match html[at..].find('>') {
            Some(len) => format!("{}{}", &html[..at], &html[at + len + 1..]),
            None => html.to_owned(),
        },
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "export function wasm_heap_bytes() {}\nexport class Thing {}\nfunction __wbg_init() {}\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn the_glue_and_a_content_named_wasm_are_checked_by_the_loader() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("atlas-loader-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("app-1111.js"), GLUE)?;
        std::fs::write(dir.join("app-1111_bg.wasm"), b"\0asm wasm bytes")?;
        let html = concat!(
            r#"<head><script type="module">import init, * as bindings from './app-1111.js';"#,
            r#"const wasm = await init({ module_or_path: './app-1111_bg.wasm' });</script>"#,
            r#"<link rel="modulepreload" href="./app-1111.js" crossorigin="anonymous" integrity="sha384-a">"#,
            r#"<link rel="preload" href="./app-1111_bg.wasm" crossorigin="anonymous" integrity="sha384-b" as="fetch" type="application/wasm"></head>"#
        );
        let out = check_what_runs(&dir, html)?;
        let name = format!("app-{}_bg.wasm", content_hash(b"\0asm wasm bytes"));
        assert!(dir.join(&name).is_file() && !dir.join("app-1111_bg.wasm").exists(), "renamed to {name}");
        assert!(!dir.join("app-1111.js").exists(), "the glue is part of the loader");
        let sri = integrity(b"\0asm wasm bytes");
        assert!(out.contains(&format!(r#"fetch("./{name}", {{ integrity: "{sri}" }})"#)), "{out}");
        assert!(out.contains("window.wasmBindings = { wasm_heap_bytes, Thing, initSync };"), "{out}");
        assert!(out.contains("await __wbg_init("), "{out}");
        assert!(!out.contains("modulepreload") && !out.contains("import init"), "{out}");
        assert!(!out.contains("rel=\"preload\""), "no preload whose integrity nobody checks: {out}");
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
