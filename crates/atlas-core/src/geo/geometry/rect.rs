//! The one rectangle type of the map: frames, insets, label boxes, the buttons' corner and the
//! element's box on the page are all a `ScreenRect` in SVG user units (y grows downwards).

/// A rectangle in SVG user units (y grows downwards), by its top-left corner and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl ScreenRect {
    /// The rectangle between `x0..x1` and `y0..y1`.
    ///
    /// ```
    /// use atlas_core::geo::ScreenRect;
    ///
    /// let r = ScreenRect::from_edges(10.0, 20.0, 40.0, 60.0);
    /// assert_eq!((r.x, r.y, r.width, r.height), (10.0, 20.0, 30.0, 40.0));
    /// assert_eq!((r.right(), r.bottom()), (40.0, 60.0));
    /// ```
    pub fn from_edges(x0: f64, y0: f64, x1: f64, y1: f64) -> ScreenRect {
        ScreenRect { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
    }

    /// A rectangle of `width` × `height` centred on `(x, y)`.
    pub fn centred((x, y): (f64, f64), width: f64, height: f64) -> ScreenRect {
        ScreenRect { x: x - width / 2.0, y: y - height / 2.0, width, height }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Whether the two rectangles overlap (touching edges do not).
    ///
    /// ```
    /// use atlas_core::geo::ScreenRect;
    ///
    /// let a = ScreenRect::from_edges(0.0, 0.0, 10.0, 10.0);
    /// assert!(a.overlaps(&ScreenRect::from_edges(5.0, 5.0, 15.0, 15.0)));
    /// assert!(!a.overlaps(&ScreenRect::from_edges(10.0, 0.0, 20.0, 10.0)), "touching");
    /// ```
    pub fn overlaps(&self, other: &ScreenRect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// Whether `self` lies wholly inside `outer`.
    pub fn inside(&self, outer: &ScreenRect) -> bool {
        self.x >= outer.x && self.y >= outer.y && self.right() <= outer.right() && self.bottom() <= outer.bottom()
    }

    /// Whether the point lies inside or on the edge.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.x..=self.right()).contains(&x) && (self.y..=self.bottom()).contains(&y)
    }

    /// Whether the segment from `a` to `b` runs through the rectangle's interior (one that only
    /// touches an edge or a corner does not): Liang and Barsky's clipping.
    ///
    /// ```
    /// use atlas_core::geo::ScreenRect;
    ///
    /// let r = ScreenRect::from_edges(0.0, 0.0, 10.0, 10.0);
    /// assert!(r.crosses((-5.0, 5.0), (15.0, 5.0)), "straight through");
    /// assert!(r.crosses((2.0, 2.0), (3.0, 3.0)), "wholly inside");
    /// assert!(!r.crosses((-5.0, 0.0), (15.0, 0.0)), "along an edge");
    /// assert!(!r.crosses((-5.0, 5.0), (5.0, -5.0)), "through the corner only");
    /// assert!(!r.crosses((11.0, -5.0), (11.0, 15.0)), "beside it");
    /// ```
    pub fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
        for (p, q) in [(-dx, a.0 - self.x), (dx, self.right() - a.0), (-dy, a.1 - self.y), (dy, self.bottom() - a.1)] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                enter = enter.max(q / p);
            } else {
                leave = leave.min(q / p);
            }
        }
        enter < leave
    }

    /// The rectangle grown by `margin` on every side (shrunk for a negative one).
    pub fn grown(&self, margin: f64) -> ScreenRect {
        ScreenRect::from_edges(self.x - margin, self.y - margin, self.right() + margin, self.bottom() + margin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_and_grown() {
        let outer = ScreenRect { x: 0.0, y: 0.0, width: 100.0, height: 50.0 };
        let inner = ScreenRect::centred((50.0, 25.0), 20.0, 10.0);
        assert!(inner.inside(&outer) && !outer.inside(&inner));
        assert!(inner.grown(20.0).inside(&outer) && !inner.grown(21.0).inside(&outer));
        assert_eq!(inner.grown(2.0).grown(-2.0), inner);
        assert!(outer.contains((100.0, 50.0)) && !outer.contains((100.1, 0.0)));
    }
}
