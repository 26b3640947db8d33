//! The time bar under the map: where each year, each event mark and each stage band sits
//! along the slider, as a fraction of its length (0 at the first year, 1 at the last), and
//! which years get a label at a given width.
use crate::i18n::UiText;
use crate::stages::{Stage, Stages};

/// One year on the bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub year: i32,
    /// Along the bar, 0 to 1.
    pub at: f64,
    /// Whether its number is written (every year where they fit, else every fifth).
    pub labelled: bool,
    /// Whether an event starts in this year (a mark on the bar).
    pub has_event: bool,
}

/// A stage of the story as a band along the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub from: f64,
    pub to: f64,
}

/// The years `first..=last` laid along a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBar {
    pub first: i32,
    pub last: i32,
}

impl TimeBar {
    pub fn new(first: i32, last: i32) -> Self {
        Self { first, last: last.max(first) }
    }

    /// Where `year` sits along the bar (the same place as the range input's thumb at that value).
    ///
    /// ```
    /// let bar = atlas_core::timebar::TimeBar::new(1919, 1940);
    /// assert_eq!(bar.at(1919), 0.0);
    /// assert_eq!(bar.at(1940), 1.0);
    /// assert!((bar.at(1934) - 15.0 / 21.0).abs() < 1e-9);
    /// ```
    pub fn at(&self, year: i32) -> f64 {
        if self.last == self.first {
            return 0.0;
        }
        f64::from(year.clamp(self.first, self.last) - self.first) / f64::from(self.last - self.first)
    }

    /// Every year of the bar, with a label where labels `label_px` wide fit into a bar
    /// `width_px` long (every year, else the two ends and every fifth year between), and a mark where an
    /// event starts (`event_years`).
    ///
    /// ```
    /// use atlas_core::timebar::TimeBar;
    /// let bar = TimeBar::new(1919, 1940);
    /// let wide = bar.ticks(1600.0, 44.0, &[1934]);
    /// assert!(wide.iter().all(|t| t.labelled));
    /// let narrow: Vec<i32> = bar.ticks(340.0, 44.0, &[]).iter().filter(|t| t.labelled).map(|t| t.year).collect();
    /// assert_eq!(narrow, [1919, 1925, 1930, 1935, 1940]);
    /// assert!(wide.iter().find(|t| t.year == 1934).is_some_and(|t| t.has_event));
    /// ```
    pub fn ticks(&self, width_px: f64, label_px: f64, event_years: &[i32]) -> Vec<Tick> {
        let years = self.last - self.first;
        let every_year_fits = years == 0 || width_px / f64::from(years) >= label_px;
        // The two ends, and every fifth year that is not too close to an end.
        let step = width_px / f64::from(years.max(1));
        let near_an_end =
            |year: i32| [self.first, self.last].iter().any(|&end| f64::from((end - year).abs()) * step < label_px);
        (self.first..=self.last)
            .map(|year| {
                let end = year == self.first || year == self.last;
                let labelled = every_year_fits || end || (year % 5 == 0 && !near_an_end(year));
                Tick { year, at: self.at(year), labelled, has_event: event_years.contains(&year) }
            })
            .collect()
    }

    /// The stages as bands along the bar, from the first year of each to its last.
    ///
    /// ```
    /// # use atlas_core::stages::{Stage, Stages};
    /// # use atlas_core::timebar::TimeBar;
    /// # let stage = |id: &str, start, end| Stage::of_years(id, start, end);
    /// let stages = Stages::new(vec![stage("first", 1919, 1923), stage("second", 1923, 1940)]);
    /// let bands = TimeBar::new(1919, 1940).bands(&stages);
    /// assert_eq!((bands[0].from, bands[1].to), (0.0, 1.0));
    /// assert_eq!(bands[0].to, bands[1].from, "bands meet where the stages do");
    /// ```
    pub fn bands(&self, stages: &Stages) -> Vec<Band> {
        stages
            .all()
            .iter()
            .filter(|s| s.end >= self.first && s.start <= self.last)
            .map(|s| Band { id: s.id.clone(), from: self.at(s.start), to: self.at(s.end) })
            .collect()
    }
}

/// The first of `candidates` (longest first) that fits into `room_px`, estimating a text's
/// width as its number of characters times `char_px` (about 0.55 of the font size for the
/// system sans-serif fonts). `None` when not even the last one fits.
///
/// ```
/// use atlas_core::timebar::fitting_label;
/// let names = ["First stage 1919–1923", "First stage", "I"];
/// assert_eq!(fitting_label(&names, 300.0, 8.0), Some("First stage 1919–1923"));
/// assert_eq!(fitting_label(&names, 100.0, 8.0), Some("First stage"));
/// assert_eq!(fitting_label(&names, 20.0, 8.0), Some("I"));
/// assert_eq!(fitting_label(&names, 4.0, 8.0), None);
/// ```
pub fn fitting_label<'a>(candidates: &[&'a str], room_px: f64, char_px: f64) -> Option<&'a str> {
    candidates.iter().copied().find(|text| text.chars().count() as f64 * char_px <= room_px)
}

/// The labels a stage's band may carry, longest first, for [`fitting_label`]: its caption
/// ("First stage 1919–1923"), its name ("First stage") and its `number` (1 for the first stage,
/// "I"), each in `text`'s language.
///
/// ```
/// # use atlas_core::stages::Stage;
/// # use atlas_core::timebar::band_labels;
/// # use atlas_core::i18n::UiText;
/// let stage = Stage { name: atlas_core::Localized::new("Fourth stage"), ..Stage::of_years("fourth", 1939, 1940) };
/// let labels = band_labels(&stage, 4, &UiText::builtin_english());
/// assert_eq!(labels, ["Fourth stage 1939–1940", "Fourth stage", "IV"]);
/// ```
pub fn band_labels(stage: &Stage, number: usize, text: &UiText) -> [String; 3] {
    [stage.caption(text), stage.name.text(text.lang()).to_owned(), text.stage_number(&roman(number))]
}

/// A stage's number in Roman numerals (I–XX), the shortest label a band can carry.
///
/// ```
/// assert_eq!(atlas_core::timebar::roman(4), "IV");
/// ```
pub fn roman(n: usize) -> String {
    const NUMERALS: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
        "XVIII", "XIX", "XX",
    ];
    NUMERALS.get(n.wrapping_sub(1)).map_or_else(|| n.to_string(), |r| (*r).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_come_closer_than_their_width() {
        let bar = TimeBar::new(1919, 1940);
        for width in [200.0, 320.0, 500.0, 760.0, 1000.0, 1900.0] {
            let labelled: Vec<f64> =
                bar.ticks(width, 44.0, &[]).iter().filter(|t| t.labelled).map(|t| t.at * width).collect();
            assert!(labelled.windows(2).all(|w| w[1] - w[0] >= 44.0 - 1e-9), "{width}: {labelled:?}");
            assert!(labelled.len() >= 4, "{width}: too few labels");
        }
    }

    #[test]
    fn a_single_year_is_at_the_start() {
        let bar = TimeBar::new(1934, 1934);
        assert_eq!(bar.ticks(300.0, 44.0, &[1934]).len(), 1);
        assert_eq!(bar.at(1934), 0.0);
    }
}
