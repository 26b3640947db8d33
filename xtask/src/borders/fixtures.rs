//! Test data shared by the borders modules' tests.
use geo::{MultiPolygon, Rect};

use crate::geometry::c;

/// A small overlay: one region and two periods that split the country `AAA` (the tests put a
/// real code in its place) between states `a` and `b`.
pub(super) const OVERLAY_TEXT: &str = r#"
    [[region]]
    name = "west-half"
    source = "a test"
    points = [[10, 50], [11, 50], [11, 52], [10, 52]]   # closed automatically

    [[period]]
    id = "a-1920-1930"
    state = "a"
    name = { en = "A", lv = "A", lt = "A", et = "A" }
    start = "1920-10-09"
    end = "1930"
    parts = ["AAA & west-half"]
    sources = ["Treaty"]
    note = "approximate: drawn by hand"

    [[period]]
    id = "b-1920"
    state = "b"
    name = { en = "B", lv = "B", lt = "B", et = "B" }
    start = "1920"
    end = "open"
    parts = ["AAA"]
    minus = ["@a-1920-1930"]
    sources = ["Treaty"]
    note = "approximate: the rest"
"#;

/// 10–12°E × 50–52°N, the country of the tests.
pub(super) fn square() -> MultiPolygon<f64> {
    MultiPolygon::new(vec![Rect::new(c(10.0, 50.0), c(12.0, 52.0)).to_polygon()])
}
