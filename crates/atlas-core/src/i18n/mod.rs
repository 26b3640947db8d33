//! The interface's words, read at run time from one file per language
//! (`public/data/lang/xx.json`), and dates written the way each language writes them.
//!
//! A translator edits those files and never Rust. In the code, each text has its own
//! typed accessor (`text.app_title()`, `text.active_in("1934")`), so a mistyped key
//! does not compile; the list of keys is [`TEXT_KEYS`], which the loader checks every
//! file against.
#[cfg(feature = "validator")]
mod cldr;
mod dates;
mod language_file;
mod plural;

use std::collections::BTreeMap;
use std::sync::Arc;

#[cfg(feature = "validator")]
pub use cldr::{cldr_cardinal_categories, cldr_cardinal_category};
pub use dates::{DateStyle, DATE_PATTERNS};
pub use language_file::{parse_language, parse_language_list, parse_language_with};
pub use plural::PluralCategory;

use crate::lang::Lang;
use crate::model::EventKind;
use crate::time::Span;

/// Puts `values` into the `{name}` placeholders of `pattern`.
///
/// ```
/// assert_eq!(atlas_core::i18n::fill("Active in {year}", &[("year", "1934")]), "Active in 1934");
/// ```
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The placeholders (`{name}`) a text uses, in order.
///
/// ```
/// assert_eq!(atlas_core::i18n::placeholders("{day1}–{day2} {month}"), ["day1", "day2", "month"]);
/// ```
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                found.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found
}

/// What a text is, for the loader's checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextKey {
    /// The key in the language file's `"texts"`.
    pub name: &'static str,
    /// The placeholders it may use.
    pub placeholders: &'static [&'static str],
    /// Whether it has plural forms (`{"one": …, "other": …}`), chosen by `{n}`.
    pub plural: bool,
}

macro_rules! ui_texts {
    (
        plain { $( $(#[$pdoc:meta])* $plain:ident; )* }
        with_values { $( $(#[$vdoc:meta])* $valued:ident($($ph:ident),+); )* }
        plurals { $( $(#[$ndoc:meta])* $plural:ident; )* }
    ) => {
        /// Every key of a language file's `"texts"`, with its placeholders.
        pub const TEXT_KEYS: &[TextKey] = &[
            $( TextKey { name: stringify!($plain), placeholders: &[], plural: false }, )*
            $( TextKey { name: stringify!($valued), placeholders: &[$(stringify!($ph)),+], plural: false }, )*
            $( TextKey { name: stringify!($plural), placeholders: &["n"], plural: true }, )*
        ];

        impl UiText {
            $(
                $(#[$pdoc])*
                pub fn $plain(&self) -> &str {
                    self.plain(stringify!($plain))
                }
            )*
            $(
                $(#[$vdoc])*
                pub fn $valued(&self, $($ph: &str),+) -> String {
                    fill(self.plain(stringify!($valued)), &[$((stringify!($ph), $ph)),+])
                }
            )*
            $(
                $(#[$ndoc])*
                pub fn $plural(&self, n: u32, category: PluralCategory) -> String {
                    self.plural(stringify!($plural), n, category)
                }
            )*
        }
    };
}

ui_texts! {
    plain {
        /// The page's title and main heading.
        app_title;
        /// The map's accessible name.
        map_label;
        /// The slider's label.
        year;
        nothing_active;
        /// Heading of a city's conferences, in its panel.
        conferences_here;
        no_conferences;
        /// Marks a conference of the selected year in a city panel.
        in_selected_year;
        close;
        sources;
        note;
        parties;
        loading;
        load_error_title;
        load_error_hint;
        legend_city;
        legend_active_city;
        legend_treaty;
        attribution;
        /// The language switcher's label.
        language;
        play;
        pause;
        /// The time bar's ⏮ and ⏭: the previous and next day on which the map changes.
        previous_change;
        next_change;
        zoom_in;
        zoom_out;
        reset_view;
        /// The pan pad's buttons (shown while the map is zoomed in), named for what they show:
        /// "Show further north".
        pan_north;
        pan_west;
        pan_east;
        pan_south;
        stay;
        /// Under the kiosk's countdown: how to stay ("Touch anywhere to stay").
        countdown_hint;
        /// Shown while the kiosk plays the years by itself.
        attract_hint;
        /// Above the names of the borders that change on the attract loop's day.
        attract_borders;
        kind_conference;
        kind_treaty;
        kind_declaration;
        kind_ultimatum;
        kind_annulment;
        kind_other;
        /// The disclosure of an event's summary, parties, note and sources.
        details;
        /// Heading of a city's events that are not conferences, in its panel.
        other_events_here;
        /// Heading of a city's events in its panel when no conference was held there.
        events_here;
        /// The mark of an event told for the context (`"role": "context"`), and the list's
        /// control that shows or hides such events.
        context_event;
        show_context;
        /// The time bar's accessible description.
        timeline_label;
        /// The kiosk's page when the data cannot load: a calm title and sentence for a visitor,
        /// and the detail for staff in small type.
        kiosk_error_title;
        kiosk_error_body;
        kiosk_error_detail;
        /// The credits in one line, for an embedded map.
        attribution_short;
        /// The map legend's key for the hatching over the states under Soviet occupation.
        legend_occupied;
        /// The map legend's key for the small markers of places the story only names.
        legend_context;
        /// The heading that opens the map's legend on a phone, where it starts folded.
        legend_title;
        /// The message over the page after a bug stopped the app (a kiosk reloads itself a few
        /// seconds later).
        fatal_error;
        /// The eight directions of an edge marker's accessible name, as they follow a distance:
        /// "420 km *to the south-west*".
        direction_north;
        direction_north_east;
        direction_east;
        direction_south_east;
        direction_south;
        direction_south_west;
        direction_west;
        direction_north_west;
        /// The map's button that opens the list of the border changes in force and their
        /// sources, and that list's heading.
        about_borders;
        /// Over the list of the data files the atlas runs without (a broken language file, the
        /// stages, the water), on a curator's page, never in the kiosk or an embed.
        data_notice;
        /// The text-size control's label (the group of its two buttons).
        text_size;
        /// The accessible names of the text-size buttons, which show "A" and "A+": each begins
        /// with what the button shows.
        text_normal;
        text_large;
        /// A citation of a work's introduction (a Wikipedia article's lead, which has no heading).
        source_introduction;
        /// The mark of an event whose sources give different dates, beside its dates.
        date_disputed;
        /// The heading of an event's dates in the sources, in its details.
        dates_in_sources;
        /// Beside the date the atlas uses (its map and time bar), among the dates in the sources.
        date_chosen;
        /// The licence of a photograph free of copyright (`"name": "Public domain"`), after its
        /// credit.
        public_domain;
        /// The time bar's button that starts the guided tour, and ends it while it runs.
        tour_start;
        tour_end;
        /// The tour's previous and next stop.
        tour_previous;
        tour_next;
        /// Two dates side by side (`?compare=`): the time bar's button that opens the comparison
        /// (and closes it while it is open), the comparison's close button, its heading and the
        /// hint under it.
        compare_open;
        compare_close;
        compare_title;
        compare_hint;
        /// The names of the two maps' date controls (the first is on the left, or on top on a
        /// phone; the time bar sets the second).
        compare_first;
        compare_second;
        /// In a city's panel in the comparison, on a date with no event there.
        compare_nothing;
        /// The button that shows the QR code of the view on screen (its accessible name and
        /// tooltip), the dialog's heading, the line under it, and the code's accessible name.
        qr_open;
        qr_title;
        qr_hint;
        qr_image;
        /// The group of the buttons that save the map as a file, and each button's name.
        download_map;
        download_svg;
        download_png;
        /// In the "what changed" sentence: no border moved between the two steps.
        borders_unchanged;
        /// In the "what changed" sentence: no treaty came into force or lapsed and no event
        /// began between the two steps.
        nothing_new;
    }
    with_values {
        /// Heading of the list of active events.
        active_in(year);
        /// The legend's note on the borders: "Borders on 5 August 1940".
        borders_on(date);
        /// A date the sources give only to the month or the year, where the time bar shows it:
        /// "February 1940 (day not known)".
        date_approximate(date);
        /// The button under a long list that draws more of it: "Show more (40 of 712 shown)".
        show_more(shown, total);
        /// A stage of the story with its years on the time bar: "First stage 1919–1923" (the
        /// current stage beside the year, a band's label and tooltip).
        stage_caption(name, years);
        /// The time bar's caption for a year in which a new stage begins after 1 January (1939:
        /// the third stage, then from 23 August the fourth): "Third stage → Fourth stage".
        stage_turn(from, to);
        /// A stage of the story with its years as a heading: "First stage, 1919–1923" (its story
        /// beside the list, the kiosk's attract loop).
        stage_heading(name, years);
        /// The shortest label of a stage's band, when not even its name fits: its number in Roman
        /// numerals ("IV").
        stage_number(numeral);
        /// What a screen reader says of the slider's value: "1935, Third stage".
        year_in_stage(year, stage);
        /// How the language writes a number of a thousand or more: the thousands, then the last
        /// three digits ("1,200"; "1 200" with a no-break space). See [`UiText::number`].
        number_with_thousands(thousands, units);
        /// The label of an arrow at the map's edge pointing to a place beyond it: "Berlin 420 km".
        edge_label(place, km);
        /// What a screen reader says of that arrow: "Berlin, 420 km to the south-west, beyond
        /// the edge of the map" (`{direction}` is one of the `direction_…` texts).
        edge_marker_name(place, km, direction);
        /// When a border period that still stood at the end of 1940 began: "from 6 August 1940".
        period_from(date);
        /// The map's callout on a region that passed from one state to another that year:
        /// "Klaipėda Region → Germany, 23 March 1939". Where it is too long for one line, it is
        /// written on two, broken after its last ", ", or on three, broken also after its first
        /// " → ".
        region_transfer(region, state, date);
        /// A work's own title in the reader's quotation marks: "«{title}»", "„{title}“".
        source_title(title);
        /// The section of a work a citation points to, its heading kept as the work writes it:
        /// "section “{section}”".
        source_section(section);
        /// A photograph's caption in a work: "photo caption “{caption}”".
        source_caption(caption);
        /// Pages: "pp. {pages}".
        source_pages(pages);
        /// A work known through another's list of references: "reference [{number}] of {work}".
        source_reference(number, work);
        /// The work a translation translates: "translation; original: {work}".
        source_translation(work);
        /// The day a web page was read: "accessed {date}".
        source_accessed(date);
        /// The day of the archived copy of a page that was read: "archived {date}".
        source_archived(date);
        /// Who made a photograph and the archive that holds it, under its caption: "Photo: {credit}".
        photo_credit(credit);
        /// The tour's stop counter in words, for screen readers (shown as "3 / 12").
        tour_stop_of(stop, stops);
        /// In a city's panel in the comparison: the state the city lay in on a date ("State:
        /// Poland"; the state's name as the map's key writes it, in the nominative).
        compare_state(state);
        /// What changed since the previous step of the time bar, under the year: "1933 → 1934:
        /// {changes}." (`{changes}`: the `change_…` parts, joined by "; ").
        what_changed(from, to, changes);
        /// The same for the first step, which has none before it: "14 September 1919: {changes}."
        what_changed_start(to, changes);
        /// A thing named in the sentence with its date: "Treaty establishing the Baltic Entente
        /// (12 September 1934)".
        change_item(title, date);
        /// The parts of the sentence, each with a list of one or two things (`change_item`s or
        /// states' names, joined by ", "): treaties that came into force, that lapsed,
        /// conferences held, states occupied, states annexed, states whose borders changed.
        change_in_force(items);
        change_lapsed(items);
        change_met(items);
        change_occupied(items);
        change_annexed(items);
        change_borders(items);
    }
    plurals {
        /// The kiosk's warning, with the seconds left.
        countdown;
        /// How many events the selected year has, announced to screen readers after the year
        /// ("1935: 6 events").
        events_in_year;
        /// The legend's line for the treaties in force that the map draws no line for.
        more_treaties;
        /// The parts of the "what changed" sentence when more than two things of a kind changed:
        /// "3 treaties came into force", "3 treaties lapsed", "3 conferences met".
        treaties_in_force;
        treaties_lapsed;
        conferences_held;
        /// After the first of a longer list: "… and 4 more".
        and_more;
    }
}

/// The interface in one language: its texts and its way of writing dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiText {
    lang: Lang,
    name: String,
    texts: BTreeMap<&'static str, String>,
    plurals: BTreeMap<&'static str, BTreeMap<PluralCategory, String>>,
    dates: DateStyle,
    /// The names of the sites sources are on (`"wikipedia-lv"`: "Latvian Wikipedia"), English's
    /// where this language's file has none.
    sites: BTreeMap<String, String>,
    /// The sites this language's own file names.
    own_sites: std::collections::BTreeSet<String>,
}

impl UiText {
    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language's name in itself ("Latviešu", "Русский"), for the switcher.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name of a site sources are on, from the language file's `"sites"` (English's where
    /// this file has none; the id itself where no file names it).
    ///
    /// ```
    /// assert_eq!(atlas_core::i18n::UiText::builtin_english().site("wikipedia-lv"), "Latvian Wikipedia");
    /// ```
    pub fn site<'a>(&'a self, id: &'a str) -> &'a str {
        self.sites.get(id).map_or(id, String::as_str)
    }

    /// The name of a site, only if this language's own file gives it.
    pub fn site_exact(&self, id: &str) -> Option<&str> {
        self.own_sites.contains(id).then(|| self.sites.get(id).map(String::as_str)).flatten()
    }

    /// How this language writes dates.
    /// A date where the time bar and the legend name the selected day: in full, or marked as
    /// approximate when the sources give it only to the month or the year ("February 1940 (day
    /// not known)").
    pub fn shown_date(&self, date: &crate::time::HistoricDate) -> String {
        let text = self.dates().date(date);
        if date.precision() == crate::time::Precision::Day {
            text
        } else {
            self.date_approximate(&text)
        }
    }

    pub fn dates(&self) -> &DateStyle {
        &self.dates
    }

    /// A span of dates in this language.
    pub fn span(&self, span: &Span) -> String {
        self.dates.span(span)
    }

    /// A whole number as the language writes it, its thousands grouped by
    /// `number_with_thousands`.
    ///
    /// ```
    /// use atlas_core::i18n::UiText;
    ///
    /// let en = UiText::builtin_english();
    /// assert_eq!(en.number(420), "420");
    /// assert_eq!(en.number(1200), "1,200");
    /// assert_eq!(en.number(2_005_000), "2,005,000");
    /// ```
    pub fn number(&self, n: u32) -> String {
        if n < 1000 {
            n.to_string()
        } else {
            self.number_with_thousands(&self.number(n / 1000), &format!("{:03}", n % 1000))
        }
    }

    /// The name of a kind of event.
    pub fn kind(&self, kind: EventKind) -> &str {
        match kind {
            EventKind::Conference => self.kind_conference(),
            EventKind::Treaty => self.kind_treaty(),
            EventKind::Declaration => self.kind_declaration(),
            EventKind::Ultimatum => self.kind_ultimatum(),
            EventKind::Annulment => self.kind_annulment(),
            EventKind::Other => self.kind_other(),
        }
    }

    fn plain(&self, key: &str) -> &str {
        self.texts.get(key).map(String::as_str).unwrap_or_default()
    }

    fn plural(&self, key: &str, n: u32, category: PluralCategory) -> String {
        let forms = self.plurals.get(key);
        let form = forms.and_then(|f| f.get(&category).or_else(|| f.get(&PluralCategory::Other)));
        fill(form.map(String::as_str).unwrap_or_default(), &[("n", &n.to_string())])
    }

    /// The English interface built into the program, from `public/data/lang/en.json` as it was
    /// when the program was built: used where the files cannot be read at all, and in tests.
    pub fn builtin_english() -> UiText {
        let file =
            crate::data::DataFile { name: "lang/en.json", text: include_str!("../../../../public/data/lang/en.json") };
        match parse_language(file, None) {
            Ok((text, _)) => text,
            // The build's own English file is tested (see the tests below); this is never reached.
            Err(_) => UiText {
                lang: Lang::EN,
                name: "English".into(),
                texts: BTreeMap::new(),
                plurals: BTreeMap::new(),
                dates: DateStyle::english(),
                sites: BTreeMap::new(),
                own_sites: Default::default(),
            },
        }
    }
}

/// The languages the atlas offers, in the switcher's order, each with its interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    list: Vec<Arc<UiText>>,
}

impl Languages {
    /// The languages of `list`, in order; English must be among them.
    pub fn new(list: Vec<UiText>) -> Languages {
        Languages { list: list.into_iter().map(Arc::new).collect() }
    }

    /// Only the built-in English (see [`UiText::builtin_english`]).
    pub fn builtin() -> Languages {
        Languages::new(vec![UiText::builtin_english()])
    }

    /// The offered languages, in order.
    pub fn offered(&self) -> impl Iterator<Item = Lang> + '_ {
        self.list.iter().map(|t| t.lang)
    }

    /// Every language's interface, in order.
    pub fn all(&self) -> &[Arc<UiText>] {
        &self.list
    }

    /// The interface in `lang`, if offered.
    pub fn find(&self, lang: Lang) -> Option<&Arc<UiText>> {
        self.list.iter().find(|t| t.lang == lang)
    }

    /// The interface in `lang`, else English, else the first offered.
    pub fn get(&self, lang: Lang) -> Arc<UiText> {
        match self.find(lang).or_else(|| self.find(Lang::EN)).or_else(|| self.list.first()) {
            Some(text) => Arc::clone(text),
            None => Arc::new(UiText::builtin_english()),
        }
    }

    /// The first of the browser's preferred languages (BCP 47 tags) that is offered.
    ///
    /// ```
    /// use atlas_core::i18n::Languages;
    /// use atlas_core::Lang;
    /// let languages = Languages::builtin();
    /// assert_eq!(languages.preferred(["de-DE", "en-GB"]), Some(Lang::EN));
    /// assert_eq!(languages.preferred(["de"]), None);
    /// ```
    pub fn preferred<'a>(&self, tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().filter_map(Lang::from_tag).find(|lang| self.find(*lang).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_english_file_is_complete() {
        let file =
            crate::data::DataFile { name: "lang/en.json", text: include_str!("../../../../public/data/lang/en.json") };
        let (en, warnings) = parse_language(file, None).expect("en.json parses");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(en.app_title(), "The Baltic Entente, 1919–1940");
        assert_eq!(en.active_in("1934"), "Active in 1934");
        assert_eq!(en.countdown(1, PluralCategory::One), "Returning to the start in 1 second…");
        assert_eq!(en.countdown(9, PluralCategory::Other), "Returning to the start in 9 seconds…");
    }

    #[test]
    fn a_missing_plural_form_falls_back_to_other() {
        let en = UiText::builtin_english();
        assert_eq!(en.countdown(3, PluralCategory::Few), "Returning to the start in 3 seconds…");
    }

    #[test]
    fn placeholders_are_found_in_order() {
        assert_eq!(placeholders("{a} and {b}, {a"), ["a", "b"]);
        assert!(placeholders("none").is_empty());
    }
}
