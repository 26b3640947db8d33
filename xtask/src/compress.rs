//! Precompressed copies of the built files: `x.wasm.br` and `x.wasm.gz` beside `x.wasm`, so
//! that a museum's plain server (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`,
//! Apache `mod_rewrite` rules; see the README, "Serving") sends a phone 600 KB instead of 1.7 MB
//! without compressing anything itself.
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The kinds of file worth compressing: text and wasm (images are compressed already).
const COMPRESSIBLE: &[&str] =
    &["html", "js", "mjs", "css", "wasm", "json", "geojson", "topojson", "svg", "txt", "webmanifest"];

/// Whether `path` is a precompressed copy that this module wrote.
pub fn is_precompressed(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

fn compressible(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

/// Brotli at its highest quality, as a server's `brotli_static` expects it.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(out)
}

/// Gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

/// Writes `.br` and `.gz` beside every compressible file under `dir` (replacing older ones),
/// and removes copies whose original is gone. Returns how many files were compressed.
pub fn precompress_dir(dir: &Path) -> Result<usize> {
    let mut files = Vec::new();
    crate::web::collect_files(dir, &mut files)?;
    let mut count = 0;
    for file in &files {
        if is_precompressed(file) {
            let original = file.with_extension("");
            if !original.is_file() {
                std::fs::remove_file(file).with_context(|| format!("removing {}", file.display()))?;
            }
            continue;
        }
        if !compressible(file) {
            continue;
        }
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        for (ext, packed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
            let mut name = file.as_os_str().to_owned();
            name.push(".");
            name.push(ext);
            let path = PathBuf::from(name);
            std::fs::write(&path, packed).with_context(|| format!("writing {}", path.display()))?;
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn every_text_file_gets_both_copies_which_decompress_to_it() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("atlas-precompress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data"))?;
        let text = "{\"type\": \"FeatureCollection\"}\n".repeat(200);
        std::fs::write(dir.join("data/events.geojson"), &text)?;
        std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G'])?;
        std::fs::write(dir.join("gone.js.br"), b"stale")?;
        assert_eq!(precompress_dir(&dir)?, 1);

        let br = std::fs::read(dir.join("data/events.geojson.br"))?;
        let mut unpacked = String::new();
        brotli::Decompressor::new(&br[..], 4096).read_to_string(&mut unpacked)?;
        assert_eq!(unpacked, text);
        let gz = std::fs::read(dir.join("data/events.geojson.gz"))?;
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut unpacked)?;
        assert_eq!(unpacked, text);
        assert!(br.len() < gz.len() && gz.len() < text.len(), "br {} < gz {} < raw {}", br.len(), gz.len(), text.len());

        assert!(!dir.join("photo.png.br").exists(), "an image is not compressed again");
        assert!(!dir.join("gone.js.br").exists(), "a copy whose original is gone is removed");
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
