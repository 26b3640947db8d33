//! Sources as data: the catalogue of works the curators cite (`sources.json`), an event's
//! citations of them (`{"work": "lvwiki-baltijas-antante", "section": "…"}`), and a citation
//! written in the reader's language: the work's own title, section and caption kept as they
//! are, the words around them ("Latvian Wikipedia", "section", "accessed") from the language
//! file.
//!
//! Every problem names the file, the record (a work of the catalogue, or an event's feature)
//! and the field, as the rest of [`crate::data`] does.
use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use crate::data::{json_value, kind_of, DataError, DataErrors, DataFile, Fields, Location, Warning};
use crate::i18n::UiText;
use crate::lang::{Lang, Localized};
use crate::time::{HistoricDate, Precision};

/// The catalogue of works.
pub const SOURCES_FILE: &str = "sources.json";

/// A work's id in the catalogue: a lowercase slug such as `lvwiki-baltijas-antante`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkId(String);

impl WorkId {
    /// A work id: a non-empty slug of `a-z`, `0-9` and `-`.
    ///
    /// ```
    /// use atlas_core::sources::WorkId;
    /// assert!(WorkId::new("lvwiki-baltijas-antante").is_some());
    /// assert!(WorkId::new("Baltijas Antante").is_none());
    /// ```
    pub fn new(text: &str) -> Option<WorkId> {
        let ok = !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        ok.then(|| WorkId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for WorkId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of work a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    EncyclopediaArticle,
    Book,
    BookChapter,
    JournalArticle,
    WebPage,
    ArchiveDocument,
    Exhibition,
    /// A work whose kind the citing work does not say.
    Other,
}

impl WorkKind {
    pub const ALL: [WorkKind; 8] = [
        WorkKind::EncyclopediaArticle,
        WorkKind::Book,
        WorkKind::BookChapter,
        WorkKind::JournalArticle,
        WorkKind::WebPage,
        WorkKind::ArchiveDocument,
        WorkKind::Exhibition,
        WorkKind::Other,
    ];

    /// The kind as `sources.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::EncyclopediaArticle => "encyclopedia-article",
            WorkKind::Book => "book",
            WorkKind::BookChapter => "book-chapter",
            WorkKind::JournalArticle => "journal-article",
            WorkKind::WebPage => "web-page",
            WorkKind::ArchiveDocument => "archive-document",
            WorkKind::Exhibition => "exhibition",
            WorkKind::Other => "other",
        }
    }
}

/// A work known through another: reference `[reference]` of `work`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    pub work: WorkId,
    pub reference: u32,
}

/// One work of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    pub id: WorkId,
    /// The work's own title, as it is written in the work.
    pub title: String,
    /// The language the work is written in.
    pub language: Lang,
    pub kind: WorkKind,
    pub author: Option<String>,
    /// The site it is on, an id of the language files' `"sites"` (`wikipedia-lv`): written in the
    /// reader's language ("Latvian Wikipedia", "Vikipēdija latviešu valodā").
    pub site: Option<String>,
    /// The journal, collection or book it is part of, as the work writes it.
    pub part_of: Option<String>,
    /// The publisher (with its place), as the work writes it.
    pub publisher: Option<String>,
    /// The year, or the day of a document.
    pub date: Option<HistoricDate>,
    pub pages: Option<String>,
    pub url: Option<String>,
    /// The day a curator last read it at `url`.
    pub accessed: Option<HistoricDate>,
    /// The day of the archived copy that was read (a page no longer online).
    pub archived: Option<HistoricDate>,
    pub via: Option<Via>,
    /// The work this one translates.
    pub translation_of: Option<WorkId>,
}

/// The catalogue: every work the data cites.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    works: BTreeMap<WorkId, Work>,
}

impl Catalogue {
    pub fn new(works: impl IntoIterator<Item = Work>) -> Catalogue {
        Catalogue { works: works.into_iter().map(|w| (w.id.clone(), w)).collect() }
    }

    pub fn work(&self, id: &WorkId) -> Option<&Work> {
        self.works.get(id)
    }

    pub fn works(&self) -> impl Iterator<Item = &Work> + '_ {
        self.works.values()
    }

    /// Whether the catalogue has a work with this id.
    pub fn contains(&self, id: &str) -> bool {
        WorkId::new(id).is_some_and(|id| self.works.contains_key(&id))
    }
}

/// Where in a work a citation points.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Locator {
    #[default]
    Whole,
    /// A section, by its heading as the work writes it.
    Section(String),
    /// The caption of a photograph, as the work writes it.
    Caption(String),
    /// The work's introduction (a Wikipedia article's lead, which has no heading).
    Introduction,
    Pages(String),
}

/// An event's source: a work of the catalogue, where in it, and (optionally) what it is cited for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub work: WorkId,
    pub locator: Locator,
    /// What the source is cited for, in the reader's language.
    pub supports: Option<Localized>,
}

/// One piece of a written citation: a work's title carries its language and address, so the
/// page can mark it (`lang`) and link it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePart {
    pub text: String,
    /// The language of the text, where it is not the reader's (a work's own title or section).
    pub lang: Option<Lang>,
    /// Where the text links to (a work's title, when the work has a URL).
    pub url: Option<String>,
}

/// A citation written out: its parts in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceLine {
    pub parts: Vec<SourcePart>,
}

impl SourceLine {
    fn push(&mut self, text: impl Into<String>) {
        let text = text.into();
        match self.parts.last_mut() {
            Some(last) if last.lang.is_none() && last.url.is_none() => last.text.push_str(&text),
            _ => self.parts.push(SourcePart { text, lang: None, url: None }),
        }
    }

    fn push_own(&mut self, text: String, lang: Lang, url: Option<String>) {
        self.parts.push(SourcePart { text, lang: Some(lang), url });
    }

    /// The whole line as plain text.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }

    /// The addresses of the line's links, in order (for a kiosk, which shows them as text).
    pub fn urls(&self) -> Vec<&str> {
        self.parts.iter().filter_map(|p| p.url.as_deref()).collect()
    }
}

/// Puts the reader's quotation marks around a text the work writes itself (a section, a
/// caption), keeping the text as it is: `pattern` is a language file's text such as
/// `section “{section}”`, split around the placeholder.
fn framed(line: &mut SourceLine, pattern: &str, placeholder: &str, own: &str, lang: Lang) {
    let marker = format!("{{{placeholder}}}");
    match pattern.split_once(&marker) {
        Some((before, after)) => {
            line.push(before);
            line.push_own(own.to_owned(), lang, None);
            line.push(after);
        }
        None => line.push(pattern),
    }
}

/// The works that several lists of citations cite (a printed year's events), each once in order
/// of first citation, and for each list the numbers (from 1) of the works it cites: a year's
/// events with "[1, 3]" and one list of works under them.
///
/// ```
/// use atlas_core::sources::{bibliography, Citation, Locator, WorkId};
/// let cite = |work: &str| Citation { work: WorkId::new(work).unwrap(), locator: Locator::Whole, supports: None };
/// let (works, numbers) = bibliography([&[cite("a"), cite("b"), cite("a")][..], &[cite("c"), cite("b")][..]]);
/// assert_eq!(works.iter().map(|c| c.work.to_string()).collect::<Vec<_>>(), ["a", "b", "c"]);
/// assert_eq!(numbers, [vec![1, 2], vec![3, 2]]);
/// ```
pub fn bibliography<'a>(lists: impl IntoIterator<Item = &'a [Citation]>) -> (Vec<Citation>, Vec<Vec<usize>>) {
    let mut works: Vec<Citation> = Vec::new();
    let mut numbers = Vec::new();
    for list in lists {
        let mut these: Vec<usize> = Vec::new();
        for citation in list {
            let number = match works.iter().position(|w| w.work == citation.work) {
                Some(at) => at + 1,
                None => {
                    works.push(Citation { work: citation.work.clone(), locator: Locator::Whole, supports: None });
                    works.len()
                }
            };
            if !these.contains(&number) {
                these.push(number);
            }
        }
        numbers.push(these);
    }
    (works, numbers)
}

/// The works a list of citations cites, each once in order of first citation, written short: the
/// author and title, the site or publisher and date, without sections, captions or the day a page
/// was read (the printed page's list, where the screen's details give each citation whole).
///
/// ```
/// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
/// let data = atlas_core::DataSet::load_dir(dir).unwrap();
/// let ui = data.languages.find(atlas_core::Lang::EN).unwrap();
/// let event = data.atlas.events().iter().find(|e| e.sources.len() > 2).unwrap();
/// let works = atlas_core::sources::works_cited(&event.sources, &data.catalogue, ui);
/// assert!(!works.is_empty() && works.len() <= event.sources.len());
/// assert!(works.iter().all(|w| !w.text().contains("accessed")));
/// ```
pub fn works_cited(citations: &[Citation], catalogue: &Catalogue, ui: &UiText) -> Vec<SourceLine> {
    let mut seen: Vec<&WorkId> = Vec::new();
    let mut lines = Vec::new();
    for citation in citations {
        if seen.contains(&&citation.work) {
            continue;
        }
        seen.push(&citation.work);
        let mut line = SourceLine::default();
        match catalogue.work(&citation.work) {
            Some(work) => write_work(&mut line, work, catalogue, ui, 0),
            None => line.push(citation.work.to_string()),
        }
        lines.push(line);
    }
    lines
}

/// Writes a work (without a locator) into `line`: author, title, where it appeared, site.
fn write_work(line: &mut SourceLine, work: &Work, catalogue: &Catalogue, ui: &UiText, depth: u8) {
    if let Some(author) = &work.author {
        line.push(format!("{author}, "));
    }
    let title_pattern = ui.source_title("\u{0}");
    let (open, close) = title_pattern.split_once('\u{0}').unwrap_or(("«", "»"));
    line.push(open);
    line.push_own(work.title.clone(), work.language, work.url.clone());
    line.push(close);
    if let Some(original) = work.translation_of.as_ref().and_then(|id| catalogue.work(id)).filter(|_| depth < 2) {
        let mut inner = SourceLine::default();
        write_work(&mut inner, original, catalogue, ui, depth + 1);
        let pattern = ui.source_translation("\u{0}");
        let (before, after) = pattern.split_once('\u{0}').unwrap_or(("", ""));
        line.push(format!(" ({before}"));
        line.parts.extend(inner.parts);
        line.push(format!("{after})"));
    }
    if let Some(part_of) = &work.part_of {
        line.push(format!(", {part_of}"));
    }
    if let Some(publisher) = &work.publisher {
        line.push(format!(", {publisher}"));
    }
    if let Some(date) = &work.date {
        let text = if date.precision() == Precision::Year { date.year().to_string() } else { ui.dates().date(date) };
        line.push(format!(", {text}"));
    }
    if let Some(pages) = &work.pages {
        line.push(format!(", {}", ui.source_pages(pages)));
    }
    if let Some(site) = &work.site {
        line.push(format!(", {}", ui.site(site)));
    }
    if let Some(archived) = &work.archived {
        line.push(format!(", {}", ui.source_archived(&ui.dates().date(archived))));
    }
}

impl Citation {
    /// The citation written in `ui`'s language: the work, where in it, the work it is known
    /// through, the day it was read, and what it is cited for.
    ///
    /// ```
    /// use atlas_core::i18n::UiText;
    /// use atlas_core::sources::{parse_catalogue, Citation, Locator, WorkId};
    /// use atlas_core::data::DataFile;
    /// let text = r#"{"works": {"lvwiki-baltijas-antante": {"title": "Baltijas Antante", "language": "lv",
    ///     "kind": "encyclopedia-article", "site": "wikipedia-lv",
    ///     "url": "https://lv.wikipedia.org/wiki/Baltijas_Antante", "accessed": "2026-12-04"}}}"#;
    /// let (catalogue, _) = parse_catalogue(DataFile { name: "sources.json", text }).unwrap();
    /// let citation = Citation {
    ///     work: WorkId::new("lvwiki-baltijas-antante").unwrap(),
    ///     locator: Locator::Section("Pirmais posms, 1919-1923".into()),
    ///     supports: None,
    /// };
    /// let line = citation.line(&catalogue, &UiText::builtin_english());
    /// assert_eq!(
    ///     line.text(),
    ///     "«Baltijas Antante», Latvian Wikipedia, section “Pirmais posms, 1919-1923”, accessed 4 December 2026"
    /// );
    /// assert_eq!(line.urls(), ["https://lv.wikipedia.org/wiki/Baltijas_Antante"]);
    /// ```
    pub fn line(&self, catalogue: &Catalogue, ui: &UiText) -> SourceLine {
        let mut line = SourceLine::default();
        let Some(work) = catalogue.work(&self.work) else {
            line.push(self.work.to_string());
            return line;
        };
        write_work(&mut line, work, catalogue, ui, 0);
        match &self.locator {
            Locator::Whole => {}
            Locator::Section(section) => {
                line.push(", ");
                framed(&mut line, &ui.source_section("{section}"), "section", section, work.language);
            }
            Locator::Caption(caption) => {
                line.push(", ");
                framed(&mut line, &ui.source_caption("{caption}"), "caption", caption, work.language);
            }
            Locator::Introduction => line.push(format!(", {}", ui.source_introduction())),
            Locator::Pages(pages) => line.push(format!(", {}", ui.source_pages(pages))),
        }
        if let Some(via) = &work.via {
            if let Some(host) = catalogue.work(&via.work) {
                let mut inner = SourceLine::default();
                write_work(&mut inner, host, catalogue, ui, 1);
                let pattern = ui.source_reference(&via.reference.to_string(), "\u{0}");
                let (before, after) = pattern.split_once('\u{0}').unwrap_or(("", ""));
                line.push(format!(", {before}"));
                line.parts.extend(inner.parts);
                line.push(after);
            }
        }
        if let Some(accessed) = &work.accessed {
            line.push(format!(", {}", ui.source_accessed(&ui.dates().date(accessed))));
        }
        if let Some(supports) = &self.supports {
            let (text, used) = supports.get(ui.lang());
            line.push(" (");
            if used == ui.lang() {
                line.push(text);
            } else {
                line.push_own(text.to_owned(), used, None);
            }
            line.push(")");
        }
        line
    }
}

/// Collects the catalogue's problems: `works.<id>.<field>`.
struct CatalogueCheck<'a> {
    file: &'a str,
    errors: Vec<DataError>,
    warnings: Vec<Warning>,
}

impl CatalogueCheck<'_> {
    fn error(&mut self, key: String, problem: impl Into<String>) {
        self.errors.push(DataError::Key { file: self.file.to_owned(), key, problem: problem.into() });
    }
}

/// Whether a text is an address the page may link to: `https://` or `http://`, a host, no spaces.
///
/// ```
/// assert!(atlas_core::sources::is_url("https://lv.wikipedia.org/wiki/Baltijas_Antante"));
/// assert!(!atlas_core::sources::is_url("lv.wikipedia.org/wiki/Baltijas_Antante"));
/// assert!(!atlas_core::sources::is_url("javascript:alert(1)"));
/// ```
pub fn is_url(text: &str) -> bool {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
            && !text.chars().any(char::is_whitespace)
    })
}

fn optional_text(check: &mut CatalogueCheck<'_>, work: &Map<String, Value>, key: &str, field: &str) -> Option<String> {
    match work.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::String(_)) => {
            check.error(format!("{key}.{field}"), "is empty; write the text or leave the field out");
            None
        }
        Some(other) => {
            check.error(format!("{key}.{field}"), format!("must be a string, found {}", kind_of(other)));
            None
        }
    }
}

fn day_field(
    check: &mut CatalogueCheck<'_>,
    work: &Map<String, Value>,
    key: &str,
    field: &str,
) -> Option<HistoricDate> {
    let text = optional_text(check, work, key, field)?;
    match text.parse::<HistoricDate>() {
        Ok(date) if date.precision() == Precision::Day => Some(date),
        Ok(_) => {
            check.error(format!("{key}.{field}"), format!("`{text}` must be a day, YYYY-MM-DD (e.g. 2026-12-04)"));
            None
        }
        Err(e) => {
            check.error(format!("{key}.{field}"), e.to_string());
            None
        }
    }
}

/// Reads `sources.json`: `{"works": {"<id>": {"title": …, "language": …, "kind": …, …}}}`. A work
/// needs a title, the language it is written in and its kind; `url` must be an http(s)
/// address, `accessed` and `archived` days (YYYY-MM-DD), `via.work` and `translation_of` works
/// of the catalogue.
///
/// ```
/// use atlas_core::data::DataFile;
/// use atlas_core::sources::parse_catalogue;
/// let text = r#"{"works": {"enwiki-x": {"title": "X", "kind": "encyclopedia-article", "accessed": "2026-13-01"}}}"#;
/// let errors = parse_catalogue(DataFile { name: "sources.json", text }).unwrap_err().to_string();
/// assert!(errors.contains("sources.json: key `works.enwiki-x.language`: is missing"), "{errors}");
/// assert!(errors.contains("sources.json: key `works.enwiki-x.accessed`: `2026-13-01` has month 13"), "{errors}");
/// ```
pub fn parse_catalogue(file: DataFile<'_>) -> Result<(Catalogue, Vec<Warning>), DataErrors> {
    let value = json_value(file).map_err(DataErrors::from)?;
    let mut check = CatalogueCheck { file: file.name, errors: Vec::new(), warnings: Vec::new() };
    let Some(Value::Object(works)) = value.get("works") else {
        check.error("works".into(), "is missing; write {\"works\": {\"<id>\": {\"title\": …, \"language\": …}}}");
        return Err(DataErrors { errors: check.errors });
    };
    let mut out = Vec::new();
    let mut links: Vec<(String, WorkId)> = Vec::new();
    for (id_text, entry) in works {
        let key = format!("works.{id_text}");
        let Some(id) = WorkId::new(id_text) else {
            check.error(
                key,
                format!("`{id_text}` must be a lowercase slug of a-z, 0-9 and -, e.g. \"lvwiki-baltijas-antante\""),
            );
            continue;
        };
        let Value::Object(work) = entry else {
            check.error(key, format!("must be an object {{\"title\": …, \"language\": …}}, found {}", kind_of(entry)));
            continue;
        };
        let title = optional_text(&mut check, work, &key, "title");
        if title.is_none() && !work.contains_key("title") {
            check.error(format!("{key}.title"), "is missing; write the work's own title, as the work writes it");
        }
        let language = match work.get("language") {
            Some(Value::String(code)) => Lang::new(code).or_else(|| {
                check.error(format!("{key}.language"), format!("`{code}` is not a language code such as \"lv\""));
                None
            }),
            None | Some(Value::Null) => {
                check.error(format!("{key}.language"), "is missing: the language the work is written in, e.g. \"lv\"");
                None
            }
            Some(other) => {
                check.error(format!("{key}.language"), format!("must be a language code, found {}", kind_of(other)));
                None
            }
        };
        let kind = match work.get("kind").and_then(Value::as_str) {
            Some(text) => WorkKind::ALL.into_iter().find(|k| k.as_str() == text).or_else(|| {
                let known: Vec<&str> = WorkKind::ALL.iter().map(|k| k.as_str()).collect();
                check.error(
                    format!("{key}.kind"),
                    format!("`{text}` is not a kind of work; use one of: {}", known.join(", ")),
                );
                None
            }),
            None => {
                check.error(
                    format!("{key}.kind"),
                    "is missing; write e.g. \"encyclopedia-article\", \"book\" or \"web-page\"",
                );
                None
            }
        };
        let url = optional_text(&mut check, work, &key, "url").filter(|url| {
            let ok = is_url(url);
            if !ok {
                check.error(format!("{key}.url"), format!("`{url}` is not a web address: write it in full, https://…"));
            }
            ok
        });
        let accessed = day_field(&mut check, work, &key, "accessed");
        let archived = day_field(&mut check, work, &key, "archived");
        if url.is_some() && accessed.is_none() && !work.contains_key("accessed") {
            check.error(format!("{key}.accessed"), "is missing: the day a curator read the page at `url` (YYYY-MM-DD)");
        }
        let date = optional_text(&mut check, work, &key, "date").and_then(|text| {
            text.parse::<HistoricDate>().map_err(|e| check.error(format!("{key}.date"), e.to_string())).ok()
        });
        let via = match work.get("via") {
            None | Some(Value::Null) => None,
            Some(Value::Object(via)) => {
                let host = via.get("work").and_then(Value::as_str).and_then(WorkId::new);
                let reference = via.get("reference").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
                if host.is_none() {
                    check.error(format!("{key}.via.work"), "must be the id of the work that cites this one");
                }
                if reference.is_none() {
                    check.error(format!("{key}.via.reference"), "must be the number of the reference, e.g. 4 for [4]");
                }
                if let Some(host) = &host {
                    links.push((format!("{key}.via.work"), host.clone()));
                }
                host.zip(reference).map(|(work, reference)| Via { work, reference })
            }
            Some(other) => {
                check.error(
                    format!("{key}.via"),
                    format!("must be an object {{\"work\": …, \"reference\": 4}}, found {}", kind_of(other)),
                );
                None
            }
        };
        let translation_of = optional_text(&mut check, work, &key, "translation_of").and_then(|text| {
            let id = WorkId::new(&text);
            match &id {
                Some(id) => links.push((format!("{key}.translation_of"), id.clone())),
                None => check.error(format!("{key}.translation_of"), format!("`{text}` is not a work id")),
            }
            id
        });
        let known = [
            "title",
            "language",
            "kind",
            "author",
            "site",
            "part_of",
            "publisher",
            "date",
            "pages",
            "url",
            "accessed",
            "archived",
            "via",
            "translation_of",
        ];
        for extra in work.keys().filter(|k| !known.contains(&k.as_str())) {
            let location = Location { file: file.name.to_owned(), index: None, id: None };
            check.warnings.push(Warning {
                location,
                field: format!("{key}.{extra}"),
                message: "is not a field of a work (a misspelt name?); it is ignored".into(),
            });
        }
        let author = optional_text(&mut check, work, &key, "author");
        let site = optional_text(&mut check, work, &key, "site");
        let part_of = optional_text(&mut check, work, &key, "part_of");
        let publisher = optional_text(&mut check, work, &key, "publisher");
        let pages = optional_text(&mut check, work, &key, "pages");
        if let (Some(title), Some(language), Some(kind)) = (title, language, kind) {
            out.push(Work {
                id,
                title,
                language,
                kind,
                author,
                site,
                part_of,
                publisher,
                date,
                pages,
                url,
                accessed,
                archived,
                via,
                translation_of,
            });
        }
    }
    let ids: HashSet<&str> = works.keys().map(String::as_str).collect();
    for (field, target) in links {
        if !ids.contains(target.as_str()) {
            check.error(field, format!("`{target}` is not a work of this catalogue"));
        }
    }
    if check.errors.is_empty() {
        Ok((Catalogue::new(out), check.warnings))
    } else {
        Err(DataErrors { errors: check.errors })
    }
}

/// Reads an event's citations, `field` (`sources`, `dates[1].sources`): a non-empty list of
/// `{"work": "<id>", "section" | "caption" | "pages": "…", "introduction": true,
/// "supports": {"en": …}}`, every work in `catalogue`.
pub(crate) fn citations(
    fields: &mut Fields<'_, '_>,
    field: &str,
    catalogue: &Catalogue,
    offered: &[Lang],
) -> Option<Vec<Citation>> {
    let items = match fields.properties.get(field) {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => {
            fields.error(field, "is empty: cite at least one work, {\"work\": \"lvwiki-baltijas-antante\", …}");
            return None;
        }
        None | Some(Value::Null) => {
            fields.error(field, "is missing; write [{\"work\": \"lvwiki-baltijas-antante\", \"section\": \"…\"}]");
            return None;
        }
        Some(other) => {
            fields.error(field, format!("must be a list of citations, found {}", kind_of(other)));
            return None;
        }
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let name = format!("{field}[{i}]");
        let Value::Object(object) = item else {
            let hint = match item {
                Value::String(_) => " (a plain-text source: add its work to sources.json and cite it by id)",
                _ => "",
            };
            fields.error(
                &name,
                format!("must be a citation {{\"work\": \"<id in sources.json>\", …}}, found {}{hint}", kind_of(item)),
            );
            ok = false;
            continue;
        };
        let mut nested = fields.nested(&name, object);
        let work = nested.string("work", "lvwiki-baltijas-antante").and_then(|text| {
            let found = WorkId::new(text).filter(|id| catalogue.work(id).is_some());
            if found.is_none() {
                nested
                    .error("work", format!("`{text}` is not a work in sources.json: add it there, or correct the id"));
            }
            found
        });
        let section = nested.optional_string("section", "Pirmais posms, 1919-1923");
        let caption = nested.optional_string("caption", "Bulduru konferences delegāti …");
        let pages = nested.optional_string("pages", "386–387");
        let introduction = match object.get("introduction") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(other) => {
                nested.error("introduction", format!("must be true (or left out), found {}", kind_of(other)));
                false
            }
        };
        let given =
            [section.is_some(), caption.is_some(), pages.is_some(), introduction].iter().filter(|b| **b).count();
        if given > 1 {
            nested.error("section", "give one of `section`, `caption`, `pages` or `introduction`, not several");
        }
        let locator = match (section, caption, pages) {
            (Some(s), _, _) => Locator::Section(s.to_owned()),
            (_, Some(c), _) => Locator::Caption(c.to_owned()),
            (_, _, Some(p)) => Locator::Pages(p.to_owned()),
            _ if introduction => Locator::Introduction,
            _ => Locator::Whole,
        };
        let supports = nested.localized("supports", offered, true);
        for extra in object.keys() {
            if !["work", "section", "caption", "pages", "introduction", "supports"].contains(&extra.as_str()) {
                nested.warn(extra, "is not a field of a citation (a misspelt name?); it is ignored");
            }
        }
        match work {
            Some(work) => out.push(Citation { work, locator, supports }),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// The catalogue's works that nothing cites, directly or as the work another is known through
/// or translates: a warning for each, naming it.
pub fn uncited_works<'c>(catalogue: &'c Catalogue, cited: impl IntoIterator<Item = &'c WorkId>) -> Vec<Warning> {
    let mut used: HashSet<&WorkId> = cited.into_iter().collect();
    let mut stack: Vec<&WorkId> = used.iter().copied().collect();
    while let Some(id) = stack.pop() {
        let Some(work) = catalogue.work(id) else { continue };
        for next in work.via.as_ref().map(|v| &v.work).into_iter().chain(work.translation_of.as_ref()) {
            if used.insert(next) {
                stack.push(next);
            }
        }
    }
    catalogue
        .works()
        .filter(|w| !used.contains(&w.id))
        .map(|w| Warning {
            location: Location { file: SOURCES_FILE.to_owned(), index: None, id: None },
            field: format!("works.{}", w.id),
            message: "is cited by no event: cite it, or remove it from the catalogue".into(),
        })
        .collect()
}

/// The site ids the catalogue uses that a language file does not name: an error for English
/// (every site needs its English name), a warning for another language (English is shown).
pub fn check_sites(catalogue: &Catalogue, languages: &[UiText]) -> (Vec<DataError>, Vec<Warning>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let sites: std::collections::BTreeSet<&str> = catalogue.works().filter_map(|w| w.site.as_deref()).collect();
    for ui in languages {
        let file = crate::dataset::language_file(ui.lang());
        for site in &sites {
            if ui.site_exact(site).is_some() {
                continue;
            }
            if ui.lang() == Lang::EN {
                errors.push(DataError::Key {
                    file: file.clone(),
                    key: format!("sites.{site}"),
                    problem: format!("is missing: sources.json cites works on the site `{site}`; give its name"),
                });
            } else {
                warnings.push(Warning {
                    location: Location { file: file.clone(), index: None, id: None },
                    field: format!("sites.{site}"),
                    message: "is missing; the English name is shown instead".into(),
                });
            }
        }
    }
    (errors, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let text = r#"{"works": {
            "lvwiki-baltijas-antante": {"title": "Baltijas Antante", "language": "lv", "kind": "encyclopedia-article",
                "site": "wikipedia-lv", "url": "https://lv.wikipedia.org/wiki/Baltijas_Antante", "accessed": "2026-12-04"},
            "taurens-1996": {"title": "Latvija un Baltijas Antantes izveidošanās 1934. gadā", "language": "lv",
                "kind": "journal-article", "author": "Jānis Taurēns", "part_of": "Latvijas Vēsture, Nr. 5 (24)",
                "date": "1996", "pages": "82–89", "via": {"work": "lvwiki-baltijas-antante", "reference": 2}}
        }}"#;
        parse_catalogue(DataFile { name: "sources.json", text }).expect("valid").0
    }

    #[test]
    fn a_work_known_through_another_names_it() {
        let citation =
            Citation { work: WorkId::new("taurens-1996").expect("valid"), locator: Locator::Whole, supports: None };
        let line = citation.line(&catalogue(), &UiText::builtin_english());
        assert_eq!(
            line.text(),
            "Jānis Taurēns, «Latvija un Baltijas Antantes izveidošanās 1934. gadā», Latvijas Vēsture, Nr. 5 (24), 1996, \
             pp. 82–89, reference [2] of «Baltijas Antante», Latvian Wikipedia"
        );
        assert_eq!(line.parts.iter().filter(|p| p.lang == Some(Lang::new("lv").expect("valid"))).count(), 2);
    }

    #[test]
    fn a_bad_url_and_an_unknown_link_are_named() {
        let text = r#"{"works": {"x": {"title": "X", "language": "en", "kind": "web-page", "url": "www.x.org",
            "accessed": "2026-12-04", "via": {"work": "nowhere", "reference": 1}}}}"#;
        let errors = parse_catalogue(DataFile { name: "sources.json", text }).expect_err("broken").to_string();
        assert!(errors.contains("sources.json: key `works.x.url`: `www.x.org` is not a web address"), "{errors}");
        assert!(errors.contains("sources.json: key `works.x.via.work`: `nowhere` is not a work"), "{errors}");
    }

    #[test]
    fn an_uncited_work_is_a_warning() {
        let cited = [WorkId::new("taurens-1996").expect("valid")];
        assert!(uncited_works(&catalogue(), &cited).is_empty(), "the host is cited through the reference");
        let warnings = uncited_works(&catalogue(), &[]);
        assert_eq!(warnings.len(), 2);
        assert_eq!(
            warnings[0].to_string(),
            "sources.json: key `works.lvwiki-baltijas-antante`: is cited by no event: cite it, or remove it from the catalogue"
        );
    }

    #[test]
    fn a_citation_is_written_in_each_language_with_the_works_own_words_kept() {
        let data = crate::dataset::committed_data();
        let citation = Citation {
            work: WorkId::new("lvwiki-baltijas-antante").expect("valid"),
            locator: Locator::Section("Pirmais posms, 1919-1923".into()),
            supports: None,
        };
        let expected = [
            ("en", "«Baltijas Antante», Latvian Wikipedia, section “Pirmais posms, 1919-1923”, accessed 26 November 2026"),
            ("lv", "«Baltijas Antante», Vikipēdija latviešu valodā, sadaļa “Pirmais posms, 1919-1923”, skatīts: 2026. gada 26. novembris"),
            ("lt", "„Baltijas Antante“, Vikipedija latvių kalba, skyrius „Pirmais posms, 1919-1923“, žiūrėta 2026 m. lapkričio 26 d."),
            ("et", "„Baltijas Antante“, lätikeelne Vikipeedia, jaotis „Pirmais posms, 1919-1923“, vaadatud: 26. november 2026"),
            ("ru", "«Baltijas Antante», Википедия на латышском языке, раздел «Pirmais posms, 1919-1923», дата обращения: 26 ноября 2026 г."),
        ];
        for (code, text) in expected {
            let ui = data.languages.get(Lang::new(code).expect("valid"));
            assert_eq!(citation.line(&data.catalogue, &ui).text(), text, "{code}");
        }
        let lv = Lang::new("lv").expect("valid");
        let line = citation.line(&data.catalogue, &data.languages.get(Lang::new("lt").expect("valid")));
        let own: Vec<&str> = line.parts.iter().filter(|p| p.lang == Some(lv)).map(|p| p.text.as_str()).collect();
        assert_eq!(own, ["Baltijas Antante", "Pirmais posms, 1919-1923"], "the work's own words keep their language");
    }

    #[test]
    fn a_translation_known_through_a_reference_names_both_works_in_the_readers_language() {
        let data = crate::dataset::committed_data();
        let citation = Citation {
            work: WorkId::new("psrs-ultimatum-latvija-1940-06-16").expect("valid"),
            locator: Locator::Whole,
            supports: None,
        };
        let ru = citation.line(&data.catalogue, &data.languages.get(Lang::new("ru").expect("valid"))).text();
        assert!(ru.contains("(перевод; оригинал: «Полпреды сообщают…"), "{ru}");
        assert!(ru.contains("с. 386–387"), "{ru}");
        assert!(ru.contains("сноска [4] в статье «Baltijas Antante», Википедия на латышском языке"), "{ru}");
        assert!(!ru.contains("reference") && !ru.contains("Latvian"), "{ru}");
    }
}
