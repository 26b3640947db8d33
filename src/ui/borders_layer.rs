//! The states as they stood on the reference day (1 July) of the selected year:
//! drawn again only when the borders change (a new epoch), not on every slider step.
use std::sync::Arc;

use atlas_core::borders::{reference_day, StatePeriod};
use atlas_core::geo::{label_position, polygons_path, MapLayout};
use atlas_core::i18n::UiText;
use atlas_core::HistoricDate;
use leptos::prelude::*;

use crate::state::{Locale, Selection};
use atlas_core::DataSet;

/// A state smaller than this on the map (in square SVG units) gets no name label.
const MIN_LABELLED_AREA: f64 = 2_500.0;
/// A state's name keeps this far (SVG units) from city markers.
const LABEL_CLEARANCE: f64 = 40.0;
/// Roughly half the length of a long state name (SVG units).
const LABEL_HALF_WIDTH: f64 = 90.0;

/// What is drawn of one state period: its path in each frame, and where its name goes.
struct DrawnPeriod {
    state: String,
    paths: Vec<Option<String>>,
    label_at: Option<(f64, f64)>,
}

/// The signed area and centroid of a closed screen ring (shoelace formula).
fn area_and_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for pair in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    area /= 2.0;
    if area.abs() < f64::EPSILON {
        return (0.0, (0.0, 0.0));
    }
    (area.abs(), (cx / (6.0 * area), cy / (6.0 * area)))
}

/// What a historian sees on hovering over a state: its name, the period its border stood and
/// the sources of its lines (the data's own words).
fn describe_period(period: &StatePeriod, text: &UiText) -> String {
    let lang = text.lang();
    let day = |d: atlas_core::time::CalendarDay| {
        HistoricDate::day(d.year, d.month, d.day).map(|d| text.dates().date(&d)).unwrap_or_default()
    };
    let until = period.last_day().map(day).unwrap_or_default();
    let mut text = format!("{} ({} – {until})", period.name.text(lang), day(period.first_day()));
    if let Some(note) = &period.note {
        text.push_str(&format!("\n{note}"));
    }
    for source in &period.sources {
        text.push_str(&format!("\n• {source}"));
    }
    text
}

/// Whether a state's name written at `(x, y)` stays inside the main frame and clear of the insets.
fn label_fits(layout: &MapLayout, (x, y): (f64, f64)) -> bool {
    let r = layout.frames[0].rect;
    let inside = (r.x + LABEL_HALF_WIDTH..=r.x + r.width - LABEL_HALF_WIDTH).contains(&x)
        && (r.y + 20.0..=r.y + r.height - 20.0).contains(&y);
    let under_inset = layout.frames.iter().skip(1).any(|f| {
        let i = f.rect;
        x - LABEL_HALF_WIDTH < i.x + i.width && y > i.y - 10.0 && y < i.y + i.height + 20.0
    });
    inside && !under_inset
}

/// Paths per frame and a label position in the main frame, for every period, computed once.
fn draw_periods(data: &DataSet, layout: &MapLayout, cities: &[(f64, f64)]) -> Vec<DrawnPeriod> {
    data.borders
        .periods()
        .iter()
        .map(|period| {
            let paths = layout.frames.iter().map(|frame| polygons_path(&period.polygons, frame)).collect();
            let main = &layout.frames[0];
            let label_at = period
                .polygons
                .iter()
                .filter_map(|polygon| polygon.first())
                .map(|outer| {
                    let screen: Vec<(f64, f64)> = outer.iter().filter_map(|&p| main.projection.project(p)).collect();
                    let (area, centre) = area_and_centroid(&screen);
                    (area, label_position(&screen, centre, cities, LABEL_CLEARANCE, |p| label_fits(layout, p)))
                })
                .filter_map(|(area, at)| at.map(|at| (area, at)))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(area, _)| *area >= MIN_LABELLED_AREA)
                .map(|(_, at)| at);
            DrawnPeriod { state: period.state.clone(), paths, label_at }
        })
        .collect()
}

/// The borders of the selected year's reference day, clipped to each frame.
#[component]
pub fn BordersLayer(
    /// The frames of the map (main and insets).
    layout: Arc<MapLayout>,
    /// Where the city markers are, for the names of states to keep clear of.
    cities: Vec<(f64, f64)>,
) -> impl IntoView {
    let data = expect_context::<Arc<DataSet>>();
    let selection = expect_context::<Selection>();
    let locale = expect_context::<Locale>();
    let drawn = StoredValue::new(draw_periods(&data, &layout, &cities));
    let borders = data.clone();
    let epoch = Memo::new(move |_| borders.borders.epoch_on(reference_day(selection.year())));
    let frame_clips: Vec<String> = layout.frames.iter().map(|f| format!("url(#clip-{})", f.id)).collect();
    move || {
        let periods = epoch.get();
        let lang = locale.lang();
        let ui = locale.text();
        let ids = periods.iter().map(|&i| data.borders.periods()[i].id.clone()).collect::<Vec<_>>().join(" ");
        let fills = frame_clips
            .iter()
            .enumerate()
            .map(|(frame, clip)| {
                let shapes = drawn.with_value(|drawn| {
                    periods
                        .iter()
                        .filter_map(|&i| {
                            let period = &drawn[i];
                            let d = period.paths[frame].clone()?;
                            let about = describe_period(&data.borders.periods()[i], &ui);
                            Some(view! {
                                <path class=format!("state state-{}", period.state) d=d>
                                    <title>{about}</title>
                                </path>
                            })
                        })
                        .collect_view()
                });
                view! { <g clip-path=clip.clone()>{shapes}</g> }
            })
            .collect_view();
        let labels = drawn.with_value(|drawn| {
            periods
                .iter()
                .filter_map(|&i| {
                    let (x, y) = drawn[i].label_at?;
                    let (name, name_lang) = data.borders.periods()[i].name.get(lang);
                    Some(view! { <text class="state-name" x=x y=y text-anchor="middle" lang=name_lang.to_string()>{name.to_owned()}</text> })
                })
                .collect_view()
        });
        view! {
            <g class="borders-layer" data-testid="borders" data-epoch=ids>
                {fills}
                <g class="state-names" aria-hidden="true">{labels}</g>
            </g>
        }
    }
}
