//! CLDR's cardinal plural categories of a language, from ICU4X's compiled CLDR data
//! (`icu_plurals`): the validator checks every plural message against them. Only with the
//! feature `validator`: the app's wasm carries no CLDR tables (the browser's
//! `Intl.PluralRules` chooses the category there).
use icu_plurals::{PluralRules, PluralRulesPreferences};

use super::PluralCategory;
use crate::lang::Lang;

/// The plural categories CLDR gives the cardinal numbers of `lang`, in CLDR's order (zero, one,
/// two, few, many, other). `other` is always among them; a language CLDR has no rules for gets
/// CLDR's root rules, `other` alone.
///
/// ```
/// use atlas_core::i18n::{cldr_cardinal_categories, PluralCategory::*};
/// use atlas_core::Lang;
/// let lang = |code| Lang::new(code).unwrap();
/// assert_eq!(cldr_cardinal_categories(lang("lt")), [One, Few, Many, Other]);
/// assert_eq!(cldr_cardinal_categories(lang("lv")), [Zero, One, Other]);
/// assert_eq!(cldr_cardinal_categories(lang("en")), [One, Other]);
/// ```
pub fn cldr_cardinal_categories(lang: Lang) -> Vec<PluralCategory> {
    let rules = icu_locale_core::LanguageIdentifier::try_from_str(lang.code())
        .ok()
        .and_then(|id| PluralRules::try_new_cardinal(PluralRulesPreferences::from(&id)).ok());
    let mut categories: Vec<PluralCategory> =
        rules.map(|rules| rules.categories().map(from_icu).collect()).unwrap_or_default();
    if !categories.contains(&PluralCategory::Other) {
        categories.push(PluralCategory::Other);
    }
    categories
}

/// The CLDR plural category of the cardinal `n` in `lang` (as the browser's `Intl.PluralRules`
/// chooses it in the app): for the tests and the validator.
///
/// ```
/// use atlas_core::i18n::{cldr_cardinal_category, PluralCategory};
/// assert_eq!(cldr_cardinal_category(atlas_core::Lang::new("ru").unwrap(), 3), PluralCategory::Few);
/// ```
pub fn cldr_cardinal_category(lang: Lang, n: u32) -> PluralCategory {
    icu_locale_core::LanguageIdentifier::try_from_str(lang.code())
        .ok()
        .and_then(|id| PluralRules::try_new_cardinal(PluralRulesPreferences::from(&id)).ok())
        .map_or(PluralCategory::Other, |rules| from_icu(rules.category_for(n)))
}

fn from_icu(category: icu_plurals::PluralCategory) -> PluralCategory {
    match category {
        icu_plurals::PluralCategory::Zero => PluralCategory::Zero,
        icu_plurals::PluralCategory::One => PluralCategory::One,
        icu_plurals::PluralCategory::Two => PluralCategory::Two,
        icu_plurals::PluralCategory::Few => PluralCategory::Few,
        icu_plurals::PluralCategory::Many => PluralCategory::Many,
        icu_plurals::PluralCategory::Other => PluralCategory::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    fn categories(code: &str) -> Vec<PluralCategory> {
        cldr_cardinal_categories(Lang::new(code).expect("a language code"))
    }

    #[test]
    fn the_atlas_languages_and_a_few_others_have_cldrs_categories() {
        assert_eq!(categories("et"), [One, Other]);
        assert_eq!(categories("ru"), [One, Few, Many, Other]);
        assert_eq!(categories("pl"), [One, Few, Many, Other]);
        assert_eq!(categories("fi"), [One, Other]);
        assert_eq!(categories("ar"), [Zero, One, Two, Few, Many, Other]);
        assert_eq!(categories("ja"), [Other]);
    }
}
