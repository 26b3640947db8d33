//! Measures of a closed ring of screen points (first point repeated last, as in GeoJSON):
//! its area and centroid, whether it holds a point, and its part inside a rectangle.
use super::rect::ScreenRect;

/// The area and the centroid of a closed ring of screen points (the shoelace formula);
/// the area is positive whichever way the ring runs. `None` for a ring that encloses
/// nothing (fewer than three distinct points, or all on one line).
///
/// ```
/// use atlas_core::geo::area_and_centroid;
///
/// let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
/// assert_eq!(area_and_centroid(&square), Some((100.0, (5.0, 5.0))));
/// assert_eq!(area_and_centroid(&[(0.0, 0.0), (5.0, 5.0), (0.0, 0.0)]), None);
/// ```
pub fn area_and_centroid(ring: &[(f64, f64)]) -> Option<(f64, (f64, f64))> {
    let (mut twice_area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for pair in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let cross = x0 * y1 - x1 * y0;
        twice_area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    let area = twice_area / 2.0;
    (area.abs() >= f64::EPSILON).then(|| (area.abs(), (cx / (6.0 * area), cy / (6.0 * area))))
}

/// Whether `point` lies inside the closed `ring` (even–odd rule, screen coordinates).
///
/// ```
/// use atlas_core::geo::ring_contains;
///
/// let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
/// assert!(ring_contains(&square, (5.0, 5.0)));
/// assert!(!ring_contains(&square, (15.0, 5.0)));
/// ```
pub fn ring_contains(ring: &[(f64, f64)], (px, py): (f64, f64)) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if (y0 > py) != (y1 > py) && px < x0 + (py - y0) * (x1 - x0) / (y1 - y0) {
            inside = !inside;
        }
    }
    inside
}

/// Clips a closed ring to a rectangle (Sutherland–Hodgman): the part of a state inside a frame.
pub fn clip_ring(ring: &[(f64, f64)], b: &ScreenRect) -> Vec<(f64, f64)> {
    type Edge = (fn(&(f64, f64), &ScreenRect) -> bool, fn((f64, f64), (f64, f64), &ScreenRect) -> (f64, f64));
    let edges: [Edge; 4] = [
        (|p, b| p.0 >= b.x, |p, q, b| (b.x, p.1 + (q.1 - p.1) * (b.x - p.0) / (q.0 - p.0))),
        (|p, b| p.0 <= b.right(), |p, q, b| (b.right(), p.1 + (q.1 - p.1) * (b.right() - p.0) / (q.0 - p.0))),
        (|p, b| p.1 >= b.y, |p, q, b| (p.0 + (q.0 - p.0) * (b.y - p.1) / (q.1 - p.1), b.y)),
        (|p, b| p.1 <= b.bottom(), |p, q, b| (p.0 + (q.0 - p.0) * (b.bottom() - p.1) / (q.1 - p.1), b.bottom())),
    ];
    let mut points: Vec<(f64, f64)> = ring.to_vec();
    for (inside, cut) in edges {
        if points.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(points.len());
        for i in 0..points.len() {
            let (p, q) = (points[i], points[(i + 1) % points.len()]);
            match (inside(&p, b), inside(&q, b)) {
                (true, true) => out.push(q),
                (true, false) => out.push(cut(p, q, b)),
                (false, true) => {
                    out.push(cut(p, q, b));
                    out.push(q);
                }
                (false, false) => {}
            }
        }
        points = out;
    }
    points
}

/// Drops points closer than `tolerance` to the last one kept (a screen ring has far more points
/// than pixels).
pub fn thin(ring: impl IntoIterator<Item = (f64, f64)>, tolerance: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for p in ring {
        if out.last().is_none_or(|q| (p.0 - q.0).abs() + (p.1 - q.1).abs() >= tolerance) {
            out.push(p);
        }
    }
    out
}

/// The ring closed (its last point repeats its first), as [`area_and_centroid`] expects.
pub fn closed(mut ring: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    if let (Some(&first), Some(&last)) = (ring.first(), ring.last()) {
        if first != last {
            ring.push(first);
        }
    }
    ring
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [(f64, f64); 5] = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0), (0.0, 0.0)];

    #[test]
    fn the_area_does_not_depend_on_the_direction() {
        let mut reversed = SQUARE;
        reversed.reverse();
        assert_eq!(area_and_centroid(&SQUARE), Some((10_000.0, (50.0, 50.0))));
        assert_eq!(area_and_centroid(&reversed), Some((10_000.0, (50.0, 50.0))));
    }

    #[test]
    fn the_centroid_of_an_l_shape_is_weighted_by_area() {
        // A 2×1 bar along the bottom and a 1×1 square on its left end: 3 units, centroid (5/6, 5/6).
        let l_shape = [(0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        let (area, (x, y)) = area_and_centroid(&l_shape).expect("encloses something");
        assert!((area - 3.0).abs() < 1e-12);
        assert!((x - 5.0 / 6.0).abs() < 1e-12 && (y - 5.0 / 6.0).abs() < 1e-12, "{x} {y}");
    }

    #[test]
    fn a_ring_without_area_has_no_centroid() {
        assert_eq!(area_and_centroid(&[]), None);
        assert_eq!(area_and_centroid(&[(3.0, 4.0)]), None);
        assert_eq!(area_and_centroid(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (0.0, 0.0)]), None);
    }

    #[test]
    fn points_inside_and_outside() {
        assert!(ring_contains(&SQUARE, (50.0, 50.0)));
        assert!(!ring_contains(&SQUARE, (150.0, 50.0)));
        assert!(!ring_contains(&SQUARE, (50.0, -1.0)));
        assert!(!ring_contains(&[], (0.0, 0.0)));
        // A hole-like notch: the U shape does not hold the point in its gap.
        let u_shape = [(0.0, 0.0), (30.0, 0.0), (30.0, 30.0), (20.0, 30.0), (20.0, 10.0), (10.0, 10.0), (10.0, 30.0)];
        let mut closed = u_shape.to_vec();
        closed.push((0.0, 30.0));
        closed.push((0.0, 0.0));
        assert!(!ring_contains(&closed, (15.0, 20.0)) && ring_contains(&closed, (5.0, 20.0)));
    }
}
