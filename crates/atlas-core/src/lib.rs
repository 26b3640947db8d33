//! atlas-core
