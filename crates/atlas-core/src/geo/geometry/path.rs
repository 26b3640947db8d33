//! GeoJSON coordinates to SVG path strings.
use std::fmt::Write;

use super::projection::{GeoBounds, Mercator};
use crate::model::LonLat;

/// SVG rejects an empty `d`; this draws nothing.
const EMPTY_PATH: &str = "M0 0";

/// Writes `x y` rounded to one decimal (a tenth of an SVG unit is below a pixel).
fn push_point(out: &mut String, command: char, (x, y): (f64, f64)) {
    let _ = write!(out, "{command}{} {}", round1(x), round1(y));
}

fn round1(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        0.0 // no "-0"
    } else {
        rounded
    }
}

/// Closed rings (polygons and their holes) as one path; points that cannot be
/// projected are skipped, and rings left with fewer than 3 points are dropped.
pub fn rings_path<'a>(rings: impl IntoIterator<Item = &'a [LonLat]>, projection: &Mercator) -> String {
    let mut out = String::new();
    for ring in rings {
        let points: Vec<(f64, f64)> = ring.iter().filter_map(|&p| projection.project(p)).collect();
        if points.len() < 3 {
            continue;
        }
        for (i, &point) in points.iter().enumerate() {
            push_point(&mut out, if i == 0 { 'M' } else { 'L' }, point);
        }
        out.push('Z');
    }
    if out.is_empty() {
        EMPTY_PATH.to_owned()
    } else {
        out
    }
}

/// The polygons that reach into `extent` (each a list of rings, outer first), as one path in
/// `projection`; `None` when none of them does.
pub fn polygons_path(polygons: &[Vec<Vec<LonLat>>], extent: GeoBounds, projection: &Mercator) -> Option<String> {
    let touching = |polygon: &&Vec<Vec<LonLat>>| {
        polygon
            .first()
            .and_then(|outer| GeoBounds::around(outer.iter().copied()))
            .is_some_and(|b| b.intersects(&extent))
    };
    let rings: Vec<&[LonLat]> = polygons.iter().filter(touching).flatten().map(Vec::as_slice).collect();
    (!rings.is_empty()).then(|| rings_path(rings, projection))
}

/// Appends an open line through screen points to a path (nothing for fewer than two points).
pub fn line_path_into(out: &mut String, points: &[(f64, f64)]) {
    if points.len() < 2 {
        return;
    }
    for (i, &point) in points.iter().enumerate() {
        push_point(out, if i == 0 { 'M' } else { 'L' }, point);
    }
}

/// An open line through screen points.
pub fn line_path(points: &[(f64, f64)]) -> String {
    if points.len() < 2 {
        return EMPTY_PATH.to_owned();
    }
    let mut out = String::new();
    line_path_into(&mut out, points);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::geometry::projection::raw;
    use crate::geo::geometry::ScreenRect;

    fn unit_projection() -> Mercator {
        let bounds = GeoBounds { west: 0.0, south: 0.0, east: 10.0, north: 10.0 };
        let ((x0, y0), (x1, y1)) = (raw(0.0, 0.0), raw(10.0, 10.0));
        Mercator::fit(bounds, ScreenRect { x: 0.0, y: 0.0, width: 100.0, height: 100.0 * (y1 - y0) / (x1 - x0) })
    }

    #[test]
    fn empty_input_gives_a_valid_empty_path() {
        assert_eq!(rings_path(std::iter::empty(), &unit_projection()), "M0 0");
        assert_eq!(line_path(&[(1.0, 2.0)]), "M0 0");
    }

    #[test]
    fn a_square_ring_is_a_closed_path() {
        let ring = [
            LonLat { lon: 0.0, lat: 0.0 },
            LonLat { lon: 10.0, lat: 0.0 },
            LonLat { lon: 10.0, lat: 10.0 },
            LonLat { lon: 0.0, lat: 0.0 },
        ];
        let d = rings_path([&ring[..]], &unit_projection());
        assert!(d.starts_with("M0 100.5L100 100.5L100 0"), "{d}");
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn degenerate_rings_are_dropped() {
        let ring = [LonLat { lon: 0.0, lat: 0.0 }, LonLat { lon: 1.0, lat: 1.0 }];
        assert_eq!(rings_path([&ring[..]], &unit_projection()), "M0 0");
    }

    #[test]
    fn only_polygons_reaching_into_a_frame_are_drawn_there() {
        let square = |x: f64| {
            vec![vec![
                LonLat { lon: x, lat: 0.0 },
                LonLat { lon: x + 1.0, lat: 0.0 },
                LonLat { lon: x + 1.0, lat: 1.0 },
                LonLat { lon: x, lat: 0.0 },
            ]]
        };
        let bounds = GeoBounds { west: 0.0, south: 0.0, east: 10.0, north: 10.0 };
        let inside =
            polygons_path(&[square(2.0), square(50.0)], bounds, &unit_projection()).expect("one polygon inside");
        assert_eq!(inside.matches('M').count(), 1, "{inside}");
        assert_eq!(polygons_path(&[square(50.0)], bounds, &unit_projection()), None);
    }

    #[test]
    fn lines_round_to_a_tenth() {
        assert_eq!(line_path(&[(1.234, -0.04), (5.0, 6.06)]), "M1.2 0L5 6.1");
    }
}
