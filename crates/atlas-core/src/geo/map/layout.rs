//! The map's frames: the Baltic region, with an inset for each place far from it
//! (Geneva, Berlin, …), and markers moved apart where cities nearly coincide
//! (Bulduri is 15 km from Riga).
use crate::geo::geometry::projection::{great_circle_km, raw, raw_invert};
use crate::geo::geometry::{GeoBounds, Mercator, ScreenRect};
use crate::model::{LonLat, Place, PlaceId};
use crate::timeline::Atlas;

/// Markers closer than this (SVG units) are moved apart, with a leader line; wide
/// enough for the larger labels on a phone.
const MARKER_SPACING: f64 = 44.0;

/// A rectangle of the map with its own projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// `main`, or the id of the place an inset is for.
    pub id: String,
    pub bounds: GeoBounds,
    pub rect: ScreenRect,
    pub projection: Mercator,
}

/// The main frame and its insets.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    /// The main frame first, then the insets, top to bottom along the left edge.
    pub frames: Vec<Frame>,
    /// Places beyond the main frame that found no inset (there are at most [`MAX_INSETS`]): a
    /// marker at the main frame's edge, in their direction.
    pub edge: Vec<EdgeMarker>,
}

/// At most this many places beyond the frame get an edge marker (the nearest); farther ones
/// are reached through the list and their panels.
pub const MAX_EDGE_MARKERS: usize = 6;

/// At most this many insets (fewer on a small map); further far places get an [`EdgeMarker`].
pub const MAX_INSETS: usize = 3;
/// An inset shows this many degrees of longitude on each side of its place (its height
/// follows from its shape): enough for the land, water and borders around a capital.
const FITTED_INSET_HALF_LON: f64 = 3.0;
/// An edge marker sits this far (SVG units) inside the main frame's edge.
const EDGE_INSET: f64 = 22.0;

/// A place beyond the main frame, shown by an arrow at the frame's edge pointing towards it,
/// labelled with its name and how far beyond the edge it lies ("Berlin 420 km"): a direction,
/// never a city's dot at a false position.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeMarker {
    pub id: String,
    /// Where the arrow is drawn, just inside the main frame's edge, on the line from the
    /// frame's centre towards the place.
    pub position: (f64, f64),
    /// The direction towards the place, in degrees clockwise from east (SVG's rotation).
    pub angle: f64,
    /// Where that line leaves the main frame (on its edge).
    pub exit: (f64, f64),
    /// The great-circle distance from [`EdgeMarker::exit`] to the place, in kilometres,
    /// rounded as the label writes it ([`rounded_km`]).
    pub distance_km: u32,
    /// The direction towards the place, as a reader names it.
    pub compass: Compass,
}

/// The eight directions of the compass, as an edge marker's accessible name says them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compass {
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

impl Compass {
    /// The direction nearest to a screen angle (degrees clockwise from east, y down, north up:
    /// the map's Mercator keeps angles, so this is the bearing's direction too).
    ///
    /// ```
    /// use atlas_core::geo::layout::Compass;
    ///
    /// assert_eq!(Compass::of_screen_angle(0.0), Compass::East);
    /// assert_eq!(Compass::of_screen_angle(-90.0), Compass::North);
    /// assert_eq!(Compass::of_screen_angle(140.0), Compass::SouthWest);
    /// assert_eq!(Compass::of_screen_angle(-170.0), Compass::West);
    /// ```
    pub fn of_screen_angle(degrees: f64) -> Compass {
        const CLOCKWISE_FROM_EAST: [Compass; 8] = [
            Compass::East,
            Compass::SouthEast,
            Compass::South,
            Compass::SouthWest,
            Compass::West,
            Compass::NorthWest,
            Compass::North,
            Compass::NorthEast,
        ];
        let sector = (degrees / 45.0).round().rem_euclid(8.0) as usize;
        CLOCKWISE_FROM_EAST[sector.min(7)]
    }
}

/// A distance in kilometres as a label writes it: to the nearest 10 km below 1,000 km, to the
/// nearest 100 km above, and never less than 10 km (a place just beyond the edge is "10 km"
/// away, not "0 km").
///
/// ```
/// use atlas_core::geo::layout::rounded_km;
///
/// assert_eq!(rounded_km(423.7), 420);
/// assert_eq!(rounded_km(3.0), 10);
/// assert_eq!(rounded_km(1249.0), 1200);
/// assert_eq!(rounded_km(996.0), 1000);
/// ```
pub fn rounded_km(km: f64) -> u32 {
    let step = if km < 995.0 { 10.0 } else { 100.0 };
    ((km.max(0.0) / step).round() * step).max(10.0) as u32
}

impl MapLayout {
    /// The map for a box of `width` × `height` SVG units (the element's CSS pixels): the main
    /// frame fills the whole box ([`super::frame::main_extent`]: the Baltic states centred,
    /// never letterboxed), with an inset along the left edge for each of the first
    /// [`MAX_INSETS`] of `far_places` beyond it, and an [`EdgeMarker`] for any further one.
    /// `far_places` are the places that need to be reachable (those where something happened);
    /// places inside the frame are skipped. `controls` is the corner the map's buttons cover:
    /// the insets on the right start under it.
    ///
    /// ```
    /// use atlas_core::geo::{MapLayout, ScreenRect};
    /// use atlas_core::LonLat;
    ///
    /// let buttons = ScreenRect::from_edges(1142.0, 0.0, 1200.0, 164.0);
    /// let far = [("geneva", LonLat { lon: 6.15, lat: 46.2 }), ("berlin", LonLat { lon: 13.41, lat: 52.52 })];
    /// let layout = MapLayout::fitted(1200.0, 800.0, far, buttons);
    /// let main = layout.frames[0].rect;
    /// assert_eq!((main.width, main.height), (1200.0, 800.0), "the main frame fills the box");
    /// // Geneva gets an inset; Berlin is just inside this frame's south-west corner.
    /// assert_eq!(layout.frames.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["main", "geneva"]);
    /// assert_eq!(layout.frame_for(LonLat { lon: 13.41, lat: 52.52 }).id, "main");
    /// // Helsinki is in the main frame: no inset.
    /// let near = MapLayout::fitted(1200.0, 800.0, [("helsinki", LonLat { lon: 24.94, lat: 60.17 })], buttons);
    /// assert_eq!(near.frames.len(), 1);
    /// ```
    pub fn fitted<'a>(
        width: f64,
        height: f64,
        far_places: impl IntoIterator<Item = (&'a str, LonLat)>,
        controls: ScreenRect,
    ) -> MapLayout {
        let main_rect = ScreenRect { x: 0.0, y: 0.0, width, height };
        let bounds = super::frame::main_extent(width, height);
        let main =
            Frame { id: "main".to_owned(), bounds, rect: main_rect, projection: Mercator::fit(bounds, main_rect) };
        // Places within this margin of the edge would have their marker cut: they get an inset.
        let margin = 0.015;
        let inner = GeoBounds {
            west: bounds.west + margin * (bounds.east - bounds.west),
            east: bounds.east - margin * (bounds.east - bounds.west),
            south: bounds.south + margin * (bounds.north - bounds.south),
            north: bounds.north - margin * (bounds.north - bounds.south),
        };
        let gap = (0.012 * width).max(8.0);
        let inset_width = (0.19 * width.min(height * 1.6)).clamp(100.0, 230.0).min(0.34 * width);
        // The right column starts under the zoom buttons.
        let right_top = controls.bottom() + gap / 2.0;
        let mut layout = MapLayout { width, height, frames: vec![main], edge: Vec::new() };
        // The places beyond the frame, the farthest first: they get the insets, and the nearest
        // (just past an edge) the edge markers. A small map has room for fewer insets.
        let centre = ((bounds.west + bounds.east) / 2.0, (bounds.south + bounds.north) / 2.0);
        let away = |p: &LonLat| (p.lon - centre.0).hypot(p.lat - centre.1);
        let mut beyond: Vec<(&str, LonLat)> = far_places.into_iter().filter(|(_, p)| !inner.contains(*p)).collect();
        crate::order::sort_by(&mut beyond, |a, b| away(&b.1).total_cmp(&away(&a.1)));
        let room = if width.min(height) < 450.0 { MAX_INSETS - 1 } else { MAX_INSETS };
        let (insets, edges) = beyond.split_at(room.min(beyond.len()));
        // The nearest few only: hundreds of far places (a large atlas) would line the edges.
        let edges = &edges[edges.len().saturating_sub(MAX_EDGE_MARKERS)..];
        // West of the frame's middle: down the left edge (towards Geneva and Berlin); east:
        // down the right edge, under the buttons (towards Moscow).
        let east = |p: &LonLat| p.lon > centre.0;
        let column_height = |count: usize, top: f64| {
            let n = count.max(1) as f64;
            (inset_width * 0.72).min((height - top - gap * n) / n).max(40.0)
        };
        let east_count = insets.iter().filter(|(_, p)| east(p)).count();
        let (west_height, east_height) =
            (column_height(insets.len() - east_count, gap), column_height(east_count, right_top));
        let (mut left, mut right) = (0.0, 0.0);
        for &(id, location) in insets {
            let rect = if east(&location) {
                let y = right_top + right * (east_height + gap);
                right += 1.0;
                ScreenRect { x: width - gap - inset_width, y, width: inset_width, height: east_height }
            } else {
                let y = gap + left * (west_height + gap);
                left += 1.0;
                ScreenRect { x: gap, y, width: inset_width, height: west_height }
            };
            let bounds = inset_bounds(location, rect);
            layout.frames.push(Frame { id: id.to_owned(), bounds, rect, projection: Mercator::fit(bounds, rect) });
        }
        for &(id, location) in edges {
            if !layout.frames.iter().skip(1).any(|f| f.bounds.contains(location)) {
                // A place in the thin band along the edge is drawn where it is (its marker may
                // be cut a little), not as an arrow pointing at itself.
                if let Some(marker) = edge_marker(&layout.frames[0], id, location) {
                    layout.edge.push(marker);
                }
            }
        }
        layout
    }

    /// Where the marker of place `id` at `location` is drawn: at its edge marker, else where
    /// the frame that shows it puts it.
    pub fn marker_at(&self, id: &str, location: LonLat) -> Option<(f64, f64)> {
        match self.edge.iter().find(|e| e.id == id) {
            Some(edge) => Some(edge.position),
            None => self.project(location),
        }
    }

    /// Whether a point is shown: in an inset, or inside the main frame's rectangle.
    pub fn shows(&self, point: LonLat) -> bool {
        let frame = self.frame_for(point);
        frame.projection.project(point).is_some_and(|(x, y)| {
            let r = frame.rect;
            (r.x..=r.x + r.width).contains(&x) && (r.y..=r.y + r.height).contains(&y)
        })
    }

    /// The frame a point is drawn in: the inset that holds it, else the main frame.
    pub fn frame_for(&self, point: LonLat) -> &Frame {
        &self.frames[self.frame_index_for(point)]
    }

    /// The index in [`MapLayout::frames`] of the frame a point is drawn in.
    pub fn frame_index_for(&self, point: LonLat) -> usize {
        self.frames.iter().skip(1).position(|f| f.bounds.contains(point)).map_or(0, |i| i + 1)
    }

    /// Screen position of a point, in the frame that shows it.
    pub fn project(&self, point: LonLat) -> Option<(f64, f64)> {
        self.frame_for(point).projection.project(point)
    }
}

/// The extent of an inset at `rect` centred on `place`: [`FITTED_INSET_HALF_LON`] degrees
/// either side, and as far north and south as the rectangle's shape needs (so it is filled).
fn inset_bounds(place: LonLat, rect: ScreenRect) -> GeoBounds {
    let half_x = FITTED_INSET_HALF_LON.to_radians();
    let half_y = half_x * rect.height / rect.width;
    let (_, cy) = raw(place.lon, place.lat);
    let (_, south) = raw_invert(0.0, cy - half_y);
    let (_, north) = raw_invert(0.0, cy + half_y);
    GeoBounds { west: place.lon - FITTED_INSET_HALF_LON, south, east: place.lon + FITTED_INSET_HALF_LON, north }
}

/// A marker just inside `main`'s edge, on the line from the frame's centre towards `location`,
/// with the distance from where that line leaves the frame to the place; `None` for a place
/// inside the frame's rectangle (or one that cannot be projected).
fn edge_marker(main: &Frame, id: &str, location: LonLat) -> Option<EdgeMarker> {
    let r = main.rect;
    let centre = r.centre();
    let target = main.projection.project(location)?;
    let (dx, dy) = (target.0 - centre.0, target.1 - centre.1);
    // How far along the line from the centre the frame's edge, and the marker, are.
    let beyond = |half_w: f64, half_h: f64| (dx.abs() / half_w.max(1.0)).max(dy.abs() / half_h.max(1.0));
    let to_edge = beyond(r.width / 2.0, r.height / 2.0);
    if to_edge <= 1.0 {
        return None;
    }
    let exit = (centre.0 + dx / to_edge, centre.1 + dy / to_edge);
    let to_marker = beyond(r.width / 2.0 - EDGE_INSET, r.height / 2.0 - EDGE_INSET);
    let angle = dy.atan2(dx).to_degrees();
    Some(EdgeMarker {
        id: id.to_owned(),
        position: (centre.0 + dx / to_marker, centre.1 + dy / to_marker),
        angle,
        exit,
        distance_km: rounded_km(great_circle_km(main.projection.invert(exit), location)),
        compass: Compass::of_screen_angle(angle),
    })
}

/// A marker moved apart from its neighbours by [`declutter`]: where it belongs, and where it
/// is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker<Id = String> {
    pub id: Id,
    /// The city's true position.
    pub anchor: (f64, f64),
    /// Where the marker is drawn; differs from `anchor` when it was moved apart.
    pub position: (f64, f64),
}

impl<Id> Marker<Id> {
    pub fn is_moved(&self) -> bool {
        self.anchor != self.position
    }
}

/// The straight distance between two screen points.
pub(super) fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Places markers in the order given (most important first): each stays at its anchor unless it
/// would come closer than `min_distance` to one already placed; then it is moved away from that
/// one, trying directions in turn, to the first position that `allowed` accepts (inside the
/// frame, off the insets), and a leader line can join it to its anchor.
pub fn declutter<Id>(
    anchors: impl IntoIterator<Item = (Id, (f64, f64))>,
    min_distance: f64,
    allowed: impl Fn((f64, f64)) -> bool,
) -> Vec<Marker<Id>> {
    let mut placed: Vec<Marker<Id>> = Vec::new();
    for (id, anchor) in anchors {
        let crowding = |p: (f64, f64), placed: &[Marker<Id>]| {
            placed.iter().map(|m| m.position).find(|&q| distance(p, q) < min_distance - 1e-9)
        };
        let position = match crowding(anchor, &placed) {
            None => anchor,
            Some(neighbour) => {
                let gap = distance(anchor, neighbour);
                let base = if gap > 1e-9 {
                    (anchor.1 - neighbour.1).atan2(anchor.0 - neighbour.0)
                } else {
                    std::f64::consts::PI // coincident: to the west
                };
                (0..16)
                    .map(|step| {
                        // base, then ±22.5°, ±45°, … alternating
                        let turn = ((step + 1) / 2) as f64 * std::f64::consts::PI / 8.0;
                        let angle = if step % 2 == 1 { base + turn } else { base - turn };
                        (neighbour.0 + min_distance * angle.cos(), neighbour.1 + min_distance * angle.sin())
                    })
                    .find(|&p| crowding(p, &placed).is_none() && allowed(p))
                    .unwrap_or(anchor)
            }
        };
        placed.push(Marker { id, anchor, position });
    }
    placed
}

/// A place's marker on the map: the place, the frame it is drawn in (index in
/// [`MapLayout::frames`]; an edge marker is in the main frame), where the place is and where
/// its marker is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMarker {
    pub place: PlaceId,
    pub frame: usize,
    /// The place's true position on screen (for an edge marker, the arrow's own: the place
    /// itself is beyond the frame).
    pub anchor: (f64, f64),
    /// Where the marker is drawn; differs from `anchor` when it was moved apart.
    pub position: (f64, f64),
    /// Only named by the story (a small dot, no panel).
    pub context: bool,
    /// An arrow at the main frame's edge, pointing to a place beyond it (see [`EdgeMarker`]),
    /// not a city's dot.
    pub at_edge: bool,
}

impl PlaceMarker {
    pub fn is_moved(&self) -> bool {
        self.anchor != self.position
    }
}

/// The atlas's place markers on `layout`, the busiest first (most conferences, then by id)
/// so that they keep their true place, and the others moved apart from them where they crowd.
///
/// ```
/// use atlas_core::geo::layout::city_markers;
/// use atlas_core::geo::{MapLayout, ScreenRect};
/// use atlas_core::{Atlas, LonLat, Place, PlaceId};
///
/// let place = |id: &str, lon: f64, lat: f64| Place {
///     id: PlaceId::new(id).expect("slug"),
///     name: Default::default(),
///     location: LonLat { lon, lat },
///     sources: vec![],
///     role: Default::default(),
///     names: vec![],
/// };
/// let atlas = Atlas::new(vec![place("riga", 24.11, 56.95), place("bulduri", 23.87, 56.98)], vec![]);
/// let layout = MapLayout::fitted(1000.0, 700.0, [], ScreenRect::from_edges(942.0, 0.0, 1000.0, 164.0));
/// let markers = city_markers(&atlas, &layout);
/// assert_eq!(markers.iter().map(|m| m.place.as_str()).collect::<Vec<_>>(), ["bulduri", "riga"]);
/// assert!(!markers[0].is_moved() && markers[1].is_moved(), "15 km apart: one is moved");
/// assert!(markers.iter().all(|m| m.frame == 0));
/// ```
pub fn city_markers(atlas: &Atlas, layout: &MapLayout) -> Vec<PlaceMarker> {
    // A town comes only with zoom (`geo::map::detail`): it moves no marker at the whole map.
    let mut places: Vec<_> = atlas.places().iter().filter(|p| !p.is_town()).collect();
    crate::order::sort_by(&mut places, |a, b| {
        let count = |p: &Place| std::cmp::Reverse(atlas.conference_indices_at(&p.id).len());
        count(a).cmp(&count(b)).then_with(|| a.id.cmp(&b.id))
    });
    let at_edge = |p: &Place| layout.edge.iter().any(|e| e.id == p.id.as_str());
    // The edge markers first: their arrows stay on the line towards their place, and the
    // cities give way to them.
    let mut anchors: Vec<(usize, (f64, f64))> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| layout.shows(p.location) || at_edge(p))
        .filter_map(|(i, p)| layout.marker_at(p.id.as_str(), p.location).map(|xy| (i, xy)))
        .collect();
    crate::order::sort_by_key(&mut anchors, |&(i, _)| !at_edge(places[i]));
    // Wide enough for a label between two markers on a desktop, less on a phone.
    let spacing = (layout.width / 22.0).clamp(30.0, MARKER_SPACING);
    let main = layout.frames[0].rect;
    let keep_off = 30.0;
    let allowed = |(x, y): (f64, f64)| {
        let inside = x > main.x + keep_off / 2.0 && x < main.x + main.width - keep_off / 2.0;
        let off_insets = layout.frames.iter().skip(1).all(|f| {
            let r = f.rect;
            x < r.x - keep_off || x > r.x + r.width + keep_off || y < r.y - keep_off || y > r.y + r.height + keep_off
        });
        inside && off_insets
    };
    let mut markers = declutter(anchors, spacing, allowed);
    crate::order::sort_by_key(&mut markers, |m| m.id);
    markers
        .into_iter()
        .map(|Marker { id, anchor, position }| {
            let place = places[id];
            let at_edge = at_edge(place);
            let frame = if at_edge { 0 } else { layout.frame_index_for(place.location) };
            PlaceMarker { place: place.id.clone(), frame, anchor, position, context: place.is_context(), at_edge }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    /// The zoom buttons' corner of a map `width` wide.
    fn buttons(width: f64) -> ScreenRect {
        ScreenRect::from_edges(width - 58.0, 0.0, width, 164.0)
    }

    #[test]
    fn places_outside_the_region_get_insets_inside_the_map() {
        let layout = MapLayout::fitted(
            1000.0,
            700.0,
            [("riga", at(24.1, 56.95)), ("geneva", at(6.14, 46.2)), ("paris", at(2.35, 48.86))],
            buttons(1000.0),
        );
        let ids: Vec<&str> = layout.frames.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["main", "paris", "geneva"], "the farthest first");
        for frame in &layout.frames {
            let r = frame.rect;
            assert!(r.x >= 0.0 && r.y >= 0.0 && r.x + r.width <= layout.width && r.y + r.height <= layout.height);
        }
        let geneva = layout.project(at(6.14, 46.2)).expect("finite");
        let inset = layout.frames[2].rect;
        assert!((geneva.0 - (inset.x + inset.width / 2.0)).abs() < 1.0, "{geneva:?} centred in {inset:?}");
        assert_eq!(layout.frame_for(at(24.1, 56.95)).id, "main");
    }

    #[test]
    fn the_city_with_most_conferences_keeps_its_place() {
        use crate::model::{Event, EventKind, Place, PlaceId};
        let place = |id: &str, location: LonLat| Place {
            id: PlaceId::new(id).expect("slug"),
            name: Default::default(),
            location,
            sources: vec![],
            role: Default::default(),
            names: vec![],
        };
        let conference = |id: &str, year: i32, place: &str| Event {
            place: PlaceId::new(place),
            ..crate::timeline::tests::event(id, EventKind::Conference, year, None)
        };
        let places =
            vec![place("bulduri", at(23.87, 56.98)), place("riga", at(24.11, 56.95)), place("geneva", at(6.14, 46.2))];
        let atlas = Atlas::new(places, vec![conference("one", 1935, "riga"), conference("two", 1936, "riga")]);
        let layout = MapLayout::fitted(
            1000.0,
            700.0,
            atlas.places().iter().map(|p| (p.id.as_str(), p.location)),
            buttons(1000.0),
        );
        let markers = city_markers(&atlas, &layout);
        let ids: Vec<&str> = markers.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(ids, ["riga", "bulduri", "geneva"], "busiest first, then by id");
        assert!(!markers[0].is_moved() && markers[1].is_moved() && !markers[2].is_moved());
        assert!(distance(markers[0].position, markers[1].position) >= MARKER_SPACING - 1e-6);
        assert_eq!(Some(markers[2].position), layout.project(at(6.14, 46.2)), "in its inset");
        assert_eq!(markers[2].frame, 1);
    }

    #[test]
    fn hundreds_of_far_places_get_at_most_a_few_edge_markers_the_nearest() {
        // A ring of places far around the Baltic, and one just past the frame's south edge.
        let names: Vec<String> = (0..300).map(|i| format!("far-{i}")).collect();
        let mut far: Vec<(&str, LonLat)> = names
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let angle = i as f64 * 0.021;
                (id.as_str(), at(24.0 + 30.0 * angle.cos(), 57.0 + 14.0 * angle.sin()))
            })
            .collect();
        let layout = MapLayout::fitted(900.0, 700.0, far.clone(), buttons(900.0));
        assert!(layout.edge.len() <= MAX_EDGE_MARKERS, "{} edge markers", layout.edge.len());
        far.push(("near", at(24.0, 52.0)));
        let layout = MapLayout::fitted(900.0, 700.0, far, buttons(900.0));
        assert!(layout.edge.iter().any(|e| e.id == "near"), "the nearest far place keeps its marker");
    }

    #[test]
    fn at_most_three_insets_and_edge_markers_beyond_inside_the_frame() {
        let far = [
            ("geneva", at(6.14, 46.2)),
            ("london", at(-0.13, 51.5)),
            ("paris", at(2.35, 48.86)),
            ("moscow", at(37.62, 55.75)),
            ("berlin", at(13.4, 52.52)),
            ("riga", at(24.1, 56.95)),
        ];
        let layout = MapLayout::fitted(900.0, 700.0, far, buttons(900.0));
        assert_eq!(
            layout.frames.len(),
            1 + MAX_INSETS,
            "{:?}",
            layout.frames.iter().map(|f| &f.id).collect::<Vec<_>>()
        );
        assert_eq!(layout.edge.len(), 2, "the two nearest far places: {:?}", layout.edge);
        assert!(layout.frame_for(at(24.1, 56.95)).id == "main" && layout.edge.iter().all(|e| e.id != "riga"));
        for edge in &layout.edge {
            let (x, y) = edge.position;
            assert!(x > 0.0 && x < 900.0 && y > 0.0 && y < 700.0, "{edge:?} inside the frame");
        }
        // Insets never overlap each other, and fill their rectangles (no letterbox).
        let insets = &layout.frames[1..];
        for (i, a) in insets.iter().enumerate() {
            for b in &insets[i + 1..] {
                let (r, q) = (a.rect, b.rect);
                assert!(r.x + r.width <= q.x || q.x + q.width <= r.x || r.y + r.height <= q.y || q.y + q.height <= r.y);
            }
            let corner = a.projection.project(at(a.bounds.east, a.bounds.south)).expect("finite");
            assert!(
                (corner.0 - (a.rect.x + a.rect.width)).abs() < 1e-6
                    && (corner.1 - (a.rect.y + a.rect.height)).abs() < 1e-6
            );
        }
        let marker = layout.marker_at("london", at(-0.13, 51.5)).expect("a position");
        assert!(layout.edge.iter().any(|e| e.position == marker) || insets.iter().any(|f| f.id == "london"));
    }

    #[test]
    fn markers_far_apart_stay_put() {
        let markers = declutter([("a".to_owned(), (0.0, 0.0)), ("b".to_owned(), (100.0, 0.0))], 20.0, |_| true);
        assert!(markers.iter().all(|m| !m.is_moved()));
    }

    #[test]
    fn close_markers_are_moved_apart_away_from_each_other() {
        // Riga first, Bulduri 12 units to its west.
        let markers =
            declutter([("riga".to_owned(), (500.0, 400.0)), ("bulduri".to_owned(), (488.0, 401.0))], 30.0, |_| true);
        assert!(!markers[0].is_moved());
        let bulduri = &markers[1];
        assert!(bulduri.is_moved());
        assert!(distance(bulduri.position, markers[0].position) >= 30.0 - 1e-6);
        assert!(bulduri.position.0 < 488.0, "moved further west: {:?}", bulduri.position);
    }

    #[test]
    fn coincident_markers_are_separated() {
        let markers = declutter(
            [("a".to_owned(), (10.0, 10.0)), ("b".to_owned(), (10.0, 10.0)), ("c".to_owned(), (10.0, 10.0))],
            5.0,
            |_| true,
        );
        for (i, a) in markers.iter().enumerate() {
            for b in &markers[i + 1..] {
                assert!(distance(a.position, b.position) >= 5.0 - 1e-6, "{a:?} {b:?}");
            }
        }
    }
}
