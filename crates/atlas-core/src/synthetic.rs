//! A deterministic synthetic atlas for benchmarks and scale tests: many places spread over
//! Europe (longitude 4–42°, latitude 44–71°), events of all six kinds with spans from a day to
//! three years, half of them treaties with an end, drawn between the capitals of their parties.
//!
//! The files it writes are valid input for [`crate::DataSet::load`] (a test checks it), so the
//! benchmark measures the app on data a curator could have written, not on a shortcut.
use serde_json::{json, Value};

use crate::lang::Lang;

/// The text of the data files that the synthetic atlas replaces: its places, states and
/// events, the one work they cite (`sources.json`) and no tour (`tours.json`: the committed
/// tour visits real cities).
#[derive(Debug, Clone)]
pub struct SyntheticFiles {
    pub places: String,
    pub states: String,
    pub events: String,
    pub sources: String,
    pub tours: String,
}

/// A small, deterministic pseudo-random sequence (SplitMix64), so every run benchmarks the
/// same data.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in `low..high`, to 4 decimals.
    fn between(&mut self, low: f64, high: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((low + unit * (high - low)) * 10_000.0).round() / 10_000.0
    }
}

/// The same text in every language of `langs`, marked with the language's code.
fn localized(langs: &[Lang], text: &str) -> Value {
    let map: serde_json::Map<String, Value> = langs
        .iter()
        .map(|l| {
            (l.code().to_owned(), Value::String(if *l == Lang::EN { text.to_owned() } else { format!("{text} ({l})") }))
        })
        .collect();
    Value::Object(map)
}

/// A day of 1919–1940 as `(year, month, day)`, from a day number counted from 1 January 1919
/// (months of 28 days, so every date is valid).
fn day(n: u64) -> (u64, u64, u64) {
    let n = n.min(22 * 12 * 28 - 1);
    (1919 + n / (12 * 28), 1 + n / 28 % 12, 1 + n % 28)
}

const KINDS: [&str; 5] = ["conference", "declaration", "ultimatum", "annulment", "other"];

/// Generates `events` events over `places` places (and one state for every tenth place, whose
/// capital it is) in the languages `langs`, from `seed`.
///
/// ```
/// let files = atlas_core::synthetic::generate(200, 50, &[atlas_core::Lang::EN], 7);
/// assert_eq!(files.events.matches("\"type\":\"Feature\"").count(), 200);
/// ```
pub fn generate(events: usize, places: usize, langs: &[Lang], seed: u64) -> SyntheticFiles {
    let mut random = Sequence(seed);
    let places = places.max(2);
    let positions: Vec<[f64; 2]> =
        (0..places).map(|_| [random.between(4.0, 42.0), random.between(44.0, 71.0)]).collect();
    let place_id = |i: usize| format!("place-{i:04}");
    let place_features: Vec<Value> = positions
        .iter()
        .enumerate()
        .map(|(i, at)| {
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": at},
                   "properties": {"id": place_id(i), "name": localized(langs, &format!("Place {i}")),
                                  "sources": ["synthetic"]}})
        })
        .collect();
    let states = places.div_ceil(10).max(2);
    let capital_of = |s: usize| (s * 10).min(places - 1);
    let state_features: Vec<Value> = (0..states)
        .map(|s| {
            json!({"type": "Feature", "geometry": null,
                   "properties": {"id": format!("state-{s:03}"), "name": localized(langs, &format!("State {s}")),
                                  "capital": place_id(capital_of(s))}})
        })
        .collect();
    let event_features: Vec<Value> = (0..events)
        .map(|i| {
            let start = random.below(22 * 12 * 28);
            let length = random.below(3 * 12 * 28); // up to three years
            let (y, m, d) = day(start);
            let (ey, em, ed) = day(start + length);
            let start_text = format!("{y}-{m:02}-{d:02}");
            let end_text = format!("{ey}-{em:02}-{ed:02}");
            let mut properties = json!({
                "id": format!("synthetic-{i:05}"),
                "start": start_text,
                "title": localized(langs, &format!("Synthetic event {i}")),
                "summary": localized(langs, "An event of the benchmark's synthetic atlas."),
                "sources": [{"work": "synthetic"}],
            });
            let geometry = if i % 2 == 0 {
                // A treaty between two states, drawn between their capitals, with an end.
                let a = random.below(states as u64) as usize;
                let b = (a + 1 + random.below(states as u64 - 1) as usize) % states;
                properties["kind"] = json!("treaty");
                properties["end"] = json!(end_text);
                properties["place"] = json!(place_id(capital_of(a)));
                properties["parties"] = json!([format!("state-{a:03}"), format!("state-{b:03}")]);
                json!({"type": "MultiPoint", "coordinates": [positions[capital_of(a)], positions[capital_of(b)]]})
            } else {
                let place = random.below(places as u64) as usize;
                properties["kind"] = json!(KINDS[i / 2 % KINDS.len()]);
                if length > 0 && i % 3 != 0 {
                    properties["end"] = json!(end_text);
                }
                properties["place"] = json!(place_id(place));
                properties["parties"] = json!([]);
                json!({"type": "Point", "coordinates": positions[place]})
            };
            json!({"type": "Feature", "geometry": geometry, "properties": properties})
        })
        .collect();
    let collection = |features: Vec<Value>| json!({"type": "FeatureCollection", "features": features}).to_string();
    SyntheticFiles {
        places: collection(place_features),
        states: collection(state_features),
        events: collection(event_features),
        sources: json!({"works": {"synthetic": {"title": "The benchmark's synthetic atlas", "language": "en", "kind": "other"}}})
            .to_string(),
        tours: json!({"tours": []}).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataSet;

    #[test]
    fn the_synthetic_atlas_is_valid_input_for_the_loader() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
        // Every language the committed data offers, so that the generated names are complete.
        let list = std::fs::read_to_string(dir.join("languages.json")).expect("languages.json");
        let langs = crate::i18n::parse_language_list(crate::DataFile { name: "languages.json", text: &list })
            .expect("languages.json parses");
        let files = generate(2_000, 100, &langs, 1);
        let data = DataSet::load(|name| match name {
            "places.geojson" => Ok(files.places.clone().into_bytes()),
            "states.geojson" => Ok(files.states.clone().into_bytes()),
            "events.geojson" => Ok(files.events.clone().into_bytes()),
            "sources.json" => Ok(files.sources.clone().into_bytes()),
            "tours.json" => Ok(files.tours.clone().into_bytes()),
            other => std::fs::read(dir.join(other)).map_err(|e| e.to_string()),
        })
        .unwrap_or_else(|e| panic!("the synthetic atlas does not load:\n{e}"));
        assert!(data.warnings.is_empty(), "{:?}", &data.warnings[..data.warnings.len().min(5)]);
        assert_eq!(data.atlas.events().len(), 2_000);
        assert_eq!(data.atlas.places().len(), 100);
        let treaties = data.atlas.events().iter().filter(|e| e.kind == crate::EventKind::Treaty).count();
        assert_eq!(treaties, 1_000, "half are treaties");
        assert!(data
            .atlas
            .events()
            .iter()
            .filter(|e| e.kind == crate::EventKind::Treaty)
            .all(|e| e.span.end.is_some()));
    }

    #[test]
    fn the_same_seed_gives_the_same_atlas() {
        let a = generate(50, 20, &[Lang::EN], 3);
        let b = generate(50, 20, &[Lang::EN], 3);
        assert_eq!((a.places, a.events), (b.places, b.events));
    }
}
