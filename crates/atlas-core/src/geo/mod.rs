//! The map's geometry, in two layers: [`geometry`], pure plane geometry (projection, the one
//! rectangle type, paths, areas and clipping, zoom and pan), and [`map`], the map assembled
//! from the atlas (frames, markers, labels, treaty lanes, palette, sizes, and the map model the
//! app draws). `map` uses `geometry`, never the other way round.
pub mod geometry;
pub mod map;

pub use geometry::{
    area_and_centroid, frame_point, line_path, polygons_path, ring_contains, rings_path, GeoBounds, MapView, Mercator,
    PanDirection, Pointers, ScreenRect,
};
pub use map::lanes::{treaty_lanes, TreatyLine};
pub use map::layout::{declutter, EdgeMarker, Frame, MapLayout, Marker, PlaceMarker, MAX_EDGE_MARKERS};
pub use map::model::MapModel;
pub use map::{callout, detail, dock, frame, lanes, layout, model, palette, placement, style};
