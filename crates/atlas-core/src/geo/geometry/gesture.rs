//! Drag to pan and pinch to zoom: the pointers (mouse, pen, fingers) down on the map and
//! the view their moves make, in the map's frame units.
use super::rect::ScreenRect;
use super::view::MapView;

/// A position on the page (CSS pixels, as pointer events give it) in the frame units of a map
/// of `size` whose element's box on the page is `element` (as `getBoundingClientRect` gives
/// it); `None` while the element has no size (not laid out yet, or hidden).
///
/// ```
/// use atlas_core::geo::geometry::gesture::frame_point;
/// use atlas_core::geo::ScreenRect;
///
/// // A 1000 × 700 map drawn 500 × 350 pixels large, 20 pixels from the page's left edge.
/// let element = ScreenRect { x: 20.0, y: 0.0, width: 500.0, height: 350.0 };
/// assert_eq!(frame_point((270.0, 175.0), element, (1000.0, 700.0)), Some((500.0, 350.0)));
/// assert_eq!(frame_point((270.0, 175.0), ScreenRect { width: 0.0, ..element }, (1000.0, 700.0)), None);
/// ```
pub fn frame_point((x, y): (f64, f64), element: ScreenRect, size: (f64, f64)) -> Option<(f64, f64)> {
    (element.width > 0.0 && element.height > 0.0)
        .then(|| ((x - element.x) * size.0 / element.width, (y - element.y) * size.1 / element.height))
}

/// How far (frame units, about CSS pixels) a pointer may move between going down and up and
/// still be a tap on what it went down on: further, it dragged the map, and the name or dot it
/// started on (which moved with it) does not open. Chromium's touch slop is about as large.
pub const TAP_SLOP: f64 = 10.0;

/// The pointers down on the map, in the order they went down, each with its id and its last
/// position (frame units), and whether the present gesture has become a drag or a pinch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pointers {
    down: Vec<(i32, (f64, f64))>,
    /// Where the first pointer of the present gesture went down.
    start: Option<(f64, f64)>,
    dragged: bool,
}

impl Pointers {
    /// Pointer `id` went down at `at`.
    ///
    /// ```
    /// use atlas_core::geo::geometry::gesture::Pointers;
    ///
    /// let mut pointers = Pointers::default();
    /// pointers.down(1, (10.0, 10.0));
    /// pointers.down(1, (12.0, 10.0));
    /// assert_eq!(pointers.count(), 1, "the same pointer again");
    /// ```
    pub fn down(&mut self, id: i32, at: (f64, f64)) {
        self.down.retain(|(down, _)| *down != id);
        if self.down.is_empty() {
            // A new gesture.
            self.start = Some(at);
            self.dragged = false;
        } else {
            // A second finger: a pinch, not a tap.
            self.dragged = true;
        }
        self.down.push((id, at));
    }

    /// Whether the present (or last) gesture moved the map rather than tapped it: a pointer
    /// went further than [`TAP_SLOP`] from where the gesture began, or a second one came down.
    /// A click that ends it then opens nothing.
    ///
    /// ```
    /// use atlas_core::geo::geometry::gesture::Pointers;
    /// use atlas_core::geo::MapView;
    ///
    /// let (size, view) = ((1000.0, 700.0), MapView::HOME);
    /// let mut pointers = Pointers::default();
    /// pointers.down(1, (100.0, 100.0));
    /// pointers.moved(1, (104.0, 103.0), view, size);
    /// pointers.up(1);
    /// assert!(!pointers.dragged(), "a finger's wobble is a tap");
    /// pointers.down(1, (100.0, 100.0));
    /// pointers.moved(1, (130.0, 100.0), view, size);
    /// pointers.up(1);
    /// assert!(pointers.dragged(), "30 units is a drag, even on a map that cannot pan");
    /// ```
    pub fn dragged(&self) -> bool {
        self.dragged
    }

    /// Pointer `id` went up, was cancelled or left the map.
    ///
    /// ```
    /// use atlas_core::geo::geometry::gesture::Pointers;
    ///
    /// let mut pointers = Pointers::default();
    /// pointers.down(1, (10.0, 10.0));
    /// pointers.up(1);
    /// pointers.up(7);
    /// assert_eq!(pointers.count(), 0);
    /// ```
    pub fn up(&mut self, id: i32) {
        self.down.retain(|(down, _)| *down != id);
    }

    /// How many pointers are down.
    ///
    /// ```
    /// use atlas_core::geo::geometry::gesture::Pointers;
    ///
    /// let mut pointers = Pointers::default();
    /// pointers.down(1, (10.0, 10.0));
    /// pointers.down(2, (90.0, 10.0));
    /// assert_eq!(pointers.count(), 2);
    /// ```
    pub fn count(&self) -> usize {
        self.down.len()
    }

    /// Pointer `id` moved to `at`: the view that follows from `view` on a map of `size`. One
    /// pointer drags the map; with two or more, the first two pinch it. `None` when the view
    /// does not change because `id` is not down (a mouse moving over the map).
    ///
    /// ```
    /// use atlas_core::geo::geometry::gesture::Pointers;
    /// use atlas_core::geo::MapView;
    ///
    /// let size = (1000.0, 700.0);
    /// let zoomed = MapView::HOME.zoom_at(2.0, (500.0, 350.0), size);
    /// let mut pointers = Pointers::default();
    /// assert_eq!(pointers.moved(1, (110.0, 100.0), zoomed, size), None, "hovering");
    /// pointers.down(1, (100.0, 100.0));
    /// let dragged = pointers.moved(1, (110.0, 95.0), zoomed, size).expect("a drag");
    /// assert_eq!((dragged.x - zoomed.x, dragged.y - zoomed.y), (10.0, -5.0));
    /// ```
    pub fn moved(&mut self, id: i32, at: (f64, f64), view: MapView, size: (f64, f64)) -> Option<MapView> {
        let slot = self.down.iter().position(|(down, _)| *down == id)?;
        let before = self.down.clone();
        self.down[slot].1 = at;
        if self.start.is_some_and(|(x, y)| (at.0 - x).hypot(at.1 - y) > TAP_SLOP) {
            self.dragged = true;
        }
        match (before.as_slice(), self.down.as_slice()) {
            ([(_, a)], [(_, b)]) => Some(view.pan(b.0 - a.0, b.1 - a.1, size)),
            ([(_, a0), (_, a1), ..], [(_, b0), (_, b1), ..]) => Some(view.pinch([*a0, *a1], [*b0, *b1], size)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: (f64, f64) = (1000.0, 700.0);

    #[test]
    fn page_pixels_become_frame_units() {
        let element = ScreenRect { x: 100.0, y: 50.0, width: 2000.0, height: 1400.0 };
        assert_eq!(frame_point((100.0, 50.0), element, SIZE), Some((0.0, 0.0)));
        assert_eq!(frame_point((2100.0, 1450.0), element, SIZE), Some(SIZE));
        assert_eq!(frame_point((0.0, 0.0), element, SIZE), Some((-50.0, -25.0)), "outside: still a point");
        assert_eq!(frame_point((0.0, 0.0), ScreenRect { height: 0.0, ..element }, SIZE), None);
    }

    #[test]
    fn one_pointer_drags_the_map() {
        let zoomed = MapView::HOME.zoom_at(3.0, (500.0, 350.0), SIZE);
        let mut pointers = Pointers::default();
        pointers.down(7, (200.0, 200.0));
        let first = pointers.moved(7, (230.0, 180.0), zoomed, SIZE).expect("a drag");
        assert_eq!(first, zoomed.pan(30.0, -20.0, SIZE));
        // The next move counts from where the pointer was last, not where it went down.
        let second = pointers.moved(7, (240.0, 180.0), first, SIZE).expect("a drag");
        assert_eq!(second, first.pan(10.0, 0.0, SIZE));
        pointers.up(7);
        assert_eq!(pointers.moved(7, (300.0, 300.0), second, SIZE), None, "released");
    }

    #[test]
    fn two_pointers_pinch_and_a_third_is_ignored() {
        let mut pointers = Pointers::default();
        pointers.down(1, (400.0, 350.0));
        pointers.down(2, (600.0, 350.0));
        let spread = pointers.moved(2, (800.0, 350.0), MapView::HOME, SIZE).expect("a pinch");
        assert_eq!(
            spread,
            MapView::HOME.pinch([(400.0, 350.0), (600.0, 350.0)], [(400.0, 350.0), (800.0, 350.0)], SIZE)
        );
        assert_eq!(spread.scale, 2.0);
        pointers.down(3, (100.0, 100.0));
        let third = pointers.moved(3, (150.0, 100.0), spread, SIZE).expect("the first two did not move");
        assert_eq!(third, spread, "the first two fingers stand still: no zoom, no pan");
        // One finger lifts: the other drags.
        pointers.up(1);
        pointers.up(3);
        let dragged = pointers.moved(2, (790.0, 350.0), spread, SIZE).expect("a drag");
        assert_eq!(dragged, spread.pan(-10.0, 0.0, SIZE));
    }

    #[test]
    fn a_tap_is_a_tap_until_it_moves_or_a_second_finger_comes() {
        let mut pointers = Pointers::default();
        pointers.down(1, (100.0, 100.0));
        pointers.moved(1, (108.0, 95.0), MapView::HOME, SIZE);
        assert!(!pointers.dragged(), "within the slop");
        pointers.moved(1, (100.0 + TAP_SLOP + 1.0, 100.0), MapView::HOME, SIZE);
        assert!(pointers.dragged());
        // Back where it started: it still dragged the map on its way.
        pointers.moved(1, (100.0, 100.0), MapView::HOME, SIZE);
        pointers.up(1);
        assert!(pointers.dragged(), "until the next gesture begins");
        pointers.down(2, (500.0, 500.0));
        assert!(!pointers.dragged(), "a new gesture");
        pointers.down(3, (520.0, 500.0));
        pointers.up(3);
        pointers.up(2);
        assert!(pointers.dragged(), "two fingers pinched");
    }

    #[test]
    fn a_pointer_down_again_is_not_counted_twice() {
        let mut pointers = Pointers::default();
        pointers.down(1, (0.0, 0.0));
        pointers.down(1, (5.0, 5.0));
        assert_eq!(pointers.count(), 1);
        let zoomed = MapView::HOME.zoom_at(2.0, (500.0, 350.0), SIZE);
        assert_eq!(pointers.moved(1, (15.0, 5.0), zoomed, SIZE), Some(zoomed.pan(10.0, 0.0, SIZE)));
    }
}
