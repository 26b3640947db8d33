//! The atlas's settings for one installation (`settings.json`, optional): the address of the
//! museum's public copy of the atlas, which the "take it with you" QR code points at.
//!
//! ```json
//! {"public_url": "https://museum.example/atlas/"}
//! ```
//!
//! Without the file, or without `public_url` (or with `null`), the atlas has no public copy and
//! offers no QR code. A file that is not JSON, or a `public_url` that is not an `http(s)` address,
//! is named by file and field, and the atlas runs as without it.
use serde_json::Value;

use crate::data::{json_value, kind_of, DataError, DataErrors, DataFile, Location};
use crate::link::{LinkState, Mode, ParentOrigin};

/// The file of the settings.
pub const SETTINGS_FILE: &str = "settings.json";

/// The address of the atlas's public copy, checked: `http(s)://host[:port]/path`, with no query,
/// fragment, user name or white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Reads an address as a curator writes it; `None` for anything that is not one.
    ///
    /// ```
    /// use atlas_core::settings::PublicUrl;
    /// let url = |s| PublicUrl::parse(s).map(|u| u.as_str().to_owned());
    /// assert_eq!(url("https://museum.example/atlas/"), Some("https://museum.example/atlas/".into()));
    /// assert_eq!(url("https://museum.example"), Some("https://museum.example/".into()), "a path of its own");
    /// assert_eq!(url("ftp://museum.example/"), None);
    /// assert_eq!(url("https://museum.example/?year=1934"), None);
    /// ```
    pub fn parse(text: &str) -> Option<PublicUrl> {
        let text = text.trim();
        if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control() || "?#\"'<>\\`".contains(c)) {
            return None;
        }
        // The scheme, host and port as an origin (lower case, default port dropped).
        let ParentOrigin::Origin(origin) = ParentOrigin::parse(text)? else { return None };
        let (_, rest) = text.split_once("://")?;
        let path = rest.find('/').map_or("/", |at| &rest[at..]);
        Some(PublicUrl(format!("{origin}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The link to a view on the public copy: its day (or year), city, language and tour stop,
    /// without the kiosk's mode, idle time or type size (a phone is none of these).
    ///
    /// ```
    /// use atlas_core::link::LinkState;
    /// use atlas_core::settings::PublicUrl;
    /// let url = PublicUrl::parse("https://museum.example/atlas/").unwrap();
    /// let view = LinkState::parse("?year=1934&city=riga&lang=lv&kiosk&idle=60&text=large", 1919..=1940);
    /// assert_eq!(url.link_to(&view), "https://museum.example/atlas/?year=1934&city=riga&lang=lv");
    /// ```
    pub fn link_to(&self, view: &LinkState) -> String {
        let view = LinkState {
            year: view.year,
            date: view.date,
            city: view.city.clone(),
            lang: view.lang,
            tour: view.tour.clone(),
            stop: view.stop,
            mode: Mode::Standard,
            ..LinkState::default()
        };
        format!("{}{}", self.0, view.to_query())
    }
}

impl std::fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The settings of one installation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The public copy's address; `None` hides the QR code.
    pub public_url: Option<PublicUrl>,
}

/// Reads `settings.json`. Unknown keys are left alone (a later version's settings).
///
/// ```
/// use atlas_core::data::DataFile;
/// use atlas_core::settings::parse_settings;
/// let read = |text| parse_settings(DataFile { name: "settings.json", text });
/// assert!(read(r#"{"public_url": "https://museum.example/"}"#).unwrap().public_url.is_some());
/// assert!(read(r#"{"public_url": null}"#).unwrap().public_url.is_none());
/// let error = read(r#"{"public_url": "museum.example"}"#).unwrap_err().to_string();
/// assert!(error.contains("settings.json: field `public_url`"), "{error}");
/// ```
pub fn parse_settings(file: DataFile<'_>) -> Result<Settings, DataErrors> {
    let value = json_value(file)?;
    let field_error = |field: &str, problem: String| DataErrors {
        errors: vec![DataError::Field {
            location: Location { file: file.name.to_owned(), index: None, id: None },
            field: field.to_owned(),
            problem,
        }],
    };
    let Value::Object(map) = value else {
        return Err(field_error(
            "(top level)",
            format!(
                "must be an object such as {{\"public_url\": \"https://museum.example/atlas/\"}}, found {}",
                kind_of(&value)
            ),
        ));
    };
    let public_url = match map.get("public_url") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if text.trim().is_empty() => None,
        Some(Value::String(text)) => Some(PublicUrl::parse(text).ok_or_else(|| {
            field_error(
                "public_url",
                format!(
                    "`{text}` is not the address of a page: write it as https://museum.example/atlas/ (http or https, a host, no ?… or #…)"
                ),
            )
        })?),
        Some(other) => {
            return Err(field_error(
                "public_url",
                format!("must be an address in quotes (\"https://museum.example/atlas/\") or null, found {}", kind_of(other)),
            ))
        }
    };
    Ok(Settings { public_url })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Settings, String> {
        parse_settings(DataFile { name: SETTINGS_FILE, text }).map_err(|e| e.to_string())
    }

    #[test]
    fn an_address_is_checked_and_normalised() {
        let url = |s: &str| PublicUrl::parse(s).map(|u| u.to_string());
        assert_eq!(url("HTTPS://Museum.Example:443/Atlas/"), Some("https://museum.example/Atlas/".into()));
        assert_eq!(url("http://127.0.0.1:8080/index.html"), Some("http://127.0.0.1:8080/index.html".into()));
        for bad in [
            "",
            "museum.example/atlas/",
            "javascript:alert(1)",
            "https://",
            "https://user@museum.example/",
            "https://museum.example/atlas/#map",
            "https://museum.example/at las/",
            "https://museum.example/\"><script>",
            "data:text/html,hi",
        ] {
            assert_eq!(url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_link_keeps_the_view_and_drops_the_kiosk() {
        let url = PublicUrl::parse("https://museum.example/atlas/index.html").expect("an address");
        let view = LinkState::parse("?date=1940-08-10&lang=ru&tour=baltic-entente&stop=4&kiosk", 1919..=1940);
        assert_eq!(
            url.link_to(&view),
            "https://museum.example/atlas/index.html?date=1940-08-10&lang=ru&tour=baltic-entente&stop=4"
        );
        assert_eq!(url.link_to(&LinkState::default()), "https://museum.example/atlas/index.html");
    }

    #[test]
    fn the_file_is_read_and_its_problems_named() {
        assert_eq!(read("{}"), Ok(Settings::default()));
        assert_eq!(read(r#"{"public_url": ""}"#), Ok(Settings::default()));
        assert!(read(r#"{"public_url": "https://museum.example/atlas/", "later": 1}"#).is_ok());
        let not_json = read("{ oops").expect_err("a bad settings file");
        assert!(not_json.starts_with("settings.json: not valid JSON at line 1"), "{not_json}");
        let list = read("[]").expect_err("a bad settings file");
        assert!(list.contains("settings.json: field `(top level)`"), "{list}");
        let number = read(r#"{"public_url": 5}"#).expect_err("a bad settings file");
        assert!(number.contains("field `public_url`") && number.contains("found a number"), "{number}");
        let ftp = read(r#"{"public_url": "ftp://museum.example/"}"#).expect_err("a bad settings file");
        assert!(ftp.contains("field `public_url`: `ftp://museum.example/`"), "{ftp}");
    }

    #[test]
    fn the_shipped_settings_offer_no_public_copy() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/settings.json");
        let text = std::fs::read_to_string(path).expect("public/data/settings.json");
        assert_eq!(read(&text), Ok(Settings::default()), "the atlas has no public copy yet");
    }

    /// The committed data with `settings.json` replaced (`None`: missing).
    fn load_with_settings(settings: Option<&'static str>) -> crate::DataSet {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
        crate::DataSet::load(|name| match (name, settings) {
            (SETTINGS_FILE, Some(text)) => Ok(text.as_bytes().to_vec()),
            (SETTINGS_FILE, None) => Err("the server answered 404 Not Found".into()),
            _ => std::fs::read(dir.join(name)).map_err(|e| e.to_string()),
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_atlas_runs_without_its_settings() {
        let missing = load_with_settings(None);
        assert_eq!(missing.settings, Settings::default());
        assert!(
            missing.files_left_out().is_empty(),
            "a missing settings file is the defaults: {:?}",
            missing.files_left_out()
        );
        let broken = load_with_settings(Some(r#"{"public_url": "museum.example"}"#));
        assert_eq!(broken.settings, Settings::default());
        let left_out = broken.files_left_out();
        assert_eq!(left_out.len(), 1, "{left_out:?}");
        assert!(left_out[0].starts_with("settings.json: key `public_url`: `museum.example` is not"), "{left_out:?}");
        assert!(left_out[0].ends_with(crate::dataset::WITHOUT_SETTINGS));
        let set = load_with_settings(Some(r#"{"public_url": "https://museum.example/atlas/"}"#));
        assert_eq!(set.settings.public_url.map(|u| u.to_string()).as_deref(), Some("https://museum.example/atlas/"));
    }
}
