//! Each broken fixture gives a message that names the file, the feature and the field.
use atlas_core::data::{parse_events, parse_places};
use atlas_core::{load_atlas, DataFile};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn places() -> Vec<atlas_core::Place> {
    let text = fixture("places.geojson");
    parse_places(DataFile { name: "places.geojson", text: &text }).expect("valid places").0
}

fn event_errors(name: &str) -> Vec<String> {
    let text = fixture(name);
    match parse_events(DataFile { name, text: &text }, &places()) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_bad_date_names_file_feature_id_and_field() {
    let errors = event_errors("event-bad-date.geojson");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0],
        "event-bad-date.geojson: feature 1 (id `bad-date`): field `start`: `1935-13-09` has month 13: months run from 01 to 12"
    );
}

#[test]
fn an_unknown_place_is_named() {
    let errors = event_errors("event-unknown-place.geojson");
    assert_eq!(errors, ["event-unknown-place.geojson: feature 0 (id `lost`): field `place`: `warsaw` is not the id of any place in places.geojson"]);
}

#[test]
fn every_problem_of_a_feature_is_reported_at_once() {
    let errors = event_errors("event-many-problems.geojson");
    let fields: Vec<&str> = errors.iter().filter_map(|e| e.split("field `").nth(1)?.split('`').next()).collect();
    for field in ["kind", "end", "parties[0]", "title.lv", "summary", "sources[0]"] {
        assert!(fields.contains(&field), "no error for `{field}` in {errors:#?}");
    }
    assert!(errors.iter().all(|e| e.starts_with("event-many-problems.geojson: feature 0 (id `messy`)")));
}

#[test]
fn invalid_json_gives_line_and_column() {
    let text = fixture("events-not-json.geojson");
    let err = load_atlas(
        DataFile { name: "places.geojson", text: &fixture("places.geojson") },
        DataFile { name: "events.geojson", text: &text },
    )
    .expect_err("not JSON");
    let message = err.to_string();
    assert!(
        message.starts_with("events.geojson: not valid JSON at line 2, column 21: expected `,` or `}`"),
        "{message}"
    );
}

#[test]
fn duplicate_place_ids_and_bad_coordinates_are_errors() {
    let text = fixture("places-duplicate-id.geojson");
    let err = parse_places(DataFile { name: "places.geojson", text: &text }).expect_err("duplicate");
    let errors: Vec<String> = err.errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.iter().any(|e| e.contains("feature 1 (id `riga`): field `id`: `riga` is used by an earlier place")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains("feature 1 (id `riga`): field `geometry`")), "{errors:#?}");
}

#[test]
fn a_missing_translation_is_a_warning_not_an_error() {
    let text = fixture("event-missing-translation.geojson");
    let (events, warnings) = parse_events(DataFile { name: "events.geojson", text: &text }, &places()).expect("loads");
    assert_eq!(events.len(), 1);
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["events.geojson: feature 0 (id `kaunas-1935`): field `title.et`: is missing; the English text is shown instead"]
    );
}
