//! The reader's zoom and pan of the map, kept within limits so that the map
//! always fills its frame.

/// The closest and farthest zoom.
pub const MIN_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 6.0;

/// A press of a zoom button zooms in or out by this factor.
pub const ZOOM_STEP: f64 = 1.5;
/// A press of a pan button or an arrow key moves the map by this share of its frame's width or
/// height: a step that keeps most of what was in view, as a page-down keeps a few lines.
pub const PAN_STEP: f64 = 0.25;
/// A turn of the mouse wheel by `delta_y` CSS pixels zooms by `exp(-delta_y * WHEEL_ZOOM_RATE)`:
/// 500 pixels towards the reader zoom out by a factor e.
const WHEEL_ZOOM_RATE: f64 = 0.002;

fn distance(p: (f64, f64), q: (f64, f64)) -> f64 {
    (p.0 - q.0).hypot(p.1 - q.1)
}

fn midpoint(p: (f64, f64), q: (f64, f64)) -> (f64, f64) {
    ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0)
}

/// Where a pan button or an arrow key takes the reader: further north shows what lies above
/// (the map moves down), and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanDirection {
    North,
    South,
    West,
    East,
}

impl PanDirection {
    /// The four, in the order the pan pad's buttons are read (north above, then west, south and
    /// east in a row, as a keyboard's arrow keys lie).
    pub const ALL: [PanDirection; 4] =
        [PanDirection::North, PanDirection::West, PanDirection::South, PanDirection::East];

    /// The direction of an arrow key (`KeyboardEvent.key`), if it is one.
    ///
    /// ```
    /// use atlas_core::geo::PanDirection;
    ///
    /// assert_eq!(PanDirection::from_key("ArrowUp"), Some(PanDirection::North));
    /// assert_eq!(PanDirection::from_key("Enter"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<PanDirection> {
        match key {
            "ArrowUp" => Some(PanDirection::North),
            "ArrowDown" => Some(PanDirection::South),
            "ArrowLeft" => Some(PanDirection::West),
            "ArrowRight" => Some(PanDirection::East),
            _ => None,
        }
    }

    /// Its name in `data-testid`s and class names: `north`, `south`, `west`, `east`.
    pub fn as_str(self) -> &'static str {
        match self {
            PanDirection::North => "north",
            PanDirection::South => "south",
            PanDirection::West => "west",
            PanDirection::East => "east",
        }
    }

    /// The move of the map, in frame units, that one step takes on a frame of `size`: to see
    /// further north the map moves down.
    fn step(self, (width, height): (f64, f64)) -> (f64, f64) {
        match self {
            PanDirection::North => (0.0, PAN_STEP * height),
            PanDirection::South => (0.0, -PAN_STEP * height),
            PanDirection::West => (PAN_STEP * width, 0.0),
            PanDirection::East => (-PAN_STEP * width, 0.0),
        }
    }
}

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
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let view = MapView::HOME.zoom_at(2.0, (400.0, 300.0), (1000.0, 700.0));
    /// assert_eq!((view.scale, view.to_map((400.0, 300.0))), (2.0, (400.0, 300.0)));
    /// ```
    pub fn zoom_at(self, factor: f64, (cx, cy): (f64, f64), size: (f64, f64)) -> MapView {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let applied = scale / self.scale;
        MapView { scale, x: cx - (cx - self.x) * applied, y: cy - (cy - self.y) * applied }.clamped(size)
    }

    /// The zoom-in button: zooms by [`ZOOM_STEP`] about the middle of a frame of `size`.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// let view = MapView::HOME.zoom_in(size);
    /// assert_eq!(view.scale, 1.5);
    /// assert_eq!(view.to_map((500.0, 350.0)), (500.0, 350.0), "the middle stays where it is");
    /// ```
    pub fn zoom_in(self, size: (f64, f64)) -> MapView {
        self.zoom_at(ZOOM_STEP, (size.0 / 2.0, size.1 / 2.0), size)
    }

    /// The zoom-out button: the opposite of [`MapView::zoom_in`], down to the whole map.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// assert_eq!(MapView::HOME.zoom_in(size).zoom_out(size), MapView::HOME);
    /// assert_eq!(MapView::HOME.zoom_out(size), MapView::HOME);
    /// ```
    pub fn zoom_out(self, size: (f64, f64)) -> MapView {
        self.zoom_at(1.0 / ZOOM_STEP, (size.0 / 2.0, size.1 / 2.0), size)
    }

    /// A press of a pan button or an arrow key moves the map by this share of its frame's width or
    /// height: a step that keeps most of what was in view, as a page-down keeps a few lines.
    pub const PAN_STEP: f64 = 0.25;
    /// A turn of the mouse wheel by `delta_y` CSS pixels (as `WheelEvent.deltaY` gives it) with
    /// the pointer at `at` (frame units): turning it away from the reader (negative) zooms in
    /// about the pointer.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// let view = MapView::HOME.wheel(-100.0, (200.0, 300.0), size);
    /// assert!(view.scale > 1.2 && view.scale < 1.25);
    /// let (x, y) = view.to_map((200.0, 300.0));
    /// assert!((x - 200.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9, "the point under the pointer stays");
    /// assert_eq!(view.wheel(100.0, (200.0, 300.0), size), MapView::HOME);
    /// ```
    pub fn wheel(self, delta_y: f64, at: (f64, f64), size: (f64, f64)) -> MapView {
        self.zoom_at((-delta_y * WHEEL_ZOOM_RATE).exp(), at, size)
    }

    /// Two fingers moved from `before` to `after` (frame units): the map zooms by how much
    /// further apart they are, about their new midpoint, and follows the midpoint's move
    /// (for the small steps between two pointer events, the map point between the fingers
    /// stays very nearly under them).
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// let spread = MapView::HOME.pinch([(400.0, 300.0), (600.0, 300.0)], [(300.0, 300.0), (700.0, 300.0)], size);
    /// assert_eq!(spread.scale, 2.0);
    /// assert_eq!(spread.to_map((500.0, 300.0)), (500.0, 300.0), "the point between the fingers stays");
    /// ```
    pub fn pinch(self, before: [(f64, f64); 2], after: [(f64, f64); 2], size: (f64, f64)) -> MapView {
        let (old_mid, new_mid) = (midpoint(before[0], before[1]), midpoint(after[0], after[1]));
        let factor = distance(after[0], after[1]) / distance(before[0], before[1]).max(1.0);
        self.zoom_at(factor, new_mid, size).pan(new_mid.0 - old_mid.0, new_mid.1 - old_mid.1, size)
    }

    /// Moves the map by `(dx, dy)` frame units, no further than its edges.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// let view = MapView::HOME.zoom_at(2.0, (0.0, 0.0), size).pan(-30.0, -20.0, size);
    /// assert_eq!((view.x, view.y), (-30.0, -20.0));
    /// assert_eq!(view.pan(500.0, 0.0, size).x, 0.0, "the map's left edge stops at the frame's");
    /// ```
    pub fn pan(self, dx: f64, dy: f64, size: (f64, f64)) -> MapView {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        MapView { x: self.x + dx, y: self.y + dy, ..self }.clamped(size)
    }

    /// A press of a pan button or an arrow key: [`PAN_STEP`] of the frame towards `direction`, no
    /// further than the map's edge.
    ///
    /// ```
    /// use atlas_core::geo::{MapView, PanDirection};
    ///
    /// let size = (1000.0, 800.0);
    /// let zoomed = MapView::HOME.zoom_in(size);
    /// let north = zoomed.pan_toward(PanDirection::North, size);
    /// assert_eq!((north.x, north.y), (zoomed.x, zoomed.y + 200.0), "a quarter of the height");
    /// assert_eq!(north.pan_toward(PanDirection::South, size), zoomed);
    /// assert_eq!(MapView::HOME.pan_toward(PanDirection::East, size), MapView::HOME, "nothing beyond the whole map");
    /// ```
    pub fn pan_toward(self, direction: PanDirection, size: (f64, f64)) -> MapView {
        let (dx, dy) = direction.step(size);
        self.pan(dx, dy, size)
    }

    /// Whether a step towards `direction` would move the map (it is not at that edge already):
    /// the pan button of a direction the map cannot go is disabled.
    ///
    /// ```
    /// use atlas_core::geo::{MapView, PanDirection};
    ///
    /// let size = (1000.0, 800.0);
    /// assert!(!MapView::HOME.can_pan_toward(PanDirection::North, size));
    /// let top_left = MapView::HOME.zoom_at(2.0, (0.0, 0.0), size);
    /// assert!(!top_left.can_pan_toward(PanDirection::North, size) && !top_left.can_pan_toward(PanDirection::West, size));
    /// assert!(top_left.can_pan_toward(PanDirection::South, size) && top_left.can_pan_toward(PanDirection::East, size));
    /// ```
    pub fn can_pan_toward(&self, direction: PanDirection, size: (f64, f64)) -> bool {
        let moved = self.pan_toward(direction, size);
        (moved.x - self.x).abs() > 0.5 || (moved.y - self.y).abs() > 0.5
    }

    /// Keeps the map covering the whole frame of `size`.
    fn clamped(self, (width, height): (f64, f64)) -> MapView {
        MapView {
            scale: self.scale,
            x: self.x.clamp(width - width * self.scale, 0.0),
            y: self.y.clamp(height - height * self.scale, 0.0),
        }
    }

    /// Whether the whole map is shown, unzoomed.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// assert!(MapView::HOME.is_home() && !MapView::HOME.zoom_in((1000.0, 700.0)).is_home());
    /// ```
    pub fn is_home(&self) -> bool {
        *self == MapView::HOME
    }

    /// The SVG `transform` attribute.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let view = MapView { scale: 2.0, x: -10.0, y: -5.5 };
    /// assert_eq!(view.transform(), "translate(-10.00 -5.50) scale(2.0000)");
    /// ```
    pub fn transform(&self) -> String {
        format!("translate({:.2} {:.2}) scale({:.4})", self.x, self.y, self.scale)
    }

    /// The map point drawn at frame point `(px, py)`.
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// assert_eq!(MapView { scale: 2.0, x: -100.0, y: 0.0 }.to_map((300.0, 50.0)), (200.0, 25.0));
    /// ```
    pub fn to_map(&self, (px, py): (f64, f64)) -> (f64, f64) {
        ((px - self.x) / self.scale, (py - self.y) / self.scale)
    }

    /// The frame point where map point `(mx, my)` is drawn: the inverse of [`MapView::to_map`]
    /// (what the zoomable group's transform does to it).
    ///
    /// ```
    /// use atlas_core::geo::MapView;
    ///
    /// let view = MapView { scale: 2.0, x: -100.0, y: 0.0 };
    /// assert_eq!(view.to_screen((200.0, 25.0)), (300.0, 50.0));
    /// assert_eq!(view.to_screen(view.to_map((12.5, 7.0))), (12.5, 7.0));
    /// ```
    pub fn to_screen(&self, (mx, my): (f64, f64)) -> (f64, f64) {
        (mx * self.scale + self.x, my * self.scale + self.y)
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
    fn the_buttons_zoom_about_the_middle_and_undo_each_other() {
        let middle = (SIZE.0 / 2.0, SIZE.1 / 2.0);
        let twice = MapView::HOME.zoom_in(SIZE).zoom_in(SIZE);
        assert!((twice.scale - ZOOM_STEP * ZOOM_STEP).abs() < 1e-12);
        let (mx, my) = twice.to_map(middle);
        assert!((mx - middle.0).abs() < 1e-9 && (my - middle.1).abs() < 1e-9);
        let back = twice.zoom_out(SIZE).zoom_out(SIZE);
        assert!((back.scale - 1.0).abs() < 1e-12 && back.x.abs() < 1e-9 && back.y.abs() < 1e-9, "{back:?}");
        let mut deepest = MapView::HOME;
        for _ in 0..20 {
            deepest = deepest.zoom_in(SIZE);
        }
        assert_eq!(deepest.scale, MAX_SCALE);
    }

    #[test]
    fn the_wheel_zooms_about_the_pointer_and_back() {
        let at = (250.0, 600.0);
        let view = MapView::HOME.wheel(-500.0, at, SIZE);
        assert!((view.scale - std::f64::consts::E).abs() < 1e-12);
        let (mx, my) = view.to_map(at);
        assert!((mx - at.0).abs() < 1e-9 && (my - at.1).abs() < 1e-9);
        let back = view.wheel(500.0, at, SIZE);
        assert!((back.scale - 1.0).abs() < 1e-12 && back.x.abs() < 1e-9 && back.y.abs() < 1e-9, "{back:?}");
        assert_eq!(view.wheel(0.0, at, SIZE), view);
        assert_eq!(view.wheel(f64::NAN, at, SIZE), view);
    }

    #[test]
    fn a_pinch_zooms_by_the_spread_and_follows_the_fingers() {
        let view = MapView::HOME.zoom_at(2.0, (500.0, 350.0), SIZE);
        // Both fingers move 40 units right without spreading: a pan.
        let moved = view.pinch([(400.0, 300.0), (500.0, 300.0)], [(440.0, 300.0), (540.0, 300.0)], SIZE);
        assert_eq!(moved.scale, view.scale);
        assert!((moved.x - (view.x + 40.0)).abs() < 1e-9 && (moved.y - view.y).abs() < 1e-9);
        // Fingers closing to half their distance: half the zoom, the map point under their middle stays.
        let pinched = view.pinch([(400.0, 300.0), (600.0, 300.0)], [(450.0, 300.0), (550.0, 300.0)], SIZE);
        assert_eq!(pinched.scale, 1.0);
        // Fingers almost together at first: the spread counts from 1 unit, not from zero.
        let spread = MapView::HOME.pinch([(500.0, 350.0), (500.0, 350.0)], [(499.0, 350.0), (501.0, 350.0)], SIZE);
        assert_eq!(spread.scale, 2.0);
    }

    #[test]
    fn pan_steps_reach_every_edge_and_come_back() {
        let zoomed = MapView::HOME.zoom_at(3.0, (500.0, 350.0), SIZE);
        for direction in PanDirection::ALL {
            let mut view = zoomed;
            let mut steps = 0;
            while view.can_pan_toward(direction, SIZE) {
                view = view.pan_toward(direction, SIZE);
                steps += 1;
                assert!(steps < 20, "{direction:?} never reaches the edge");
            }
            assert!(steps >= 2, "{direction:?}: a step is a fraction of the view, not a jump to the edge");
            let edge = match direction {
                PanDirection::North => view.y == 0.0,
                PanDirection::West => view.x == 0.0,
                PanDirection::South => view.y == SIZE.1 - SIZE.1 * view.scale,
                PanDirection::East => view.x == SIZE.0 - SIZE.0 * view.scale,
            };
            assert!(edge, "{direction:?} stops at the map's edge: {view:?}");
        }
        let there_and_back = zoomed.pan_toward(PanDirection::East, SIZE).pan_toward(PanDirection::West, SIZE);
        assert!((there_and_back.x - zoomed.x).abs() < 1e-9 && there_and_back.y == zoomed.y);
    }

    #[test]
    fn every_arrow_key_pans_and_nothing_else_does() {
        let keys = ["ArrowUp", "ArrowLeft", "ArrowDown", "ArrowRight"];
        let found: Vec<_> = keys.iter().filter_map(|k| PanDirection::from_key(k)).collect();
        assert_eq!(found, PanDirection::ALL);
        assert_eq!(PanDirection::from_key("w"), None);
    }

    #[test]
    fn nonsense_input_changes_nothing() {
        let view = MapView::HOME.zoom_at(2.0, (10.0, 10.0), SIZE);
        assert_eq!(view.zoom_at(f64::NAN, (0.0, 0.0), SIZE), view);
        assert_eq!(view.pan(f64::INFINITY, 0.0, SIZE), view);
    }
}
