//! Every word the interface shows, one table per language, and dates written the
//! way each language writes them.
//!
//! [`UiText`] is a struct, so the compiler refuses a language that lacks a key.
use crate::model::{EventKind, Lang};
use crate::time::{HistoricDate, Span};

/// The interface's texts in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiText {
    pub app_title: &'static str,
    pub map_label: &'static str,
    pub year: &'static str,
    /// Heading of the list of active events; `{year}` stands for the year.
    pub active_in: &'static str,
    pub nothing_active: &'static str,
    /// Heading of a city's conferences, in its panel.
    pub conferences_here: &'static str,
    pub no_conferences: &'static str,
    /// Marks a conference of the selected year in a city panel.
    pub in_selected_year: &'static str,
    pub close: &'static str,
    pub sources: &'static str,
    pub note: &'static str,
    pub parties: &'static str,
    pub loading: &'static str,
    pub load_error_title: &'static str,
    pub load_error_hint: &'static str,
    pub legend_city: &'static str,
    pub legend_active_city: &'static str,
    pub legend_treaty: &'static str,
    pub attribution: &'static str,
    pub conference: &'static str,
    pub treaty: &'static str,
    pub declaration: &'static str,
    pub ultimatum: &'static str,
    pub annulment: &'static str,
    pub other: &'static str,
    /// Label of the language switcher.
    pub language: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub previous_event_year: &'static str,
    pub next_event_year: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_view: &'static str,
    /// The kiosk's warning; `{n}` stands for the seconds left.
    pub countdown: &'static str,
    pub stay: &'static str,
    /// Shown while the kiosk plays the years by itself.
    pub attract_hint: &'static str,
    /// The legend's note on the borders; `{date}` stands for the reference day.
    pub borders_as_of: &'static str,
}

impl UiText {
    /// The texts for `lang`.
    pub fn of(lang: Lang) -> &'static UiText {
        match lang {
            Lang::En => &EN,
            Lang::Lv => &LV,
            Lang::Lt => &LT,
            Lang::Et => &ET,
        }
    }

    /// The heading of the active list for `year`.
    pub fn active_heading(&self, year: i32) -> String {
        self.active_in.replace("{year}", &year.to_string())
    }

    /// The legend's "Borders as of 1 July 1939".
    pub fn borders_as_of_text(&self, date: &str) -> String {
        self.borders_as_of.replace("{date}", date)
    }

    /// The kiosk's countdown with `seconds` left.
    pub fn countdown_text(&self, seconds: u32) -> String {
        self.countdown.replace("{n}", &seconds.to_string())
    }

    /// The name of a kind of event.
    pub fn kind(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::Conference => self.conference,
            EventKind::Treaty => self.treaty,
            EventKind::Declaration => self.declaration,
            EventKind::Ultimatum => self.ultimatum,
            EventKind::Annulment => self.annulment,
            EventKind::Other => self.other,
        }
    }
}

const EN: UiText = UiText {
    app_title: "The Baltic Entente, 1919–1940",
    map_label: "Map of the Baltic region with the places of the Baltic Entente",
    year: "Year",
    active_in: "Active in {year}",
    nothing_active: "No conference or treaty in the data for this year.",
    conferences_here: "Conferences held here",
    no_conferences: "No conference in the data was held here.",
    in_selected_year: "in the selected year",
    close: "Close",
    sources: "Sources",
    note: "Note",
    parties: "Parties",
    loading: "Loading the map…",
    load_error_title: "The map could not load its data",
    load_error_hint: "A curator can run `cargo xtask validate` to list every problem in the data files.",
    legend_city: "City",
    legend_active_city: "City with an event in the selected year",
    legend_treaty: "Treaty in force between capitals",
    attribution: "Base geography: Natural Earth. Interwar borders drawn by this project from the treaties; approximate. Events: «Baltijas Antante», Latvian Wikipedia, and the sources named with each event.",
    conference: "Conference",
    treaty: "Treaty",
    declaration: "Declaration",
    ultimatum: "Ultimatum",
    annulment: "Annulment",
    other: "Event",
    language: "Language",
    play: "Play the years",
    pause: "Pause",
    previous_event_year: "Previous year with an event",
    next_event_year: "Next year with an event",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Show the whole map",
    countdown: "Returning to the start in {n}…",
    stay: "Stay",
    attract_hint: "Touch the screen to explore the Baltic Entente",
    borders_as_of: "Borders as of {date}",
};

const LV: UiText = UiText {
    app_title: "Baltijas Antante, 1919–1940",
    map_label: "Baltijas reģiona karte ar Baltijas Antantes vietām",
    year: "Gads",
    active_in: "Notikumi un spēkā esošie līgumi {year}. gadā",
    nothing_active: "Datos šim gadam nav neviena konference vai līguma.",
    conferences_here: "Šeit notikušās konferences",
    no_conferences: "Datos šeit nav notikusi neviena konference.",
    in_selected_year: "izvēlētajā gadā",
    close: "Aizvērt",
    sources: "Avoti",
    note: "Piezīme",
    parties: "Puses",
    loading: "Ielādē karti…",
    load_error_title: "Karte nevarēja ielādēt savus datus",
    load_error_hint: "Kurators var palaist `cargo xtask validate`, lai redzētu visas datu failu kļūdas.",
    legend_city: "Pilsēta",
    legend_active_city: "Pilsēta ar notikumu izvēlētajā gadā",
    legend_treaty: "Spēkā esošs līgums starp galvaspilsētām",
    attribution: "Pamatkarte: Natural Earth. Starpkaru robežas šis projekts zīmējis pēc līgumiem; aptuvenas. Notikumi: «Baltijas Antante», Vikipēdija latviešu valodā, un pie katra notikuma minētie avoti.",
    conference: "Konference",
    treaty: "Līgums",
    declaration: "Deklarācija",
    ultimatum: "Ultimāts",
    annulment: "Anulēšana",
    other: "Notikums",
    language: "Valoda",
    play: "Atskaņot gadus",
    pause: "Pauze",
    previous_event_year: "Iepriekšējais gads ar notikumu",
    next_event_year: "Nākamais gads ar notikumu",
    zoom_in: "Tuvināt",
    zoom_out: "Tālināt",
    reset_view: "Rādīt visu karti",
    countdown: "Atgriešanās sākumā pēc {n}…",
    stay: "Palikt",
    attract_hint: "Pieskarieties ekrānam, lai izpētītu Baltijas Antanti",
    borders_as_of: "Robežas (stāvoklis: {date})",
};

const LT: UiText = UiText {
    app_title: "Baltijos Antantė, 1919–1940",
    map_label: "Baltijos regiono žemėlapis su Baltijos Antantės vietomis",
    year: "Metai",
    active_in: "{year} m. įvykiai ir galiojančios sutartys",
    nothing_active: "Duomenyse šiais metais nėra nei konferencijų, nei sutarčių.",
    conferences_here: "Čia vykusios konferencijos",
    no_conferences: "Duomenyse čia nevyko nė viena konferencija.",
    in_selected_year: "pasirinktais metais",
    close: "Uždaryti",
    sources: "Šaltiniai",
    note: "Pastaba",
    parties: "Šalys",
    loading: "Įkeliamas žemėlapis…",
    load_error_title: "Žemėlapiui nepavyko įkelti duomenų",
    load_error_hint: "Kuratorius gali paleisti `cargo xtask validate` ir pamatyti visas duomenų failų klaidas.",
    legend_city: "Miestas",
    legend_active_city: "Miestas, kuriame pasirinktais metais įvyko įvykis",
    legend_treaty: "Galiojanti sutartis tarp sostinių",
    attribution: "Pagrindo geografija: Natural Earth. Tarpukario sienas šis projektas nubraižė pagal sutartis; apytikslės. Įvykiai: «Baltijas Antante», Vikipedija latvių kalba, ir prie kiekvieno įvykio nurodyti šaltiniai.",
    conference: "Konferencija",
    treaty: "Sutartis",
    declaration: "Deklaracija",
    ultimatum: "Ultimatumas",
    annulment: "Anuliavimas",
    other: "Įvykis",
    language: "Kalba",
    play: "Leisti metus",
    pause: "Pristabdyti",
    previous_event_year: "Ankstesni metai su įvykiu",
    next_event_year: "Kiti metai su įvykiu",
    zoom_in: "Priartinti",
    zoom_out: "Nutolinti",
    reset_view: "Rodyti visą žemėlapį",
    countdown: "Grįžtama į pradžią po {n}…",
    stay: "Likti",
    attract_hint: "Palieskite ekraną ir tyrinėkite Baltijos Antantę",
    borders_as_of: "Sienos {date}",
};

const ET: UiText = UiText {
    app_title: "Balti liit, 1919–1940",
    map_label: "Balti regiooni kaart Balti liidu paikadega",
    year: "Aasta",
    active_in: "Sündmused ja kehtivad lepingud aastal {year}",
    nothing_active: "Andmetes pole selle aasta kohta ühtegi konverentsi ega lepingut.",
    conferences_here: "Siin peetud konverentsid",
    no_conferences: "Andmete järgi pole siin ühtegi konverentsi peetud.",
    in_selected_year: "valitud aastal",
    close: "Sulge",
    sources: "Allikad",
    note: "Märkus",
    parties: "Osapooled",
    loading: "Kaart laaditakse…",
    load_error_title: "Kaardi andmeid ei õnnestunud laadida",
    load_error_hint: "Kuraator saab käivitada `cargo xtask validate`, et näha kõiki andmefailide vigu.",
    legend_city: "Linn",
    legend_active_city: "Linn, kus valitud aastal toimus sündmus",
    legend_treaty: "Kehtiv leping pealinnade vahel",
    attribution: "Aluskaart: Natural Earth. Sõdadevahelised piirid on see projekt joonistanud lepingute järgi; ligikaudsed. Sündmused: «Baltijas Antante», lätikeelne Vikipeedia, ning iga sündmuse juures nimetatud allikad.",
    conference: "Konverents",
    treaty: "Leping",
    declaration: "Deklaratsioon",
    ultimatum: "Ultimaatum",
    annulment: "Tühistamine",
    other: "Sündmus",
    language: "Keel",
    play: "Esita aastaid",
    pause: "Paus",
    previous_event_year: "Eelmine sündmusega aasta",
    next_event_year: "Järgmine sündmusega aasta",
    zoom_in: "Suurenda",
    zoom_out: "Vähenda",
    reset_view: "Näita kogu kaarti",
    countdown: "Algusesse naasmine {n} sekundi pärast…",
    stay: "Jää",
    attract_hint: "Puuduta ekraani, et avastada Balti liitu",
    borders_as_of: "Piirid seisuga {date}",
};

/// Month names: English; Latvian and Estonian (nominative, as dates are written);
/// Lithuanian genitive (for a day: "rugsėjo 12 d.") and nominative (a month alone).
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const LV_MONTHS: [&str; 12] = [
    "janvāris",
    "februāris",
    "marts",
    "aprīlis",
    "maijs",
    "jūnijs",
    "jūlijs",
    "augusts",
    "septembris",
    "oktobris",
    "novembris",
    "decembris",
];
const LT_MONTHS_GENITIVE: [&str; 12] = [
    "sausio",
    "vasario",
    "kovo",
    "balandžio",
    "gegužės",
    "birželio",
    "liepos",
    "rugpjūčio",
    "rugsėjo",
    "spalio",
    "lapkričio",
    "gruodžio",
];
const LT_MONTHS: [&str; 12] = [
    "sausis",
    "vasaris",
    "kovas",
    "balandis",
    "gegužė",
    "birželis",
    "liepa",
    "rugpjūtis",
    "rugsėjis",
    "spalis",
    "lapkritis",
    "gruodis",
];
const ET_MONTHS: [&str; 12] = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
];

fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => EN_MONTHS[i],
        Lang::Lv => LV_MONTHS[i],
        Lang::Lt => LT_MONTHS[i],
        Lang::Et => ET_MONTHS[i],
    }
}

/// A day and month without the year: `12 September`, `12. septembris`, `rugsėjo 12 d.`, `12. september`.
fn day_month(lang: Lang, day: u8, month: u8) -> String {
    match lang {
        Lang::En => format!("{day} {}", month_name(lang, month)),
        Lang::Lv | Lang::Et => format!("{day}. {}", month_name(lang, month)),
        Lang::Lt => format!("{} {day} d.", LT_MONTHS_GENITIVE[usize::from(month.clamp(1, 12) - 1)]),
    }
}

/// Puts a year with a day-and-month or month phrase, as each language orders it:
/// `12 September 1934`, `1934. gada 12. septembris`, `1934 m. rugsėjo 12 d.`, `12. september 1934`.
fn with_year(lang: Lang, year: i32, phrase: &str) -> String {
    match lang {
        Lang::En | Lang::Et => format!("{phrase} {year}"),
        Lang::Lv => format!("{year}. gada {phrase}"),
        Lang::Lt => format!("{year} m. {phrase}"),
    }
}

/// A year alone: `1920`, `1920. gads`, `1920 m.`, `1920`.
fn year_alone(lang: Lang, year: i32) -> String {
    match lang {
        Lang::En | Lang::Et => year.to_string(),
        Lang::Lv => format!("{year}. gads"),
        Lang::Lt => format!("{year} m."),
    }
}

/// Writes a date at its own precision, as `lang` writes it.
pub fn format_date(date: &HistoricDate, lang: Lang) -> String {
    match (date.month_number(), date.day_number()) {
        (Some(m), Some(d)) => with_year(lang, date.year(), &day_month(lang, d, m)),
        (Some(m), None) => with_year(lang, date.year(), month_name(lang, m)),
        _ => year_alone(lang, date.year()),
    }
}

/// Writes a span, sharing what the two ends have in common:
/// `14–15 September 1919`, `1935. gada 9.–11. decembris`, `1935 m. gruodžio 9–11 d.`,
/// `29 September – 1 October 1919`, `1 November 1923 – 29 June 1940`.
pub fn format_span(span: &Span, lang: Lang) -> String {
    let Some(end) = span.end.filter(|end| *end != span.start) else {
        return format_date(&span.start, lang);
    };
    let start = span.start;
    let year = start.year();
    let full = || format!("{} – {}", format_date(&start, lang), format_date(&end, lang));
    if year != end.year() || start.precision() != end.precision() {
        return full();
    }
    match (start.month_number(), start.day_number(), end.month_number(), end.day_number()) {
        (Some(m), Some(d1), Some(m2), Some(d2)) if m == m2 => {
            let phrase = match lang {
                Lang::En => format!("{d1}–{d2} {}", month_name(lang, m)),
                Lang::Lv | Lang::Et => format!("{d1}.–{d2}. {}", month_name(lang, m)),
                Lang::Lt => format!("{} {d1}–{d2} d.", LT_MONTHS_GENITIVE[usize::from(m - 1)]),
            };
            with_year(lang, year, &phrase)
        }
        (Some(m1), Some(d1), Some(m2), Some(d2)) => {
            with_year(lang, year, &format!("{} – {}", day_month(lang, d1, m1), day_month(lang, d2, m2)))
        }
        (Some(m1), None, Some(m2), None) => {
            with_year(lang, year, &format!("{} – {}", month_name(lang, m1), month_name(lang, m2)))
        }
        _ => full(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span { start: start.parse().expect("date"), end: end.map(|e| e.parse().expect("date")) }
    }

    #[test]
    fn english_dates_keep_their_precision() {
        assert_eq!(format_span(&span("1934-09-12", None), Lang::En), "12 September 1934");
        assert_eq!(format_span(&span("1920-01", None), Lang::En), "January 1920");
        assert_eq!(format_span(&span("1920", None), Lang::En), "1920");
    }

    #[test]
    fn english_ranges_share_what_they_have_in_common() {
        assert_eq!(format_span(&span("1919-09-14", Some("1919-09-15")), Lang::En), "14–15 September 1919");
        assert_eq!(format_span(&span("1919-09-29", Some("1919-10-01")), Lang::En), "29 September – 1 October 1919");
        assert_eq!(format_span(&span("1923-11-01", Some("1940-06-29")), Lang::En), "1 November 1923 – 29 June 1940");
        assert_eq!(format_span(&span("1934-09-12", Some("1934-09-12")), Lang::En), "12 September 1934");
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span { start: start.parse().expect("date"), end: end.map(|e| e.parse().expect("date")) }
    }

    fn all(start: &str, end: Option<&str>) -> [String; 4] {
        let s = span(start, end);
        [Lang::Lv, Lang::Lt, Lang::Et, Lang::En].map(|lang| format_span(&s, lang))
    }

    #[test]
    fn a_day_in_each_language() {
        assert_eq!(
            all("1934-09-12", None),
            ["1934. gada 12. septembris", "1934 m. rugsėjo 12 d.", "12. september 1934", "12 September 1934"]
        );
    }

    #[test]
    fn a_month_and_a_year_alone() {
        assert_eq!(all("1920-01", None), ["1920. gada janvāris", "1920 m. sausis", "jaanuar 1920", "January 1920"]);
        assert_eq!(all("1920", None), ["1920. gads", "1920 m.", "1920", "1920"]);
    }

    #[test]
    fn a_range_within_a_month() {
        assert_eq!(
            all("1935-12-09", Some("1935-12-11")),
            ["1935. gada 9.–11. decembris", "1935 m. gruodžio 9–11 d.", "9.–11. detsember 1935", "9–11 December 1935"]
        );
    }

    #[test]
    fn a_range_across_months() {
        assert_eq!(
            all("1919-09-29", Some("1919-10-01")),
            [
                "1919. gada 29. septembris – 1. oktobris",
                "1919 m. rugsėjo 29 d. – spalio 1 d.",
                "29. september – 1. oktoober 1919",
                "29 September – 1 October 1919"
            ]
        );
        assert_eq!(
            all("1920-08", Some("1920-09")),
            [
                "1920. gada augusts – septembris",
                "1920 m. rugpjūtis – rugsėjis",
                "august – september 1920",
                "August – September 1920"
            ]
        );
    }

    #[test]
    fn a_range_across_years() {
        assert_eq!(
            all("1923-11-01", Some("1940-06-29")),
            [
                "1923. gada 1. novembris – 1940. gada 29. jūnijs",
                "1923 m. lapkričio 1 d. – 1940 m. birželio 29 d.",
                "1. november 1923 – 29. juuni 1940",
                "1 November 1923 – 29 June 1940"
            ]
        );
    }

    #[test]
    fn every_language_has_every_text() {
        for lang in Lang::ALL {
            let text = UiText::of(lang);
            let fields = [
                text.app_title,
                text.map_label,
                text.year,
                text.active_in,
                text.nothing_active,
                text.conferences_here,
                text.no_conferences,
                text.in_selected_year,
                text.close,
                text.sources,
                text.note,
                text.parties,
                text.loading,
                text.load_error_title,
                text.load_error_hint,
                text.legend_city,
                text.legend_active_city,
                text.legend_treaty,
                text.attribution,
                text.conference,
                text.treaty,
                text.declaration,
                text.ultimatum,
                text.annulment,
                text.other,
                text.language,
                text.play,
                text.pause,
                text.previous_event_year,
                text.next_event_year,
                text.zoom_in,
                text.zoom_out,
                text.reset_view,
                text.countdown,
                text.stay,
                text.attract_hint,
                text.borders_as_of,
            ];
            assert!(text.borders_as_of.contains("{date}"), "{lang}: the borders' date is shown");
            assert!(text.countdown.contains("{n}"), "{lang}: the countdown shows the seconds");
            assert!(fields.iter().all(|f| !f.trim().is_empty()), "{lang}: empty text");
            if lang != Lang::En {
                let en = UiText::of(Lang::En);
                assert_ne!(text.active_in, en.active_in, "{lang} is not translated");
                assert_ne!(text.close, en.close, "{lang} is not translated");
            }
            assert!(text.active_heading(1935).contains("1935"), "{lang}: the heading shows the year");
            if lang == Lang::En {
                assert_eq!(text.active_heading(1935), "Active in 1935");
            }
        }
    }
}
