//! Each broken fixture gives a message that names the file, the feature (or key) and the field,
//! through the one loader the app and the validator share ([`DataSet::load`]).
use atlas_core::data::{parse_events, parse_places, parse_states};
use atlas_core::i18n::parse_language_list;
use atlas_core::{DataFile, DataSet, Lang};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn langs() -> Vec<Lang> {
    ["en", "lv", "lt", "et"].into_iter().filter_map(Lang::new).collect()
}

fn places() -> Vec<atlas_core::Place> {
    let text = fixture("places.geojson");
    parse_places(DataFile { name: "places.geojson", text: &text }, &langs()).expect("valid places").0
}

fn states() -> Vec<atlas_core::State> {
    let text = std::fs::read_to_string(format!("{DATA}/states.geojson")).expect("states.geojson");
    let places = std::fs::read_to_string(format!("{DATA}/places.geojson")).expect("places.geojson");
    let list = std::fs::read_to_string(format!("{DATA}/languages.json")).expect("languages.json");
    let all = parse_language_list(DataFile { name: "languages.json", text: &list }).expect("committed languages");
    let places = parse_places(DataFile { name: "places.geojson", text: &places }, &all).expect("committed places").0;
    parse_states(DataFile { name: "states.geojson", text: &text }, &places, &all).expect("committed states").0
}

fn catalogue() -> atlas_core::sources::Catalogue {
    let text = std::fs::read_to_string(format!("{DATA}/sources.json")).expect("sources.json");
    atlas_core::sources::parse_catalogue(DataFile { name: "sources.json", text: &text }).expect("committed sources").0
}

fn event_errors(name: &str) -> Vec<String> {
    let text = fixture(name);
    match parse_events(DataFile { name, text: &text }, &places(), &states(), &catalogue(), &langs()) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.errors.iter().map(ToString::to_string).collect(),
    }
}

/// Loads the committed data with some files replaced (or, with `None`, missing).
fn load_with(replaced: &[(&str, Option<&[u8]>)]) -> Result<DataSet, Vec<String>> {
    DataSet::load(|name| {
        if let Some((_, bytes)) = replaced.iter().find(|(n, _)| *n == name) {
            return bytes.map(<[u8]>::to_vec).ok_or_else(|| "the server answered 404 Not Found".to_owned());
        }
        std::fs::read(format!("{DATA}/{name}")).map_err(|e| e.to_string())
    })
    .map_err(|e| e.errors.iter().map(ToString::to_string).collect())
}

fn committed(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{name}")).expect("committed file")
}

#[test]
fn a_bad_date_names_file_feature_id_and_field() {
    let errors = event_errors("event-bad-date.geojson");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0],
        "event-bad-date.geojson: feature 1 (id `bad-date`): field `start`: `1935-13-09` has month 13: months run from 01 to 12 (a part of a year is 33–36 for a quarter, 40–41 \
         for a half)"
    );
}

#[test]
fn an_unknown_place_is_named() {
    let errors = event_errors("event-unknown-place.geojson");
    assert_eq!(errors, ["event-unknown-place.geojson: feature 0 (id `lost`): field `place`: `atlantis` is not the id of any place in places.geojson"]);
}

#[test]
fn every_problem_of_a_feature_is_reported_at_once() {
    let errors = event_errors("event-many-problems.geojson");
    let fields: Vec<&str> = errors.iter().filter_map(|e| e.split("field `").nth(1)?.split('`').next()).collect();
    for field in ["kind", "end", "parties[0]", "summary", "sources[0]"] {
        assert!(fields.contains(&field), "no error for `{field}` in {errors:#?}");
    }
    assert!(errors.iter().all(|e| e.starts_with("event-many-problems.geojson: feature 0 (id `messy`)")));
    assert!(errors.iter().any(|e| e.contains("`narnia` is not a state in states.geojson")), "{errors:#?}");
}

#[test]
fn invalid_json_gives_line_and_column() {
    let text = fixture("events-not-json.geojson");
    let errors = load_with(&[("events.geojson", Some(text.as_bytes()))]).expect_err("not JSON");
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("events.geojson: not valid JSON at line 2, column 21: expected `,` or `}`")),
        "{errors:#?}"
    );
}

#[test]
fn duplicate_place_ids_and_bad_coordinates_are_errors() {
    let text = fixture("places-duplicate-id.geojson");
    let err = parse_places(DataFile { name: "places.geojson", text: &text }, &langs()).expect_err("duplicate");
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
    let (events, warnings) =
        parse_events(DataFile { name: "events.geojson", text: &text }, &places(), &states(), &catalogue(), &langs())
            .expect("loads");
    assert_eq!(events.len(), 1);
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["events.geojson: feature 0 (id `kaunas-1935`): field `title.et`: is missing; the English text is shown instead"]
    );
}

#[test]
fn the_errors_of_every_broken_file_come_together() {
    let errors = load_with(&[
        ("places.geojson", Some(fixture("places-duplicate-id.geojson").as_bytes())),
        ("events.geojson", Some(fixture("event-bad-date.geojson").as_bytes())),
        ("basemap.geojson", None),
    ])
    .expect_err("broken");
    assert!(errors.iter().any(|e| e.starts_with("places.geojson: feature 1 (id `riga`)")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("field `start`: `1935-13-09` has month 13")), "{errors:#?}");
    assert!(errors.iter().any(|e| e == "basemap.geojson: the server answered 404 Not Found"), "{errors:#?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(committed("events.geojson"));
    let data = load_with(&[("events.geojson", Some(&bytes))]).expect("a BOM is fine");
    assert_eq!(data.atlas.events().len(), load_with(&[]).expect("committed").atlas.events().len());
}

#[test]
fn a_file_in_a_windows_code_page_is_refused_with_its_line() {
    // "aizsardzības" with ī as Windows-1257 writes it (0xEE), as an editor would save it.
    let text = String::from_utf8(committed("events.geojson")).expect("utf-8");
    let line = 1 + text[..text.find("aizsardzības").expect("word")].matches('\n').count();
    let bytes = text.replacen("aizsardzības", "aizsardz\u{0}bas", 1).into_bytes();
    let bytes: Vec<u8> = bytes.into_iter().map(|b| if b == 0 { 0xEE } else { b }).collect();
    let errors = load_with(&[("events.geojson", Some(&bytes))]).expect_err("not UTF-8");
    let expected = format!("events.geojson: is not UTF-8 text: the first byte that is not (0xEE) is on line {line}");
    assert!(errors.iter().any(|e| e.starts_with(&expected) && e.contains("1257")), "{errors:#?}");
}

#[test]
fn an_empty_file_is_an_error() {
    let empty = br#"{"type": "FeatureCollection", "features": []}"#;
    let errors = load_with(&[("events.geojson", Some(empty))]).expect_err("no events");
    assert!(errors.iter().any(|e| e.starts_with("events.geojson: has no events: ")), "{errors:#?}");
    let errors = load_with(&[("places.geojson", Some(empty))]).expect_err("no places");
    assert!(errors.iter().any(|e| e.starts_with("places.geojson: has no places: ")), "{errors:#?}");
}

#[test]
fn a_deleted_lithuanian_key_is_named_and_english_is_shown() {
    let text = String::from_utf8(committed("lang/lt.json")).expect("utf-8");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut value = value;
    value["texts"].as_object_mut().expect("texts").remove("close");
    let bytes = serde_json::to_vec(&value).expect("json");
    let data = load_with(&[("lang/lt.json", Some(&bytes))]).expect("loads with a warning");
    let warnings: Vec<String> = data.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings, ["lang/lt.json: key `texts.close`: is missing; the English text is shown instead"]);
    let lt = data.languages.get(Lang::new("lt").expect("lt"));
    assert_eq!(lt.close(), "Close");
}

#[test]
fn a_missing_language_file_is_named_and_only_that_language_is_left_out() {
    let data = load_with(&[("lang/et.json", None)]).expect("the atlas runs in the other languages");
    let warnings: Vec<String> = data.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["lang/et.json: the server answered 404 Not Found; this language is not offered until this is fixed"]
    );
    let offered: Vec<String> = data.languages.offered().map(|l| l.to_string()).collect();
    assert_eq!(offered, ["lv", "lt", "en", "ru"], "Estonian left out, the others in their order");
}

#[test]
fn a_truncated_language_file_leaves_that_language_out() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/lang/lt.json")).expect("lt");
    let truncated = &text.as_bytes()[..text.len() / 2];
    let data = load_with(&[("lang/lt.json", Some(truncated))]).expect("the atlas runs in the other languages");
    assert!(data.warnings.iter().any(|w| w.to_string().starts_with("lang/lt.json: ")), "{:?}", data.warnings);
    assert!(data.languages.find(Lang::new("lt").expect("lt")).is_none(), "Lithuanian is not offered");
    assert!(data.languages.find(Lang::new("lv").expect("lv")).is_some());
}

#[test]
fn a_treaty_drawn_to_a_city_that_is_not_a_partys_capital_is_refused_by_the_loader() {
    let text = fixture("event-treaty-not-at-capitals.geojson");
    let errors = load_with(&[("events.geojson", Some(text.as_bytes()))]).expect_err("the loader refuses it");
    assert_eq!(
        errors,
        ["events.geojson: feature 1 (id `wrong-capital`): field `geometry.coordinates[1]`: [24.7535, 59.437] is neither \
          the capital of one of the treaty's parties (ussr, latvia) nor its place of signing: use one of `moscow` \
          (37.6178, 55.752), `riga` (24.1059, 56.946), the place of signing `moscow` (37.6178, 55.752)"],
        "feature 0 (Moscow–Riga, the parties' capitals) passes"
    );
}

#[test]
fn a_place_with_an_unknown_role_is_named() {
    let text = fixture("places-unknown-role.geojson");
    let errors = match parse_places(DataFile { name: "places.geojson", text: &text }, &langs()) {
        Ok(_) => panic!("an unknown role should not load"),
        Err(e) => e.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
    };
    assert_eq!(
        errors,
        ["places.geojson: feature 1 (id `warsaw`): field `role`: `capital` is not a role of a place; use `event`, \
          `context` or `town` (or leave it out)"]
    );
}

#[test]
fn context_places_load_and_an_event_may_not_happen_at_one() {
    let text = fixture("places-unknown-role.geojson").replace("\"capital\"", "\"context\"");
    let (places, _) = parse_places(DataFile { name: "places.geojson", text: &text }, &langs()).expect("loads");
    assert!(places.iter().all(atlas_core::Place::is_context));
    let event = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[25.2798,54.6892]},"properties":{"id":"held-there","kind":"conference","start":"1930","place":"vilnius","parties":[],"title":{"en":"A","lv":"A"},"summary":{"en":"B","lv":"B"},"sources":[{"work":"lvwiki-baltijas-antante"}]}}]}"#;
    let errors =
        parse_events(DataFile { name: "events.geojson", text: event }, &places, &states(), &catalogue(), &langs())
            .expect_err("refused")
            .errors;
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("field `place`: `vilnius` has the role `context`"), "{}", errors[0]);
}

#[test]
fn a_treaty_needs_an_end_or_an_open_end_with_a_note() {
    let errors = event_errors("event-treaty-ends.geojson");
    let name = "event-treaty-ends.geojson";
    assert_eq!(
        errors,
        [
            format!(
                "{name}: feature 0 (id `no-end`): field `end`: a treaty needs the day it ceased to be in force \
                 (YYYY-MM-DD, with its source in `sources` and a word on it in `note`), or \"open\" with a `note` \
                 saying why no end is known: the map draws a treaty for as long as it is in force"
            ),
            format!(
                "{name}: feature 1 (id `open-without-note`): field `note`: is needed when `end` is \"open\": say \
                 why no end is known, for the historian who reads it"
            ),
            format!(
                "{name}: feature 3 (id `open-conference`): field `end`: only a treaty can be \"open\" (in force \
                 with no known end); give a date or leave `end` out"
            ),
        ],
        "feature 2 (open, with a note) passes"
    );
}

#[test]
fn an_open_treaty_is_in_force_long_after_it_was_signed() {
    let text = fixture("event-treaty-ends.geojson");
    let features: serde_json::Value = serde_json::from_str(&text).expect("json");
    let only_open = serde_json::json!({"type": "FeatureCollection", "features": [features["features"][2].clone()]});
    let (events, _) = parse_events(
        DataFile { name: "events.geojson", text: &only_open.to_string() },
        &places(),
        &states(),
        &catalogue(),
        &langs(),
    )
    .expect("an open end with a note loads");
    let day = atlas_core::time::CalendarDay { year: 1960, month: 1, day: 1 };
    assert!(events[0].span.open_ended && events[0].span.contains_day(day));
    let atlas = atlas_core::Atlas::new(vec![], events);
    assert_eq!(atlas.years(), Some(1939..=1939), "an open end does not stretch the slider");
}

#[test]
fn names_by_period_must_be_ordered_apart_and_complete() {
    let text = fixture("places-names-by-period.geojson");
    let errors = match parse_places(DataFile { name: "places.geojson", text: &text }, &langs()) {
        Ok(_) => panic!("the names of this fixture should not load"),
        Err(e) => e.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
    };
    let expected = [
        "places.geojson: feature 0 (id `klaipeda`): field `names[1].from`: … – 1923-01-18 starts before `names[0]` \
         (1939-03-23 – …): list the periods in time order",
        "places.geojson: feature 1 (id `gdansk`): field `names[1].from`: 1939-08-31 – … overlaps `names[0]` \
         (1920-11-15 – 1939-08): a period must begin after the one before it ends",
        "places.geojson: feature 2 (id `vyborg`): field `names[0]`: needs `from`, `to` or both: the dates between which \
         the name was used",
        "places.geojson: feature 2 (id `vyborg`): field `names[1].name.en`: is missing or empty (required: English is \
         shown wherever a translation is missing)",
        "places.geojson: feature 2 (id `vyborg`): field `names[1].sources`: is empty: name at least one source for the \
         name and its dates",
        "places.geojson: feature 2 (id `vyborg`): field `names[2]`: must be an object such as [{\"from\": \
         \"1939-03-23\", \"name\": {\"en\": \"Memel\", …}, \"sources\": [\"…\"]}], found a string",
        "places.geojson: feature 2 (id `vyborg`): field `names[3].from`: `1941-8-29` is not a date: write YYYY, \
         YYYY-MM or YYYY-MM-DD (e.g. 1920, 1920-01, 1934-09-12), or a part of a year as YYYY-33 … YYYY-36 (a quarter: \
         1920-36 is the end of 1920) or YYYY-40, YYYY-41 (a half)",
        "places.geojson: feature 3 (id `pechory`): field `names`: must be a list such as [{\"from\": \"1939-03-23\", \
         \"name\": {\"en\": \"Memel\", …}, \"sources\": [\"…\"]}], found an object",
    ];
    assert_eq!(errors, expected);
    // A period's end before its start is named too, once the rest of it is right.
    let backwards = text.replace(r#"{"lv":"Viipuri"},"sources":[]"#, r#"{"en":"Viipuri"},"sources":["a book"]"#);
    let errors = parse_places(DataFile { name: "places.geojson", text: &backwards }, &langs()).expect_err("refused");
    assert!(
        errors.to_string().contains(
            "places.geojson: feature 2 (id `vyborg`): field `names[1].to`: 1941-08-29 is before `from` 1944-06-20"
        ),
        "{errors}"
    );
}

#[test]
fn a_name_by_period_missing_a_language_is_a_warning_and_shows_english() {
    let text = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Point","coordinates":[21.1175,55.7172]},"properties":{"id":"klaipeda","role":"context","name":{"en":"Klaipėda","lv":"Klaipēda","lt":"Klaipėda","et":"Klaipėda"},"sources":["GeoNames 598098"],
 "names":[{"from":"1939-03-23","name":{"en":"Memel","lv":"Memel","lt":"Memel"},"sources":["a treaty"]}]}}]}"#;
    let (places, warnings) =
        parse_places(DataFile { name: "places.geojson", text }, &langs()).expect("a missing language is no error");
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["places.geojson: feature 0 (id `klaipeda`): field `names[0].name.et`: is missing; the English text is shown \
          instead"]
    );
    let et = Lang::new("et").expect("et");
    let day = atlas_core::time::CalendarDay { year: 1939, month: 7, day: 1 };
    assert_eq!(places[0].name_on(day).get(et), ("Memel", Lang::EN));
}

#[test]
fn the_one_loader_refuses_names_by_period_that_overlap() {
    let places = String::from_utf8(committed("places.geojson")).expect("UTF-8");
    let overlapping = places.replacen(r#""from": "1939-03-23""#, r#""from": "1923-01-01""#, 1);
    let errors = load_with(&[("places.geojson", Some(overlapping.as_bytes()))]).expect_err("refused");
    assert!(
        errors.iter().any(|e| e.starts_with("places.geojson: feature 10 (id `klaipeda`): field `names[1].from`: 1923-01-01 – 1945-01 overlaps `names[0]`")),
        "{errors:#?}"
    );
}

/// One committed event with its `properties` changed by `edit`, loaded through the one loader.
fn load_with_event(id: &str, edit: impl Fn(&mut serde_json::Value)) -> Result<DataSet, Vec<String>> {
    let mut events: serde_json::Value =
        serde_json::from_slice(&committed("events.geojson")).expect("the committed data");
    let feature =
        events["features"].as_array_mut().expect("the committed data").iter_mut().find(|f| f["properties"]["id"] == id);
    edit(&mut feature.expect("the event")["properties"]);
    let bytes = serde_json::to_vec(&events).expect("the committed data");
    load_with(&[("events.geojson", Some(&bytes))])
}

#[test]
fn structured_sources_and_contested_dates_of_the_committed_data_load() {
    let data = load_with(&[]).expect("the committed data loads");
    let treaty = data
        .atlas
        .events()
        .iter()
        .find(|e| e.id.as_str() == "treaty-1934-09-12-baltic-entente")
        .expect("the committed data");
    assert!(treaty.date_disputed());
    let chosen: Vec<_> = treaty.dates.iter().filter(|d| d.chosen).collect();
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].span, treaty.span, "the map goes by the chosen date");
    let other = treaty.dates.iter().find(|d| !d.chosen).expect("the committed data");
    assert_eq!(
        other.span.end.expect("the committed data").to_string(),
        "1940-06",
        "Russian Wikipedia: June 1940, to the month"
    );
    assert!(data.atlas.events().iter().all(|e| !e.sources.is_empty()));
    let ninth = data
        .atlas
        .events()
        .iter()
        .find(|e| e.id.as_str() == "baltic-entente-conference-09")
        .expect("the committed data");
    assert!(ninth.note.is_none() && ninth.sources.iter().all(|c| c.work.as_str() != "ruwiki-baltiyskaya-antanta"));
}

#[test]
fn an_unknown_work_is_named_with_file_record_and_field() {
    let errors =
        load_with_event("conference-1919-09-tallinn", |p| p["sources"][0]["work"] = "lvwiki-baltijas-antant".into())
            .expect_err("the broken data should not load");
    assert!(
        errors.iter().any(|e| e.starts_with("events.geojson: feature 0 (id `conference-1919-09-tallinn`): field `sources[0].work`: `lvwiki-baltijas-antant` is not a work in sources.json")),
        "{errors:#?}"
    );
    let errors = load_with_event("lithuanian-delegation-moscow-1940-06-08", |p| {
        p["dates"][1]["sources"][0]["work"] = "urbsys".into();
        p["dates"][1]["start"] = "1940-06-31".into();
    })
    .expect_err("the broken data should not load");
    assert!(
        errors.iter().any(|e| e
            .contains("(id `lithuanian-delegation-moscow-1940-06-08`): field `dates[1].sources[0].work`: `urbsys`")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains("field `dates[1].start`: `1940-06-31` has day 31")), "{errors:#?}");
}

#[test]
fn a_contested_date_needs_one_chosen_date_that_is_the_events_own() {
    let errors = load_with_event("annulment-1940-07-01-baltic-entente", |p| {
        p["dates"][0]["start"] = "1940-07-02".into();
        p["dates"][1]["chosen"] = true.into();
    })
    .expect_err("the broken data should not load");
    assert!(
        errors.iter().any(|e| e.contains("field `dates[0].start`: the chosen date must be the event's own")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("field `dates`: exactly one date must be `\"chosen\": true`")),
        "{errors:#?}"
    );
}

#[test]
fn the_catalogue_names_a_bad_accessed_date_a_missing_language_a_bad_url_and_an_uncited_work() {
    let mut catalogue: serde_json::Value =
        serde_json::from_slice(&committed("sources.json")).expect("the committed data");
    let work = &mut catalogue["works"]["lvwiki-baltijas-antante"];
    work["accessed"] = "26.11.2026".into();
    work["url"] = "lv.wikipedia.org/wiki/Baltijas_Antante".into();
    work.as_object_mut().expect("the committed data").remove("language");
    let bytes = serde_json::to_vec(&catalogue).expect("the committed data");
    let errors = load_with(&[("sources.json", Some(&bytes))]).expect_err("the broken data should not load");
    for expected in [
        "sources.json: key `works.lvwiki-baltijas-antante.accessed`: `26.11.2026` is not a date",
        "sources.json: key `works.lvwiki-baltijas-antante.language`: is missing",
        "sources.json: key `works.lvwiki-baltijas-antante.url`: `lv.wikipedia.org/wiki/Baltijas_Antante` is not a web address",
    ] {
        assert!(errors.iter().any(|e| e.starts_with(expected)), "{expected}\n{errors:#?}");
    }
    // Without the catalogue, the events' citations are not reported again, one by one.
    assert!(!errors.iter().any(|e| e.starts_with("events.geojson")), "{errors:#?}");

    let mut catalogue: serde_json::Value =
        serde_json::from_slice(&committed("sources.json")).expect("the committed data");
    catalogue["works"]["nobody-cites-this"] =
        serde_json::json!({"title": "Nobody", "language": "en", "kind": "book", "date": "2001"});
    let bytes = serde_json::to_vec(&catalogue).expect("the committed data");
    let data = load_with(&[("sources.json", Some(&bytes))]).expect("an uncited work is only a warning");
    let warnings: Vec<String> = data.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.contains(&"sources.json: key `works.nobody-cites-this`: is cited by no event: cite it, or remove it from the catalogue".to_owned()), "{warnings:#?}");
}
