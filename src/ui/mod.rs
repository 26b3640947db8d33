//! The components: each displays what atlas-core computes.
mod active_list;
mod announcer;
mod atlas_view;
mod city_panel;
mod compare;
mod event_item;
mod event_media;
mod handoff;
mod icon_button;
mod kiosk;
mod lang_switcher;
mod load_error;
mod map;
mod playback;
mod print_sheet;
mod text_size;
mod time_bar;
mod tour;
mod what_changed;
mod year_slider;

pub use active_list::ActiveList;
pub use announcer::YearAnnouncer;
pub use atlas_view::AtlasView;
pub use city_panel::CityPanel;
pub use compare::{
    provide_compare, use_compare, CompareButton, CompareCityPanel, CompareMaps, CompareState, CompareSummary,
};
pub use event_item::EventItem;
pub use event_media::EventMedia;
pub use handoff::HeaderTools;
pub use kiosk::{use_attract_loop, use_kiosk_idle, AttractHint, AttractLoop, KioskIdle, UseKioskIdleReturn};
pub use lang_switcher::LangSwitcher;
pub use load_error::LoadError;
pub use map::AtlasMap;
pub use playback::{use_playback_timers, PlaybackControls};
pub use print_sheet::PrintSheet;
pub use text_size::TextSizeSwitch;
pub use time_bar::TimeBar;
pub use tour::{provide_tour, use_tour, TourButton, TourRow, TourState};
pub use what_changed::{provide_what_changed, WhatChangedLine, WhatChangedText};
pub use year_slider::YearSlider;
