//! End-to-end tests of the map: composition, colours, labels, treaty lines and insets (issue 10).
#[allow(unused_imports)]
use crate::support;
