//! The reader's zoom and pan of the map, kept within limits so that the map
//! always fills its frame.

/// The closest and farthest zoom.
pub const MIN_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 6.0;

/// A zoom and pan: a map point `p` is drawn at `p * scale + (x, y)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

impl Default for MapView {
    fn default() -> Self {
        MapView::HOME
    }
}

impl MapView {
    /// The whole map, unzoomed.
    pub const HOME: MapView = MapView { scale: 1.0, x: 0.0, y: 0.0 };

    /// Zooms by `factor` keeping the map point under `(cx, cy)` (in frame units) where it is.
    pub fn zoom_at(self, factor: f64, (cx, cy): (f64, f64), size: (f64, f64)) -> MapView {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let applied = scale / self.scale;
        MapView { scale, x: cx - (cx - self.x) * applied, y: cy - (cy - self.y) * applied }.clamped(size)
    }

    /// Moves the map by `(dx, dy)` frame units.
    pub fn pan(self, dx: f64, dy: f64, size: (f64, f64)) -> MapView {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        MapView { x: self.x + dx, y: self.y + dy, ..self }.clamped(size)
    }

    /// Keeps the map covering the whole frame of `size`.
    fn clamped(self, (width, height): (f64, f64)) -> MapView {
        MapView {
            scale: self.scale,
            x: self.x.clamp(width - width * self.scale, 0.0),
            y: self.y.clamp(height - height * self.scale, 0.0),
        }
    }

    pub fn is_home(&self) -> bool {
        *self == MapView::HOME
    }

    /// The SVG `transform` attribute.
    pub fn transform(&self) -> String {
        format!("translate({:.2} {:.2}) scale({:.4})", self.x, self.y, self.scale)
    }

    /// The map point drawn at frame point `(px, py)`.
    pub fn to_map(&self, (px, py): (f64, f64)) -> (f64, f64) {
        ((px - self.x) / self.scale, (py - self.y) / self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: (f64, f64) = (1000.0, 700.0);

    #[test]
    fn zooming_keeps_the_point_under_the_fingers() {
        let view = MapView::HOME.zoom_at(2.0, (400.0, 300.0), SIZE);
        assert_eq!(view.scale, 2.0);
        let (mx, my) = view.to_map((400.0, 300.0));
        assert!((mx - 400.0).abs() < 1e-9 && (my - 300.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_stays_within_limits() {
        let far = MapView::HOME.zoom_at(100.0, (500.0, 350.0), SIZE);
        assert_eq!(far.scale, MAX_SCALE);
        let near = far.zoom_at(0.001, (500.0, 350.0), SIZE);
        assert_eq!(near, MapView::HOME);
    }

    #[test]
    fn the_map_always_covers_the_frame() {
        assert_eq!(MapView::HOME.pan(300.0, -200.0, SIZE), MapView::HOME, "unzoomed, nothing to pan");
        let view = MapView::HOME.zoom_at(2.0, (0.0, 0.0), SIZE).pan(-5000.0, -5000.0, SIZE);
        assert_eq!((view.x, view.y), (-1000.0, -700.0));
        let view = view.pan(99999.0, 99999.0, SIZE);
        assert_eq!((view.x, view.y), (0.0, 0.0));
    }

    #[test]
    fn nonsense_input_changes_nothing() {
        let view = MapView::HOME.zoom_at(2.0, (10.0, 10.0), SIZE);
        assert_eq!(view.zoom_at(f64::NAN, (0.0, 0.0), SIZE), view);
        assert_eq!(view.pan(f64::INFINITY, 0.0, SIZE), view);
    }
}
