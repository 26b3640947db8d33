//! The address as a link to what is on screen: `?year=1934&city=riga&lang=lv`, or a day
//! (`?date=1940-08-10`) instead of a year,
//! plus the display modes `?kiosk` (with `idle=N`) and `?embed`, the larger type of `?text=large`,
//! two dates side by side (`?compare=1923,1940-08-10`, not on a kiosk),
//! and for an embedded map the origin of the page it talks to (`?parent=https://museum.example`).
//!
//! Reading never fails: a parameter that is unknown or malformed is ignored, so a
//! mistyped link opens the map at its defaults instead of an error page.
use crate::changes::year_view_day;
use crate::compare::ComparePair;
use crate::lang::Lang;
use crate::model::PlaceId;
use crate::time::{CalendarDay, HistoricDate, Precision};

/// How the page is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A page in a browser.
    #[default]
    Standard,
    /// Full screen on a museum touch screen, resetting itself when idle.
    Kiosk,
    /// Compact, inside another site's iframe.
    Embed,
}

/// The size of the page's type: `?text=large` grows the whole type scale (a projector's back
/// row, a reader who needs it); the default is not written in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
}

impl TextSize {
    /// The value of `?text=`: `"normal"` or `"large"`.
    ///
    /// ```
    /// use atlas_core::link::TextSize;
    /// assert_eq!(TextSize::parse("large"), Some(TextSize::Large));
    /// assert_eq!(TextSize::parse("huge"), None);
    /// assert_eq!(TextSize::Large.as_str(), "large");
    /// ```
    pub fn parse(value: &str) -> Option<TextSize> {
        match value.trim() {
            "normal" => Some(TextSize::Normal),
            "large" => Some(TextSize::Large),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
        }
    }
}

/// The idle time before a kiosk returns to its start, when `?idle=` does not say.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// The shortest and longest idle times accepted from `?idle=`.
pub const IDLE_SECONDS_RANGE: std::ops::RangeInclusive<u32> = 2..=3600;

/// What an address asks for; each field is `None` when absent or invalid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkState {
    pub year: Option<i32>,
    /// `?date=1940-08-10`: a day within the slider's years; it wins over `year`.
    pub date: Option<CalendarDay>,
    pub city: Option<PlaceId>,
    /// A well-formed language code; whether the atlas offers it is for the data to say
    /// (`Languages::find`), so `?lang=xx` reads here and is ignored there.
    pub lang: Option<Lang>,
    pub mode: Mode,
    pub idle_seconds: Option<u32>,
    /// `?parent=`: the origin of the page that embeds the map, or `*` for any.
    pub parent: Option<ParentOrigin>,
    /// `?text=large`: the larger type scale.
    pub text: Option<TextSize>,
    /// `?tour=baltic-entente`: a guided tour of `tours.json` (whether there is one of that id is
    /// for the data to say: [`crate::tours::Tours::resolve`]).
    pub tour: Option<String>,
    /// `?stop=3`: the tour's stop, counted from 1; a value that is not a number reads as 0, which
    /// the tour answers with its first stop and a message.
    pub stop: Option<u32>,
    /// `?compare=1923,1940-08-10`: two dates side by side, the second the time bar's; it wins
    /// over `year` and `date`. A kiosk never compares (its visitors start from one map, and its
    /// idle reset returns there), so `?kiosk` drops it.
    pub compare: Option<ComparePair>,
}

/// Who may receive an embedded map's state (`postMessage`'s target origin), from `?parent=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParentOrigin {
    /// `?parent=*`: any page that embeds the map; an embedder's explicit choice.
    Any,
    /// `?parent=https://museum.example`: a serialized origin, `scheme://host[:port]`.
    Origin(String),
}

impl ParentOrigin {
    /// Reads `*` or the origin of an `http(s)` address, as a browser's `URL` serializes it:
    /// scheme and host lower-cased, the scheme's default port dropped (`https://museum.example:443`
    /// is `https://museum.example`), any path, query or fragment left out. A user name, an
    /// invalid host or port is refused. (In the browser the app also passes the result through
    /// `URL`, so what it compares is what the browser reports as `MessageEvent.origin`.)
    ///
    /// ```
    /// use atlas_core::link::ParentOrigin;
    /// let origin = |s: &str| Some(ParentOrigin::Origin(s.to_owned()));
    /// assert_eq!(ParentOrigin::parse("https://Museum.Example:443/atlas/"), origin("https://museum.example"));
    /// assert_eq!(ParentOrigin::parse("http://museum.example:8080"), origin("http://museum.example:8080"));
    /// ```
    pub fn parse(value: &str) -> Option<ParentOrigin> {
        let value = value.trim();
        if value == "*" {
            return Some(ParentOrigin::Any);
        }
        let (scheme, rest) = value.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        let authority = &rest[..rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len())];
        if authority.contains('@') {
            return None;
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            });
        if !host_ok {
            return None;
        }
        let host = host.to_ascii_lowercase();
        let port = match port {
            None => None,
            Some(port) => {
                let number = port.parse::<u16>().ok().filter(|p| *p > 0 && port.bytes().all(|b| b.is_ascii_digit()))?;
                (number != default_port).then_some(number)
            }
        };
        match port {
            None => Some(ParentOrigin::Origin(format!("{scheme}://{host}"))),
            Some(number) => Some(ParentOrigin::Origin(format!("{scheme}://{host}:{number}"))),
        }
    }

    /// The origin of a URL (`https://museum.example/atlas/page.html` →
    /// `https://museum.example`), e.g. of `document.referrer`; `None` for anything that is not
    /// an `http(s)` URL with a valid host, or is empty.
    pub fn of_url(url: &str) -> Option<ParentOrigin> {
        match ParentOrigin::parse(url)? {
            ParentOrigin::Any => None,
            origin => Some(origin),
        }
    }

    /// The `targetOrigin` for `postMessage`: the origin, or `*`.
    pub fn target(&self) -> &str {
        match self {
            ParentOrigin::Any => "*",
            ParentOrigin::Origin(origin) => origin,
        }
    }

    /// Whether a message from `origin` (a `MessageEvent`'s `origin`) may be obeyed.
    pub fn allows(&self, origin: &str) -> bool {
        match self {
            ParentOrigin::Any => true,
            ParentOrigin::Origin(own) => own == origin,
        }
    }
}

impl LinkState {
    /// Reads a query string (with or without the leading `?`). `years` is the
    /// range the slider offers; a year outside it is ignored.
    pub fn parse(query: &str, years: std::ops::RangeInclusive<i32>) -> LinkState {
        let mut state = LinkState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "year" => {
                    state.year = value.trim().parse::<i32>().ok().filter(|y| years.contains(y));
                }
                "date" => {
                    state.date = value
                        .trim()
                        .parse::<HistoricDate>()
                        .ok()
                        .filter(|d| d.precision() == Precision::Day && years.contains(&d.year()))
                        .map(|d| d.first_day());
                }
                "city" => state.city = PlaceId::new(value.trim()),
                "lang" => state.lang = Lang::new(value.trim()),
                "kiosk" => state.mode = Mode::Kiosk,
                "embed" if state.mode != Mode::Kiosk => state.mode = Mode::Embed,
                "idle" => {
                    state.idle_seconds = value.trim().parse::<u32>().ok().filter(|s| IDLE_SECONDS_RANGE.contains(s));
                }
                "parent" => state.parent = ParentOrigin::parse(&value),
                "text" => state.text = TextSize::parse(&value),
                "tour" => state.tour = Some(value.trim().chars().take(64).collect()).filter(|t: &String| !t.is_empty()),
                "stop" => state.stop = Some(value.trim().parse::<u32>().unwrap_or(0)),
                "compare" => state.compare = ComparePair::parse(&value, years.clone()).ok(),
                _ => {}
            }
        }
        if state.mode == Mode::Kiosk {
            state.compare = None;
        }
        state
    }

    /// The day the address asks for: the second date of a comparison, else its `date`, else the
    /// day a `year` shows ([`year_view_day`]).
    ///
    /// ```
    /// use atlas_core::link::LinkState;
    /// use atlas_core::time::CalendarDay;
    /// let day = |q| LinkState::parse(q, 1919..=1940).day();
    /// assert_eq!(day("?date=1940-08-10"), Some(CalendarDay { year: 1940, month: 8, day: 10 }));
    /// assert_eq!(day("?year=1934"), Some(CalendarDay { year: 1934, month: 12, day: 31 }));
    /// assert_eq!(day("?date=1940-08&year=1934"), Some(CalendarDay { year: 1934, month: 12, day: 31 }), "a day, not a month");
    /// assert_eq!(day("?date=1950-01-01"), None);
    /// assert_eq!(day("?year=1934&compare=1923,1940-08-10"), Some(CalendarDay { year: 1940, month: 8, day: 10 }));
    /// ```
    pub fn day(&self) -> Option<CalendarDay> {
        self.compare.map(|pair| pair.right).or(self.date).or(self.year.map(year_view_day))
    }

    /// The state without a comparison that reaches outside `years` (the atlas's, known once its
    /// data is read; the address is read before, with any year).
    ///
    /// ```
    /// use atlas_core::link::LinkState;
    /// let link = LinkState::parse("?year=1934&compare=1923,1950", i32::MIN..=i32::MAX);
    /// assert!(link.compare.is_some());
    /// let kept = link.within(1919..=1940);
    /// assert_eq!((kept.compare, kept.year), (None, Some(1934)));
    /// ```
    pub fn within(self, years: std::ops::RangeInclusive<i32>) -> LinkState {
        let inside = |pair: &ComparePair| years.contains(&pair.left.year) && years.contains(&pair.right.year);
        LinkState { compare: self.compare.filter(inside), ..self }
    }

    /// The state with `day` selected: `year=` when it is the day a year shows, else `date=`.
    pub fn at_day(self, day: CalendarDay) -> LinkState {
        if day == year_view_day(day.year) {
            LinkState { year: Some(day.year), date: None, ..self }
        } else {
            LinkState { year: None, date: Some(day), ..self }
        }
    }

    /// The query string for this state: `?year=1934&city=riga&lang=lv` (or `?date=…`, or
    /// `?compare=1923,1940-08-10` in their place), keeping the mode.
    pub fn to_query(&self) -> String {
        // The pair's digits, dashes and comma are written as they are (not `%2C`): a teacher
        // reads and types the link.
        let compare = self.compare.filter(|_| self.mode != Mode::Kiosk).map(|pair| format!("compare={pair}"));
        let mut query = form_urlencoded::Serializer::new(compare.clone().unwrap_or_default());
        match (compare.is_some(), self.date, self.year) {
            (true, _, _) => {}
            (false, Some(date), _) => {
                query.append_pair("date", &date.to_string());
            }
            (false, None, Some(year)) => {
                query.append_pair("year", &year.to_string());
            }
            (false, None, None) => {}
        }
        if let Some(city) = &self.city {
            query.append_pair("city", city.as_str());
        }
        if let Some(lang) = self.lang {
            query.append_pair("lang", lang.code());
        }
        if let Some(size) = self.text.filter(|size| *size != TextSize::Normal) {
            query.append_pair("text", size.as_str());
        }
        if let Some(tour) = &self.tour {
            query.append_pair("tour", tour);
            if let Some(stop) = self.stop {
                query.append_pair("stop", &stop.to_string());
            }
        }
        let mut text = query.finish();
        let mut flag = |name: &str| {
            if !text.is_empty() {
                text.push('&');
            }
            text.push_str(name);
        };
        match self.mode {
            Mode::Standard => {}
            Mode::Kiosk => flag("kiosk"),
            Mode::Embed => flag("embed"),
        }
        if let Some(idle) = self.idle_seconds {
            flag(&format!("idle={idle}"));
        }
        if let Some(parent) = &self.parent {
            let pair = form_urlencoded::Serializer::new(String::new()).append_pair("parent", parent.target()).finish();
            flag(&pair);
        }
        if text.is_empty() {
            text
        } else {
            format!("?{text}")
        }
    }
}

/// What a parent page may ask of an embedded map (`postMessage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedCommand {
    SetYear(i32),
    /// `{ "type": "set-date", "date": "1940-08-10" }`: a day.
    SetDate(CalendarDay),
    SetCity(PlaceId),
}

impl EmbedCommand {
    /// Reads `{ "type": "set-year", "year": 1934 }`, `{ "type": "set-date", "date": "1940-08-10" }`
    /// or `{ "type": "set-city", "city": "riga" }` from its parts; anything else (other types,
    /// fractional or missing years, dates that are not a day, bad ids) is `None`.
    ///
    /// ```
    /// use atlas_core::link::EmbedCommand;
    /// use atlas_core::time::CalendarDay;
    /// let date = |d| EmbedCommand::from_message(Some("set-date"), None, Some(d), None);
    /// assert_eq!(date("1940-08-10"), Some(EmbedCommand::SetDate(CalendarDay { year: 1940, month: 8, day: 10 })));
    /// assert_eq!(date("1940-08"), None);
    /// ```
    pub fn from_message(
        kind: Option<&str>,
        year: Option<f64>,
        date: Option<&str>,
        city: Option<&str>,
    ) -> Option<EmbedCommand> {
        match kind? {
            "set-year" => {
                let year = year.filter(|y| y.fract() == 0.0 && y.abs() < 1e6)?;
                Some(EmbedCommand::SetYear(year as i32))
            }
            "set-date" => {
                let date = date?.trim().parse::<HistoricDate>().ok()?;
                (date.precision() == Precision::Day).then(|| EmbedCommand::SetDate(date.first_day()))
            }
            "set-city" => PlaceId::new(city?).map(EmbedCommand::SetCity),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEARS: std::ops::RangeInclusive<i32> = 1919..=1940;

    #[test]
    fn a_tour_and_its_stop_go_both_ways() {
        let state = LinkState::parse("?year=1934&tour=baltic-entente&stop=3", YEARS);
        assert_eq!((state.tour.as_deref(), state.stop), (Some("baltic-entente"), Some(3)));
        assert_eq!(state.to_query(), "?year=1934&tour=baltic-entente&stop=3");
        assert_eq!(LinkState::parse("?tour=baltic-entente", YEARS).stop, None, "the first stop");
        assert_eq!(LinkState::parse("?tour=x&stop=abc", YEARS).stop, Some(0), "answered by the tour");
        assert_eq!(LinkState::parse("?tour=", YEARS).tour, None);
        let stop_alone = LinkState { stop: Some(2), ..LinkState::default() };
        assert_eq!(stop_alone.to_query(), "", "a stop without a tour says nothing");
    }

    #[test]
    fn two_dates_side_by_side_go_both_ways() {
        let state = LinkState::parse("?compare=1923,1940-08-10&lang=lv", YEARS);
        let pair = state.compare.expect("read");
        assert_eq!((pair.left, pair.right), (year_view_day(1923), CalendarDay { year: 1940, month: 8, day: 10 }));
        assert_eq!(state.day(), Some(pair.right), "the time bar shows the second date");
        assert_eq!(state.to_query(), "?compare=1923,1940-08-10&lang=lv");
        assert_eq!(LinkState::parse(&state.to_query(), YEARS), state);
        // Both forms on either side, and an escaped comma, as a link may come.
        let escaped = LinkState::parse("?compare=1940-08-10%2C1923&city=riga", YEARS);
        assert_eq!(escaped.to_query(), "?compare=1940-08-10,1923&city=riga");
        // The pair wins over year= and date=, which are not written beside it.
        let both = LinkState::parse("?year=1930&compare=1923,1940&embed", YEARS);
        assert_eq!(both.to_query(), "?compare=1923,1940&embed");
        assert_eq!(both.clone().at_day(year_view_day(1940)).to_query(), "?compare=1923,1940&embed");
        // A bad value is ignored, as every other parameter: the page opens with one map.
        for bad in ["1923", "1923,1950", "1923,1940-08", "abc,1940", "1923,1930,1940", "", "1923,<b>"] {
            let state = LinkState::parse(&format!("?year=1934&compare={bad}"), YEARS);
            assert_eq!((state.compare, state.day()), (None, Some(year_view_day(1934))), "{bad:?}");
            assert_eq!(state.to_query(), "?year=1934", "{bad:?}");
        }
        // Not on a kiosk, whichever comes first.
        for query in ["?kiosk&compare=1923,1940", "?compare=1923,1940&kiosk"] {
            let kiosk = LinkState::parse(query, YEARS);
            assert_eq!((kiosk.mode, kiosk.compare), (Mode::Kiosk, None), "{query}");
        }
        let forced = LinkState { mode: Mode::Kiosk, ..state };
        assert_eq!(forced.to_query(), "?lang=lv&kiosk", "a kiosk writes no comparison");
    }

    #[test]
    fn reads_year_city_and_language() {
        let state = LinkState::parse("?year=1934&city=riga&lang=lv", YEARS);
        assert_eq!(state.year, Some(1934));
        assert_eq!(state.city.as_ref().map(PlaceId::as_str), Some("riga"));
        assert_eq!(state.lang, Lang::new("lv"));
        assert_eq!(state.mode, Mode::Standard);
    }

    #[test]
    fn malformed_values_are_ignored() {
        for query in [
            "?year=abc",
            "?year=1850",
            "?year=",
            "?city=%3Cscript%3E",
            "?lang=<b>",
            "?lang=EN",
            "?year=1934.5",
            "?idle=-3",
        ] {
            let state = LinkState::parse(query, YEARS);
            assert_eq!(
                (state.year, state.city.clone(), state.lang, state.idle_seconds),
                (None, None, None, None),
                "{query}"
            );
        }
    }

    #[test]
    fn modes_and_idle() {
        let kiosk = LinkState::parse("kiosk&idle=3", YEARS);
        assert_eq!((kiosk.mode, kiosk.idle_seconds), (Mode::Kiosk, Some(3)));
        assert_eq!(LinkState::parse("?embed", YEARS).mode, Mode::Embed);
        assert_eq!(LinkState::parse("?idle=1", YEARS).idle_seconds, None, "too short to use");
    }

    #[test]
    fn writes_what_it_reads() {
        let state = LinkState::parse("?year=1935&city=kaunas&lang=lt&kiosk&idle=30", YEARS);
        assert_eq!(state.to_query(), "?year=1935&city=kaunas&lang=lt&kiosk&idle=30");
        assert_eq!(LinkState::parse(&state.to_query(), YEARS), state);
        let dated = LinkState::parse("?date=1940-08-10&lang=lv", YEARS);
        assert_eq!(dated.to_query(), "?date=1940-08-10&lang=lv");
        let day = CalendarDay { year: 1939, month: 3, day: 25 };
        assert_eq!(dated.clone().at_day(day).to_query(), "?date=1939-03-25&lang=lv");
        assert_eq!(dated.at_day(year_view_day(1939)).to_query(), "?year=1939&lang=lv");
        assert_eq!(LinkState::default().to_query(), "");
    }

    #[test]
    fn embed_messages() {
        assert_eq!(
            EmbedCommand::from_message(Some("set-year"), Some(1934.0), None, None),
            Some(EmbedCommand::SetYear(1934))
        );
        assert_eq!(
            EmbedCommand::from_message(Some("set-city"), None, None, Some("riga")),
            PlaceId::new("riga").map(EmbedCommand::SetCity)
        );
        assert_eq!(EmbedCommand::from_message(Some("set-year"), Some(1934.5), None, None), None);
        assert_eq!(EmbedCommand::from_message(Some("set-year"), None, None, None), None);
        assert_eq!(EmbedCommand::from_message(Some("set-city"), None, None, Some("<script>")), None);
        assert_eq!(EmbedCommand::from_message(Some("navigate"), Some(1934.0), None, Some("riga")), None);
        assert_eq!(EmbedCommand::from_message(None, Some(1934.0), None, None), None);
    }

    #[test]
    fn parent_origins() {
        let origin = |s: &str| Some(ParentOrigin::Origin(s.to_owned()));
        assert_eq!(ParentOrigin::parse("*"), Some(ParentOrigin::Any));
        assert_eq!(ParentOrigin::parse("https://museum.example"), origin("https://museum.example"));
        assert_eq!(ParentOrigin::parse("https://Museum.Example/"), origin("https://museum.example"));
        assert_eq!(ParentOrigin::parse("http://127.0.0.1:8080"), origin("http://127.0.0.1:8080"));
        // As a browser's URL serializes an origin: default ports, case, a trailing slash, a path.
        assert_eq!(ParentOrigin::parse("https://museum.example:443"), origin("https://museum.example"));
        assert_eq!(ParentOrigin::parse("http://museum.example:80/"), origin("http://museum.example"));
        assert_eq!(ParentOrigin::parse("https://museum.example:80"), origin("https://museum.example:80"));
        assert_eq!(ParentOrigin::parse("HTTPS://MUSEUM.example:443/Atlas/Page.html"), origin("https://museum.example"));
        assert_eq!(ParentOrigin::parse("https://museum.example/atlas?x#y"), origin("https://museum.example"));
        for bad in [
            "",
            "museum.example",
            "javascript:alert(1)",
            "ftp://museum.example",
            "https://user@museum.example",
            "https://museum.example:0",
            "https://museum.example:99999",
            "https://museum.example:+80",
            "https://",
            "https://-bad.example",
            "https://museum..example",
            "https://<script>",
            "https://museum.example:443@evil.example",
            "**",
        ] {
            assert_eq!(ParentOrigin::parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            ParentOrigin::of_url("https://museum.example/atlas/page.html?x#y"),
            origin("https://museum.example")
        );
        assert_eq!(ParentOrigin::of_url("http://localhost:4000/"), origin("http://localhost:4000"));
        assert_eq!(ParentOrigin::of_url(""), None);
        assert_eq!(ParentOrigin::of_url("*"), None);
        assert_eq!(ParentOrigin::of_url("https://user:pw@museum.example/"), None);
        assert_eq!(ParentOrigin::Any.target(), "*");
        assert!(ParentOrigin::Any.allows("https://anyone.example"));
        let museum = ParentOrigin::Origin("https://museum.example".into());
        assert!(museum.allows("https://museum.example") && !museum.allows("https://evil.example"));
    }

    #[test]
    fn the_parent_parameter_is_kept_in_the_address() {
        let state = LinkState::parse("?embed&parent=https%3A%2F%2Fmuseum.example", YEARS);
        assert_eq!(state.parent, Some(ParentOrigin::Origin("https://museum.example".into())));
        assert_eq!(state.to_query(), "?embed&parent=https%3A%2F%2Fmuseum.example");
        assert_eq!(LinkState::parse(&state.to_query(), YEARS), state);
        assert_eq!(LinkState::parse("?embed&parent=*", YEARS).to_query(), "?embed&parent=*");
        assert_eq!(LinkState::parse("?parent=javascript:alert(1)", YEARS).parent, None);
    }

    #[test]
    fn the_text_size_is_read_and_written_back() {
        let large = LinkState::parse("?year=1935&lang=lt&text=large&kiosk", YEARS);
        assert_eq!(large.text, Some(TextSize::Large));
        assert_eq!(large.to_query(), "?year=1935&lang=lt&text=large&kiosk");
        assert_eq!(LinkState::parse(&large.to_query(), YEARS), large);
        // The default is read but not written: a link without it means the same.
        let normal = LinkState::parse("?text=normal&year=1935", YEARS);
        assert_eq!(normal.text, Some(TextSize::Normal));
        assert_eq!(normal.to_query(), "?year=1935");
        for bad in ["?text=", "?text=LARGE", "?text=huge", "?text=large%3Cscript%3E"] {
            assert_eq!(LinkState::parse(bad, YEARS).text, None, "{bad}");
        }
        assert_eq!(LinkState::parse("?year=1935", YEARS).text, None);
    }

    #[test]
    fn a_lang_parameter_must_be_an_exact_lowercase_code() {
        assert_eq!(LinkState::parse("?lang=LV", 1919..=1940).lang, None);
        assert_eq!(LinkState::parse("?lang=latvian", 1919..=1940).lang, None);
    }
}
