//! End-to-end tests of the visitor's experience: layout, time bar, panels, details, kiosk (issue 9).
#[allow(unused_imports)]
use crate::support;
