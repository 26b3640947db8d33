//! Writes the benchmark's synthetic atlas (10,000 events over 500 places, in every language of
//! the folder's `languages.json`, else of the committed one) into a data folder, to look at the
//! app at that scale: copy `dist/` and run `cargo run -p atlas-core --example synthetic -- <copy>/data`.
use atlas_core::i18n::parse_language_list;
use atlas_core::DataFile;

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "synthetic-data".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let committed = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/languages.json"));
    let list = std::fs::read_to_string(dir.join("languages.json")).or_else(|_| std::fs::read_to_string(committed))?;
    let langs = parse_language_list(DataFile { name: "languages.json", text: &list })
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
    let files = atlas_core::synthetic::generate(10_000, 500, &langs, 1934);
    std::fs::write(dir.join("places.geojson"), files.places)?;
    std::fs::write(dir.join("states.geojson"), files.states)?;
    std::fs::write(dir.join("events.geojson"), files.events)?;
    std::fs::write(dir.join("sources.json"), files.sources)?;
    std::fs::write(dir.join("tours.json"), files.tours)?;
    println!("wrote places, states, events.geojson, sources.json and tours.json to {}", dir.display());
    Ok(())
}
