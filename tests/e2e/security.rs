//! End-to-end tests of strict security policy, memory, the embed bridge and accessibility (issue 11).
#[allow(unused_imports)]
use crate::support;
