//! `cargo xtask <command>`: the project's one entry point for set-up, serving,
//! testing, distribution and data regeneration.
use std::path::{Path, PathBuf};

mod basemap;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_else(|| "help".to_owned());
    let root = workspace_root();
    match command.as_str() {
        "basemap" => basemap::run(&root),
        _ => {
            eprintln!("usage: cargo xtask <basemap>");
            Ok(())
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
