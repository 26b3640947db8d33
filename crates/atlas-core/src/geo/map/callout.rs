//! Callouts for regions too small to read on the map that passed from one state to another on
//! the selected day's year: "Klaipėda Region → Germany, 23 March 1939", in a box beside the
//! region with a leader line to it (the region itself is drawn highlighted: the part of the
//! losing period's territory that the gaining period holds).
//!
//! Which regions: [`crate::borders::Borders::transfers_on`]; where the box goes: beside the
//! region, inside the main frame, clear of the buttons, the insets and every marker, and
//! preferably over the sea, where it covers no state. The city and state labels are placed
//! after it and keep clear of it.
use crate::borders::Transfer;
use crate::dataset::DataSet;
use crate::geo::geometry::{ring_contains, MapView, ScreenRect};
use crate::i18n::UiText;
use crate::lang::Lang;
use crate::time::{CalendarDay, HistoricDate};

use super::model::{MapFrames, MapStates};
use super::placement::{text_size, EM_PER_CHAR_BOLD, LINE_HEIGHT};

/// A region's callout as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionCallout {
    /// Index in [`crate::borders::Borders::transfers`].
    pub transfer: usize,
    /// The period the region came from and the one it passed to (indices in
    /// [`crate::borders::Borders::periods`]): the region is the first's path clipped to the
    /// second's.
    pub from_period: usize,
    pub period: usize,
    /// The whole text, "Klaipėda Region → Germany, 23 March 1939" (for screen readers).
    pub text: String,
    /// The lines it is written on: the whole text, or broken after its last ", " (and its first
    /// " → ").
    pub lines: Vec<String>,
    pub lang: Lang,
    /// The point inside the region the leader starts from (a map point: SVG units of the
    /// unzoomed map).
    pub anchor: (f64, f64),
    /// Where the leader meets the box (a map point).
    pub leader_end: (f64, f64),
    /// The map point the box is centred on; the box keeps its size on screen as the map zooms.
    pub at: (f64, f64),
    /// The box kept free for the text (with its halo), on screen in the view it was placed for.
    pub bounds: ScreenRect,
    pub font: f64,
}

/// The callouts of the regions that passed in the year of `day` (on or before it), in `text`'s
/// language, for the main frame of `frames` as the reader sees it in `view`, the smallest region
/// first, clear of the `reserved` boxes too (on screen); a callout that fits nowhere (or whose
/// region is out of view) is left out.
pub fn region_callouts(
    data: &DataSet,
    frames: &MapFrames,
    states: &MapStates,
    day: CalendarDay,
    text: &UiText,
    view: MapView,
    reserved: &[ScreenRect],
) -> Vec<RegionCallout> {
    let lang = text.lang();
    let main = &frames.layout.frames[0];
    let style = &frames.style;
    let font = style.city_font;
    let mut taken: Vec<ScreenRect> = frames.layout.frames[1..].iter().map(|f| f.rect).collect();
    taken.extend(frames.buttons_in(view));
    taken.extend_from_slice(reserved);
    // Every marker, but a place the story only names gives way to a callout that finds no
    // other place (it is then not drawn): its dot is only avoided where possible.
    // So is the place its name would take first, right of it (Memel's beside the Klaipėda
    // Region).
    let mut dots: Vec<ScreenRect> = Vec::new();
    for marker in frames.markers.iter().filter(|m| m.frame == 0) {
        let r = style.active_radius + style.halo;
        let at = view.to_screen(marker.position);
        let b = ScreenRect::centred(at, 2.0 * r, 2.0 * r);
        if marker.context {
            let name = data.atlas.place(&marker.place).map_or("", |p| p.name_on(day).text(lang));
            let (w, h) = text_size(name, style.context_font, EM_PER_CHAR_BOLD, style.halo);
            let gap = style.context_radius + 0.25 * style.context_font;
            dots.push(b);
            dots.push(ScreenRect { x: at.0 + gap, y: at.1 - h / 2.0, width: w, height: h });
        } else {
            taken.push(b);
        }
    }
    let transfers = data.borders.transfers();
    // The smallest region first: it needs its callout most (the Klaipėda Region before the
    // Vilnius Region at the end of 1939, where a small map has room for one).
    let mut shown: Vec<(usize, &Transfer)> = transfers.iter().enumerate().filter(|(_, t)| t.shown_on(day)).collect();
    crate::order::sort_by(&mut shown, |a, b| a.1.area.total_cmp(&b.1.area));
    let mut out = Vec::new();
    for (index, transfer) in shown {
        let Some(anchor) = transfer.anchor.and_then(|a| main.projection.project(a)) else { continue };
        let on_screen = view.to_screen(anchor);
        if !main.rect.contains(on_screen) {
            continue;
        }
        let whole = callout_text(data, transfer, text);
        let room = Room { frame: main.rect, taken: &taken, dots: &dots, states, view };
        let Some((lines, bounds)) = place(&whole, on_screen, font, style.halo, &room) else {
            continue;
        };
        taken.push(bounds);
        let end = (on_screen.0.clamp(bounds.x, bounds.right()), on_screen.1.clamp(bounds.y, bounds.bottom()));
        let (leader_end, at) = (view.to_map(end), view.to_map(bounds.centre()));
        out.push(RegionCallout {
            transfer: index,
            from_period: transfer.from,
            period: transfer.period,
            text: whole,
            lines,
            lang,
            anchor,
            leader_end,
            at,
            bounds,
            font,
        });
    }
    out
}

/// "Klaipėda Region → Germany, 23 March 1939" in `text`'s language.
fn callout_text(data: &DataSet, transfer: &Transfer, text: &UiText) -> String {
    let lang = text.lang();
    let state = data.borders.periods()[transfer.period].name.text(lang);
    let day = transfer.day;
    let date = HistoricDate::day(day.year, day.month, day.day).map(|d| text.dates().date(&d)).unwrap_or_default();
    text.region_transfer(transfer.region.text(lang), state, &date)
}

/// The ways the text can be written: on one line; on two, broken after its last ", "; on
/// three, broken also after its first " → " (narrow enough for a strip of sea).
fn forms(text: &str) -> Vec<Vec<String>> {
    let mut forms = vec![vec![text.to_owned()]];
    if let Some(at) = text.rfind(", ") {
        let (head, date) = (&text[..at + 1], &text[at + 2..]);
        forms.push(vec![head.to_owned(), date.to_owned()]);
        if let Some(arrow) = head.find(" → ") {
            let arrow_end = arrow + " →".len();
            forms.push(vec![head[..arrow_end].to_owned(), head[arrow_end + 1..].to_owned(), date.to_owned()]);
        }
    }
    forms
}

/// Where a callout's box may go: inside `frame`, clear of `taken`, preferably clear of `dots`
/// (the places the story only names) and of the land of `states`, all on screen in `view`.
struct Room<'a> {
    frame: ScreenRect,
    taken: &'a [ScreenRect],
    dots: &'a [ScreenRect],
    states: &'a MapStates,
    view: MapView,
}

/// The best place for the text's box beside `anchor` (on screen): inside the frame (with a
/// margin), clear of what is taken, not over the anchor; among those, the one that covers the
/// fewest dots of places the story only names, then the least land (the state outlines, the
/// Baltic states' counting double), then the shortest form (one line before two), then the
/// nearest, then west before east (the Baltic's regions lie on its eastern shore).
fn place(text: &str, anchor: (f64, f64), font: f64, halo: f64, room: &Room) -> Option<(Vec<String>, ScreenRect)> {
    let Room { frame, taken, dots, states, view } = *room;
    let inner = frame.grown(-4.0);
    // (dots covered, land covered, form, distance, direction): the smallest is the best.
    type Score = (usize, usize, usize, usize, usize);
    let mut best: Option<(Score, Vec<String>, ScreenRect)> = None;
    for (f, lines) in forms(text).into_iter().enumerate() {
        let width = lines.iter().map(|l| text_size(l, font, EM_PER_CHAR_BOLD, halo).0).fold(0.0, f64::max);
        let height = lines.len() as f64 * font * LINE_HEIGHT + 2.0 * halo;
        for (d, distance) in [1.5, 3.0, 5.0].into_iter().enumerate() {
            let gap = distance * font;
            for (k, (dx, dy)) in DIRECTIONS.iter().enumerate() {
                let centre = (anchor.0 + dx * (gap + width / 2.0), anchor.1 + dy * (gap + height / 2.0));
                let bounds = ScreenRect::centred(centre, width, height);
                if !bounds.inside(&inner) || bounds.contains(anchor) || taken.iter().any(|t| t.overlaps(&bounds)) {
                    continue;
                }
                let covered = dots.iter().filter(|b| b.overlaps(&bounds)).count();
                let score = (covered, land_samples(&bounds, states, view), f, d, k);
                if best.as_ref().is_none_or(|(s, ..)| score < *s) {
                    best = Some((score, lines.clone(), bounds));
                }
            }
        }
    }
    best.map(|(_, lines, bounds)| (lines, bounds))
}

/// The directions a callout's box tries from its region, west first.
const DIRECTIONS: [(f64, f64); 8] =
    [(-1.0, 0.0), (-0.8, -0.8), (-0.8, 0.8), (0.0, -1.0), (0.0, 1.0), (1.0, 0.0), (0.8, -0.8), (0.8, 0.8)];

/// How much of `bounds` covers land: of nine points (corners, middles of the sides, centre),
/// each on a state counts 1, and 2 on one of the three states most involved in the story (the
/// Baltic states, [`MapStates::visible`]'s first), whose names and cities a callout should
/// leave free.
fn land_samples(bounds: &ScreenRect, states: &MapStates, view: MapView) -> usize {
    let (x0, y0, x1, y1) = (bounds.x, bounds.y, bounds.right(), bounds.bottom());
    let (cx, cy) = bounds.centre();
    // The states' outlines are in map points: each sample is taken back there.
    [(x0, y0), (cx, y0), (x1, y0), (x0, cy), (cx, cy), (x1, cy), (x0, y1), (cx, y1), (x1, y1)]
        .into_iter()
        .map(|p| view.to_map(p))
        .map(|p| match states.visible.iter().position(|s| ring_contains(&s.outline, p)) {
            Some(rank) if rank < 3 => 2,
            Some(_) => 1,
            None => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::map::style::MapBox;
    use crate::link::Mode;

    fn data() -> DataSet {
        crate::dataset::committed_data()
    }

    #[test]
    fn forms_break_after_the_last_comma() {
        assert_eq!(
            forms("A → B, 23 March 1939"),
            [vec!["A → B, 23 March 1939"], vec!["A → B,", "23 March 1939"], vec!["A →", "B,", "23 March 1939"]]
        );
        assert_eq!(forms("A → B"), [vec!["A → B"]]);
    }

    #[test]
    fn the_klaipeda_region_is_called_out_in_1939_after_23_march_in_every_language() {
        let data = data();
        let day = |month, day| CalendarDay { year: 1939, month, day };
        for (w, h, mode) in
            [(1100.0, 780.0, Mode::Standard), (864.0, 470.0, Mode::Standard), (1054.0, 745.0, Mode::Kiosk)]
        {
            let frames = MapFrames::new(&data, MapBox::new(w, h, mode));
            for ui in data.languages.all() {
                let states = MapStates::on(&data, &frames, day(3, 25));
                let callouts = region_callouts(&data, &frames, &states, day(3, 25), ui, MapView::HOME, &[]);
                let [memel] = callouts.as_slice() else { panic!("{w}×{h} {}: {callouts:?}", ui.lang()) };
                assert!(frames.layout.frames[0].rect.contains(memel.anchor));
                assert!(memel.bounds.inside(&frames.layout.frames[0].rect));
                assert!(!memel.bounds.overlaps(&frames.controls));
                let period = |i: usize| data.borders.periods()[i].id.as_str();
                assert_eq!(
                    (period(memel.from_period), period(memel.period)),
                    ("lithuania-1923-1939", "germany-1939-memel")
                );
                assert!(memel.text.contains(" → "), "{}", memel.text);
                let before = MapStates::on(&data, &frames, day(3, 22));
                assert!(region_callouts(&data, &frames, &before, day(3, 22), ui, MapView::HOME, &[]).is_empty());
            }
        }
        let en = crate::i18n::UiText::builtin_english();
        let frames = MapFrames::new(&data, MapBox::new(1100.0, 780.0, Mode::Standard));
        let states = MapStates::on(&data, &frames, day(7, 1));
        let memel = &region_callouts(&data, &frames, &states, day(7, 1), &en, MapView::HOME, &[])[0];
        assert_eq!(memel.text, "Klaipėda Region → Germany, 23 March 1939");
    }
}
