//! Issue 21, items 3 and 4: the QR code of the view on screen (decoded here from a screenshot
//! of it), the printed sheet (one A4 page, printed to PDF through DevTools, with the year's
//! events in it), and the map saved as a standalone SVG (opened on its own, its state names where
//! the page shows them) and as PNG.
use std::time::Duration;

use base64::Engine as _;

use atlas_core::export::{FOOTER_HEIGHT, HEADER_HEIGHT};

use crate::support::cdp::cdp;
use crate::support::page::png_size;
use crate::support::{screenshot_dir, with_page, AtlasPage, Override, PageOptions};

const PUBLIC_URL: &str = "https://museum.example/atlas/";
const QR_OPEN: &str = r#"[data-testid="qr-open"]"#;
const QR_DIALOG: &str = r#"[data-testid="qr-dialog"]"#;
const QR_CODE: &str = r#"[data-testid="qr-code"]"#;

/// The served settings with a public copy.
fn with_public_copy(options: PageOptions) -> PageOptions {
    let settings = format!(r#"{{"public_url": "{PUBLIC_URL}"}}"#);
    options.override_path("/data/settings.json", Override::ok("settings.json", settings))
}

/// Reads the QR code in a PNG (a screenshot of the code's element).
fn decode_qr(png: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).expect("the PNG's pixels");
    let channels = frame.color_type.samples();
    let (width, height) = (frame.width as usize, frame.height as usize);
    let grey = |x: usize, y: usize| {
        let at = (y * width + x) * channels;
        let rgb = &pixels[at..at + channels.min(3)];
        (rgb.iter().map(|&v| u32::from(v)).sum::<u32>() / rgb.len() as u32) as u8
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, grey);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the {width}×{height} screenshot");
    grids[0].decode().expect("a readable QR code").1
}

/// Opens the dialog, reads its code and its written link, and closes it with Escape.
async fn read_the_code(page: &AtlasPage, name: &str) -> String {
    page.click(QR_OPEN).await;
    let code = page.find(QR_CODE).await;
    let [left, top, right, bottom] = page.rect_of(QR_CODE).await.expect("the code's box");
    assert!(right - left >= 230.0 && bottom - top >= 230.0, "6 cm and more at 96 px an inch: {left}…{right}");
    let png = code.screenshot().await.expect("a screenshot of the code");
    std::fs::create_dir_all(screenshot_dir()).expect("the screenshots' folder");
    std::fs::write(screenshot_dir().join(format!("qr-{name}.png")), &png).expect("writing the code's screenshot");
    let decoded = decode_qr(&png);
    let written = page.text_of(r#"[data-testid="qr-link"]"#).await.unwrap_or_default();
    assert_eq!(written.trim(), decoded, "the link under the code is the code's");
    page.press_escape().await;
    page.wait_until("the dialog to close", Duration::from_secs(5), || async {
        page.find_now(&format!("{QR_DIALOG}[open]")).await.is_none().then_some(())
    })
    .await;
    let focused = page.run_script("return document.activeElement?.getAttribute('data-testid');").await;
    assert_eq!(focused.as_str(), Some("qr-open"), "the focus goes back to the button");
    decoded
}

#[tokio::test]
async fn the_qr_code_decodes_to_the_view_on_screen() {
    with_page(with_public_copy(PageOptions::default().size(1920, 1080)), |page| async move {
        page.open("?year=1934&lang=lv").await;
        assert_eq!(read_the_code(&page, "1934-lv").await, format!("{PUBLIC_URL}?year=1934&lang=lv"));
        // The dialog, its own screenshot for a look.
        page.click(QR_OPEN).await;
        page.find(QR_CODE).await;
        page.screenshot(&screenshot_dir().join("qr-dialog-1920.png")).await;
        page.press_escape().await;
        // Another year, a city and a language: the code follows.
        page.set_year(1939).await;
        page.click_city("riga").await;
        page.click(r#"[data-testid="lang-et"]"#).await;
        page.wait_for_query("Estonian", |q| q.contains("lang=et")).await;
        let panel_open = page.panel_is_open().await;
        assert!(panel_open, "Riga's panel is open");
        assert_eq!(read_the_code(&page, "1939-riga-et").await, format!("{PUBLIC_URL}?year=1939&city=riga&lang=et"));
        // Escape closed the dialog, and only the dialog.
        assert!(page.panel_is_open().await, "Escape in the dialog left the city's panel open");
    })
    .await;
}

#[tokio::test]
async fn the_kiosk_shows_the_code_and_its_return_to_the_start_closes_it() {
    let options = with_public_copy(PageOptions::default().size(1080, 1920)).timeout(Duration::from_secs(90));
    with_page(options, |page| async move {
        page.open("?kiosk&idle=2&lang=lt&year=1923").await;
        page.tap(QR_OPEN).await;
        page.find(QR_CODE).await;
        let [left, _, right, _] = page.rect_of(QR_CODE).await.expect("the code's box");
        assert!(right - left >= 400.0, "larger on the kiosk: {left}…{right}");
        page.screenshot(&screenshot_dir().join("qr-dialog-kiosk-1080x1920.png")).await;
        let png = page.find(QR_CODE).await.screenshot().await.expect("a screenshot of the code");
        assert_eq!(decode_qr(&png), format!("{PUBLIC_URL}?year=1923&lang=lt"), "no ?kiosk in the visitor's link");
        // Left alone, the kiosk counts down and returns to its start: the dialog closes.
        page.wait_until("the dialog to close on the kiosk's reset", Duration::from_secs(45), || async {
            page.find_now(&format!("{QR_DIALOG}[open]")).await.is_none().then_some(())
        })
        .await;
    })
    .await;
}

/// The text of a PDF's pages, through lopdf (the fonts' ToUnicode maps).
fn pdf_pages_and_text(pdf: &[u8]) -> (usize, String) {
    let document = lopdf::Document::load_mem(pdf).expect("a PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("the PDF's text");
    (pages.len(), text)
}

/// A text without its white space: a title wrapped at its hyphen ("non-⏎aggression") or a
/// quotation mark set apart by the PDF's text runs still matches.
/// The PDF's ligatures ("ﬂ" in "konﬂikts") are written out.
fn squashed(text: &str) -> String {
    let text = text.replace('\u{FB00}', "ff").replace('\u{FB01}', "fi").replace('\u{FB02}', "fl");
    text.replace('\u{FB03}', "ffi").replace('\u{FB04}', "ffl").split_whitespace().collect()
}

#[tokio::test]
async fn printing_gives_one_a4_landscape_page_with_the_years_events() {
    for (year, lang) in [(1934, "en"), (1940, "lv")] {
        with_page(PageOptions::default().size(1280, 800), move |page| async move {
            page.open(&format!("?year={year}&lang={lang}")).await;
            // The shipped settings name no public copy: no QR button.
            assert!(page.find_now(QR_OPEN).await.is_none(), "a QR button without a public copy");
            let titles = page
                .run_script(
                    r#"return [...document.querySelectorAll('[data-testid="active-events"] [data-event-id]:not([hidden]) .event-title')].map(e => e.textContent);"#,
                )
                .await;
            let titles: Vec<String> =
                titles.as_array().expect("a list").iter().filter_map(|t| t.as_str().map(squashed)).collect();
            assert!(titles.len() >= 3, "{year}'s events: {titles:?}");
            let printed = cdp(
                &page,
                "Page.printToPDF",
                serde_json::json!({ "preferCSSPageSize": true, "printBackground": true }),
            )
            .await;
            let pdf = base64::engine::general_purpose::STANDARD
                .decode(printed["data"].as_str().expect("the PDF in base64"))
                .expect("base64");
            std::fs::create_dir_all(screenshot_dir()).expect("the screenshots' folder");
            std::fs::write(screenshot_dir().join(format!("print-{year}-{lang}.pdf")), &pdf).expect("writing the PDF");
            let (pages, text) = pdf_pages_and_text(&pdf);
            assert_eq!(pages, 1, "{year}: one sheet");
            let text = squashed(&text);
            for title in &titles {
                assert!(text.contains(title.as_str()), "{year}: «{title}» is not on the printed page:\n{text}");
            }
            let year_text = year.to_string();
            assert!(text.contains(&year_text), "the year on the sheet");
            // A4 landscape: 297 × 210 mm is 842 × 595 points.
            let document = lopdf::Document::load_mem(&pdf).expect("a PDF");
            let (_, page_id) = document.get_pages().into_iter().next().expect("a page");
            let media_box = document
                .get_dictionary(page_id)
                .and_then(|d| d.get(b"MediaBox"))
                .and_then(|b| b.as_array().cloned())
                .expect("the page's MediaBox");
            let size: Vec<f32> = media_box.iter().filter_map(|v| v.as_float().ok()).collect();
            assert!((size[2] - 842.0).abs() < 2.0 && (size[3] - 595.0).abs() < 2.0, "A4 landscape: {size:?}");
        })
        .await;
    }
}

/// The state names of the map on screen: each name with the centre of its box, relative to the
/// map's box.
const STATE_NAMES: &str = r#"
  const map = document.querySelector(arguments[0]).getBoundingClientRect();
  return [...document.querySelectorAll(arguments[0] + ' text.state-name')].map(t => {
    const r = t.getBoundingClientRect();
    return [t.textContent, r.x + r.width / 2 - map.x, r.y + r.height / 2 - map.y, parseFloat(getComputedStyle(t).fontSize)];
  }).filter(n => n[0]);"#;

fn names(value: &serde_json::Value) -> Vec<(String, f64, f64, f64)> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|n| {
            let f = |i: usize| n[i].as_f64().unwrap_or(f64::NAN);
            (n[0].as_str().unwrap_or_default().to_owned(), f(1), f(2), f(3))
        })
        .collect()
}

/// The file the last "Download map" click offered (its name, and its bytes from the link's
/// `data:` address), once there.
async fn downloaded(page: &AtlasPage, extension: &str) -> (String, Vec<u8>) {
    let css = format!(r#"a[data-testid="map-download-file"][download$=".{extension}"]"#);
    page.wait_until("the downloaded file", Duration::from_secs(10), || async { page.find_now(&css).await.map(|_| ()) })
        .await;
    let name = page.attr(&css, "download").await.unwrap_or_default();
    let href = page.attr(&css, "href").await.unwrap_or_default();
    let (head, body) = href.split_once(',').expect("a data: address");
    let bytes = if head.ends_with(";base64") {
        base64::engine::general_purpose::STANDARD.decode(body).expect("base64")
    } else {
        percent_encoding::percent_decode_str(body).collect()
    };
    let mime = head.trim_start_matches("data:").split(';').next().unwrap_or_default();
    let expected = if extension == "svg" { "image/svg+xml" } else { "image/png" };
    assert_eq!(mime, expected, "{head}");
    (name, bytes)
}

#[tokio::test]
async fn the_downloaded_map_shows_the_state_names_at_their_places() {
    with_page(PageOptions::default().size(1280, 800), |page| async move {
        page.open("?year=1934&lang=lv").await;
        let map_css = r#"svg[data-testid="map"]"#;
        let on_screen = names(&page.client().execute(STATE_NAMES, vec![serde_json::json!(map_css)]).await.expect("names"));
        assert!(on_screen.iter().any(|n| n.0 == "Latvija"), "{on_screen:?}");
        let [left, top, right, bottom] = page.rect_of(map_css).await.expect("the map's box");
        let map_size = (right - left, bottom - top);
        page.click(r#"[data-testid="download-svg"]"#).await;
        let date = page.text_of(r#"[data-testid="borders-date"]"#).await.expect("the date on screen");
        let (name, file) = downloaded(&page, "svg").await;
        assert_eq!(name, "entente-atlas-1934-12-31.svg");
        let svg = String::from_utf8(file).expect("UTF-8");
        std::fs::write(screenshot_dir().join("download-1934-lv.svg"), &svg).expect("writing the SVG");
        assert!(svg.contains("<style>") && svg.contains(date.trim()), "the date «{date}» in it");
        // The PNG, at twice the size.
        page.click(r#"[data-testid="download-png"]"#).await;
        let (png_name, png) = downloaded(&page, "png").await;
        assert_eq!(png_name, "entente-atlas-1934-12-31.png");
        let (width, height) = png_size(&png).expect("a PNG");
        let expected = (2.0 * map_size.0.round(), 2.0 * (map_size.1.round() + HEADER_HEIGHT + FOOTER_HEIGHT));
        assert!((f64::from(width) - expected.0).abs() <= 2.0 && (f64::from(height) - expected.1).abs() <= 2.0, "{width}×{height}, {expected:?}");
        std::fs::write(screenshot_dir().join("download-1934-lv-as.png"), &png).expect("writing the PNG");

        // The SVG on its own, as a browser opens a file: no page, no stylesheet but its own.
        let encoded = base64::engine::general_purpose::STANDARD.encode(svg.as_bytes());
        page.client().goto(&format!("data:image/svg+xml;base64,{encoded}")).await.expect("opening the SVG");
        page.screenshot(&screenshot_dir().join("download-1934-lv.png")).await;
        let header = HEADER_HEIGHT;
        let alone = page
            .client()
            .execute(
                r#"
                const svg = document.documentElement, inner = svg.querySelector('svg.map');
                const root = svg.getBoundingClientRect();
                // A nested <svg>'s client rect is its drawing's bounds: its viewport is its x and y.
                const frame = { x: root.x + inner.x.baseVal.value, y: root.y + inner.y.baseVal.value };
                return [...svg.querySelectorAll('text.state-name')].map(t => {
                  const r = t.getBoundingClientRect();
                  return [t.textContent, r.x + r.width / 2 - frame.x, r.y + r.height / 2 - frame.y, parseFloat(getComputedStyle(t).fontSize), frame.y - svg.querySelector('.export-date').getBoundingClientRect().bottom];
                }).filter(n => n[0]);"#,
                vec![],
            )
            .await
            .expect("the names in the file");
        let frame_top = alone[0][4].as_f64().unwrap_or(f64::NAN);
        assert!(frame_top > 0.0 && frame_top < header, "the map under the date line: {frame_top}");
        let alone = names(&alone);
        assert_eq!(alone.len(), on_screen.len(), "every name: {alone:?} / {on_screen:?}");
        for ((name, x, y, size), (shown, sx, sy, ssize)) in alone.iter().zip(&on_screen) {
            assert_eq!(name, shown);
            assert!((x - sx).abs() < 3.0 && (y - sy).abs() < 3.0, "{name} at ({x}, {y}), on screen ({sx}, {sy})");
            assert!((size - ssize).abs() < 0.5, "{name} in {size}px, on screen {ssize}px: the style is in the file");
            assert!(*x > 0.0 && *x < map_size.0 && *y > 0.0 && *y < map_size.1, "{name} inside the frame");
        }
        assert!(alone.iter().any(|n| n.0 == "Latvija") && alone.iter().any(|n| n.0 == "Igaunija"), "{alone:?}");
    })
    .await;
}
