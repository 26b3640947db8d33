//! The pure core of the Baltic Entente atlas: historic dates, places and events,
//! timeline queries, the map projection and layout, and the reading and checking
//! of the curators' GeoJSON files. Nothing here knows about the browser, so it is
//! tested with plain `cargo test` and shared by the app and the validator.
pub mod borders;
pub mod data;
pub mod geo;
pub mod i18n;
pub mod kiosk;
pub mod link;
pub mod model;
pub mod time;
pub mod timeline;

pub use data::{load_atlas, parse_basemap, Basemap, DataError, DataErrors, DataFile, Loaded, Warning};
pub use model::{Event, EventId, EventKind, Lang, Localized, LonLat, Place, PlaceId, State};
pub use time::{HistoricDate, Precision, Span};
pub use timeline::{Atlas, EventIndex};
