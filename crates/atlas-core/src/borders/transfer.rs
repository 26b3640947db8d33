//! Regions that passed from one state to another (a period's `gained`): which ones the map
//! calls out on a day, and a point inside each for the callout to point at.
use super::StatePeriod;
use crate::geo::geometry::ring_contains;
use crate::lang::Localized;
use crate::model::LonLat;
use crate::time::CalendarDay;

/// A region that passed from one state to another on a day: the Klaipėda Region, from
/// Lithuania to Germany on 23 March 1939.
#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    /// The gaining period (index in [`super::Borders::periods`]), which began that day.
    pub period: usize,
    /// The period it came from, which ended the day before. The region is the part of this
    /// period's territory that the gaining period holds.
    pub from: usize,
    /// The region's name.
    pub region: Localized,
    /// The day it passed: the gaining period's first day.
    pub day: CalendarDay,
    /// A point well inside the region (for a callout to point at); `None` where the two
    /// periods share no land (a broken file).
    pub anchor: Option<LonLat>,
    /// The region's area in square degrees, roughly (from the grid that found the anchor): the
    /// map calls out the smaller regions first, as they need it most.
    pub area: f64,
}

impl Transfer {
    /// The transfers of `periods`: one for each period with a `gained` whose `from` is a
    /// period of the list (the loader checks that it is).
    pub(super) fn all(periods: &[StatePeriod]) -> Vec<Transfer> {
        periods
            .iter()
            .enumerate()
            .filter_map(|(period, p)| {
                let gained = p.gained.as_ref()?;
                let from = periods.iter().position(|q| q.id == gained.from)?;
                let (anchor, area) = interior_point(&periods[from], p).map_or((None, 0.0), |(a, area)| (Some(a), area));
                Some(Transfer { period, from, region: gained.region.clone(), day: p.first_day(), anchor, area })
            })
            .collect()
    }

    /// Whether the map calls the transfer out on `day`: from the day the region passed to the
    /// end of that year, so that the year's map (and every day of it after the change) says
    /// what happened.
    ///
    /// ```
    /// use atlas_core::borders::Transfer;
    /// use atlas_core::time::CalendarDay;
    /// use atlas_core::Localized;
    ///
    /// let day = |year, month, day| CalendarDay { year, month, day };
    /// let memel = Transfer {
    ///     period: 1,
    ///     from: 0,
    ///     region: Localized::new("Klaipėda Region"),
    ///     day: day(1939, 3, 23),
    ///     anchor: None,
    ///     area: 0.4,
    /// };
    /// assert!(!memel.shown_on(day(1939, 3, 22)));
    /// assert!(memel.shown_on(day(1939, 3, 23)) && memel.shown_on(day(1939, 12, 31)));
    /// assert!(!memel.shown_on(day(1940, 1, 1)));
    /// ```
    pub fn shown_on(&self, day: CalendarDay) -> bool {
        self.day <= day && day.year == self.day.year
    }
}

/// A point inside both `from` and `to` (the region that passed between them), as far from the
/// region's edge as a grid over the two territories' common extent finds, and the region's
/// area (square degrees, as the grid measures it): `None` where they share no land.
fn interior_point(from: &StatePeriod, to: &StatePeriod) -> Option<(LonLat, f64)> {
    let (a, b) = (extent(from)?, extent(to)?);
    // The plane's even-odd test on [lon, lat] (as the map's placement uses on the screen), not
    // the `geo` crate's, which the app's wasm would carry for this alone.
    let (from_rings, to_rings) = (plane_rings(from), plane_rings(to));
    let holds = |rings: &[Vec<Vec<(f64, f64)>>], p: (f64, f64)| {
        rings.iter().any(|polygon| {
            let mut rings = polygon.iter();
            rings.next().is_some_and(|outer| ring_contains(outer, p)) && !rings.any(|hole| ring_contains(hole, p))
        })
    };
    let (west, south, east, north) = (a.0.max(b.0), a.1.max(b.1), a.2.min(b.2), a.3.min(b.3));
    if west >= east || south >= north {
        return None;
    }
    // Finer grids only where a coarse one misses a thin region.
    for cells in [24, 64] {
        let step = ((east - west) / f64::from(cells), (north - south) / f64::from(cells));
        let mut inside = Vec::new();
        let mut outside = Vec::new();
        for i in 0..cells {
            for j in 0..cells {
                let point =
                    LonLat { lon: west + (f64::from(i) + 0.5) * step.0, lat: south + (f64::from(j) + 0.5) * step.1 };
                let p = (point.lon, point.lat);
                if holds(&from_rings, p) && holds(&to_rings, p) {
                    inside.push(point);
                } else {
                    outside.push(point);
                }
            }
        }
        // The grid's edge counts as outside, so that a region cut by the extent is not
        // anchored on the cut.
        let kx = (south.to_radians().cos() + north.to_radians().cos()) / 2.0;
        let clearance = |p: &LonLat| {
            let to_edge = ((p.lon - west).min(east - p.lon) * kx).min((p.lat - south).min(north - p.lat));
            outside
                .iter()
                .map(|q| ((p.lon - q.lon) * kx).hypot(p.lat - q.lat))
                .fold(to_edge + step.1.min(step.0 * kx) / 2.0, f64::min)
        };
        let best = inside.iter().map(|p| (clearance(p), *p)).max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, point)) = best {
            return Some((point, inside.len() as f64 * step.0 * step.1));
        }
    }
    None
}

/// A period's polygons as rings of `(lon, lat)`.
fn plane_rings(period: &StatePeriod) -> Vec<Vec<Vec<(f64, f64)>>> {
    period
        .polygons
        .iter()
        .map(|rings| rings.iter().map(|r| r.iter().map(|p| (p.lon, p.lat)).collect()).collect())
        .collect()
}

/// The extent of a period's outer rings: west, south, east, north.
fn extent(period: &StatePeriod) -> Option<(f64, f64, f64, f64)> {
    let mut points = period.polygons.iter().filter_map(|rings| rings.first()).flatten().peekable();
    points.peek()?;
    Some(points.fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |e, p| {
        (e.0.min(p.lon), e.1.min(p.lat), e.2.max(p.lon), e.3.max(p.lat))
    }))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{Borders, Gained};
    use super::*;

    #[test]
    fn a_region_that_passed_is_found_with_a_point_inside_it() {
        // `a` loses its western strip (20–21°E) to `b` on 23 March 1939.
        let mut b = period("b-1939", "b", "1939-03-23", None, square(18.0, 50.0, 3.0));
        b.gained = Some(Gained { from: "a-1923-1939".into(), region: Localized::new("Strip") });
        let periods = vec![
            period("a-1923-1939", "a", "1923-01-19", Some("1939-03-22"), square(20.0, 50.0, 4.0)),
            period("a-1939", "a", "1939-03-23", None, square(21.0, 50.0, 3.0)),
            b,
        ];
        let borders = Borders::new("test", periods);
        let [transfer] = borders.transfers() else { panic!("one transfer: {:?}", borders.transfers()) };
        assert_eq!((transfer.period, transfer.from, transfer.day), (2, 0, day(1939, 3, 23)));
        let anchor = transfer.anchor.expect("a point inside");
        assert!((20.0..21.0).contains(&anchor.lon) && (50.0..53.0).contains(&anchor.lat), "{anchor:?}");
        assert!((anchor.lon - 20.5).abs() < 0.2, "in the middle of the strip: {anchor:?}");
        assert!((transfer.area - 3.0).abs() < 0.2, "1° × 3°: {}", transfer.area);
        assert_eq!(borders.transfers_on(day(1939, 7, 1)).count(), 1);
        assert_eq!(borders.transfers_on(day(1939, 3, 22)).count(), 0);
        assert_eq!(borders.transfers_on(day(1940, 7, 1)).count(), 0);
    }
}
