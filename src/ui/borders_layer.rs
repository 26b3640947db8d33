//! The states as they stood on the reference day (1 July) of the selected year:
//! drawn again only when the borders change (a new epoch), not on every slider step.
use std::sync::Arc;

use atlas_core::borders::{reference_day, StatePeriod};
use atlas_core::geo::{polygons_path, state_label_position, MapLayout};
use atlas_core::i18n::UiText;
use atlas_core::HistoricDate;
use leptos::prelude::*;

use crate::state::{Locale, Selection};
use atlas_core::DataSet;

/// What is drawn of one state period: its path in each frame, and where its name goes.
struct DrawnPeriod {
    state: String,
    paths: Vec<Option<String>>,
    label_at: Option<(f64, f64)>,
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

/// Paths per frame and a label position in the main frame, for every period, computed once.
fn draw_periods(data: &DataSet, layout: &MapLayout, cities: &[(f64, f64)]) -> Vec<DrawnPeriod> {
    data.borders
        .periods()
        .iter()
        .map(|period| {
            let paths = layout.frames.iter().map(|frame| polygons_path(&period.polygons, frame)).collect();
            let label_at = state_label_position(&period.polygons, layout, cities);
            DrawnPeriod { state: period.state.clone(), paths, label_at }
        })
        .collect()
}

/// The borders of the selected year's reference day, clipped to each frame.
#[component]
pub fn BordersLayer(
    /// The frames of the map (main and insets).
    layout: Arc<MapLayout>,
    /// Where the city markers and their labels are, for the names of states to keep clear of.
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
