//! The map's labels with the committed data, for every year, every language and the five
//! layout sizes: no label covers another label or a marker, every label stays in its frame,
//! the three Baltic states are always named, every capital on screen and every place of the
//! year is named clear of the treaty lines, and so when the map is zoomed (with what zooming in
//! adds).
use atlas_core::changes::year_view_day;
use atlas_core::geo::detail::{zoom_step, ZoomDetail};
use atlas_core::geo::model::{MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::placement::Line;
use atlas_core::geo::style::{MapBox, PageWidth};
use atlas_core::geo::{MapView, ScreenRect};
use atlas_core::link::Mode;
use atlas_core::time::CalendarDay;
use atlas_core::{DataSet, Lang};

/// The map's box (CSS pixels) in the five layouts: 1920×1080, 1280×800, the 1080×1920 portrait
/// kiosk, a 390×844 phone and an 800×500 embed, as measured in Chromium with today's style.css
/// (`.map-box`, issue 18), then as measured before, as the page layout is meant to give it, and
/// the extreme shapes 0.5 and 2.5.
const SIZES: [(f64, f64, bool, &str); 17] = [
    (1328.0, 768.0, false, "1920×1080 as measured"),
    (848.0, 472.0, false, "1280×800 as measured"),
    (1048.0, 702.0, true, "1080×1920 kiosk as measured"),
    (374.0, 480.0, false, "390×844 phone as measured"),
    (488.0, 392.0, false, "800×500 embed as measured"),
    (1122.0, 797.0, false, "1920×1080 as measured before"),
    (738.0, 522.0, false, "1280×800 as measured before"),
    (1054.0, 745.0, true, "1080×1920 kiosk as measured before"),
    (372.0, 392.0, false, "390×844 phone as measured before"),
    (465.0, 386.0, false, "800×500 embed as measured before"),
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

/// Every day the map changes on and every year's own day (31 December), in order.
fn days(data: &DataSet) -> Vec<CalendarDay> {
    let years = data.atlas.years().expect("events");
    let mut days: Vec<CalendarDay> = years.map(year_view_day).chain(data.changes.all().iter().map(|c| c.day)).collect();
    days.sort();
    days.dedup();
    days
}

/// The map box of a size of [`SIZES`]: a phone's page is narrow (its smaller buttons).
fn map_box((width, height, kiosk, _): (f64, f64, bool, &'static str)) -> MapBox {
    let mode = if kiosk { Mode::Kiosk } else { Mode::Standard };
    let page = if width < 400.0 { PageWidth::Narrow } else { PageWidth::Wide };
    MapBox { page, ..MapBox::new(width, height, mode) }
}

/// What is wrong with the label of marker `i`: missing, outside its frame (on screen), over
/// another label, crossed by a line.
fn label_problem(labels: &MapLabels, frames: &MapFrames, i: usize) -> Option<String> {
    let Some(placed) = labels.city(i) else { return Some("no label".into()) };
    let frame = frames.layout.frames[frames.markers[i].frame].rect;
    if !placed.bounds.inside(&frame) {
        return Some(format!("{:?} leaves its frame {frame:?}", placed.bounds));
    }
    let others = labels.cities.iter().enumerate().filter(|&(j, _)| j != i).filter_map(|(_, p)| p.as_ref());
    if others.map(|p| p.bounds).chain(labels.states.iter().map(|s| s.placed.bounds)).any(|b| b.overlaps(&placed.bounds))
    {
        return Some("covers another label".into());
    }
    if crossing_lines(labels, frames, i, &placed.bounds) > 0 {
        return Some("is crossed by a line".into());
    }
    None
}

/// How many lines run through the label box `b` of marker `i`, but for the lines into an inset
/// that end at its own marker there: in a small inset they may leave it no other place (the
/// phone's Moscow, with the three 1939 lines), and are counted apart.
fn crossing_lines(labels: &MapLabels, frames: &MapFrames, i: usize, b: &ScreenRect) -> usize {
    let marker = &frames.markers[i];
    let ends_here = |p: (f64, f64)| (p.0 - marker.position.0).hypot(p.1 - marker.position.1) < 0.5;
    let own = |l: &&Line| marker.frame > 0 && l.over_insets && l.segment.iter().any(|&p| ends_here(p));
    labels.lines.iter().filter(|l| l.crosses(b, marker.frame)).filter(|l| !own(l)).count()
}

/// How many lines into an inset run through the label of their own place there.
fn crossing_own_lines(labels: &MapLabels, frames: &MapFrames, i: usize) -> usize {
    let Some(placed) = labels.city(i) else { return 0 };
    let all = labels.lines.iter().filter(|l| l.crosses(&placed.bounds, frames.markers[i].frame)).count();
    all - crossing_lines(labels, frames, i, &placed.bounds)
}

#[test]
fn every_capital_on_screen_and_every_place_of_the_year_and_the_baltic_states_are_named_on_every_day() {
    let data = data();
    let langs: Vec<Lang> = data.languages.offered().collect();
    let days = days(&data);
    let (mut maps, mut checked, mut leaders, mut crossed_states, mut inset_crossings) = (0, 0, 0, 0, 0);
    // The five sizes as measured, on every day the map changes.
    for size in &SIZES[..5] {
        let frames = MapFrames::new(&data, map_box(*size));
        for &day in &days {
            let map_year = MapYear::new(&data, &frames, day);
            let states = MapStates::on(&data, &frames, map_year.day);
            // The capitals of the states on screen, from the files, not from the model.
            let capitals: Vec<usize> = states
                .visible
                .iter()
                .filter_map(|s| {
                    let slug = &data.borders.periods()[s.period].state;
                    let capital = data.states.iter().find(|st| st.id.as_str() == slug)?.capital.as_ref()?;
                    frames.marker_index(capital)
                })
                .collect();
            let active = map_year.active_places.iter().filter_map(|p| frames.marker_index(p));
            let mut named: Vec<usize> = capitals.iter().copied().chain(active).collect();
            named.sort_unstable();
            named.dedup();
            for &lang in &langs {
                let labels = MapLabels::new(&data, &frames, &states, &map_year, lang);
                for &i in &named {
                    if let Some(problem) = label_problem(&labels, &frames, i) {
                        panic!("{} {day} {lang}: {} {problem}", size.3, frames.markers[i].place);
                    }
                    leaders += usize::from(labels.city(i).is_some_and(|p| p.leader.is_some()));
                    checked += 1;
                }
                for state in ["estonia", "latvia", "lithuania"] {
                    let named = labels.states.iter().any(|s| data.borders.periods()[s.period].state == state);
                    assert!(named, "{} {day} {lang}: {state} is not named", size.3);
                }
                // No line runs through any city label; a state's name only where it must.
                for (i, placed) in labels.cities.iter().enumerate() {
                    let Some(placed) = placed else { continue };
                    let crossed = crossing_lines(&labels, &frames, i, &placed.bounds);
                    assert_eq!(crossed, 0, "{} {day} {lang}: a line crosses {}", size.3, frames.markers[i].place);
                    inset_crossings += usize::from(crossing_own_lines(&labels, &frames, i) > 0);
                }
                crossed_states += labels
                    .states
                    .iter()
                    .filter(|s| labels.lines.iter().any(|l| l.crosses(&s.placed.bounds, 0)))
                    .count();
                maps += 1;
            }
        }
    }
    println!(
        "{maps} maps ({} days × {} languages × 5 sizes): {checked} essential labels checked, {leaders} with a \
         leader line; {crossed_states} state names crossed by a line; {inset_crossings} places in an inset \
         crossed by their own lines",
        days.len(),
        langs.len()
    );
}

#[test]
fn a_zoomed_map_is_labelled_for_the_box_the_reader_sees() {
    let data = data();
    let langs: Vec<Lang> = data.languages.offered().collect();
    for size in [SIZES[1], SIZES[3], SIZES[4]] {
        let frames = MapFrames::new(&data, map_box(size));
        let (width, height) = (size.0, size.1);
        let klaipeda = data.atlas.places().iter().find(|p| p.id.as_str() == "klaipeda").expect("Klaipėda");
        let at = frames.layout.frames[0].projection.project(klaipeda.location).expect("on the map");
        for year in [1923, 1934, 1939, 1940] {
            let map_year = MapYear::new(&data, &frames, year_view_day(year));
            let states = MapStates::on(&data, &frames, map_year.day);
            for scale in [2.0, 3.5, 6.0] {
                // Zoomed in on Klaipėda, which sits near the left edge of the view.
                let view = MapView::HOME.zoom_at(scale, at, (width, height)).pan(-0.3 * width, 0.0, (width, height));
                for &lang in &langs {
                    let labels = MapLabels::for_view(&data, &frames, &states, &map_year, lang, view);
                    let visible = ScreenRect { x: 0.0, y: 0.0, width, height };
                    for (i, placed) in labels.cities.iter().enumerate() {
                        let Some(placed) = placed else { continue };
                        let frame = frames.layout.frames[frames.markers[i].frame].rect;
                        assert!(
                            placed.bounds.inside(&frame) && placed.bounds.inside(&visible),
                            "{} {year} {lang} ×{scale}: {} is cut by the edge",
                            size.3,
                            frames.markers[i].place
                        );
                    }
                    for name in &labels.states {
                        assert!(
                            name.placed.bounds.inside(&visible),
                            "{} {year} {lang} ×{scale}: a state's name is cut",
                            size.3
                        );
                        let (x, y) = view.to_screen(name.at);
                        assert!((x - name.placed.x).abs() < 0.1 && (y - name.placed.y).abs() < 0.1);
                    }
                    for &i in &labels.essential {
                        if let Some(problem) = label_problem(&labels, &frames, i) {
                            panic!("{} {year} {lang} ×{scale}: {} {problem}", size.3, frames.markers[i].place);
                        }
                    }
                    // What zooming in adds (towns, water names) is whole on screen too.
                    let step = zoom_step(&frames.zoomed.steps(), scale);
                    let detail = ZoomDetail::new(&data, &frames, &labels, step, lang);
                    for name in detail.towns.iter().chain(&detail.names) {
                        let (ax, ay) = view.to_screen(name.anchor);
                        let b = name.bounds;
                        let seen = ScreenRect {
                            x: ax + (b.x - name.anchor.0) * step,
                            y: ay + (b.y - name.anchor.1) * step,
                            width: b.width * step,
                            height: b.height * step,
                        };
                        assert!(
                            seen.inside(&visible) && !seen.overlaps(&frames.controls),
                            "{} {year} {lang} ×{scale}: {} is cut or under the buttons",
                            size.3,
                            name.text
                        );
                    }
                    let klaipeda_marker = frames.marker_index(&klaipeda.id).expect("a marker");
                    let on_screen = view.to_screen(frames.markers[klaipeda_marker].position);
                    if visible.contains(on_screen) && year == 1923 {
                        let text = labels.text(klaipeda_marker);
                        assert!(
                            text.is_some() || scale < 3.0,
                            "{} {lang} ×{scale}: Klaipėda unnamed when zoomed to it",
                            size.3
                        );
                    }
                }
            }
        }
    }
}
