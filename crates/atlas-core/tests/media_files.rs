//! The curator's validator on photographs: a copy of the committed data in which events carry
//! images, some of them broken, checked by the `atlas-validate` binary as a curator runs it.
//!
//! What the validator checks beyond the app, by design: the image files themselves (the app
//! cannot look into its folder; it hides an image that does not load). A text missing from a
//! caption or an alt text is refused by both alike, as any other field.
mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");

/// The first bytes of a PNG of `width` × `height` (the validator reads the header only), padded
/// to `bytes`.
fn png(width: u32, height: u32, bytes: usize) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(width.to_be_bytes());
    png.extend(height.to_be_bytes());
    png.resize(bytes.max(png.len()), 0);
    png
}

/// The first bytes of a baseline JPEG of `width` × `height`.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8];
    jpeg.extend(height.to_be_bytes());
    jpeg.extend(width.to_be_bytes());
    jpeg.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    jpeg
}

fn in_every_language(text: &str) -> Value {
    json!({"en": text, "lv": text, "lt": text, "et": text, "ru": text})
}

fn image(file: &str, width: u32, height: u32) -> Value {
    json!({
        "file": file,
        "width": width,
        "height": height,
        "caption": in_every_language("Delegates and observers of the Bulduri conference"),
        "alt": in_every_language("About thirty men in dark suits at a long table"),
        "credit": "Unknown photographer; Latvian State Historical Archives",
        "licence": {"name": "Public domain", "url": "https://creativecommons.org/publicdomain/mark/1.0/"},
        "source": "tests/media_files.rs"
    })
}

/// A copy of the committed data where the event `id` carries `media` and `files` are written
/// into the folder (a path relative to it, and the bytes).
fn data_with(case: &str, id: &str, media: Value, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-media-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new(DATA), &dir);
    let path = dir.join("events.geojson");
    let mut events: Value = serde_json::from_slice(&std::fs::read(&path).expect("events.geojson")).expect("JSON");
    let event = events["features"]
        .as_array_mut()
        .and_then(|features| features.iter_mut().find(|f| f["properties"]["id"] == id))
        .unwrap_or_else(|| panic!("no event {id}"));
    event["properties"]["media"] = media;
    std::fs::write(&path, serde_json::to_vec_pretty(&events).expect("JSON")).expect("writing events.geojson");
    for (name, bytes) in files {
        let file = dir.join(name);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("creating media/");
        std::fs::write(file, bytes).expect("writing an image");
    }
    dir
}

/// The validator's exit status and its `error:` lines.
fn validate(dir: &Path) -> (bool, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas-validate")).arg(dir).output().expect("running atlas-validate");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let errors = stdout.lines().filter_map(|l| l.strip_prefix("error: ")).map(str::to_owned).collect();
    (out.status.success(), errors, stdout)
}

const BULDURI: &str = "conference-1920-08-bulduri";

#[test]
fn good_images_pass_and_are_counted() {
    let media = json!([image("media/bulduri-1920.png", 1200, 800), image("media/bulduri-1920-b.jpg", 640, 480)]);
    let files = [("media/bulduri-1920.png", png(1200, 800, 150_000)), ("media/bulduri-1920-b.jpg", jpeg(640, 480))];
    let dir = data_with("good", BULDURI, media, &files);
    let (ok, errors, stdout) = validate(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok && errors.is_empty(), "{stdout}");
    assert!(stdout.contains(", 2 images,"), "{stdout}");
}

#[test]
fn a_missing_file_a_wrong_size_a_wrong_type_and_a_large_file_are_each_named() {
    let media = json!([
        image("media/missing.jpg", 1200, 800),
        image("media/wrong-size.png", 1200, 800),
        image("media/wrong-type.png", 1200, 800),
        image("media/too-large.png", 1200, 800),
    ]);
    let files = [
        ("media/wrong-size.png", png(1200, 799, 1000)),
        ("media/wrong-type.png", jpeg(1200, 800)),
        ("media/too-large.png", png(1200, 800, 300_000)),
    ];
    let dir = data_with("broken", BULDURI, media, &files);
    let (ok, errors, stdout) = validate(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!ok, "broken images must fail the validator: {stdout}");
    let at = |field: &str| format!("events.geojson: event `{BULDURI}`: field `{field}`: ");
    let expected = [
        (at("media[0].file"), "`media/missing.jpg` is not in the data folder ("),
        (
            at("media[1].height"),
            "`media/wrong-size.png` is 1200 × 799 pixels, but `width` and `height` say 1200 × 800: write the file's size",
        ),
        (at("media[2].file"), "`media/wrong-type.png` is a JPEG image, not a PNG as its name says"),
        (at("media[3].file"), "`media/too-large.png` is 293 KB, more than the 250 KB an image may have"),
    ];
    for (field, message) in &expected {
        assert!(errors.iter().any(|e| e.starts_with(&format!("{field}{message}"))), "{field}{message}\n{stdout}");
    }
    assert_eq!(errors.len(), expected.len(), "{stdout}");
}

#[test]
fn a_caption_or_alt_text_missing_a_language_is_named_and_refused_by_the_app_too() {
    let mut one = image("media/bulduri-1920.png", 1200, 800);
    one["alt"].as_object_mut().expect("alt").remove("et");
    one["caption"]["lt"] = Value::from("");
    let dir = data_with("language", BULDURI, json!([one]), &[("media/bulduri-1920.png", png(1200, 800, 100))]);
    let (ok, errors, stdout) = validate(&dir);
    let app = atlas_core::DataSet::load_dir(&dir).map(|_| ()).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!ok, "{stdout}");
    let index = {
        let text = std::fs::read_to_string(format!("{DATA}/events.geojson")).expect("events.geojson");
        let events: Value = serde_json::from_str(&text).expect("JSON");
        let features = events["features"].as_array().expect("features");
        features.iter().position(|f| f["properties"]["id"] == BULDURI).expect("the Bulduri conference")
    };
    let at = |field: &str| format!("events.geojson: feature {index} (id `{BULDURI}`): field `{field}`: is missing");
    assert!(errors.iter().any(|e| e.starts_with(&at("media[0].caption.lt"))), "{stdout}");
    assert!(errors.iter().any(|e| e.starts_with(&at("media[0].alt.et"))), "{stdout}");
    assert_eq!(errors.len(), 2, "{stdout}");
    let app = app.expect_err("the app refuses it as the validator does");
    assert!(app.contains("`media[0].alt.et`"), "{app}");
}
