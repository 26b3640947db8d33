//! The map on every day on which it changes (issue 18): the borders, the treaty lines and the
//! highlighted places agree with the data files, over the map model the app draws.
use atlas_core::changes::{year_view_day, ChangeDays};
use atlas_core::geo::model::{MapFrames, MapStates, MapYear};
use atlas_core::geo::style::MapBox;
use atlas_core::link::Mode;
use atlas_core::time::CalendarDay;
use atlas_core::{DataSet, EventKind, EventRole, Lang};

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"))
}

fn day(year: i32, month: u8, day: u8) -> CalendarDay {
    CalendarDay { year, month, day }
}

/// Every change day, the day before it, and every year's own day.
fn days_that_matter(data: &DataSet) -> Vec<CalendarDay> {
    let years = data.atlas.years().expect("events");
    let mut days: Vec<CalendarDay> = years.clone().map(year_view_day).collect();
    let mut before = CalendarDay { year: *years.start() - 1, month: 12, day: 31 };
    let mut all = data.changes.all().iter().map(|c| c.day).peekable();
    // The eve of each change (the last day of the previous state of the map).
    while let Some(change) = all.next() {
        while before.next() < change {
            before = before.next();
        }
        days.push(before);
        days.push(change);
        if all.peek().is_none() {
            break;
        }
    }
    days.sort();
    days.dedup();
    days
}

#[test]
fn borders_treaties_and_highlights_agree_with_the_data_on_every_day_that_matters() {
    let data = data();
    let frames = MapFrames::new(&data, MapBox::new(1100.0, 780.0, Mode::Standard));
    let days = days_that_matter(&data);
    assert!(days.len() > 100, "{} days", days.len());
    for &d in &days {
        let map = MapYear::new(&data, &frames, d);
        // The treaty lines: exactly the treaties in force that day.
        let mut drawn: Vec<&str> = map.treaties.iter().map(|t| data.atlas.event(t.event).id.as_str()).collect();
        let mut in_force: Vec<&str> = data
            .atlas
            .events()
            .iter()
            .filter(|e| e.kind == EventKind::Treaty && e.role == EventRole::Story && e.span.contains_day(d))
            .map(|e| e.id.as_str())
            .collect();
        drawn.sort();
        in_force.sort();
        assert_eq!(drawn, in_force, "{d}: treaty lines");
        // The borders: the periods standing that day.
        let states = MapStates::on(&data, &frames, d);
        let standing: Vec<usize> =
            data.borders.periods().iter().enumerate().filter(|(_, p)| p.stands_on(d)).map(|(i, _)| i).collect();
        assert_eq!(states.periods, standing, "{d}: border periods");
        // The highlighted places: where something happened that year.
        let places: Vec<String> = data.atlas.places_with_event_in(d.year).into_iter().map(|p| p.to_string()).collect();
        let active: Vec<String> = map.active_places.iter().map(|p| p.to_string()).collect();
        assert_eq!(active, places, "{d}: highlighted places");
    }
}

#[test]
fn june_and_august_1940_show_occupation_then_annexation_and_the_treaties_lapse() {
    let data = data();
    let frames = MapFrames::new(&data, MapBox::new(1100.0, 780.0, Mode::Standard));
    let status = |d: CalendarDay, state: &str| {
        let p = data.borders.on(d).find(|p| p.state == state).unwrap_or_else(|| panic!("{state} on {d}"));
        let name = p.name.text(Lang::EN);
        if name.contains("SSR") {
            "annexed"
        } else if p.occupied_by.is_some() {
            "occupied"
        } else {
            "independent"
        }
    };
    let treaties = |d: CalendarDay| -> Vec<String> {
        MapYear::new(&data, &frames, d).treaties.iter().map(|t| data.atlas.event(t.event).id.to_string()).collect()
    };
    let baltic = ["estonia", "latvia", "lithuania"];
    // 14 June 1940: the day of the ultimatum to Lithuania; all three independent.
    assert!(baltic.iter().all(|s| status(day(1940, 6, 14), s) == "independent"));
    // 17 June 1940: all three occupied.
    assert!(baltic.iter().all(|s| status(day(1940, 6, 17), s) == "occupied"));
    let june = treaties(day(1940, 6, 17));
    assert!(june.iter().any(|t| t.contains("baltic-entente")), "the Entente was annulled only on 1 July: {june:?}");
    assert_eq!(june.iter().filter(|t| t.contains("bases")).count(), 4, "{june:?}");
    // 2 July 1940: the Entente and the Latvian–Estonian alliance are gone; the bases treaties remain.
    let july = treaties(day(1940, 7, 2));
    assert!(!july.iter().any(|t| t.contains("baltic-entente") || t.contains("defence-alliance")), "{july:?}");
    // 3 August: Lithuania annexed and its bases treaty lapsed; Latvia and Estonia still occupied.
    assert_eq!(status(day(1940, 8, 3), "lithuania"), "annexed");
    assert_eq!(status(day(1940, 8, 3), "latvia"), "occupied");
    let august = treaties(day(1940, 8, 3));
    assert!(
        !august.iter().any(|t| t.contains("lithuanian-bases")) && august.iter().any(|t| t.contains("latvian-bases"))
    );
    // 6 August 1940 (and 10 August): all three annexed, no treaty line left.
    for d in [day(1940, 8, 6), day(1940, 8, 10)] {
        assert!(baltic.iter().all(|s| status(d, s) == "annexed"), "{d}");
        assert!(treaties(d).is_empty(), "{d}: {:?}", treaties(d));
    }
    // The year's own day is its last: 1939 shows the three bases treaties in force.
    let y1939 = treaties(year_view_day(1939));
    assert_eq!(y1939.iter().filter(|t| t.contains("bases")).count(), 3, "{y1939:?}");
}

#[test]
fn stepping_through_1940_visits_its_dated_events_in_order() {
    let data = data();
    let changes: &ChangeDays = &data.changes;
    let mut at = year_view_day(1939);
    let mut visited = Vec::new();
    while let Some(next) = changes.after(at).filter(|d| d.year == 1940) {
        visited.push(next);
        at = next;
    }
    // Every event of the story that starts in 1940 starts on a visited day (one told for the
    // context, the elections of July, changes nothing on the map), and the visits are in order.
    for event in data.atlas.active_in(1940).filter(|e| e.span.first_day().year == 1940 && e.role == EventRole::Story) {
        assert!(visited.contains(&event.span.first_day()), "{} is not a step", event.id);
    }
    assert!(visited.windows(2).all(|w| w[0] < w[1]));
    // The annexations are steps too (from the borders file), and stepping back retraces them.
    for d in [day(1940, 6, 15), day(1940, 6, 17), day(1940, 8, 3), day(1940, 8, 5), day(1940, 8, 6)] {
        assert!(visited.contains(&d), "{d} is a step");
    }
    let mut back = Vec::new();
    let mut at = year_view_day(1940);
    while let Some(previous) = changes.before(at).filter(|d| d.year == 1940) {
        back.push(previous);
        at = previous;
    }
    back.reverse();
    assert_eq!(back, visited);
    // A month-precise event is marked as approximate on its step.
    let revue = changes.at(day(1940, 2, 1)).expect("the Revue Baltique, February 1940");
    assert!(revue.is_approximate());
}
