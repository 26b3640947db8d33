//! The QR code of a link, made here so that a kiosk with no network can show it: the modules of
//! the symbol (Nayuki's `qrcodegen`, error correction level M) and an SVG path that draws them,
//! with the quiet zone of four modules around it that readers need.
//!
//! ```
//! let code = atlas_core::qr::QrMatrix::encode("https://museum.example/atlas/?year=1934").unwrap();
//! assert_eq!(code.size() % 4, 1, "21, 25, 29, … modules a side");
//! assert_eq!(code.side(), code.size() + 8);
//! assert!(code.svg_path().starts_with("M4 4h7"), "the top left finder's first row");
//! ```
use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around the symbol, in modules (ISO/IEC 18004: at least 4).
pub const QUIET_ZONE: usize = 4;

/// Why a text has no QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("a link of {0} bytes is too long for a QR code")]
    TooLong(usize),
}

/// The dark and light modules of a QR symbol, row by row, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `text` (a link: bytes or alphanumerics, whatever is shortest) at level M (15 % of
    /// the symbol may be lost to a glare or a crease), in the smallest version it fits.
    pub fn encode(text: &str) -> Result<QrMatrix, QrError> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| QrError::TooLong(text.len()))?;
        let size = usize::try_from(code.size()).unwrap_or(0);
        let dark = (0..code.size())
            .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
            .map(|(x, y)| code.get_module(x, y))
            .collect();
        Ok(QrMatrix { size, dark })
    }

    /// Modules a side, without the quiet zone (21 for version 1, 4 more for each version).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Modules a side with the quiet zone: the `viewBox` of [`QrMatrix::svg_path`].
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// Whether the module at column `x`, row `y` (from the symbol's top left, quiet zone not
    /// counted) is dark; outside the symbol, light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// One SVG path of every dark module, a rectangle per run of dark modules in a row, in
    /// module units and offset by the quiet zone: drawn in a `viewBox="0 0 side side"` with
    /// `shape-rendering="crispEdges"`.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start));
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The finder pattern at a corner: a dark 7×7 ring, a light ring, a dark 3×3 centre.
    fn finder_at(code: &QrMatrix, left: usize, top: usize) -> bool {
        (0..7).all(|dy| {
            (0..7).all(|dx| {
                let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                let centre = (2..=4).contains(&dx) && (2..=4).contains(&dy);
                code.is_dark(left + dx, top + dy) == (ring || centre)
            })
        })
    }

    #[test]
    fn a_link_gives_a_symbol_with_its_finders() {
        let link = "https://museum.example/atlas/?date=1940-08-10&city=riga&lang=lv&tour=baltic-entente&stop=12";
        let code = QrMatrix::encode(link).expect("a short link");
        let n = code.size();
        assert!((21..=57).contains(&n) && n % 4 == 1, "{n} modules");
        assert!(finder_at(&code, 0, 0) && finder_at(&code, n - 7, 0) && finder_at(&code, 0, n - 7));
        assert!(!code.is_dark(n, 0) && !code.is_dark(0, n), "outside is light");
    }

    #[test]
    fn a_longer_link_needs_a_larger_symbol() {
        let short = QrMatrix::encode("https://m.example/").expect("short");
        let long = QrMatrix::encode(&format!("https://m.example/?{}", "x".repeat(200))).expect("long");
        assert!(long.size() > short.size());
        assert_eq!(QrMatrix::encode(&"x".repeat(5000)), Err(QrError::TooLong(5000)));
    }

    #[test]
    fn the_path_draws_each_dark_module_once() {
        let code = QrMatrix::encode("https://museum.example/atlas/?year=1934").expect("a link");
        let dark = (0..code.size())
            .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| code.is_dark(x, y))
            .count();
        // Each run is `M x y h w v1h-w z`: its width counted once.
        let drawn: usize = code
            .svg_path()
            .split('M')
            .filter(|run| !run.is_empty())
            .map(|run| {
                let width = run.split('h').nth(1).and_then(|w| w.split('v').next()).expect("a run's width");
                width.parse::<usize>().expect("a whole number")
            })
            .sum();
        assert_eq!(drawn, dark);
        assert!(
            code.svg_path().split('M').skip(1).all(|run| {
                let mut at = run.split(['h', ' ']);
                let x: usize = at.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                let y: usize = at.next().and_then(|y| y.parse().ok()).unwrap_or(0);
                (QUIET_ZONE..QUIET_ZONE + code.size()).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + code.size()).contains(&y)
            }),
            "every run inside the quiet zone's frame"
        );
    }
}
