//! Photographs on events: an event's `media` in `events.geojson` (a list of images, each a file
//! in the data folder's `media/`, its size in pixels, a caption and alt text in every language,
//! a credit, a licence and where it comes from), read with the rest of the event, and the
//! validator's check of the files themselves ([`check_media_files`]): that each is there, is
//! the JPEG, PNG or WebP its name says, has the size the data says and is small enough for a
//! phone and a kiosk's offline folder.
//!
//! The app cannot look into its data folder, so it takes the data's word for the size (the
//! page reserves the space before the image arrives) and hides an image that fails to load.
use std::fmt;

use serde_json::Value;

use crate::data::{kind_of, Fields};
use crate::lang::{Lang, Localized};
use crate::model::{is_slug, EventId};

/// The folder of the images, inside the data folder: every `file` begins with it.
pub const MEDIA_FOLDER: &str = "media/";

/// The largest image file the validator accepts: 250 KB (256,000 bytes). A photograph shown at
/// most ~600 CSS pixels wide needs 1,200 pixels for a phone's or a kiosk's sharp screen; a JPEG
/// of 1,200 × 800 at quality 80 is 120–220 KB, a WebP a third less. Ten of them add at most
/// 2.5 MB to the kiosk's offline folder, and a phone fetches one only when a visitor opens its
/// event (about a second on a slow 3G link).
pub const MAX_FILE_BYTES: usize = 250 * 1024;

/// The largest width or height the data may declare: far more than any screen of the atlas
/// shows, so a larger number is a typing error (or an image not yet made smaller).
pub const MAX_SIDE: u32 = 4000;

/// One image of an event, as `events.geojson` describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// The file, relative to the data folder: `media/1920-bulduri-delegates.jpg`.
    pub file: String,
    /// What the file's name says it is.
    pub format: ImageFormat,
    /// Its size in pixels, as the file has it (the validator checks).
    pub width: u32,
    pub height: u32,
    /// What it shows, in every language: the `<figcaption>`.
    pub caption: Localized,
    /// What a reader who cannot see it is told instead, in every language: the `alt` text.
    pub alt: Localized,
    /// Who made it and the archive that holds it, as the licence asks to name them.
    pub credit: String,
    pub licence: Licence,
    /// Where the file was taken from: the archive's reference, or the page it was downloaded
    /// from (a Wikimedia Commons file page).
    pub source: String,
}

/// The terms an image is shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    /// The licence's short name as its licensor writes it: "CC BY-SA 4.0", or "Public domain".
    pub name: String,
    /// The licence's text; required for a Creative Commons licence.
    pub url: Option<String>,
}

/// The name of the licence of a work free of copyright, which every language writes its own way.
pub const PUBLIC_DOMAIN: &str = "Public domain";

impl Licence {
    /// Whether the image is free of copyright (`"name": "Public domain"`): the page writes that
    /// in the reader's language.
    ///
    /// ```
    /// use atlas_core::media::Licence;
    /// assert!(Licence { name: "public domain".into(), url: None }.is_public_domain());
    /// assert!(!Licence { name: "CC BY 4.0".into(), url: None }.is_public_domain());
    /// ```
    pub fn is_public_domain(&self) -> bool {
        self.name.trim().eq_ignore_ascii_case(PUBLIC_DOMAIN)
    }
}

/// The image formats a browser shows everywhere and the atlas accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Jpeg,
    Png,
    Webp,
}

impl ImageFormat {
    /// The format a file's name promises: `.jpg`/`.jpeg`, `.png` or `.webp`, in lower case.
    ///
    /// ```
    /// use atlas_core::media::ImageFormat;
    /// assert_eq!(ImageFormat::from_name("media/a.jpeg"), Some(ImageFormat::Jpeg));
    /// assert_eq!(ImageFormat::from_name("media/a.webp"), Some(ImageFormat::Webp));
    /// assert_eq!(ImageFormat::from_name("media/a.gif"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ImageFormat> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension {
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "png" => Some(ImageFormat::Png),
            "webp" => Some(ImageFormat::Webp),
            _ => None,
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImageFormat::Jpeg => "a JPEG",
            ImageFormat::Png => "a PNG",
            ImageFormat::Webp => "a WebP",
        })
    }
}

/// What an image file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageHeader {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

/// Reads an image's format and size from its header (without decoding it): a PNG's `IHDR`, a
/// JPEG's frame header (`SOFn`), a WebP's `VP8 `, `VP8L` or `VP8X` chunk. `None` for anything
/// else, or a header cut short.
///
/// ```
/// use atlas_core::media::{read_header, ImageFormat};
/// // The first 24 bytes of a PNG of 3 × 2 pixels.
/// let png = [0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 3, 0, 0, 0, 2];
/// let header = read_header(&png).unwrap();
/// assert_eq!((header.format, header.width, header.height), (ImageFormat::Png, 3, 2));
/// assert!(read_header(b"GIF89a").is_none());
/// ```
pub fn read_header(bytes: &[u8]) -> Option<ImageHeader> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_header(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_header(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp_header(bytes)
    } else {
        None
    }
}

fn u16_be(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?)))
}

fn u32_be(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u24_le(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 3)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

fn png_header(bytes: &[u8]) -> Option<ImageHeader> {
    (bytes.get(12..16)? == b"IHDR").then_some(())?;
    Some(ImageHeader { format: ImageFormat::Png, width: u32_be(bytes, 16)?, height: u32_be(bytes, 20)? })
}

/// Walks a JPEG's segments to its frame header (`SOF0`…`SOF15` but `DHT`, `JPG` and `DAC`).
fn jpeg_header(bytes: &[u8]) -> Option<ImageHeader> {
    let mut at = 2;
    loop {
        // A marker is 0xFF and a code; any number of 0xFF may pad before it.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        (*bytes.get(at)? == 0xFF).then_some(())?;
        let marker = *bytes.get(at + 1)?;
        match marker {
            // Markers without a length: the restart markers, TEM and SOI.
            0xD0..=0xD7 | 0x01 | 0xD8 => at += 2,
            // The image data began (SOS) or ended (EOI) before any frame header.
            0xDA | 0xD9 => return None,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let height = u16_be(bytes, at + 5)?;
                let width = u16_be(bytes, at + 7)?;
                return Some(ImageHeader { format: ImageFormat::Jpeg, width, height });
            }
            _ => at += 2 + usize::try_from(u16_be(bytes, at + 2)?).ok()?,
        }
    }
}

fn webp_header(bytes: &[u8]) -> Option<ImageHeader> {
    let data = 20;
    let (width, height) = match bytes.get(12..16)? {
        b"VP8 " => {
            (bytes.get(data + 3..data + 6)? == [0x9D, 0x01, 0x2A]).then_some(())?;
            (u16_le(bytes, data + 6)? & 0x3FFF, u16_le(bytes, data + 8)? & 0x3FFF)
        }
        b"VP8L" => {
            (*bytes.get(data)? == 0x2F).then_some(())?;
            let bits = u32::from_le_bytes(bytes.get(data + 1..data + 5)?.try_into().ok()?);
            ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        b"VP8X" => (u24_le(bytes, data + 4)? + 1, u24_le(bytes, data + 7)? + 1),
        _ => return None,
    };
    Some(ImageHeader { format: ImageFormat::Webp, width, height })
}

fn u16_le(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?)))
}

/// Reads an event's optional `media`: a list of images. Every problem is reported through
/// `fields` as `media[0].alt.lt` and the like; a list with any problem gives `None` (the
/// event is refused, as with any other field, so that the validator names it).
pub(crate) fn parse_media(fields: &mut Fields<'_, '_>, offered: &[Lang]) -> Option<Vec<Media>> {
    let properties = fields.properties;
    let items = match properties.get("media") {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            fields.error(
                "media",
                format!("must be a list of images [{{\"file\": \"media/….jpg\", …}}], found {}", kind_of(other)),
            );
            return None;
        }
    };
    let mut media = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let field = format!("media[{i}]");
        let Value::Object(object) = item else {
            fields
                .error(&field, format!("must be an object {{\"file\": …, \"width\": …, …}}, found {}", kind_of(item)));
            ok = false;
            continue;
        };
        let mut nested = fields.nested(&field, object);
        match parse_one(&mut nested, offered) {
            Some(one) => media.push(one),
            None => ok = false,
        }
    }
    ok.then_some(media)
}

fn parse_one(fields: &mut Fields<'_, '_>, offered: &[Lang]) -> Option<Media> {
    let file = fields.string("file", "media/1920-bulduri-delegates.jpg").and_then(|file| check_file_name(fields, file));
    let width = side(fields, "width");
    let height = side(fields, "height");
    let caption = every_language(fields, "caption", offered);
    let alt = every_language(fields, "alt", offered);
    let credit = fields.string("credit", "Unknown photographer; Latvian State Historical Archives");
    let licence = licence(fields);
    let source = fields.string("source", "https://commons.wikimedia.org/wiki/File:….jpg");
    let (file, format) = file?;
    Some(Media {
        file,
        format,
        width: width?,
        height: height?,
        caption: caption?,
        alt: alt?,
        credit: credit?.trim().to_owned(),
        licence: licence?,
        source: source?.trim().to_owned(),
    })
}

/// A file in the media folder with a plain name the web and every file system agree on:
/// `media/` then a lowercase slug and `.jpg`, `.jpeg`, `.png` or `.webp`.
fn check_file_name(fields: &mut Fields<'_, '_>, file: &str) -> Option<(String, ImageFormat)> {
    let name = file.strip_prefix(MEDIA_FOLDER);
    let stem_ok = name.and_then(|n| n.rsplit_once('.')).is_some_and(|(stem, _)| is_slug(stem));
    let format = ImageFormat::from_name(file);
    match (name, stem_ok, format) {
        (Some(_), true, Some(format)) => Some((file.to_owned(), format)),
        (None, _, _) => {
            fields.error(
                "file",
                format!(
                    "`{file}` must be a file in the data folder's `{MEDIA_FOLDER}`, written from there: \
                     \"media/1920-bulduri-delegates.jpg\""
                ),
            );
            None
        }
        (Some(_), false, _) => {
            fields.error(
                "file",
                format!(
                    "`{file}`: name the file with lowercase letters a-z, digits and - only (no spaces, \
                     capitals or accents, which some web servers and file systems change), e.g. \
                     \"media/1920-bulduri-delegates.jpg\""
                ),
            );
            None
        }
        (Some(_), true, None) => {
            fields.error(
                "file",
                format!("`{file}` must be a JPEG (.jpg), PNG (.png) or WebP (.webp) image, named so in lower case"),
            );
            None
        }
    }
}

/// A width or a height in pixels: a whole number from 1 to [`MAX_SIDE`].
fn side(fields: &mut Fields<'_, '_>, field: &str) -> Option<u32> {
    let value = fields.properties.get(field);
    let number = value.and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
    match number {
        Some(n) if (1..=MAX_SIDE).contains(&n) => Some(n),
        Some(n) => {
            fields.error(
                field,
                format!("{n} pixels is more than {MAX_SIDE}: make the image smaller (about 1,200 pixels on its longer side)"),
            );
            None
        }
        None => {
            let found = value.map_or_else(|| "nothing".to_owned(), |v| format!("{v}"));
            fields.error(
                field,
                format!("must be the image's {field} in pixels, a whole number such as 1200; found {found}"),
            );
            None
        }
    }
}

/// A text every reader needs (a caption, an alt text): in every offered language, with no
/// English fallback, because a visitor would see a foreign caption under the photograph. A
/// missing language is an error naming it: `media[0].alt.lt`.
fn every_language(fields: &mut Fields<'_, '_>, field: &str, offered: &[Lang]) -> Option<Localized> {
    let object = match fields.properties.get(field) {
        Some(Value::Object(object)) => object,
        other => {
            let found = other.map_or("nothing", kind_of);
            fields.error(
                field,
                format!("must be an object {{\"en\": \"…\", \"lv\": \"…\", …}} with a text in every language, found {found}"),
            );
            return None;
        }
    };
    let mut texts = Vec::new();
    let mut ok = true;
    for &lang in offered {
        match object.get(lang.code()) {
            Some(Value::String(text)) if !text.trim().is_empty() => texts.push((lang, text.trim().to_owned())),
            _ => {
                fields.error(
                    &format!("{field}.{lang}"),
                    format!(
                        "is missing or empty: a photograph's {} is shown in the reader's language, so write it in \
                         every language of languages.json",
                        if field == "alt" { "alt text (what a screen reader says instead of it)" } else { field }
                    ),
                );
                ok = false;
            }
        }
    }
    for key in object.keys() {
        if !Lang::new(key).is_some_and(|lang| offered.contains(&lang)) {
            fields.warn(&format!("{field}.{key}"), "is not a language of languages.json; it is not shown");
        }
    }
    let english = texts.iter().find(|(lang, _)| *lang == Lang::EN).map(|(_, t)| t.clone());
    let english = english.or_else(|| texts.first().map(|(_, t)| t.clone()))?;
    ok.then(|| texts.into_iter().fold(Localized::new(english), |all, (lang, text)| all.with(lang, text)))
}

/// `licence`: `{"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"}`.
fn licence(fields: &mut Fields<'_, '_>) -> Option<Licence> {
    let object = fields.properties;
    if object.contains_key("license") && !object.contains_key("licence") {
        fields.error("license", "write `licence` (with a c), as the other fields of the data files are spelt");
        return None;
    }
    let value = match object.get("licence") {
        Some(Value::Object(value)) => value,
        other => {
            let found = other.map_or("nothing", kind_of);
            fields.error(
                "licence",
                format!(
                    "must be an object {{\"name\": \"CC BY-SA 4.0\", \"url\": \"https://creativecommons.org/licenses/by-sa/4.0/\"}} \
                     or {{\"name\": \"{PUBLIC_DOMAIN}\"}}, found {found}: show only an image whose licence you can state"
                ),
            );
            return None;
        }
    };
    let mut nested = fields.nested("licence", value);
    let name = nested.string("name", "CC BY-SA 4.0")?.trim().to_owned();
    let url = nested.optional_string("url", "https://creativecommons.org/licenses/by-sa/4.0/").map(str::trim);
    if let Some(url) = url {
        if !url.starts_with("https://") && !url.starts_with("http://") {
            nested.error("url", format!("`{url}` must be a web address beginning with https://"));
            return None;
        }
    }
    let creative_commons = name.starts_with("CC ") || name.starts_with("CC0");
    if creative_commons && !url.is_some_and(|u| u.contains("creativecommons.org/")) {
        nested.error(
            "url",
            format!(
                "a Creative Commons licence (`{name}`) must link its text on creativecommons.org, \
                 e.g. \"https://creativecommons.org/licenses/by-sa/4.0/\": the licence asks for it"
            ),
        );
        return None;
    }
    Some(Licence { name, url: url.map(str::to_owned) })
}

/// A problem of an image file that the validator found: the event and the field of
/// `events.geojson` that name it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("events.geojson: event `{event}`: field `{field}`: {problem}")]
pub struct MediaError {
    pub event: EventId,
    /// `media[0].file`, `media[0].width`, …
    pub field: String,
    pub problem: MediaProblem,
}

/// What is wrong with an image file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaProblem {
    #[error("`{file}` is not in the data folder ({reason}): copy the image there, or correct the name")]
    Missing { file: String, reason: String },
    #[error(
        "`{file}` is not a JPEG, PNG or WebP image (it begins with the bytes {start}): save it again as a JPEG \
         (photographs) or a PNG (drawings, scans of print)"
    )]
    NotAnImage { file: String, start: String },
    #[error("`{file}` is {found} image, not {named} as its name says: rename it, or save it again as {named} image")]
    WrongType { file: String, named: ImageFormat, found: ImageFormat },
    #[error("`{file}` is {found_width} × {found_height} pixels, but `width` and `height` say {width} × {height}: write the file's size")]
    WrongSize { file: String, width: u32, height: u32, found_width: u32, found_height: u32 },
    #[error(
        "`{file}` is {kb} KB, more than the {limit_kb} KB an image may have (a phone downloads it): make it about \
         1,200 pixels on its longer side and save it as a JPEG of quality 75–80 (or a WebP)"
    )]
    TooLarge { file: String, kb: usize, limit_kb: usize },
}

/// Checks every event's image files, read through `read` (a path relative to the data folder,
/// as in `file`, to its bytes or why it could not be read): each must exist, be the format its
/// name says, have the `width` and `height` the data gives, and be at most
/// [`MAX_FILE_BYTES`]. The validator runs it; the app cannot read its folder.
///
/// ```
/// use atlas_core::media::{check_media_files, MediaProblem};
///
/// let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data"));
/// let data = atlas_core::DataSet::load_dir(dir).unwrap();
/// // The committed data carries no image yet that is missing or wrong.
/// assert!(check_media_files(data.atlas.events(), |f| std::fs::read(dir.join(f)).map_err(|e| e.to_string())).is_empty());
/// ```
pub fn check_media_files<'e>(
    events: impl IntoIterator<Item = &'e crate::model::Event>,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
) -> Vec<MediaError> {
    let mut errors = Vec::new();
    for event in events {
        for (i, media) in event.media.iter().enumerate() {
            let mut error = |field: &str, problem| {
                errors.push(MediaError { event: event.id.clone(), field: format!("media[{i}].{field}"), problem })
            };
            let file = media.file.clone();
            let bytes = match read(&media.file) {
                Ok(bytes) => bytes,
                Err(reason) => {
                    error("file", MediaProblem::Missing { file, reason });
                    continue;
                }
            };
            let Some(header) = read_header(&bytes) else {
                let start = bytes.iter().take(8).map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ");
                error("file", MediaProblem::NotAnImage { file, start });
                continue;
            };
            if header.format != media.format {
                error(
                    "file",
                    MediaProblem::WrongType { file: file.clone(), named: media.format, found: header.format },
                );
            }
            if (header.width, header.height) != (media.width, media.height) {
                let field = if header.width != media.width { "width" } else { "height" };
                error(
                    field,
                    MediaProblem::WrongSize {
                        file: file.clone(),
                        width: media.width,
                        height: media.height,
                        found_width: header.width,
                        found_height: header.height,
                    },
                );
            }
            if bytes.len() > MAX_FILE_BYTES {
                error(
                    "file",
                    MediaProblem::TooLarge { file, kb: bytes.len().div_ceil(1024), limit_kb: MAX_FILE_BYTES / 1024 },
                );
            }
        }
    }
    errors
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::data::{parse_events, test_langs, DataFile};
    use crate::model::{Place, State};

    /// A PNG header of `width` × `height`, then `extra` bytes.
    fn png(width: u32, height: u32, extra: usize) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend(std::iter::repeat_n(0u8, extra));
        bytes
    }

    /// A baseline JPEG's first segments: SOI, an APP0 (JFIF) and the SOF0 of `width` × `height`.
    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        bytes.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        bytes.extend([0xFF, 0xC0, 0, 17, 8]);
        bytes.extend(height.to_be_bytes());
        bytes.extend(width.to_be_bytes());
        bytes.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        bytes
    }

    fn webp(chunk: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut bytes = b"RIFF\0\0\0\0WEBP".to_vec();
        bytes.extend(chunk);
        bytes.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
        bytes.extend(data);
        bytes
    }

    #[test]
    fn headers_give_format_and_size() {
        let header = |bytes: &[u8]| read_header(bytes).map(|h| (h.format, h.width, h.height));
        assert_eq!(header(&png(1200, 800, 0)), Some((ImageFormat::Png, 1200, 800)));
        assert_eq!(header(&jpeg(1024, 683)), Some((ImageFormat::Jpeg, 1024, 683)));
        // Fill bytes before a marker are allowed.
        let mut padded = jpeg(10, 20);
        padded.insert(2, 0xFF);
        assert_eq!(header(&padded), Some((ImageFormat::Jpeg, 10, 20)));
        // A Huffman table (0xC4) is not a frame header.
        let mut with_table = vec![0xFF, 0xD8, 0xFF, 0xC4, 0, 4, 0, 0];
        with_table.extend(&jpeg(7, 9)[2..]);
        assert_eq!(header(&with_table), Some((ImageFormat::Jpeg, 7, 9)));
        // Lossy: frame tag, start code, 14-bit width and height.
        let vp8 = webp(b"VP8 ", &[0, 0, 0, 0x9D, 0x01, 0x2A, 0xB0, 0x04, 0x20, 0x03]);
        assert_eq!(header(&vp8), Some((ImageFormat::Webp, 1200, 800)));
        // Lossless: 0x2F, then width − 1 and height − 1 in 14 bits each.
        let bits: u32 = (1200 - 1) | ((800 - 1) << 14);
        let mut lossless = vec![0x2F];
        lossless.extend(bits.to_le_bytes());
        assert_eq!(header(&webp(b"VP8L", &lossless)), Some((ImageFormat::Webp, 1200, 800)));
        // Extended: flags, then canvas width − 1 and height − 1 in 24 bits each.
        let extended = [0, 0, 0, 0, 0xAF, 0x04, 0, 0x1F, 0x03, 0];
        assert_eq!(header(&webp(b"VP8X", &extended)), Some((ImageFormat::Webp, 1200, 800)));
        for bad in [&b"GIF89a"[..], b"<svg", &png(1, 1, 0)[..14], &[0xFF, 0xD8, 0xFF, 0xDA, 0, 2][..], b""] {
            assert_eq!(header(bad), None, "{bad:?}");
        }
    }

    fn all_five(text: &str) -> Value {
        serde_json::json!({"en": text, "lv": text, "lt": text, "et": text, "ru": text})
    }

    fn five() -> Vec<Lang> {
        ["en", "lv", "lt", "et", "ru"].into_iter().filter_map(Lang::new).collect()
    }

    fn photo() -> Value {
        serde_json::json!({
            "file": "media/1920-bulduri-delegates.jpg",
            "width": 1200,
            "height": 800,
            "caption": all_five("Delegates of the Bulduri conference"),
            "alt": all_five("About twenty men in dark suits round a long table"),
            "credit": "Unknown photographer; Latvian State Historical Archives",
            "licence": {"name": "Public domain", "url": "https://creativecommons.org/publicdomain/mark/1.0/"},
            "source": "https://commons.wikimedia.org/wiki/File:Bulduri.jpg"
        })
    }

    /// An events file of one event with `media`, read with `langs`.
    fn read(media: Value, langs: &[Lang]) -> Result<Vec<crate::model::Event>, Vec<String>> {
        let mut feature = serde_json::json!({
            "type": "Feature", "geometry": null,
            "properties": {
                "id": "conference-1920-08-bulduri", "kind": "conference", "start": "1920-08-06",
                "place": null, "parties": [], "title": all_five("Bulduri"), "summary": all_five("…"),
                "sources": [{"work": "lvwiki-baltijas-antante", "section": "Pirmais posms, 1919-1923"}]
            }
        });
        feature["properties"]["media"] = media;
        let catalogue_text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/sources.json"))
                .expect("sources.json");
        let catalogue = crate::sources::parse_catalogue(DataFile { name: "sources.json", text: &catalogue_text })
            .expect("the committed catalogue")
            .0;
        let text = serde_json::json!({"type": "FeatureCollection", "features": [feature]}).to_string();
        let places: Vec<Place> = Vec::new();
        let states: Vec<State> = Vec::new();
        parse_events(DataFile { name: "events.geojson", text: &text }, &places, &states, &catalogue, langs)
            .map(|(events, _)| events)
            .map_err(|e| e.errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn an_event_reads_its_photographs() {
        let events = read(serde_json::json!([photo()]), &five()).unwrap();
        let media = &events[0].media;
        assert_eq!(media.len(), 1);
        assert_eq!((media[0].format, media[0].width, media[0].height), (ImageFormat::Jpeg, 1200, 800));
        assert_eq!(media[0].caption.text(Lang::new("lt").unwrap()), "Delegates of the Bulduri conference");
        assert!(media[0].licence.is_public_domain());
        // No `media` is no photograph.
        assert!(read(Value::Null, &five()).unwrap()[0].media.is_empty());
    }

    #[test]
    fn a_missing_language_is_named() {
        let mut one = photo();
        one["alt"].as_object_mut().unwrap().remove("lt");
        one["caption"]["ru"] = Value::from(" ");
        let errors = read(serde_json::json!([one]), &five()).unwrap_err();
        let prefix = "events.geojson: feature 0 (id `conference-1920-08-bulduri`): field";
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{prefix} `media[0].alt.lt`: is missing"))),
            "{errors:#?}"
        );
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{prefix} `media[0].caption.ru`: is missing"))),
            "{errors:#?}"
        );
        assert_eq!(errors.len(), 2, "{errors:#?}");
        // The languages are those of languages.json: with four, Russian is not needed.
        let mut four = photo();
        four["caption"].as_object_mut().unwrap().remove("ru");
        four["alt"].as_object_mut().unwrap().remove("ru");
        assert!(read(serde_json::json!([four]), &test_langs()).is_ok());
    }

    #[test]
    fn bad_fields_are_named() {
        let cases: [(&str, Value, &str); 9] = [
            (
                "file",
                "media/Bulduri 1920.jpg".into(),
                "`media[0].file`: `media/Bulduri 1920.jpg`: name the file with lowercase",
            ),
            (
                "file",
                "photos/bulduri.jpg".into(),
                "`media[0].file`: `photos/bulduri.jpg` must be a file in the data folder's `media/`",
            ),
            (
                "file",
                "media/bulduri.gif".into(),
                "`media[0].file`: `media/bulduri.gif` must be a JPEG (.jpg), PNG (.png) or WebP",
            ),
            ("width", "1200".into(), "`media[0].width`: must be the image's width in pixels"),
            ("height", 12000.into(), "`media[0].height`: 12000 pixels is more than 4000"),
            ("credit", "".into(), "`media[0].credit`: is empty"),
            ("source", Value::Null, "`media[0].source`: is missing"),
            ("licence", Value::Null, "`media[0].licence`: must be an object"),
            (
                "licence",
                serde_json::json!({"name": "CC BY-SA 4.0"}),
                "`media[0].licence.url`: a Creative Commons licence",
            ),
        ];
        for (field, value, expected) in cases {
            let mut one = photo();
            one[field] = value;
            let errors = read(serde_json::json!([one]), &five()).unwrap_err();
            assert!(errors.iter().any(|e| e.contains(expected)), "{field}: {errors:#?}");
        }
        let errors = read(serde_json::json!({"file": "media/a.jpg"}), &five()).unwrap_err();
        assert!(errors[0].contains("field `media`: must be a list"), "{errors:?}");
        let mut american = photo();
        american["license"] = american["licence"].take();
        american.as_object_mut().unwrap().remove("licence");
        let errors = read(serde_json::json!([american]), &five()).unwrap_err();
        assert!(errors[0].contains("`media[0].license`: write `licence`"), "{errors:?}");
    }

    /// The committed data's first event, with one image `file` of `width` × `height`.
    fn event_with(file: &str, width: u32, height: u32) -> crate::model::Event {
        let mut event = crate::dataset::committed_data().atlas.events()[0].clone();
        let mut media = read(serde_json::json!([photo()]), &five()).unwrap()[0].media[0].clone();
        media.file = file.to_owned();
        media.format = ImageFormat::from_name(file).unwrap();
        (media.width, media.height) = (width, height);
        event.media = vec![media];
        event
    }

    fn check(event: &crate::model::Event, bytes: Option<Vec<u8>>) -> Vec<String> {
        check_media_files([event], |name| bytes.clone().ok_or_else(|| format!("no such file: {name}")))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_files_are_checked() {
        let event = event_with("media/bulduri.png", 1200, 800);
        let id = event.id.clone();
        assert_eq!(check(&event, Some(png(1200, 800, 1000))), Vec::<String>::new());
        assert_eq!(
            check(&event, None),
            [format!(
                "events.geojson: event `{id}`: field `media[0].file`: `media/bulduri.png` is not in the data folder \
                 (no such file: media/bulduri.png): copy the image there, or correct the name"
            )]
        );
        assert_eq!(
            check(&event, Some(png(1200, 801, 0))),
            [format!(
                "events.geojson: event `{id}`: field `media[0].height`: `media/bulduri.png` is 1200 × 801 pixels, \
                 but `width` and `height` say 1200 × 800: write the file's size"
            )]
        );
        let wrong_type = check(&event, Some(jpeg(1200, 800)));
        assert_eq!(wrong_type.len(), 1, "{wrong_type:?}");
        assert!(
            wrong_type[0]
                .contains("field `media[0].file`: `media/bulduri.png` is a JPEG image, not a PNG as its name says"),
            "{wrong_type:?}"
        );
        let not_image = check(&event, Some(b"<!DOCTYPE html>".to_vec()));
        assert!(
            not_image[0].contains("is not a JPEG, PNG or WebP image (it begins with the bytes 3C 21 44"),
            "{not_image:?}"
        );
        let large = check(&event, Some(png(1200, 800, MAX_FILE_BYTES)));
        assert!(large[0].contains("`media[0].file`: `media/bulduri.png` is 251 KB, more than the 250 KB"), "{large:?}");
        // A file just at the limit is fine.
        assert!(check(&event, Some(png(1200, 800, MAX_FILE_BYTES - 24))).is_empty());
    }
}
