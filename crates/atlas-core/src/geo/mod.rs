//! Geometry for the map: projection, SVG paths and the layout of map frames.
pub mod area;
pub mod frame;
pub mod gesture;
pub mod label;
pub mod lanes;
pub mod layout;
pub mod map_labels;
pub mod palette;
pub mod path;
pub mod placement;
pub mod projection;
pub mod view;

pub use area::{area_and_centroid, ring_contains};
pub use gesture::{frame_point, Pointers};
pub use label::{city_label_obstacles, label_position, state_label_position, LabelOffset, LabelSide};
pub use lanes::{treaty_lanes, treaty_paths, TreatyLine};
pub use layout::{city_markers, declutter, EdgeMarker, Frame, MapLayout, Marker, MAX_EDGE_MARKERS};
pub use path::{line_path, polygons_path, rings_path};
pub use projection::{GeoBounds, Mercator, ScreenRect};
pub use view::MapView;
