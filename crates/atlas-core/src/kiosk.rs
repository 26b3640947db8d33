//! The pace of playback and the kiosk's return to its start.
//!
//! The kiosk's idle rules are a small state machine ([`IdleMachine`]): the app feeds it what
//! happens (a touch, a second passing, the idle time elapsing) and carries out what it answers
//! ([`IdleEffect`]); the timings and the order of things are decided and tested here.

/// Milliseconds per year when a reader presses play: time to read a year's few events.
pub const PLAYBACK_STEP_MS: u64 = 2_500;
/// Milliseconds per year in the kiosk's attract loop, which nobody may be reading yet.
pub const ATTRACT_STEP_MS: u64 = 3_000;
/// Seconds of warning before an idle kiosk returns to its start, whatever its idle time: WCAG
/// 2.2.1 (Timing Adjustable) asks that a visitor be warned and given at least 20 seconds to stay.
pub const COUNTDOWN_SECONDS: u32 = 20;

/// The next year of a loop over `years`: after the last comes the first again.
pub fn next_year_looping(year: i32, years: std::ops::RangeInclusive<i32>) -> i32 {
    if year >= *years.end() || year < *years.start() {
        *years.start()
    } else {
        year + 1
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
    /// map) and play the years by themselves, one every [`ATTRACT_STEP_MS`].
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
        assert_eq!(next_year_looping(1919, 1919..=1940), 1920);
        assert_eq!(next_year_looping(1940, 1919..=1940), 1919);
        assert_eq!(next_year_looping(1800, 1919..=1940), 1919);
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
