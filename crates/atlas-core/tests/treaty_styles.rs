//! One identity per treaty, with the committed data: a treaty's line has the same colour and
//! dash pattern on every day it is in force, at every size and in every language, in the
//! lines and in the legend; two treaties in force on the same day (or in the same year) never
//! share one. And with
//! thousands of treaties (more at once than there are styles), the styles are still handed out
//! the same way every time, and the map draws at most `MAX_TREATY_LINES`.
use std::collections::HashMap;

use atlas_core::changes::year_view_day;
use atlas_core::geo::model::{Legend, MapFrames, MapStates, MapYear};
use atlas_core::geo::palette::{treaties_drawn, treaty_styles, TreatyStyle, MAX_TREATY_LINES, TREATY_STYLES};
use atlas_core::geo::style::{MapBox, PageWidth};
use atlas_core::link::Mode;
use atlas_core::time::CalendarDay;
use atlas_core::{Atlas, DataSet, Event, EventId, EventIndex, EventKind, HistoricDate, LonLat, Span};

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}

/// The map boxes of 1920×1080, 1280×800, the 1080×1920 kiosk, a 390×844 phone and an 800×500
/// embed, as measured in Chromium (see tests/labels.rs).
fn boxes() -> [(MapBox, &'static str); 5] {
    [
        (MapBox::new(1328.0, 768.0, Mode::Standard), "1920×1080"),
        (MapBox::new(848.0, 472.0, Mode::Standard), "1280×800"),
        (MapBox::new(1048.0, 702.0, Mode::Kiosk), "1080×1920 kiosk"),
        (MapBox { page: PageWidth::Narrow, ..MapBox::new(374.0, 480.0, Mode::Standard) }, "390×844"),
        (MapBox::new(488.0, 392.0, Mode::Standard), "800×500 embed"),
    ]
}

#[test]
fn a_treaty_keeps_its_style_in_every_year_size_and_language_and_no_two_in_force_share_one() {
    let data = data();
    let langs: Vec<_> = data.languages.offered().collect();
    let mut style_of: HashMap<EventIndex, (TreatyStyle, String)> = HashMap::new();
    let mut years_drawn = 0;
    // Every day the map changes on, and every year's own day.
    let years = data.atlas.years().expect("events");
    let mut days: Vec<CalendarDay> = years.map(year_view_day).chain(data.changes.all().iter().map(|c| c.day)).collect();
    days.sort();
    days.dedup();
    for (map_box, size) in boxes() {
        let frames = MapFrames::new(&data, map_box);
        for &day in &days {
            let map_year = MapYear::new(&data, &frames, day);
            let in_force = data
                .atlas
                .events()
                .iter()
                .filter(|e| e.kind == EventKind::Treaty && e.points.len() > 1 && e.span.contains_day(day))
                .count();
            assert_eq!(map_year.treaties.len() + map_year.treaties_left_out, in_force, "{size} {day}");
            for (i, line) in map_year.treaties.iter().enumerate() {
                let id = &data.atlas.event(line.event).id;
                let first = style_of.entry(line.event).or_insert_with(|| (line.style, format!("{size} {day}")));
                assert_eq!(first.0, line.style, "{id}: one style in {}, another in {size} {day}", first.1);
                for other in &map_year.treaties[i + 1..] {
                    let other_id = &data.atlas.event(other.event).id;
                    assert_ne!(line.style, other.style, "{size} {day}: {id} and {other_id} look alike");
                }
            }
            let states = MapStates::on(&data, &frames, map_year.day);
            for &lang in &langs {
                let legend = Legend::new(&data, &states, &map_year, lang);
                let keys: Vec<(EventIndex, TreatyStyle)> = legend.treaties.iter().map(|t| (t.event, t.style)).collect();
                let lines: Vec<(EventIndex, TreatyStyle)> =
                    map_year.treaties.iter().map(|t| (t.event, t.style)).collect();
                assert_eq!(keys, lines, "{size} {day} {lang}: the legend shows the lines' styles");
            }
            years_drawn += usize::from(!map_year.treaties.is_empty());
        }
    }
    // Nor two in force in the same year (a year's list names them all).
    for year in data.atlas.years().expect("events") {
        let in_year: Vec<&TreatyStyle> =
            data.atlas.active_indices(year).iter().filter_map(|e| style_of.get(e).map(|s| &s.0)).collect();
        for (i, a) in in_year.iter().enumerate() {
            assert!(!in_year[i + 1..].contains(a), "{year}: two treaties of the year look alike");
        }
    }
    // Every treaty with a line was drawn somewhere, in the style the palette gives it; while
    // there are no more treaties than styles, each has its own.
    let styles = treaty_styles(&data.atlas);
    if styles.len() <= TREATY_STYLES.len() {
        let mut distinct: Vec<TreatyStyle> = styles.iter().map(|s| s.1).collect();
        distinct.sort_by_key(|s| s.colour);
        distinct.dedup();
        assert_eq!(distinct.len(), styles.len(), "a style for each treaty: {styles:?}");
    }
    assert_eq!(style_of.len(), styles.len());
    for (event, style) in styles {
        assert_eq!(style_of.get(&event).map(|s| s.0), Some(style), "{}", data.atlas.event(event).id);
    }
    println!("{} treaties, one style each, over {years_drawn} maps with treaty lines:", style_of.len());
    let mut list: Vec<_> = style_of.iter().collect();
    list.sort_by_key(|(e, _)| **e);
    for (event, (style, _)) in list {
        println!("  {} {} {:?}", data.atlas.event(*event).id, style.colour, style.dashes);
    }
}

/// `n` treaties with random spans of a day to three years over 1919–1940, each between two
/// points (a small xorshift sequence, the same every run).
fn many_treaties(n: usize) -> Atlas {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let events = (0..n)
        .map(|i| {
            let year = 1919 + next(22) as i32;
            let start = HistoricDate::day(year, 1 + next(12) as u8, 1 + next(28) as u8).expect("a day");
            let end = HistoricDate::year_only((year + next(3) as i32).min(1940));
            Event {
                id: EventId::new(&format!("treaty-{i}")).expect("slug"),
                kind: EventKind::Treaty,
                span: Span::new(start, Some(end)),
                place: None,
                parties: vec![],
                title: Default::default(),
                summary: Default::default(),
                sources: vec![],
                note: None,
                points: vec![LonLat { lon: 24.1, lat: 56.9 }, LonLat { lon: 24.7, lat: 59.4 }],
                role: Default::default(),
                dates: vec![],
                media: vec![],
            }
        })
        .collect();
    Atlas::new(vec![], events)
}

#[test]
fn with_more_treaties_at_once_than_styles_the_styles_stay_the_same_and_at_most_a_few_lines_are_drawn() {
    let atlas = many_treaties(3000);
    let styles = treaty_styles(&atlas);
    assert_eq!(styles.len(), 3000);
    assert_eq!(styles, treaty_styles(&atlas), "the same every time");
    assert!(styles.iter().all(|(_, s)| TREATY_STYLES.contains(s)));
    let style: HashMap<EventIndex, TreatyStyle> = styles.into_iter().collect();
    let (mut years, mut alike) = (0, 0);
    for year in atlas.years().expect("events") {
        let (drawn, left_out) = treaties_drawn(atlas.active_indices(year));
        assert!(drawn.len() <= MAX_TREATY_LINES && drawn.len() + left_out == atlas.active_indices(year).len());
        let mut seen: Vec<TreatyStyle> = drawn.iter().map(|e| style[e]).collect();
        seen.sort_by_key(|s| s.colour);
        seen.dedup();
        years += 1;
        alike += drawn.len() - seen.len();
    }
    // Not promised (more than eight are in force at once), but where a style is shared it is with
    // an older treaty, which the map leaves out: here no two lines drawn together look alike.
    assert_eq!(
        alike, 0,
        "{years} years of 3,000 treaties: {alike} drawn lines share a style with another drawn that year"
    );
}
