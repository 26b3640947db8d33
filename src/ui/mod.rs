//! The components: each displays what atlas-core computes.
mod active_list;
mod announcer;
mod atlas_view;
mod city_panel;
mod event_item;
mod icon_button;
mod kiosk;
mod lang_switcher;
mod load_error;
mod map;
mod playback;
mod text_size;
mod time_bar;
mod year_slider;

pub use active_list::ActiveList;
pub use announcer::YearAnnouncer;
pub use atlas_view::AtlasView;
pub use city_panel::CityPanel;
pub use event_item::EventItem;
pub use kiosk::{use_attract_loop, use_kiosk_idle, AttractHint, AttractLoop, KioskIdle, UseKioskIdleReturn};
pub use lang_switcher::LangSwitcher;
pub use load_error::LoadError;
pub use map::AtlasMap;
pub use playback::{use_playback_timers, PlaybackControls};
pub use text_size::TextSizeSwitch;
pub use time_bar::TimeBar;
pub use year_slider::YearSlider;
