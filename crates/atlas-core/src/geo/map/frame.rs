//! The extent of the main frame for a box of any shape: the Baltic states in the middle, their
//! neighbours around them, and as much more land and sea as the box's shape asks for, so that
//! the map fills its box without blank bands (never letterboxed).
use crate::geo::geometry::projection::{self, GeoBounds};
#[cfg(test)]
use crate::geo::geometry::{Mercator, ScreenRect};
use crate::model::LonLat;

/// Estonia, Latvia and Lithuania (with the Vilnius Region): the main frame is centred on them.
pub const BALTIC_STATES: GeoBounds = GeoBounds { west: 20.95, south: 53.9, east: 28.25, north: 59.7 };

/// What the main frame shows at any shape: the Baltic states and enough of each neighbour the
/// story needs to see it as land and name it: Finland's south coast, Sweden's east coast and
/// Gotland, Danzig and East Prussia, northern Poland with Warsaw and Soviet Russia up to Pskov
/// and Lake Peipus's east shore.
pub const MUST_SHOW: GeoBounds = GeoBounds { west: 18.0, south: 53.2, east: 30.5, north: 61.0 };

/// The land and borders of the data files cover this much (see docs/BORDERS.md); the main
/// frame stays inside it, so that nothing is drawn blank.
pub const DATA_EXTENT: GeoBounds = GeoBounds { west: 3.0, south: 43.0, east: 42.0, north: 63.0 };

fn raw(point: LonLat) -> (f64, f64) {
    projection::raw(point.lon, point.lat)
}

/// The box in longitude and latitude whose raw Mercator corners are these.
fn unraw(west: f64, south: f64, east: f64, north: f64) -> GeoBounds {
    let (w, s) = projection::raw_invert(west, south);
    let (e, n) = projection::raw_invert(east, north);
    GeoBounds { west: w, south: s, east: e, north: n }
}

/// The extent of a main frame of `width` × `height`: centred on [`BALTIC_STATES`], holding all
/// of [`MUST_SHOW`], and exactly of the box's shape (in Mercator), so that fitting it to the box
/// fills the box. Where the shape would reach past [`DATA_EXTENT`] (a very tall box reaching
/// north of 63°) the extent is moved back inside, off centre by as little as that needs.
///
/// ```
/// use atlas_core::geo::frame::{main_extent, BALTIC_STATES};
///
/// let wide = main_extent(1600.0, 900.0);
/// let tall = main_extent(900.0, 1600.0);
/// assert!(wide.east - wide.west > tall.east - tall.west, "a wide box shows more west and east");
/// for extent in [wide, tall] {
///     assert!(extent.west < BALTIC_STATES.west && extent.east > BALTIC_STATES.east);
///     assert!(extent.south < BALTIC_STATES.south && extent.north > BALTIC_STATES.north);
/// }
/// ```
pub fn main_extent(width: f64, height: f64) -> GeoBounds {
    let aspect = if width > 0.0 && height > 0.0 && (width / height).is_finite() { width / height } else { 1.5 };
    let (w0, s0) = raw(LonLat { lon: BALTIC_STATES.west, lat: BALTIC_STATES.south });
    let (e0, n0) = raw(LonLat { lon: BALTIC_STATES.east, lat: BALTIC_STATES.north });
    let (cx, cy) = ((w0 + e0) / 2.0, (s0 + n0) / 2.0);
    let (mw, ms) = raw(LonLat { lon: MUST_SHOW.west, lat: MUST_SHOW.south });
    let (me, mn) = raw(LonLat { lon: MUST_SHOW.east, lat: MUST_SHOW.north });
    let mut half_x = (cx - mw).max(me - cx);
    let mut half_y = (cy - ms).max(mn - cy);
    if half_x / half_y < aspect {
        half_x = half_y * aspect;
    } else {
        half_y = half_x / aspect;
    }
    let (dw, ds) = raw(LonLat { lon: DATA_EXTENT.west, lat: DATA_EXTENT.south });
    let (de, dn) = raw(LonLat { lon: DATA_EXTENT.east, lat: DATA_EXTENT.north });
    // Never larger than the data; then moved inside it.
    // Never larger than the data, keeping the box's shape (a frame wider than the data is
    // made lower instead, showing a little less to the north and south).
    if half_x > (de - dw) / 2.0 {
        half_x = (de - dw) / 2.0;
        half_y = half_x / aspect;
    }
    if half_y > (dn - ds) / 2.0 {
        half_y = (dn - ds) / 2.0;
        half_x = half_y * aspect;
    }
    // (`max` then `min`, not `clamp`: the two limits meet when the frame is the data's width.)
    let cx = cx.max(dw + half_x).min(de - half_x);
    let cy = cy.max(ds + half_y).min(dn - half_y);
    unraw(cx - half_x, cy - half_y, cx + half_x, cy + half_y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of the frame's width and height, and the offset of the Baltic states' centre
    /// from the frame's centre (as shares of its width and height), on a box of this shape.
    fn measure(aspect: f64) -> (ScreenRect, ScreenRect, (f64, f64)) {
        let (width, height) = (1000.0 * aspect.sqrt(), 1000.0 / aspect.sqrt());
        let rect = ScreenRect { x: 0.0, y: 0.0, width, height };
        let projection = Mercator::fit(main_extent(width, height), rect);
        let nw = projection.project(LonLat { lon: BALTIC_STATES.west, lat: BALTIC_STATES.north }).expect("on the map");
        let se = projection.project(LonLat { lon: BALTIC_STATES.east, lat: BALTIC_STATES.south }).expect("on the map");
        let baltic = ScreenRect { x: nw.0, y: nw.1, width: se.0 - nw.0, height: se.1 - nw.1 };
        let offset = ((nw.0 + se.0) / 2.0 / width - 0.5, (nw.1 + se.1) / 2.0 / height - 0.5);
        (rect, baltic, offset)
    }

    #[test]
    fn for_every_shape_the_frame_fills_the_box_with_the_baltic_states_centred_and_inside() {
        for step in 0..=20 {
            let aspect = 0.5 + step as f64 * 0.1;
            let (width, height) = (1000.0 * aspect.sqrt(), 1000.0 / aspect.sqrt());
            let extent = main_extent(width, height);
            let rect = ScreenRect { x: 0.0, y: 0.0, width, height };
            let projection = Mercator::fit(extent, rect);
            // The extent has the box's shape: its corners are the box's corners (no band).
            let nw = projection.project(LonLat { lon: extent.west, lat: extent.north }).expect("finite");
            let se = projection.project(LonLat { lon: extent.east, lat: extent.south }).expect("finite");
            assert!(nw.0.abs() < 1e-6 && nw.1.abs() < 1e-6, "{aspect}: {nw:?}");
            assert!((se.0 - width).abs() < 1e-6 && (se.1 - height).abs() < 1e-6, "{aspect}: {se:?}");
            let (_, baltic, (dx, dy)) = measure(aspect);
            assert!(baltic.x > 0.0 && baltic.y > 0.0, "{aspect}: {baltic:?}");
            assert!(baltic.x + baltic.width < width && baltic.y + baltic.height < height, "{aspect}: {baltic:?}");
            // Off centre only where the box is so wide (above 2.2) or so tall (below 0.6) that a
            // centred frame would reach past the data's land (east of 42° E, north of 63° N).
            assert!(dx.abs() < 0.06, "{aspect}: centred across ({dx})");
            assert!(dy.abs() < 0.08, "{aspect}: centred up and down within 8% ({dy})");
            let share = baltic.width * baltic.height / (width * height);
            // The Baltic states' box takes at least 12% of the frame, and 40% of its height or width.
            assert!(share > 0.12, "{aspect}: the Baltic states take {share:.2} of the frame");
            assert!(baltic.height / height > 0.4 || baltic.width / width > 0.4, "{aspect}: {baltic:?}");
            // All of what must be shown, except at the widest shapes, where the frame keeps the
            // box's shape and so shows a little less north and south of the Baltic states.
            for (lon, lat, what) in
                [(MUST_SHOW.west, MUST_SHOW.south, "south-west"), (MUST_SHOW.east, MUST_SHOW.north, "north-east")]
            {
                let (x, y) = projection.project(LonLat { lon, lat }).expect("finite");
                let slack = if aspect > 2.2 { 0.1 * height } else { 0.0 };
                assert!(
                    (0.0..=width).contains(&x) && (-slack..=height + slack).contains(&y),
                    "{aspect}: {what} cut off"
                );
            }
            assert!(extent.north <= DATA_EXTENT.north + 1e-9 && extent.west >= DATA_EXTENT.west - 1e-9);
            assert!(extent.east <= DATA_EXTENT.east + 1e-9 && extent.south >= DATA_EXTENT.south - 1e-9);
        }
    }

    #[test]
    fn a_box_without_size_gets_a_usual_shape() {
        assert_eq!(main_extent(0.0, 0.0), main_extent(1500.0, 1000.0));
        assert_eq!(main_extent(f64::NAN, 10.0), main_extent(1500.0, 1000.0));
    }
}
