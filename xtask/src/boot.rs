//! The first paint: before the app's wasm arrives, `index.html` shows the atlas's title and a
//! quiet progress sign (`#boot`, styled by public/style.css). Its texts come from the language
//! files: `cargo xtask finish-html` writes every offered language's title and loading line
//! into `#boot`'s `data-texts` (read by public/boot.js, which picks the reader's language as
//! the app does) and the English ones into the page itself, the fallback without a match. So
//! the first paint says what the app will say, in the same words, with no request more.
use std::path::Path;

use anyhow::{bail, Context, Result};

/// The keys of the language files' `texts` that the first paint shows, each in an element with
/// `data-text="<key>"` inside `#boot`.
pub const BOOT_KEYS: [&str; 2] = ["app_title", "loading"];
/// The texts public/boot.js shows in `#boot` when the app cannot start (its wasm refused or
/// missing): carried in `data-texts` only.
pub const FAILURE_KEYS: [&str; 3] = ["load_error_title", "kiosk_error_title", "kiosk_error_body"];
/// What `index.html`'s `#boot` carries for the texts to go in.
const PLACEHOLDER: &str = r#"data-texts="""#;

/// The boot texts of every language in `data_dir/languages.json`: `{"lv": {"app_title": …,
/// "loading": …}, …}`.
pub fn boot_texts(data_dir: &Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let read = |name: &str| -> Result<serde_json::Value> {
        let path = data_dir.join(name);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    };
    let languages = read("languages.json")?;
    let codes = languages["languages"].as_array().context("languages.json: no `languages` list")?;
    let mut all = serde_json::Map::new();
    for code in codes.iter().filter_map(|c| c.as_str()) {
        let file = read(&format!("lang/{code}.json"))?;
        let mut texts = serde_json::Map::new();
        for key in BOOT_KEYS.iter().chain(&FAILURE_KEYS) {
            if let Some(text) = file["texts"][key].as_str() {
                texts.insert((*key).to_owned(), text.into());
            }
        }
        all.insert(code.to_owned(), texts.into());
    }
    if !all.contains_key("en") {
        bail!("languages.json offers no English, the first paint's fallback");
    }
    Ok(all)
}

/// `html` with the boot texts written in: all of them as JSON in `#boot`'s `data-texts`, the
/// English ones as the text of each `data-text="<key>"` element.
///
/// ```ignore
/// <h1 data-text="app_title">…</h1>  →  <h1 data-text="app_title">The Baltic Entente, 1919–1940</h1>
/// ```
pub fn fill(html: &str, texts: &serde_json::Map<String, serde_json::Value>) -> Result<String> {
    let Some(at) = html.find(PLACEHOLDER) else {
        bail!("index.html: #boot has no `{PLACEHOLDER}` for the first paint's texts");
    };
    let json = serde_json::Value::Object(texts.clone()).to_string();
    let mut out = format!("{}data-texts=\"{}\"{}", &html[..at], attribute(&json), &html[at + PLACEHOLDER.len()..]);
    for key in BOOT_KEYS {
        let english = texts["en"][key].as_str().with_context(|| format!("lang/en.json: no `{key}`"))?;
        let open = format!(r#"data-text="{key}">"#);
        let Some(start) = out.find(&open).map(|i| i + open.len()) else {
            bail!("index.html: #boot has no element with data-text=\"{key}\"");
        };
        let end = start + out[start..].find('<').context("index.html: an unclosed boot text")?;
        out.replace_range(start..end, &text(english));
    }
    Ok(out)
}

/// Writes the boot texts of `dir/data` into `dir/index.html`, and the preloads of the data files.
pub fn fill_dir(dir: &Path) -> Result<()> {
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let filled = fill(&html, &boot_texts(&dir.join("data"))?)?;
    let filled = preload(&filled, &data_files(&dir.join("data")))?;
    std::fs::write(&index, filled).with_context(|| format!("writing {}", index.display()))
}

/// The data files the app fetches as it starts (atlas-core's own list, with the languages of
/// `data/languages.json`), each under `data/`, that are in `data_dir`.
pub fn data_files(data_dir: &Path) -> Vec<String> {
    use atlas_core::dataset::{files_to_read, LANGUAGES_FILE};
    let languages = std::fs::read(data_dir.join(LANGUAGES_FILE)).ok();
    std::iter::once(LANGUAGES_FILE.to_owned())
        .chain(files_to_read(languages.as_deref()))
        .filter(|name| data_dir.join(name).is_file())
        .map(|name| format!("data/{name}"))
        .collect()
}

/// Adds to the page's head a `<link rel="preload" as="fetch">` of each of `files`: the
/// browser fetches the data while the wasm downloads, instead of after it has started (one
/// round trip and the data's download less before the map is ready on a slow link). They are
/// fetched as the app's own `fetch` asks (CORS mode, same-origin credentials), so that the
/// app's request takes the preloaded response.
pub fn preload(html: &str, files: &[String]) -> Result<String> {
    let links: String = files
        .iter()
        .map(|f| format!(r#"<link rel="preload" href="{}" as="fetch" crossorigin="anonymous" />"#, attribute(f)))
        .collect();
    let at = html.find("</head>").context("index.html: no </head>")?;
    let mut out = html.to_owned();
    out.insert_str(at, &links);
    Ok(out)
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn attribute(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_preloads_every_data_file_the_app_fetches_as_it_starts() -> Result<()> {
        let root = crate::workspace_root();
        let files = data_files(&root.join("public/data"));
        for name in ["data/languages.json", "data/events.geojson", "data/borders.topojson", "data/lang/lt.json"] {
            assert!(files.iter().any(|f| f == name), "{name} is preloaded: {files:?}");
        }
        let html = preload("<html><head><title>t</title></head><body></body></html>", &files)?;
        let head = &html[..html.find("</head>").context("a head")?];
        assert_eq!(head.matches(r#"rel="preload""#).count(), files.len(), "{html}");
        assert!(
            head.contains(r#"<link rel="preload" href="data/events.geojson" as="fetch" crossorigin="anonymous" />"#)
        );
        Ok(())
    }

    #[test]
    fn the_repository_s_page_gets_every_language_s_title() -> Result<()> {
        let root = crate::workspace_root();
        let texts = boot_texts(&root.join("public/data"))?;
        assert_eq!(texts.len(), 5);
        assert_eq!(texts["lv"]["app_title"], "Baltijas Antante, 1919–1940");
        let html = std::fs::read_to_string(root.join("index.html"))?;
        let filled = fill(&html, &texts)?;
        assert!(filled.contains(r#"data-text="app_title">The Baltic Entente, 1919–1940</h1>"#), "{filled}");
        assert!(filled.contains("Baltijos Antantė, 1919–1940"));
        assert!(filled.contains("&quot;lv&quot;:{&quot;app_title&quot;"), "as an attribute's JSON");
        assert_eq!(crate::csp::inline_code(&filled), Vec::<String>::new());
        Ok(())
    }

    #[test]
    fn texts_are_escaped() -> Result<()> {
        let mut texts = serde_json::Map::new();
        texts.insert("en".into(), serde_json::json!({ "app_title": "A <b> & \"c\"", "loading": "…" }));
        let html = r#"<div data-texts=""><h1 data-text="app_title">x</h1><p data-text="loading">y</p></div>"#;
        let filled = fill(html, &texts)?;
        assert!(filled.contains(r#"<h1 data-text="app_title">A &lt;b&gt; &amp; "c"</h1>"#), "{filled}");
        assert!(filled.contains(r#"\&quot;c\&quot;"#), "{filled}");
        assert!(fill("<p></p>", &texts).is_err(), "a page without #boot's placeholder is refused");
        Ok(())
    }
}
