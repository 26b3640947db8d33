//! The entente-atlas app's entry point; everything else is in the library.
fn main() {
    entente_atlas::mount();
}
