//! The page the atlas is measured against (issue 23): `ATLAS_PEER=<folder> cargo xtask bench`
//! copies that folder (e.g. `../shared/peers/leaflet-td`, read-only in CI) into
//! `target/peer/<name>/`, builds it there with its own `build.sh` (npm packages from its lock
//! file), and hands its `dist/` to the browser benchmark, which measures both pages in the same
//! run with the same harness and CPU throttle.
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::tools;

/// What is made in a peer's folder by its build and never copied from the source folder.
const MADE_HERE: [&str; 3] = ["node_modules", "dist", "results"];

/// Copies `peer` into `target/peer/`, builds it and returns the folder the page is served from.
pub fn build(root: &Path, peer: &Path) -> Result<PathBuf> {
    let peer = if peer.is_absolute() { peer.to_path_buf() } else { root.join(peer) };
    if !peer.join("build.sh").is_file() {
        bail!("ATLAS_PEER={}: no build.sh in that folder (the peer page to measure against)", peer.display());
    }
    let name = peer.file_name().map_or_else(|| "peer".into(), |n| n.to_string_lossy().into_owned());
    let copy = root.join("target").join("peer").join(name);
    copy_tree(&peer, &copy)?;
    tools::run(
        std::process::Command::new("sh").arg("build.sh").current_dir(&copy),
        &format!("building the peer page ({}/build.sh)", copy.display()),
    )?;
    let dist = copy.join("dist");
    if !dist.join("index.html").is_file() {
        bail!("the peer's build.sh made no {}", dist.join("index.html").display());
    }
    Ok(dist)
}

/// Copies `from` into `to` (its files replace older copies; what the build makes there, e.g.
/// `node_modules/`, is left to be reused).
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        if MADE_HERE.iter().any(|m| name == *m) {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if source.is_dir() {
            copy_tree(&source, &target)?;
        } else {
            // The source folder may be read-only, and so its earlier copies.
            if target.exists() {
                std::fs::remove_file(&target).with_context(|| format!("replacing {}", target.display()))?;
            }
            std::fs::copy(&source, &target)
                .with_context(|| format!("copying {} to {}", source.display(), target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_leaves_out_what_the_build_makes() {
        let dir = std::env::temp_dir().join(format!("atlas-peer-{}", std::process::id()));
        let (from, to) = (dir.join("from"), dir.join("to"));
        std::fs::create_dir_all(from.join("node_modules/x")).unwrap();
        std::fs::create_dir_all(from.join("data")).unwrap();
        std::fs::write(from.join("build.sh"), "true").unwrap();
        std::fs::write(from.join("data/places.json"), "[]").unwrap();
        std::fs::write(from.join("node_modules/x/big.js"), "0").unwrap();
        copy_tree(&from, &to).unwrap();
        copy_tree(&from, &to).expect("copying again over the first copy");
        assert!(to.join("build.sh").is_file() && to.join("data/places.json").is_file());
        assert!(!to.join("node_modules").exists(), "node_modules is the build's");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_without_build_sh_is_named() {
        let err = build(Path::new("/"), Path::new("/nonexistent-peer")).unwrap_err();
        assert!(format!("{err:#}").contains("/nonexistent-peer"), "{err:#}");
    }
}
