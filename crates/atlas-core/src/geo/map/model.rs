//! The map model: everything the map draws, computed from the data, the map's box, the year and
//! the language. The app's map component only binds what these return; the tests and the
//! benchmark build the very same model.
//!
//! It comes in stages, each depending only on what it needs, so that the app recomputes as
//! little as a step requires:
//! - [`MapFrames`]: the box alone — frames and insets, markers, land, lakes, every border
//!   period's path and every treaty's path in each frame, what zooming in may add (rivers,
//!   towns, the names of rivers and lakes: [`super::detail`]), sizes and the buttons' corner;
//! - [`MapStates`]: the borders standing on a day (an epoch) — which state periods show in
//!   the main frame and where their names may go;
//! - [`MapYear`]: the year — the places with an event and the treaty lines in force, each with
//!   its style;
//! - [`MapLabels`]: the language (and the day) — every place's name on the day, the callouts of
//!   the regions that passed that year, and where every city and state name goes;
//! - [`Legend`]: the legend's rows.
//!
//! [`MapModel::build`] makes all of them at once.
//!
//! ```
//! use atlas_core::geo::model::MapModel;
//! use atlas_core::geo::style::MapBox;
//! use atlas_core::link::Mode;
//! use atlas_core::{DataSet, Lang, PlaceId};
//!
//! let data = DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data")))
//!     .expect("the committed data loads");
//! let model = MapModel::build(&data, atlas_core::changes::year_view_day(1934), Lang::EN, MapBox::new(1100.0, 780.0, Mode::Standard));
//! // Riga has a conference in 1934: its marker is in the main frame, active, and named.
//! let riga = model.frames.marker_index(&PlaceId::new("riga").expect("slug")).expect("a marker");
//! assert_eq!(model.frames.markers[riga].frame, 0);
//! assert!(model.year.is_active(&model.frames.markers[riga].place));
//! assert!(model.labels.city(riga).is_some());
//! // The Baltic Entente's treaty is drawn between its three capitals.
//! let entente = model.year.treaties.iter().find(|t| model.frames.treaty(t.event).is_some_and(|p| p.cities.len() == 3));
//! assert!(entente.is_some());
//! ```
use std::collections::HashMap;

use super::callout::{region_callouts, RegionCallout};
use super::detail::ZoomItems;
use super::lanes::{treaty_lanes, LANE_GAP};
use super::layout::{city_markers, Compass, EdgeMarker, MapLayout, PlaceMarker};
use super::palette::{fill, treaties_drawn, treaty_styles, TreatyStyle};
use super::placement::{
    name_forms, place_labels, state_candidates, text_size, CityLabel, Line, Placed, Placement, Priority, Segment,
    StateLabel, EM_PER_CHAR_BOLD, EM_PER_CHAR_ITALIC,
};
use super::style::{MapBox, MapStyle};
use crate::dataset::DataSet;
use crate::geo::geometry::{line_path_into, polygons_path, ring_contains, MapView, ScreenRect};
use crate::i18n::UiText;
use crate::lang::Lang;
use crate::model::{EventKind, LonLat, PlaceId};
use crate::time::CalendarDay;
use crate::timeline::EventIndex;

/// A treaty's lines on the map: the path through all of them, and the places at their ends.
#[derive(Debug, Clone, PartialEq)]
pub struct TreatyPath {
    pub event: EventIndex,
    /// The SVG path of its lines between places of the main frame (one `M…L…` a pair of
    /// capitals), in the main frame's coordinates (it zooms with the frame); empty when every
    /// line has an end in an inset.
    pub d: String,
    /// Its lines to places drawn in an inset (Moscow beyond a narrow frame): each ends at the
    /// inset's marker, not at the place's position off the frame.
    pub to_insets: Vec<InsetLine>,
    /// The places its lines join (the signatories' capitals, or its place of signing), in the
    /// treaty's order.
    pub cities: Vec<PlaceId>,
    /// Its lines as drawn (main frame, each in its lane): what labels keep clear of.
    pub segments: Vec<[(f64, f64); 2]>,
    /// How its line is drawn, in every year, language and size ([`treaty_styles`]).
    pub style: TreatyStyle,
}

/// One end of an [`InsetLine`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineEnd {
    /// A point of the main frame, which the reader zooms and pans.
    Main((f64, f64)),
    /// A marker in an inset (index in [`MapLayout::frames`]), which stays where it is.
    Inset(usize, (f64, f64)),
}

impl LineEnd {
    /// Where the end is drawn when the main frame is seen through `view`.
    pub fn on_screen(&self, view: MapView) -> (f64, f64) {
        match *self {
            LineEnd::Main(at) => view.to_screen(at),
            LineEnd::Inset(_, at) => at,
        }
    }
}

/// A treaty line with at least one end in an inset: drawn over the frames from its place in
/// the main frame (or in another inset) into the inset, where it ends at the place's marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InsetLine {
    pub from: LineEnd,
    /// Always [`LineEnd::Inset`]: the place's marker in its inset.
    pub to: LineEnd,
}

impl InsetLine {
    /// Its SVG path when the main frame is seen through `view`.
    ///
    /// ```
    /// use atlas_core::geo::model::{InsetLine, LineEnd};
    /// use atlas_core::geo::MapView;
    ///
    /// let line = InsetLine { from: LineEnd::Main((100.0, 50.0)), to: LineEnd::Inset(1, (400.0, 300.0)) };
    /// assert_eq!(line.d(MapView::HOME), "M100.0 50.0L400.0 300.0");
    /// // Zoomed, the end in the main frame moves; the end in the inset does not.
    /// assert_eq!(line.d(MapView { scale: 2.0, x: -50.0, y: 0.0 }), "M150.0 100.0L400.0 300.0");
    /// ```
    pub fn d(&self, view: MapView) -> String {
        let ((x0, y0), (x1, y1)) = (self.from.on_screen(view), self.to.on_screen(view));
        format!("M{x0:.1} {y0:.1}L{x1:.1} {y1:.1}")
    }
}

/// An arrow at the main frame's edge, pointing towards a place beyond it, with how far beyond
/// the edge the place lies (see [`EdgeMarker`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeArrow {
    pub place: PlaceId,
    /// The arrow's centre, just inside the edge.
    pub position: (f64, f64),
    /// Degrees clockwise from east (SVG's rotation).
    pub angle: f64,
    /// From the frame's edge to the place, rounded (see [`super::layout::rounded_km`]).
    pub distance_km: u32,
    pub compass: Compass,
}

impl EdgeArrow {
    /// The arrow's label: the place's name and its distance, "Berlin 420 km".
    pub fn label(&self, text: &UiText, name: &str) -> String {
        text.edge_label(name, &text.number(self.distance_km))
    }

    /// What a screen reader says of the arrow: "Berlin, 420 km to the south-west, beyond the
    /// edge of the map".
    pub fn accessible_name(&self, text: &UiText, name: &str) -> String {
        let direction = match self.compass {
            Compass::North => text.direction_north(),
            Compass::NorthEast => text.direction_north_east(),
            Compass::East => text.direction_east(),
            Compass::SouthEast => text.direction_south_east(),
            Compass::South => text.direction_south(),
            Compass::SouthWest => text.direction_south_west(),
            Compass::West => text.direction_west(),
            Compass::NorthWest => text.direction_north_west(),
        };
        text.edge_marker_name(name, &text.number(self.distance_km), direction)
    }
}

/// Everything on the map that depends on its box alone.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFrames {
    pub map_box: MapBox,
    pub style: MapStyle,
    /// The corner the zoom buttons cover.
    pub controls: ScreenRect,
    /// The corner the pan pad covers while the map is zoomed in ([`MapStyle::pan_pad`]).
    pub pan_pad: ScreenRect,
    pub layout: MapLayout,
    /// Every place the map shows, the busiest first.
    pub markers: Vec<PlaceMarker>,
    /// The land of each frame (clipped to the frame's rectangle when drawn).
    pub land: Vec<String>,
    /// The lakes and lagoons of each frame, drawn over the states (clipped likewise).
    pub water: Vec<String>,
    /// What zooming in may add to the main frame: rivers, towns, names of rivers and lakes
    /// (see [`super::detail`]).
    pub zoomed: ZoomItems,
    /// Each frame's path of each border period (index in [`crate::borders::Borders::periods`]):
    /// `None` where the period does not reach into the frame.
    pub borders: Vec<Vec<Option<String>>>,
    /// Every treaty with a line, in time order.
    pub treaties: Vec<TreatyPath>,
    pub edges: Vec<EdgeArrow>,
    markers_by_place: HashMap<PlaceId, usize>,
    treaties_by_event: HashMap<EventIndex, usize>,
}

impl MapFrames {
    /// What the map's buttons cover in `view`: the zoom buttons' corner, and while the map is
    /// zoomed in, the pan pad's ([`MapStyle::pan_pad`]). No label goes there.
    pub fn buttons_in(&self, view: MapView) -> Vec<ScreenRect> {
        std::iter::once(self.controls).chain((!view.is_home()).then_some(self.pan_pad)).collect()
    }

    /// The frames of a map in `map_box`: the main frame fills it, with insets for the places
    /// where something happened beyond it.
    pub fn new(data: &DataSet, map_box: MapBox) -> MapFrames {
        let style = MapStyle::for_box(map_box);
        let controls = style.controls(map_box.width);
        let far =
            data.atlas.places().iter().filter(|p| !p.is_context() && !p.is_town()).map(|p| (p.id.as_str(), p.location));
        let layout = MapLayout::fitted(map_box.width, map_box.height, far, style.insets_below(map_box.width));
        let insets: Vec<ScreenRect> = layout.frames.iter().skip(1).map(|f| f.rect).collect();
        let pan_pad = style.pan_pad((map_box.width, map_box.height), &insets);
        let markers = city_markers(&data.atlas, &layout);
        let markers_by_place = markers.iter().enumerate().map(|(i, m)| (m.place.clone(), i)).collect();
        let land = layout
            .frames
            .iter()
            .map(|f| polygons_path(&data.basemap.polygons, f.bounds, &f.projection).unwrap_or_else(|| "M0 0".into()))
            .collect();
        let areas = data.water.areas();
        let water = layout
            .frames
            .iter()
            .map(|f| polygons_path(&areas, f.bounds, &f.projection).unwrap_or_else(|| "M0 0".into()))
            .collect();
        let zoomed = ZoomItems::new(data, &layout);
        let borders = layout
            .frames
            .iter()
            .map(|f| {
                data.borders.periods().iter().map(|p| polygons_path(&p.polygons, f.bounds, &f.projection)).collect()
            })
            .collect();
        let treaties = treaty_paths(data, &layout, &markers, &markers_by_place);
        let treaties_by_event = treaties.iter().enumerate().map(|(i, t)| (t.event, i)).collect();
        let edges = layout
            .edge
            .iter()
            .filter_map(|e: &EdgeMarker| {
                let marker = markers.iter().find(|m| m.at_edge && m.place.as_str() == e.id)?;
                Some(EdgeArrow {
                    place: marker.place.clone(),
                    position: marker.position,
                    angle: e.angle,
                    distance_km: e.distance_km,
                    compass: e.compass,
                })
            })
            .collect();
        MapFrames {
            map_box,
            style,
            controls,
            pan_pad,
            layout,
            markers,
            land,
            water,
            zoomed,
            borders,
            treaties,
            edges,
            markers_by_place,
            treaties_by_event,
        }
    }

    /// The position in [`MapFrames::markers`] of a place's marker, if the map shows it.
    pub fn marker_index(&self, place: &PlaceId) -> Option<usize> {
        self.markers_by_place.get(place).copied()
    }

    /// A treaty's lines, if it has any.
    pub fn treaty(&self, event: EventIndex) -> Option<&TreatyPath> {
        self.treaties_by_event.get(&event).map(|&i| &self.treaties[i])
    }

    /// The arrow of a place shown by an edge marker.
    pub fn edge(&self, place: &PlaceId) -> Option<&EdgeArrow> {
        self.edges.iter().find(|e| &e.place == place)
    }

    /// The markers drawn in frame `frame`, as positions in [`MapFrames::markers`].
    pub fn markers_in(&self, frame: usize) -> impl Iterator<Item = usize> + '_ {
        self.markers.iter().enumerate().filter(move |(_, m)| m.frame == frame).map(|(i, _)| i)
    }
}

/// Every treaty's path, each line in its lane, with the places it joins. A line between two
/// places of the main frame is drawn in the main frame (off its edge where a place is beyond
/// it, towards the place); a line to a place in an inset ends at the inset's marker.
fn treaty_paths(
    data: &DataSet,
    layout: &MapLayout,
    markers: &[PlaceMarker],
    markers_by_place: &HashMap<PlaceId, usize>,
) -> Vec<TreatyPath> {
    let styles: HashMap<EventIndex, TreatyStyle> = treaty_styles(&data.atlas).into_iter().collect();
    let mut paths: Vec<TreatyPath> = Vec::new();
    let mut index: HashMap<EventIndex, usize> = HashMap::new();
    // The marker of the place at `point`, where it is drawn in an inset.
    let in_inset = |point: LonLat| {
        let place = data.atlas.place_at(point)?;
        let marker = &markers[*markers_by_place.get(&place.id)?];
        (marker.frame > 0 && !marker.at_edge).then_some((marker.frame, marker.position))
    };
    for line in treaty_lanes(&data.atlas) {
        let ends = (in_inset(line.from), in_inset(line.to));
        let (main_part, inset_part) = if ends == (None, None) {
            (line.drawn(layout, LANE_GAP), None)
        } else {
            let main = &layout.frames[0].projection;
            let end = |inset: Option<(usize, (f64, f64))>, point: LonLat| match inset {
                Some((_, at)) => Some(at),
                None => main.project(point),
            };
            let Some(segment) =
                end(ends.0, line.from).zip(end(ends.1, line.to)).map(|(a, b)| line.shifted(a, b, LANE_GAP))
            else {
                continue;
            };
            // Lines into an inset meet at its marker, as lines meet at a city.
            let end = |inset: Option<(usize, (f64, f64))>, drawn: (f64, f64)| match inset {
                Some((frame, at)) => LineEnd::Inset(frame, at),
                None => LineEnd::Main(drawn),
            };
            let (from, to) = (end(ends.0, segment[0]), end(ends.1, segment[1]));
            let inset = if matches!(to, LineEnd::Inset(..)) {
                InsetLine { from, to }
            } else {
                InsetLine { from: to, to: from }
            };
            (None, Some(inset))
        };
        if main_part.is_none() && inset_part.is_none() {
            continue;
        }
        let Some(&style) = styles.get(&line.event) else { continue };
        let slot = *index.entry(line.event).or_insert_with(|| {
            let event = data.atlas.event(line.event);
            let cities = event.points.iter().filter_map(|&p| data.atlas.place_at(p)).map(|p| p.id.clone()).collect();
            paths.push(TreatyPath {
                event: line.event,
                d: String::new(),
                to_insets: Vec::new(),
                cities,
                segments: Vec::new(),
                style,
            });
            paths.len() - 1
        });
        if let Some(segment) = main_part {
            line_path_into(&mut paths[slot].d, &segment);
            paths[slot].segments.push(segment);
        }
        paths[slot].to_insets.extend(inset_part);
    }
    paths
}

/// Whether `point` lies in one of `polygons` (each an outer ring and its holes).
fn polygons_contain(polygons: &[Vec<Vec<LonLat>>], point: LonLat) -> bool {
    let xy = |ring: &Vec<LonLat>| ring.iter().map(|p| (p.lon, p.lat)).collect::<Vec<_>>();
    polygons.iter().any(|rings| {
        let mut rings = rings.iter();
        rings.next().is_some_and(|outer| ring_contains(&xy(outer), (point.lon, point.lat)))
            && rings.all(|hole| !ring_contains(&xy(hole), (point.lon, point.lat)))
    })
}

/// A state period of the selected day as the main frame shows it: its visible outline and the
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

/// The borders standing on one day, as a map in [`MapFrames`] shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct MapStates {
    /// The periods standing (indices in [`crate::borders::Borders::periods`], the file's order).
    pub periods: Vec<usize>,
    /// Those that show in the main frame, the most involved in the story first (by the number
    /// of events naming them as a party), then west to east by where their name would go.
    pub visible: Vec<VisibleState>,
    /// For each frame (as in [`MapLayout::frames`]; `None` for the main frame), the period that
    /// holds the place the inset is for: its name is the inset's title.
    pub insets: Vec<Option<usize>>,
}

impl MapStates {
    /// The states standing on `day`.
    pub fn on(data: &DataSet, frames: &MapFrames, day: CalendarDay) -> MapStates {
        MapStates::of_periods(data, frames, data.borders.epoch_on(day))
    }

    /// The states of an epoch (as [`crate::borders::Borders::epoch_on`] gives it): the app
    /// computes this only when the epoch changes, not on every step.
    pub fn of_periods(data: &DataSet, frames: &MapFrames, periods: Vec<usize>) -> MapStates {
        let (layout, style) = (&frames.layout, &frames.style);
        let main = &layout.frames[0];
        let step = (0.7 * style.state_font).max(layout.width.min(layout.height) / 60.0);
        let mut visible: Vec<VisibleState> = periods
            .iter()
            .copied()
            .filter_map(|period| {
                let p = &data.borders.periods()[period];
                let (outline, candidates) = state_candidates(&p.polygons, &main.projection, main.rect, step);
                if outline.len() < 4 {
                    return None;
                }
                let events =
                    data.atlas.events().iter().filter(|e| e.parties.iter().any(|s| s.as_str() == p.state)).count();
                Some(VisibleState { period, outline, candidates, events })
            })
            .collect();
        crate::order::sort_by(&mut visible, |a, b| {
            let x = |s: &VisibleState| s.candidates.first().map_or(f64::INFINITY, |c| c.0);
            b.events.cmp(&a.events).then(x(a).total_cmp(&x(b)))
        });
        let insets = layout
            .frames
            .iter()
            .enumerate()
            .map(|(i, frame)| {
                let place = data.atlas.places().iter().find(|p| i > 0 && p.id.as_str() == frame.id)?;
                periods
                    .iter()
                    .copied()
                    .find(|&period| polygons_contain(&data.borders.periods()[period].polygons, place.location))
            })
            .collect();
        MapStates { periods, visible, insets }
    }
}

/// A treaty line drawn this year, and how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnTreaty {
    pub event: EventIndex,
    pub style: TreatyStyle,
}

/// What the selected day changes on the map: the places with an event in its year, and the
/// treaty lines in force on the day.
#[derive(Debug, Clone, PartialEq)]
pub struct MapYear {
    /// The year of `day`.
    pub year: i32,
    /// The selected day: the borders and the treaties in force are those of this day.
    pub day: CalendarDay,
    /// The places with an event in `year`, sorted.
    pub active_places: Vec<PlaceId>,
    /// The treaty lines drawn (at most [`super::palette::MAX_TREATY_LINES`], the most recent),
    /// in time order, each in the style the treaty keeps for its whole life (the same in the
    /// lines and in the legend).
    pub treaties: Vec<DrawnTreaty>,
    /// Treaties in force with a line that is not drawn.
    pub treaties_left_out: usize,
}

impl MapYear {
    /// The map on `day`: the treaties in force that day (from signature to their last day in
    /// force), and the places with an event in its year.
    pub fn new(data: &DataSet, frames: &MapFrames, day: CalendarDay) -> MapYear {
        let year = day.year;
        let active_places = data.atlas.places_with_event_in(year).into_iter().cloned().collect();
        let in_force: Vec<EventIndex> = data
            .atlas
            .active_indices(year)
            .iter()
            .copied()
            .filter(|&i| {
                let event = data.atlas.event(i);
                // A treaty told for the context (the Molotov–Ribbentrop Pact) is listed, not drawn.
                event.kind == EventKind::Treaty
                    && event.role == crate::EventRole::Story
                    && event.span.contains_day(day)
                    && frames.treaty(i).is_some()
            })
            .collect();
        let (drawn, treaties_left_out) = treaties_drawn(&in_force);
        let treaties =
            drawn.iter().filter_map(|&event| Some(DrawnTreaty { event, style: frames.treaty(event)?.style })).collect();
        MapYear { year, day, active_places, treaties, treaties_left_out }
    }

    /// Whether something happened at `place` this year.
    pub fn is_active(&self, place: &PlaceId) -> bool {
        self.active_places.binary_search(place).is_ok()
    }
}

/// A state's name where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct StateName {
    /// Index in [`crate::borders::Borders::periods`].
    pub period: usize,
    pub text: String,
    /// The language the name is in (English where the file has no name in the reader's).
    pub lang: Lang,
    /// Where it is written on screen, in the view it was placed for.
    pub placed: Placed,
    /// The map point (unzoomed frame units) its middle is drawn at: the name is drawn in the
    /// zoomed group, keeping its size on screen, so this stays the same while the map pans.
    pub at: (f64, f64),
}

impl StateName {
    /// The lines it is written on.
    pub fn lines(&self) -> Vec<&str> {
        self.placed.lines_of(&self.text)
    }
}

/// An inset's title: the name of the state its place lies in, in the inset's top corner on
/// the side away from the main frame's centre (treaty lines come in from the other side).
#[derive(Debug, Clone, PartialEq)]
pub struct InsetTitle {
    /// The inset (index in [`MapLayout::frames`]).
    pub frame: usize,
    /// Index in [`crate::borders::Borders::periods`].
    pub period: usize,
    pub text: String,
    pub lang: Lang,
    pub placed: Placed,
}

/// An inset shorter than this (SVG units) has no title: it would crowd its place's label.
const TITLED_INSET_HEIGHT: f64 = 60.0;

/// Where the title `text` goes in an inset at `rect`, in italic type of `font` px with a halo
/// of `halo`: in its top corner, at the right where `outer_right`, above the inset's middle
/// (where its place is). On one line, else on two ("Soviet / Russia"), else the name without its
/// parenthesis; `None` where the inset is too small for any.
///
/// ```
/// use atlas_core::geo::model::inset_title;
/// use atlas_core::geo::ScreenRect;
///
/// let inset = ScreenRect { x: 600.0, y: 200.0, width: 180.0, height: 130.0 };
/// let title = inset_title("USSR", inset, 14.0, 3.0, true).expect("room for it");
/// assert!(title.bounds.inside(&inset) && title.text_anchor == "end");
/// assert!(title.bounds.y - inset.y < 10.0, "at the top");
/// // A name too wide for one line goes on two; one too wide for two has no title.
/// let two = inset_title("Union of Soviet Socialist Republics", inset, 14.0, 3.0, false).expect("two lines");
/// assert!(two.lines[1].is_some() && two.text_anchor == "start" && two.bounds.inside(&inset));
/// assert!(inset_title("Sowjetunionsrepublikenverwaltung", inset, 14.0, 3.0, true).is_none());
/// ```
pub fn inset_title(text: &str, rect: ScreenRect, font: f64, halo: f64, outer_right: bool) -> Option<Placed> {
    if rect.height < TITLED_INSET_HEIGHT {
        return None;
    }
    let pad = halo + 3.0;
    let mut forms = name_forms(text);
    // Broken at the space nearest the middle, where the name has no parenthesis to break at.
    let middle = text.len() / 2;
    let space = text.match_indices(' ').map(|(i, _)| i).min_by_key(|&i| i.abs_diff(middle));
    if let Some(at) = space.filter(|_| !text.contains(" (")) {
        let middle = [Some((0, at)), Some((at + 1, text.len()))];
        if !forms.contains(&middle) {
            forms.push(middle);
        }
    }
    forms.into_iter().find_map(|lines| {
        let sizes: Vec<(f64, f64)> = lines
            .iter()
            .flatten()
            .filter_map(|&(a, b)| Some(text_size(text.get(a..b)?, font, EM_PER_CHAR_ITALIC, halo)))
            .collect();
        let w = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
        let h = sizes.iter().map(|s| s.1 - 2.0 * halo).sum::<f64>() + 2.0 * halo;
        let top = rect.y + pad - halo;
        if w > rect.width - 2.0 * (pad - halo) || top + h > rect.centre().1 - 0.6 * font {
            return None;
        }
        let y = top + h / 2.0;
        let (x, text_anchor, left) = if outer_right {
            (rect.right() - pad, "end", rect.right() - pad + halo - w)
        } else {
            (rect.x + pad, "start", rect.x + pad - halo)
        };
        let bounds = ScreenRect { x: left, y: y - h / 2.0, width: w, height: h };
        Some(Placed { x, y, text_anchor, bounds, lines, leader: None })
    })
}

/// The half-size (SVG units) of an edge marker's arrow: a little larger than an active city's
/// marker, so that it reads as a marker of its own kind.
pub fn edge_arrow_size(style: &MapStyle) -> f64 {
    style.active_radius + 2.0
}

/// Where the label of an edge marker's arrow at `at` (half-size `arrow`) goes: beside the arrow
/// on the side towards the frame's middle, at the arrow's height, or moved along the edge by
/// up to one and a half label's height where `blocked` says the place is taken (by a marker, an
/// inset, the buttons, a label); inside `frame`. `None` where no such place is free.
///
/// ```
/// use atlas_core::geo::model::edge_tag;
/// use atlas_core::geo::ScreenRect;
///
/// let frame = ScreenRect { x: 0.0, y: 0.0, width: 400.0, height: 500.0 };
/// // An arrow at the left edge: its label to its right, at its height.
/// let tag = edge_tag("Berlin 370 km", (22.0, 350.0), 9.0, 13.0, 3.0, frame, &|_| false).expect("room");
/// assert_eq!((tag.text_anchor, tag.y), ("start", 350.0));
/// assert!(tag.bounds.x > 22.0 + 9.0 && tag.bounds.inside(&frame));
/// // A marker in the way: the label moves along the edge, still beside the arrow.
/// let dot = ScreenRect::centred((140.0, 345.0), 12.0, 12.0);
/// let moved = edge_tag("Berlin 370 km", (22.0, 350.0), 9.0, 13.0, 3.0, frame, &|b| b.overlaps(&dot)).expect("room");
/// assert!(moved.y != 350.0 && (moved.y - 350.0).abs() <= 25.0 && !moved.bounds.overlaps(&dot));
/// // At the right edge, to its left.
/// let right = edge_tag("Moscow 500 km", (378.0, 200.0), 9.0, 13.0, 3.0, frame, &|_| false).expect("room");
/// assert!(right.text_anchor == "end" && right.bounds.right() < 378.0 - 9.0);
/// ```
pub fn edge_tag(
    text: &str,
    at: (f64, f64),
    arrow: f64,
    font: f64,
    halo: f64,
    frame: ScreenRect,
    blocked: &dyn Fn(&ScreenRect) -> bool,
) -> Option<Placed> {
    let (w, h) = text_size(text, font, EM_PER_CHAR_BOLD, halo);
    let lines = [Some((0, text.len())), None];
    let (x, y) = at;
    let gap = arrow + 1.0;
    let towards_right = x < frame.centre().0;
    // Beside the arrow first, towards the middle; for an arrow on the top or bottom edge (far
    // from the sides), the other side too.
    let near_side = (x - frame.x).min(frame.right() - x) < 3.0 * arrow;
    let sides: &[bool] = if near_side { &[towards_right] } else { &[towards_right, !towards_right] };
    let shifts = [0.0, -0.5, 0.5, -1.0, 1.0, -1.5, 1.5];
    sides.iter().flat_map(|&right| shifts.iter().map(move |&k| (right, y + k * h))).find_map(|(right, cy)| {
        let (text_x, left, text_anchor) =
            if right { (x + gap + halo, x + gap, "start") } else { (x - gap - halo, x - gap - w, "end") };
        let bounds = ScreenRect { x: left, y: cy - h / 2.0, width: w, height: h };
        (bounds.inside(&frame) && !blocked(&bounds)).then_some(Placed {
            x: text_x,
            y: cy,
            text_anchor,
            bounds,
            lines,
            leader: None,
        })
    })
}

/// A city's label as its marker draws it: relative to the marker's centre on screen, in screen
/// pixels (a marker keeps its size when the map zooms), so that it stays the same while the map
/// pans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CityText {
    /// The text's anchor point (`dominant-baseline: central`).
    pub dx: f64,
    pub dy: f64,
    pub text_anchor: &'static str,
    /// The box kept free for it (an edge marker's plate).
    pub bounds: ScreenRect,
    /// The line from the marker's edge to the label, where it had to move away.
    pub leader: Option<Segment>,
}

/// A place's name on the selected day, in the reader's language (or English, where the data has
/// none in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceName {
    pub text: String,
    pub lang: Lang,
}

/// Where the map's words go in one language and one view.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabels {
    /// The zoom and pan they are placed for: every box below is on screen in it.
    pub view: MapView,
    /// The label of each marker (as in [`MapFrames::markers`]); `None` where it gave way or the
    /// marker is out of view. An edge marker's is its [`EdgeArrow::label`] ("Berlin 420 km").
    pub cities: Vec<Option<Placed>>,
    /// The same labels as each marker draws them.
    pub texts: Vec<Option<CityText>>,
    /// The text of each marker's label (as in [`MapFrames::markers`]).
    pub city_texts: Vec<String>,
    /// The name of each marker's place on the selected day ("Memel (Klaipėda)" from 23 March
    /// 1939), labelled or not: its label's text (an edge marker's with its distance) and its
    /// marker's accessible name.
    pub names: Vec<PlaceName>,
    /// Whether each marker gave way altogether (a place the story only names under a region's
    /// callout, or whose dot would have cost a city nearby its name): it is not drawn.
    pub hidden: Vec<bool>,
    /// The regions that passed from one state to another this year, called out (placed before
    /// every label, which keep clear of them).
    pub callouts: Vec<RegionCallout>,
    pub states: Vec<StateName>,
    /// The insets' titles.
    pub insets: Vec<InsetTitle>,
    /// The boxes of the markers in view, which no label covers.
    pub markers: Vec<ScreenRect>,
    /// The lines no label crosses: the treaty lines drawn on this day and the markers' leaders.
    pub lines: Vec<Line>,
    /// The markers that should be named (capitals on screen, this day's places, edge markers)
    /// in view, by their position in [`MapFrames::markers`].
    pub essential: Vec<usize>,
}

impl MapLabels {
    /// Every label of the unzoomed map in `lang`: see [`MapLabels::for_view`].
    pub fn new(data: &DataSet, frames: &MapFrames, states: &MapStates, year: &MapYear, lang: Lang) -> MapLabels {
        MapLabels::for_view(data, frames, states, year, lang, MapView::HOME)
    }

    /// Every label of the map in `lang`, placed for the box the reader sees in `view`: first
    /// the capitals of the states on screen, the places with an event this year and the edge
    /// markers (always named, with a leader line if need be); then the other places with
    /// events; then the states' names (the three most involved first); then the places the
    /// story only names. All kept clear of each other, of the markers, of the treaty lines
    /// drawn this year, of the insets and of the zoom buttons, and inside their frame.
    pub fn for_view(
        data: &DataSet,
        frames: &MapFrames,
        states: &MapStates,
        year: &MapYear,
        lang: Lang,
        view: MapView,
    ) -> MapLabels {
        let style = &frames.style;
        let ui = data.languages.get(lang);
        let place_names: Vec<PlaceName> = frames
            .markers
            .iter()
            .map(|marker| {
                let name = data.atlas.place(&marker.place).map(|p| p.name_on(year.day).get(lang));
                let (text, lang) = name.unwrap_or((marker.place.as_str(), Lang::EN));
                PlaceName { text: text.to_owned(), lang }
            })
            .collect();
        let city_texts: Vec<String> = frames
            .markers
            .iter()
            .zip(&place_names)
            .map(|(marker, name)| match frames.edge(&marker.place) {
                Some(edge) => edge.label(&ui, &name.text),
                None => name.text.clone(),
            })
            .collect();
        let main = frames.layout.frames[0].rect;
        let capitals: Vec<&PlaceId> = states
            .visible
            .iter()
            .filter_map(|s| {
                let slug = &data.borders.periods()[s.period].state;
                data.states.iter().find(|state| state.id.as_str() == slug)?.capital.as_ref()
            })
            .collect();
        // A marker's centre on screen: the main frame zooms, the insets do not.
        let on_screen = |frame: usize, p: (f64, f64)| if frame == 0 { view.to_screen(p) } else { p };
        // A marker under the pan pad of a zoomed view is out of sight until the reader pans.
        let pad = (!view.is_home()).then_some(frames.pan_pad);
        let in_view = |m: &PlaceMarker| {
            let at = view.to_screen(m.position);
            m.frame > 0 || (main.contains(at) && !pad.is_some_and(|pad| pad.contains(at)))
        };
        // The regions' callouts come first, clear of each edge marker's arrow and of the places
        // its label takes first beside it (see `edge_tag`); the other labels then keep clear of
        // the callouts.
        let arrow = edge_arrow_size(style);
        let edge_room: Vec<ScreenRect> = frames
            .markers
            .iter()
            .enumerate()
            .filter(|(_, m)| m.at_edge && in_view(m))
            .flat_map(|(i, m)| {
                let at = on_screen(0, m.position);
                let tag = edge_tag(&city_texts[i], at, arrow, style.city_font, style.halo, main, &|_| false);
                std::iter::once(ScreenRect::centred(at, 2.0 * arrow + 2.0, 2.0 * arrow + 2.0)).chain(tag.map(|t| {
                    let b = t.bounds.grown(style.halo);
                    ScreenRect { y: b.y - 0.5 * b.height, height: 2.0 * b.height, ..b }
                }))
            })
            .collect();
        // And clear of the three Baltic states' names where they would go first.
        let baltic_names = states.visible.iter().take(3).filter_map(|s| {
            let at = view.to_screen(*s.candidates.first()?);
            let text = data.borders.periods()[s.period].name.text(lang);
            let (w, h) = text_size(text, style.state_font, EM_PER_CHAR_ITALIC, style.halo);
            Some(ScreenRect::centred(at, w, h))
        });
        let reserved: Vec<ScreenRect> = edge_room.into_iter().chain(baltic_names).collect();
        let mut callouts = region_callouts(data, frames, states, year.day, &ui, view, &reserved);
        let kinds: Vec<(Priority, f64, f64)> = frames
            .markers
            .iter()
            .map(|marker| {
                // An edge marker's arrow means nothing without its name, nor an inset without
                // its place's; a capital on screen and a place of this year are always named.
                let named = marker.at_edge || marker.frame > 0 || year.is_active(&marker.place);
                let essential = named || capitals.contains(&&marker.place);
                let priority = if essential {
                    Priority::Essential
                } else if marker.context {
                    Priority::Context
                } else {
                    Priority::City
                };
                if marker.context {
                    (priority, style.context_radius, style.context_font)
                } else if named {
                    (priority, style.active_radius, style.city_font)
                } else {
                    (priority, style.radius, style.city_font)
                }
            })
            .collect();
        let essential: Vec<usize> = (0..frames.markers.len())
            .filter(|&i| kinds[i].0 == Priority::Essential && in_view(&frames.markers[i]))
            .collect();
        // An edge marker is an arrow and its label, placed together (see `edge_tag`); the
        // placement below keeps clear of both.
        let mut cities: Vec<CityLabel> = frames
            .markers
            .iter()
            .enumerate()
            .filter(|(_, marker)| !marker.at_edge && in_view(marker))
            .filter_map(|(i, marker)| {
                data.atlas.place(&marker.place)?;
                let (priority, radius, font) = kinds[i];
                Some(CityLabel {
                    id: i.to_string(),
                    text: city_texts[i].clone(),
                    at: on_screen(marker.frame, marker.position),
                    radius,
                    font,
                    priority,
                    frame: marker.frame,
                })
            })
            .collect();
        // The insets' places first: in a small inset they have the fewest places to go.
        crate::order::sort_by_key(&mut cities, |c| {
            let marker = c.id.parse::<usize>().ok().and_then(|i| frames.markers.get(i));
            marker.is_none_or(|m| m.frame == 0)
        });
        // Each state's name in the reader's language (with the language it is in), and, for a
        // Baltic state, its own short name of states.geojson ("Latvia" for "Latvian SSR
        // (annexed by the USSR)"), for a map too small for the period's name.
        let mut names: Vec<(String, Lang)> = Vec::new();
        let mut short_names: Vec<Option<(String, Lang)>> = Vec::new();
        let mut labels: Vec<StateLabel> = Vec::new();
        for (rank, s) in states.visible.iter().enumerate() {
            let period = &data.borders.periods()[s.period];
            let (text, text_lang) = period.name.get(lang);
            let baltic = rank < 3;
            let short = data
                .states
                .iter()
                .find(|state| baltic && state.id.as_str() == period.state)
                .map(|state| state.name.get(lang))
                .filter(|(short, _)| *short != text)
                .map(|(short, short_lang)| (short.to_owned(), short_lang));
            names.push((text.to_owned(), text_lang));
            short_names.push(short);
            labels.push(StateLabel {
                id: labels.len().to_string(),
                text: text.to_owned(),
                font: style.state_font,
                priority: if baltic { Priority::BalticState } else { Priority::State },
                candidates: s.candidates.iter().map(|&c| view.to_screen(c)).collect(),
                outline: if view.is_home() {
                    s.outline.clone()
                } else {
                    s.outline.iter().map(|&c| view.to_screen(c)).collect()
                },
            });
        }
        // The lines no label crosses: the treaty lines drawn on this day (those of the main
        // frame, and those into an inset, drawn over the frames), and the leaders of markers
        // moved apart.
        let drawn = year.treaties.iter().filter_map(|t| frames.treaty(t.event));
        let mut lines: Vec<Line> = Vec::new();
        for treaty in drawn {
            let main_lines = treaty.segments.iter().map(|&[a, b]| Line::main([view.to_screen(a), view.to_screen(b)]));
            let into_insets = treaty
                .to_insets
                .iter()
                .map(|l| Line { segment: [l.from.on_screen(view), l.to.on_screen(view)], over_insets: true });
            lines.extend(main_lines.chain(into_insets));
        }
        lines.extend(
            frames
                .markers
                .iter()
                .filter(|m| m.frame == 0 && m.is_moved())
                .map(|m| Line::main([view.to_screen(m.anchor), view.to_screen(m.position)])),
        );
        let rects: Vec<ScreenRect> = frames.layout.frames.iter().map(|f| f.rect).collect();
        let centre = main.centre();
        let insets: Vec<InsetTitle> = states
            .insets
            .iter()
            .enumerate()
            .filter_map(|(frame, period)| {
                let period = (*period)?;
                let (text, lang) = data.borders.periods().get(period)?.name.get(lang);
                let rect = *rects.get(frame)?;
                let placed = inset_title(text, rect, style.state_font, style.halo, rect.centre().0 > centre.0)?;
                Some(InsetTitle { frame, period, text: text.to_owned(), lang, placed })
            })
            .collect();
        let mut obstacles: Vec<ScreenRect> = frames
            .buttons_in(view)
            .into_iter()
            .chain(insets.iter().map(|t| t.placed.bounds))
            .chain(callouts.iter().map(|c| c.bounds))
            .collect();
        // The edge markers' arrows and labels, clear of every other marker, the insets and the
        // buttons; the other labels then keep clear of them.
        let marker_boxes: Vec<ScreenRect> = frames
            .markers
            .iter()
            .zip(&kinds)
            .map(|(m, &(_, radius, _))| {
                let r = if m.at_edge { arrow } else { radius };
                ScreenRect::centred(on_screen(m.frame, m.position), 2.0 * r + 2.0, 2.0 * r + 2.0)
            })
            .collect();
        let edges: Vec<usize> =
            (0..frames.markers.len()).filter(|&i| frames.markers[i].at_edge && in_view(&frames.markers[i])).collect();
        obstacles.extend(edges.iter().map(|&i| marker_boxes[i]));
        let arrows: Vec<ArrowLabel> = edges
            .iter()
            .map(|&i| ArrowLabel {
                marker: i,
                text: &city_texts[i],
                at: on_screen(0, frames.markers[i].position),
                font: kinds[i].2,
            })
            .collect();
        let scene = Scene { rects: &rects, obstacles: &obstacles, marker_boxes: &marker_boxes, lines: &lines, arrow };
        let mut placed = place_with_arrows(&scene, &cities, &labels, &arrows, style.halo);
        // A Baltic state whose name found no place: once more, with its short name.
        let mut shortened = false;
        for (i, label) in labels.iter_mut().enumerate() {
            let unnamed = !placed.0.states.iter().any(|(id, _)| *id == label.id);
            if let Some(short) = short_names[i].take().filter(|_| unnamed) {
                label.text.clone_from(&short.0);
                names[i] = short;
                shortened = true;
            }
        }
        if shortened {
            placed = place_with_arrows(&scene, &cities, &labels, &arrows, style.halo);
        }
        // A place the story only names gives way altogether, dot and all, under a callout
        // (which found no other place), and where its dot would cost a city or an arrow nearby
        // its name (Gdańsk's by Berlin's arrow on a phone): placed again without those dots.
        let mut hidden: Vec<bool> = frames
            .markers
            .iter()
            .map(|m| m.context && callouts.iter().any(|c| c.bounds.grown(2.0).contains(on_screen(m.frame, m.position))))
            .collect();
        let named = |placed: &(Placement, Vec<(usize, Option<Placed>)>), i: usize| {
            placed.0.cities.iter().any(|(id, _)| *id == i.to_string())
                || placed.1.iter().any(|(j, tag)| *j == i && tag.is_some())
        };
        let near = 4.0 * style.city_font;
        for (i, city) in frames.markers.iter().enumerate() {
            if city.context || !in_view(city) || named(&placed, i) {
                continue;
            }
            let at = on_screen(city.frame, city.position);
            for (j, dot) in frames.markers.iter().enumerate() {
                let (x, y) = on_screen(dot.frame, dot.position);
                if dot.context && dot.frame == city.frame && (x - at.0).hypot(y - at.1) < near {
                    hidden[j] = true;
                }
            }
        }
        if hidden.contains(&true) {
            cities.retain(|c| c.id.parse::<usize>().ok().is_none_or(|i| !hidden[i]));
            let nowhere = ScreenRect { x: -1e6, y: -1e6, width: 0.0, height: 0.0 };
            let boxes: Vec<ScreenRect> =
                marker_boxes.iter().zip(&hidden).map(|(b, &h)| if h { nowhere } else { *b }).collect();
            let scene = Scene { marker_boxes: &boxes, ..scene };
            placed = place_with_arrows(&scene, &cities, &labels, &arrows, style.halo);
        }
        // A callout gives way to a Baltic state's name: where one found no place, the callouts
        // go, the largest region's first, and the labels are placed again (two callouts at the
        // end of 1939 on a phone).
        let baltic_named = |placed: &(Placement, Vec<(usize, Option<Placed>)>)| {
            let baltic = labels.iter().filter(|l| l.priority == Priority::BalticState);
            baltic.into_iter().all(|l| placed.0.states.iter().any(|(id, _)| *id == l.id))
        };
        while !callouts.is_empty() && !baltic_named(&placed) {
            callouts.pop();
            let kept: Vec<ScreenRect> = frames
                .buttons_in(view)
                .into_iter()
                .chain(insets.iter().map(|t| t.placed.bounds))
                .chain(callouts.iter().map(|c| c.bounds))
                .chain(edges.iter().map(|&i| marker_boxes[i]))
                .collect();
            let nowhere = ScreenRect { x: -1e6, y: -1e6, width: 0.0, height: 0.0 };
            let boxes: Vec<ScreenRect> =
                marker_boxes.iter().zip(&hidden).map(|(b, &h)| if h { nowhere } else { *b }).collect();
            let scene = Scene { obstacles: &kept, marker_boxes: &boxes, ..scene };
            placed = place_with_arrows(&scene, &cities, &labels, &arrows, style.halo);
        }
        let (placement, edge_labels) = placed;
        let Placement { cities: placed_cities, states: placed_states, mut markers, .. } = placement;
        markers.extend(edges.iter().map(|&i| marker_boxes[i]));
        let mut by_marker: Vec<Option<Placed>> = vec![None; frames.markers.len()];
        for (i, tag) in edge_labels {
            by_marker[i] = tag;
        }
        for (id, placed) in placed_cities {
            if let Some(slot) = id.parse::<usize>().ok().and_then(|i| by_marker.get_mut(i)) {
                *slot = Some(placed);
            }
        }
        let texts = by_marker
            .iter()
            .zip(&frames.markers)
            .map(|(placed, marker)| {
                let placed = placed.as_ref()?;
                let (x, y) = on_screen(marker.frame, marker.position);
                let relative = |(px, py): (f64, f64)| (px - x, py - y);
                Some(CityText {
                    dx: placed.x - x,
                    dy: placed.y - y,
                    text_anchor: placed.text_anchor,
                    bounds: ScreenRect { x: placed.bounds.x - x, y: placed.bounds.y - y, ..placed.bounds },
                    leader: placed.leader.map(|[a, b]| [relative(a), relative(b)]),
                })
            })
            .collect();
        let states = placed_states
            .into_iter()
            .filter_map(|(id, placed)| {
                let i = id.parse::<usize>().ok()?;
                let (text, lang) = names.get(i)?.clone();
                // Rounded, so that the same place in two views compares equal.
                let (mx, my) = view.to_map((placed.x, placed.y));
                let at = ((mx * 100.0).round() / 100.0, (my * 100.0).round() / 100.0);
                Some(StateName { period: states.visible[i].period, text, lang, placed, at })
            })
            .collect();
        MapLabels {
            view,
            cities: by_marker,
            texts,
            city_texts,
            names: place_names,
            hidden,
            callouts,
            states,
            insets,
            markers,
            lines,
            essential,
        }
    }

    /// Whether the marker at `marker` in [`MapFrames::markers`] gave way altogether.
    pub fn is_hidden(&self, marker: usize) -> bool {
        self.hidden.get(marker).copied().unwrap_or(false)
    }

    /// The label of the marker at `marker` in [`MapFrames::markers`], on screen.
    pub fn city(&self, marker: usize) -> Option<&Placed> {
        self.cities.get(marker)?.as_ref()
    }

    /// The label of the marker at `marker` as the marker draws it.
    pub fn text(&self, marker: usize) -> Option<CityText> {
        *self.texts.get(marker)?
    }

    /// The main frame's labels as they are drawn about their anchors: each anchor's map point (a
    /// marker's centre, a state name's middle) and the label's box in screen pixels, moved so
    /// that the anchor sits at its map point (as the unzoomed map would draw it there). A label
    /// keeps its size on screen as the map zooms: shrink the box about its anchor by the zoom to
    /// have it in map units ([`super::detail`] does).
    pub fn anchored_boxes(&self, frames: &MapFrames) -> Vec<((f64, f64), ScreenRect)> {
        let moved = |b: &ScreenRect, from: (f64, f64), to: (f64, f64)| ScreenRect {
            x: b.x - from.0 + to.0,
            y: b.y - from.1 + to.1,
            ..*b
        };
        let cities = self.cities.iter().zip(&frames.markers).filter(|(_, m)| m.frame == 0).filter_map(|(p, m)| {
            let placed = p.as_ref()?;
            Some((m.position, moved(&placed.bounds, self.view.to_screen(m.position), m.position)))
        });
        let states = self.states.iter().map(|s| (s.at, moved(&s.placed.bounds, (s.placed.x, s.placed.y), s.at)));
        cities.chain(states).collect()
    }
}

/// An edge marker's label to place beside its arrow.
struct ArrowLabel<'a> {
    /// Index in [`MapFrames::markers`].
    marker: usize,
    text: &'a str,
    at: (f64, f64),
    font: f64,
}

/// What every label of one map keeps clear of, on screen: the frames (`rects`, the main one
/// first), `obstacles` (the buttons, the insets' titles, the arrows), `marker_boxes` (every
/// marker's box, in the order of [`MapFrames::markers`]) and the `lines`; `arrow` is an edge
/// marker's half-size.
struct Scene<'a> {
    rects: &'a [ScreenRect],
    obstacles: &'a [ScreenRect],
    marker_boxes: &'a [ScreenRect],
    lines: &'a [Line],
    arrow: f64,
}

/// Every label of the map, the edge markers' ([`edge_tag`]) included, kept clear of what
/// `scene` holds. The other labels are placed first, then the arrows' labels where they leave
/// room. Where they do not, the arrows' labels are kept clear of the cities' names only, which
/// keep their places (Kaunas keeps its name beside Berlin's arrow on a phone), and the states'
/// names and the other places' are placed again around them; failing that, the arrows' labels
/// go anywhere off the markers and every other label is placed again around them.
fn place_with_arrows(
    scene: &Scene,
    cities: &[CityLabel],
    states: &[StateLabel],
    arrows: &[ArrowLabel],
    halo: f64,
) -> (Placement, Vec<(usize, Option<Placed>)>) {
    let Scene { rects, obstacles, marker_boxes, lines, arrow } = *scene;
    let tags = |taken: &[ScreenRect]| {
        let mut placed: Vec<(usize, Option<Placed>)> = Vec::new();
        for a in arrows {
            let blocked = |b: &ScreenRect| {
                rects[1..].iter().chain(obstacles).chain(taken).any(|r| r.overlaps(b))
                    || marker_boxes.iter().enumerate().any(|(j, m)| j != a.marker && m.overlaps(b))
                    || placed.iter().filter_map(|(_, t)| t.as_ref()).any(|t| t.bounds.overlaps(b))
                    || lines.iter().any(|l| l.crosses(b, 0))
            };
            placed.push((a.marker, edge_tag(a.text, a.at, arrow, a.font, halo, rects[0], &blocked)));
        }
        placed
    };
    let complete = |tags: &[(usize, Option<Placed>)]| tags.iter().all(|(_, tag)| tag.is_some());
    let with_tags = |tags: &[(usize, Option<Placed>)]| {
        obstacles.iter().copied().chain(tags.iter().filter_map(|(_, t)| t.map(|t| t.bounds))).collect::<Vec<_>>()
    };
    let first = place_labels(rects, cities, states, obstacles, lines, halo);
    let all: Vec<ScreenRect> = first.cities.iter().chain(&first.states).map(|(_, p)| p.bounds).collect();
    let edge_labels = tags(&all);
    if complete(&edge_labels) {
        return (first, edge_labels);
    }
    let city = |id: &String| cities.iter().find(|c| &c.id == id).is_some_and(|c| c.priority != Priority::Context);
    let named: Vec<(String, Placed)> = first.cities.iter().filter(|(id, _)| city(id)).cloned().collect();
    let named_boxes: Vec<ScreenRect> = named.iter().map(|(_, p)| p.bounds).collect();
    let edge_labels = tags(&named_boxes);
    if complete(&edge_labels) {
        let (kept, rest): (Vec<CityLabel>, Vec<CityLabel>) =
            cities.iter().cloned().partition(|c| named.iter().any(|(id, _)| id == &c.id));
        // The named cities' labels, leaders and markers stay where they are, as obstacles.
        let mut reserved = with_tags(&edge_labels);
        reserved.extend(named_boxes);
        reserved.extend(kept.iter().map(|c| ScreenRect::centred(c.at, 2.0 * c.radius + 2.0, 2.0 * c.radius + 2.0)));
        let mut kept_lines = lines.to_vec();
        kept_lines
            .extend(named.iter().filter_map(|(_, p)| p.leader).map(|segment| Line { segment, over_insets: true }));
        let again = place_labels(rects, &rest, states, &reserved, &kept_lines, halo);
        let placement = Placement {
            cities: named.into_iter().chain(again.cities).collect(),
            states: again.states,
            markers: first.markers,
            left_out: again.left_out,
        };
        return (placement, edge_labels);
    }
    let edge_labels = tags(&[]);
    (place_labels(rects, cities, states, &with_tags(&edge_labels), lines, halo), edge_labels)
}

/// A state in the legend: its colour, and its name in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendState {
    /// Its slug in `borders.topojson`.
    pub state: String,
    pub name: String,
    pub lang: Lang,
    pub fill: &'static str,
    pub occupied: bool,
}

/// A treaty in the legend: its line's style and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendTreaty {
    pub event: EventIndex,
    pub style: TreatyStyle,
    pub title: String,
    pub lang: Lang,
}

/// The legend's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// The states on screen (one row a name).
    pub states: Vec<LegendState>,
    /// Whether a state on screen is under occupation (the hatching gets a row).
    pub occupied: bool,
    /// Whether the map has places the story only names.
    pub context_places: bool,
    pub treaties: Vec<LegendTreaty>,
    /// Treaties in force with no line.
    pub more_treaties: usize,
    /// The day the borders are drawn for.
    pub borders_day: CalendarDay,
}

impl Legend {
    pub fn new(data: &DataSet, states: &MapStates, year: &MapYear, lang: Lang) -> Legend {
        let mut rows: Vec<LegendState> = Vec::new();
        for s in &states.visible {
            let period = &data.borders.periods()[s.period];
            let (name, name_lang) = period.name.get(lang);
            if rows.iter().any(|row| row.name == name) {
                continue;
            }
            rows.push(LegendState {
                state: period.state.clone(),
                name: name.to_owned(),
                lang: name_lang,
                fill: fill(&period.state),
                occupied: period.occupied_by.is_some(),
            });
        }
        let occupied = states.visible.iter().any(|s| data.borders.periods()[s.period].occupied_by.is_some());
        let treaties = year
            .treaties
            .iter()
            .map(|t| {
                let (title, title_lang) = data.atlas.event(t.event).title.get(lang);
                LegendTreaty { event: t.event, style: t.style, title: title.to_owned(), lang: title_lang }
            })
            .collect();
        Legend {
            states: rows,
            occupied,
            context_places: data.atlas.places().iter().any(|p| p.is_context()),
            treaties,
            more_treaties: year.treaties_left_out,
            borders_day: year.day,
        }
    }
}

/// The whole map for one year, language and box: what the tests and the benchmark check, and
/// what the app builds stage by stage.
#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    pub frames: MapFrames,
    pub states: MapStates,
    pub year: MapYear,
    pub labels: MapLabels,
    pub legend: Legend,
}

impl MapModel {
    pub fn build(data: &DataSet, day: CalendarDay, lang: Lang, map_box: MapBox) -> MapModel {
        let frames = MapFrames::new(data, map_box);
        let map_year = MapYear::new(data, &frames, day);
        let states = MapStates::on(data, &frames, map_year.day);
        let labels = MapLabels::new(data, &frames, &states, &map_year, lang);
        let legend = Legend::new(data, &states, &map_year, lang);
        MapModel { frames, states, year: map_year, labels, legend }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Mode;
    use crate::model::LonLat;

    fn data() -> DataSet {
        crate::dataset::committed_data()
    }

    #[test]
    fn the_labels_of_a_zoomed_view_keep_clear_of_the_pan_pad() {
        let data = data();
        let map_box = MapBox::new(1000.0, 700.0, Mode::Kiosk);
        let frames = MapFrames::new(&data, map_box);
        assert_eq!(frames.buttons_in(MapView::HOME), [frames.controls], "no pad on the whole map");
        let pad = frames.pan_pad;
        for inset in frames.layout.frames.iter().skip(1) {
            assert!(!inset.rect.overlaps(&pad), "the pad is off the {} inset", inset.id);
        }
        let day = crate::changes::year_view_day(1934);
        let year = MapYear::new(&data, &frames, day);
        let states = MapStates::of_periods(&data, &frames, data.borders.epoch_on(day));
        // Zoomed in about the pad's corner, where the map has names to place.
        let mut checked = 0;
        for at in [(700.0, 500.0), (850.0, 600.0), (500.0, 350.0)] {
            let view = MapView::HOME.zoom_at(2.0, at, (map_box.width, map_box.height));
            assert_eq!(frames.buttons_in(view), [frames.controls, pad]);
            let labels = MapLabels::for_view(&data, &frames, &states, &year, Lang::EN, view);
            for (i, marker) in frames.markers.iter().enumerate().filter(|(_, m)| m.frame == 0) {
                if let Some(placed) = labels.cities.get(i).copied().flatten() {
                    assert!(!placed.bounds.overlaps(&pad), "{}'s label under the pan pad in {view:?}", marker.place);
                    checked += 1;
                }
            }
            for name in &labels.states {
                assert!(!name.placed.bounds.overlaps(&pad), "{}'s name under the pan pad in {view:?}", name.period);
            }
        }
        assert!(checked > 0, "some labels were placed");
    }

    #[test]
    fn treaty_ends_are_places_not_coordinates() {
        let data = data();
        let frames = MapFrames::new(&data, MapBox::new(1000.0, 700.0, Mode::Standard));
        assert!(!frames.treaties.is_empty());
        for path in &frames.treaties {
            let event = data.atlas.event(path.event);
            assert_eq!(path.cities.len(), event.points.len(), "{}: every end is a place", event.id);
            let pairs = event.points.len() * (event.points.len() - 1) / 2;
            let lines = path.d.matches('M').count() + path.to_insets.len();
            assert_eq!(lines, pairs, "{}: a line between each pair of its places", event.id);
            for (city, point) in path.cities.iter().zip(&event.points) {
                let place = data.atlas.place(city).expect("a place of the atlas");
                assert_eq!(place.location, *point);
            }
        }
    }

    #[test]
    fn every_marker_is_found_by_its_place_and_lies_in_its_frame() {
        let data = data();
        for (w, h, mode) in
            [(1100.0, 780.0, Mode::Standard), (372.0, 392.0, Mode::Standard), (1054.0, 745.0, Mode::Kiosk)]
        {
            let frames = MapFrames::new(&data, MapBox::new(w, h, mode));
            for (i, marker) in frames.markers.iter().enumerate() {
                assert_eq!(frames.marker_index(&marker.place), Some(i));
                let rect = frames.layout.frames[marker.frame].rect;
                assert!(
                    rect.contains(marker.position),
                    "{w}×{h}: {} at {:?} outside {rect:?}",
                    marker.place,
                    marker.position
                );
            }
            assert_eq!(frames.land.len(), frames.layout.frames.len());
            assert_eq!(frames.borders.len(), frames.layout.frames.len());
        }
    }

    /// The closed rings of an SVG path of `M…L…Z` commands.
    fn rings_of(d: &str) -> Vec<Vec<(f64, f64)>> {
        d.split('Z')
            .map(|ring| {
                let numbers: Vec<f64> = ring
                    .split(['M', 'L', ' '])
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse().expect("a number"))
                    .collect();
                numbers.chunks(2).map(|p| (p[0], p[1])).collect::<Vec<_>>()
            })
            .filter(|ring| ring.len() >= 3)
            .collect()
    }

    #[test]
    fn the_lakes_and_lagoons_are_water_on_the_map_and_the_towns_are_not() {
        let data = data();
        let in_water = [
            ("Lake Peipus", 27.5, 58.7),
            ("Lake Pskov", 27.9, 58.0),
            ("Võrtsjärv", 26.0, 58.3),
            ("Curonian Lagoon", 21.2, 55.3),
            ("Vistula Lagoon", 20.0, 54.55),
            ("Lake Ladoga", 31.5, 60.8),
            ("Lake Onega", 35.5, 61.7),
            ("Vänern", 13.3, 58.9),
            ("Vättern", 14.5, 58.3),
        ];
        let dry = [("Tartu", 26.7251, 58.3806), ("Riga", 24.1059, 56.946), ("Kaunas", 23.9091, 54.9016)];
        for (w, h, mode) in
            [(1400.0, 900.0, Mode::Standard), (1100.0, 780.0, Mode::Standard), (372.0, 392.0, Mode::Standard)]
        {
            let frames = MapFrames::new(&data, MapBox::new(w, h, mode));
            let main = &frames.layout.frames[0];
            let rings = rings_of(&frames.water[0]);
            // Even-odd, as the path is filled: a point in a hole of its polygon is dry.
            let wet = |p: (f64, f64)| rings.iter().filter(|r| crate::geo::ring_contains(r, p)).count() % 2 == 1;
            let mut seen = 0;
            for (name, lon, lat) in in_water {
                let point = LonLat { lon, lat };
                let Some(p) = main.projection.project(point).filter(|&p| main.rect.contains(p)) else {
                    assert!(!(20.0..=29.0).contains(&lon), "{w}×{h}: {name} ({lat}N) must be in the main frame");
                    continue;
                };
                assert!(wet(p), "{w}×{h}: {name} ({lat}N {lon}E) is water on the map");
                seen += 1;
            }
            assert!(seen >= 5, "{w}×{h}: the Baltic lakes and lagoons are in the main frame");
            for (name, lon, lat) in dry {
                let p = main.projection.project(LonLat { lon, lat }).expect("projects");
                assert!(!wet(p), "{w}×{h}: {name} is on land");
            }
        }
    }

    #[test]
    fn a_map_without_its_water_file_is_drawn_without_water() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
        let data = DataSet::load(|name| {
            if name == crate::water::WATER_FILE {
                let broken = r#"{"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": null, "properties": {"id": "peipus", "kind": "lake"}}]}"#;
                return Ok(broken.as_bytes().to_vec());
            }
            std::fs::read(dir.join(name)).map_err(|e| e.to_string())
        })
        .expect("a broken water file does not stop the map");
        let warning = data.warnings.iter().map(ToString::to_string).find(|w| w.starts_with("water.geojson"));
        let warning = warning.expect("a warning about the water file");
        assert!(
            warning.contains("feature 0 (id `peipus`): field `") && warning.contains("without lakes and rivers"),
            "{warning}"
        );
        let frames = MapFrames::new(&data, MapBox::new(1000.0, 700.0, Mode::Standard));
        assert_eq!(frames.water[0], "M0 0");
        assert!(frames.zoomed.rivers.is_empty() && frames.zoomed.names.is_empty());
        assert!(
            !frames.land[0].is_empty() && frames.borders[0].iter().any(Option::is_some),
            "the rest of the map is there"
        );
    }

    #[test]
    fn a_treaty_keeps_its_style_in_the_lines_and_the_legend() {
        let data = data();
        let model = MapModel::build(
            &data,
            crate::changes::year_view_day(1939),
            Lang::EN,
            MapBox::new(1000.0, 700.0, Mode::Standard),
        );
        assert!(!model.year.treaties.is_empty());
        assert_eq!(model.legend.treaties.len(), model.year.treaties.len());
        for (line, key) in model.year.treaties.iter().zip(&model.legend.treaties) {
            assert_eq!((line.event, line.style), (key.event, key.style));
        }
        let in_force = data.atlas.active_in(1939).filter(|e| e.kind == EventKind::Treaty && e.points.len() > 1).count();
        assert_eq!(model.year.treaties.len() + model.year.treaties_left_out, in_force);
    }

    #[test]
    fn places_are_named_as_they_were_on_the_selected_day_in_every_language() {
        let data = data();
        let frames = MapFrames::new(&data, MapBox::new(1100.0, 780.0, Mode::Standard));
        let klaipeda = frames.marker_index(&PlaceId::new("klaipeda").expect("slug")).expect("a marker");
        let expected = [
            ("en", "Klaipėda", "Memel (Klaipėda)"),
            ("lv", "Klaipēda", "Memel (Klaipēda)"),
            ("lt", "Klaipėda", "Memel (Klaipėda)"),
            ("et", "Klaipėda", "Memel (Klaipėda)"),
            ("ru", "Клайпеда", "Мемель (Клайпеда)"),
        ];
        for (code, before, after) in expected {
            let lang = Lang::new(code).expect("code");
            let name_on = |day: u8| {
                let year = MapYear::new(&data, &frames, CalendarDay { year: 1939, month: 3, day });
                let states = MapStates::on(&data, &frames, year.day);
                let labels = MapLabels::new(&data, &frames, &states, &year, lang);
                labels.names[klaipeda].clone()
            };
            assert_eq!(name_on(22), PlaceName { text: before.to_owned(), lang }, "{code}");
            assert_eq!(name_on(23), PlaceName { text: after.to_owned(), lang }, "{code}");
        }
        // Viipuri until the Moscow Peace Treaty of 12 March 1940, Vyborg after it.
        let vyborg = frames.marker_index(&PlaceId::new("vyborg").expect("slug")).expect("a marker");
        let name = |year: i32| {
            let year = MapYear::new(&data, &frames, crate::changes::year_view_day(year));
            let labels = MapLabels::new(&data, &frames, &MapStates::on(&data, &frames, year.day), &year, Lang::EN);
            labels.names[vyborg].text.clone()
        };
        assert_eq!((name(1939).as_str(), name(1940).as_str()), ("Viipuri (Vyborg)", "Vyborg"));
    }

    #[test]
    fn a_label_keeps_clear_of_the_regions_callout() {
        let data = data();
        // The five sizes as measured (a phone's page narrow).
        let sizes = [
            (1328.0, 768.0, false),
            (848.0, 472.0, false),
            (1048.0, 702.0, true),
            (374.0, 480.0, false),
            (488.0, 392.0, false),
        ];
        for (w, h, kiosk) in sizes {
            let mode = if kiosk { Mode::Kiosk } else { Mode::Standard };
            let page =
                if w < 400.0 { super::super::style::PageWidth::Narrow } else { super::super::style::PageWidth::Wide };
            let map_box = MapBox { page, ..MapBox::new(w, h, mode) };
            let march = CalendarDay { year: 1939, month: 3, day: 25 };
            for day in [march, crate::changes::year_view_day(1939)] {
                let model = MapModel::build(&data, day, Lang::EN, map_box);
                if day == march {
                    let ids: Vec<&str> =
                        model.labels.callouts.iter().map(|c| data.borders.periods()[c.period].id.as_str()).collect();
                    assert_eq!(ids, ["germany-1939-memel"], "{w}×{h}: the Klaipėda Region is called out");
                }
                for callout in &model.labels.callouts {
                    let cities = model.labels.cities.iter().flatten();
                    let states = model.labels.states.iter().map(|s| &s.placed);
                    for placed in cities.chain(states) {
                        assert!(
                            !placed.bounds.overlaps(&callout.bounds),
                            "{w}×{h} {day}: {placed:?} covers {callout:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_context_dot_gives_way_where_it_would_cost_a_city_or_an_arrow_its_name() {
        let data = data();
        let id = |id: &str| PlaceId::new(id).expect("slug");
        let lv = Lang::new("lv").expect("lv");
        let day = crate::changes::year_view_day(1934);
        let phone =
            MapBox { page: super::super::style::PageWidth::Narrow, ..MapBox::new(374.0, 420.0, Mode::Standard) };
        let model = MapModel::build(&data, day, lv, phone);
        let (berlin, gdansk) = (
            model.frames.marker_index(&id("berlin")).expect("berlin"),
            model.frames.marker_index(&id("gdansk")).expect("gdansk"),
        );
        assert!(model.labels.city(berlin).is_some(), "Berlin's arrow keeps its name");
        assert!(model.labels.is_hidden(gdansk) && model.labels.city(gdansk).is_none(), "Gdańsk gives way");
        let at = model.frames.markers[gdansk].position;
        assert!(!model.labels.markers.iter().any(|m| m.contains(at)), "nor is its dot an obstacle");
        let wide = MapModel::build(&data, day, lv, MapBox::new(1328.0, 768.0, Mode::Standard));
        assert!(!wide.labels.hidden.contains(&true), "where there is room, every place is drawn");
    }
}
