//! The map's geometry shared by `cargo xtask basemap` and `cargo xtask borders`: its extent,
//! the lon/lat rings cut to it and simplified, and the output grid (rounded, oriented,
//! validated polygons and their compact GeoJSON coordinates).
use anyhow::bail;
use atlas_core::geo::frame::DATA_EXTENT;
use atlas_core::geo::GeoBounds;
use geo::{BooleanOps as _, Coord, LineString, MultiPolygon, Polygon, Rect};
use geo::{Simplify as _, Validation as _};
use serde_json::Value;

/// The map's extent in degrees: the core's [`DATA_EXTENT`], which the app's main frame never
/// leaves (`atlas_core::geo::frame::main_extent` keeps it inside). The base map and the borders
/// cover it all.
///
/// It shows everything the atlas talks about with a margin of at least ~2.5° on each side:
/// Geneva (6.14°E 46.20°N, League of Nations) in the south-west, Berlin (13.40°E 52.52°N), the
/// three Baltic capitals Tallinn, Riga and Kaunas/Vilnius (~23–25°E, 54.7–59.4°N), Helsinki
/// (24.94°E 60.17°N) to the north and Moscow (37.62°E 55.76°N) to the east.
pub const EXTENT: Extent = DATA_EXTENT;

/// Ramer–Douglas–Peucker tolerance in degrees.
///
/// The map is drawn about 1000 px across ~35-39° of longitude, i.e. ~0.035-0.039° per pixel
/// horizontally (and about half that vertically at 60°N in a conformal projection), so
/// 0.02° moves no vertex by more than ~0.6 px horizontally and ~1 px vertically: nothing
/// visible is lost, while the vertex count drops by an order of magnitude.
pub const SIMPLIFY_EPSILON_DEG: f64 = 0.02;

/// Rings smaller than this (in square degrees, after rounding) are dropped.
///
/// 0.0004 deg² is about 0.3-0.6 px² at the scale above: an islet that would render as
/// less than one pixel.
pub const MIN_RING_AREA_SQ_DEG: f64 = 0.0004;

/// Decimals kept in the output coordinates: 0.001° is ~0.03 px at the scale above (and
/// ~110 m on the ground), far below the simplification tolerance.
pub const COORD_DECIMALS: u32 = 3;

/// Output coordinates are stored as integers in units of 10^-COORD_DECIMALS degrees.
const COORD_UNIT: u64 = 10_u64.pow(COORD_DECIMALS);
pub(crate) const COORD_SCALE: f64 = COORD_UNIT as f64;

/// A longitude/latitude rectangle in degrees: the core's box type.
pub type Extent = GeoBounds;

/// The extent as a closed rectangle polygon, for boolean operations.
pub(crate) fn extent_polygon(extent: Extent) -> Polygon<f64> {
    Rect::new(Coord { x: extent.west, y: extent.south }, Coord { x: extent.east, y: extent.north }).to_polygon()
}

/// The GeoJSON `bbox` members of an extent, without brackets: `3,43,42,63`.
pub(crate) fn bbox_json(extent: Extent) -> String {
    [extent.west, extent.south, extent.east, extent.north]
        .iter()
        .map(|v| Value::from(*v).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A ring of lon/lat coordinates, closed (first point repeated last) unless noted.
pub(crate) type Ring = Vec<Coord<f64>>;

/// A ring in output units (10^-COORD_DECIMALS degrees), closed.
pub(crate) type IntRing = Vec<[i64; 2]>;

/// A polygon in output units: exterior ring first, then holes.
pub(crate) type IntPolygon = Vec<IntRing>;

/// Make a ring's longitudes continuous: wherever two consecutive positions are more than
/// 180° of longitude apart, the ring crossed the 180° meridian, so every later position is
/// shifted by ∓360° (the result may leave −180…180).
///
/// A ring that winds around a pole (such as Antarctica's) does not come back to its
/// start after unwrapping; it is closed along that pole's parallel so that it stays a
/// simple ring on the plate carrée.
fn unwrap_longitudes(ring: &mut Ring) {
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    for position in ring.iter_mut() {
        let raw = position.x;
        if let Some(previous) = previous {
            let jump = raw - previous;
            if jump > 180.0 {
                offset -= 360.0;
            } else if jump < -180.0 {
                offset += 360.0;
            }
        }
        previous = Some(raw);
        position.x = raw + offset;
    }
    if let (Some(&first), Some(&last)) = (ring.first(), ring.last()) {
        if (first.x - last.x).abs() > 180.0 {
            let mean_lat = ring.iter().map(|c| c.y).sum::<f64>() / ring.len() as f64;
            let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
            ring.push(Coord { x: last.x, y: pole });
            ring.push(Coord { x: first.x, y: pole });
            ring.push(first);
        }
    }
}

/// The copies, shifted by whole turns of 360°, of one polygon (after unwrapping its
/// rings) whose bounding box overlaps `extent`; usually none or one.
///
/// Unwrapping keeps a ring continuous but not in −180…180: Eurasia's ring in
/// `land-50m.json` starts in Chukotka at −180°, so after unwrapping Europe lies near
/// −330°. Holes are first moved by whole turns next to their exterior.
pub(crate) fn copies_overlapping_extent(mut rings: Vec<Ring>, extent: Extent) -> Vec<Polygon<f64>> {
    for ring in &mut rings {
        unwrap_longitudes(ring);
    }
    let Some((exterior, holes)) = rings.split_first_mut() else {
        return Vec::new();
    };
    let Some((ext_west, ext_east)) = lon_range(exterior) else {
        return Vec::new();
    };
    let centre = (ext_west + ext_east) / 2.0;
    for hole in holes.iter_mut() {
        if let Some((west, east)) = lon_range(hole) {
            let turns = ((centre - (west + east) / 2.0) / 360.0).round();
            hole.iter_mut().for_each(|c| c.x += turns * 360.0);
        }
    }
    let (south, north) = rings[0].iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(s, n), c| (s.min(c.y), n.max(c.y)));
    if north < extent.south || south > extent.north {
        return Vec::new();
    }
    let first_turn = ((extent.west - ext_east) / 360.0).ceil() as i64;
    let last_turn = ((extent.east - ext_west) / 360.0).floor() as i64;
    (first_turn..=last_turn)
        .map(|turn| {
            let dx = turn as f64 * 360.0;
            let shifted =
                |ring: &Ring| LineString::from(ring.iter().map(|c| Coord { x: c.x + dx, y: c.y }).collect::<Vec<_>>());
            Polygon::new(shifted(&rings[0]), rings[1..].iter().map(shifted).collect())
        })
        .collect()
}

/// The least and greatest longitude of a ring.
fn lon_range(ring: &[Coord<f64>]) -> Option<(f64, f64)> {
    let first = ring.first()?;
    Some(ring.iter().fold((first.x, first.x), |(w, e), c| (w.min(c.x), e.max(c.x))))
}

/// Intersect the land with the extent rectangle (`geo`'s BooleanOps).
pub(crate) fn clip_to_extent(land: Vec<Polygon<f64>>, extent: Extent) -> MultiPolygon<f64> {
    MultiPolygon::new(land).intersection(&extent_polygon(extent))
}

/// Ramer–Douglas–Peucker simplification of every ring with tolerance `epsilon` degrees.
pub(crate) fn simplify(land: &MultiPolygon<f64>, epsilon: f64) -> MultiPolygon<f64> {
    land.simplify(epsilon)
}

/// Round to output units and clean up: consecutive duplicate positions (which rounding
/// creates) are removed, rings with fewer than 4 positions (a triangle plus its closing
/// point) or an area below `min_area_sq_deg` are dropped (and a polygon with its exterior),
/// every ring is closed again, exteriors turn counter-clockwise and holes clockwise
/// (RFC 7946). Polygons are sorted by decreasing area, then by their positions, so the
/// output does not depend on the clipper's order.
pub(crate) fn quantize(land: &MultiPolygon<f64>, min_area_sq_deg: f64) -> Vec<IntPolygon> {
    let min_area = min_area_sq_deg * COORD_SCALE * COORD_SCALE;
    let mut polygons: Vec<(i128, IntPolygon)> = Vec::new();
    for polygon in land {
        let Some(mut exterior) = quantize_ring(polygon.exterior()) else {
            continue;
        };
        let area = ring_area2(&exterior);
        if (area.abs() as f64) / 2.0 < min_area {
            continue;
        }
        orient(&mut exterior, true);
        let mut rings = vec![exterior];
        for hole in polygon.interiors() {
            let Some(mut hole) = quantize_ring(hole) else {
                continue;
            };
            if (ring_area2(&hole).abs() as f64) / 2.0 < min_area {
                continue;
            }
            orient(&mut hole, false);
            rings.push(hole);
        }
        polygons.push((area.abs(), rings));
    }
    polygons.sort_by(|(a, pa), (b, pb)| b.cmp(a).then_with(|| pa.cmp(pb)));
    polygons.into_iter().map(|(_, rings)| rings).collect()
}

/// Round one ring to output units, drop repeated positions and close it; `None` when
/// fewer than 3 distinct positions remain.
fn quantize_ring(ring: &LineString<f64>) -> Option<IntRing> {
    let mut out: IntRing = Vec::with_capacity(ring.0.len());
    for c in &ring.0 {
        let p = [(c.x * COORD_SCALE).round() as i64, (c.y * COORD_SCALE).round() as i64];
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    if out.len() < 3 {
        return None;
    }
    out.push(out[0]);
    Some(out)
}

/// Twice the signed area of a closed ring (positive when counter-clockwise), exact.
fn ring_area2(ring: &[[i64; 2]]) -> i128 {
    ring.windows(2).map(|w| i128::from(w[0][0]) * i128::from(w[1][1]) - i128::from(w[1][0]) * i128::from(w[0][1])).sum()
}

/// Reverse a closed ring if needed so that it is counter-clockwise (`ccw`) or clockwise.
fn orient(ring: &mut IntRing, ccw: bool) {
    if (ring_area2(ring) > 0) != ccw {
        ring.reverse();
    }
}

/// Fail if rounding or simplification left an invalid polygon (self-intersecting ring,
/// hole outside its exterior, overlapping polygons, ...).
pub(crate) fn check_valid(what: &str, land: &[IntPolygon]) -> anyhow::Result<()> {
    let to_f64 = |ring: &IntRing| {
        LineString::from(ring.iter().map(|p| Coord { x: p[0] as f64, y: p[1] as f64 }).collect::<Vec<_>>())
    };
    let multi = MultiPolygon::new(
        land.iter().map(|rings| Polygon::new(to_f64(&rings[0]), rings[1..].iter().map(to_f64).collect())).collect(),
    );
    let errors = multi.validation_errors();
    if let Some(first) = errors.first() {
        bail!("{what}: {} validity problem(s) after simplification and rounding, first: {first}", errors.len());
    }
    Ok(())
}

/// Format a coordinate in output units as a decimal number of degrees, without trailing
/// zeros (`24105` → `24.105`, `-500` → `-0.5`, `3000` → `3`).
pub(crate) fn format_coord(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (whole, frac) = (value.unsigned_abs() / COORD_UNIT, value.unsigned_abs() % COORD_UNIT);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:0width$}", width = COORD_DECIMALS as usize);
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

/// One polygon's GeoJSON coordinates on one line: `[[[x,y],…],[…]]`.
pub(crate) fn polygon_json(rings: &IntPolygon) -> String {
    let rings = rings
        .iter()
        .map(|ring| {
            let positions = ring
                .iter()
                .map(|p| format!("[{},{}]", format_coord(p[0]), format_coord(p[1])))
                .collect::<Vec<_>>()
                .join(",");
            format!("[{positions}]")
        })
        .collect::<Vec<_>>()
        .join(",");
    format!("[{rings}]")
}

/// Rounds every position to the output grid ([`COORD_DECIMALS`] decimals).
///
/// The boolean operations work on integers scaled to their operands' extent, so a border that
/// two shapes share comes back from two operations a few 1e-9 degrees apart; joined again it
/// would leave a hair-thin slit. Rounding after every operation keeps shared borders equal.
pub(crate) fn snap(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let round = |c: &Coord<f64>| Coord {
        x: (c.x * COORD_SCALE).round() / COORD_SCALE,
        y: (c.y * COORD_SCALE).round() / COORD_SCALE,
    };
    let ring = |ring: &LineString<f64>| {
        let mut points: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
        for c in ring.0.iter().map(round) {
            if points.last() != Some(&c) {
                points.push(c);
            }
        }
        LineString::from(points)
    };
    MultiPolygon::new(
        shape
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .filter(|p| p.exterior().0.len() >= 4)
            .collect(),
    )
}

/// A coordinate, for short test data.
#[cfg(test)]
pub(crate) fn c(x: f64, y: f64) -> Coord<f64> {
    Coord { x, y }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area as _;

    #[test]
    fn longitudes_are_unwrapped_across_the_antimeridian() {
        let mut ring = vec![
            c(170.0, 0.0),
            c(179.0, 1.0),
            c(-179.0, 1.0),
            c(-170.0, 0.0),
            c(-179.0, -1.0),
            c(179.0, -1.0),
            c(170.0, 0.0),
        ];
        unwrap_longitudes(&mut ring);
        let lons: Vec<f64> = ring.iter().map(|p| p.x).collect();
        assert_eq!(lons, vec![170.0, 179.0, 181.0, 190.0, 181.0, 179.0, 170.0]);

        // Starting on the far side, as Eurasia does in land-50m.json: the rest goes below −180.
        let mut ring =
            vec![c(-180.0, 60.0), c(179.0, 60.0), c(30.0, 60.0), c(30.0, 50.0), c(-180.0, 50.0), c(-180.0, 60.0)];
        unwrap_longitudes(&mut ring);
        let lons: Vec<f64> = ring.iter().map(|p| p.x).collect();
        assert_eq!(lons, vec![-180.0, -181.0, -330.0, -330.0, -180.0, -180.0]);
    }

    #[test]
    fn a_ring_around_a_pole_is_closed_along_the_pole() {
        let mut ring = vec![c(-180.0, -80.0), c(0.0, -70.0), c(179.0, -80.0), c(-180.0, -80.0)];
        unwrap_longitudes(&mut ring);
        assert_eq!(ring.first(), ring.last());
        assert!(ring.iter().any(|p| p.y == -90.0));
    }

    #[test]
    fn a_polygon_unwrapped_far_from_the_extent_is_shifted_back_onto_it() {
        let eurasia_like = vec![
            c(-175.0, 60.0),
            c(170.0, 60.0),
            c(20.0, 60.0),
            c(20.0, 50.0),
            c(170.0, 50.0),
            c(-175.0, 50.0),
            c(-175.0, 60.0),
        ];
        let copies = copies_overlapping_extent(vec![eurasia_like], EXTENT);
        assert_eq!(copies.len(), 1);
        let clipped = clip_to_extent(copies, EXTENT);
        // 20°E … 42°E (the extent's east edge) × 50°N … 60°N.
        assert!((clipped.unsigned_area() - 22.0 * 10.0).abs() < 1e-6);

        let far_away = vec![c(100.0, 0.0), c(110.0, 0.0), c(110.0, 10.0), c(100.0, 0.0)];
        assert!(copies_overlapping_extent(vec![far_away], EXTENT).is_empty());
    }

    #[test]
    fn clipping_keeps_a_crossing_polygon_inside_the_extent() {
        // A square from 0°E 40°N to 10°E 50°N crosses the extent's south-west corner.
        let square = Polygon::new(
            LineString::from(vec![c(0.0, 40.0), c(10.0, 40.0), c(10.0, 50.0), c(0.0, 50.0), c(0.0, 40.0)]),
            vec![],
        );
        let clipped = clip_to_extent(vec![square], EXTENT);
        assert_eq!(clipped.0.len(), 1);
        for p in clipped.0.iter().flat_map(|poly| poly.exterior().0.iter()) {
            assert!((EXTENT.west..=EXTENT.east).contains(&p.x), "{p:?}");
            assert!((EXTENT.south..=EXTENT.north).contains(&p.y), "{p:?}");
        }
        // What is left is 3°E … 10°E × 43°N … 50°N.
        assert!((clipped.unsigned_area() - 49.0).abs() < 1e-9);
    }

    #[test]
    fn quantized_rings_stay_closed_oriented_and_drop_when_degenerate() {
        let clockwise = Polygon::new(
            LineString::from(vec![
                c(10.0, 50.0),
                c(10.0, 51.0),
                c(10.0004, 51.0001),
                c(11.0, 51.0),
                c(11.0, 50.0),
                c(10.0, 50.0),
            ]),
            vec![],
        );
        let sliver = Polygon::new(
            LineString::from(vec![c(20.0, 50.0), c(20.0001, 50.0), c(20.0001, 50.0001), c(20.0, 50.0)]),
            vec![],
        );
        let land = quantize(&MultiPolygon::new(vec![sliver, clockwise]), MIN_RING_AREA_SQ_DEG);
        assert_eq!(land.len(), 1);
        let ring = &land[0][0];
        assert_eq!(ring.first(), ring.last());
        assert_eq!(ring.len(), 5, "the duplicate created by rounding is removed: {ring:?}");
        assert!(ring_area2(ring) > 0, "exterior is counter-clockwise");
    }

    #[test]
    fn coordinates_are_formatted_without_trailing_zeros() {
        assert_eq!(format_coord(24105), "24.105");
        assert_eq!(format_coord(24100), "24.1");
        assert_eq!(format_coord(3000), "3");
        assert_eq!(format_coord(-500), "-0.5");
        assert_eq!(format_coord(-12), "-0.012");
    }
}
