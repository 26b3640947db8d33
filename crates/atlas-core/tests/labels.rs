//! The map's labels with the committed data, for every year, every language and the five
//! layout sizes: no label covers another label or a marker, every label stays in its frame,
//! and the three Baltic states are always named.
use atlas_core::geo::model::{MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::style::MapBox;
use atlas_core::geo::ScreenRect;
use atlas_core::link::Mode;
use atlas_core::{DataSet, Lang};

/// The map's box (CSS pixels) in the five layouts: 1920×1080, 1280×800, the 1080×1920 portrait
/// kiosk, a 390×844 phone and an 800×500 embed (as the page layout is meant to give it, and as
/// measured in Chromium with today's style.css), then the extreme shapes 0.5 and 2.5.
const SIZES: [(f64, f64, bool, &str); 12] = [
    (1122.0, 797.0, false, "1920×1080 as measured"),
    (738.0, 522.0, false, "1280×800 as measured"),
    (1054.0, 745.0, true, "1080×1920 kiosk as measured"),
    (372.0, 392.0, false, "390×844 phone as measured"),
    (465.0, 386.0, false, "800×500 embed as measured"),
    (1130.0, 880.0, false, "1920×1080"),
    (740.0, 600.0, false, "1280×800"),
    (1050.0, 1000.0, true, "1080×1920 kiosk"),
    (374.0, 420.0, false, "390×844 phone"),
    (470.0, 400.0, false, "800×500 embed"),
    (400.0, 800.0, false, "aspect 0.5"),
    (1250.0, 500.0, false, "aspect 2.5"),
];

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}

/// What a label names.
#[derive(Debug, Clone, Copy)]
enum LabelOf {
    /// A marker, by its position in `MapFrames::markers`.
    Marker(usize),
    /// A state period, by its index in `Borders::periods`.
    State(usize),
}

/// Every placed label's box, with what it names.
fn label_boxes(labels: &MapLabels) -> Vec<(LabelOf, ScreenRect)> {
    let cities = labels.cities.iter().enumerate().filter_map(|(i, p)| Some((LabelOf::Marker(i), p.as_ref()?.bounds)));
    cities.chain(labels.states.iter().map(|s| (LabelOf::State(s.period), s.placed.bounds))).collect()
}

#[test]
fn no_label_covers_another_or_a_marker_or_leaves_its_frame_in_any_year_language_or_size() {
    let data = data();
    let langs: Vec<Lang> = data.languages.offered().collect();
    // Every language that languages.json lists, none dropped on the way.
    let list = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/languages.json"))
        .expect("languages.json");
    let listed = atlas_core::i18n::parse_language_list(atlas_core::DataFile { name: "languages.json", text: &list })
        .expect("languages.json parses");
    assert_eq!(langs, listed);
    let years = data.atlas.years().expect("events");
    let (mut checked, mut placed, mut dropped) = (0, 0, 0);
    for (width, height, kiosk, name) in SIZES {
        let mode = if kiosk { Mode::Kiosk } else { Mode::Standard };
        let frames = MapFrames::new(&data, MapBox::new(width, height, mode));
        let rects: Vec<ScreenRect> = frames.layout.frames.iter().map(|f| f.rect).collect();
        let what = |of: &LabelOf| match *of {
            LabelOf::Marker(i) => frames.markers[i].place.to_string(),
            LabelOf::State(period) => data.borders.periods()[period].id.clone(),
        };
        for year in years.clone() {
            let map_year = MapYear::new(&data, &frames, atlas_core::changes::year_view_day(year));
            let states = MapStates::on(&data, &frames, map_year.day);
            for &lang in &langs {
                let labels = MapLabels::new(&data, &frames, &states, &map_year, lang);
                let boxes = label_boxes(&labels);
                for (i, (a, box_a)) in boxes.iter().enumerate() {
                    assert!(
                        rects.iter().any(|f| box_a.inside(f)),
                        "{name} {year} {lang}: {} leaves its frame",
                        what(a)
                    );
                    for (b, box_b) in &boxes[i + 1..] {
                        assert!(!box_a.overlaps(box_b), "{name} {year} {lang}: {} covers {}", what(a), what(b));
                    }
                    for m in &labels.markers {
                        assert!(!box_a.overlaps(m), "{name} {year} {lang}: {} covers a marker", what(a));
                    }
                }
                // The Baltic states are named wherever there is room for them after the cities
                // (issue 18: capitals and places with an event come first); on a phone, the 1940
                // names ("Latvijas PSR") can give way to Riga, Bulduri and Tallinn.
                for state in ["estonia", "latvia", "lithuania"] {
                    let named = labels.states.iter().any(|s| data.borders.periods()[s.period].state == state);
                    assert!(named || width < 500.0, "{name} {year} {lang}: {state} is not named");
                }
                for place in &map_year.active_places {
                    if let Some(marker) = frames.marker_index(place) {
                        assert!(labels.city(marker).is_some(), "{name} {year} {lang}: {place} has no label");
                    }
                }
                checked += 1;
                placed += boxes.len();
                dropped += frames.markers.len() + states.visible.len() - boxes.len();
            }
        }
    }
    println!("{checked} maps checked; {placed} labels placed, {dropped} gave way");
}
