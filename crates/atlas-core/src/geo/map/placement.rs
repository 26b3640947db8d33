//! Where every word of the map goes: city labels beside their markers and state names inside
//! their states, placed greedily in priority order so that no label covers another label or a
//! marker, and none leaves its frame (Imhof's rules, as label-placement papers restate them).
//!
//! Text widths are estimated, not measured (the core knows no fonts): a label is
//! `characters × font size × EM_PER_CHAR` wide (0.70 em for the bold city labels, 0.62 em for
//! the italic state names), plus its halo on both sides, and `LINE_HEIGHT` (1.25 em) high.
//! Measured in headless Chromium with the fallback sans-serif face (DejaVu Sans), bold Latin
//! and Cyrillic names average 0.6–0.7 em a character ("Maskva" in bold: 4.25 em for six, 0.71 em
//! a character, the widest seen) and italic regular ones 0.55–0.6 em; the estimate errs on the
//! wide side, so that real text stays inside the box that was kept free for it (the end-to-end
//! test checks the drawn boxes).
use crate::geo::geometry::area::{area_and_centroid, clip_ring, closed, ring_contains, thin};
use crate::geo::geometry::{Mercator, ScreenRect};
use crate::model::LonLat;

/// Estimated average width of a character of a bold city label, in em.
pub const EM_PER_CHAR_BOLD: f64 = 0.70;
/// Estimated average width of a character of an italic state name, in em.
pub const EM_PER_CHAR_ITALIC: f64 = 0.62;
/// A label's box is this many em high.
pub const LINE_HEIGHT: f64 = 1.25;

/// The estimated box size of `text` at `font` px, with a halo of `halo` px on each side.
///
/// ```
/// use atlas_core::geo::placement::{text_size, EM_PER_CHAR_BOLD};
///
/// let (w, h) = text_size("Rīga", 15.0, EM_PER_CHAR_BOLD, 3.0);
/// assert!((w - (4.0 * 15.0 * EM_PER_CHAR_BOLD + 6.0)).abs() < 1e-9, "characters, not bytes");
/// assert!((h - (15.0 * 1.25 + 6.0)).abs() < 1e-9);
/// ```
pub fn text_size(text: &str, font: f64, em_per_char: f64, halo: f64) -> (f64, f64) {
    let chars = text.chars().count() as f64;
    (chars * font * em_per_char + 2.0 * halo, font * LINE_HEIGHT + 2.0 * halo)
}

/// How much a label matters: labels are placed in this order, and a later one gives way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// A city where something happens in the selected year.
    ActiveCity,
    /// The name of one of the three Baltic states.
    BalticState,
    /// The name of another state.
    State,
    /// A city with events in other years.
    City,
    /// A place the story only names.
    Context,
}

/// A city's marker and the label it asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct CityLabel {
    pub id: String,
    pub text: String,
    /// The marker's centre.
    pub at: (f64, f64),
    /// The marker's radius (its box is an obstacle for every label).
    pub radius: f64,
    pub font: f64,
    pub priority: Priority,
    /// The frame (index in [`MapLayout::frames`]) the marker is drawn in; the label stays in it.
    pub frame: usize,
}

/// A state's name and where in the main frame it may go: points inside the state, the most
/// central first (see [`state_candidates`]), with the state's visible outline to keep the whole
/// name inside.
#[derive(Debug, Clone, PartialEq)]
pub struct StateLabel {
    pub id: String,
    /// The name, e.g. "Estonia (under Soviet occupation)"; where it does not fit on one line,
    /// it is tried on two (broken before the parenthesis), then as the name alone.
    pub text: String,
    pub font: f64,
    pub priority: Priority,
    pub candidates: Vec<(f64, f64)>,
    /// The outline (screen coordinates, clipped to the main frame) the name must stay inside.
    pub outline: Vec<(f64, f64)>,
}

/// Where a label went: the SVG text's anchor point (`x`, `y` with `dominant-baseline: central`)
/// and `text-anchor`, and the box kept free for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub text_anchor: &'static str,
    pub bounds: ScreenRect,
    /// The lines the label is written in: one for a city, one or two for a state (see
    /// [`StateLabel::text`]), as byte ranges of the text.
    pub lines: [Option<(usize, usize)>; 2],
}

impl Placed {
    /// The lines of `text` this label shows.
    pub fn lines_of<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.lines.iter().flatten().filter_map(|&(a, b)| text.get(a..b)).collect()
    }
}

/// The ways a state's name can be written: whole on one line; on two lines, broken before its
/// parenthesis; the name without the parenthesis; that name on two lines, broken at its last
/// space. As byte ranges of `text`.
///
/// ```
/// use atlas_core::geo::placement::name_forms;
///
/// let text = "Estonia (under Soviet occupation)";
/// let forms = name_forms(text);
/// assert_eq!(forms.len(), 3);
/// let annexed = "Igaunijas PSR (PSRS anektēta)";
/// let last = name_forms(annexed).pop().unwrap();
/// assert_eq!(last.iter().flatten().map(|&(a, b)| &annexed[a..b]).collect::<Vec<_>>(), ["Igaunijas", "PSR"]);
/// assert_eq!(forms[1].iter().flatten().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["Estonia", "(under Soviet occupation)"]);
/// assert_eq!(forms[2].iter().flatten().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["Estonia"]);
/// assert_eq!(name_forms("Latvia").len(), 1);
/// ```
pub fn name_forms(text: &str) -> Vec<[Option<(usize, usize)>; 2]> {
    let whole = [Some((0, text.len())), None];
    let mut forms = match text.find(" (") {
        Some(at) if at > 0 => vec![whole, [Some((0, at)), Some((at + 1, text.len()))], [Some((0, at)), None]],
        _ => vec![whole],
    };
    // Last, the name (without its parenthesis) on two lines, broken at its last space:
    // "Igaunijas PSR" over a small Estonia.
    let name_end = forms.last().and_then(|form| form[0]).map_or(text.len(), |(_, end)| end);
    if let Some(space) = text[..name_end].rfind(' ').filter(|&at| at > 0) {
        forms.push([Some((0, space)), Some((space + 1, name_end))]);
    }
    forms
}

/// Every label that found a place; the others give way (a city keeps its marker).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    /// By city id.
    pub cities: Vec<(String, Placed)>,
    /// By state label id.
    pub states: Vec<(String, Placed)>,
    /// The marker boxes, which no label covers.
    pub markers: Vec<ScreenRect>,
}

/// The label placed for `id` among `placed`, if any.
#[cfg(test)]
fn found<'a>(placed: &'a [(String, Placed)], id: &str) -> Option<&'a Placed> {
    placed.iter().find(|(c, _)| c == id).map(|(_, p)| p)
}

/// The positions a city label tries, in order: right of the marker (Imhof's first choice),
/// upper and lower right, left, upper and lower left, above and below.
fn city_candidates(label: &CityLabel, halo: f64) -> Vec<Placed> {
    let (w, h) = text_size(&label.text, label.font, EM_PER_CHAR_BOLD, halo);
    let (x, y) = label.at;
    let gap = label.radius + 0.25 * label.font;
    let diagonal = label.radius * 0.7 + 0.15 * label.font;
    let one = [Some((0, label.text.len())), None];
    let right = |cy: f64| Placed {
        lines: one,
        x: x + gap + halo,
        y: cy,
        text_anchor: "start",
        bounds: ScreenRect::from_edges(x + gap, cy - h / 2.0, x + gap + w, cy + h / 2.0),
    };
    let left = |cy: f64| Placed {
        lines: one,
        x: x - gap - halo,
        y: cy,
        text_anchor: "end",
        bounds: ScreenRect::from_edges(x - gap - w, cy - h / 2.0, x - gap, cy + h / 2.0),
    };
    let centred =
        |cy: f64| Placed { lines: one, x, y: cy, text_anchor: "middle", bounds: ScreenRect::centred((x, cy), w, h) };
    let up = y - diagonal - h / 2.0;
    let down = y + diagonal + h / 2.0;
    vec![
        right(y),
        Placed { x: x + diagonal + halo, bounds: ScreenRect { x: x + diagonal, ..right(up).bounds }, ..right(up) },
        Placed { x: x + diagonal + halo, bounds: ScreenRect { x: x + diagonal, ..right(down).bounds }, ..right(down) },
        left(y),
        Placed { x: x - diagonal - halo, bounds: ScreenRect { x: x - diagonal - w, ..left(up).bounds }, ..left(up) },
        Placed {
            x: x - diagonal - halo,
            bounds: ScreenRect { x: x - diagonal - w, ..left(down).bounds },
            ..left(down)
        },
        centred(y - gap - h / 2.0),
        centred(y + gap + h / 2.0),
    ]
}

/// Whether a state name's box lies inside its outline: its corners, the middles of its long
/// sides and its centre.
fn inside_outline(outline: &[(f64, f64)], b: &ScreenRect) -> bool {
    let (cx, cy) = b.centre();
    let (x0, y0, x1, y1) = (b.x, b.y, b.right(), b.bottom());
    [(x0, y0), (x1, y0), (x0, y1), (x1, y1), (cx, y0), (cx, y1), (cx, cy)]
        .into_iter()
        .all(|p| ring_contains(outline, p))
}

/// Places the labels greedily: the markers first (every one is an obstacle), then the labels in
/// priority order (cities before states of the same priority), each at the first of its
/// candidate positions that stays inside its frame, off the insets (for the main frame), off
/// the `reserved` boxes (the map's buttons) and clear of every marker and label already
/// placed. A label with no such position is left out.
///
/// ```
/// use atlas_core::geo::placement::{place_labels, CityLabel, Priority};
/// use atlas_core::geo::ScreenRect;
///
/// let frames = [ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 }];
/// let city = |id: &str, at: (f64, f64), priority| CityLabel {
///     id: id.into(), text: "Somewhere".into(), at, radius: 6.0, font: 15.0, priority, frame: 0,
/// };
/// // Two cities 20 units apart: the later one's label finds another side, or gives way.
/// let placed = place_labels(&frames, &[city("a", (400.0, 300.0), Priority::City), city("b", (420.0, 300.0), Priority::ActiveCity)], &[], &[], 3.0);
/// let label = |id: &str| placed.cities.iter().find(|(c, _)| c == id).map(|(_, p)| p);
/// let b = label("b").expect("the active city is placed first");
/// assert_eq!(b.text_anchor, "start", "to the right of its marker");
/// if let Some(a) = label("a") {
///     assert!(!a.bounds.overlaps(&b.bounds));
/// }
/// ```
pub fn place_labels(
    frames: &[ScreenRect],
    cities: &[CityLabel],
    states: &[StateLabel],
    reserved: &[ScreenRect],
    halo: f64,
) -> Placement {
    let insets = frames.get(1..).unwrap_or_default();
    let markers: Vec<ScreenRect> =
        cities.iter().map(|c| ScreenRect::centred(c.at, 2.0 * c.radius + 2.0, 2.0 * c.radius + 2.0)).collect();
    let mut taken: Vec<ScreenRect> = Vec::new();
    let mut placement = Placement { markers: markers.clone(), ..Placement::default() };
    let free = |b: &ScreenRect, frame: usize, taken: &[ScreenRect]| {
        let Some(frame_box) = frames.get(frame) else { return false };
        b.inside(frame_box)
            && (frame != 0 || !insets.iter().any(|i| i.overlaps(b)))
            && !reserved.iter().any(|r| r.overlaps(b))
            && !markers.iter().any(|m| m.overlaps(b))
            && !taken.iter().any(|t| t.overlaps(b))
    };
    enum Item<'a> {
        City(&'a CityLabel),
        State(&'a StateLabel),
    }
    let mut items: Vec<(Priority, u8, usize, Item)> = Vec::new();
    items.extend(cities.iter().enumerate().map(|(i, c)| (c.priority, 0, i, Item::City(c))));
    items.extend(states.iter().enumerate().map(|(i, s)| (s.priority, 1, i, Item::State(s))));
    items.sort_by_key(|(priority, kind, i, _)| (*priority, *kind, *i));
    for (_, _, _, item) in items {
        match item {
            Item::City(city) => {
                let found = city_candidates(city, halo).into_iter().find(|p| free(&p.bounds, city.frame, &taken));
                if let Some(placed) = found {
                    taken.push(placed.bounds);
                    placement.cities.push((city.id.clone(), placed));
                }
            }
            Item::State(state) => {
                let found = name_forms(&state.text).into_iter().find_map(|lines| {
                    let sizes: Vec<(f64, f64)> = lines
                        .iter()
                        .flatten()
                        .map(|&(a, b)| text_size(&state.text[a..b], state.font, EM_PER_CHAR_ITALIC, halo))
                        .collect();
                    let w = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
                    let h = sizes.iter().map(|s| s.1 - 2.0 * halo).sum::<f64>() + 2.0 * halo;
                    let bounds = state.candidates.iter().map(|&at| ScreenRect::centred(at, w, h)).find(|b| {
                        // The halo may run over the state's border; the letters may not.
                        let letters = b.grown(-halo);
                        free(b, 0, &taken) && inside_outline(&state.outline, &letters)
                    })?;
                    Some((lines, bounds))
                });
                if let Some((lines, bounds)) = found {
                    let (x, y) = bounds.centre();
                    taken.push(bounds);
                    placement.states.push((state.id.clone(), Placed { x, y, text_anchor: "middle", bounds, lines }));
                }
            }
        }
    }
    placement
}

/// A closed ring in screen coordinates.
pub type Outline = Vec<(f64, f64)>;

/// The outline of a state's largest piece in the main frame (screen coordinates, clipped to
/// the frame) and the points inside it where its name may go, the nearest to the piece's
/// centre first, on a grid `step` units apart. Empty when no piece is visible.
///
/// ```
/// use atlas_core::geo::placement::state_candidates;
/// use atlas_core::geo::{GeoBounds, Mercator, ScreenRect};
/// use atlas_core::LonLat;
///
/// let rect = ScreenRect { x: 0.0, y: 0.0, width: 1000.0, height: 700.0 };
/// let projection = Mercator::fit(GeoBounds { west: 16.0, south: 52.0, east: 32.0, north: 61.0 }, rect);
/// let ring = [(22.0, 56.0), (27.0, 56.0), (27.0, 57.5), (22.0, 57.5), (22.0, 56.0)]
///     .map(|(lon, lat)| LonLat { lon, lat }).to_vec();
/// let (outline, points) = state_candidates(&[vec![ring]], &projection, rect, 10.0);
/// assert!(outline.len() >= 4 && !points.is_empty());
/// let centre = projection.project(LonLat { lon: 24.5, lat: 56.75 }).expect("on the map");
/// assert!((points[0].0 - centre.0).abs() < 10.0 && (points[0].1 - centre.1).abs() < 10.0);
/// ```
pub fn state_candidates(
    polygons: &[Vec<Vec<LonLat>>],
    projection: &Mercator,
    frame: ScreenRect,
    step: f64,
) -> (Outline, Vec<(f64, f64)>) {
    let best = polygons
        .iter()
        .filter_map(|polygon| polygon.first())
        .filter_map(|outer| {
            let screen = thin(outer.iter().filter_map(|&p| projection.project(p)), 1.0);
            let clipped = clip_ring(&screen, &frame);
            let (area, centre) = area_and_centroid(&closed(clipped.clone()))?;
            Some((area, centre, clipped))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((_, centre, outline)) = best else { return (Vec::new(), Vec::new()) };
    let outline = closed(outline);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in &outline {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let step = step.max(2.0);
    let mut points = Vec::new();
    let mut y = y0 + step / 2.0;
    while y < y1 {
        let mut x = x0 + step / 2.0;
        while x < x1 {
            if ring_contains(&outline, (x, y)) {
                points.push((x, y));
            }
            x += step;
        }
        y += step;
    }
    let distance = |p: &(f64, f64)| (p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2);
    points.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    (outline, points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(width: f64, height: f64) -> [ScreenRect; 1] {
        [ScreenRect { x: 0.0, y: 0.0, width, height }]
    }

    /// The zoom buttons' corner of a 400-wide map.
    fn buttons() -> ScreenRect {
        ScreenRect::from_edges(342.0, 0.0, 400.0, 164.0)
    }

    fn city(id: &str, at: (f64, f64), priority: Priority) -> CityLabel {
        CityLabel { id: id.into(), text: format!("City {id}"), at, radius: 6.0, font: 15.0, priority, frame: 0 }
    }

    #[test]
    fn clipping_keeps_the_part_inside() {
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        let clipped = clip_ring(&square, &ScreenRect::from_edges(0.0, 0.0, 100.0, 100.0));
        let (area, _) = area_and_centroid(&closed(clipped)).expect("a piece");
        assert!((area - 100.0).abs() < 1e-9, "{area}");
        assert!(clip_ring(&square, &ScreenRect::from_edges(50.0, 50.0, 60.0, 60.0)).is_empty());
    }

    #[test]
    fn a_lower_priority_label_gives_way() {
        let layout = frame(400.0, 300.0);
        // Three markers in a tight row: every side of the middle one is taken.
        let cities = [
            city("left", (180.0, 150.0), Priority::ActiveCity),
            city("middle", (200.0, 150.0), Priority::Context),
            city("right", (220.0, 150.0), Priority::ActiveCity),
        ];
        let placed = place_labels(&layout, &cities, &[], &[], 3.0);
        assert!(found(&placed.cities, "left").is_some() && found(&placed.cities, "right").is_some());
        assert!(found(&placed.cities, "middle").is_none(), "the context place's label gives way");
        let boxes: Vec<ScreenRect> = placed.cities.iter().map(|(_, p)| p.bounds).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b));
            }
            assert!(placed.markers.iter().all(|m| !m.overlaps(a)));
        }
    }

    #[test]
    fn labels_stay_in_their_frame_and_off_the_buttons() {
        let layout = frame(400.0, 300.0);
        let near_right = city("edge", (392.0, 250.0), Priority::ActiveCity);
        let placed = place_labels(&layout, &[near_right], &[], &[buttons()], 3.0);
        let label = found(&placed.cities, "edge").expect("placed on the left");
        assert_eq!(label.text_anchor, "end");
        assert!(label.bounds.right() <= 400.0);
        let under_buttons = city("top", (380.0, 20.0), Priority::ActiveCity);
        let placed = place_labels(&layout, &[under_buttons], &[], &[buttons()], 3.0);
        if let Some(label) = found(&placed.cities, "top") {
            assert!(!label.bounds.overlaps(&buttons()));
        }
    }

    #[test]
    fn a_state_name_stays_inside_its_state() {
        let layout = frame(1000.0, 700.0);
        let projection =
            Mercator::fit(crate::geo::GeoBounds { west: 16.0, south: 52.0, east: 32.0, north: 61.0 }, layout[0]);
        let ring = [(22.0, 56.0), (27.0, 56.0), (27.0, 57.5), (22.0, 57.5), (22.0, 56.0)]
            .map(|(lon, lat)| LonLat { lon, lat })
            .to_vec();
        let (outline, candidates) = state_candidates(&[vec![ring]], &projection, layout[0], 8.0);
        let state = StateLabel {
            id: "latvia".into(),
            text: "Latvia".into(),
            font: 13.0,
            priority: Priority::BalticState,
            candidates,
            outline: outline.clone(),
        };
        let long = StateLabel { id: "long".into(), text: "x".repeat(200), ..state.clone() };
        let placed = place_labels(&layout, &[], &[state, long], &[], 3.0);
        let latvia = found(&placed.states, "latvia").expect("room for Latvia");
        assert!(inside_outline(&outline, &latvia.bounds));
        assert!(found(&placed.states, "long").is_none(), "a name longer than its state is left out");
    }
}
