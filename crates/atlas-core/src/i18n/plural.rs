//! CLDR plural categories. Which category a number falls in is the language's rule;
//! the app asks the browser (`Intl.PluralRules`, no code in the wasm), and code without a
//! browser uses [`PluralCategory::english`].
use std::str::FromStr;

/// One of the six CLDR plural categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The CLDR name: `zero`, `one`, `two`, `few`, `many`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// English's rule (`one` for 1, else `other`), for code that runs without a browser.
    ///
    /// ```
    /// use atlas_core::i18n::PluralCategory;
    /// assert_eq!(PluralCategory::english(1), PluralCategory::One);
    /// assert_eq!(PluralCategory::english(7), PluralCategory::Other);
    /// ```
    pub fn english(n: u32) -> PluralCategory {
        if n == 1 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }
}

impl FromStr for PluralCategory {
    type Err = String;

    /// ```
    /// use atlas_core::i18n::PluralCategory;
    /// assert_eq!("few".parse(), Ok(PluralCategory::Few));
    /// assert!("several".parse::<PluralCategory>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PluralCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a CLDR plural category; use zero, one, two, few, many or other"))
    }
}
