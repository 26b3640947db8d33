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

    /// The point drawn at screen coordinates `(x, y)`: the inverse of [`Mercator::project`].
    ///
    /// ```
    /// use atlas_core::geo::{GeoBounds, Mercator, ScreenRect};
    /// use atlas_core::LonLat;
    ///
    /// let bounds = GeoBounds { west: 20.0, south: 53.0, east: 30.0, north: 60.0 };
    /// let m = Mercator::fit(bounds, ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 });
    /// let riga = LonLat { lon: 24.11, lat: 56.95 };
    /// let back = m.invert(m.project(riga).expect("finite"));
    /// assert!((back.lon - riga.lon).abs() < 1e-9 && (back.lat - riga.lat).abs() < 1e-9);
    /// ```
    pub fn invert(&self, (x, y): (f64, f64)) -> LonLat {
        let (lon, lat) = raw_invert((x - self.tx) / self.scale, (self.ty - y) / self.scale);
        LonLat { lon, lat }
    }
}

/// The mean radius of the Earth (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// The great-circle distance between two points, in kilometres (the haversine formula, on a
/// sphere of [`EARTH_RADIUS_KM`]: within 0.5% of the ellipsoid's).
///
/// ```
/// use atlas_core::geo::geometry::projection::great_circle_km;
/// use atlas_core::LonLat;
///
/// let riga = LonLat { lon: 24.1059, lat: 56.946 };
/// let berlin = LonLat { lon: 13.4105, lat: 52.5244 };
/// let km = great_circle_km(riga, berlin);
/// assert!((830.0..850.0).contains(&km), "{km}");
/// assert_eq!(great_circle_km(riga, riga), 0.0);
/// ```
pub fn great_circle_km(a: LonLat, b: LonLat) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let (dphi, dlambda) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
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
    fn project_then_invert_returns_the_point() {
        let m = Mercator::fit(BALTIC, ScreenRect { x: 10.0, y: 20.0, width: 640.0, height: 480.0 });
        for lon in [-30.0, 6.14, 24.1, 37.6, 60.0] {
            for lat in [-40.0, 0.0, 46.2, 56.95, 80.0] {
                let back = m.invert(m.project(LonLat { lon, lat }).expect("finite"));
                assert!((back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9, "{lon},{lat} -> {back:?}");
            }
        }
    }

    #[test]
    fn great_circle_distances_of_known_pairs() {
        // A degree of latitude is 111.2 km on the sphere; Tallinn–Moscow is about 866 km.
        let km = great_circle_km(LonLat { lon: 24.0, lat: 56.0 }, LonLat { lon: 24.0, lat: 57.0 });
        assert!((km - 111.19).abs() < 0.01, "{km}");
        let tallinn_moscow =
            great_circle_km(LonLat { lon: 24.7535, lat: 59.437 }, LonLat { lon: 37.6178, lat: 55.752 });
        assert!((860.0..872.0).contains(&tallinn_moscow), "{tallinn_moscow}");
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
