//! Evaluating the recipes: each period's shape from countries, regions and other periods.
use std::collections::{BTreeMap, HashMap};

use anyhow::{bail, Context as _};
use geo::{BooleanOps as _, MultiPolygon};

use super::overlay::{Name, Overlay, Term};
use crate::geometry::{extent_polygon, snap, EXTENT};

/// The shape of every recipe, in the overlay's order, clipped to the extent.
pub fn build_periods(
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
) -> anyhow::Result<Vec<MultiPolygon<f64>>> {
    let mut done: HashMap<String, MultiPolygon<f64>> = HashMap::new();
    let extent = MultiPolygon::new(vec![extent_polygon(EXTENT)]);
    overlay
        .recipes
        .iter()
        .map(|recipe| {
            let shape = evaluate(&recipe.id, overlay, countries, &mut done, &mut Vec::new())?;
            Ok(snap(&shape.intersection(&extent)))
        })
        .collect()
}

fn evaluate(
    id: &str,
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
    done: &mut HashMap<String, MultiPolygon<f64>>,
    stack: &mut Vec<String>,
) -> anyhow::Result<MultiPolygon<f64>> {
    if let Some(shape) = done.get(id) {
        return Ok(shape.clone());
    }
    if stack.iter().any(|s| s == id) {
        bail!("periods refer to each other in a circle: {} → {id}", stack.join(" → "));
    }
    stack.push(id.to_owned());
    let recipe = overlay.recipes.iter().find(|r| r.id == id).with_context(|| format!("no period `{id}`"))?;
    let mut term_shape = |term: &Term| -> anyhow::Result<MultiPolygon<f64>> {
        let mut shape: Option<MultiPolygon<f64>> = None;
        for literal in term.literals.iter().filter(|l| !l.negated) {
            let next = name_shape(&literal.name, overlay, countries, done, stack)?;
            shape = Some(match shape {
                None => next,
                Some(shape) => snap(&shape.intersection(&next)),
            });
        }
        let mut shape = shape.unwrap_or_else(|| MultiPolygon::new(Vec::new()));
        for literal in term.literals.iter().filter(|l| l.negated) {
            shape = snap(&shape.difference(&name_shape(&literal.name, overlay, countries, done, stack)?));
        }
        Ok(shape)
    };
    let mut shape = MultiPolygon::new(Vec::new());
    for term in &recipe.parts {
        shape = snap(&shape.union(&term_shape(term)?));
    }
    for term in &recipe.minus {
        shape = snap(&shape.difference(&term_shape(term)?));
    }
    stack.pop();
    done.insert(id.to_owned(), shape.clone());
    Ok(shape)
}

fn name_shape(
    name: &Name,
    overlay: &Overlay,
    countries: &BTreeMap<String, MultiPolygon<f64>>,
    done: &mut HashMap<String, MultiPolygon<f64>>,
    stack: &mut Vec<String>,
) -> anyhow::Result<MultiPolygon<f64>> {
    match name {
        Name::Country(code) => countries.get(code).cloned().with_context(|| format!("no country {code}")),
        Name::Region(region) => overlay
            .regions
            .get(region)
            .map(|r| MultiPolygon::new(vec![r.polygon.clone()]))
            .with_context(|| format!("no region `{region}`")),
        Name::Period(id) => evaluate(id, overlay, countries, done, stack),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::borders::fixtures::{square, OVERLAY_TEXT};
    use crate::borders::output::{sources_of, NATURAL_EARTH};
    use crate::borders::overlay::parse_overlay;
    use geo::Area as _;

    #[test]
    fn recipes_combine_countries_regions_and_periods() -> anyhow::Result<()> {
        let overlay = parse_overlay(&OVERLAY_TEXT.replace("AAA", "LTU"))?;
        assert_eq!(overlay.recipes.len(), 2);
        assert_eq!(overlay.recipes[1].end, None);
        let countries = BTreeMap::from([("LTU".to_owned(), square())]);
        let shapes = build_periods(&overlay, &countries)?;
        assert!((shapes[0].unsigned_area() - 2.0).abs() < 1e-9);
        assert!((shapes[1].unsigned_area() - 2.0).abs() < 1e-9);
        assert!(shapes[0].intersection(&shapes[1]).unsigned_area() < 1e-9);
        let sources = sources_of(&overlay.recipes[1], &overlay);
        assert_eq!(
            sources,
            vec!["Treaty".to_owned(), "a test".to_owned(), NATURAL_EARTH.to_owned()],
            "a region's source without its name"
        );
        Ok(())
    }
}
