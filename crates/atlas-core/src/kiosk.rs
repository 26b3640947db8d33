//! The pace of playback and the kiosk's return to its start.
//!
//! The kiosk's idle rules are a small state machine ([`IdleMachine`]): the app feeds it what
//! happens (a touch, a second passing, the idle time elapsing) and carries out what it answers
//! ([`IdleEffect`]); the timings and the order of things are decided and tested here, as is
//! the attract loop's schedule ([`AttractSchedule`]): which days it shows, for how long, and
//! which city's panel it opens now and then.
use crate::changes::year_view_day;
use crate::model::{EventKind, PlaceId};
use crate::time::CalendarDay;
use crate::DataSet;

/// Milliseconds per year when a reader presses play: time to read a year's few events.
pub const PLAYBACK_STEP_MS: u64 = 2_500;
/// Seconds of warning before an idle kiosk returns to its start, whatever its idle time: WCAG
/// 2.2.1 (Timing Adjustable) asks that a visitor be warned and given at least 20 seconds to stay.
pub const COUNTDOWN_SECONDS: u32 = 20;

/// How long the attract loop stays on a day on which an event begins: time to glance at its
/// title.
pub const EVENT_STEP_MS: u64 = 3_000;
/// How long it stays on a day on which only borders change (a state's name in the news line).
pub const BORDER_STEP_MS: u64 = 1_200;
/// How long it stays on a year in which no event begins: the map hardly changes, the thumb
/// glides on (1924–1932 pass in under five seconds).
pub const QUIET_YEAR_MS: u64 = 500;
/// When the loop opens a city's panel, as a visitor's tap would: this long after the step
/// begins (the marker lights up first), and the step lasts [`PANEL_STEP_EXTRA_MS`] longer.
pub const PANEL_OPEN_AFTER_MS: u64 = 1_000;
pub const PANEL_STEP_EXTRA_MS: u64 = 3_500;
/// Of a stage's steps at a city's conference or treaty, every this-many-th opens the city's
/// panel (the first included): now and then, not on every step.
pub const PANEL_EVERY: usize = 4;

/// What the attract loop shows on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A day on which an event begins (its title is the news).
    Event,
    /// A day on which only borders change, in a year with events.
    Borders,
    /// A year in which no event begins, shown at its end, briefly.
    QuietYear,
}

/// One step of the attract loop: the day the map shows, for how long, and the city whose panel
/// opens during it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttractStep {
    pub day: CalendarDay,
    pub kind: StepKind,
    pub dwell_ms: u64,
    /// The city whose panel the loop opens [`PANEL_OPEN_AFTER_MS`] into the step and closes at
    /// its end.
    pub open: Option<PlaceId>,
}

/// What happens on a day, as the attract loop tells it: the titles of the events that begin,
/// and the names of the border periods that begin (the same as [`DataSet::news_on`], apart).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayNews<'a> {
    pub events: Vec<&'a crate::lang::Localized>,
    pub borders: Vec<&'a crate::lang::Localized>,
}

impl<'a> DayNews<'a> {
    /// ```
    /// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
    /// let data = atlas_core::DataSet::load_dir(dir).unwrap();
    /// let day = atlas_core::time::CalendarDay { year: 1940, month: 6, day: 17 };
    /// let news = atlas_core::kiosk::DayNews::on(&data, day);
    /// // The occupation of Estonia and Latvia (an event told for the context) and the borders
    /// // of the occupied states, apart.
    /// assert_eq!(news.events.len(), 1);
    /// assert!(news.borders.len() >= 2);
    /// ```
    pub fn on(data: &'a DataSet, day: CalendarDay) -> DayNews<'a> {
        let events = data.atlas.active_in(day.year).filter(|e| e.span.first_day() == day).map(|e| &e.title).collect();
        let borders = data.borders.periods().iter().filter(|p| p.first_day() == day).map(|p| &p.name).collect();
        DayNews { events, borders }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.borders.is_empty()
    }
}

/// The kiosk's attract loop: the days on which something happens, in order, each shown long
/// enough to read its news, with the years in which nothing begins passing quickly; after the
/// last step the loop starts again.
///
/// ```
/// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
/// let data = atlas_core::DataSet::load_dir(dir).unwrap();
/// let schedule = atlas_core::kiosk::AttractSchedule::new(&data);
/// assert_eq!(schedule.steps()[0].day.to_string(), "1919-09-14", "the Tallinn conference");
/// assert!(schedule.total_ms() < 4 * 60 * 1000);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttractSchedule {
    steps: Vec<AttractStep>,
}

impl AttractSchedule {
    /// The loop over `data`'s years: in a year with events, a step on each day an event begins
    /// ([`EVENT_STEP_MS`]) or borders change ([`BORDER_STEP_MS`]); a year without events is one
    /// short step at its end ([`QUIET_YEAR_MS`]). In each stage of the story, the first of its
    /// steps at a city's conference or treaty, and every [`PANEL_EVERY`]th after, opens the
    /// city's panel.
    pub fn new(data: &DataSet) -> AttractSchedule {
        let Some(years) = data.atlas.years() else { return AttractSchedule::default() };
        // The loop tells the Entente's own story: an event told for the context (the
        // Molotov–Ribbentrop Pact) is in the news of a day the loop shows, never a step of its own.
        let starts_on = |day: CalendarDay| {
            data.atlas
                .active_in(day.year)
                .filter(move |e| e.span.first_day() == day && e.role == crate::EventRole::Story)
        };
        let mut steps = Vec::new();
        // City steps counted per stage (by the stage's position), for the panels' rhythm.
        let mut city_steps: Vec<usize> = vec![0; data.stages.all().len() + 1];
        for year in years {
            let days = data.changes.in_year(year);
            let eventful = days.iter().any(|c| starts_on(c.day).next().is_some());
            if !eventful {
                steps.push(AttractStep {
                    day: year_view_day(year),
                    kind: StepKind::QuietYear,
                    dwell_ms: QUIET_YEAR_MS,
                    open: None,
                });
                continue;
            }
            for change in days {
                let day = change.day;
                let city = starts_on(day)
                    .filter(|e| matches!(e.kind, EventKind::Conference | EventKind::Treaty))
                    .filter_map(|e| e.place.clone())
                    .find(|p| data.atlas.place(p).is_some_and(|p| !p.is_context() && !p.is_town()));
                let (kind, dwell_ms) = if starts_on(day).next().is_some() {
                    (StepKind::Event, EVENT_STEP_MS)
                } else if !DayNews::on(data, day).borders.is_empty() {
                    (StepKind::Borders, BORDER_STEP_MS)
                } else {
                    // Only a treaty lapsing: the next step shows it.
                    continue;
                };
                let open = city.filter(|_| {
                    let stage = data.stages.all().iter().rposition(|s| s.contains_day(day)).map_or(0, |i| i + 1);
                    let count = &mut city_steps[stage];
                    *count += 1;
                    (*count - 1).is_multiple_of(PANEL_EVERY)
                });
                let dwell_ms = if open.is_some() { dwell_ms + PANEL_STEP_EXTRA_MS } else { dwell_ms };
                steps.push(AttractStep { day, kind, dwell_ms, open });
            }
        }
        AttractSchedule { steps }
    }

    pub fn steps(&self) -> &[AttractStep] {
        &self.steps
    }

    /// The step after step `index`: after the last comes the first again.
    pub fn next(&self, index: usize) -> usize {
        if index + 1 >= self.steps.len() {
            0
        } else {
            index + 1
        }
    }

    /// How long one pass of the loop lasts.
    pub fn total_ms(&self) -> u64 {
        self.steps.iter().map(|s| s.dwell_ms).sum()
    }
}

/// Where an idle kiosk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdleState {
    /// Someone is using it (or it has just started).
    #[default]
    Active,
    /// Nobody has touched it for the idle time: a visible countdown with a button to stay.
    CountingDown { seconds_left: u32 },
    /// Back at its start, playing the years by itself until the next touch.
    Attract,
}

/// What happens to a kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleInput {
    /// A touch, a click, a key, the "Stay" button: someone is there.
    Touch,
    /// Some seconds have passed (the countdown's clock).
    Tick(u32),
    /// Nobody has touched the kiosk for its idle time.
    IdleElapsed,
}

/// What the app must do after a step of the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleEffect {
    /// Return to the start (the first year, no open panel, the kiosk's language, the whole
    /// map) and play the attract loop (an [`AttractSchedule`]).
    ReturnToStart,
    /// Stop the attract loop: a visitor is back.
    StopAttract,
}

/// The kiosk's idle rules: after the idle time without input a countdown, after the countdown
/// the start and the attract loop, and any touch back to [`IdleState::Active`].
///
/// ```
/// use atlas_core::kiosk::{IdleEffect, IdleInput, IdleMachine, IdleState};
/// let mut kiosk = IdleMachine::new();
/// assert_eq!(kiosk.step(IdleInput::IdleElapsed), None);
/// assert_eq!(kiosk.state(), IdleState::CountingDown { seconds_left: 20 });
/// assert_eq!(kiosk.step(IdleInput::Tick(20)), Some(IdleEffect::ReturnToStart));
/// assert_eq!(kiosk.step(IdleInput::Touch), Some(IdleEffect::StopAttract));
/// assert_eq!(kiosk.state(), IdleState::Active);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleMachine {
    countdown: u32,
    state: IdleState,
}

impl Default for IdleMachine {
    fn default() -> Self {
        IdleMachine::new()
    }
}

impl IdleMachine {
    /// A kiosk's idle rules. The idle time itself (`?idle=`) is the app's to measure; the
    /// countdown after it is always [`COUNTDOWN_SECONDS`], however short the idle time (as in tests).
    pub fn new() -> IdleMachine {
        IdleMachine { countdown: COUNTDOWN_SECONDS, state: IdleState::Active }
    }

    pub fn state(&self) -> IdleState {
        self.state
    }

    /// The seconds left before the kiosk returns to its start, while it counts down.
    pub fn seconds_left(&self) -> Option<u32> {
        match self.state {
            IdleState::CountingDown { seconds_left } => Some(seconds_left),
            IdleState::Active | IdleState::Attract => None,
        }
    }

    /// Takes one input; returns what the app must do, if anything.
    pub fn step(&mut self, input: IdleInput) -> Option<IdleEffect> {
        let (next, effect) = match (self.state, input) {
            (IdleState::Attract, IdleInput::Touch) => (IdleState::Active, Some(IdleEffect::StopAttract)),
            (_, IdleInput::Touch) => (IdleState::Active, None),
            (IdleState::Active, IdleInput::IdleElapsed) => {
                (IdleState::CountingDown { seconds_left: self.countdown }, None)
            }
            (IdleState::CountingDown { seconds_left }, IdleInput::Tick(seconds)) if seconds >= seconds_left => {
                (IdleState::Attract, Some(IdleEffect::ReturnToStart))
            }
            (IdleState::CountingDown { seconds_left }, IdleInput::Tick(seconds)) => {
                (IdleState::CountingDown { seconds_left: seconds_left - seconds }, None)
            }
            // Time passing while someone is there or while the loop plays, and the idle time
            // elapsing again during a countdown or the loop, change nothing.
            (state, IdleInput::Tick(_) | IdleInput::IdleElapsed) => (state, None),
        };
        self.state = next;
        effect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_gives_at_least_twenty_seconds() {
        const { assert!(COUNTDOWN_SECONDS >= 20, "WCAG 2.2.1") };
        let mut kiosk = IdleMachine::new();
        kiosk.step(IdleInput::IdleElapsed);
        assert_eq!(kiosk.seconds_left(), Some(COUNTDOWN_SECONDS));
        assert_eq!(kiosk.step(IdleInput::Tick(19)), None, "still counting down after 19 s");
        assert_eq!(kiosk.seconds_left(), Some(1));
    }

    #[test]
    fn the_attract_loop_wraps() {
        let schedule = AttractSchedule::new(&real_data());
        let last = schedule.steps().len() - 1;
        assert_eq!(schedule.next(0), 1);
        assert_eq!(schedule.next(last), 0);
        assert_eq!(schedule.next(last + 5), 0);
        assert_eq!(AttractSchedule::default().next(0), 0);
    }

    fn real_data() -> DataSet {
        crate::dataset::committed_data()
    }

    #[test]
    fn the_attract_loop_spends_its_time_where_something_happens() {
        let data = real_data();
        let schedule = AttractSchedule::new(&data);
        let steps = schedule.steps();
        let total = schedule.total_ms();
        assert!((90_000..=210_000).contains(&total), "one pass lasts 1½ to 3½ minutes: {total} ms");
        assert!(steps.windows(2).all(|w| w[0].day < w[1].day), "the days go forward");
        // Every year is shown, the empty ones briefly.
        let years = data.atlas.years().expect("years");
        for year in years.clone() {
            assert!(steps.iter().any(|s| s.day.year == year), "{year} is never shown");
        }
        for step in steps.iter().filter(|s| s.kind == StepKind::QuietYear) {
            assert!(step.dwell_ms <= 500, "a year without events dwells {} ms: {step:?}", step.dwell_ms);
            assert!(step.open.is_none());
        }
        let quiet: u64 = steps.iter().filter(|s| (1924..=1932).contains(&s.day.year)).map(|s| s.dwell_ms).sum();
        assert!(quiet <= 5_000, "1924–1932, when the map stands still, take {quiet} ms");
        // Every day on which an event of the story begins is a step, shown long enough to read
        // its title.
        for event in data.atlas.events().iter().filter(|e| e.role == crate::EventRole::Story) {
            let day = event.span.first_day();
            let step = steps.iter().find(|s| s.day == day);
            assert!(step.is_some_and(|s| s.kind == StepKind::Event && s.dwell_ms >= 3_000), "{day}: {step:?}");
        }
        // The events' years take most of the time.
        let eventful: u64 = steps.iter().filter(|s| s.kind != StepKind::QuietYear).map(|s| s.dwell_ms).sum();
        assert!(eventful * 10 >= total * 9, "{eventful} of {total} ms on days with news");
    }

    #[test]
    fn every_stage_is_played_and_opens_a_city_now_and_then() {
        let data = real_data();
        let schedule = AttractSchedule::new(&data);
        let steps = schedule.steps();
        for stage in data.stages.all() {
            let in_stage: Vec<&AttractStep> = steps.iter().filter(|s| stage.contains_day(s.day)).collect();
            assert!(in_stage.iter().any(|s| s.kind == StepKind::Event), "{} has no event step", stage.id);
            assert!(in_stage.iter().any(|s| s.open.is_some()), "{} opens no panel", stage.id);
        }
        let opened: Vec<&AttractStep> = steps.iter().filter(|s| s.open.is_some()).collect();
        assert!((4..=10).contains(&opened.len()), "now and then, not always: {} panels", opened.len());
        assert_eq!(steps[0].open.as_ref().map(PlaceId::as_str), Some("tallinn"), "the first step opens Tallinn");
        for step in opened {
            let place = step.open.as_ref().and_then(|p| data.atlas.place(p)).expect("a place of the atlas");
            assert!(!place.is_context() && !place.is_town(), "{} has no panel", place.id);
            assert!(step.dwell_ms >= PANEL_OPEN_AFTER_MS + 3_000, "the panel stays open long enough to see");
            let held_there = data.atlas.active_in(step.day.year).any(|e| e.place.as_ref() == Some(&place.id));
            assert!(held_there, "{} opens on {} with nothing there", place.id, step.day);
        }
    }

    #[test]
    fn an_idle_kiosk_counts_down_second_by_second_then_returns_to_its_start() {
        let mut kiosk = IdleMachine::new();
        assert_eq!(kiosk.step(IdleInput::Tick(1)), None, "the clock alone does nothing while in use");
        assert_eq!(kiosk.state(), IdleState::Active);
        assert_eq!(kiosk.step(IdleInput::IdleElapsed), None);
        let mut shown = vec![kiosk.seconds_left()];
        let mut effects = Vec::new();
        while kiosk.state() != IdleState::Attract {
            effects.extend(kiosk.step(IdleInput::Tick(1)));
            shown.push(kiosk.seconds_left());
        }
        let expected: Vec<Option<u32>> = (1..=20).rev().map(Some).chain([None]).collect();
        assert_eq!(shown, expected, "20, 19, … 1, then the start");
        assert_eq!(effects, [IdleEffect::ReturnToStart]);
    }

    #[test]
    fn a_touch_during_the_countdown_stays() {
        let mut kiosk = IdleMachine::new();
        kiosk.step(IdleInput::IdleElapsed);
        kiosk.step(IdleInput::Tick(4));
        assert_eq!(kiosk.seconds_left(), Some(16));
        assert_eq!(kiosk.step(IdleInput::Touch), None, "nothing to undo: the kiosk has not moved yet");
        assert_eq!(kiosk.state(), IdleState::Active);
        assert_eq!(kiosk.step(IdleInput::Tick(20)), None);
        assert_eq!(kiosk.step(IdleInput::IdleElapsed), None);
        assert_eq!(kiosk.seconds_left(), Some(20), "a new countdown starts from the top");
    }

    #[test]
    fn the_attract_loop_plays_until_a_touch() {
        let mut kiosk = IdleMachine::new();
        kiosk.step(IdleInput::IdleElapsed);
        assert_eq!(kiosk.step(IdleInput::Tick(25)), Some(IdleEffect::ReturnToStart));
        for input in [IdleInput::Tick(1), IdleInput::IdleElapsed, IdleInput::Tick(60)] {
            assert_eq!(kiosk.step(input), None, "{input:?} during the loop");
            assert_eq!(kiosk.state(), IdleState::Attract);
        }
        assert_eq!(kiosk.step(IdleInput::Touch), Some(IdleEffect::StopAttract));
        assert_eq!(kiosk.step(IdleInput::Touch), None, "a second touch stops nothing");
    }

    #[test]
    fn a_zero_tick_changes_nothing() {
        let mut kiosk = IdleMachine::new();
        kiosk.step(IdleInput::IdleElapsed);
        assert_eq!(kiosk.step(IdleInput::Tick(0)), None);
        assert_eq!(kiosk.seconds_left(), Some(20));
    }
}
