//! Languages and texts in several languages. Which languages exist is read from the
//! data (`languages.json`), not written here: a [`Lang`] is only a language code.
use std::collections::BTreeMap;
use std::fmt;

/// A language, by its ISO 639 code (`lv`, `ru`, `en`): two or three lowercase letters.
///
/// It is `Copy`, so the interface can pass it around freely.
///
/// ```
/// use atlas_core::Lang;
/// let lv = Lang::new("lv").unwrap();
/// assert_eq!(lv.code(), "lv");
/// assert_eq!(Lang::from_tag("ru-RU"), Lang::new("ru"));
/// assert!(Lang::new("Latvian").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    code: [u8; 3],
    len: u8,
}

impl Lang {
    /// English: the language every text must have, and the one shown where a translation is missing.
    pub const EN: Lang = Lang { code: *b"en\0", len: 2 };

    /// A language from its exact code: two or three lowercase ASCII letters.
    pub fn new(code: &str) -> Option<Lang> {
        let bytes = code.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut out = [0u8; 3];
        out[..bytes.len()].copy_from_slice(bytes);
        Some(Lang { code: out, len: bytes.len() as u8 })
    }

    /// The language of a BCP 47 tag such as `lv-LV` or `RU` (its primary subtag, any case).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::new(&primary)
    }

    /// The code: `en`, `lv`, `ru`.
    pub fn code(&self) -> &str {
        // The bytes are ASCII letters by construction.
        std::str::from_utf8(&self.code[..usize::from(self.len)]).unwrap_or("en")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

/// A text in several languages; English is always present.
///
/// ```
/// use atlas_core::{Lang, Localized};
/// let lv = Lang::new("lv").unwrap();
/// let ru = Lang::new("ru").unwrap();
/// let riga = Localized::new("Riga").with(lv, "Rīga");
/// assert_eq!(riga.get(lv), ("Rīga", lv));
/// assert_eq!(riga.get(ru), ("Riga", Lang::EN)); // no Russian: English, and says so
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    texts: BTreeMap<Lang, String>,
}

impl Localized {
    /// A text with its English version.
    pub fn new(english: impl Into<String>) -> Localized {
        Localized::default().with(Lang::EN, english)
    }

    /// The same text with a version in `lang` added (or replaced).
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Localized {
        self.texts.insert(lang, text.into());
        self
    }

    /// The text in `lang` if present, else English; with the language actually returned,
    /// so that the page can mark a fallback with its own `lang` attribute.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match self.exact(lang) {
            Some(text) => (text, lang),
            None => (self.exact(Lang::EN).unwrap_or_default(), Lang::EN),
        }
    }

    /// The text in `lang`, or `None` where it is missing.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        self.texts.get(&lang).map(String::as_str)
    }

    /// The text in `lang`, or English.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).0
    }

    /// The languages this text is written in.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.texts.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_or_three_lowercase_letters() {
        assert!(Lang::new("et").is_some());
        assert!(Lang::new("sgs").is_some());
        for bad in ["", "e", "EN", "engl", "e1", "lv-LV", "ē"] {
            assert!(Lang::new(bad).is_none(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_tag_gives_its_primary_language() {
        assert_eq!(Lang::from_tag("lt-LT").map(|l| l.to_string()), Some("lt".to_owned()));
        assert_eq!(Lang::from_tag("ET"), Lang::new("et"));
        assert_eq!(Lang::from_tag("x-klingon"), None);
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn english_is_the_fallback() {
        let text = Localized::new("Geneva").with(Lang::new("lt").unwrap(), "Ženeva");
        assert_eq!(text.text(Lang::new("lt").unwrap()), "Ženeva");
        assert_eq!(text.get(Lang::new("et").unwrap()), ("Geneva", Lang::EN));
        assert_eq!(text.langs().count(), 2);
    }
}
