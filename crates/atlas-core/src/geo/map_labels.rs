//! The labels of the whole map for a year and a language: the atlas's cities and the states
//! standing on the year's reference day, with their priorities, placed by
//! [`super::placement::place_labels`]. The app draws what this returns; the tests check it for
//! every year, language and layout size.
use super::layout::{city_markers, MapLayout, Marker};
use super::placement::{
    controls_box, place_labels, state_candidates, Box2, CityLabel, LabelStyle, Placement, Priority, StateLabel,
};
use crate::borders::{reference_day, StatePeriod};
use crate::dataset::DataSet;
use crate::lang::Lang;
use crate::model::PlaceId;

/// A state period of the selected year as the main frame shows it: its visible outline and the
/// places its name may go.
#[derive(Debug, Clone, PartialEq)]
pub struct VisibleState {
    /// Index in [`crate::borders::Borders::periods`].
    pub period: usize,
    pub outline: Vec<(f64, f64)>,
    pub candidates: Vec<(f64, f64)>,
    /// How many events name the state as a party: the three that take part in most (the
    /// Baltic states) are named first.
    pub events: usize,
}

/// The states standing on `year`'s reference day that show in the main frame, the most
/// involved in the story first (by the number of events naming them as a party), then west
/// to east by where their name would go.
pub fn visible_states(data: &DataSet, layout: &MapLayout, year: i32, style: &LabelStyle) -> Vec<VisibleState> {
    visible_periods(data, layout, &data.borders.epoch_on(reference_day(year)), style)
}

/// [`visible_states`] of the periods of an epoch (indices in
/// [`crate::borders::Borders::periods`], as [`crate::borders::Borders::epoch_on`] gives them).
pub fn visible_periods(data: &DataSet, layout: &MapLayout, epoch: &[usize], style: &LabelStyle) -> Vec<VisibleState> {
    let step = (0.7 * style.state_font).max(layout.width.min(layout.height) / 60.0);
    let mut states: Vec<VisibleState> = epoch
        .iter()
        .copied()
        .filter_map(|period| {
            let p: &StatePeriod = &data.borders.periods()[period];
            let (outline, candidates) = state_candidates(&p.polygons, layout, step);
            if outline.len() < 4 {
                return None;
            }
            let events = data.atlas.events().iter().filter(|e| e.parties.iter().any(|s| s.as_str() == p.state)).count();
            Some(VisibleState { period, outline, candidates, events })
        })
        .collect();
    states.sort_by(|a, b| {
        let x = |s: &VisibleState| s.candidates.first().map_or(f64::INFINITY, |c| c.0);
        b.events.cmp(&a.events).then(x(a).total_cmp(&x(b)))
    });
    states
}

/// The markers of the map: event places and context places that the layout shows.
pub fn markers(data: &DataSet, layout: &MapLayout) -> Vec<Marker> {
    city_markers(&data.atlas, layout)
}

/// Every label of the map for `year` in `lang`: the cities' (those with an event this year
/// first, the places the story only names last) and the states' (the three most involved
/// first), kept clear of each other, of the markers, of the insets and of the zoom buttons.
pub fn place_map_labels(
    data: &DataSet,
    layout: &MapLayout,
    markers: &[Marker],
    states: &[VisibleState],
    style: &LabelStyle,
    year: i32,
    lang: Lang,
) -> Placement {
    let active = data.atlas.places_with_event_in(year);
    let cities: Vec<CityLabel> = markers
        .iter()
        .filter_map(|marker| {
            let place = PlaceId::new(&marker.id).and_then(|id| data.atlas.place(&id))?;
            // `places_with_event_in` is sorted by id.
            let is_active = active.binary_search_by(|a| a.as_str().cmp(marker.id.as_str())).is_ok();
            let at_edge = layout.edge.iter().any(|e| e.id == marker.id);
            let (priority, radius, font) = if place.is_context() {
                (Priority::Context, style.context_radius, style.context_font)
            } else if is_active || at_edge {
                // An edge marker's arrow means nothing without its name.
                (Priority::ActiveCity, style.active_radius, style.city_font)
            } else {
                (Priority::City, style.radius, style.city_font)
            };
            let frame = if layout.edge.iter().any(|e| e.id == marker.id) {
                0
            } else {
                let frame = layout.frame_for(place.location);
                layout.frames.iter().position(|f| f.id == frame.id).unwrap_or(0)
            };
            Some(CityLabel {
                id: marker.id.clone(),
                text: place.name.text(lang).to_owned(),
                at: marker.position,
                radius,
                font,
                priority,
                frame,
            })
        })
        .collect();
    let labels: Vec<StateLabel> = states
        .iter()
        .enumerate()
        .map(|(rank, s)| {
            let period = &data.borders.periods()[s.period];
            StateLabel {
                id: period.id.clone(),
                text: period.name.get(lang).0.to_owned(),
                font: style.state_font,
                priority: if rank < 3 { Priority::BalticState } else { Priority::State },
                candidates: s.candidates.clone(),
                outline: s.outline.clone(),
            }
        })
        .collect();
    let reserved: [Box2; 1] = [controls_box(layout.width, style.kiosk)];
    place_labels(layout, &cities, &labels, &reserved, style.halo)
}
