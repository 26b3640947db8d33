//! The days on which the map changes: an event begins, a treaty lapses, a border moves. The time
//! bar's ⏮/⏭ step through them, and the caption names the one on screen with the precision its
//! source gives.
use crate::borders::Borders;
use crate::time::{CalendarDay, HistoricDate, Precision};
use crate::timeline::Atlas;

/// The day a year's map shows when the reader picks the year and not a day: its last day, so
/// that a year shows where it ended (the treaties signed in it in force, the borders it left).
///
/// ```
/// use atlas_core::changes::year_view_day;
/// use atlas_core::time::CalendarDay;
/// assert_eq!(year_view_day(1934), CalendarDay { year: 1934, month: 12, day: 31 });
/// ```
pub fn year_view_day(year: i32) -> CalendarDay {
    CalendarDay { year, month: 12, day: 31 }
}

/// One day on which something on the map changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeDay {
    pub day: CalendarDay,
    /// The most precise date the sources give for what happens that day: a day, or only a month
    /// or a year (then `day` is the first day of that period, where such events sort).
    pub date: HistoricDate,
}

impl ChangeDay {
    /// Whether the sources give this change only to the month or the year.
    pub fn is_approximate(&self) -> bool {
        self.date.precision() != Precision::Day
    }
}

/// Every day within the atlas's years on which the map changes, in order, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeDays {
    days: Vec<ChangeDay>,
}

impl ChangeDays {
    /// The days on which an event starts, a treaty lapses (the day after its last day in force)
    /// or a border period begins, within the years of `atlas`'s events.
    ///
    /// ```
    /// use atlas_core::changes::ChangeDays;
    /// use atlas_core::borders::Borders;
    /// use atlas_core::time::CalendarDay;
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, Span};
    /// # let event = |id: &str, kind, start: &str, end: Option<&str>| Event {
    /// #     id: EventId::new(id).expect("slug"), kind,
    /// #     span: Span::new(start.parse().unwrap(), end.map(|e| e.parse().unwrap())),
    /// #     place: None, parties: vec![], title: Default::default(), summary: Default::default(),
    /// #     sources: vec![], note: None, points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let atlas = Atlas::new(vec![], vec![
    ///     event("bases", EventKind::Treaty, "1939-09-28", Some("1940-08-05")),
    ///     event("revue", EventKind::Other, "1940-02", None),
    /// ]);
    /// let changes = ChangeDays::new(&atlas, &Borders::new("borders.topojson", vec![]));
    /// let day = |year, month, day| CalendarDay { year, month, day };
    /// assert_eq!(changes.after(day(1939, 9, 28)), Some(day(1940, 2, 1)));
    /// assert!(changes.at(day(1940, 2, 1)).unwrap().is_approximate());
    /// assert_eq!(changes.after(day(1940, 2, 1)), Some(day(1940, 8, 6)), "the day the treaty lapsed");
    /// assert_eq!(changes.before(day(1939, 12, 31)), Some(day(1939, 9, 28)));
    /// assert_eq!(changes.after(day(1940, 8, 6)), None);
    /// ```
    pub fn new(atlas: &Atlas, borders: &Borders) -> ChangeDays {
        let Some(years) = atlas.years() else { return ChangeDays::default() };
        let mut days: Vec<ChangeDay> = Vec::new();
        // An event told for the context changes nothing on the map (no line, no highlight); the
        // days of the occupation and the annexation are border days anyway.
        for event in atlas.events().iter().filter(|e| e.role == crate::EventRole::Story) {
            days.push(ChangeDay { day: event.span.first_day(), date: event.span.start });
            if let Some(end) = event.span.end.filter(|_| event.kind == crate::EventKind::Treaty) {
                let lapse = end.last_day().next();
                days.push(ChangeDay { day: lapse, date: date_of(lapse, end.precision()) });
            }
        }
        for period in borders.periods() {
            let first = period.first_day();
            days.push(ChangeDay { day: first, date: date_of(first, period.span.start.precision()) });
        }
        days.retain(|change| years.contains(&change.day.year));
        crate::order::sort_by_key(&mut days, |change| (change.day, std::cmp::Reverse(change.date.precision())));
        // The first of each day is the most precise.
        days.dedup_by_key(|change| change.day);
        ChangeDays { days }
    }

    /// Every change, in order.
    pub fn all(&self) -> &[ChangeDay] {
        &self.days
    }

    /// The change on `day`, if the map changes on it.
    pub fn at(&self, day: CalendarDay) -> Option<&ChangeDay> {
        self.days.binary_search_by_key(&day, |c| c.day).ok().map(|i| &self.days[i])
    }

    /// The date to name for `day`: the change's date as precise as its source (`February
    /// 1940` for the first of that month, when only the month is known), else the day itself.
    ///
    /// ```
    /// # use atlas_core::changes::ChangeDays;
    /// # use atlas_core::borders::Borders;
    /// # use atlas_core::time::{CalendarDay, Precision};
    /// # use atlas_core::{Atlas, Event, EventId, EventKind, Span};
    /// # let revue = Event {
    /// #     id: EventId::new("revue").expect("slug"), kind: EventKind::Other,
    /// #     span: Span::new("1940-02".parse().unwrap(), None),
    /// #     place: None, parties: vec![], title: Default::default(), summary: Default::default(),
    /// #     sources: vec![], note: None, points: vec![], role: Default::default(), dates: vec![], media: vec![],
    /// # };
    /// let changes = ChangeDays::new(&Atlas::new(vec![], vec![revue]), &Borders::new("b", vec![]));
    /// let day = |month, day| CalendarDay { year: 1940, month, day };
    /// assert_eq!(changes.shown_date(day(2, 1)).to_string(), "1940-02");
    /// assert_eq!(changes.shown_date(day(2, 2)).precision(), Precision::Day);
    /// ```
    pub fn shown_date(&self, day: CalendarDay) -> HistoricDate {
        self.at(day).map(|change| change.date).unwrap_or_else(|| {
            HistoricDate::day(day.year, day.month, day.day).unwrap_or_else(|| HistoricDate::year_only(day.year))
        })
    }

    /// The first change after `day`.
    pub fn after(&self, day: CalendarDay) -> Option<CalendarDay> {
        let i = self.days.partition_point(|c| c.day <= day);
        self.days.get(i).map(|c| c.day)
    }

    /// The last change before `day`.
    pub fn before(&self, day: CalendarDay) -> Option<CalendarDay> {
        let i = self.days.partition_point(|c| c.day < day);
        i.checked_sub(1).map(|i| self.days[i].day)
    }

    /// The changes in `year`, in order.
    pub fn in_year(&self, year: i32) -> &[ChangeDay] {
        let from = self.days.partition_point(|c| c.day.year < year);
        let to = self.days.partition_point(|c| c.day.year <= year);
        &self.days[from..to]
    }
}

/// `day` as a date of the given precision (the period that starts on it).
fn date_of(day: CalendarDay, precision: Precision) -> HistoricDate {
    let as_day = HistoricDate::day(day.year, day.month, day.day);
    match precision {
        Precision::Day => as_day,
        Precision::Month => HistoricDate::month(day.year, day.month),
        // A lapse the day after a quarter or a half: named by its year, which says no more than
        // the source does.
        Precision::Year | Precision::Part => Some(HistoricDate::year_only(day.year)),
    }
    .unwrap_or_else(|| HistoricDate::year_only(day.year))
}
