//! The app shows every error the validator reports, and the validator reports every error the
//! app would refuse: on each broken fixture (the encoding, BOM and empty cases included), the
//! app's way of reading (every file fetched into memory, then [`DataSet::load`] with a read
//! callback, as `src/load.rs` does) and the validator's (the `atlas-validate` binary, which reads
//! the folder with [`DataSet::load_dir_with`] and [`Checks::validator`](atlas_core::dataset::Checks))
//! give the same errors and warnings, word for word.
//!
//! The one difference, by design: the validator also warns where a plural message lacks a
//! plural category CLDR gives its language, or has one it does not (the app carries no CLDR
//! tables; it shows the `other` form where one is missing). Those warnings are the validator's
//! alone; every other warning and every error is the same.
use std::collections::HashMap;
mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

use atlas_core::dataset::{files_to_read, LANGUAGES_FILE};
use atlas_core::DataSet;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// What a reading said: the errors when it refused the data, else none; and the warnings.
#[derive(Debug, PartialEq, Eq)]
struct Verdict {
    refused: bool,
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// The app's path: `languages.json` first, then every file it names, all into memory; then
/// `DataSet::load` reads from there (src/load.rs).
fn as_the_app_reads(dir: &Path) -> Verdict {
    let fetch = |name: &str| -> Result<Vec<u8>, String> {
        std::fs::read(dir.join(name)).map_err(|_| "the server answered 404 Not Found".to_owned())
    };
    let languages = fetch(LANGUAGES_FILE);
    let mut fetched: HashMap<String, Result<Vec<u8>, String>> =
        files_to_read(languages.as_deref().ok()).into_iter().map(|name| (name.clone(), fetch(&name))).collect();
    fetched.insert(LANGUAGES_FILE.to_owned(), languages);
    let result = DataSet::load(|name| {
        fetched
            .remove(name)
            .unwrap_or_else(|| Err("was not fetched (the list of languages changed while loading)".into()))
    });
    match result {
        Ok(data) => Verdict {
            refused: false,
            errors: Vec::new(),
            warnings: data.warnings.iter().map(ToString::to_string).collect(),
        },
        Err(e) => {
            Verdict { refused: true, errors: e.errors.iter().map(ToString::to_string).collect(), warnings: Vec::new() }
        }
    }
}

/// The validator's path: the curator's binary on the folder, its `error:` and `warning:` lines.
fn as_the_validator_reads(dir: &Path) -> Verdict {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas-validate")).arg(dir).output().expect("running atlas-validate");
    let stdout = String::from_utf8(out.stdout).expect("the validator writes UTF-8");
    let lines = |prefix: &str| -> Vec<String> {
        stdout.lines().filter_map(|l| l.strip_prefix(prefix)).map(str::to_owned).collect()
    };
    Verdict { refused: !out.status.success(), errors: lines("error: "), warnings: lines("warning: ") }
}

/// A copy of the committed data in a fresh folder, with `replace` applied (`None` deletes).
fn data_with(case: &str, replace: &[(&str, Option<Vec<u8>>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-agree-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new(DATA), &dir);
    for (name, bytes) in replace {
        let path = dir.join(name);
        match bytes {
            Some(bytes) => std::fs::write(&path, bytes).expect("writing a replaced file"),
            None => std::fs::remove_file(&path).expect("deleting a file"),
        }
    }
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A file that cannot be read at all is named by both; only the reason differs, being the
/// transport's (an HTTP status in the browser, the file system's error in the validator).
fn without_transport_reason(mut verdict: Verdict) -> Verdict {
    for line in verdict.errors.iter_mut().chain(verdict.warnings.iter_mut()) {
        if let Some((file, reason)) = line.split_once(": ") {
            if reason.starts_with("the server answered") || reason.starts_with("cannot be read from") {
                // What follows the reason (a warning's "; this language is not offered …") stays.
                let rest = reason.split_once("; ").map(|(_, rest)| format!("; {rest}")).unwrap_or_default();
                *line = format!("{file}: (cannot be read){rest}");
            }
        }
    }
    verdict
}

/// Whether a warning is one that only the validator gives: a plural category against CLDR's.
fn validator_only(warning: &str) -> bool {
    warning.contains(" plural category `") && warning.contains("(CLDR cardinal categories for ")
}

/// Runs both readings on the case and checks that they agree; returns the app's verdict and
/// the validator's own warnings (see [`validator_only`]).
fn agree_but_for_plurals(case: &str, replace: &[(&str, Option<Vec<u8>>)]) -> (Verdict, Vec<String>) {
    let dir = data_with(case, replace);
    let app = without_transport_reason(as_the_app_reads(&dir));
    let mut validator = without_transport_reason(as_the_validator_reads(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    let (own, shared): (Vec<String>, Vec<String>) = validator.warnings.into_iter().partition(|w| validator_only(w));
    validator.warnings = shared;
    assert_eq!(app, validator, "{case}: the app (left) and the validator (right) disagree");
    assert!(!app.warnings.iter().any(|w| validator_only(w)), "{case}: the app checks plural categories: {app:?}");
    (app, own)
}

/// [`agree_but_for_plurals`], where the validator has no warning of its own either.
fn agree(case: &str, replace: &[(&str, Option<Vec<u8>>)]) -> Verdict {
    let (verdict, own) = agree_but_for_plurals(case, replace);
    assert!(own.is_empty(), "{case}: the validator alone warns: {own:#?}");
    verdict
}

/// Every broken fixture in tests/fixtures, with the file it stands in for.
const BROKEN: &[(&str, &str)] = &[
    ("event-bad-date.geojson", "events.geojson"),
    ("event-many-problems.geojson", "events.geojson"),
    ("event-unknown-place.geojson", "events.geojson"),
    ("event-treaty-not-at-capitals.geojson", "events.geojson"),
    ("event-treaty-ends.geojson", "events.geojson"),
    ("events-not-json.geojson", "events.geojson"),
    ("events-windows-1257.geojson", "events.geojson"),
    ("events-empty.geojson", "events.geojson"),
    ("places-duplicate-id.geojson", "places.geojson"),
    ("places-empty.geojson", "places.geojson"),
    ("places-unknown-role.geojson", "places.geojson"),
    ("places-names-by-period.geojson", "places.geojson"),
];

#[test]
fn every_broken_fixture_is_refused_alike_by_the_app_and_the_validator() {
    let mut checked = Vec::new();
    for (name, replaces) in BROKEN {
        let verdict = agree(name, &[(replaces, Some(fixture(name)))]);
        assert!(verdict.refused, "{name} should be refused: {verdict:?}");
        assert!(verdict.errors[0].starts_with(replaces), "{name}: the first error names {replaces}: {verdict:?}");
        checked.push(*name);
    }
    // No broken fixture is left out (the helper `places.geojson` and the warning-only one are
    // checked below).
    let mut on_disk: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("the fixtures folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            !matches!(
                n.as_str(),
                "places.geojson"
                    | "event-missing-translation.geojson"
                    | "events-bom.geojson"
                    | "lang-lt-plural-categories.json"
            )
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = checked.iter().map(|n| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(listed, on_disk, "a fixture in tests/fixtures is not in BROKEN");
}

#[test]
fn the_encoding_case_names_the_line_and_the_code_page_in_both() {
    let verdict = agree("cp1257", &[("events.geojson", Some(fixture("events-windows-1257.geojson")))]);
    assert_eq!(verdict.errors.len(), 1, "{verdict:?}");
    assert!(verdict.errors[0].starts_with("events.geojson: is not UTF-8 text"), "{verdict:?}");
    assert!(verdict.errors[0].contains("line 2") && verdict.errors[0].contains("1257"), "{verdict:?}");
}

#[test]
fn the_empty_cases_say_so_in_both() {
    let events = agree("no-events", &[("events.geojson", Some(fixture("events-empty.geojson")))]);
    assert!(events.errors.iter().any(|e| e.starts_with("events.geojson: has no events")), "{events:?}");
    let places = agree("no-places", &[("places.geojson", Some(fixture("places-empty.geojson")))]);
    assert!(places.errors.iter().any(|e| e.starts_with("places.geojson: has no places")), "{places:?}");
}

#[test]
fn a_byte_order_mark_is_accepted_by_both() {
    let verdict = agree("bom", &[("events.geojson", Some(fixture("events-bom.geojson")))]);
    assert!(!verdict.refused, "{verdict:?}");
    let mut committed = b"\xEF\xBB\xBF".to_vec();
    committed.extend(std::fs::read(format!("{DATA}/events.geojson")).expect("events.geojson"));
    assert!(!agree("bom-committed", &[("events.geojson", Some(committed))]).refused);
}

#[test]
fn warnings_missing_files_and_the_committed_data_agree_too() {
    let committed = agree("committed", &[]);
    assert!(!committed.refused, "{committed:?}");
    let translation =
        agree("missing-translation", &[("events.geojson", Some(fixture("event-missing-translation.geojson")))]);
    assert!(!translation.refused && !translation.warnings.is_empty(), "{translation:?}");
    // A language's file missing leaves that language out, and the atlas runs in the others.
    let missing = agree("no-estonian", &[("lang/et.json", None)]);
    assert!(!missing.refused, "{missing:?}");
    assert!(missing.warnings.iter().any(|w| w.contains("lang/et.json") && w.contains("not offered")), "{missing:?}");
    let broken = agree("broken-lithuanian", &[("lang/lt.json", Some(b"{\"language\": {\"code\": \"lt\"".to_vec()))]);
    assert!(!broken.refused && broken.warnings.iter().any(|w| w.starts_with("lang/lt.json")), "{broken:?}");
    let stages = agree("broken-stages", &[("stages.geojson", Some(b"{ oops".to_vec()))]);
    assert!(!stages.refused && stages.warnings.iter().any(|w| w.contains("no stages")), "{stages:?}");
    // English is every other language's fallback: it stays essential.
    let english = agree("no-english", &[("lang/en.json", None)]);
    assert!(english.refused && english.errors.iter().any(|e| e.contains("lang/en.json")), "{english:?}");
}

#[test]
fn plural_categories_are_the_validators_warnings_alone_and_the_map_still_loads() {
    let (app, own) = agree_but_for_plurals(
        "plural-categories",
        &[("lang/lt.json", Some(fixture("lang-lt-plural-categories.json")))],
    );
    assert!(!app.refused, "a missing plural category never stops the map: {app:?}");
    assert!(!app.warnings.is_empty(), "the fixture lacks most texts, which both report: {app:?}");
    let cldr = "(CLDR cardinal categories for lt: one, few, many, other)";
    assert!(
        own.contains(&format!(
            "lang/lt.json: key `texts.events_in_year`: missing plural category `few` {cldr}; the \"other\" form is shown instead"
        )),
        "{own:#?}"
    );
    assert!(
        own.contains(&format!(
            "lang/lt.json: key `texts.events_in_year`: extra plural category `two` {cldr}; it is never shown"
        )),
        "{own:#?}"
    );
    assert_eq!(own.len(), 6, "{own:#?}");
}

/// A curator edits a deployed copy's `events.geojson` and forgets its precompressed copies: the
/// validator names them (a server would go on sending the old text); fresh copies pass.
#[test]
fn a_precompressed_copy_older_than_its_file_is_named_by_the_validator() {
    let dir = data_with("stale-copies", &[]);
    let fresh = as_the_validator_reads(&dir);
    let copy = dir.join("events.geojson.br");
    std::fs::write(&copy, b"old").expect("writing a precompressed copy");
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&copy).and_then(|f| f.set_modified(past)).expect("ageing the copy");
    let stale = as_the_validator_reads(&dir);
    assert!(!fresh.refused && stale.refused, "fresh {fresh:?}, stale {stale:?}");
    assert!(
        stale.errors.iter().any(|e| e.contains("events.geojson.br: older than") && e.contains("events.geojson")),
        "{:?}",
        stale.errors
    );
    std::fs::remove_dir_all(&dir).expect("removing the copy");
}
