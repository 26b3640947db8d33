//! The tiling check: on every day the map changes, the standing periods share no land and
//! cover all land of the main frame.
use std::collections::{BTreeMap, BTreeSet};

use anyhow::bail;
use geo::{Area as _, BooleanOps as _, BoundingRect as _, Coord, MultiPolygon, Rect};

use atlas_core::time::CalendarDay;

use super::overlay::Recipe;

/// The map's main frame (`atlas_core::geo::layout::BALTIC_REGION`): all land in it must
/// belong to some state on every day.
const MAIN_FRAME: (f64, f64, f64, f64) = (19.5, 53.3, 39.0, 61.0);

/// Two periods standing on the same day may share borders but not land: an overlap larger
/// than this (in square degrees, about 0.7 km² at 55°N) is an error in the recipes.
const MAX_OVERLAP_SQ_DEG: f64 = 1e-4;

/// Land of the main frame left to no state, above this many square degrees (~7 km²), is an
/// error too: a gap between two recipes.
const MAX_GAP_SQ_DEG: f64 = 1e-3;

/// The days on which the set of standing periods changes, from the first start on.
fn change_days(recipes: &[Recipe]) -> Vec<CalendarDay> {
    let mut days: BTreeSet<CalendarDay> = BTreeSet::new();
    for recipe in recipes {
        days.insert(recipe.first_day());
        if let Some(last) = recipe.last_day() {
            days.insert(next_day(last));
        }
    }
    days.into_iter().collect()
}

fn next_day(day: CalendarDay) -> CalendarDay {
    if day.day < atlas_core::time::days_in_month(day.year, day.month) {
        CalendarDay { day: day.day + 1, ..day }
    } else if day.month < 12 {
        CalendarDay { month: day.month + 1, day: 1, ..day }
    } else {
        CalendarDay { year: day.year + 1, month: 1, day: 1 }
    }
}

fn format_day(day: CalendarDay) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// Checks, for every day on which the map changes from 1919 on: no two standing periods
/// share land, and every bit of land in the main frame belongs to one of them.
pub fn check_space(
    recipes: &[Recipe],
    shapes: &[MultiPolygon<f64>],
    countries: &BTreeMap<String, MultiPolygon<f64>>,
) -> anyhow::Result<()> {
    let (west, south, east, north) = MAIN_FRAME;
    let frame =
        MultiPolygon::new(vec![Rect::new(Coord { x: west, y: south }, Coord { x: east, y: north }).to_polygon()]);
    let land_in_frame = countries
        .values()
        .fold(MultiPolygon::new(Vec::new()), |land, country| land.union(&country.intersection(&frame)));
    let boxes: Vec<Option<Rect<f64>>> = shapes.iter().map(|s| s.bounding_rect()).collect();
    let mut overlaps: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut problems: Vec<String> = Vec::new();
    let first = CalendarDay { year: 1919, month: 1, day: 1 };
    let mut days = change_days(recipes);
    days.retain(|&d| d >= first);
    days.insert(0, first);
    days.dedup();
    for day in days {
        let standing: Vec<usize> = (0..recipes.len()).filter(|&i| recipes[i].stands_on(day)).collect();
        for (n, &a) in standing.iter().enumerate() {
            for &b in &standing[n + 1..] {
                let touching = match (boxes[a], boxes[b]) {
                    (Some(ra), Some(rb)) => {
                        ra.min().x <= rb.max().x
                            && rb.min().x <= ra.max().x
                            && ra.min().y <= rb.max().y
                            && rb.min().y <= ra.max().y
                    }
                    _ => false,
                };
                if !touching {
                    continue;
                }
                let area =
                    *overlaps.entry((a, b)).or_insert_with(|| shapes[a].intersection(&shapes[b]).unsigned_area());
                if area > MAX_OVERLAP_SQ_DEG {
                    problems.push(format!(
                        "on {}: `{}` and `{}` overlap by {area:.4} square degrees",
                        format_day(day),
                        recipes[a].id,
                        recipes[b].id
                    ));
                }
            }
        }
        let covered = standing.iter().fold(MultiPolygon::new(Vec::new()), |all, &i| all.union(&shapes[i]));
        let gap = land_in_frame.difference(&covered);
        let gap_area = gap.unsigned_area();
        if gap_area > MAX_GAP_SQ_DEG {
            let biggest = gap.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
            let at = biggest
                .and_then(|p| p.bounding_rect())
                .map(|r| format!(" (largest piece around {:.2}°E {:.2}°N)", r.center().x, r.center().y))
                .unwrap_or_default();
            problems.push(format!(
                "on {}: {gap_area:.4} square degrees of land in the main frame belong to no state{at}",
                format_day(day)
            ));
        }
    }
    if !problems.is_empty() {
        bail!("borders: the periods do not tile the map:\n{}", problems.join("\n"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::borders::fixtures::{square, OVERLAY_TEXT};
    use crate::borders::overlay::parse_overlay;
    use crate::borders::recipe::build_periods;

    #[test]
    fn overlapping_periods_and_gaps_are_found() -> anyhow::Result<()> {
        let overlay = parse_overlay(&OVERLAY_TEXT.replace("AAA", "LTU").replace("minus = [\"@a-1920-1930\"]", ""))?;
        let countries = BTreeMap::from([("LTU".to_owned(), square())]);
        let shapes = build_periods(&overlay, &countries)?;
        let error = check_space(&overlay.recipes, &shapes, &countries).unwrap_err().to_string();
        assert!(error.contains("`a-1920-1930` and `b-1920` overlap"), "{error}");
        Ok(())
    }

    #[test]
    fn the_day_after_crosses_months_and_years() {
        assert_eq!(
            next_day(CalendarDay { year: 1939, month: 8, day: 31 }),
            CalendarDay { year: 1939, month: 9, day: 1 }
        );
        assert_eq!(
            next_day(CalendarDay { year: 1940, month: 2, day: 28 }),
            CalendarDay { year: 1940, month: 2, day: 29 }
        );
        assert_eq!(
            next_day(CalendarDay { year: 1922, month: 12, day: 31 }),
            CalendarDay { year: 1923, month: 1, day: 1 }
        );
    }
}
