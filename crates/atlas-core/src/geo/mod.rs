//! Geometry for the map: projection, SVG paths and the layout of map frames.
pub mod layout;
pub mod path;
pub mod projection;
pub mod view;

pub use layout::{declutter, label_position, ring_contains, Frame, MapLayout, Marker};
pub use path::{line_path, polygons_path, rings_path};
pub use projection::{GeoBounds, Mercator, ScreenRect};
pub use view::MapView;
