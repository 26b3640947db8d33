//! One loader for the app and the validator: [`DataSet::load`] reads every data file
//! through a callback (the app fetches them, the validator reads them from disk) and
//! returns the atlas, or every problem of every file.
use std::collections::HashMap;

use crate::borders::{parse_borders, Borders};
use crate::changes::ChangeDays;
use crate::data::{
    decode_text, parse_basemap, parse_events, parse_places, parse_states, Basemap, DataError, DataErrors, DataFile,
    Warning,
};
use crate::i18n::{parse_language, parse_language_list, parse_language_with, Languages, PluralCategory, UiText};
use crate::lang::Lang;
use crate::model::State;
use crate::settings::{parse_settings, Settings, SETTINGS_FILE};
use crate::sources::{check_sites, parse_catalogue, uncited_works, Catalogue, SOURCES_FILE};
use crate::stages::{parse_stages, Stages};
use crate::timeline::Atlas;
use crate::tours::{parse_tours, Tours, TOURS_FILE};
use crate::water::{parse_water, Water, WATER_FILE};

/// The list of offered languages.
pub const LANGUAGES_FILE: &str = "languages.json";
/// The data files every atlas has, beside the language files.
pub const DATA_FILES: [&str; 6] =
    ["places.geojson", "states.geojson", SOURCES_FILE, "events.geojson", "basemap.geojson", "borders.topojson"];

/// The stages of the story: optional (see [`OPTIONAL_FILES`]).
pub const STAGES_FILE: &str = "stages.geojson";

/// The data files the map can do without: when one is missing or broken, the map is drawn
/// without it and its problems are warnings (the water: lakes, lagoons and rivers; the stages:
/// the time bar's bands; the tours). So is a language's file, other than English's.
pub const OPTIONAL_FILES: [&str; 3] = [WATER_FILE, STAGES_FILE, TOURS_FILE];

/// What the map does without `water.geojson`, said in its warnings.
const WITHOUT_WATER: &str = "the map is drawn without lakes and rivers until this is fixed";

/// What the atlas does without a language's file (other than English), said in its warnings.
pub const WITHOUT_LANGUAGE: &str = "this language is not offered until this is fixed";

/// What the atlas does without `tours.json`, said in its warnings.
pub const WITHOUT_TOURS: &str = "the atlas offers no guided tour until this is fixed";

/// What the atlas does without a readable `settings.json`, said in its warnings.
pub const WITHOUT_SETTINGS: &str = "the atlas offers no QR code of its public copy until this is fixed";

/// What the atlas does without `stages.geojson`, said in its warnings.
pub const WITHOUT_STAGES: &str = "the time bar shows no stages until this is fixed";

/// The file of one language's interface texts: `lang/lv.json`.
///
/// ```
/// assert_eq!(atlas_core::dataset::language_file(atlas_core::Lang::EN), "lang/en.json");
/// ```
pub fn language_file(lang: Lang) -> String {
    format!("lang/{lang}.json")
}

/// Every file [`DataSet::load`] will ask for, given the bytes of `languages.json` (if they
/// could be read): so the app can fetch them all at once before it calls the loader.
///
/// ```
/// let files = atlas_core::dataset::files_to_read(Some(br#"{"languages": ["lv", "en"]}"#));
/// assert!(files.contains(&"lang/lv.json".to_owned()) && files.contains(&"events.geojson".to_owned()));
/// ```
pub fn files_to_read(languages_json: Option<&[u8]>) -> Vec<String> {
    let mut files: Vec<String> =
        DATA_FILES.iter().chain(&OPTIONAL_FILES).chain(&[SETTINGS_FILE]).map(|f| (*f).to_owned()).collect();
    let langs = languages_json
        .and_then(|bytes| decode_text(LANGUAGES_FILE, bytes).ok())
        .and_then(|text| parse_language_list(DataFile { name: LANGUAGES_FILE, text }).ok())
        .unwrap_or_else(|| vec![Lang::EN]);
    files.extend(langs.into_iter().map(language_file));
    files
}

/// The interfaces of whatever languages can be read, even when other data files cannot: so
/// that a page that must say the data is broken says so in the reader's language. English is
/// always there (built in, if its file is broken too).
///
/// ```
/// let languages = atlas_core::dataset::load_languages(|name| match name {
///     "languages.json" => Ok(br#"{"languages": ["lv", "en"]}"#.to_vec()),
///     _ => Err("missing".into()),
/// });
/// assert!(languages.find(atlas_core::Lang::EN).is_some());
/// ```
pub fn load_languages(mut read: impl FnMut(&str) -> Result<Vec<u8>, String>) -> Languages {
    let mut text_of = |name: &str| read(name).ok().and_then(|bytes| decode_text(name, &bytes).ok().map(str::to_owned));
    let langs = text_of(LANGUAGES_FILE)
        .and_then(|text| parse_language_list(DataFile { name: LANGUAGES_FILE, text: &text }).ok())
        .unwrap_or_else(|| vec![Lang::EN]);
    let english_name = language_file(Lang::EN);
    let english = text_of(&english_name)
        .and_then(|text| parse_language(DataFile { name: &english_name, text: &text }, None).ok())
        .map_or_else(UiText::builtin_english, |(ui, _)| ui);
    let mut interfaces = vec![];
    for lang in langs {
        if lang == Lang::EN {
            interfaces.push(english.clone());
            continue;
        }
        let name = language_file(lang);
        let parsed = text_of(&name)
            .and_then(|text| parse_language(DataFile { name: &name, text: &text }, Some(&english)).ok())
            .filter(|(ui, _)| ui.lang() == lang);
        interfaces.extend(parsed.map(|(ui, _)| ui));
    }
    if !interfaces.iter().any(|ui| ui.lang() == Lang::EN) {
        interfaces.push(english);
    }
    Languages::new(interfaces)
}

/// What the loader checks beyond what the map needs to be shown. The app reads with none
/// ([`Checks::default`]): its wasm carries no CLDR tables. The validator reads with
/// [`Checks::validator`] (feature `validator`).
#[derive(Clone, Copy, Default)]
pub struct Checks<'a> {
    /// The plural categories each language's plural messages must have (CLDR's cardinal
    /// categories): a missing or an extra one is a warning naming the file, the key and the
    /// category. Without it, a missing form falls back to `other` unnoticed.
    pub plural_categories: Option<&'a dyn Fn(Lang) -> Vec<PluralCategory>>,
}

impl Checks<'static> {
    /// Every check: the plural categories against CLDR ([`crate::i18n::cldr_cardinal_categories`]).
    #[cfg(feature = "validator")]
    pub fn validator() -> Checks<'static> {
        Checks { plural_categories: Some(&crate::i18n::cldr_cardinal_categories) }
    }
}

impl std::fmt::Debug for Checks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checks").field("plural_categories", &self.plural_categories.is_some()).finish()
    }
}

/// Everything the map shows, read and checked.
#[derive(Debug, Clone)]
pub struct DataSet {
    pub atlas: Atlas,
    pub states: Vec<State>,
    pub basemap: Basemap,
    pub borders: Borders,
    /// The days on which the map changes, for the time bar's steps within a year.
    pub changes: ChangeDays,
    /// The lakes, lagoons and rivers (empty when `water.geojson` is missing or broken: see
    /// [`OPTIONAL_FILES`]).
    pub water: Water,
    /// The named stages of the story, for the time bar.
    pub stages: Stages,
    /// The works the events cite (`sources.json`).
    pub catalogue: Catalogue,
    /// The guided tours (`tours.json`).
    pub tours: Tours,
    /// The installation's settings (`settings.json`; the defaults when it is missing or broken).
    pub settings: Settings,
    pub languages: Languages,
    /// What a curator or translator should fix, though the map can be shown.
    pub warnings: Vec<Warning>,
}

impl DataSet {
    /// What begins on `day`, for the words a screen reader hears after a step: the titles of the
    /// events that start that day, then the names of the border periods that begin on it.
    ///
    /// ```
    /// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    /// let data = atlas_core::DataSet::load_dir(dir).unwrap();
    /// let day = atlas_core::time::CalendarDay { year: 1940, month: 8, day: 3 };
    /// let news: Vec<&str> = data.news_on(day).iter().map(|n| n.text(atlas_core::Lang::EN)).collect();
    /// assert!(news.iter().any(|n| n.starts_with("Lithuanian SSR")), "{news:?}");
    /// ```
    pub fn news_on(&self, day: crate::time::CalendarDay) -> Vec<&crate::lang::Localized> {
        let events = self.atlas.active_in(day.year).filter(|e| e.span.first_day() == day).map(|e| &e.title);
        let borders = self.borders.periods().iter().filter(|p| p.first_day() == day).map(|p| &p.name);
        events.chain(borders).collect()
    }

    /// Reads every data file through `read` (a file's name, as in [`DATA_FILES`] and
    /// [`OPTIONAL_FILES`], to its bytes or a message why it could not be read), in dependency
    /// order: the languages, places, states, events, stages, base map, borders and water. Every
    /// file is read and checked even when an earlier one failed, so the errors of all files come
    /// back together. A problem of an optional file (the water) is a warning, and the map is
    /// drawn without it.
    ///
    /// ```
    /// use atlas_core::dataset::DataSet;
    /// let errors = DataSet::load(|name| Err(format!("{name} is not there"))).unwrap_err();
    /// assert!(errors.errors.iter().any(|e| e.to_string() == "events.geojson: events.geojson is not there"));
    /// ```
    pub fn load(read: impl FnMut(&str) -> Result<Vec<u8>, String>) -> Result<DataSet, DataErrors> {
        DataSet::load_with(read, Checks::default())
    }

    /// [`DataSet::load`] with the further `checks` (the validator's), whose problems are
    /// warnings: the same data set, and perhaps more warnings.
    pub fn load_with(
        mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
        checks: Checks<'_>,
    ) -> Result<DataSet, DataErrors> {
        let mut errors: Vec<DataError> = Vec::new();
        let mut warnings: Vec<Warning> = Vec::new();
        let mut bytes: HashMap<String, Vec<u8>> = HashMap::new();
        let mut fetch = |name: &str, bytes: &mut HashMap<String, Vec<u8>>, errors: &mut Vec<DataError>| -> bool {
            match read(name) {
                Ok(b) => {
                    bytes.insert(name.to_owned(), b);
                    true
                }
                Err(message) => {
                    errors.push(DataError::Read { file: name.to_owned(), message });
                    false
                }
            }
        };
        fetch(LANGUAGES_FILE, &mut bytes, &mut errors);
        for name in DATA_FILES {
            fetch(name, &mut bytes, &mut errors);
        }
        let mut stage_problems: Vec<DataError> = Vec::new();
        fetch(STAGES_FILE, &mut bytes, &mut stage_problems);
        let mut tour_problems: Vec<DataError> = Vec::new();
        fetch(TOURS_FILE, &mut bytes, &mut tour_problems);
        // Reads one file's text; a problem goes into `errors` and gives `None`.
        fn text<'b>(bytes: &'b HashMap<String, Vec<u8>>, name: &str, errors: &mut Vec<DataError>) -> Option<&'b str> {
            let raw = bytes.get(name)?;
            decode_text(name, raw).map_err(|e| errors.push(e)).ok()
        }
        fn keep<T>(
            result: Result<(T, Vec<Warning>), DataErrors>,
            errors: &mut Vec<DataError>,
            warnings: &mut Vec<Warning>,
        ) -> Option<T> {
            match result {
                Ok((value, w)) => {
                    warnings.extend(w);
                    Some(value)
                }
                Err(e) => {
                    errors.extend(e.errors);
                    None
                }
            }
        }

        // Languages: the list, then English (every other file's fallback), then the others.
        let mut langs = vec![Lang::EN];
        if let Some(list) = text(&bytes, LANGUAGES_FILE, &mut errors) {
            match parse_language_list(DataFile { name: LANGUAGES_FILE, text: list }) {
                Ok(list) => langs = list,
                Err(e) => errors.extend(e.errors),
            }
        }
        // A language other than English can be left out: its file's problems are warnings, and
        // the atlas is offered in the other languages (a kiosk in Latvian does not go dark
        // because of a translator's slip in the Lithuanian file).
        let mut lang_problems: Vec<DataError> = Vec::new();
        for &lang in &langs {
            let problems = if lang == Lang::EN { &mut errors } else { &mut lang_problems };
            fetch(&language_file(lang), &mut bytes, problems);
        }
        let english_name = language_file(Lang::EN);
        let english = text(&bytes, &english_name, &mut errors).and_then(|t| {
            keep(
                parse_language_with(DataFile { name: &english_name, text: t }, None, checks.plural_categories),
                &mut errors,
                &mut warnings,
            )
        });
        let fallback = english.clone().unwrap_or_else(UiText::builtin_english);
        let mut interfaces = Vec::new();
        for &lang in &langs {
            if lang == Lang::EN {
                interfaces.extend(english.clone());
                continue;
            }
            let name = language_file(lang);
            let Some(t) = text(&bytes, &name, &mut lang_problems) else { continue };
            if let Some(ui) = keep(
                parse_language_with(DataFile { name: &name, text: t }, Some(&fallback), checks.plural_categories),
                &mut lang_problems,
                &mut warnings,
            ) {
                if ui.lang() != lang {
                    let problem = format!("is `{}`, but the file is named for `{lang}`", ui.lang());
                    lang_problems.push(DataError::Key { file: name.clone(), key: "language.code".into(), problem });
                    continue;
                }
                interfaces.push(ui);
            }
        }
        warnings.extend(lang_problems.into_iter().map(|e| Warning::instead_of(e, WITHOUT_LANGUAGE)));

        let file = |name: &'static str, errors: &mut Vec<DataError>| {
            text(&bytes, name, errors).map(|t| DataFile { name, text: t })
        };
        let places =
            file("places.geojson", &mut errors).and_then(|f| keep(parse_places(f, &langs), &mut errors, &mut warnings));
        // Without the places, the states and events are still read, so their own problems are
        // reported too; references to places are then not checked.
        let place_list = places.clone().unwrap_or_default();
        let states = file("states.geojson", &mut errors)
            .and_then(|f| keep(parse_states(f, &place_list, &langs), &mut errors, &mut warnings));
        let catalogue =
            file(SOURCES_FILE, &mut errors).and_then(|f| keep(parse_catalogue(f), &mut errors, &mut warnings));
        if let Some(catalogue) = &catalogue {
            let (site_errors, site_warnings) = check_sites(catalogue, &interfaces);
            errors.extend(site_errors);
            warnings.extend(site_warnings);
        }
        let events = file("events.geojson", &mut errors).and_then(|f| {
            let state_list = states.clone().unwrap_or_default();
            let work_list = catalogue.clone().unwrap_or_default();
            let mut result = parse_events(f, &place_list, &state_list, &work_list, &langs);
            if catalogue.is_none() {
                // Drop the errors that only repeat that the catalogue could not be read.
                if let Err(e) = &mut result {
                    e.errors.retain(|e| !is_work_error(e));
                    if e.errors.is_empty() {
                        return None;
                    }
                }
            }
            if places.is_none() || states.is_none() {
                // Drop the errors that only repeat that the places or states could not be read.
                if let Err(e) = &mut result {
                    e.errors.retain(|e| {
                        !(places.is_none() && is_field(e, "place") || states.is_none() && is_field(e, "parties["))
                    });
                    if e.errors.is_empty() {
                        return None;
                    }
                }
            }
            keep(result, &mut errors, &mut warnings)
        });
        // The stages can be left out too: the time bar then has no bands.
        let stages = file(STAGES_FILE, &mut stage_problems)
            .and_then(|f| keep(parse_stages(f, &langs), &mut stage_problems, &mut warnings));
        warnings.extend(stage_problems.into_iter().map(|e| Warning::instead_of(e, WITHOUT_STAGES)));
        let stages = Some(stages.unwrap_or_default());
        let basemap = file("basemap.geojson", &mut errors).and_then(|f| match parse_basemap(f) {
            Ok(b) => Some(b),
            Err(e) => {
                errors.extend(e.errors);
                None
            }
        });
        let borders = file("borders.topojson", &mut errors)
            .and_then(|f| keep(parse_borders(f, &langs), &mut errors, &mut warnings));
        // The tours' stops name places and dates within the events' years.
        // They are optional: a broken tours.json leaves the atlas without tours.
        let tours = file(TOURS_FILE, &mut tour_problems).and_then(|f| {
            let years = events.as_ref().and_then(|events| Atlas::new(vec![], events.clone()).years());
            keep(parse_tours(f, &place_list, years, &langs), &mut tour_problems, &mut warnings)
        });
        warnings.extend(tour_problems.into_iter().map(|e| Warning::instead_of(e, WITHOUT_TOURS)));
        let tours = Some(tours.unwrap_or_default());
        // The settings: a missing file is the defaults (no public copy), said nowhere; a broken
        // one is a warning, and the defaults.
        let settings = match read(SETTINGS_FILE) {
            Err(_) => Settings::default(),
            Ok(raw) => {
                match decode_text(SETTINGS_FILE, &raw)
                    .map_err(DataErrors::from)
                    .and_then(|text| parse_settings(DataFile { name: SETTINGS_FILE, text }))
                {
                    Ok(settings) => settings,
                    Err(e) => {
                        warnings.extend(e.errors.into_iter().map(|e| Warning::instead_of(e, WITHOUT_SETTINGS)));
                        Settings::default()
                    }
                }
            }
        };
        // The water last: the map can do without it, so its problems are warnings.
        let water = match read(WATER_FILE).map_err(|message| DataError::Read { file: WATER_FILE.to_owned(), message }) {
            Ok(raw) => decode_text(WATER_FILE, &raw)
                .map_err(DataErrors::from)
                .and_then(|text| parse_water(DataFile { name: WATER_FILE, text }, &langs)),
            Err(error) => Err(error.into()),
        };
        let water = match water {
            Ok((water, w)) => {
                warnings.extend(w);
                water
            }
            Err(e) => {
                warnings.extend(e.errors.into_iter().map(|e| Warning::instead_of(e, WITHOUT_WATER)));
                Water::default()
            }
        };

        if let (Some(catalogue), Some(events)) = (&catalogue, &events) {
            let cited = events.iter().flat_map(|e| e.sources.iter().chain(e.dates.iter().flat_map(|d| &d.sources)));
            warnings.extend(uncited_works(catalogue, cited.map(|c| &c.work)));
        }
        match (places, states, catalogue, events, stages, basemap, borders, tours, errors.is_empty()) {
            (
                Some(places),
                Some(states),
                Some(catalogue),
                Some(events),
                Some(stages),
                Some(basemap),
                Some(borders),
                Some(tours),
                true,
            ) => {
                let atlas = Atlas::new(places, events);
                let changes = ChangeDays::new(&atlas, &borders);
                Ok(DataSet {
                    atlas,
                    changes,
                    states,
                    basemap,
                    borders,
                    water,
                    stages,
                    catalogue,
                    tours,
                    settings,
                    languages: Languages::new(interfaces),
                    warnings,
                })
            }
            _ => Err(DataErrors { errors }),
        }
    }

    /// The warnings that say a file is left out (a language's, the stages, the water): the
    /// atlas runs without it, and a curator's page lists them.
    pub fn files_left_out(&self) -> Vec<String> {
        self.warnings
            .iter()
            .filter(|w| {
                [WITHOUT_LANGUAGE, WITHOUT_STAGES, WITHOUT_TOURS, WITHOUT_WATER, WITHOUT_SETTINGS]
                    .iter()
                    .any(|end| w.message.ends_with(end))
            })
            .map(ToString::to_string)
            .collect()
    }

    /// Reads every data file from a folder on disk (what the validator and the tests do).
    ///
    /// ```
    /// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    /// let data = atlas_core::DataSet::load_dir(dir).unwrap();
    /// assert!(data.atlas.events().len() > 40);
    /// ```
    pub fn load_dir(dir: &std::path::Path) -> Result<DataSet, DataErrors> {
        DataSet::load_dir_with(dir, Checks::default())
    }

    /// [`DataSet::load_dir`] with the further `checks`, as the validator reads.
    pub fn load_dir_with(dir: &std::path::Path, checks: Checks<'_>) -> Result<DataSet, DataErrors> {
        DataSet::load_with(
            |name| {
                let path = dir.join(name);
                std::fs::read(&path).map_err(|e| format!("cannot be read from {}: {e}", path.display()))
            },
            checks,
        )
    }

    /// The state with this id.
    pub fn state(&self, id: &crate::model::StateId) -> Option<&State> {
        self.states.iter().find(|s| &s.id == id)
    }
}

/// Whether `error` is about `field` (or a field starting so).
/// Whether an error is a citation's unknown work (`sources[0].work`, `dates[1].sources[0].work`).
fn is_work_error(error: &DataError) -> bool {
    matches!(error, DataError::Field { field, problem, .. } if field.ends_with(".work") && problem.contains("sources.json"))
}

fn is_field(error: &DataError, field: &str) -> bool {
    matches!(error, DataError::Field { field: f, .. } if f.starts_with(field))
}

/// The committed data files of `public/data`, for the crate's own tests.
#[cfg(test)]
pub(crate) fn committed_data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}
