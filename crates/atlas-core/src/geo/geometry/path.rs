//! GeoJSON coordinates to SVG path strings.
use std::fmt::Write;

use super::projection::{GeoBounds, Mercator};
use crate::model::LonLat;

/// SVG rejects an empty `d`; this draws nothing.
const EMPTY_PATH: &str = "M0 0";

/// Writes `x y` rounded to one decimal (a tenth of an SVG unit is below a pixel).
fn push_point(out: &mut String, command: char, (x, y): (f64, f64)) {
    out.push(command);
    push_tenths(out, x);
    out.push(' ');
    push_tenths(out, y);
}

/// Writes `value` rounded to a tenth, as the shortest decimal (`12.3`, `12`, `-0.5`; never
/// `-0`), with integer arithmetic only: the map's paths are tens of thousands of numbers, and
/// formatting floats is the costliest part of making them (issue 23). A value that is not
/// finite is written `0`.
///
/// ```
/// let mut out = String::new();
/// for v in [12.34, 12.96, -0.04, -7.05, 0.0] {
///     atlas_core::geo::geometry::path::push_tenths(&mut out, v);
///     out.push(' ');
/// }
/// assert_eq!(out, "12.3 13 0 -7.1 0 ");
/// ```
pub fn push_tenths(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() || tenths == 0.0 {
        out.push('0');
        return;
    }
    // Beyond ±2^53 tenths there are no tenths left to write; such a number is off any map.
    let tenths = tenths.clamp(-9.0e15, 9.0e15) as i64;
    if tenths < 0 {
        out.push('-');
    }
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    let _ = write!(out, "{whole}");
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth as u8));
    }
}

/// `value` rounded to a tenth, as [`push_tenths`] writes it: a length for an SVG attribute.
pub fn tenths(value: f64) -> String {
    let mut out = String::new();
    push_tenths(&mut out, value);
    out
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

    /// The text the paths had before [`push_tenths`]: the float rounded to a tenth, formatted.
    fn formatted_as_before(value: f64) -> String {
        let rounded = (value * 10.0).round() / 10.0;
        format!("{}", if rounded == 0.0 { 0.0 } else { rounded })
    }

    #[test]
    fn tenths_are_written_as_the_formatted_float_was() {
        let mut values = vec![0.0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, 9.95, 99.95, -99.95, 1e6 + 0.25, 123_456.789];
        // A spread of map coordinates, fractions of every size, both signs.
        let mut x = 0.123_456_789_f64;
        for _ in 0..20_000 {
            x = (x * 7919.0 + 0.377_123_457).fract();
            values.push((x - 0.5) * 4000.0);
        }
        for value in values {
            let mut out = String::new();
            push_tenths(&mut out, value);
            assert_eq!(out, formatted_as_before(value), "{value}");
        }
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
