//! The native speakers' and the historian's corrections (shared/docs/TEXT-REVIEW.md, 4 December
//! 2026) stay made: none of the wrong texts they found comes back into a data file, and no text a
//! visitor reads uses the words of the people who keep the data.
use std::path::{Path, PathBuf};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");

/// The review's findings: its number, and the text as it stood (a fragment that was wrong).
const CORRECTED: &[(&str, &str)] = &[
    ("C1 en", "defence minister Krišjānis Berķis"),
    ("C1 en", "Minister of Defence Krišjānis Berķis"),
    ("C1 lv", "aizsardzības ministra Krišjāņa Berķa"),
    ("C1 lv", "aizsardzības ministrs Krišjānis Berķis"),
    ("C1 lt", "krašto apsaugos ministro Krišjanio"),
    ("C1 lt", "krašto apsaugos ministras Krišjanis"),
    ("C1 et", "kaitseministri Krišjānis"),
    ("C1 et", "kaitseminister Krišjānis"),
    ("C1 ru", "Министр обороны Латвии Кришьянис"),
    ("C1 ru", "министр обороны Латвии Кришьянис"),
    ("C2 en", "Lithuania's capital until then"),
    ("C2 lv", "kas līdz tam bija Lietuvas galvaspilsēta"),
    ("C2 lt", "iki tol buvusio Lietuvos sostine"),
    ("C2 et", "mis oli seni Leedu pealinn"),
    ("C2 ru", "до тех пор столицей Литвы"),
    ("C3 en", "foreign ministers meet twice a year"),
    ("C3 lv", "ārlietu ministri tiekas divreiz gadā"),
    ("C3 lt", "ministrai susitinka du kartus per metus"),
    ("C3 et", "välisministrid kohtuvad kaks korda aastas"),
    ("C3 ru", "министры иностранных дел встречаются дважды в год"),
    ("E1–E3", "is encoded"),
    ("E4", "this file follows it"),
    ("E5", "shown only in its start period"),
    ("L1–L3", "kodēts tikai"),
    ("L1–L3", "kodēta tikai"),
    ("L4", "šis fails seko"),
    ("L5–L7", "ņem no angļu Vikipēdijas"),
    ("L8", "Datos šeit nav notikusi"),
    ("L9", "šis projekts zīmējis pēc līgumiem; aptuvenas"),
    ("L10", "Karte nevarēja ielādēt savus datus"),
    ("L11", "Atskaņot gadus"),
    ("T1", "pasirinktais metais įvyko įvykis"),
    ("T2", "Duomenyse šiais metais"),
    ("T3", "Duomenyse čia nevyko"),
    ("T4", "nubraižė pagal sutartis; apytikslės"),
    ("T7", "\"Leisti metus\""),
    ("T8", "šis failas laikosi"),
    ("T9", "iki tol buvusio Lietuvos sostine"),
    ("S1", "novembrini 1919"),
    ("S2", "Leedu Vikipeedia"),
    ("S3", "Läti Vikipeedia"),
    ("S4–S6", "Inglise Vikipeedia"),
    ("S7", "iga kolme Balti riigi"),
    ("S8–S10", "«Revue Baltique»"),
    ("S11", "see fail järgib"),
    ("S12", "Kaart laaditakse"),
    ("S13", "lepingute järgi; ligikaudsed"),
    ("S16", "Puudutage kaarti, et avastada"),
    ("S17", "\"Esita aastaid\""),
    ("R1", "Карта ненадолго прервалась"),
    ("R2", "По данным, здесь"),
    ("R3", "Карта пробует снова"),
    ("R4", "благодаря путям сообщения"),
    ("R5", "в период, обозначенный датой его начала"),
];

/// The quotation marks the Baltic languages use («» are Latvian and Russian, not Lithuanian or
/// Estonian: T5, T6, S14, S15): the language files where «» must not appear.
const LOW_HIGH_QUOTES: &[&str] = &["lt", "et"];

/// Words of the people who keep the data, in the five languages, that no visitor should read.
const DEVELOPER_WORDS: &[&str] = &[
    "encoded",
    "this file",
    "in the data",
    "kodēt",
    "šis fails",
    "šis failas",
    "see fail",
    "в данных",
    "Datos ",
    "Duomenyse",
    "Andmetes",
];

/// The language keys written for staff, where the data files are what they need to hear of.
const STAFF_KEYS: &[&str] = &["load_error_hint", "kiosk_error_detail"];

/// Every data file a visitor's text comes from.
fn data_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [PathBuf::from(DATA), Path::new(DATA).join("lang")] {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "geojson" | "topojson")) {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 10, "only {} data files found under {DATA}", files.len());
    files
}

/// Every string value in a JSON document, with the key it is under.
fn strings<'a>(value: &'a serde_json::Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        serde_json::Value::String(text) => out.push((key, text)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, k, out)),
        _ => {}
    }
}

#[test]
fn no_corrected_text_comes_back() {
    let mut found = Vec::new();
    for path in data_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (finding, wrong) in CORRECTED {
            if text.contains(wrong) {
                found.push(format!("{}: {finding} «{wrong}»", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "texts the review corrected are back:\n{}", found.join("\n"));
}

#[test]
fn lithuanian_and_estonian_texts_quote_with_their_own_marks() {
    for lang in LOW_HIGH_QUOTES {
        let path = Path::new(DATA).join("lang").join(format!("{lang}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!text.contains('«') && !text.contains('»'), "{} quotes with «»; use „“", path.display());
    }
}

#[test]
fn no_visitor_text_uses_developer_words() {
    let mut found = Vec::new();
    for path in data_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut texts = Vec::new();
        strings(&json, "", &mut texts);
        for (key, text) in texts {
            if STAFF_KEYS.contains(&key) || key == "description" {
                continue;
            }
            for word in DEVELOPER_WORDS {
                if text.contains(word) {
                    found.push(format!("{}: {key}: «{word}» in «{text}»", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "developer words in visitor texts:\n{}", found.join("\n"));
}
