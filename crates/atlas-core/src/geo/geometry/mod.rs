//! Pure plane geometry: the Mercator projection, the one rectangle type, SVG paths, areas and
//! clipping of screen rings, and the reader's zoom and pan. Nothing here knows the atlas.
pub mod area;
pub mod gesture;
pub mod path;
pub mod projection;
pub mod rect;
pub mod view;

pub use area::{area_and_centroid, clip_ring, ring_contains};
pub use gesture::{frame_point, Pointers};
pub use path::{line_path, line_path_into, polygons_path, rings_path};
pub use projection::{GeoBounds, Mercator};
pub use rect::ScreenRect;
pub use view::{MapView, PanDirection};
