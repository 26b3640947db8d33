//! The pace of playback and the kiosk's return to its start.

/// Milliseconds per year when a reader presses play: time to read a year's few events.
pub const PLAYBACK_STEP_MS: u64 = 2_500;
/// Milliseconds per year in the kiosk's attract loop, which nobody may be reading yet.
pub const ATTRACT_STEP_MS: u64 = 3_000;
/// Seconds of warning before an idle kiosk returns to its start.
pub const COUNTDOWN_SECONDS: u32 = 10;

/// The countdown for a kiosk idle after `idle_seconds`: ten seconds, or less when
/// the idle time itself is shorter (as in tests).
pub fn countdown_seconds(idle_seconds: u32) -> u32 {
    COUNTDOWN_SECONDS.min(idle_seconds).max(1)
}

/// The next year of a loop over `years`: after the last comes the first again.
pub fn next_year_looping(year: i32, years: std::ops::RangeInclusive<i32>) -> i32 {
    if year >= *years.end() || year < *years.start() {
        *years.start()
    } else {
        year + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_is_ten_seconds_or_the_idle_time() {
        assert_eq!(countdown_seconds(120), 10);
        assert_eq!(countdown_seconds(3), 3);
        assert_eq!(countdown_seconds(0), 1);
    }

    #[test]
    fn the_attract_loop_wraps() {
        assert_eq!(next_year_looping(1919, 1919..=1940), 1920);
        assert_eq!(next_year_looping(1940, 1919..=1940), 1919);
        assert_eq!(next_year_looping(1800, 1919..=1940), 1919);
    }
}
