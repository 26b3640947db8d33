//! The sizes and colours of the map, in one place: the label placement works with them, and
//! the app writes them onto the map's element as CSS custom properties (see
//! [`MapStyle::css_properties`]), so that map.css draws with the very numbers the placement
//! kept room for. The one number that CSS owns is the page's breakpoint (a narrow window, 700
//! px, where the page stacks): the app reads it from CSS ([`PageWidth`]), not from a copy.
use super::palette::{LAND, OCCUPATION_HATCH, SEA, WATER_NAME};
use crate::geo::geometry::ScreenRect;
use crate::link::Mode;

/// The side of a button a finger can hit (WCAG 2.5.5's 44 px, rounded up to 48 as Material does).
const TOUCH_TARGET: f64 = 48.0;
/// WCAG 2.5.5's smallest target, which the "About these borders" button keeps even on a phone,
/// where the zoom buttons are smaller (pinch zooms there too; nothing else opens the sources).
const MIN_TARGET: f64 = 44.0;

/// Whether the page is laid out for a narrow window (a phone: the map above the list, the
/// legend folded, smaller map buttons). style.css decides it by a media query and says so in
/// the custom property `--page-width`, which the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageWidth {
    Narrow,
    #[default]
    Wide,
}

impl PageWidth {
    /// The value of style.css's `--page-width` (`narrow` or `wide`); anything else is wide.
    ///
    /// ```
    /// use atlas_core::geo::style::PageWidth;
    ///
    /// assert_eq!(PageWidth::from_css(" narrow"), PageWidth::Narrow);
    /// assert_eq!(PageWidth::from_css(""), PageWidth::Wide);
    /// ```
    pub fn from_css(value: &str) -> PageWidth {
        if value.trim() == "narrow" {
            PageWidth::Narrow
        } else {
            PageWidth::Wide
        }
    }
}

/// The map's box: its size in CSS pixels (the SVG's user units), the page's mode and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapBox {
    pub width: f64,
    pub height: f64,
    pub mode: Mode,
    pub page: PageWidth,
}

impl MapBox {
    /// A box of `width` × `height` on a wide page in `mode`.
    pub fn new(width: f64, height: f64, mode: Mode) -> MapBox {
        MapBox { width, height, mode, page: PageWidth::Wide }
    }

    /// The shape of the map before its box has been measured (that of map.css's fallback
    /// aspect-ratio): landscape, or a little taller than wide on a narrow page.
    pub fn unmeasured(window_width: f64, mode: Mode, page: PageWidth) -> MapBox {
        match page {
            PageWidth::Narrow => MapBox { width: window_width, height: window_width * 1.2, mode, page },
            PageWidth::Wide => MapBox { width: 960.0, height: 680.0, mode, page },
        }
    }

    /// The measured box in whole pixels, or `self` while the element has no size yet.
    pub fn measured(self, width: f64, height: f64) -> MapBox {
        if width >= 80.0 && height >= 80.0 {
            MapBox { width: width.round(), height: height.round(), ..self }
        } else {
            self
        }
    }
}

/// The sizes of the map's words, markers and buttons, in SVG units (CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapStyle {
    pub city_font: f64,
    pub context_font: f64,
    pub state_font: f64,
    /// The radius of a city's marker (an active city's is drawn larger: `active_radius`).
    pub radius: f64,
    pub active_radius: f64,
    pub context_radius: f64,
    /// The radius of the invisible circle around a city's marker that answers a touch.
    pub hit_radius: f64,
    /// The width of the light halo around each label.
    pub halo: f64,
    /// The map's zoom buttons: their side, the gap between them and their margin from the
    /// map's top right corner.
    pub button: f64,
    pub button_gap: f64,
    pub button_margin: f64,
    /// The side of the "About these borders" button under the zoom buttons: never less than
    /// 44 px.
    pub about_button: f64,
}

impl MapStyle {
    /// The sizes for a map box: at least 13 px for city labels on a desktop, larger on a kiosk,
    /// a little smaller on a phone's narrow map; buttons of at least 44 px (56 on a kiosk,
    /// 36 on a narrow page, where the map has little room).
    ///
    /// ```
    /// use atlas_core::geo::style::{MapBox, MapStyle};
    /// use atlas_core::link::Mode;
    ///
    /// assert_eq!(MapStyle::for_box(MapBox::new(900.0, 600.0, Mode::Standard)).city_font, 15.0);
    /// let kiosk = MapStyle::for_box(MapBox::new(1080.0, 800.0, Mode::Kiosk));
    /// assert!(kiosk.city_font > 15.0 && kiosk.hit_radius >= 24.0);
    /// assert!(MapStyle::for_box(MapBox::new(370.0, 400.0, Mode::Standard)).city_font >= 13.0);
    /// ```
    pub fn for_box(map: MapBox) -> MapStyle {
        let button = match (map.mode, map.page) {
            (Mode::Kiosk, _) => 56.0,
            (_, PageWidth::Narrow) => 36.0,
            _ => 44.0,
        };
        let base = MapStyle {
            city_font: 15.0,
            context_font: 14.0,
            state_font: 14.0,
            radius: 6.0,
            active_radius: 9.0,
            context_radius: 3.5,
            hit_radius: 18.0,
            halo: 3.0,
            button,
            button_gap: 6.0,
            button_margin: 8.0,
            about_button: button.max(MIN_TARGET),
        };
        if map.mode == Mode::Kiosk {
            MapStyle {
                city_font: 20.0,
                context_font: 18.0,
                state_font: 18.0,
                radius: 8.0,
                active_radius: 12.0,
                context_radius: 4.5,
                hit_radius: 26.0,
                halo: 4.0,
                ..base
            }
        } else if map.width < 560.0 {
            MapStyle {
                city_font: 13.0,
                context_font: 11.0,
                state_font: 12.0,
                radius: 5.0,
                active_radius: 7.0,
                context_radius: 3.0,
                ..base
            }
        } else {
            base
        }
    }

    /// The corner of a map `width` wide that its buttons cover (the three zoom buttons and,
    /// under them, "About these borders"), with room around them: no label goes there, and the
    /// insets on the right start under it.
    ///
    /// ```
    /// use atlas_core::geo::style::{MapBox, MapStyle, PageWidth};
    /// use atlas_core::link::Mode;
    ///
    /// let style = MapStyle::for_box(MapBox::new(800.0, 600.0, Mode::Standard));
    /// let corner = style.controls(800.0);
    /// assert_eq!(corner.right(), 800.0);
    /// assert!(corner.width >= style.button + style.button_margin);
    /// assert!(corner.height >= 3.0 * style.button + style.about_button);
    /// let phone = MapStyle::for_box(MapBox { page: PageWidth::Narrow, ..MapBox::new(372.0, 392.0, Mode::Standard) });
    /// assert!(phone.button < 44.0 && phone.about_button >= 44.0);
    /// assert!(phone.controls(372.0).width >= phone.about_button + phone.button_margin);
    /// ```
    pub fn controls(&self, width: f64) -> ScreenRect {
        let (button, gap, margin) = (self.button, self.button_gap, self.button_margin);
        let widest = button.max(self.about_button);
        let bottom = margin + 3.0 * (button + gap) + self.about_button + 2.0 * gap;
        ScreenRect::from_edges(width - margin - widest - gap, 0.0, width, bottom)
    }

    /// The pan pad in a bottom corner of a map of `size`, shown while the map is zoomed in (the
    /// whole map has nowhere to pan): four arrow buttons of the zoom buttons' size as a
    /// keyboard's arrow keys lie (an inverted T, three buttons wide and two high), with room
    /// around them. It takes the bottom right corner, or
    /// the bottom left where an inset (which does not zoom) lies in the right one. The labels of
    /// a zoomed view keep clear of it.
    ///
    /// ```
    /// use atlas_core::geo::style::{MapBox, MapStyle};
    /// use atlas_core::geo::ScreenRect;
    /// use atlas_core::link::Mode;
    ///
    /// let style = MapStyle::for_box(MapBox::new(800.0, 600.0, Mode::Standard));
    /// let pad = style.pan_pad((800.0, 600.0), &[]);
    /// assert_eq!((pad.right(), pad.bottom()), (800.0, 600.0));
    /// assert!(pad.width >= 3.0 * style.button && pad.height >= 2.0 * style.button);
    /// assert!(!pad.overlaps(&style.controls(800.0)), "apart from the zoom buttons");
    /// let moscow = ScreenRect { x: 650.0, y: 300.0, width: 150.0, height: 200.0 };
    /// let pad = style.pan_pad((800.0, 600.0), &[moscow]);
    /// assert_eq!((pad.x, pad.bottom()), (0.0, 600.0), "bottom left, off the inset");
    /// ```
    pub fn pan_pad(&self, (width, height): (f64, f64), insets: &[ScreenRect]) -> ScreenRect {
        let (button, gap, margin) = (self.button, self.button_gap, self.button_margin);
        let (wide, high) = (3.0 * button + 3.0 * gap + margin, 2.0 * button + 2.0 * gap + margin);
        let right = ScreenRect::from_edges(width - wide, height - high, width, height);
        let left = ScreenRect::from_edges(0.0, height - high, wide, height);
        let clear = |pad: &ScreenRect| !insets.iter().any(|inset| inset.overlaps(pad));
        [right, left].into_iter().find(clear).unwrap_or(right)
    }

    /// The corner the insets on the right keep clear of: the buttons' corner, but never less than
    /// three 48-px buttons' (a touch target's size), so that on a phone, whose buttons are
    /// smaller, the Moscow inset does not come up over the cities east of the Baltic (Tartu's
    /// label).
    ///
    /// ```
    /// use atlas_core::geo::style::{MapBox, MapStyle, PageWidth};
    /// use atlas_core::link::Mode;
    ///
    /// let phone = MapStyle::for_box(MapBox { page: PageWidth::Narrow, ..MapBox::new(372.0, 392.0, Mode::Standard) });
    /// assert!(phone.insets_below(372.0).bottom() > phone.controls(372.0).bottom());
    /// let kiosk = MapStyle::for_box(MapBox::new(1054.0, 745.0, Mode::Kiosk));
    /// assert_eq!(kiosk.insets_below(1054.0), kiosk.controls(1054.0), "56-px buttons: their own corner");
    /// ```
    pub fn insets_below(&self, width: f64) -> ScreenRect {
        MapStyle { button: self.button.max(TOUCH_TARGET), ..*self }.controls(width)
    }

    /// The custom properties map.css draws with, as `(name, value)`.
    ///
    /// ```
    /// use atlas_core::geo::style::{MapBox, MapStyle};
    /// use atlas_core::link::Mode;
    ///
    /// let props = MapStyle::for_box(MapBox::new(800.0, 600.0, Mode::Kiosk)).css_properties();
    /// assert!(props.contains(&("--city-font", "20px".to_owned())));
    /// assert!(props.iter().any(|(name, _)| *name == "--map-land"));
    /// ```
    pub fn css_properties(&self) -> Vec<(&'static str, String)> {
        let px = |v: f64| format!("{v}px");
        vec![
            ("--city-font", px(self.city_font)),
            ("--context-font", px(self.context_font)),
            ("--state-font", px(self.state_font)),
            ("--map-button", px(self.button)),
            ("--map-button-gap", px(self.button_gap)),
            ("--map-button-margin", px(self.button_margin)),
            ("--map-about-button", px(self.about_button)),
            ("--map-sea", SEA.to_owned()),
            ("--map-land", LAND.to_owned()),
            ("--map-hatch", OCCUPATION_HATCH.to_owned()),
            ("--map-water-name", WATER_NAME.to_owned()),
        ]
    }
}
