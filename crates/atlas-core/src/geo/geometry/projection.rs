//! Spherical Mercator fitted to a screen rectangle.
//!
//! As in d3-geo, the raw projection is a tiny pure function with an inverse, and
//! the scale and translation are derived from the extent to show (no magic numbers).
use std::f64::consts::FRAC_PI_4;

use super::rect::ScreenRect;
use crate::model::LonLat;

/// A longitude/latitude box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl GeoBounds {
    pub fn contains(&self, point: LonLat) -> bool {
        (self.west..=self.east).contains(&point.lon) && (self.south..=self.north).contains(&point.lat)
    }

    /// Whether two boxes overlap.
    pub fn intersects(&self, other: &GeoBounds) -> bool {
        self.west <= other.east && other.west <= self.east && self.south <= other.north && other.south <= self.north
    }

    /// The smallest box holding every point; `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = LonLat>) -> Option<GeoBounds> {
        points.into_iter().fold(None, |bounds, p| {
            Some(match bounds {
                None => GeoBounds { west: p.lon, south: p.lat, east: p.lon, north: p.lat },
                Some(b) => GeoBounds {
                    west: b.west.min(p.lon),
                    south: b.south.min(p.lat),
                    east: b.east.max(p.lon),
                    north: b.north.max(p.lat),
                },
            })
        })
    }
}

/// The latitude limit of Web Mercator; beyond it the projection runs off to infinity.
pub const MAX_LATITUDE: f64 = 85.051_128_78;

/// Raw spherical Mercator: radians to unit-sphere plane coordinates (y grows northwards).
pub(crate) fn raw(lon: f64, lat: f64) -> (f64, f64) {
    (lon.to_radians(), (FRAC_PI_4 + lat.to_radians() / 2.0).tan().ln())
}

/// The inverse of [`raw`].
pub(crate) fn raw_invert(x: f64, y: f64) -> (f64, f64) {
    (x.to_degrees(), (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees())
}

/// Mercator scaled and translated so that a given extent fills a screen rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mercator {
    scale: f64,
    /// Screen x of raw x = 0.
    tx: f64,
    /// Screen y of raw y = 0.
    ty: f64,
}

impl Mercator {
    /// Fits `bounds` into `rect`, keeping the aspect ratio and centring the extent.
    pub fn fit(bounds: GeoBounds, rect: ScreenRect) -> Mercator {
        let (x0, y0) = raw(bounds.west, bounds.south);
        let (x1, y1) = raw(bounds.east, bounds.north);
        let scale = (rect.width / (x1 - x0)).min(rect.height / (y1 - y0));
        let tx = rect.x + (rect.width - scale * (x1 - x0)) / 2.0 - scale * x0;
        let ty = rect.y + (rect.height - scale * (y1 - y0)) / 2.0 + scale * y1;
        Mercator { scale, tx, ty }
    }

    /// Screen coordinates of a point; `None` where the projection is not finite (the poles).
    pub fn project(&self, point: LonLat) -> Option<(f64, f64)> {
        if point.lat.abs() > MAX_LATITUDE {
            return None;
        }
        let (x, y) = raw(point.lon, point.lat);
        let screen = (self.tx + self.scale * x, self.ty - self.scale * y);
        (screen.0.is_finite() && screen.1.is_finite()).then_some(screen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BALTIC: GeoBounds = GeoBounds { west: 19.5, south: 53.3, east: 39.0, north: 61.0 };

    #[test]
    fn fitted_extent_touches_the_rectangle_edges() {
        let ((x0, y0), (x1, y1)) = (raw(BALTIC.west, BALTIC.south), raw(BALTIC.east, BALTIC.north));
        let rect = ScreenRect { x: 0.0, y: 0.0, width: 1000.0, height: 1000.0 * (y1 - y0) / (x1 - x0) };
        let m = Mercator::fit(BALTIC, rect);
        let (x0, y0) = m.project(LonLat { lon: BALTIC.west, lat: BALTIC.north }).expect("finite");
        let (x1, y1) = m.project(LonLat { lon: BALTIC.east, lat: BALTIC.south }).expect("finite");
        assert!((x0 - 0.0).abs() < 1e-9 && (y0 - 0.0).abs() < 1e-9, "{x0} {y0}");
        assert!((x1 - 1000.0).abs() < 1e-9 && (y1 - rect.height).abs() < 1e-9, "{x1} {y1}");
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let m = Mercator::fit(BALTIC, ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 });
        let tallinn = m.project(LonLat { lon: 24.75, lat: 59.44 }).expect("finite");
        let riga = m.project(LonLat { lon: 24.11, lat: 56.95 }).expect("finite");
        let moscow = m.project(LonLat { lon: 37.62, lat: 55.76 }).expect("finite");
        assert!(tallinn.1 < riga.1 && moscow.0 > riga.0);
    }

    #[test]
    fn raw_then_invert_returns_the_point() {
        for lon in [-170.0, 0.0, 6.14, 24.1, 37.6, 179.0] {
            for lat in [-80.0, 0.0, 46.2, 56.95, 84.0] {
                let (x, y) = raw(lon, lat);
                let back = raw_invert(x, y);
                assert!((back.0 - lon).abs() < 1e-9 && (back.1 - lat).abs() < 1e-9, "{lon},{lat} -> {back:?}");
            }
        }
    }

    #[test]
    fn the_pole_is_not_projected() {
        let m = Mercator::fit(BALTIC, ScreenRect { x: 0.0, y: 0.0, width: 100.0, height: 100.0 });
        assert_eq!(m.project(LonLat { lon: 0.0, lat: 90.0 }), None);
    }

    #[test]
    fn bounds_around_points() {
        let b = GeoBounds::around([LonLat { lon: 1.0, lat: 5.0 }, LonLat { lon: -2.0, lat: 7.0 }]).expect("points");
        assert_eq!(b, GeoBounds { west: -2.0, south: 5.0, east: 1.0, north: 7.0 });
        assert!(GeoBounds::around(std::iter::empty()).is_none());
    }
}
