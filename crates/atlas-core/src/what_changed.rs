//! What changed between two steps of the time bar, in one short sentence: "1933 → 1934: 2
//! treaties came into force; …; borders unchanged." Any two days, in fact: two dates side by
//! side (`?compare=1923,1940-08-10`, [`crate::compare`]) are told the same way.
//!
//! [`WhatChanged::between`] is a set difference between the two days' states: the treaties in
//! force on each day, the events begun by each day, the border periods standing on each day and
//! whether each state was free, occupied or annexed. [`WhatChanged::sentence`] writes it with the
//! language file's patterns (`what_changed`, `change_…`), naming at most [`NAMED`] things of a
//! kind and counting or cutting the rest ("and 3 more").
use std::collections::BTreeSet;

use crate::borders::StatePeriod;
use crate::changes::year_view_day;
use crate::i18n::{PluralCategory, UiText};
use crate::lang::Lang;
use crate::model::{Event, EventKind, EventRole};
use crate::time::CalendarDay;
use crate::DataSet;

/// At most this many things of one kind are named; more are counted ("3 treaties came into
/// force") or cut ("… and 4 more").
pub const NAMED: usize = 2;
/// At most this many states are named (the three Baltic states occupied or annexed are named
/// all; short names).
pub const NAMED_STATES: usize = 3;

/// Every step of the time bar, in order: the day each year shows (its last, see
/// [`year_view_day`]) and every day on which the map changes (⏮/⏭).
///
/// ```
/// let data = atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))).unwrap();
/// let steps = atlas_core::what_changed::steps(&data);
/// assert_eq!(steps[0].to_string(), "1919-09-14");
/// assert!(steps.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn steps(data: &DataSet) -> Vec<CalendarDay> {
    let years = data.atlas.years().into_iter().flatten().map(year_view_day);
    let days: BTreeSet<CalendarDay> = years.chain(data.changes.all().iter().map(|c| c.day)).collect();
    days.into_iter().collect()
}

/// The step before `day` that the sentence tells the change from: for a year on the slider (its
/// last day, [`year_view_day`]) the year before, so that a year says what changed in it ("1933 →
/// 1934"); for another day the step of the time bar just before it (a change day, or the end of
/// the year before). `None` for the first year (it tells what the atlas shows by its end) and
/// before the first step.
///
/// ```
/// use atlas_core::changes::year_view_day;
/// use atlas_core::what_changed::previous_step;
/// let data = atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))).unwrap();
/// assert_eq!(previous_step(&data, year_view_day(1934)), Some(year_view_day(1933)));
/// let day = atlas_core::time::CalendarDay { year: 1934, month: 2, day: 17 };
/// assert_eq!(previous_step(&data, day).map(|d| d.to_string()).as_deref(), Some("1934-01-26"));
/// assert_eq!(previous_step(&data, year_view_day(1919)), None);
/// ```
pub fn previous_step(data: &DataSet, day: CalendarDay) -> Option<CalendarDay> {
    let in_atlas = |d: &CalendarDay| data.atlas.years().is_some_and(|years| years.contains(&d.year));
    let year_before = Some(year_view_day(day.year.saturating_sub(1))).filter(in_atlas);
    if day == year_view_day(day.year) {
        return year_before;
    }
    data.changes.before(day).into_iter().chain(year_before).max()
}

/// Whether a state was free, occupied or annexed on a day (in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Free,
    Occupied,
    Annexed,
}

/// What changed between two days of the atlas.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatChanged<'a> {
    /// The earlier day (`None`: the start of the atlas, before anything).
    pub from: Option<CalendarDay>,
    /// The later day.
    pub to: CalendarDay,
    /// Treaties in force on `to` and not on `from`; the Entente's own first.
    pub in_force: Vec<&'a Event>,
    /// Treaties in force on `from` and not on `to`.
    pub lapsed: Vec<&'a Event>,
    /// Conferences begun after `from`, by `to`.
    pub met: Vec<&'a Event>,
    /// Every other event begun after `from`, by `to` (declarations, ultimatums, annulments, …),
    /// but treaties, which are in force or not.
    pub happened: Vec<&'a Event>,
    /// The states free on `from` and occupied (or annexed) on `to`: the period each stood in
    /// before its occupation.
    pub occupied: Vec<&'a StatePeriod>,
    /// The states not yet annexed on `from` and annexed on `to`: the period of the annexation.
    pub annexed: Vec<&'a StatePeriod>,
    /// The other border periods standing on `to` and not on `from`, one per state.
    pub borders: Vec<&'a StatePeriod>,
}

impl<'a> WhatChanged<'a> {
    /// What changed from `from` to `to` (taken in the order of time, whichever is given first);
    /// `from == None` tells what the atlas shows by `to` (its treaties and events, not its borders).
    ///
    /// ```
    /// use atlas_core::changes::year_view_day;
    /// use atlas_core::what_changed::WhatChanged;
    /// let data = atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))).unwrap();
    /// let changed = WhatChanged::between(&data, Some(year_view_day(1933)), year_view_day(1934));
    /// let ids: Vec<&str> = changed.in_force.iter().map(|e| e.id.as_str()).collect();
    /// assert_eq!(ids, ["treaty-1934-02-17-riga", "treaty-1934-09-12-baltic-entente"]);
    /// assert!(changed.borders.is_empty() && changed.occupied.is_empty());
    /// ```
    pub fn between(data: &'a DataSet, from: Option<CalendarDay>, to: CalendarDay) -> WhatChanged<'a> {
        let (from, to) = match from {
            Some(from) if from > to => (Some(to), from),
            _ => (from, to),
        };
        let in_force = |e: &Event, day: Option<CalendarDay>| {
            e.kind == EventKind::Treaty && day.is_some_and(|day| e.span.contains_day(day))
        };
        let begun = |e: &Event| e.span.first_day() <= to && from.is_none_or(|from| e.span.first_day() > from);
        let order = |list: &mut Vec<&'a Event>| {
            crate::order::sort_by_key(list, |e| (e.role != EventRole::Story, e.span.first_day()))
        };
        let events = data.atlas.events();
        let pick = |keep: &dyn Fn(&Event) -> bool| {
            let mut list: Vec<&'a Event> = events.iter().filter(|e| keep(e)).collect();
            order(&mut list);
            list
        };
        let mut changed = WhatChanged {
            from,
            to,
            in_force: pick(&|e| in_force(e, Some(to)) && !in_force(e, from)),
            lapsed: pick(&|e| in_force(e, from) && !in_force(e, Some(to))),
            met: pick(&|e| e.kind == EventKind::Conference && begun(e)),
            happened: pick(&|e| !matches!(e.kind, EventKind::Conference | EventKind::Treaty) && begun(e)),
            occupied: vec![],
            annexed: vec![],
            borders: vec![],
        };
        let Some(from) = from else { return changed };
        let periods = data.borders.periods();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for period in periods.iter().filter(|p| p.stands_on(to) && !p.stands_on(from)) {
            if !seen.insert(&period.state) {
                continue;
            }
            let before = data.borders.on(from).find(|p| p.state == period.state);
            let (was, is) = (before.map_or(Status::Free, |p| status(periods, p)), status(periods, period));
            if was == Status::Free && is >= Status::Occupied {
                let free = before.or_else(|| periods.iter().find(|p| p.state == period.state));
                changed.occupied.extend(free);
            }
            if was < Status::Annexed && is == Status::Annexed {
                changed.annexed.push(period);
            }
            if was == is {
                changed.borders.push(period);
            }
        }
        changed
    }

    /// Whether nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.in_force.is_empty()
            && self.lapsed.is_empty()
            && self.met.is_empty()
            && self.happened.is_empty()
            && self.occupied.is_empty()
            && self.annexed.is_empty()
            && self.borders.is_empty()
    }

    /// The sentence in `text`'s language: "{from} → {to}: {changes}." A day the time bar shows
    /// as a year (its last day) is named by its year, any other day by its date; `plural`
    /// chooses the language's plural category for a count.
    ///
    /// ```
    /// use atlas_core::changes::year_view_day;
    /// use atlas_core::i18n::{PluralCategory, UiText};
    /// use atlas_core::what_changed::WhatChanged;
    /// let data = atlas_core::DataSet::load_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"))).unwrap();
    /// let text = UiText::builtin_english();
    /// let changed = WhatChanged::between(&data, Some(year_view_day(1933)), year_view_day(1934));
    /// let sentence = changed.sentence(&data, &text, &PluralCategory::english);
    /// assert!(sentence.starts_with("1933 → 1934: Latvian–Estonian treaty on organising the union (17 February 1934), Treaty establishing the Baltic Entente (12 September 1934) came into force; "), "{sentence}");
    /// assert!(sentence.ends_with("; borders unchanged."), "{sentence}");
    /// ```
    pub fn sentence(&self, data: &DataSet, text: &UiText, plural: &dyn Fn(u32) -> PluralCategory) -> String {
        let lang = text.lang();
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let step = |day: CalendarDay| {
            if day == year_view_day(day.year) {
                day.year.to_string()
            } else {
                text.shown_date(&data.changes.shown_date(day))
            }
        };
        // An event with the date that matters for it, unless it is the day the sentence names.
        let item = |event: &Event, lapsed: bool| {
            let title = event.title.get(lang).0;
            let (date, day) = match (event.kind, lapsed) {
                (EventKind::Treaty, true) => match event.span.end {
                    Some(end) => (text.dates().date(&end), end.last_day()),
                    None => (text.span(&event.span), event.span.last_day()),
                },
                (EventKind::Treaty, false) => (text.dates().date(&event.span.start), event.span.first_day()),
                _ => (text.span(&event.span), event.span.first_day()),
            };
            if day == self.to && self.to != year_view_day(self.to.year) {
                title.to_owned()
            } else {
                text.change_item(title, &date)
            }
        };
        // At most `limit` of the `total` items named, then "and N more"; only the items named are
        // written (a year of a large atlas has hundreds of events).
        let named = |total: usize, item_at: &dyn Fn(usize) -> String, limit: usize| {
            if total <= limit {
                return (0..total).map(item_at).collect::<Vec<_>>().join(", ");
            }
            let rest = count(total - 1);
            format!("{} {}", item_at(0), text.and_more(rest, plural(rest)))
        };
        let events = |list: &[&Event], lapsed: bool| named(list.len(), &|i| item(list[i], lapsed), NAMED);
        let names = |list: &[&StatePeriod]| named(list.len(), &|i| list[i].name.get(lang).0.to_owned(), NAMED_STATES);
        let mut parts: Vec<String> = Vec::new();
        let n = |list_len: usize| count(list_len);
        match self.in_force.len() {
            0 => {}
            len if len <= NAMED => parts.push(text.change_in_force(&events(&self.in_force, false))),
            len => parts.push(text.treaties_in_force(n(len), plural(n(len)))),
        }
        match self.lapsed.len() {
            0 => {}
            len if len <= NAMED => parts.push(text.change_lapsed(&events(&self.lapsed, true))),
            len => parts.push(text.treaties_lapsed(n(len), plural(n(len)))),
        }
        match self.met.len() {
            0 => {}
            len if len <= NAMED => parts.push(text.change_met(&events(&self.met, false))),
            len => parts.push(text.conferences_held(n(len), plural(n(len)))),
        }
        if !self.happened.is_empty() {
            parts.push(events(&self.happened, false));
        }
        if parts.is_empty() {
            parts.push(text.nothing_new().to_owned());
        }
        if !self.occupied.is_empty() {
            parts.push(text.change_occupied(&names(&self.occupied)));
        }
        if !self.annexed.is_empty() {
            // The state's own name: "Latvia", not "Latvian SSR (annexed by the USSR)".
            let states: Vec<&StatePeriod> = self
                .annexed
                .iter()
                .map(|p| data.borders.periods().iter().find(|q| q.state == p.state).unwrap_or(p))
                .collect();
            parts.push(text.change_annexed(&names(&states)));
        }
        if !self.borders.is_empty() {
            parts.push(text.change_borders(&names(&self.borders)));
        } else if self.from.is_some() && self.occupied.is_empty() && self.annexed.is_empty() {
            parts.push(text.borders_unchanged().to_owned());
        }
        let changes = parts.join("; ");
        match self.from {
            Some(from) => text.what_changed(&step(from), &step(self.to), &changes),
            None => text.what_changed_start(&step(self.to), &changes),
        }
    }
}

/// Whether the state of `period` was free, occupied or annexed in it: occupied in its state's
/// first period under occupation, annexed in a later one of another name.
fn status(periods: &[StatePeriod], period: &StatePeriod) -> Status {
    if period.occupied_by.is_none() {
        return Status::Free;
    }
    let first =
        periods.iter().filter(|p| p.state == period.state && p.occupied_by.is_some()).min_by_key(|p| p.first_day());
    match first {
        Some(first) if first.name.get(Lang::EN).0 != period.name.get(Lang::EN).0 => Status::Annexed,
        _ => Status::Occupied,
    }
}

#[cfg(all(test, feature = "validator"))]
mod tests {
    use super::*;
    use crate::i18n::cldr_cardinal_category;

    /// The sentence for every consecutive pair of steps of the time bar, in every language: not
    /// empty, with no placeholder left, and naming what the set difference says (each kind that
    /// changed by the first thing's name or by its count).
    #[test]
    fn every_step_says_what_changed_in_every_language() {
        let data = crate::dataset::committed_data();
        let steps = steps(&data);
        assert!(steps.len() > 60, "{} steps", steps.len());
        // Every consecutive pair of steps, and every step from the step its sentence starts at.
        let consecutive = steps.windows(2).map(|w| (Some(w[0]), w[1]));
        let told = steps.iter().map(|&day| (previous_step(&data, day), day));
        let pairs: Vec<(Option<CalendarDay>, CalendarDay)> = consecutive.chain(told).collect();
        let first_year = steps[0].year;
        let from_start: Vec<CalendarDay> = pairs.iter().filter(|(from, _)| from.is_none()).map(|&(_, to)| to).collect();
        assert_eq!(
            from_start,
            [steps[0], year_view_day(first_year)],
            "only the first step and the first year tell from the start"
        );
        let mut longest = (0, String::new());
        for (from, to) in pairs {
            let changed = WhatChanged::between(&data, from, to);
            for text in data.languages.all() {
                let lang = text.lang();
                let sentence = changed.sentence(&data, text, &|n| cldr_cardinal_category(lang, n));
                let at = format!("{lang} {from:?} → {to}: {sentence}");
                assert!(!sentence.trim().is_empty(), "{at}");
                assert!(!sentence.contains('{') && !sentence.contains('}'), "a placeholder is left: {at}");
                assert!(sentence.ends_with('.'), "{at}");
                let named = |title: &crate::lang::Localized| sentence.contains(title.get(lang).0);
                let said = |list: &[&Event], count: usize| {
                    list.is_empty() || named(&list[0].title) || (count > NAMED && sentence.contains(&count.to_string()))
                };
                assert!(said(&changed.in_force, changed.in_force.len()), "in force: {at}");
                assert!(said(&changed.lapsed, changed.lapsed.len()), "lapsed: {at}");
                assert!(said(&changed.met, changed.met.len()), "held: {at}");
                assert!(said(&changed.happened, 0), "happened: {at}");
                for period in changed.occupied.iter().chain(&changed.borders).take(1) {
                    assert!(named(&period.name), "borders: {at}");
                }
                if from.is_some()
                    && changed.borders.is_empty()
                    && changed.occupied.is_empty()
                    && changed.annexed.is_empty()
                {
                    assert!(sentence.contains(text.borders_unchanged()), "{at}");
                }
                if sentence.chars().count() > longest.0 {
                    longest = (sentence.chars().count(), sentence.clone());
                }
            }
        }
        assert!(longest.0 <= 400, "the longest sentence has {} characters: {}", longest.0, longest.1);
    }

    /// Two dates side by side (`?compare=`) may be any two days, years apart and in either
    /// order: the set difference is the same either way round, each part is exactly what the two
    /// days' states say, and the sentence is whole in every language.
    #[test]
    fn any_two_days_say_what_changed_between_them() {
        let data = crate::dataset::committed_data();
        let steps = steps(&data);
        let day = |year, month, day| CalendarDay { year, month, day };
        let mut pairs: Vec<(CalendarDay, CalendarDay)> = vec![
            (year_view_day(1923), day(1940, 8, 10)),
            (day(1940, 8, 10), year_view_day(1923)),
            (day(1919, 9, 14), year_view_day(1940)),
            (day(1934, 9, 12), day(1934, 9, 12)),
            (day(1925, 3, 3), day(1938, 7, 1)),
        ];
        pairs.extend(steps.iter().step_by(5).flat_map(|&a| steps.iter().skip(2).step_by(9).map(move |&b| (a, b))));
        let in_force = |e: &Event, day: CalendarDay| e.kind == EventKind::Treaty && e.span.contains_day(day);
        for (a, b) in pairs {
            let changed = WhatChanged::between(&data, Some(a), b);
            let (from, to) = (a.min(b), a.max(b));
            assert_eq!((changed.from, changed.to), (Some(from), to));
            assert_eq!(changed, WhatChanged::between(&data, Some(b), a), "{a} {b}: the same either way round");
            for event in data.atlas.events() {
                let (before, after) = (in_force(event, from), in_force(event, to));
                let named = |list: &[&Event]| list.iter().any(|e| e.id == event.id);
                assert_eq!(named(&changed.in_force), after && !before, "{} {a} {b}", event.id.as_str());
                assert_eq!(named(&changed.lapsed), before && !after, "{} {a} {b}", event.id.as_str());
                let begun = event.span.first_day() > from && event.span.first_day() <= to;
                assert_eq!(named(&changed.met), begun && event.kind == EventKind::Conference, "{}", event.id.as_str());
            }
            if a == b {
                assert!(changed.is_empty(), "{a}: nothing changes between a day and itself");
            }
            for text in data.languages.all() {
                let lang = text.lang();
                let plural = |n| cldr_cardinal_category(lang, n);
                let sentence = changed.sentence(&data, text, &plural);
                let backwards = WhatChanged::between(&data, Some(b), a).sentence(&data, text, &plural);
                assert_eq!(sentence, backwards, "{lang} {a} {b}: the same either way round");
                assert!(sentence.ends_with('.') && !sentence.contains('{'), "{lang} {a} {b}: {sentence}");
                // Years apart, each kind is still counted or cut: the side column's few lines.
                assert!(sentence.chars().count() <= 600, "{lang} {a} {b}: {sentence}");
            }
        }
        // 1923 beside 10 August 1940: the 1923 alliance lapsed, the three states annexed.
        let text = data.languages.get(Lang::EN);
        let changed = WhatChanged::between(&data, Some(year_view_day(1923)), day(1940, 8, 10));
        assert!(changed.lapsed.iter().any(|e| e.id.as_str() == "treaty-1923-11-01-defence-alliance"));
        let mut annexed: Vec<&str> = changed.annexed.iter().map(|p| p.state.as_str()).collect();
        annexed.sort_unstable();
        assert_eq!(annexed, ["estonia", "latvia", "lithuania"]);
        let sentence = changed.sentence(&data, &text, &PluralCategory::english);
        assert!(sentence.starts_with("1923 → 10 August 1940: "), "{sentence}");
        assert!(sentence.contains("annexed: "), "{sentence}");
    }

    #[test]
    fn the_occupation_and_the_annexation_are_told() {
        let data = crate::dataset::committed_data();
        let day = |year, month, day| CalendarDay { year, month, day };
        let text = data.languages.get(Lang::EN);
        let english =
            |from, to| WhatChanged::between(&data, Some(from), to).sentence(&data, &text, &PluralCategory::english);
        let occupied = WhatChanged::between(&data, Some(day(1940, 6, 14)), day(1940, 6, 15));
        let names: Vec<&str> = occupied.occupied.iter().map(|p| p.state.as_str()).collect();
        assert_eq!(names, ["lithuania"]);
        let sentence = english(day(1940, 6, 14), day(1940, 6, 15));
        assert!(sentence.contains("occupied: Lithuania"), "{sentence}");
        let sentence = english(year_view_day(1939), year_view_day(1940));
        assert!(sentence.contains("occupied: ") && sentence.contains("annexed: "), "{sentence}");
        assert!(sentence.contains("treaties lapsed"), "{sentence}");
        // Backwards, the same interval.
        assert_eq!(english(year_view_day(1940), year_view_day(1939)), sentence);
        let quiet = english(year_view_day(1927), year_view_day(1928));
        assert_eq!(quiet, "1927 → 1928: no new treaty or event; borders unchanged.");
    }
}
