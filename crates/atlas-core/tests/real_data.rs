//! The committed data files load without errors and say what the article says.
//!
//! Nothing here lists the languages or counts the events: the languages are those of
//! `languages.json`, and every count is compared with the data files read again as plain JSON
//! (not through the loader), so that adding a language or an event is a change of data alone.
use atlas_core::dataset::Checks;
use atlas_core::{Atlas, DataSet, EventKind, EventRole, Lang, PlaceId};
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");

fn data() -> DataSet {
    let data = DataSet::load_dir_with(DATA.as_ref(), Checks::validator())
        .unwrap_or_else(|e| panic!("the data files do not load:\n{e}"));
    assert!(data.warnings.is_empty(), "warnings: {:#?}", data.warnings);
    data
}

/// A data file read as plain JSON, without the loader: the independent witness of the counts.
fn raw(name: &str) -> Value {
    let path = format!("{DATA}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The features of a GeoJSON data file, read as plain JSON.
fn raw_features(name: &str) -> Vec<Value> {
    raw(name)["features"].as_array().unwrap_or_else(|| panic!("{name} has no features")).clone()
}

/// The language codes of `languages.json`, read as plain JSON.
fn raw_languages() -> Vec<String> {
    let list = raw("languages.json");
    let codes = list["languages"].as_array().expect("languages.json: a list `languages`");
    codes.iter().map(|c| c.as_str().expect("a language code").to_owned()).collect()
}

fn atlas() -> Atlas {
    data().atlas
}

fn lang(code: &str) -> Lang {
    Lang::new(code).expect("code")
}

fn place(id: &str) -> PlaceId {
    PlaceId::new(id).expect("slug")
}

/// The list "Baltijas Antantes konferences" at the end of the article.
const ARTICLE_CONFERENCES: [(&str, &str, &str); 11] = [
    ("tallinn", "1934-11-30", "1934-12-02"),
    ("kaunas", "1935-05-06", "1935-05-08"),
    ("riga", "1935-12-09", "1935-12-11"),
    ("tallinn", "1936-05-07", "1936-05-09"),
    ("riga", "1936-12-09", "1936-12-10"),
    ("kaunas", "1937-07-01", "1937-07-03"),
    ("tallinn", "1937-12-09", "1937-12-11"),
    ("riga", "1938-06-10", "1938-06-11"),
    ("kaunas", "1939-02-01", "1939-02-02"),
    ("tallinn", "1939-12-07", "1939-12-08"),
    ("riga", "1940-03-14", "1940-03-16"),
];

#[test]
fn the_eleven_conferences_have_the_articles_dates_and_cities() {
    let atlas = atlas();
    for (n, (city, start, end)) in ARTICLE_CONFERENCES.iter().enumerate() {
        let id = format!("baltic-entente-conference-{:02}", n + 1);
        let event = atlas.events().iter().find(|e| e.id.as_str() == id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(event.kind, EventKind::Conference, "{id}");
        assert_eq!(event.place.as_ref().map(PlaceId::as_str), Some(*city), "{id}");
        assert_eq!(event.span.start.to_string(), *start, "{id}");
        assert_eq!(event.span.end.map(|d| d.to_string()).as_deref(), Some(*end), "{id}");
    }
}

#[test]
fn kaunas_held_three_baltic_entente_conferences() {
    let atlas = atlas();
    let held: Vec<&str> = atlas.conferences_at(&place("kaunas")).map(|e| e.id.as_str()).collect();
    assert_eq!(held, ["baltic-entente-conference-02", "baltic-entente-conference-06", "baltic-entente-conference-09"]);
}

#[test]
fn in_1935_the_kaunas_and_riga_conferences_are_active() {
    let atlas = atlas();
    let active: Vec<&str> = atlas.active_in(1935).map(|e| e.id.as_str()).collect();
    assert!(
        active.contains(&"baltic-entente-conference-02") && active.contains(&"baltic-entente-conference-03"),
        "{active:?}"
    );
    assert!(!active.contains(&"baltic-entente-conference-01"), "{active:?}");
}

#[test]
fn the_treaties_are_in_force_until_their_annulment() {
    let atlas = atlas();
    let treaty = |start: &str| {
        atlas
            .events()
            .iter()
            .find(|e| e.kind == EventKind::Treaty && e.span.start.to_string() == start)
            .unwrap_or_else(|| panic!("no treaty signed {start}"))
    };
    let alliance = treaty("1923-11-01");
    assert_eq!(alliance.place.as_ref().map(PlaceId::as_str), Some("tallinn"));
    assert_eq!(alliance.span.end.map(|d| d.to_string()).as_deref(), Some("1940-06-29"));
    assert!(alliance.active_in(1930) && !alliance.active_in(1922));
    let entente = treaty("1934-09-12");
    assert_eq!(entente.place.as_ref().map(PlaceId::as_str), Some("geneva"));
    assert_eq!(entente.span.end.map(|d| d.to_string()).as_deref(), Some("1940-07-01"));
    assert_eq!(entente.points.len(), 3, "drawn between Tallinn, Riga and Kaunas");
    let languages = data().languages;
    assert_eq!(languages.get(lang("lv")).span(&entente.span), "1934. gada 12. septembris – 1940. gada 1. jūlijs");
    assert_eq!(languages.get(lang("ru")).span(&entente.span), "12 сентября 1934 г. – 1 июля 1940 г.");
    let riga = treaty("1934-02-17");
    assert_eq!(riga.place.as_ref().map(PlaceId::as_str), Some("riga"));
}

#[test]
fn the_early_conferences_are_where_the_article_puts_them() {
    let atlas = atlas();
    let at = |id: &str| atlas.conferences_at(&place(id)).map(|e| e.span.start.to_string()).collect::<Vec<_>>();
    assert!(at("tallinn").contains(&"1919-09-14".to_owned()));
    assert_eq!(at("tartu"), ["1919-09-29", "1919-11-11"]);
    assert_eq!(at("helsinki"), ["1920-01"]);
    assert_eq!(at("bulduri"), ["1920-08-06"]);
}

#[test]
fn every_place_is_named_in_every_language_and_the_five_cities_exist() {
    let data = data();
    let offered: Vec<Lang> = data.languages.offered().collect();
    let atlas = data.atlas;
    for id in ["tallinn", "riga", "kaunas", "geneva", "bulduri"] {
        assert!(atlas.place(&place(id)).is_some(), "{id}");
    }
    let riga = atlas.place(&place("riga")).expect("riga");
    // Riga's name in the languages the atlas began with, wherever they are still offered.
    let known = [("lv", "Rīga"), ("lt", "Ryga"), ("et", "Riia"), ("en", "Riga"), ("ru", "Рига")];
    for (code, name) in known {
        if offered.contains(&lang(code)) {
            assert_eq!(riga.name.exact(lang(code)), Some(name), "{code}");
        }
    }
    // Every place has its own name in every offered language, as places.geojson writes it.
    let raw_places = raw_features("places.geojson");
    assert_eq!(atlas.places().len(), raw_places.len(), "places.geojson's features");
    for p in atlas.places() {
        let written = raw_places.iter().find(|f| f["properties"]["id"] == p.id.as_str()).expect("in the file");
        for &l in &offered {
            let name = written["properties"]["name"][l.code()].as_str();
            assert!(name.is_some(), "{} lacks a name in {l}", p.id);
            assert_eq!(p.name.exact(l), name, "{} in {l}", p.id);
        }
    }
}

#[test]
fn a_city_is_highlighted_for_what_happened_there_that_year() {
    let atlas = atlas();
    let in_year =
        |year| atlas.places_with_event_in(year).into_iter().map(|p| p.as_str().to_owned()).collect::<Vec<_>>();
    assert!(in_year(1934).contains(&"geneva".to_owned()), "the Baltic Entente treaty was signed in Geneva in 1934");
    assert!(
        !in_year(1935).contains(&"geneva".to_owned()),
        "in 1935 the treaty is in force, but nothing happened in Geneva"
    );
    assert!(in_year(1935).contains(&"kaunas".to_owned()) && in_year(1935).contains(&"riga".to_owned()));
}

#[test]
fn every_language_writes_the_dates_of_the_data() {
    let data = data();
    let conference = data.atlas.events().iter().find(|e| e.id.as_str() == "baltic-entente-conference-03").expect("03");
    // As the languages the atlas began with write it, wherever they are still offered.
    let known = [
        ("lv", "1935. gada 9.–11. decembris"),
        ("lt", "1935 m. gruodžio 9–11 d."),
        ("et", "9.–11. detsember 1935"),
        ("en", "9–11 December 1935"),
        ("ru", "9–11 декабря 1935 г."),
    ];
    for (code, expected) in known {
        if let Some(ui) = data.languages.find(lang(code)) {
            assert_eq!(ui.span(&conference.span), expected, "{code}");
        }
    }
    // Every offered language writes the year, both days and December in a form its file gives.
    assert_eq!(data.languages.all().len(), raw_languages().len());
    for ui in data.languages.all() {
        let written = ui.span(&conference.span);
        let file = raw(&atlas_core::dataset::language_file(ui.lang()));
        let december = |list: &str| file["dates"][list][11].as_str().map(str::to_owned);
        let names: Vec<String> = [december("months"), december("months_genitive")].into_iter().flatten().collect();
        assert!(!names.is_empty(), "{}: no month names", ui.lang());
        assert!(names.iter().any(|n| written.contains(n.as_str())), "{}: {written} names no {names:?}", ui.lang());
        for part in ["1935", "9", "11"] {
            assert!(written.contains(part), "{}: {written} lacks {part}", ui.lang());
        }
    }
    let helsinki = data.atlas.events().iter().find(|e| e.span.start.to_string() == "1920-01").expect("January 1920");
    if let Some(ru) = data.languages.find(lang("ru")) {
        assert_eq!(ru.span(&helsinki.span), "январь 1920 г.");
    }
}

#[test]
fn every_language_offers_every_text() {
    let data = data();
    // The languages of languages.json, in its order, each with its own file's name and texts.
    let offered: Vec<String> = data.languages.offered().map(|l| l.to_string()).collect();
    assert_eq!(offered, raw_languages());
    for ui in data.languages.all() {
        let file = raw(&atlas_core::dataset::language_file(ui.lang()));
        assert_eq!(file["language"]["code"].as_str(), Some(ui.lang().code()));
        assert_eq!(Some(ui.name()), file["language"]["name"].as_str(), "{}", ui.lang());
        assert_eq!(Some(ui.app_title()), file["texts"]["app_title"].as_str(), "{}", ui.lang());
        assert_eq!(Some(ui.close()), file["texts"]["close"].as_str(), "{}", ui.lang());
    }
    if let Some(ru) = data.languages.find(lang("ru")) {
        assert_eq!(ru.app_title(), "Балтийская Антанта, 1919–1940");
        assert_eq!(ru.name(), "Русский");
    }
    // No warnings (asserted in `data()`): no language lacks a key, uses a wrong placeholder or
    // misses a plural category CLDR gives it.
}

#[test]
fn every_party_is_a_state_of_the_states_file_named_in_every_language() {
    let data = data();
    let offered: Vec<Lang> = data.languages.offered().collect();
    for event in data.atlas.events() {
        for party in &event.parties {
            let state = data.state(party).unwrap_or_else(|| panic!("{}: {party}", event.id));
            assert!(offered.iter().all(|&l| state.name.exact(l).is_some()), "{party}");
        }
    }
}

#[test]
fn treaties_between_the_same_capitals_never_share_a_lane_in_any_year() {
    let atlas = atlas();
    let lines = atlas_core::geo::treaty_lanes(&atlas);
    // A line between every two points of each treaty (a triangle for the Baltic Entente's three
    // capitals, one line for two), counted from events.geojson as plain JSON.
    let expected: usize = raw_features("events.geojson")
        .iter()
        .filter(|f| f["properties"]["kind"] == "treaty")
        .map(|f| match f["geometry"]["type"].as_str() {
            Some("MultiPoint" | "LineString") => {
                let n = f["geometry"]["coordinates"].as_array().map_or(0, Vec::len);
                n * n.saturating_sub(1) / 2
            }
            _ => 0,
        })
        .sum();
    assert!(expected >= 9, "the treaties of the article alone have 9 lines");
    assert_eq!(lines.len(), expected, "the treaties' lines");
    for year in atlas.years().expect("events") {
        let shown: Vec<_> = lines.iter().filter(|l| atlas.event(l.event).active_in(year)).collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert!(
                    !a.joins_same_cities(b) || a.lane != b.lane,
                    "{year}: {} and {} share lane {}",
                    atlas.event(a.event).id,
                    atlas.event(b.event).id,
                    a.lane
                );
            }
        }
    }
}

#[test]
fn every_highlighted_city_has_an_event_of_that_year_in_its_panel_and_no_other_city_does() {
    let atlas = atlas();
    let years = atlas.years().expect("events");
    for year in years {
        let highlighted = atlas.places_with_event_in(year);
        for place in atlas.places() {
            let panel = atlas.events_at(&place.id);
            let of_year =
                panel.all().filter(|&i| atlas_core::timeline::marks_its_place_in(atlas.event(i), year)).count();
            assert_eq!(
                highlighted.contains(&&place.id),
                of_year > 0,
                "{} in {year}: highlighted {}, {of_year} events of that year in its panel",
                place.id,
                highlighted.contains(&&place.id)
            );
        }
    }
    // The cases a visitor found wrong: the panel listed only conferences.
    for (city, year) in [("moscow", 1940), ("geneva", 1934), ("berlin", 1934), ("riga", 1934)] {
        let panel = atlas.events_at(&place(city));
        assert!(
            panel.all().any(|i| atlas_core::timeline::marks_its_place_in(atlas.event(i), year)),
            "{city}'s panel has nothing of {year}"
        );
    }
}

#[test]
fn within_a_year_events_run_by_start_then_end_and_ties_keep_the_files_order() {
    let atlas = atlas();
    for year in atlas.years().expect("events") {
        let active: Vec<_> = atlas.active_in(year).collect();
        assert!(
            active.windows(2).all(|w| (w[0].span.first_day(), w[0].span.last_day())
                <= (w[1].span.first_day(), w[1].span.last_day())),
            "{year} is not in time order"
        );
    }
    // Two events known only to the year 1935: the request comes before the answer, as in the
    // article (and the file).
    let ids: Vec<&str> = atlas.active_in(1935).map(|e| e.id.as_str()).collect();
    let position = |id: &str| ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("{id} not in 1935"));
    assert!(position("lithuania-asks-support-1935") < position("latvia-estonia-support-lithuania-1935"), "{ids:?}");
    // The Soviet bases treaties (September–October 1939) come after the February conference.
    let ids: Vec<&str> = atlas.active_in(1939).map(|e| e.id.as_str()).collect();
    let conference = ids.iter().position(|i| *i == "baltic-entente-conference-09").expect("the 9th conference");
    let bases: Vec<usize> = ids.iter().enumerate().filter(|(_, i)| i.contains("bases")).map(|(n, _)| n).collect();
    assert_eq!(bases.len(), 3, "{ids:?}");
    assert!(bases.iter().all(|&b| b > conference), "{ids:?}");
}

#[test]
fn the_four_stages_of_the_article_cover_every_year_of_the_atlas() {
    let data = data();
    let stages = data.stages.all();
    let spans: Vec<(i32, i32)> = stages.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(spans, [(1919, 1923), (1923, 1934), (1934, 1939), (1939, 1940)]);
    for year in data.atlas.years().expect("events") {
        assert!(data.stages.at(year).is_some(), "{year} has no stage");
    }
    for stage in stages {
        for code in raw_languages() {
            assert!(stage.name.exact(lang(&code)).is_some(), "{} has no name in {code}", stage.id);
        }
    }
}

#[test]
fn the_bases_treaties_of_1939_are_three_signed_in_moscow_each_drawn_moscow_to_one_capital() {
    let data = data();
    let atlas = &data.atlas;
    let moscow = atlas.place(&place("moscow")).expect("moscow").location;
    let expected = [
        ("treaty-1939-09-28-soviet-estonian-bases", "1939-09-28", "estonia", "tallinn"),
        ("treaty-1939-10-05-soviet-latvian-bases", "1939-10-05", "latvia", "riga"),
        ("treaty-1939-10-10-soviet-lithuanian-bases", "1939-10-10", "lithuania", "kaunas"),
    ];
    for (id, start, state, capital) in expected {
        let event = atlas.events().iter().find(|e| e.id.as_str() == id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(event.kind, EventKind::Treaty, "{id}");
        assert_eq!(event.span.start.to_string(), start, "{id}");
        // It lapsed with the annexation: its last day in force is the eve of the first day the
        // borders file shows the state as a Soviet republic.
        let end = event.span.end.unwrap_or_else(|| panic!("{id}: an end"));
        let annexed = data
            .borders
            .periods()
            .iter()
            .find(|p| p.state == state && p.occupied_by.is_some() && p.name.text(Lang::EN).contains("SSR"))
            .unwrap_or_else(|| panic!("{state}'s annexed period"));
        assert_eq!(end.last_day().next(), annexed.first_day(), "{id} ends the eve of {}", annexed.id);
        assert!(
            event.sources.iter().any(|s| s.work.as_str() == "enwiki-occupation-baltic-states"),
            "{id}: a source for the end"
        );
        assert_eq!(event.place.as_ref().map(PlaceId::as_str), Some("moscow"), "{id}");
        let parties: Vec<&str> = event.parties.iter().map(|p| p.as_str()).collect();
        assert_eq!(parties, ["ussr", state], "{id}");
        let capital = atlas.place(&place(capital)).expect("capital").location;
        assert_eq!(event.points, [moscow, capital], "{id}");
        assert!(
            event.sources.iter().any(|s| s.work.as_str().ends_with("mutual-assistance")),
            "{id}: a source for the day"
        );
        assert!(data.languages.offered().all(|l| event.title.exact(l).is_some() && event.summary.exact(l).is_some()));
    }
    let treaties_1939: Vec<&str> = atlas
        .active_in(1939)
        .filter(|e| e.kind == EventKind::Treaty && e.role == EventRole::Story && e.span.start.year() == 1939)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(treaties_1939.len(), 3, "{treaties_1939:?}");
    assert!(
        atlas.events().iter().all(|e| e.id.as_str() != "treaties-1939-soviet-bases"),
        "the old joint event is gone"
    );
    assert_eq!(atlas.events().len(), raw_features("events.geojson").len(), "every feature of events.geojson");
}

#[test]
fn context_places_are_on_the_map_but_never_have_an_event_or_a_panel() {
    let atlas = atlas();
    let context: Vec<&atlas_core::Place> = atlas.places().iter().filter(|p| p.is_context()).collect();
    let ids: Vec<&str> = context.iter().map(|p| p.id.as_str()).collect();
    let in_file: Vec<String> = raw_features("places.geojson")
        .iter()
        .filter(|f| f["properties"]["role"] == "context")
        .map(|f| f["properties"]["id"].as_str().expect("an id").to_owned())
        .collect();
    assert!(!in_file.is_empty(), "places.geojson has context places (Vilnius, Klaipėda)");
    assert_eq!(ids, in_file, "the places whose role is `context` in places.geojson");
    for year in atlas.years().expect("events") {
        let active = atlas.places_with_event_in(year);
        assert!(context.iter().all(|p| !active.contains(&&p.id)), "{year}: {active:?}");
    }
    for place in context {
        assert!(atlas.conferences_at(&place.id).next().is_none(), "{} has conferences", place.id);
        // Only an event told for the context happens there (the Warsaw Accord in Warsaw).
        assert!(
            atlas.events().iter().all(|e| e.place.as_ref() != Some(&place.id) || e.role == EventRole::Context),
            "{}",
            place.id
        );
    }
}

#[test]
fn the_context_events_are_on_their_dates_and_never_widen_the_years() {
    let atlas = atlas();
    let expected = [
        ("warsaw-accord-1922-03-17", "1922-03-17", Some("warsaw")),
        ("treaty-1926-09-28-soviet-lithuanian-non-aggression", "1926-09-28", Some("moscow")),
        ("treaty-1932-02-05-soviet-latvian-non-aggression", "1932-02-05", Some("riga")),
        ("treaty-1932-05-04-soviet-estonian-non-aggression", "1932-05-04", Some("moscow")),
        ("treaty-1939-06-07-german-estonia-non-aggression", "1939-06-07", Some("berlin")),
        ("treaty-1939-06-07-german-latvia-non-aggression", "1939-06-07", Some("berlin")),
        ("molotov-ribbentrop-pact-1939-08-23", "1939-08-23", Some("moscow")),
        ("occupation-1940-06-15-lithuania", "1940-06-15", None),
        ("occupation-1940-06-17-estonia-latvia", "1940-06-17", None),
        ("elections-1940-07-14", "1940-07-14", None),
        ("annexation-1940-08-03-lithuania", "1940-08-03", Some("moscow")),
        ("annexation-1940-08-05-latvia", "1940-08-05", Some("moscow")),
        ("annexation-1940-08-06-estonia", "1940-08-06", Some("moscow")),
    ];
    for (id, start, place) in expected {
        let event = atlas.events().iter().find(|e| e.id.as_str() == id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(event.role, EventRole::Context, "{id}");
        assert_eq!(event.span.start.to_string(), start, "{id}");
        assert_eq!(event.place.as_ref().map(PlaceId::as_str), place, "{id}");
        assert!(!event.sources.is_empty(), "{id}");
    }
    let in_file = raw_features("events.geojson").iter().filter(|f| f["properties"]["role"] == "context").count();
    assert_eq!(in_file, expected.len(), "every context event of events.geojson is checked here");
    // The Molotov–Ribbentrop Pact was broken in 1941; the atlas's years stay the Entente's.
    assert_eq!(atlas.years(), Some(1919..=1940));
    // 1922 is no longer a year with nothing in it, and the annexation is in 1940's list.
    assert!(atlas.active_in(1922).any(|e| e.id.as_str() == "warsaw-accord-1922-03-17"));
    assert!(atlas.active_in(1940).any(|e| e.id.as_str() == "annexation-1940-08-05-latvia"));
}
