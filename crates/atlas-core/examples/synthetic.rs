//! Writes the benchmark's synthetic atlas (10,000 events over 500 places, five languages) into
//! a data folder, to look at the app at that scale: copy `dist/` and run
//! `cargo run -p atlas-core --example synthetic -- <copy>/data`.
use atlas_core::Lang;

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "synthetic-data".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let langs: Vec<Lang> = ["lv", "lt", "et", "en", "ru"].iter().filter_map(|c| Lang::new(c)).collect();
    let files = atlas_core::synthetic::generate(10_000, 500, &langs, 1934);
    std::fs::write(dir.join("places.geojson"), files.places)?;
    std::fs::write(dir.join("states.geojson"), files.states)?;
    std::fs::write(dir.join("events.geojson"), files.events)?;
    println!("wrote places, states and events.geojson to {}", dir.display());
    Ok(())
}
