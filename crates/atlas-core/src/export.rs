//! "Download map": the map on screen as a self-contained SVG file. The app hands over the map's
//! own markup (its `<svg>`, as drawn), the text of the map's stylesheet (`map.css`, as the page
//! loaded it) and the values of the custom properties it uses; this puts them together with a
//! title, the date and the credit line above and below the map, so that the file shows the same
//! map opened on its own (in a browser, Inkscape, a slide).
//!
//! ```
//! use atlas_core::export::{css_variables, standalone_svg, SvgExport};
//! let css = ".land { fill: var(--map-land); } .label { font-size: var(--city-font); }";
//! assert_eq!(css_variables(css), vec!["--map-land", "--city-font"]);
//! let svg = standalone_svg(&SvgExport {
//!     map: r#"<svg class="map" viewBox="0 0 800 600"><path class="land" d="M0 0h10v10z"/></svg>"#,
//!     width: 800.0,
//!     height: 600.0,
//!     css,
//!     variables: &[("--map-land".into(), "#f1ede0".into())],
//!     font_family: "sans-serif",
//!     title: "The Baltic Entente, 1919–1940",
//!     date: "Borders on 31 December 1934",
//!     caption: "",
//!     credit: "Base map: Natural Earth",
//!     lang: "en",
//! });
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(svg.contains("--map-land: #f1ede0;") && svg.contains("Borders on 31 December 1934"));
//! ```

/// What the file is made of.
#[derive(Debug, Clone, Copy)]
pub struct SvgExport<'a> {
    /// The map's `<svg>` element as serialized (its `viewBox` is its drawing's box).
    pub map: &'a str,
    /// The map's size on screen, in CSS pixels: the size of its box in the file.
    pub width: f64,
    pub height: f64,
    /// The map's stylesheet.
    pub css: &'a str,
    /// The custom properties the stylesheet uses (`--ink`, `--city-font`, …) with their values
    /// on screen.
    pub variables: &'a [(String, String)],
    /// The page's font stack.
    pub font_family: &'a str,
    /// The atlas's title, the date the map shows, what changed (may be empty), the credit line.
    pub title: &'a str,
    pub date: &'a str,
    pub caption: &'a str,
    pub credit: &'a str,
    /// The language of the texts (`xml:lang`).
    pub lang: &'a str,
}

/// The height of the band above the map (title, date, what changed) and below it (credits), in
/// CSS pixels.
pub const HEADER_HEIGHT: f64 = 96.0;
pub const FOOTER_HEIGHT: f64 = 44.0;

/// The custom properties a stylesheet reads (`var(--name…)`), each once, in order of first use.
pub fn css_variables(css: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in css.match_indices("var(") {
        let rest = css[at + 4..].trim_start();
        if !rest.starts_with("--") {
            continue;
        }
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
        let name = &rest[..end];
        if name.len() > 2 && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Escapes a text for XML content and attribute values.
///
/// ```
/// assert_eq!(atlas_core::export::xml_escape("A & B <\"c\">"), "A &amp; B &lt;&quot;c&quot;&gt;");
/// ```
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet of the file: the custom properties with their values, the font, then the
/// map's own rules, in a CDATA section (a rule's `>` needs no escaping there).
fn style_sheet(export: &SvgExport<'_>) -> String {
    let mut properties = String::new();
    for (name, value) in export.variables {
        let safe = |s: &str| !s.contains([';', '{', '}', '<']) && !s.is_empty();
        if name.starts_with("--") && safe(name) && safe(value.trim()) {
            properties.push_str(&format!("  {name}: {};\n", value.trim()));
        }
    }
    let font = export.font_family.replace(['{', '}', ';', '<'], "");
    let css = export.css.replace("]]>", "]] >");
    format!(
        "svg.atlas-export {{\n{properties}  font-family: {font};\n}}\n\
         .export-title {{ font-size: 22px; font-weight: 700; fill: #1d232b; }}\n\
         .export-date {{ font-size: 16px; fill: #1d232b; }}\n\
         .export-caption {{ font-size: 14px; fill: #3b4350; }}\n\
         .export-credit {{ font-size: 12px; fill: #3b4350; }}\n{css}"
    )
}

/// The whole file: the map at its size on screen, a band above it with the title, the date and
/// what changed, and one below with the credits; the stylesheet inside.
pub fn standalone_svg(export: &SvgExport<'_>) -> String {
    let width = export.width.max(1.0).round();
    let height = export.height.max(1.0).round();
    let total = height + HEADER_HEIGHT + FOOTER_HEIGHT;
    // The map's own element, placed under the header at its size (its attributes as drawn,
    // its `width`/`height` set here: a nested `<svg>` is a viewport of its own).
    let map = export.map.trim();
    let map = match map.strip_prefix("<svg") {
        Some(rest) => format!(
            "<svg x=\"0\" y=\"{HEADER_HEIGHT}\" width=\"{width}\" height=\"{height}\"{}",
            strip_attributes(rest, &["width", "height", "x", "y", "style", "tabindex"])
        ),
        None => String::new(),
    };
    let text = |class: &str, x: f64, y: f64, content: &str| {
        format!("<text class=\"{class}\" x=\"{x}\" y=\"{y}\">{}</text>\n", xml_escape(content))
    };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"atlas-export\" \
         width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" xml:lang=\"{}\">\n",
        xml_escape(export.lang)
    );
    out.push_str(&format!("<title>{} — {}</title>\n", xml_escape(export.title), xml_escape(export.date)));
    out.push_str(&format!("<style><![CDATA[\n{}\n]]></style>\n", style_sheet(export)));
    out.push_str(&format!("<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{total}\" fill=\"#ffffff\"/>\n"));
    out.push_str(&text("export-title", 12.0, 28.0, export.title));
    out.push_str(&text("export-date", 12.0, 50.0, export.date));
    // The caption (14 px) and the credits (12 px) in up to two lines each, as wide as the map.
    let fits = |font_px: f64| ((width - 24.0) / (font_px * AVERAGE_GLYPH_EM)).floor().max(20.0) as usize;
    for (i, line) in wrap_lines(export.caption, fits(14.0), 2).iter().enumerate() {
        out.push_str(&text("export-caption", 12.0, 68.0 + 17.0 * i as f64, line));
    }
    out.push_str(&map);
    out.push('\n');
    let credit = wrap_lines(export.credit, fits(12.0), 2);
    for (i, line) in credit.iter().enumerate() {
        out.push_str(&text("export-credit", 12.0, total - 10.0 - 15.0 * (credit.len() - 1 - i) as f64, line));
    }
    out.push_str("</svg>\n");
    out
}

/// An average glyph's width in the export's sans-serif type, in ems (for where a line breaks).
const AVERAGE_GLYPH_EM: f64 = 0.55;

/// `text` broken between words into lines of at most `max_chars` characters, at most
/// `max_lines` of them; a text cut short ends in "…".
///
/// ```
/// use atlas_core::export::wrap_lines;
/// assert_eq!(wrap_lines("1933 → 1934: borders unchanged.", 14, 3), ["1933 → 1934:", "borders", "unchanged."]);
/// assert_eq!(wrap_lines("one two three four", 8, 2), ["one two", "three…"]);
/// assert!(wrap_lines("", 10, 2).is_empty());
/// ```
pub fn wrap_lines(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let fits = lines.last().is_some_and(|line| line.chars().count() + 1 + word.chars().count() <= max_chars);
        if fits {
            if let Some(line) = lines.last_mut() {
                line.push(' ');
                line.push_str(word);
            }
        } else if lines.len() == max_lines {
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
            break;
        } else {
            lines.push(word.to_owned());
        }
    }
    lines
}

/// The rest of an element's start tag and its content (`rest` follows `<svg`) without the named
/// attributes of the start tag.
fn strip_attributes(rest: &str, names: &[&str]) -> String {
    let Some(end) = start_tag_end(rest) else { return rest.to_owned() };
    let (tag, content) = rest.split_at(end);
    let mut kept = String::new();
    let mut chars = tag;
    loop {
        let trimmed = chars.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let name_end = trimmed.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        let after = &trimmed[name_end..];
        let attribute_len = match after.strip_prefix('=') {
            Some(value) => {
                let len = match value.chars().next() {
                    Some(quote @ ('"' | '\'')) => value[1..].find(quote).map_or(value.len(), |i| i + 2),
                    _ => value.find(char::is_whitespace).unwrap_or(value.len()),
                };
                name_end + 1 + len
            }
            None => name_end,
        };
        if !names.contains(&name) {
            kept.push(' ');
            kept.push_str(&trimmed[..attribute_len]);
        }
        chars = &trimmed[attribute_len..];
    }
    format!("{kept}{content}")
}

/// Where the start tag ends (the `>` outside quoted values), in `rest` after the tag's name.
fn start_tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export<'a>(map: &'a str, variables: &'a [(String, String)]) -> SvgExport<'a> {
        SvgExport {
            map,
            width: 640.4,
            height: 480.0,
            css: ".state-name { fill: #4a4338; font-size: var(--state-font); }",
            variables,
            font_family: "\"Noto Sans\", sans-serif",
            title: "Baltijas Antante, 1919–1940",
            date: "Robežas 1934. gada 31. decembrī",
            caption: "1933 → 1934: <līgums>",
            credit: "Pamatkarte: Natural Earth & projekts",
            lang: "lv",
        }
    }

    #[test]
    fn the_variables_are_read_once_each() {
        let css =
            "a { color: var(--ink); b: var( --ink ); c: calc(var(--thumb) / 2); d: var(--x, 0px) } e { f: var(not) }";
        assert_eq!(css_variables(css), vec!["--ink", "--thumb", "--x"]);
        assert!(css_variables("").is_empty());
    }

    #[test]
    fn the_map_goes_under_the_header_at_its_size() {
        let variables = [("--state-font".to_owned(), " 15px ".to_owned()), ("--bad".to_owned(), "x;}<".to_owned())];
        let map = r#"<svg class="map" viewBox="0 0 640 480" tabindex="0" style="--zoom: 1" width="9" data-testid="map"><text class="state-name" x="300" y="200">Latvija</text></svg>"#;
        let svg = standalone_svg(&export(map, &variables));
        assert!(svg.contains(&format!(r#"<svg x="0" y="{HEADER_HEIGHT}" width="640" height="480" class="map" viewBox="0 0 640 480" data-testid="map">"#)), "{svg}");
        assert!(svg.contains(r#"<text class="state-name" x="300" y="200">Latvija</text>"#));
        assert!(svg.contains("--state-font: 15px;") && !svg.contains("--bad"), "{svg}");
        assert!(svg.contains(&format!("viewBox=\"0 0 640 {}\"", 480.0 + HEADER_HEIGHT + FOOTER_HEIGHT)));
        assert!(svg.contains("1933 → 1934: &lt;līgums&gt;") && svg.contains("Natural Earth &amp; projekts"));
        assert!(svg.contains("xml:lang=\"lv\"") && svg.contains("font-family: \"Noto Sans\", sans-serif;"));
        assert!(svg.contains("<![CDATA[") && svg.ends_with("</svg>\n"));
    }

    #[test]
    fn a_quoted_greater_than_sign_stays_in_its_attribute() {
        let rest = r#" class="a>b" tabindex='0' d="M0 0"><g/></svg>"#;
        assert_eq!(strip_attributes(rest, &["tabindex"]), r#" class="a>b" d="M0 0"><g/></svg>"#);
        assert_eq!(strip_attributes(" focusable class=\"x\">", &["class"]), " focusable>");
    }

    #[test]
    fn no_caption_no_line() {
        let mut e = export("<svg></svg>", &[]);
        e.caption = "";
        assert!(!standalone_svg(&e).contains("export-caption\" x"));
    }
}
