//! End-to-end tests of the photographs on events (issue 20, item 5): a fixture events.geojson
//! (the served one, with `media` added to two events of 1920) and a fixture photograph
//! (tests/fixtures/media/, drawn by make_fixtures.py there), served with `override_path`.
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::page::{sel, AtlasPage};
use crate::support::{self, with_page, Override, PageOptions};

/// The event that carries the fixture photograph, and the one whose image file is missing.
const WITH_PHOTO: &str = "conference-1920-08-bulduri";
const WITH_MISSING_PHOTO: &str = "conference-1920-01-helsinki";
const PHOTO_FILE: &str = "media/fixture-landscape.png";
const PHOTO: &[u8] = include_bytes!("../fixtures/media/fixture-landscape.png");
const CREDIT: &str = "Test fixture drawn by tests/fixtures/media/make_fixtures.py";

/// The caption and alt text in each language (the fixture's; a real one says who is pictured).
fn caption() -> Value {
    json!({
        "en": "Delegates and observers of the Bulduri conference",
        "lv": "Bulduru konferences delegāti un novērotāji",
        "lt": "Buldurių konferencijos delegatai ir stebėtojai",
        "et": "Bulduri konverentsi delegaadid ja vaatlejad",
        "ru": "Делегаты и наблюдатели Булдурской конференции"
    })
}

fn alt() -> Value {
    json!({
        "en": "A row of dark figures behind a long table",
        "lv": "Tumšu figūru rinda aiz gara galda",
        "lt": "Tamsių figūrų eilė už ilgo stalo",
        "et": "Tumedate kujude rida pika laua taga",
        "ru": "Ряд тёмных фигур за длинным столом"
    })
}

fn image(file: &str) -> Value {
    json!({
        "file": file, "width": 600, "height": 400, "caption": caption(), "alt": alt(), "credit": CREDIT,
        "licence": {"name": "Public domain", "url": "https://creativecommons.org/publicdomain/mark/1.0/"},
        "source": "tests/fixtures/media/make_fixtures.py"
    })
}

/// The served events.geojson with the fixture photograph on [`WITH_PHOTO`] and an image that
/// is not there on [`WITH_MISSING_PHOTO`]; and the options that serve it with the photograph.
fn options_with_photographs() -> PageOptions {
    let mut events = support::served_data("events.geojson");
    for feature in events["features"].as_array_mut().expect("features") {
        let id = feature["properties"]["id"].as_str().unwrap_or_default().to_owned();
        if id == WITH_PHOTO {
            feature["properties"]["media"] = json!([image(PHOTO_FILE)]);
        } else if id == WITH_MISSING_PHOTO {
            feature["properties"]["media"] = json!([image("media/not-there.png")]);
        }
    }
    let text = serde_json::to_vec(&events).expect("JSON");
    PageOptions::default()
        .override_path("/data/events.geojson", Override::ok("events.geojson", text))
        .override_path(&format!("/data/{PHOTO_FILE}"), Override::ok(PHOTO_FILE, PHOTO))
}

/// An interface text of the served language file `lang`.
fn ui_text(lang: &str, key: &str) -> String {
    let file = support::served_data(&format!("lang/{lang}.json"));
    file["texts"][key].as_str().unwrap_or_else(|| panic!("lang/{lang}.json has no {key}")).to_owned()
}

fn card(id: &str) -> String {
    format!(r#"[{}="{id}"]"#, sel::EVENT_ID_ATTR)
}

/// What the page says of the figure in `card`: its image's attributes and load state, its
/// caption's text, and whether the figure is shown.
const FIGURE: &str = r#"
    const figure = document.querySelector(arguments[0] + " figure");
    if (!figure) return null;
    const img = figure.querySelector("img");
    const r = img.getBoundingClientRect();
    return {
        shown: figure.offsetParent !== null,
        hidden: figure.hidden,
        loading: img.getAttribute("loading"), decoding: img.getAttribute("decoding"),
        width: img.getAttribute("width"), height: img.getAttribute("height"), alt: img.alt,
        loaded: img.complete && img.naturalWidth > 0, failed: img.complete && img.naturalWidth === 0,
        caption: figure.querySelector("figcaption").innerText,
        captionLang: figure.querySelector(".media-caption").lang,
        box: [r.left, r.top, r.width, r.height], viewport: [innerWidth, innerHeight],
        fetched: performance.getEntriesByType("resource").some((e) => e.name.includes("/data/media/")),
    };
"#;

async fn figure(page: &AtlasPage, card_css: &str) -> Value {
    page.client().execute(FIGURE, vec![Value::from(card_css)]).await.expect("reading the figure")
}

/// Whether any image on the page has been fetched from `data/media/` yet.
async fn any_media_fetched(page: &AtlasPage) -> bool {
    let script = r#"return performance.getEntriesByType("resource").some((e) => e.name.includes("/data/media/"));"#;
    page.run_script(script).await.as_bool().unwrap_or(true)
}

/// Opens the details of the event card `id` in the list (its "Details" disclosure).
async fn open_details(page: &AtlasPage, id: &str) {
    page.find(&card(id)).await;
    page.click(&format!("{} .event-details summary", card(id))).await;
}

#[tokio::test]
async fn an_events_photograph_shows_lazily_with_its_caption_credit_and_licence_in_the_visitors_language() {
    with_page(options_with_photographs().size(1280, 800), |page| async move {
        for lang in ["lv", "ru"] {
            page.open(&format!("?year=1920&lang={lang}")).await;
            page.find(&card(WITH_PHOTO)).await;
            assert!(figure(&page, &card(WITH_PHOTO)).await.is_null(), "{lang}: no figure before the details open");
            assert!(!any_media_fetched(&page).await, "{lang}: a photograph was fetched before its details opened");
            open_details(&page, WITH_PHOTO).await;
            let shown = page
                .wait_until("the photograph to load", Duration::from_secs(10), || async {
                    let f = figure(&page, &card(WITH_PHOTO)).await;
                    (f["loaded"] == true).then_some(f)
                })
                .await;
            assert_eq!(shown["shown"], true, "{lang}: {shown}");
            assert_eq!((shown["loading"].as_str(), shown["decoding"].as_str()), (Some("lazy"), Some("async")));
            assert_eq!((shown["width"].as_str(), shown["height"].as_str()), (Some("600"), Some("400")));
            assert_eq!(shown["alt"], alt()[lang], "{lang}: the alt text is in the visitor's language");
            assert_eq!(shown["captionLang"], lang);
            let text = shown["caption"].as_str().unwrap_or_default();
            let credit = ui_text(lang, "photo_credit").replace("{credit}", CREDIT);
            for expected in [caption()[lang].as_str().unwrap_or_default(), &credit, &ui_text(lang, "public_domain")] {
                assert!(text.contains(expected), "{lang}: the caption {text:?} lacks {expected:?}");
            }
            assert!(shown["fetched"] == true, "{lang}: the photograph was not fetched from data/media/");
            // Never taller than a third of the screen (the map and time bar stay in sight).
            let (height, screen) =
                (shown["box"][3].as_f64().unwrap_or(0.0), shown["viewport"][1].as_f64().unwrap_or(0.0));
            assert!(height > 50.0 && height <= 0.34 * screen + 1.0, "{lang}: image {height} px high on {screen}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_missing_image_hides_its_figure_and_leaves_no_broken_image_icon() {
    with_page(options_with_photographs().size(1280, 800), |page| async move {
        page.open("?year=1920&lang=en").await;
        open_details(&page, WITH_MISSING_PHOTO).await;
        let gone = page
            .wait_until("the missing image's figure to be hidden", Duration::from_secs(10), || async {
                let f = figure(&page, &card(WITH_MISSING_PHOTO)).await;
                (f["hidden"] == true).then_some(f)
            })
            .await;
        assert_eq!(gone["shown"], false, "{gone}");
        assert_eq!(gone["failed"], true, "the fixture's image is really missing: {gone}");
        // The rest of the details are still there, and no broken image shows anywhere.
        let summary = page.text_of(&format!("{} .event-summary", card(WITH_MISSING_PHOTO))).await.unwrap_or_default();
        assert!(summary.len() > 40, "{summary:?}");
        let broken = page
            .run_script(
                "return [...document.querySelectorAll('img')].filter((i) => i.offsetParent !== null && i.complete \
                 && i.naturalWidth === 0).map((i) => i.src);",
            )
            .await;
        assert_eq!(broken, json!([]), "a broken image is shown");
    })
    .await;
}

/// For a person to look at: the event with its photograph at the sizes the atlas is made for,
/// in Latvian and Russian (`<target>/screenshots/media-*.png`).
#[tokio::test]
async fn screenshots_of_an_event_with_its_photograph() {
    let layouts = [
        ("1920x1080", 1920, 1080, ""),
        ("1280x800", 1280, 800, ""),
        ("kiosk-1080x1920", 1080, 1920, "kiosk&"),
        ("kiosk-1920x1080", 1920, 1080, "kiosk&"),
        ("phone-390x844", 390, 844, ""),
        ("embed-800x500", 800, 500, "embed&"),
    ];
    for (name, width, height, mode) in layouts {
        with_page(options_with_photographs().size(width, height), move |page| async move {
            for lang in ["lv", "ru"] {
                page.open(&format!("?{mode}year=1920&lang={lang}")).await;
                page.find(&card(WITH_PHOTO)).await;
                // By script: a kiosk's card may lie under the fold of its column until revealed.
                let script = format!("document.querySelector('{} .event-details summary').click();", card(WITH_PHOTO));
                page.run_script(&script).await;
                page.wait_until("the photograph to load", Duration::from_secs(10), || async {
                    (figure(&page, &card(WITH_PHOTO)).await["loaded"] == true).then_some(())
                })
                .await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                let path = support::screenshot_dir().join(format!("media-{name}-{lang}.png"));
                assert_eq!(page.screenshot(&path).await, (width, height), "{}", path.display());
                // The map stays in sight: most of it is on screen (but on a phone, whose page scrolls
                // the map away under the list by design).
                let map = page.rect_of(r#"[data-testid="map"]"#).await;
                if let (Some([_, top, _, bottom]), false) = (map, name.starts_with("phone")) {
                    let visible = bottom.min(f64::from(height)) - top.max(0.0);
                    let whole = bottom - top;
                    assert!(
                        visible > 0.6 * whole,
                        "{name} {lang}: only {visible} px of the map's {whole} are on screen"
                    );
                }
            }
        })
        .await;
    }
}
