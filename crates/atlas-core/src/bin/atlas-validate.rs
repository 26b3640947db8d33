//! The curator's and translator's check: `atlas-validate [DATA_DIR]` (default `public/data`)
//! reads every data file (languages, places, states, events, base map, borders) with the very
//! loader the app runs ([`DataSet::load`]) and lists every problem with its file, feature or
//! key, and field. Exit status 1 when the map could not load them.
//!
//! It checks three things more than the app does: the borders' topology
//! ([`check_borders`]: errors); the events' image files ([`check_media_files`]: errors; each
//! must be in the folder, be the JPEG, PNG or WebP its name says, have the size the data gives
//! and be at most 250 KB; the app cannot look into its folder, and hides an image that does not
//! load); and, through [`Checks::validator`], that every plural message has exactly the plural
//! categories CLDR gives its language (warnings: the app shows the `other` form where one is
//! missing). Built only with the feature `validator` (on by default).
use std::path::PathBuf;
use std::process::ExitCode;

use atlas_core::borders::check_borders;
use atlas_core::dataset::Checks;
use atlas_core::media::check_media_files;
use atlas_core::DataSet;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("public/data"));
    let loaded = DataSet::load_dir_with(&dir, Checks::validator());
    let (errors, warnings, summary): (Vec<String>, Vec<String>, String) = match loaded {
        Ok(data) => {
            let read = |file: &str| {
                let path = dir.join(file);
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
            };
            let media = check_media_files(data.atlas.events(), read);
            let borders = check_borders(&data.borders);
            let errors = borders.iter().map(ToString::to_string).chain(media.iter().map(ToString::to_string)).collect();
            let images: usize = data.atlas.events().iter().map(|e| e.media.len()).sum();
            let years = data.atlas.years().map(|y| format!(", {}–{}", y.start(), y.end())).unwrap_or_default();
            let langs: Vec<String> = data.languages.offered().map(|l| l.to_string()).collect();
            let summary = format!(
                "{} places, {} states, {} events{years}, {images} images, {} land polygons, {} border periods, languages {}",
                data.atlas.places().len(),
                data.states.len(),
                data.atlas.events().len(),
                data.basemap.polygons.len(),
                data.borders.periods().len(),
                langs.join(", ")
            );
            (errors, data.warnings.iter().map(ToString::to_string).collect(), summary)
        }
        Err(e) => (e.errors.iter().map(ToString::to_string).collect(), Vec::new(), String::new()),
    };
    let map_loads = errors.is_empty();
    let errors: Vec<String> = errors.into_iter().chain(stale_copies(&dir)).collect();
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
        let consequence = if map_loads { "visitors would see old files" } else { "the map cannot load these files" };
        println!("{} error(s) in {}: {consequence}", errors.len(), dir.display());
        ExitCode::FAILURE
    }
}

/// The precompressed copies (`events.geojson.br`, `.gz`, written by `cargo xtask dist`) that are
/// older than the file beside them: a server would keep sending the old text to every browser
/// that accepts brotli or gzip, so a curator's edit would not show.
fn stale_copies(dir: &std::path::Path) -> Vec<String> {
    let modified = |path: &std::path::Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut stale = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                continue;
            }
            let original = path.with_extension("");
            if let (Some(copy), Some(edited)) = (modified(&path), modified(&original)) {
                if copy < edited {
                    stale.push(format!(
                        "{}: older than {}, which was edited since; a server would send the old text. \
                         Delete it (and the other .br/.gz of that file), or rebuild with `cargo xtask dist`",
                        path.display(),
                        original.display()
                    ));
                }
            }
        }
    }
    stale
}
