//! The units every data file is written in: points and areas in virtual
//! pixels, colours, times on the night's clock, and facing.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A point `(x, y)` in virtual pixels.
pub type Point = (f32, f32);

/// An axis-aligned rectangle: bottom-left corner `x, y`, size `w, h`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Area {
    /// Whether `point` lies inside (edges included).
    pub fn contains(&self, (px, py): Point) -> bool {
        px >= self.x && px <= self.x + self.w && py >= self.y && py <= self.y + self.h
    }

    /// The centre point.
    pub fn centre(&self) -> Point {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A colour written `"#rrggbb"` or `"#rrggbbaa"` (hexadecimal, like CSS).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour(pub [u8; 4]);

impl TryFrom<String> for Colour {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a colour: write \"#rrggbb\" or \"#rrggbbaa\"");
        let hex = text.strip_prefix('#').ok_or_else(bad)?;
        if !(hex.len() == 6 || hex.len() == 8) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        let alpha = if hex.len() == 8 { byte(6)? } else { 255 };
        Ok(Colour([byte(0)?, byte(2)?, byte(4)?, alpha]))
    }
}

impl From<Colour> for String {
    fn from(Colour([r, g, b, a]): Colour) -> String {
        if a == 255 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("#{r:02x}{g:02x}{b:02x}{a:02x}")
        }
    }
}

/// A time on the night's clock, written `"23:40"`; times after midnight
/// count as later than those before it (the night runs 18:00 to 17:59).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    /// Minutes since 18:00 on the evening the night begins.
    minutes: u32,
}

/// The hour the night's clock counts from.
const NIGHT_STARTS_AT_HOUR: u32 = 18;

impl ClockTime {
    /// The time `hours:minutes`.
    pub fn new(hours: u32, minutes: u32) -> Option<Self> {
        (hours < 24 && minutes < 60).then(|| Self {
            minutes: ((hours + 24 - NIGHT_STARTS_AT_HOUR) % 24) * 60 + minutes,
        })
    }

    /// Minutes since 18:00 on the evening the night begins.
    pub fn minutes_into_night(&self) -> u32 {
        self.minutes
    }

    /// The time `minutes` (whole ones counted) after 18:00 on the evening
    /// the night begins, on the night's 24 hours.
    pub fn from_minutes(minutes: f64) -> Self {
        Self {
            minutes: (minutes.max(0.0) as u32).min(24 * 60 - 1),
        }
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a time: write \"HH:MM\", for example \"23:40\"");
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || !digits(m) {
            return Err(bad());
        }
        let (h, m) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> String {
        time.to_string()
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hours = (self.minutes / 60 + NIGHT_STARTS_AT_HOUR) % 24;
        write!(f, "{hours:02}:{:02}", self.minutes % 60)
    }
}

/// Which way something faces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Facing {
    /// Towards the left of the screen.
    Left,
    /// Towards the right of the screen.
    #[default]
    Right,
    /// Towards the viewer.
    Front,
    /// Away from the viewer.
    Back,
}
