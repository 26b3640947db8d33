//! "Download map": the map on screen saved as a file. This reads what the browser has drawn (the
//! map's `<svg>`, its stylesheet as loaded, the values of the custom properties it uses) and hands
//! it to atlas-core's [`atlas_core::export::standalone_svg`], which writes the file; for a PNG the
//! file is drawn onto a canvas at twice its size. The file is offered through a link with
//! `download` and the file in a `data:` address (left in the page, hidden, until the next export),
//! which the end-to-end tests read back: a `blob:` address could not be read back under the
//! page's `connect-src 'self'`, and needs no exception in the policy this way.
use atlas_core::export::{css_variables, standalone_svg, SvgExport};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The texts written above and below the map.
#[derive(Debug, Clone)]
pub struct ExportTexts {
    pub title: String,
    pub date: String,
    pub caption: String,
    pub credit: String,
    pub lang: String,
    /// The file's name without its extension: `entente-atlas-1934-12-31`.
    pub file_stem: String,
}

/// Why a map could not be saved (said on the console; the button stays usable).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no document")]
    NoDocument,
    #[error("the map is not on the page")]
    NoMap,
    #[error("the browser refused: {0}")]
    Browser(String),
}

impl From<JsValue> for ExportError {
    fn from(value: JsValue) -> Self {
        ExportError::Browser(
            value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{value:?}")),
        )
    }
}

/// The text of the map's stylesheet (map.css, whatever name the build gave it), from the CSSOM.
fn map_css(document: &web_sys::Document) -> String {
    let sheets = document.style_sheets();
    let mut texts = Vec::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets.item(i).and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok()) else { continue };
        let href = sheet.href().ok().flatten().unwrap_or_default();
        let file = href.rsplit('/').next().unwrap_or_default();
        if !(file.starts_with("map") && file.ends_with(".css")) {
            continue;
        }
        let Ok(rules) = sheet.css_rules() else { continue };
        for r in 0..rules.length() {
            if let Some(rule) = rules.item(r) {
                texts.push(rule.css_text());
            }
        }
    }
    texts.join("\n")
}

/// The map as a standalone SVG document.
pub fn map_svg(texts: &ExportTexts) -> Result<String, ExportError> {
    let window = web_sys::window().ok_or(ExportError::NoDocument)?;
    let document = window.document().ok_or(ExportError::NoDocument)?;
    let map = document.query_selector("svg[data-testid='map']")?.ok_or(ExportError::NoMap)?;
    let markup = web_sys::XmlSerializer::new()?.serialize_to_string(&map)?;
    let rect = map.get_bounding_client_rect();
    let css = map_css(&document);
    let style = window.get_computed_style(&map)?.ok_or(ExportError::NoMap)?;
    let variables: Vec<(String, String)> = css_variables(&css)
        .into_iter()
        .filter_map(|name| {
            let value = style.get_property_value(&name).ok()?;
            (!value.trim().is_empty()).then_some((name, value))
        })
        .collect();
    let font_family = style.get_property_value("font-family").unwrap_or_default();
    Ok(standalone_svg(&SvgExport {
        map: &markup,
        width: rect.width(),
        height: rect.height(),
        css: &css,
        variables: &variables,
        font_family: &font_family,
        title: &texts.title,
        date: &texts.date,
        caption: &texts.caption,
        credit: &texts.credit,
        lang: &texts.lang,
    }))
}

/// Offers a file (its `data:` address): a hidden link with `download`, clicked (the previous
/// one removed).
fn offer(href: &str, name: &str, mime: &str) -> Result<(), ExportError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(ExportError::NoDocument)?;
    if let Some(old) = document.query_selector("a[data-testid='map-download-file']")? {
        old.remove();
    }
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(name);
    link.set_hidden(true);
    link.set_attribute("data-testid", "map-download-file")?;
    link.set_attribute("type", mime)?;
    document.body().ok_or(ExportError::NoDocument)?.append_child(&link)?;
    link.click();
    Ok(())
}

/// A text's `data:` address.
fn svg_data_url(svg: &str) -> String {
    format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg))
}

/// Saves the map as `<stem>.svg`.
pub fn download_svg(texts: &ExportTexts) -> Result<(), ExportError> {
    let svg = map_svg(texts)?;
    offer(&svg_data_url(&svg), &format!("{}.svg", texts.file_stem), "image/svg+xml")
}

/// How many pixels of the PNG for one CSS pixel of the map.
const PNG_SCALE: f64 = 2.0;

/// Saves the map as `<stem>.png`: the SVG drawn by the browser (an image from a `data:` address,
/// which the page's `img-src 'self' data:` allows) onto a canvas twice its size.
pub fn download_png(texts: &ExportTexts) -> Result<(), ExportError> {
    let svg = map_svg(texts)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(ExportError::NoDocument)?;
    let image = web_sys::HtmlImageElement::new()?;
    let name = format!("{}.png", texts.file_stem);
    let drawn = image.clone();
    let onload = Closure::once_into_js(move || {
        if let Err(e) = draw_and_offer(&document, &drawn, name) {
            web_sys::console::warn_1(&format!("entente-atlas: the PNG could not be made: {e}").into());
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&svg_data_url(&svg));
    Ok(())
}

fn draw_and_offer(
    document: &web_sys::Document,
    image: &web_sys::HtmlImageElement,
    name: String,
) -> Result<(), ExportError> {
    let (width, height) = (f64::from(image.natural_width()), f64::from(image.natural_height()));
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width((width * PNG_SCALE).round() as u32);
    canvas.set_height((height * PNG_SCALE).round() as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(ExportError::NoDocument)?.unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width * PNG_SCALE, height * PNG_SCALE)?;
    let png = canvas.to_data_url_with_type("image/png")?;
    offer(&png, &name, "image/png")
}
