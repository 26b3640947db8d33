//! The curator's and translator's check: `atlas-validate [DATA_DIR]` (default `public/data`)
//! reads every data file (languages, places, states, events, base map, borders) with the very
//! loader the app runs ([`DataSet::load`]) and lists every problem with its file, feature or
//! key, and field. Exit status 1 when the map could not load them.
//!
//! It checks two things more than the app does: the borders' topology
//! ([`check_borders`]: errors) and, through [`Checks::validator`], that every plural message
//! has exactly the plural categories CLDR gives its language (warnings: the app shows the
//! `other` form where one is missing). Built only with the feature `validator` (on by default).
use std::path::PathBuf;
use std::process::ExitCode;

use atlas_core::borders::check_borders;
use atlas_core::dataset::Checks;
use atlas_core::DataSet;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("public/data"));
    let loaded = DataSet::load_dir_with(&dir, Checks::validator());
    let (errors, warnings, summary): (Vec<String>, Vec<String>, String) = match loaded {
        Ok(data) => {
            let errors = check_borders(&data.borders).iter().map(ToString::to_string).collect();
            let years = data.atlas.years().map(|y| format!(", {}–{}", y.start(), y.end())).unwrap_or_default();
            let langs: Vec<String> = data.languages.offered().map(|l| l.to_string()).collect();
            let summary = format!(
                "{} places, {} states, {} events{years}, {} land polygons, {} border periods, languages {}",
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
        println!("{} error(s) in {}: the map cannot load these files", errors.len(), dir.display());
        ExitCode::FAILURE
    }
}
