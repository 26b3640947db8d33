//! Where every word of the map goes: city labels beside their markers and state names inside
//! their states, placed greedily in priority order so that no label covers another label, a
//! marker or a treaty line, and none leaves its frame (Imhof's rules, as label-placement papers
//! restate them). The essential names (the capitals on screen and this day's places) move
//! farther out, with a leader line, before they give way.
//!
//! Everything is in screen coordinates: a zoomed map is placed for the box the reader sees
//! ([`crate::geo::model::MapLabels::for_view`] turns the map's points into it).
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
    /// Always named: a capital of a state on screen, a place with an event on the selected
    /// day, a marker at the frame's edge (its arrow means nothing without its name). Where no
    /// place beside its marker is free, the label moves farther out, with a leader line.
    Essential,
    /// A place with events on other days.
    City,
    /// The name of one of the three Baltic states.
    BalticState,
    /// The name of another state.
    State,
    /// A place the story only names.
    Context,
}

/// A straight line on the map, in screen coordinates: a treaty's line, a leader.
pub type Segment = [(f64, f64); 2];

/// A line that labels keep clear of: a treaty's line, a moved marker's leader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub segment: Segment,
    /// Whether it is drawn over the insets too (a line into an inset, ending at its marker), or
    /// only in the main frame (which the insets cover).
    pub over_insets: bool,
}

impl Line {
    /// A line of the main frame.
    pub fn main(segment: Segment) -> Line {
        Line { segment, over_insets: false }
    }

    /// Whether it runs through `b`, a label's box in frame `frame`.
    ///
    /// ```
    /// use atlas_core::geo::placement::Line;
    /// use atlas_core::geo::ScreenRect;
    ///
    /// let label = ScreenRect::from_edges(0.0, 0.0, 10.0, 10.0);
    /// let line = Line::main([(-5.0, 5.0), (15.0, 5.0)]);
    /// assert!(line.crosses(&label, 0) && !line.crosses(&label, 1), "hidden under an inset");
    /// assert!(Line { over_insets: true, ..line }.crosses(&label, 1));
    /// ```
    pub fn crosses(&self, b: &ScreenRect, frame: usize) -> bool {
        (frame == 0 || self.over_insets) && b.crosses(self.segment[0], self.segment[1])
    }
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
    /// The frame (index in [`crate::geo::MapLayout::frames`]) the marker is drawn in; the
    /// label stays in it.
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

/// The lines a label is written in, as byte ranges of its text (see [`Placed::lines`]).
pub type Lines = [Option<(usize, usize)>; 2];

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
    pub lines: Lines,
    /// A line from the marker's edge to the label, where the label had to move away from its
    /// marker.
    pub leader: Option<Segment>,
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
    /// The essential labels that found no place (ids of [`CityLabel`]s): none, but on a map
    /// too crowded to name them all.
    pub left_out: Vec<String>,
}

/// The label placed for `id` among `placed`, if any.
#[cfg(test)]
fn found<'a>(placed: &'a [(String, Placed)], id: &str) -> Option<&'a Placed> {
    placed.iter().find(|(c, _)| c == id).map(|(_, p)| p)
}

/// The positions a city label tries, in order: right of the marker (Imhof's first choice),
/// upper and lower right, left, upper and lower left, above and below, then above and below
/// shifted to either side (clear of a line that meets the marker from below or above).
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
        leader: None,
    };
    let left = |cy: f64| Placed {
        lines: one,
        x: x - gap - halo,
        y: cy,
        text_anchor: "end",
        bounds: ScreenRect::from_edges(x - gap - w, cy - h / 2.0, x - gap, cy + h / 2.0),
        leader: None,
    };
    // Above or below the marker, centred on it or shifted `shift` of its width to the side.
    let centred = |cy: f64, shift: f64| Placed {
        lines: one,
        x: x + shift * w,
        y: cy,
        text_anchor: "middle",
        bounds: ScreenRect::centred((x + shift * w, cy), w, h),
        leader: None,
    };
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
        centred(y - gap - h / 2.0, 0.0),
        centred(y + gap + h / 2.0, 0.0),
        centred(y - gap - h / 2.0, 0.3),
        centred(y + gap + h / 2.0, 0.3),
        centred(y - gap - h / 2.0, -0.3),
        centred(y + gap + h / 2.0, -0.3),
    ]
}

/// How many rings of positions farther out an essential label tries, each [`RING_STEP`] em
/// beyond the last: up to about six em from its marker.
pub const RINGS: usize = 6;
/// The distance between two rings, in em of the label's font.
const RING_STEP: f64 = 0.9;
/// The directions tried on each ring, in degrees clockwise from east (y grows downwards): the
/// right and upper right first, as beside the marker, then around.
const DIRECTIONS: [f64; 16] =
    [0.0, -45.0, 45.0, 180.0, -135.0, 135.0, -90.0, 90.0, -22.5, 22.5, -157.5, 157.5, -67.5, -112.5, 67.5, 112.5];

/// The positions farther from the marker that a label tries where none beside it is free: on rings around the marker, each joined to the marker by a leader line from its edge
/// to the nearest point of the label's box.
fn leader_candidates(label: &CityLabel, halo: f64) -> impl Iterator<Item = Placed> + '_ {
    let (w, h) = text_size(&label.text, label.font, EM_PER_CHAR_BOLD, halo);
    let (x, y) = label.at;
    let gap = label.radius + 0.25 * label.font;
    (1..=RINGS).flat_map(move |ring| {
        let distance = gap + ring as f64 * RING_STEP * label.font;
        DIRECTIONS.iter().map(move |&degrees| {
            let (sin, cos) = degrees.to_radians().sin_cos();
            let (px, py) = (x + distance * cos, y + distance * sin);
            // The box's side (or corner) that faces the marker touches the ring.
            let (left, text_anchor, tx) = if cos > 0.38 {
                (px, "start", px + halo)
            } else if cos < -0.38 {
                (px - w, "end", px - halo)
            } else {
                (px - w / 2.0, "middle", px)
            };
            let top = if sin > 0.38 {
                py
            } else if sin < -0.38 {
                py - h
            } else {
                py - h / 2.0
            };
            let bounds = ScreenRect { x: left, y: top, width: w, height: h };
            let start = (x + label.radius * cos, y + label.radius * sin);
            Placed {
                x: tx,
                y: top + h / 2.0,
                text_anchor,
                bounds,
                lines: [Some((0, label.text.len())), None],
                leader: Some([start, (px, py)]),
            }
        })
    })
}

/// How much of a state's name must lie inside its outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inside {
    /// Its corners, the middles of its long sides and its centre.
    Whole,
    /// Its centre line from end to end and the middles of its long sides: the corners may run
    /// over the border (a small state, where a Baltic state's name has no other place).
    Middle,
}

/// Whether a state name's box lies inside its outline, as `inside` asks.
fn inside_outline(outline: &[(f64, f64)], b: &ScreenRect, inside: Inside) -> bool {
    let (cx, cy) = b.centre();
    let (x0, y0, x1, y1) = (b.x, b.y, b.right(), b.bottom());
    let points = match inside {
        Inside::Whole => [(x0, y0), (x1, y0), (x0, y1), (x1, y1), (cx, y0), (cx, y1), (cx, cy)],
        Inside::Middle => [(x0, cy), (x1, cy), (cx, y0), (cx, y1), (cx, cy), (cx, cy), (cx, cy)],
    };
    points.into_iter().all(|p| ring_contains(outline, p))
}

/// Places the labels greedily: the markers first (every one is an obstacle), then the labels in
/// priority order (cities before states of the same priority), each at the first of its
/// candidate positions that stays inside its frame, off the insets (for the main frame), off
/// the `reserved` boxes (the map's buttons), clear of every marker, label and leader line
/// already placed and of the `lines` (see [`Line::crosses`]). A city's label with no such
/// position beside its marker moves farther out with a leader line (an essential one up to
/// [`RINGS`] rings out, another place with events two); a label with none is left out, but for
/// an essential one, which takes the free place crossing fewest lines (in a small inset whose
/// lines end at its marker) or, with none at all, is listed in [`Placement::left_out`]. A Baltic state's name, which is always named, that finds no such place takes
/// the one where it moves fewest labels of other places with events (they try again beside
/// their markers) and crosses fewest lines, and, in a state too small for that, one whose
/// corners run over its border.
///
/// ```
/// use atlas_core::geo::placement::{place_labels, CityLabel, Line, Priority};
/// use atlas_core::geo::ScreenRect;
///
/// let frames = [ScreenRect { x: 0.0, y: 0.0, width: 800.0, height: 600.0 }];
/// let city = |id: &str, at: (f64, f64), priority| CityLabel {
///     id: id.into(), text: "Somewhere".into(), at, radius: 6.0, font: 15.0, priority, frame: 0,
/// };
/// // Two cities 20 units apart: the later one's label finds another side, or gives way.
/// let cities = [city("a", (400.0, 300.0), Priority::City), city("b", (420.0, 300.0), Priority::Essential)];
/// // A treaty line running east from b: its label goes elsewhere than on the line.
/// let lines = [Line::main([(420.0, 300.0), (700.0, 300.0)])];
/// let placed = place_labels(&frames, &cities, &[], &[], &lines, 3.0);
/// let label = |id: &str| placed.cities.iter().find(|(c, _)| c == id).map(|(_, p)| p);
/// let b = label("b").expect("the essential city is placed first");
/// assert!(!lines[0].crosses(&b.bounds, 0));
/// if let Some(a) = label("a") {
///     assert!(!a.bounds.overlaps(&b.bounds));
/// }
/// ```
pub fn place_labels(
    frames: &[ScreenRect],
    cities: &[CityLabel],
    states: &[StateLabel],
    reserved: &[ScreenRect],
    lines: &[Line],
    halo: f64,
) -> Placement {
    let insets = frames.get(1..).unwrap_or_default();
    let markers: Vec<ScreenRect> =
        cities.iter().map(|c| ScreenRect::centred(c.at, 2.0 * c.radius + 2.0, 2.0 * c.radius + 2.0)).collect();
    // Every label placed so far: its box, and the city it names (`None` for a state).
    let mut taken: Vec<(ScreenRect, Option<usize>)> = Vec::new();
    // The leader lines drawn so far, with the city each joins to its label.
    let mut leaders: Vec<(Segment, usize)> = Vec::new();
    let mut named: Vec<Option<Placed>> = vec![None; cities.len()];
    let mut placement = Placement { markers: markers.clone(), ..Placement::default() };
    // Whether a box is clear of everything but labels: inside its frame, off the insets (main
    // frame), the buttons, the markers, the leaders and, where `lines_count`, the treaty lines.
    let open = |b: &ScreenRect, frame: usize, lines_count: bool, leaders: &[(Segment, usize)]| {
        let Some(frame_box) = frames.get(frame) else { return false };
        b.inside(frame_box)
            && (frame != 0 || !insets.iter().any(|i| i.overlaps(b)))
            && !reserved.iter().any(|r| r.overlaps(b))
            && !markers.iter().any(|m| m.overlaps(b))
            && !leaders.iter().any(|&([p, q], _)| b.crosses(p, q))
            && (!lines_count || !lines.iter().any(|l| l.crosses(b, frame)))
    };
    // Whether a leader line from a marker (`own`, in `markers`) stays off every other marker
    // and every label.
    let clear = |[p, q]: Segment, own: usize, taken: &[(ScreenRect, Option<usize>)]| {
        !taken.iter().any(|(t, _)| t.crosses(p, q))
            && !markers.iter().enumerate().any(|(i, m)| i != own && m.crosses(p, q))
            && !reserved.iter().any(|r| r.crosses(p, q))
    };
    // The first free place of a city's label: beside its marker; for an essential one, farther
    // out with a leader line.
    let find_city = |index: usize, taken: &[(ScreenRect, Option<usize>)], leaders: &[(Segment, usize)]| {
        let city = &cities[index];
        let near = city_candidates(city, halo).into_iter();
        // Essential labels try every ring; those of other places with events the nearest two.
        let rings = match city.priority {
            Priority::Essential => RINGS,
            Priority::City => 2,
            _ => 0,
        };
        let far = leader_candidates(city, halo).take(rings * DIRECTIONS.len());
        // The first place clear of the lines too; for an essential label with none (in a small
        // inset that the lines enter to end at its marker), the one crossing fewest.
        let mut fewest: Option<(usize, Placed)> = None;
        for p in near.chain(far) {
            let free = open(&p.bounds, city.frame, false, leaders)
                && !taken.iter().any(|(t, _)| t.overlaps(&p.bounds))
                && p.leader.is_none_or(|leader| clear(leader, index, taken));
            if !free {
                continue;
            }
            let crossed = lines.iter().filter(|l| l.crosses(&p.bounds, city.frame)).count();
            if crossed == 0 {
                return Some(p);
            }
            if city.priority == Priority::Essential && fewest.as_ref().is_none_or(|(n, _)| crossed < *n) {
                fewest = Some((crossed, p));
            }
        }
        fewest.map(|(_, p)| p)
    };
    enum Item<'a> {
        City(usize),
        State(&'a StateLabel),
    }
    let mut items: Vec<(Priority, u8, usize, Item)> = Vec::new();
    items.extend(cities.iter().enumerate().map(|(i, c)| (c.priority, 0, i, Item::City(i))));
    items.extend(states.iter().enumerate().map(|(i, s)| (s.priority, 1, i, Item::State(s))));
    crate::order::sort_by_key(&mut items, |(priority, kind, i, _)| (*priority, *kind, *i));
    for (_, _, _, item) in items {
        match item {
            Item::City(index) => match find_city(index, &taken, &leaders) {
                Some(placed) => {
                    taken.push((placed.bounds, Some(index)));
                    leaders.extend(placed.leader.map(|l| (l, index)));
                    named[index] = Some(placed);
                }
                None if cities[index].priority == Priority::Essential => {
                    placement.left_out.push(cities[index].id.clone());
                }
                None => {}
            },
            Item::State(state) => {
                // The first way of writing it (whole, on two lines, short) with a place inside the
                // state, clear of the lines and of every label. Failing that, a Baltic state,
                // which is always named, takes the place where it moves the fewest labels of
                // other places with events (never a capital's or this day's) and then crosses the
                // fewest lines; and where there is none inside, one whose corners run over the
                // border.
                let baltic = state.priority == Priority::BalticState;
                let crossings = |b: &ScreenRect| lines.iter().filter(|l| l.crosses(b, 0)).count();
                // The best place so far: its cost (the pass, the labels it moves, the lines it
                // crosses), the name's form, its box and the labels it moves.
                type Best = ((usize, usize, usize), Lines, ScreenRect, Vec<usize>);
                let mut best: Option<Best> = None;
                let passes: &[Inside] = if baltic { &[Inside::Whole, Inside::Middle] } else { &[Inside::Whole] };
                'search: for (pass, &inside) in passes.iter().enumerate() {
                    for form in name_forms(&state.text) {
                        let sizes: Vec<(f64, f64)> = form
                            .iter()
                            .flatten()
                            .map(|&(a, b)| text_size(&state.text[a..b], state.font, EM_PER_CHAR_ITALIC, halo))
                            .collect();
                        let w = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
                        let h = sizes.iter().map(|s| s.1 - 2.0 * halo).sum::<f64>() + 2.0 * halo;
                        for &at in &state.candidates {
                            let b = ScreenRect::centred(at, w, h);
                            // The halo may run over the state's border; the letters may not.
                            if !open(&b, 0, false, &leaders) || !inside_outline(&state.outline, &b.grown(-halo), inside)
                            {
                                continue;
                            }
                            let mut moved = Vec::new();
                            let blocked = taken.iter().filter(|(t, _)| t.overlaps(&b)).any(|&(_, owner)| match owner {
                                Some(i) if baltic && cities[i].priority != Priority::Essential => {
                                    moved.push(i);
                                    false
                                }
                                _ => true,
                            });
                            if blocked {
                                continue;
                            }
                            let cost = (pass, moved.len(), crossings(&b));
                            if cost == (0, 0, 0) {
                                best = Some((cost, form, b, moved));
                                break 'search;
                            }
                            if baltic && best.as_ref().is_none_or(|(fewest, ..)| cost < *fewest) {
                                best = Some((cost, form, b, moved));
                            }
                        }
                    }
                    if best.is_some() {
                        break;
                    }
                }
                if let Some((_, lines, bounds, moved)) = best {
                    // The labels it moves try again beside their markers.
                    taken.retain(|(_, owner)| owner.is_none_or(|i| !moved.contains(&i)));
                    leaders.retain(|(_, i)| !moved.contains(i));
                    for &i in &moved {
                        named[i] = None;
                    }
                    let (x, y) = bounds.centre();
                    taken.push((bounds, None));
                    let placed = Placed { x, y, text_anchor: "middle", bounds, lines, leader: None };
                    placement.states.push((state.id.clone(), placed));
                    for i in moved {
                        if let Some(placed) = find_city(i, &taken, &leaders) {
                            taken.push((placed.bounds, Some(i)));
                            leaders.extend(placed.leader.map(|l| (l, i)));
                            named[i] = Some(placed);
                        }
                    }
                }
            }
        }
    }
    placement.cities = cities.iter().zip(named).filter_map(|(c, p)| Some((c.id.clone(), p?))).collect();
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
    crate::order::sort_by(&mut points, |a, b| distance(a).total_cmp(&distance(b)));
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
            city("left", (180.0, 150.0), Priority::Essential),
            city("middle", (200.0, 150.0), Priority::Context),
            city("right", (220.0, 150.0), Priority::Essential),
        ];
        let placed = place_labels(&layout, &cities, &[], &[], &[], 3.0);
        assert!(found(&placed.cities, "left").is_some() && found(&placed.cities, "right").is_some());
        assert!(placed.left_out.is_empty());
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
        let near_right = city("edge", (392.0, 250.0), Priority::Essential);
        let placed = place_labels(&layout, &[near_right], &[], &[buttons()], &[], 3.0);
        let label = found(&placed.cities, "edge").expect("placed on the left");
        assert_eq!(label.text_anchor, "end");
        assert!(label.bounds.right() <= 400.0);
        let under_buttons = city("top", (380.0, 20.0), Priority::Essential);
        let placed = place_labels(&layout, &[under_buttons], &[], &[buttons()], &[], 3.0);
        if let Some(label) = found(&placed.cities, "top") {
            assert!(!label.bounds.overlaps(&buttons()));
        }
    }

    /// "Latvia" over a square of 5° × 1.5° in the main frame of `layout`, and its outline.
    fn square_latvia(layout: &[ScreenRect]) -> (StateLabel, Vec<(f64, f64)>) {
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
        (state, outline)
    }

    #[test]
    fn a_state_name_stays_inside_its_state() {
        let layout = frame(1000.0, 700.0);
        let (state, outline) = square_latvia(&layout);
        let long = StateLabel { id: "long".into(), text: "x".repeat(200), ..state.clone() };
        let placed = place_labels(&layout, &[], &[state, long], &[], &[], 3.0);
        let latvia = found(&placed.states, "latvia").expect("room for Latvia");
        assert!(inside_outline(&outline, &latvia.bounds, Inside::Whole));
        assert!(found(&placed.states, "long").is_none(), "a name longer than its state is left out");
    }

    /// Whether any label of `placed` crosses any of `lines` or another label, or leaves `frame`.
    fn problems(placed: &Placement, lines: &[Line], frame: &ScreenRect) -> Vec<String> {
        let all: Vec<(&String, &Placed)> = placed.cities.iter().chain(&placed.states).map(|(id, p)| (id, p)).collect();
        let mut problems = Vec::new();
        for (i, (id, p)) in all.iter().enumerate() {
            if !p.bounds.inside(frame) {
                problems.push(format!("{id} leaves the frame"));
            }
            for line in lines {
                if line.crosses(&p.bounds, 0) {
                    problems.push(format!("{id} is crossed by a line"));
                }
            }
            for (other, q) in &all[i + 1..] {
                if p.bounds.overlaps(&q.bounds) {
                    problems.push(format!("{id} covers {other}"));
                }
                if let Some([a, b]) = q.leader {
                    if p.bounds.crosses(a, b) {
                        problems.push(format!("{other}'s leader crosses {id}"));
                    }
                }
            }
            if placed.markers.iter().any(|m| m.overlaps(&p.bounds)) {
                problems.push(format!("{id} covers a marker"));
            }
        }
        problems
    }

    #[test]
    fn no_line_runs_through_a_label() {
        // Three treaty lines meet at "Moscow" from the west, one leaves it to the east.
        let layout = frame(800.0, 500.0);
        let moscow = (600.0, 250.0);
        let lines =
            [[(100.0, 150.0), moscow], [(100.0, 250.0), moscow], [(100.0, 350.0), moscow], [moscow, (790.0, 250.0)]]
                .map(Line::main);
        let cities = [CityLabel { text: "Moscow".into(), ..city("moscow", moscow, Priority::Essential) }];
        let placed = place_labels(&layout, &cities, &[], &[], &lines, 3.0);
        let label = found(&placed.cities, "moscow").expect("named");
        assert_eq!(label.leader, None, "beside its marker: above or below the lines, {label:?}");
        assert!(problems(&placed, &lines, &layout[0]).is_empty(), "{:?}", problems(&placed, &lines, &layout[0]));
        // Without the lines it would have gone to the right, where the line runs.
        let free = place_labels(&layout, &cities, &[], &[], &[], 3.0);
        assert_eq!(found(&free.cities, "moscow").map(|p| p.text_anchor), Some("start"));
    }

    #[test]
    fn an_essential_label_moves_out_with_a_leader_where_its_marker_is_boxed_in() {
        // A marker ringed by eight small ones that take every place beside it (their own
        // labels give way).
        let layout = frame(600.0, 400.0);
        let centre = (300.0, 200.0);
        let mut cities: Vec<CityLabel> = (0..8)
            .map(|i| {
                let angle = f64::from(i) * std::f64::consts::FRAC_PI_4;
                let at = (centre.0 + 26.0 * angle.cos(), centre.1 + 26.0 * angle.sin());
                CityLabel { radius: 5.0, ..city(&format!("n{i}"), at, Priority::Context) }
            })
            .collect();
        cities.push(CityLabel { text: "Boxed in".into(), ..city("boxed", centre, Priority::Essential) });
        let placed = place_labels(&layout, &cities, &[], &[], &[], 3.0);
        assert!(!placed.left_out.contains(&"boxed".to_owned()), "{:?}", placed.left_out);
        let boxed = found(&placed.cities, "boxed").expect("named");
        let [from, to] = boxed.leader.expect("with a leader line");
        assert!((from.0 - centre.0).hypot(from.1 - centre.1) <= 6.0 + 1e-9, "from its marker's edge");
        assert!(boxed.bounds.grown(1e-6).contains(to), "to its label");
        assert!(problems(&placed, &[], &layout[0]).is_empty(), "{:?}", problems(&placed, &[], &layout[0]));
        // A place the story only names gives way instead.
        let last = cities.len() - 1;
        cities[last].priority = Priority::Context;
        let placed = place_labels(&layout, &cities, &[], &[], &[], 3.0);
        assert!(found(&placed.cities, "boxed").is_none() && !placed.left_out.contains(&"boxed".to_owned()));
    }

    #[test]
    fn an_essential_label_is_moved_in_never_cut_by_the_frame() {
        // In a corner, under the buttons, a long name: it goes where it fits whole.
        let layout = frame(400.0, 300.0);
        for at in [(396.0, 296.0), (4.0, 4.0), (396.0, 170.0), (200.0, 298.0)] {
            let cities = [CityLabel { text: "Klaipėda Region".into(), ..city("edge", at, Priority::Essential) }];
            let placed = place_labels(&layout, &cities, &[], &[buttons()], &[], 3.0);
            let label = found(&placed.cities, "edge").unwrap_or_else(|| panic!("{at:?}: not named"));
            assert!(label.bounds.inside(&layout[0]) && !label.bounds.overlaps(&buttons()), "{at:?}: {label:?}");
        }
    }

    #[test]
    fn a_baltic_state_is_named_across_a_line_only_where_it_must() {
        let layout = frame(1000.0, 700.0);
        let (state, outline) = square_latvia(&layout);
        // A line through the middle: the name goes beside it.
        let (x0, x1) = outline.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let (y0, y1) = outline.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| (a.min(p.1), b.max(p.1)));
        let middle = Line::main([((x0 + x1) / 2.0, y0 - 10.0), ((x0 + x1) / 2.0, y1 + 10.0)]);
        let placed = place_labels(&layout, &[], std::slice::from_ref(&state), &[], &[middle], 3.0);
        let latvia = found(&placed.states, "latvia").expect("named");
        assert!(!middle.crosses(&latvia.bounds, 0));
        // Lines every 20 units across the whole state: it is named across one all the same; a
        // state of lower rank is not.
        let grid: Vec<Line> =
            (0..60).map(|i| x0 + 20.0 * f64::from(i)).map(|x| Line::main([(x, y0 - 10.0), (x, y1 + 10.0)])).collect();
        let placed = place_labels(&layout, &[], std::slice::from_ref(&state), &[], &grid, 3.0);
        assert!(found(&placed.states, "latvia").is_some());
        let other = StateLabel { priority: Priority::State, ..state };
        assert!(found(&place_labels(&layout, &[], &[other], &[], &grid, 3.0).states, "latvia").is_none());
    }

    #[test]
    fn a_baltic_state_moves_a_lesser_city_label_but_never_an_essential_one() {
        // A narrow state with room for its name in one place only, where a city's label went.
        let layout = frame(600.0, 400.0);
        let outline = vec![(200.0, 180.0), (400.0, 180.0), (400.0, 220.0), (200.0, 220.0), (200.0, 180.0)];
        let state = StateLabel {
            id: "latvia".into(),
            text: "Latvia".into(),
            font: 14.0,
            priority: Priority::BalticState,
            candidates: vec![(300.0, 200.0)],
            outline,
        };
        let town = |priority| CityLabel { text: "Town".into(), ..city("town", (258.0, 200.0), priority) };
        let placed = place_labels(&layout, &[town(Priority::City)], std::slice::from_ref(&state), &[], &[], 3.0);
        assert!(found(&placed.states, "latvia").is_some(), "the Baltic state is named");
        let moved = found(&placed.cities, "town").expect("the town's label found another place");
        assert!(!moved.bounds.overlaps(&found(&placed.states, "latvia").expect("named").bounds));
        assert!(problems(&placed, &[], &layout[0]).is_empty(), "{:?}", problems(&placed, &[], &layout[0]));
        // An essential label keeps its place; a state of lower rank does not move the town.
        let placed = place_labels(&layout, &[town(Priority::Essential)], std::slice::from_ref(&state), &[], &[], 3.0);
        assert_eq!(found(&placed.cities, "town").map(|p| p.text_anchor), Some("start"));
        assert!(found(&placed.states, "latvia").is_none());
        let other = StateLabel { priority: Priority::State, ..state };
        let placed = place_labels(&layout, &[town(Priority::City)], &[other], &[], &[], 3.0);
        assert!(found(&placed.states, "latvia").is_none() && found(&placed.cities, "town").is_some());
    }
}
