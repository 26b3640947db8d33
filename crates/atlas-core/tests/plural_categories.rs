//! Every plural message has exactly the plural categories CLDR gives its language (cardinal):
//! the validator's check ([`Checks::validator`]) on the committed language files, whatever
//! languages `languages.json` lists, and on a fixture with a missing and an extra category.
use atlas_core::data::DataFile;
use atlas_core::dataset::{language_file, Checks};
use atlas_core::i18n::{cldr_cardinal_categories, parse_language_with, PluralCategory, UiText, TEXT_KEYS};
use atlas_core::DataSet;
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The categories a language file gives one plural message, read straight from its JSON.
fn categories_in_file(json: &Value, key: &str) -> Vec<PluralCategory> {
    let mut found: Vec<PluralCategory> = match &json["texts"][key] {
        Value::Object(forms) => forms.keys().map(|k| k.parse().expect("a CLDR category name")).collect(),
        Value::String(_) => vec![PluralCategory::Other],
        other => panic!("`{key}` is {other}"),
    };
    found.sort();
    found
}

#[test]
fn every_committed_language_file_has_cldrs_categories_in_every_plural_message() {
    let data = DataSet::load_dir_with(DATA.as_ref(), Checks::validator())
        .unwrap_or_else(|e| panic!("the data files do not load:\n{e}"));
    let plural_warnings: Vec<String> =
        data.warnings.iter().map(ToString::to_string).filter(|w| w.contains("plural category")).collect();
    assert!(plural_warnings.is_empty(), "{plural_warnings:#?}");
    // The same, read straight from each file, for every language offered: no language is
    // skipped, and the loader's check is not the only witness.
    let plurals: Vec<&str> = TEXT_KEYS.iter().filter(|k| k.plural).map(|k| k.name).collect();
    assert!(!plurals.is_empty());
    let mut checked = 0;
    for lang in data.languages.offered() {
        let json: Value = serde_json::from_str(&read(&format!("{DATA}/{}", language_file(lang)))).expect("JSON");
        let mut required = cldr_cardinal_categories(lang);
        required.sort();
        for key in &plurals {
            assert_eq!(categories_in_file(&json, key), required, "{lang}: {key}");
            checked += 1;
        }
    }
    assert_eq!(checked, plurals.len() * data.languages.all().len());
}

#[test]
fn a_missing_an_extra_and_a_plain_string_are_named_with_file_key_and_category() {
    let text = read(&format!("{FIXTURES}/lang-lt-plural-categories.json"));
    let file = DataFile { name: "lang/lt.json", text: &text };
    let english = UiText::builtin_english();
    let (lt, warnings) =
        parse_language_with(file, Some(&english), Some(&cldr_cardinal_categories)).expect("the fixture loads");
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).filter(|w| w.contains("plural")).collect();
    let cldr = "(CLDR cardinal categories for lt: one, few, many, other)";
    let missing = |key: &str, category: &str| {
        format!(
            "lang/lt.json: key `texts.{key}`: missing plural category `{category}` {cldr}; the \"other\" form is shown instead"
        )
    };
    let expected = [
        missing("events_in_year", "few"),
        missing("events_in_year", "many"),
        format!("lang/lt.json: key `texts.events_in_year`: extra plural category `two` {cldr}; it is never shown"),
        missing("more_treaties", "one"),
        missing("more_treaties", "few"),
        missing("more_treaties", "many"),
    ];
    assert_eq!(warnings, expected);
    // The forms that are there are still used; a missing one falls back to `other`.
    assert_eq!(lt.events_in_year(1, PluralCategory::One), "1 įvykis");
    assert_eq!(lt.events_in_year(5, PluralCategory::Few), "5 įvykių");
    // Without the check (the app), the same file gives no such warning.
    let (_, unchecked) = parse_language_with(file, Some(&english), None).expect("loads");
    assert!(!unchecked.iter().any(|w| w.to_string().contains("plural category")), "{unchecked:?}");
}

#[test]
fn english_is_checked_too() {
    let text = read(&format!("{DATA}/lang/en.json"));
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let one = json["texts"]["countdown"]["one"].as_str().expect("en countdown.one").to_owned();
    let with_few = text.replacen(
        &format!("\"one\": {}", Value::from(one.as_str())),
        &format!("\"one\": {0}, \"few\": {0}", Value::from(one.as_str())),
        1,
    );
    assert_ne!(with_few, text, "the fixture edit found countdown's `one`");
    let file = DataFile { name: "lang/en.json", text: &with_few };
    let (_, warnings) = parse_language_with(file, None, Some(&cldr_cardinal_categories)).expect("English loads");
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["lang/en.json: key `texts.countdown`: extra plural category `few` (CLDR cardinal categories for en: one, other); it is never shown"]
    );
}
