//! The per-year index of the atlas agrees with a plain filter over all events.
use atlas_core::{Atlas, Event, EventId, EventKind, HistoricDate, Localized, PlaceId, Span};
use proptest::prelude::*;

fn date(year: i32, month: Option<u8>, day: Option<u8>) -> HistoricDate {
    match (month, day) {
        (Some(m), Some(d)) => HistoricDate::day(year, m, d.min(28)).expect("valid day"),
        (Some(m), None) => HistoricDate::month(year, m).expect("valid month"),
        _ => HistoricDate::year_only(year),
    }
}

fn event(i: usize, start: HistoricDate, end: Option<HistoricDate>, conference: bool, place: u8) -> Event {
    Event {
        id: EventId::new(&format!("e{i}")).expect("slug"),
        kind: if conference { EventKind::Conference } else { EventKind::Treaty },
        span: Span::new(start, end),
        place: PlaceId::new(&format!("p{place}")),
        parties: vec![],
        title: Localized::default(),
        summary: Localized::default(),
        sources: vec![],
        note: None,
        points: vec![],
        role: Default::default(),
        dates: vec![],
        media: vec![],
    }
}

fn arb_date() -> impl Strategy<Value = HistoricDate> {
    (1915..1945i32, prop::option::of(1..=12u8), prop::option::of(1..=28u8))
        .prop_map(|(y, m, d)| date(y, m, if m.is_some() { d } else { None }))
}

proptest! {
    #[test]
    fn active_in_agrees_with_a_naive_filter(
        spans in prop::collection::vec((arb_date(), prop::option::of(0..10i32), any::<bool>(), 0..4u8), 0..60),
        year in 1910..1960i32,
    ) {
        let events: Vec<Event> = spans
            .iter()
            .enumerate()
            .map(|(i, &(start, extra, conference, place))| {
                let end = extra.map(|years| HistoricDate::year_only(start.year() + years));
                event(i, start, end, conference, place)
            })
            .collect();
        let atlas = Atlas::new(vec![], events.clone());
        let mut naive: Vec<&Event> = events.iter().filter(|e| {
            e.span.first_day().year <= year && e.span.last_day().year >= year
        }).collect();
        // Chronological by start, then end; ties keep the file's order (a stable sort).
        naive.sort_by_key(|e| (e.span.first_day(), e.span.last_day()));
        let indexed: Vec<&Event> = atlas.active_in(year).collect();
        prop_assert_eq!(indexed, naive);
        // The conferences at each place, chronological and only conferences.
        for place in 0..4u8 {
            let id = PlaceId::new(&format!("p{place}")).expect("slug");
            let held: Vec<&Event> = atlas.conferences_at(&id).collect();
            prop_assert!(held.iter().all(|e| e.kind == EventKind::Conference && e.place.as_ref() == Some(&id)));
            prop_assert!(held.windows(2).all(|w| w[0].span.first_day() <= w[1].span.first_day()));
            let count = events.iter().filter(|e| e.kind == EventKind::Conference && e.place.as_ref() == Some(&id)).count();
            prop_assert_eq!(held.len(), count);
            // The city panel's query: the same conferences as a scan of all events, by position.
            let scanned: Vec<&Event> = atlas
                .events()
                .iter()
                .filter(|e| e.kind == EventKind::Conference && e.place.as_ref() == Some(&id))
                .collect();
            let indexed: Vec<&Event> = atlas.conference_indices_at(&id).iter().map(|&i| atlas.event(i)).collect();
            prop_assert_eq!(indexed, scanned);
            // A city's panel: its conferences, then every other event held or signed there.
            let panel = atlas.events_at(&id);
            let others: Vec<&Event> = panel.others.iter().map(|&i| atlas.event(i)).collect();
            let scanned_others: Vec<&Event> = atlas
                .events()
                .iter()
                .filter(|e| e.kind != EventKind::Conference && e.place.as_ref() == Some(&id))
                .collect();
            prop_assert_eq!(others, scanned_others);
            // The highlight rule: a city is highlighted in `year` exactly when its panel has
            // an event of that year.
            let highlighted = atlas.places_with_event_in(year).contains(&&id);
            let panel_has_one = panel.all().any(|i| atlas_core::timeline::marks_its_place_in(atlas.event(i), year));
            prop_assert_eq!(highlighted, panel_has_one);
        }
    }
}
