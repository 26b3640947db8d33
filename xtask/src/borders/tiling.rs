//! The tiling check: on every day the map changes, the standing periods share no land and
//! cover all land the map can show.
use std::collections::{BTreeMap, BTreeSet};

use anyhow::bail;
use geo::{Area as _, BooleanOps as _, BoundingRect as _, MultiPolygon, Rect};

#[cfg(test)]
use atlas_core::geo::frame::main_extent;
use atlas_core::geo::frame::MUST_SHOW;
use atlas_core::geo::GeoBounds;
use atlas_core::time::CalendarDay;

use super::overlay::Recipe;
use crate::geometry::extent_polygon;
#[cfg(test)]
use crate::geometry::EXTENT;

/// The land every period set must cover: the core's [`MUST_SHOW`], what the map's main frame
/// shows at any shape of its box (`atlas_core::geo::frame::main_extent` always holds it),
/// Gotland and Danzig included.
///
/// The frame of a wide or tall box shows more (Bornholm from about 1.3 : 1; Norway, Denmark and
/// the Low Countries at 2.5 : 1; Bohemia and Slovakia at 1 : 2): covering that needs periods for
/// states that have no colour in `geo::palette` yet (`shown_extent`, in the tests).
pub(super) const CHECKED_EXTENT: GeoBounds = MUST_SHOW;

/// The shapes (width / height) of the map's box that the atlas is made for: a tall phone or
/// portrait kiosk (0.5) to a wide embed (2.5), the extreme shapes of the core's frame and label
/// tests (`geo::frame`, `tests/labels.rs`).
#[cfg(test)]
const BOX_ASPECTS: (f64, f64) = (0.5, 2.5);

/// All that the map's main frame can show: the union of the core's
/// [`main_extent`](atlas_core::geo::frame::main_extent) over the box shapes [`BOX_ASPECTS`]
/// (the reader can zoom in, never out of it). Not checked yet: see [`CHECKED_EXTENT`].
#[cfg(test)]
fn shown_extent() -> GeoBounds {
    const STEPS: u32 = 40;
    let (low, high) = BOX_ASPECTS;
    (0..=STEPS)
        .map(|step| {
            let aspect = low + (high - low) * f64::from(step) / f64::from(STEPS);
            main_extent(1000.0 * aspect.sqrt(), 1000.0 / aspect.sqrt())
        })
        .fold(MUST_SHOW, |all, e| GeoBounds {
            west: all.west.min(e.west),
            south: all.south.min(e.south),
            east: all.east.max(e.east),
            north: all.north.max(e.north),
        })
}

/// Two periods standing on the same day may share borders but not land: an overlap larger
/// than this (in square degrees, about 0.7 km² at 55°N) is an error in the recipes.
const MAX_OVERLAP_SQ_DEG: f64 = 1e-4;

/// Land the map can show left to no state, above this many square degrees (~7 km²), is an
/// error too: a gap between two recipes.
const MAX_GAP_SQ_DEG: f64 = 1e-3;

/// How many of the largest pieces of a gap the error names.
const GAP_PIECES_NAMED: usize = 4;

/// The days on which the set of standing periods changes, from the first start on.
fn change_days(recipes: &[Recipe]) -> Vec<CalendarDay> {
    let mut days: BTreeSet<CalendarDay> = BTreeSet::new();
    for recipe in recipes {
        days.insert(recipe.first_day());
        if let Some(last) = recipe.last_day() {
            days.insert(last.next());
        }
    }
    days.into_iter().collect()
}

/// Checks, for every day on which the map changes from 1919 on: no two standing periods
/// share land, and every bit of land in the main frame belongs to one of them.
pub fn check_space(
    recipes: &[Recipe],
    shapes: &[MultiPolygon<f64>],
    countries: &BTreeMap<String, MultiPolygon<f64>>,
) -> anyhow::Result<()> {
    let frame = MultiPolygon::new(vec![extent_polygon(CHECKED_EXTENT)]);
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
                        day, recipes[a].id, recipes[b].id
                    ));
                }
            }
        }
        let covered = standing.iter().fold(MultiPolygon::new(Vec::new()), |all, &i| all.union(&shapes[i]));
        let gap = land_in_frame.difference(&covered);
        let gap_area = gap.unsigned_area();
        if gap_area > MAX_GAP_SQ_DEG {
            let mut pieces: Vec<(f64, Rect<f64>)> =
                gap.0.iter().filter_map(|p| Some((p.unsigned_area(), p.bounding_rect()?))).collect();
            pieces.sort_by(|a, b| b.0.total_cmp(&a.0));
            let at: Vec<String> = pieces
                .iter()
                .take(GAP_PIECES_NAMED)
                .map(|(area, r)| format!("{area:.4} around {:.2}°E {:.2}°N", r.center().x, r.center().y))
                .collect();
            problems.push(format!(
                "on {day}: {gap_area:.4} square degrees of land the map can show belong to no state (largest pieces: {})",
                at.join("; ")
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
}

#[cfg(test)]
mod extent_tests {
    use super::*;

    #[test]
    fn the_checked_land_holds_gotland_and_danzig_and_lies_in_what_every_shape_shows() {
        // Gotland (18.1–19.0°E, 56.9–58.0°N) and Danzig (18.6°E 54.35°N), outside the old
        // hand-written frame (19.5–39°E, 53.3–61°N).
        for (lon, lat) in [(18.3, 57.5), (18.65, 54.35)] {
            assert!(CHECKED_EXTENT.contains(atlas_core::LonLat { lon, lat }), "{lon} {lat}");
        }
        for step in 0..=20 {
            let aspect = 0.5 + f64::from(step) * 0.1;
            let frame = main_extent(1000.0 * aspect.sqrt(), 1000.0 / aspect.sqrt());
            // Up to 2.2 : 1 the frame holds all of it; wider, the frame keeps its shape and
            // shows a little less to the north and south (`geo::frame`'s own test).
            if aspect <= 2.2 {
                assert!(frame.west <= CHECKED_EXTENT.west && frame.east >= CHECKED_EXTENT.east, "{aspect}");
                assert!(frame.south <= CHECKED_EXTENT.south && frame.north >= CHECKED_EXTENT.north, "{aspect}");
            }
        }
    }

    #[test]
    fn what_the_map_can_show_is_inside_the_data() {
        let shown = shown_extent();
        assert!(shown.west < CHECKED_EXTENT.west && shown.south < CHECKED_EXTENT.south, "{shown:?}");
        // Inside the data's extent, but for rounding (the Mercator round trip).
        let e = 1e-9;
        assert!(shown.west >= EXTENT.west - e && shown.east <= EXTENT.east + e, "{shown:?} leaves the data");
        assert!(shown.south >= EXTENT.south - e && shown.north <= EXTENT.north + e, "{shown:?} leaves the data");
    }
}
