//! Helpers shared by the integration tests that run the validator on a copy of the data.
use std::path::Path;

/// Copies the folder `from` (the committed data) to `to`, subfolders included.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creating a data folder");
    for entry in std::fs::read_dir(from).expect("reading the committed data") {
        let path = entry.expect("a folder entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copying a data file");
        }
    }
}
