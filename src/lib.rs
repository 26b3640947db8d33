//! The entente-atlas app.
pub fn mount() {}
