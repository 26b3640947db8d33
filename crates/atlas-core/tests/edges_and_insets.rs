//! Nothing on the map is drawn where it is not (issue 18): with the committed data, at the five
//! layout sizes, every marker is at its place's projected position (or joined to it by a
//! leader), in an inset that shows its place, or an arrow at the frame's edge that says the
//! direction and distance; every treaty line to a place in an inset ends at the inset's marker;
//! and every inset has land, its place's name and a title.
use atlas_core::changes::year_view_day;
use atlas_core::geo::geometry::projection::great_circle_km;
use atlas_core::geo::layout::{rounded_km, Compass};
use atlas_core::geo::model::{LineEnd, MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::placement::{text_size, EM_PER_CHAR_ITALIC};
use atlas_core::geo::style::{MapBox, PageWidth};
use atlas_core::geo::{PlaceMarker, ScreenRect};
use atlas_core::link::Mode;
use atlas_core::{DataSet, Lang};

/// How far (SVG units) a marker may be drawn from where it belongs: rounding only.
const FEW_PIXELS: f64 = 2.0;

/// The map's box (CSS pixels) in the five layouts, as Chromium measures it with today's
/// style.css (the viewBox of the drawn map), then as tests/labels.rs lists them.
const SIZES: [(f64, f64, Mode, PageWidth, &str); 10] = [
    (1328.0, 766.0, Mode::Standard, PageWidth::Wide, "1920×1080"),
    (848.0, 472.0, Mode::Standard, PageWidth::Wide, "1280×800"),
    (1048.0, 700.0, Mode::Kiosk, PageWidth::Wide, "1080×1920 kiosk"),
    (372.0, 478.0, Mode::Standard, PageWidth::Narrow, "390×844 phone"),
    (488.0, 392.0, Mode::Embed, PageWidth::Wide, "800×500 embed"),
    (1122.0, 797.0, Mode::Standard, PageWidth::Wide, "1920×1080 (labels.rs)"),
    (738.0, 522.0, Mode::Standard, PageWidth::Wide, "1280×800 (labels.rs)"),
    (1054.0, 745.0, Mode::Kiosk, PageWidth::Wide, "1080×1920 kiosk (labels.rs)"),
    (372.0, 392.0, Mode::Standard, PageWidth::Narrow, "390×844 phone (labels.rs)"),
    (465.0, 386.0, Mode::Embed, PageWidth::Wide, "800×500 embed (labels.rs)"),
];

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}

fn frames_at(data: &DataSet, (width, height, mode, page): (f64, f64, Mode, PageWidth)) -> MapFrames {
    MapFrames::new(data, MapBox { page, ..MapBox::new(width, height, mode) })
}

fn apart(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// The compass direction's angle on screen (degrees clockwise from east).
fn angle_of(compass: Compass) -> f64 {
    match compass {
        Compass::East => 0.0,
        Compass::SouthEast => 45.0,
        Compass::South => 90.0,
        Compass::SouthWest => 135.0,
        Compass::West => 180.0,
        Compass::NorthWest => -135.0,
        Compass::North => -90.0,
        Compass::NorthEast => -45.0,
    }
}

#[test]
fn every_marker_is_at_its_place_in_an_inset_that_shows_it_or_an_arrow_that_says_how_far() {
    let data = data();
    let mut edges_seen = Vec::new();
    for (width, height, mode, page, name) in SIZES {
        let frames = frames_at(&data, (width, height, mode, page));
        let layout = &frames.layout;
        let main = &layout.frames[0];
        for marker in &frames.markers {
            let place = data.atlas.place(&marker.place).expect("a place of the atlas");
            let what = format!("{name}: {}", marker.place);
            if marker.at_edge {
                assert_eq!(marker.frame, 0, "{what}: an arrow is drawn on the main frame");
                let edge =
                    frames.edge(&marker.place).unwrap_or_else(|| panic!("{what}: an edge marker without its arrow"));
                assert_eq!(edge.position, marker.position, "{what}");
                // The place itself is beyond the frame, in the arrow's direction.
                let there = main.projection.project(place.location).expect("finite");
                assert!(!main.rect.contains(there), "{what}: an arrow towards a place on the map");
                assert!(main.rect.grown(-4.0).contains(marker.position), "{what}: the arrow is inside the frame");
                let towards = (there.1 - marker.position.1).atan2(there.0 - marker.position.0).to_degrees();
                let off = (towards - edge.angle + 540.0).rem_euclid(360.0) - 180.0;
                assert!(off.abs() < 10.0, "{what}: the arrow points {} but the place is at {towards}", edge.angle);
                let off = (angle_of(edge.compass) - edge.angle + 540.0).rem_euclid(360.0) - 180.0;
                assert!(off.abs() <= 22.5 + 1e-9, "{what}: {:?} for an arrow at {}", edge.compass, edge.angle);
                // The distance from the frame's edge, along the line, to the place.
                let from_centre = great_circle_km(main.projection.invert(main.rect.centre()), place.location);
                assert!(
                    edge.distance_km >= 10 && (edge.distance_km as f64) < from_centre,
                    "{what}: {} km beyond the edge, {from_centre:.0} km from the centre",
                    edge.distance_km
                );
                edges_seen.push((name, marker.place.to_string(), edge.distance_km, edge.compass));
            } else if marker.frame > 0 {
                let inset = &layout.frames[marker.frame];
                assert_eq!(inset.id, marker.place.as_str(), "{what}: an inset is for its own place");
                assert!(inset.bounds.contains(place.location), "{what}: its inset shows it");
                let at = inset.projection.project(place.location).expect("finite");
                assert!(
                    apart(at, marker.position) <= FEW_PIXELS,
                    "{what}: {:?} in its inset, not {at:?}",
                    marker.position
                );
            } else {
                let at = main.projection.project(place.location).expect("finite");
                assert!(main.rect.contains(at), "{what}: a dot for a place off the map, at {at:?}");
                assert!(apart(at, marker.anchor) <= FEW_PIXELS, "{what}: anchored at {:?}, not {at:?}", marker.anchor);
                // A marker moved apart from a neighbour keeps a leader line to its anchor (drawn
                // wherever is_moved()), and is moved by about the markers' spacing at most.
                let moved = apart(marker.anchor, marker.position);
                assert!(moved <= FEW_PIXELS || marker.is_moved(), "{what}");
                assert!(moved <= 60.0, "{what}: moved {moved:.0} px from its place");
            }
        }
        // No marker of a place beyond the frame is left as a dot: each is an arrow or in an inset.
        for place in data.atlas.places().iter().filter(|p| !p.is_context()) {
            let at = main.projection.project(place.location).expect("finite");
            if main.rect.grown(-0.015 * width.min(height)).contains(at) {
                continue;
            }
            if let Some(i) = frames.marker_index(&place.id) {
                let marker = &frames.markers[i];
                assert!(
                    marker.at_edge || marker.frame > 0 || main.rect.contains(at),
                    "{name}: {} is beyond the frame but drawn as a dot",
                    place.id
                );
            }
        }
    }
    // The phone and the embed show Berlin as an arrow, beyond the edge by 100 km or more.
    for size in ["390×844 phone", "800×500 embed"] {
        let berlin = edges_seen.iter().find(|(name, place, ..)| *name == size && place == "berlin");
        let (_, _, km, compass) = berlin.unwrap_or_else(|| panic!("{size}: Berlin has no arrow: {edges_seen:?}"));
        assert!((50..=700).contains(km), "{size}: Berlin {km} km beyond the edge");
        assert!(matches!(compass, Compass::SouthWest | Compass::West | Compass::South), "{size}: {compass:?}");
    }
    println!("edge markers: {edges_seen:?}");
}

#[test]
fn every_treaty_line_to_a_place_in_an_inset_ends_at_the_insets_marker() {
    let data = data();
    let mut into_insets = 0;
    for (width, height, mode, page, name) in SIZES {
        let frames = frames_at(&data, (width, height, mode, page));
        let main = &frames.layout.frames[0];
        for path in &frames.treaties {
            let event = data.atlas.event(path.event);
            for (i, a) in path.cities.iter().enumerate() {
                for b in &path.cities[i + 1..] {
                    let marker = |p| frames.marker_index(p).map(|m| &frames.markers[m]);
                    let (ma, mb) = (marker(a), marker(b));
                    let in_inset = |m: Option<&PlaceMarker>| m.is_some_and(|m| m.frame > 0);
                    // The end in an inset (the second, where both are), and the other end.
                    let (inner, outer) = match (ma, mb) {
                        (_, Some(m)) if in_inset(mb) => (m, ma),
                        (Some(m), _) if in_inset(ma) => (m, mb),
                        _ => continue,
                    };
                    let what = format!("{name}: {} ({a}–{b})", event.id);
                    // The line ends at the inset's marker, exactly.
                    let line = path
                        .to_insets
                        .iter()
                        .find(|l| l.to == LineEnd::Inset(inner.frame, inner.position))
                        .unwrap_or_else(|| panic!("{what}: no line ends at {}'s inset marker", inner.place));
                    // Its other end is the other place, where the main frame draws it (beside it
                    // by a lane's width at most).
                    if let (LineEnd::Main(from), Some(other)) = (line.from, outer) {
                        if other.frame == 0 {
                            let place = data.atlas.place(&other.place).expect("a place");
                            let at = main.projection.project(place.location).expect("finite");
                            assert!(
                                apart(from, at) <= 3.0 * atlas_core::geo::lanes::LANE_GAP,
                                "{what}: from {from:?}, not {at:?}"
                            );
                        }
                    }
                    into_insets += 1;
                }
            }
            // And no line of the main frame runs towards a place that an inset shows.
            let inset_places: Vec<_> = path
                .cities
                .iter()
                .filter(|c| frames.marker_index(c).is_some_and(|m| frames.markers[m].frame > 0))
                .collect();
            let main_lines = path.d.matches('M').count();
            let pairs = path.cities.len() * (path.cities.len() - 1) / 2;
            let pairs_with_inset = (0..path.cities.len())
                .flat_map(|i| (i + 1..path.cities.len()).map(move |j| (i, j)))
                .filter(|&(i, j)| inset_places.contains(&&path.cities[i]) || inset_places.contains(&&path.cities[j]))
                .count();
            assert_eq!(main_lines, pairs - pairs_with_inset, "{name}: {}: lines on the main frame", event.id);
            assert_eq!(path.to_insets.len(), pairs_with_inset, "{name}: {}: lines into insets", event.id);
        }
    }
    // Moscow is in an inset on the phone and in the embed: its three 1939 lines end there.
    assert!(into_insets >= 3, "{into_insets} lines into insets");
}

#[test]
fn every_inset_shows_land_its_places_name_and_a_title() {
    let data = data();
    let years = data.atlas.years().expect("events");
    let mut titled = 0;
    for (width, height, mode, page, name) in SIZES {
        let frames = frames_at(&data, (width, height, mode, page));
        let rects: Vec<ScreenRect> = frames.layout.frames.iter().map(|f| f.rect).collect();
        for (i, inset) in frames.layout.frames.iter().enumerate().skip(1) {
            assert_ne!(frames.land[i], "M0 0", "{name}: the {} inset has no land", inset.id);
            assert!(frames.borders[i].iter().any(Option::is_some), "{name}: the {} inset has no states", inset.id);
            assert!(frames.markers_in(i).count() >= 1, "{name}: the {} inset has no marker", inset.id);
        }
        // Each year as the time bar shows it (its last day), and every day the map changes.
        let days = years.clone().map(year_view_day).chain(data.changes.all().iter().map(|c| c.day));
        for day in days {
            let (map_year, year) = (MapYear::new(&data, &frames, day), day.year);
            let states = MapStates::on(&data, &frames, map_year.day);
            for lang in data.languages.offered() {
                let labels = MapLabels::new(&data, &frames, &states, &map_year, lang);
                for (i, inset) in frames.layout.frames.iter().enumerate().skip(1) {
                    let what = format!("{name} {day} {lang}: the {} inset", inset.id);
                    for m in frames.markers_in(i) {
                        assert!(labels.city(m).is_some(), "{what} does not name its place");
                    }
                    // Every inset tall enough has a title where the state's name fits on a line
                    // of it ("Padomju Krievija", 1919, is too wide for the phone's inset).
                    let period = states.insets[i].unwrap_or_else(|| panic!("{what}: its place is in no state"));
                    let (state, _) = data.borders.periods()[period].name.get(lang);
                    let (w, _) = text_size(state, frames.style.state_font, EM_PER_CHAR_ITALIC, frames.style.halo);
                    let title = labels.insets.iter().find(|t| t.frame == i);
                    if let Some(title) = title {
                        assert_eq!(title.period, period, "{what}");
                    }
                    if inset.rect.height >= 60.0 && w < inset.rect.width - 8.0 {
                        assert!(title.is_some(), "{what} has no title ({state})");
                        titled += 1;
                    }
                    if let Some(title) = title {
                        assert!(title.placed.bounds.inside(&rects[i]), "{what}: its title leaves it");
                        for m in frames.markers_in(i) {
                            let label = labels.city(m).expect("named");
                            assert!(
                                !label.bounds.overlaps(&title.placed.bounds),
                                "{what}: title over its place's name"
                            );
                        }
                    }
                }
                if lang == Lang::EN && year == 1939 {
                    if let Some(moscow) = labels.insets.iter().find(|t| frames.layout.frames[t.frame].id == "moscow") {
                        assert_eq!(moscow.text, "USSR", "{name}");
                    }
                }
            }
        }
    }
    assert!(titled > 100, "{titled} titled insets");
    println!("{titled} insets titled");
}

#[test]
fn edge_labels_and_names_are_written_in_each_language() {
    let data = data();
    let frames = frames_at(&data, (372.0, 478.0, Mode::Standard, PageWidth::Narrow));
    let berlin = frames.markers.iter().position(|m| m.place.as_str() == "berlin").expect("Berlin has a marker");
    let edge = frames.edge(&frames.markers[berlin].place).expect("Berlin is an arrow on the phone").clone();
    let map_year = MapYear::new(&data, &frames, year_view_day(1934));
    let states = MapStates::on(&data, &frames, map_year.day);
    for lang in data.languages.offered() {
        let ui = data.languages.get(lang);
        let labels = MapLabels::new(&data, &frames, &states, &map_year, lang);
        let text = &labels.city_texts[berlin];
        let km = ui.number(edge.distance_km);
        assert!(text.contains(&km), "{lang}: {text}");
        assert!(text.contains("km") || text.contains("км"), "{lang}: {text}");
        let spoken = edge.accessible_name(&ui, data.atlas.place(&edge.place).expect("a place").name.text(lang));
        assert!(spoken.contains(&km) && spoken.len() > text.len(), "{lang}: {spoken}");
        assert!(labels.city(berlin).is_some(), "{lang}: Berlin's arrow is unlabelled");
    }
    let en = data.languages.get(Lang::EN);
    let spoken = edge.accessible_name(&en, "Berlin");
    assert!(spoken.starts_with("Berlin, ") && spoken.contains(" km to the "), "{spoken}");
    assert_eq!(rounded_km(edge.distance_km as f64), edge.distance_km, "already rounded");
}
