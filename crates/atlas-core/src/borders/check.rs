//! The checks too costly for the app, run by the validator and the generator.
use super::{to_polygon, Borders};
use crate::data::{DataError, Location};

/// The checks too costly for the app: periods of one state must not overlap in time, and
/// every polygon must be valid (closed rings of at least 4 positions that do not cross
/// themselves or each other, holes inside their polygon, polygons not overlapping).
pub fn check_borders(borders: &Borders) -> Vec<DataError> {
    use ::geo::Validation as _;
    let location = |index: usize| Location {
        file: borders.file.clone(),
        index: Some(index),
        id: borders.periods.get(index).map(|p| p.id.clone()),
    };
    let mut errors = Vec::new();
    for (b, later) in borders.periods.iter().enumerate() {
        for earlier in borders.periods[..b].iter().filter(|p| p.state == later.state) {
            if later.overlaps_in_time(earlier) {
                let end = earlier.span.end.map_or_else(|| "open".to_owned(), |e| e.to_string());
                errors.push(DataError::Field {
                    location: location(b),
                    field: "start".to_owned(),
                    problem: format!(
                        "{} – {} overlaps `{}` ({} – {end}), an earlier period of the same state `{}`",
                        later.span.start,
                        later.span.end.map_or_else(|| "open".to_owned(), |e| e.to_string()),
                        earlier.id,
                        earlier.span.start,
                        later.state
                    ),
                });
            }
        }
    }
    for (index, period) in borders.periods.iter().enumerate() {
        for ring in period.rings() {
            if ring.len() < 4 || ring.first() != ring.last() {
                errors.push(DataError::Field {
                    location: location(index),
                    field: "geometry".to_owned(),
                    problem: "a ring is not closed or has fewer than 4 positions".to_owned(),
                });
            }
        }
        let multi = ::geo::MultiPolygon::new(period.polygons.iter().map(|rings| to_polygon(rings)).collect());
        let problems = multi.validation_errors();
        if let Some(first) = problems.first() {
            errors.push(DataError::Field {
                location: location(index),
                field: "geometry".to_owned(),
                problem: format!("{} validity problem(s), first: {first}", problems.len()),
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::model::LonLat;

    #[test]
    fn periods_of_one_state_must_not_overlap() {
        let borders = Borders::new(
            "borders.topojson",
            vec![
                period("a-1920-1923", "a", "1920", Some("1923-01-19"), square(20.0, 50.0, 1.0)),
                period("b-1920", "b", "1920", None, square(30.0, 50.0, 1.0)),
                period("a-1923", "a", "1923-01-19", None, square(20.0, 50.0, 2.0)),
            ],
        );
        let errors: Vec<String> = check_borders(&borders).iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].starts_with("borders.topojson: feature 2 (id `a-1923`): field `start`"), "{}", errors[0]);
        assert!(errors[0].contains("overlaps `a-1920-1923`"), "{}", errors[0]);
        let fixed = Borders::new(
            "borders.topojson",
            vec![
                period("a-1920-1923", "a", "1920", Some("1923-01-18"), square(20.0, 50.0, 1.0)),
                period("a-1923", "a", "1923-01-19", None, square(20.0, 50.0, 2.0)),
            ],
        );
        assert_eq!(check_borders(&fixed), Vec::new());
    }

    #[test]
    fn a_self_intersecting_ring_is_invalid() {
        let p = |lon: f64, lat: f64| LonLat { lon, lat };
        let bowtie = vec![vec![p(20.0, 50.0), p(21.0, 51.0), p(21.0, 50.0), p(20.0, 51.0), p(20.0, 50.0)]];
        let borders = Borders::new("borders.topojson", vec![period("a-1920", "a", "1920", None, vec![bowtie])]);
        let errors: Vec<String> = check_borders(&borders).iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].starts_with("borders.topojson: feature 0 (id `a-1920`): field `geometry`"), "{}", errors[0]);
    }
}
