//! Regenerates `public/data/basemap.geojson` from the pinned npm package `world-atlas`.
use std::path::Path;

pub fn run(_root: &Path) -> anyhow::Result<()> {
    anyhow::bail!("basemap: not written yet")
}
