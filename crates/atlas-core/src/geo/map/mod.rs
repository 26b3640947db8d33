//! The map assembled from the atlas: the main frame's extent, the layout of frames, insets and
//! markers, label placement, treaty lanes, the palette, the sizes, and the map model that puts
//! them together for the app ([`model`]). It uses [`crate::geo::geometry`]; nothing there uses it.
pub mod callout;
pub mod detail;
pub mod dock;
pub mod frame;
pub mod lanes;
pub mod layout;
pub mod model;
pub mod palette;
pub mod placement;
pub mod style;
