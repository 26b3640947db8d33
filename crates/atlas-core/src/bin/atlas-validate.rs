//! The curator's check: `atlas-validate [DATA_DIR]` (default `public/data`) reads
//! the data files (places, events, basemap and borders) with the very parser the app
//! runs and lists every problem with its file, feature and field. Exit status 1 when
//! the map could not load them.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atlas_core::borders::{check_borders, parse_borders};
use atlas_core::{load_atlas, parse_basemap, DataFile};

fn read(dir: &Path, name: &str) -> Result<String, String> {
    let path = dir.join(name);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))
}

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("public/data"));
    let mut errors: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut summary = String::new();
    match (read(&dir, "places.geojson"), read(&dir, "events.geojson")) {
        (Ok(places), Ok(events)) => match load_atlas(
            DataFile { name: "places.geojson", text: &places },
            DataFile { name: "events.geojson", text: &events },
        ) {
            Ok(loaded) => {
                warnings.extend(loaded.warnings.iter().map(ToString::to_string));
                let years = loaded.atlas.years().map(|y| format!(", {}–{}", y.start(), y.end())).unwrap_or_default();
                summary =
                    format!("{} places, {} events{years}", loaded.atlas.places().len(), loaded.atlas.events().len());
            }
            Err(e) => errors.extend(e.errors.iter().map(ToString::to_string)),
        },
        (places, events) => errors.extend(places.err().into_iter().chain(events.err())),
    }
    match read(&dir, "basemap.geojson") {
        Ok(text) => match parse_basemap(DataFile { name: "basemap.geojson", text: &text }) {
            Ok(basemap) => summary.push_str(&format!(", {} land polygons", basemap.polygons.len())),
            Err(e) => errors.extend(e.errors.iter().map(ToString::to_string)),
        },
        Err(e) => errors.push(e),
    }
    match read(&dir, "borders.geojson") {
        Ok(text) => match parse_borders(DataFile { name: "borders.geojson", text: &text }) {
            Ok((borders, border_warnings)) => {
                warnings.extend(border_warnings.iter().map(ToString::to_string));
                let problems = check_borders(&borders);
                errors.extend(problems.iter().map(ToString::to_string));
                summary.push_str(&format!(", {} border periods", borders.periods().len()));
            }
            Err(e) => errors.extend(e.errors.iter().map(ToString::to_string)),
        },
        Err(e) => errors.push(e),
    }
    for warning in &warnings {
        println!("warning: {warning}");
    }
    for error in &errors {
        println!("error: {error}");
    }
    if errors.is_empty() {
        println!("ok: {} ({summary}); {} warning(s)", dir.display(), warnings.len());
        ExitCode::SUCCESS
    } else {
        println!(
            "{} error(s), {} warning(s) in {}: the map cannot load these files",
            errors.len(),
            warnings.len(),
            dir.display()
        );
        ExitCode::FAILURE
    }
}
