//! What a slider step and the first load cost in the core, on the real data and on
//! 10,000 synthetic events (the scale at which a Leaflet page of the same data takes ~200 ms).
//! `cargo bench -p atlas-core` prints the figures; nothing here asserts a time.
use std::hint::black_box;

use atlas_core::geo::model::{Legend, MapFrames, MapLabels, MapStates, MapYear};
use atlas_core::geo::style::MapBox;
use atlas_core::link::Mode;
use atlas_core::{Atlas, DataSet, Event, EventId, EventKind, HistoricDate, Localized, PlaceId, Span, StateId};
use criterion::{criterion_group, criterion_main, Criterion};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");

/// The committed data files, read once into memory (so the benchmark times the reading, not the disk).
fn committed() -> std::collections::HashMap<String, Vec<u8>> {
    atlas_core::dataset::files_to_read(std::fs::read(format!("{DATA}/languages.json")).ok().as_deref())
        .into_iter()
        .chain(["languages.json".to_owned()])
        .map(|name| {
            let bytes = std::fs::read(format!("{DATA}/{name}")).unwrap_or_default();
            (name, bytes)
        })
        .collect()
}

/// `n` events spread over 1919–1940 at nine places, a fifth of them multi-year treaties
/// (a fixed pseudo-random sequence, so that every run measures the same thing).
fn synthetic(n: usize) -> Atlas {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let places = ["tallinn", "riga", "kaunas", "geneva", "bulduri", "tartu", "helsinki", "moscow", "berlin"];
    let events = (0..n)
        .map(|i| {
            let year = 1919 + next(22) as i32;
            let start = HistoricDate::day(year, 1 + next(12) as u8, 1 + next(28) as u8).expect("valid day");
            let treaty = next(5) == 0;
            let end = treaty.then(|| HistoricDate::year_only((year + next(8) as i32).min(1940)));
            Event {
                id: EventId::new(&format!("event-{i}")).expect("slug"),
                kind: if treaty { EventKind::Treaty } else { EventKind::Conference },
                span: Span::new(start, end),
                place: PlaceId::new(places[next(places.len() as u64) as usize]),
                parties: StateId::new("latvia").into_iter().collect(),
                title: Localized::new(format!("Event {i}")),
                summary: Localized::default(),
                sources: vec![],
                note: None,
                points: vec![],
                role: Default::default(),
                dates: vec![],
                media: vec![],
            }
        })
        .collect();
    Atlas::new(vec![], events)
}

fn benches(c: &mut Criterion) {
    let files = committed();
    let read = |name: &str| files.get(name).cloned().ok_or_else(|| format!("{name} missing"));
    c.bench_function("load: read and check every data and language file (real data)", |b| {
        b.iter(|| DataSet::load(|name| black_box(read(name))).expect("loads"))
    });
    let real = DataSet::load(read).expect("loads").atlas;
    c.bench_function("slider step: active events + highlighted places (real data)", |b| {
        b.iter(|| {
            let year = black_box(1935);
            (real.active_indices(year).len(), real.places_with_event_in(year).len())
        })
    });
    // The map model the app builds, at 1920×1080's map box: once per box, once per border
    // epoch, and on every step (the year's lines and markers, the labels and the legend).
    let data = DataSet::load(read).expect("loads");
    let map_box = MapBox::new(1122.0, 797.0, Mode::Standard);
    c.bench_function("map model: frames of a box (real data)", |b| {
        b.iter(|| MapFrames::new(&data, black_box(map_box)))
    });
    let frames = MapFrames::new(&data, map_box);
    let states = MapStates::on(&data, &frames, atlas_core::changes::year_view_day(1935));
    c.bench_function("map model: the states of a border epoch (real data)", |b| {
        b.iter(|| MapStates::on(&data, &frames, atlas_core::changes::year_view_day(black_box(1935))))
    });
    c.bench_function("map model: a slider step, year + labels + legend (real data)", |b| {
        b.iter(|| {
            let year = MapYear::new(&data, &frames, atlas_core::changes::year_view_day(black_box(1935)));
            let labels = MapLabels::new(&data, &frames, &states, &year, atlas_core::Lang::EN);
            (labels, Legend::new(&data, &states, &year, atlas_core::Lang::EN))
        })
    });
    c.bench_function("index: Atlas::new with 10,000 events", |b| {
        b.iter_with_large_drop(|| synthetic(black_box(10_000)))
    });
    let large = synthetic(10_000);
    c.bench_function("slider step: active events + highlighted places (10,000 events)", |b| {
        b.iter(|| {
            let year = black_box(1935);
            (large.active_indices(year).len(), large.places_with_event_in(year).len())
        })
    });
}

criterion_group!(atlas, benches);
criterion_main!(atlas);
