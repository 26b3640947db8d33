//! The committed `public/data/borders.topojson`: it loads through the app's loader without a
//! warning, passes the validator's checks, and puts the cities in the states that held them.
use atlas_core::borders::{check_borders, Borders};
use atlas_core::changes::year_view_day;
use atlas_core::time::CalendarDay;
use atlas_core::{DataSet, Lang, LonLat};

fn day(year: i32, month: u8, day: u8) -> CalendarDay {
    CalendarDay { year, month, day }
}

fn data() -> DataSet {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    let data = DataSet::load_dir(dir).unwrap_or_else(|e| panic!("the data files do not load:\n{e}"));
    assert!(data.warnings.is_empty(), "warnings: {:#?}", data.warnings);
    data
}

fn real() -> Borders {
    data().borders
}
/// The state of `period` that held the point on `day`, or "" where none did.
fn state(borders: &Borders, lon: f64, lat: f64, day: CalendarDay) -> String {
    borders.state_at(LonLat { lon, lat }, day).map(|p| p.state.clone()).unwrap_or_default()
}

#[test]
fn the_committed_file_passes_every_check() {
    let borders = real();
    let errors: Vec<String> = check_borders(&borders).iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for period in borders.periods() {
        assert!(
            data().languages.offered().collect::<Vec<_>>().iter().all(|&lang| period.name.exact(lang).is_some()),
            "{}",
            period.id
        );
        assert!(!period.sources.is_empty(), "{}", period.id);
    }
}

#[test]
fn the_cities_lie_in_the_states_that_held_them() {
    let b = real();
    let r = year_view_day;
    // Vilnius: Polish 1922–1939, Lithuanian again from 28 October 1939.
    assert_eq!(state(&b, 25.28, 54.69, r(1930)), "poland");
    assert_eq!(state(&b, 25.28, 54.69, day(1939, 11, 15)), "lithuania");
    // Klaipėda: Lithuanian 1923–1939, German from 23 March 1939.
    assert_eq!(state(&b, 21.13, 55.71, r(1930)), "lithuania");
    assert_eq!(state(&b, 21.13, 55.71, r(1939)), "germany");
    // Petseri (Pechory) in Estonia, Abrene (Pytalovo) in Latvia.
    assert_eq!(state(&b, 27.61, 57.81, r(1930)), "estonia");
    assert_eq!(state(&b, 27.92, 57.07, r(1930)), "latvia");
    // The Free City of Danzig, and Königsberg in East Prussia.
    assert_eq!(state(&b, 18.65, 54.35, r(1930)), "danzig");
    assert_eq!(state(&b, 20.51, 54.71, r(1930)), "germany");
    // Viipuri: Finnish until the Moscow peace of 12 March 1940.
    assert_eq!(state(&b, 28.73, 60.71, r(1935)), "finland");
    assert_ne!(state(&b, 28.73, 60.71, r(1940)), "finland");
    assert_eq!(state(&b, 28.73, 60.71, r(1940)), "ussr");
    // Lwów: Polish between the wars.
    assert_eq!(state(&b, 24.03, 49.84, r(1935)), "poland");
    // Geneva: Swiss throughout.
    for year in 1919..=1940 {
        assert_eq!(state(&b, 6.14, 46.20, r(year)), "switzerland", "{year}");
    }
}

#[test]
fn the_baltic_states_are_shown_occupied_then_annexed_in_1940() {
    let b = real();
    let name =
        |lon, lat, d| b.state_at(LonLat { lon, lat }, d).map(|p| p.name.text(Lang::EN).to_owned()).unwrap_or_default();
    // Riga, Tallinn, Kaunas.
    assert_eq!(name(24.11, 56.95, day(1940, 6, 16)), "Latvia");
    assert!(name(24.11, 56.95, day(1940, 6, 17)).contains("occupation"));
    assert!(name(24.11, 56.95, day(1940, 8, 5)).contains("SSR"));
    assert!(name(24.75, 59.44, day(1940, 8, 5)).contains("occupation"));
    assert!(name(24.75, 59.44, day(1940, 8, 6)).contains("SSR"));
    assert!(name(23.91, 54.90, day(1940, 6, 15)).contains("occupation"));
    assert!(name(23.91, 54.90, day(1940, 8, 3)).contains("SSR"));
}

#[test]
fn no_state_has_overlapping_periods_in_the_committed_file() {
    let borders = real();
    let periods = borders.periods();
    let ends_before = |a: &atlas_core::borders::StatePeriod, b: &atlas_core::borders::StatePeriod| {
        a.last_day().is_some_and(|last| last < b.first_day())
    };
    for (b, later) in periods.iter().enumerate() {
        for earlier in periods[..b].iter().filter(|p| p.state == later.state) {
            assert!(
                ends_before(earlier, later) || ends_before(later, earlier),
                "`{}` and `{}` of state `{}` overlap in time",
                earlier.id,
                later.id,
                later.state
            );
        }
    }
}
