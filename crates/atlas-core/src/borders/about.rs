//! "About these borders": the border periods standing on a day that a reader may want
//! explained, each with its name, its dates, its note and its sources, in one language.
use super::Borders;
use crate::i18n::UiText;
use crate::lang::Lang;

/// One border period as the "About these borders" panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderNote {
    /// Index in [`Borders::periods`].
    pub period: usize,
    /// The period's name ("Lithuania", "Estonia (under Soviet occupation)") and its language
    /// (English where the file has none in the reader's).
    pub name: (String, Lang),
    /// When the border stood, as the language writes dates: "23 March – 27 October 1939",
    /// "from 6 August 1940" for a period that runs past 1940.
    pub dates: String,
    /// What is approximate about it, and its language.
    pub note: Option<(String, Lang)>,
    /// The treaties and references its lines follow (in English, as the data gives them).
    pub sources: Vec<String>,
}

/// The border periods standing on `day` that changed their state's borders or have a note
/// ([`Borders::changes_on`], the latest change first), written in `text`'s language.
///
/// ```
/// use atlas_core::borders::border_notes;
/// use atlas_core::i18n::UiText;
/// use atlas_core::time::CalendarDay;
///
/// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
/// let data = atlas_core::DataSet::load_dir(dir).unwrap();
/// let notes = border_notes(&data.borders, CalendarDay { year: 1939, month: 3, day: 25 }, &UiText::builtin_english());
/// assert_eq!(notes[0].name.0, "Lithuania");
/// assert_eq!(notes[0].dates, "23 March – 27 October 1939");
/// ```
pub fn border_notes(borders: &Borders, day: crate::time::CalendarDay, text: &UiText) -> Vec<BorderNote> {
    let lang = text.lang();
    borders
        .changes_on(day)
        .into_iter()
        .map(|index| {
            let period = &borders.periods()[index];
            let (name, name_lang) = period.name.get(lang);
            let dates = match period.span.end {
                Some(_) => text.span(&period.span),
                None => text.period_from(&text.dates().date(&period.span.start)),
            };
            BorderNote {
                period: index,
                name: (name.to_owned(), name_lang),
                dates,
                note: period.note.as_ref().map(|note| {
                    let (note, note_lang) = note.get(lang);
                    (note.to_owned(), note_lang)
                }),
                sources: period.sources.clone(),
            }
        })
        .collect()
}
