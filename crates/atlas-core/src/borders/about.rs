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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataSet;
    use crate::time::CalendarDay;

    fn data() -> DataSet {
        crate::dataset::committed_data()
    }

    fn ids(data: &DataSet, notes: &[BorderNote]) -> Vec<String> {
        notes.iter().map(|n| data.borders.periods()[n.period].id.clone()).collect()
    }

    #[test]
    fn the_changes_of_25_march_1939_are_klaipeda_first_in_every_language() {
        let data = data();
        let day = CalendarDay { year: 1939, month: 3, day: 25 };
        let expected = [
            "lithuania-1939",
            "germany-1939-memel",
            "poland-1938-1939",
            "italy-1924",
            "ussr-1922-1939",
            "danzig-1920-1939",
            "latvia-1918-1940",
            "france-1918",
            "estonia-1918-1940",
            "finland-1917-1940",
        ];
        for ui in data.languages.all() {
            let notes = border_notes(&data.borders, day, ui);
            assert_eq!(ids(&data, &notes), expected, "{}", ui.lang());
            for note in &notes {
                let (text, lang) = note.note.as_ref().expect("every period of the list has a note");
                assert_eq!(*lang, ui.lang(), "{}: the note of {} is translated", ui.lang(), note.name.0);
                assert!(!text.is_empty() && !note.sources.is_empty());
                for source in &note.sources {
                    let slug = source.split_once(": ").map(|(head, _)| head).filter(|h| crate::model::is_slug(h));
                    assert_eq!(slug, None, "a source that starts with an internal slug: {source}");
                }
            }
        }
        let en = border_notes(&data.borders, day, &data.languages.get(Lang::EN));
        assert_eq!((en[0].name.0.as_str(), en[0].dates.as_str()), ("Lithuania", "23 March – 27 October 1939"));
        assert_eq!(en[3].dates, "from 16 March 1924");
        let lt = border_notes(&data.borders, day, &data.languages.get(Lang::new("lt").expect("lt")));
        assert_eq!(lt[1].dates, "1939 m. kovo 23 d. – rugpjūčio 31 d.");
        assert!(lt[0].note.as_ref().is_some_and(|(n, _)| n.contains("įžengė kovo 23 d.")), "{:?}", lt[0].note);
    }

    #[test]
    fn the_changes_of_10_august_1940_begin_with_the_annexations() {
        let data = data();
        let day = CalendarDay { year: 1940, month: 8, day: 10 };
        let notes = border_notes(&data.borders, day, &data.languages.get(Lang::EN));
        assert_eq!(
            ids(&data, &notes),
            [
                "estonian-ssr-1940",
                "latvian-ssr-1940",
                "lithuanian-ssr-1940",
                "ussr-1940-06",
                "germany-1940",
                "finland-1940",
                "general-government-1939",
                "italy-1924",
                "france-1918",
            ]
        );
        assert_eq!(notes[0].name.0, "Estonian SSR (annexed by the USSR)");
        assert_eq!(notes[0].dates, "from 6 August 1940");
        let ru = border_notes(&data.borders, day, &data.languages.get(Lang::new("ru").expect("ru")));
        assert_eq!(ru[2].dates, "3 августа – 5 ноября 1940 г.");
        assert_eq!(ru[0].name.0, "Эстонская ССР (аннексирована СССР)");
    }

    #[test]
    fn a_period_without_change_or_note_is_not_listed() {
        let data = data();
        let day = CalendarDay { year: 1935, month: 7, day: 1 };
        let listed = data.borders.changes_on(day);
        let sweden = data.borders.periods().iter().position(|p| p.id == "sweden").expect("sweden");
        assert!(data.borders.epoch_on(day).contains(&sweden) && !listed.contains(&sweden));
    }
}
