//! Reading `languages.json` (which languages are offered, in order) and one language's
//! file `lang/xx.json`, with every problem named by file and key.
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{placeholders, DateStyle, PluralCategory, UiText, DATE_PATTERNS, TEXT_KEYS};
use crate::data::{json_value, kind_of, DataError, DataErrors, DataFile, Location, Warning};
use crate::lang::Lang;

/// Collects the problems of one language file; with a fallback (English), a problem with
/// a text is a warning and the fallback's text is used.
struct Check<'a> {
    file: &'a str,
    strict: bool,
    errors: Vec<DataError>,
    warnings: Vec<Warning>,
    /// The file's language and the plural categories its messages must have, when checked.
    plural_categories: Option<(Lang, Vec<PluralCategory>)>,
}

impl Check<'_> {
    fn error(&mut self, key: &str, problem: impl Into<String>) {
        self.errors.push(DataError::Key { file: self.file.to_owned(), key: key.to_owned(), problem: problem.into() });
    }

    fn warn(&mut self, key: &str, message: impl Into<String>) {
        let location = Location { file: self.file.to_owned(), index: None, id: None };
        self.warnings.push(Warning { location, field: key.to_owned(), message: message.into() });
    }

    /// A problem with one text: an error in English, else a warning and English instead.
    fn problem(&mut self, key: &str, problem: impl Into<String>) {
        if self.strict {
            self.error(key, problem);
        } else {
            self.warn(key, format!("{}; the English text is shown instead", problem.into()));
        }
    }

    /// A text, checked against the placeholders it may use; `None` after a problem.
    fn text(&mut self, key: &str, value: Option<&Value>, allowed: &[&str]) -> Option<String> {
        let text = match value {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::String(_)) => {
                self.problem(key, "is empty");
                return None;
            }
            None | Some(Value::Null) => {
                self.problem(key, "is missing");
                return None;
            }
            Some(other) => {
                self.problem(key, format!("must be a string, found {}", kind_of(other)));
                return None;
            }
        };
        let unknown: Vec<&str> = placeholders(text).into_iter().filter(|p| !allowed.contains(p)).collect();
        if !unknown.is_empty() {
            let may = if allowed.is_empty() {
                "none".to_owned()
            } else {
                allowed.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")
            };
            let used = unknown.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ");
            self.problem(
                key,
                format!("uses the placeholder {used}, which this text does not have (it may use: {may})"),
            );
            return None;
        }
        Some(text.clone())
    }
}

fn object<'v>(check: &mut Check<'_>, value: &'v Value, key: &str) -> Option<&'v Map<String, Value>> {
    match value.get(key) {
        Some(Value::Object(map)) => Some(map),
        None | Some(Value::Null) => {
            check.problem(key, "is missing");
            None
        }
        Some(other) => {
            check.error(key, format!("must be an object {{…}}, found {}", kind_of(other)));
            None
        }
    }
}

fn months(check: &mut Check<'_>, value: Option<&Value>, key: &str) -> Option<[String; 12]> {
    let Some(Value::Array(items)) = value else {
        check.problem(key, "must be a list of the twelve month names, January first");
        return None;
    };
    let names: Option<Vec<String>> =
        items.iter().map(|v| v.as_str().filter(|s| !s.trim().is_empty()).map(str::to_owned)).collect();
    match names.map(<[String; 12]>::try_from) {
        Some(Ok(names)) => Some(names),
        _ => {
            check.problem(key, format!("must be a list of twelve non-empty month names, found {} items", items.len()));
            None
        }
    }
}

/// Reads `languages.json`: `{"languages": ["lv", "lt", "et", "en"]}`, the switcher's order.
/// English must be listed (it is every text's fallback).
///
/// ```
/// use atlas_core::data::DataFile;
/// use atlas_core::i18n::parse_language_list;
/// let file = DataFile { name: "languages.json", text: r#"{"languages": ["lv", "en", "ru"]}"# };
/// let langs = parse_language_list(file).unwrap();
/// assert_eq!(langs.iter().map(|l| l.code()).collect::<Vec<_>>(), ["lv", "en", "ru"]);
/// ```
pub fn parse_language_list(file: DataFile<'_>) -> Result<Vec<Lang>, DataErrors> {
    let value = json_value(file).map_err(DataErrors::from)?;
    let mut errors = Vec::new();
    let mut error =
        |key: String, problem: String| errors.push(DataError::Key { file: file.name.to_owned(), key, problem });
    let mut langs = Vec::new();
    match value.get("languages") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_str().and_then(Lang::new) {
                    Some(lang) if langs.contains(&lang) => {
                        error(format!("languages[{i}]"), format!("`{lang}` is listed twice"))
                    }
                    Some(lang) => langs.push(lang),
                    None => error(
                        format!("languages[{i}]"),
                        format!(
                            "must be a language code of two or three lowercase letters such as \"lv\", found {item}"
                        ),
                    ),
                }
            }
            if !langs.contains(&Lang::EN) && langs.len() == items.len() {
                error(
                    "languages".into(),
                    "must include \"en\": English is shown wherever a translation is missing".into(),
                );
            }
        }
        _ => error("languages".into(), "is missing; write {\"languages\": [\"lv\", \"lt\", \"et\", \"en\"]}".into()),
    }
    if errors.is_empty() {
        Ok(langs)
    } else {
        Err(DataErrors { errors })
    }
}

/// Reads one language's file. Without `fallback` (English itself) every text must be there
/// and right; with it, a missing or broken text is a warning and the fallback's text is used,
/// so one mistake never blanks the interface.
///
/// ```
/// use atlas_core::data::DataFile;
/// use atlas_core::i18n::{parse_language, UiText};
/// let english = UiText::builtin_english();
/// let file = DataFile {
///     name: "lang/xx.json",
///     text: r#"{"language": {"code": "lv", "name": "Latviešu"}, "texts": {"close": "Aizvērt"}, "dates": {}}"#,
/// };
/// let (latvian, warnings) = parse_language(file, Some(&english)).unwrap();
/// assert_eq!(latvian.close(), "Aizvērt");
/// assert_eq!(latvian.stay(), "Stay"); // missing: English, with a warning
/// assert!(warnings.iter().any(|w| w.to_string() == "lang/xx.json: key `texts.stay`: is missing; the English text is shown instead"));
/// ```
pub fn parse_language(file: DataFile<'_>, fallback: Option<&UiText>) -> Result<(UiText, Vec<Warning>), DataErrors> {
    parse_language_with(file, fallback, None)
}

/// [`parse_language`], and with `plural_categories` (the validator passes CLDR's,
/// [`super::cldr_cardinal_categories`]) a check that every plural message has exactly the
/// categories its language needs: a missing or an extra one is a warning (the app shows the
/// `other` form where one is missing, and never shows an extra one).
///
/// ```
/// use atlas_core::data::DataFile;
/// use atlas_core::i18n::{parse_language_with, PluralCategory::*, UiText};
/// let file = DataFile {
///     name: "lang/lt.json",
///     text: r#"{"language": {"code": "lt", "name": "Lietuvių"},
///               "texts": {"countdown": {"one": "po {n} sekundės", "other": "po {n} sekundžių"}}, "dates": {}}"#,
/// };
/// let lithuanian = |_| vec![One, Few, Many, Other];
/// let (_, warnings) = parse_language_with(file, Some(&UiText::builtin_english()), Some(&lithuanian)).unwrap();
/// assert!(warnings.iter().any(|w| w.to_string() == "lang/lt.json: key `texts.countdown`: missing plural category \
///     `few` (CLDR cardinal categories for lt: one, few, many, other); the \"other\" form is shown instead"));
/// ```
pub fn parse_language_with(
    file: DataFile<'_>,
    fallback: Option<&UiText>,
    plural_categories: Option<&dyn Fn(Lang) -> Vec<PluralCategory>>,
) -> Result<(UiText, Vec<Warning>), DataErrors> {
    let value = json_value(file).map_err(DataErrors::from)?;
    let mut check = Check {
        file: file.name,
        strict: fallback.is_none(),
        errors: Vec::new(),
        warnings: Vec::new(),
        plural_categories: None,
    };
    if !value.is_object() {
        check.error("(top level)", "must be an object {\"language\": …, \"texts\": …, \"dates\": …}");
        return Err(DataErrors { errors: check.errors });
    }
    let language = value.get("language");
    let lang = match language.and_then(|l| l.get("code")).and_then(Value::as_str) {
        Some(code) => Lang::new(code).or_else(|| {
            check.error("language.code", format!("`{code}` must be a language code of two or three lowercase letters"));
            None
        }),
        None => {
            check.error("language.code", "is missing; write e.g. {\"code\": \"lv\", \"name\": \"Latviešu\"}");
            None
        }
    };
    if let (Some(lang), Some(categories_of)) = (lang, plural_categories) {
        check.plural_categories = Some((lang, categories_of(lang)));
    }
    let name = match language.and_then(|l| l.get("name")).and_then(Value::as_str).filter(|s| !s.trim().is_empty()) {
        Some(name) => Some(name.to_owned()),
        None => {
            check.error("language.name", "is missing; write the language's name in itself, e.g. \"Latviešu\"");
            None
        }
    };

    let mut texts = BTreeMap::new();
    let mut plurals = BTreeMap::new();
    if let Some(given) = object(&mut check, &value, "texts") {
        for key in TEXT_KEYS {
            let field = format!("texts.{}", key.name);
            let value = given.get(key.name);
            if key.plural {
                let forms = plural_forms(&mut check, &field, value, key.placeholders);
                match (forms, fallback) {
                    (Some(forms), _) => {
                        plurals.insert(key.name, forms);
                    }
                    (None, Some(fallback)) => {
                        plurals.insert(key.name, fallback.plurals.get(key.name).cloned().unwrap_or_default());
                    }
                    (None, None) => {}
                }
            } else {
                let text = check.text(&field, value, key.placeholders);
                if let Some(text) = text.or_else(|| fallback.map(|f| f.plain(key.name).to_owned())) {
                    texts.insert(key.name, text);
                }
            }
        }
        for extra in given.keys().filter(|k| !TEXT_KEYS.iter().any(|key| key.name == k.as_str())) {
            check.warn(&format!("texts.{extra}"), "is not a text the atlas uses (a misspelt key?); it is ignored");
        }
    } else if let Some(fallback) = fallback {
        texts = fallback.texts.clone();
        plurals = fallback.plurals.clone();
    }

    let english = DateStyle::english();
    let base = fallback.map(|f| &f.dates).unwrap_or(&english);
    let mut dates = base.clone();
    if let Some(given) = object(&mut check, &value, "dates") {
        match months(&mut check, given.get("months"), "dates.months") {
            Some(names) => {
                dates.months_genitive = names.clone();
                dates.months = names;
            }
            None => {
                dates.months = base.months.clone();
                dates.months_genitive = base.months_genitive.clone();
            }
        }
        if given.contains_key("months_genitive") {
            if let Some(names) = months(&mut check, given.get("months_genitive"), "dates.months_genitive") {
                dates.months_genitive = names;
            }
        }
        for (name, allowed) in DATE_PATTERNS {
            let key = format!("dates.{name}");
            if let (Some(text), Some(slot)) = (check.text(&key, given.get(name), allowed), dates.pattern_mut(name)) {
                *slot = text;
            }
        }
        let known = ["months", "months_genitive"];
        for extra in given.keys().filter(|k| !known.contains(&k.as_str()) && !DATE_PATTERNS.iter().any(|(n, _)| n == k))
        {
            check.warn(
                &format!("dates.{extra}"),
                "is not a date pattern the atlas uses (a misspelt key?); it is ignored",
            );
        }
    }

    let mut sites = fallback.map(|f| f.sites.clone()).unwrap_or_default();
    let mut own_sites = std::collections::BTreeSet::new();
    match value.get("sites") {
        None | Some(Value::Null) => {}
        Some(Value::Object(given)) => {
            for (id, name) in given {
                if let Some(name) = check.text(&format!("sites.{id}"), Some(name), &[]) {
                    sites.insert(id.clone(), name);
                    own_sites.insert(id.clone());
                }
            }
        }
        Some(other) => {
            check.error("sites", format!("must be an object {{\"wikipedia-lv\": \"…\"}}, found {}", kind_of(other)))
        }
    }

    match (lang, name, check.errors.is_empty()) {
        (Some(lang), Some(name), true) => {
            Ok((UiText { lang, name, texts, plurals, dates, sites, own_sites }, check.warnings))
        }
        _ => Err(DataErrors { errors: check.errors }),
    }
}

/// A plural message: `{"one": "… {n} second…", "other": "… {n} seconds…"}` (a plain string
/// is taken as its `other` form).
fn plural_forms(
    check: &mut Check<'_>,
    key: &str,
    value: Option<&Value>,
    allowed: &[&str],
) -> Option<BTreeMap<PluralCategory, String>> {
    let object = match value {
        Some(Value::Object(object)) => object.clone(),
        Some(Value::String(s)) => Map::from_iter([("other".to_owned(), Value::String(s.clone()))]),
        None | Some(Value::Null) => {
            check.problem(key, "is missing");
            return None;
        }
        Some(other) => {
            check.problem(
                key,
                format!("must be an object of plural forms {{\"one\": …, \"other\": …}}, found {}", kind_of(other)),
            );
            return None;
        }
    };
    let mut forms = BTreeMap::new();
    for (name, text) in &object {
        let field = format!("{key}.{name}");
        match name.parse::<PluralCategory>() {
            Ok(category) => {
                forms.insert(category, check.text(&field, Some(text), allowed)?);
            }
            Err(problem) => check.warn(&field, format!("{problem}; it is ignored")),
        }
    }
    if !forms.contains_key(&PluralCategory::Other) {
        check.problem(key, "has no \"other\" form (CLDR's form for every number the others do not take)");
        return None;
    }
    if let Some((lang, required)) = &check.plural_categories {
        let names: Vec<&str> = required.iter().map(|c| c.as_str()).collect();
        let cldr = format!("CLDR cardinal categories for {lang}: {}", names.join(", "));
        let missing: Vec<PluralCategory> = required.iter().copied().filter(|c| !forms.contains_key(c)).collect();
        let extra: Vec<PluralCategory> = forms.keys().copied().filter(|c| !required.contains(c)).collect();
        for category in missing {
            check.warn(
                key,
                format!(
                    "missing plural category `{}` ({cldr}); the \"other\" form is shown instead",
                    category.as_str()
                ),
            );
        }
        for category in extra {
            check.warn(key, format!("extra plural category `{}` ({cldr}); it is never shown", category.as_str()));
        }
    }
    Some(forms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> UiText {
        UiText::builtin_english()
    }

    fn read(text: &str) -> Result<(UiText, Vec<Warning>), DataErrors> {
        parse_language(DataFile { name: "lang/lt.json", text }, Some(&english()))
    }

    fn messages(warnings: &[Warning]) -> Vec<String> {
        warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_bad_placeholder_is_named_and_english_is_shown() {
        let (lt, warnings) = read(
            r#"{"language": {"code": "lt", "name": "Lietuvių"}, "texts": {"active_in": "{yaer} m."}, "dates": {}}"#,
        )
        .expect("parses");
        assert_eq!(lt.active_in("1935"), "Active in 1935");
        assert!(messages(&warnings).iter().any(|w| w.starts_with(
            "lang/lt.json: key `texts.active_in`: uses the placeholder {yaer}, which this text does not have (it may use: {year})"
        )), "{warnings:?}");
    }

    #[test]
    fn an_extra_key_is_named() {
        let (_, warnings) =
            read(r#"{"language": {"code": "lt", "name": "Lietuvių"}, "texts": {"clsoe": "Uždaryti"}, "dates": {}}"#)
                .expect("parses");
        assert!(messages(&warnings).contains(
            &"lang/lt.json: key `texts.clsoe`: is not a text the atlas uses (a misspelt key?); it is ignored"
                .to_owned()
        ));
    }

    #[test]
    fn plural_forms_are_chosen_by_category() {
        let (lt, warnings) = read(
            r#"{"language": {"code": "lt", "name": "Lietuvių"},
                "texts": {"countdown": {"one": "po {n} sekundės", "few": "po {n} sekundžių", "other": "po {n} sekundžių"}},
                "dates": {}}"#,
        )
        .expect("parses");
        assert_eq!(lt.countdown(21, PluralCategory::One), "po 21 sekundės");
        assert_eq!(lt.countdown(5, PluralCategory::Few), "po 5 sekundžių");
        assert!(!messages(&warnings).iter().any(|w| w.contains("`texts.countdown`")));
    }

    #[test]
    fn plural_forms_need_other() {
        let (lt, warnings) =
            read(r#"{"language": {"code": "lt", "name": "Lietuvių"}, "texts": {"countdown": {"one": "po {n}"}}, "dates": {}}"#)
                .expect("parses");
        assert_eq!(lt.countdown(2, PluralCategory::Other), "Returning to the start in 2 seconds…");
        assert!(messages(&warnings).iter().any(|w| w.contains("`texts.countdown`: has no \"other\" form")));
    }

    #[test]
    fn english_itself_must_be_complete() {
        let result = parse_language(
            DataFile {
                name: "lang/en.json",
                text: r#"{"language": {"code": "en", "name": "English"}, "texts": {}, "dates": {}}"#,
            },
            None,
        );
        let errors = result.expect_err("incomplete English").errors;
        assert!(errors.iter().any(|e| e.to_string() == "lang/en.json: key `texts.close`: is missing"), "{errors:?}");
    }

    #[test]
    fn the_list_needs_english_and_good_codes() {
        let list = |text| parse_language_list(DataFile { name: "languages.json", text });
        assert!(list(r#"{"languages": ["lv", "lt"]}"#).is_err());
        let errors = list(r#"{"languages": ["en", "Latvian", "en"]}"#).expect_err("bad codes").errors;
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
