//! The pure core of the Baltic Entente atlas: historic dates, places and events,
//! timeline queries, the map projection and layout, the interface's texts, and the
//! reading and checking of the curators' data files. Nothing here knows about the
//! browser, so it is tested with plain `cargo test` and shared by the app and the
//! validator.
pub mod borders;
pub mod changes;
pub mod compare;
pub mod data;
pub mod dataset;
pub mod export;
pub mod geo;
pub mod i18n;
pub mod kiosk;
pub mod lang;
pub mod link;
pub mod media;
pub mod model;
pub mod order;
pub mod qr;
pub mod settings;
pub mod sources;
pub mod stages;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod time;
pub mod timebar;
pub mod timeline;
pub mod tours;
pub mod water;
pub mod what_changed;

pub use data::{parse_basemap, Basemap, DataError, DataErrors, DataFile, Warning};
pub use dataset::DataSet;
pub use lang::{Lang, Localized};
pub use model::{
    DateClaim, Event, EventId, EventKind, EventRole, LonLat, PeriodName, Place, PlaceId, PlaceRole, State, StateId,
};
pub use time::{HistoricDate, Precision, Span};
pub use timeline::{Atlas, EventIndex, PlaceEvents};
