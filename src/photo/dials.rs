//! The camera's dials and what the viewfinder reads out: the zoom, the
//! shutter, the aperture and the focus ring, one chosen at a time (`Dial`)
//! and turned with the dial buttons; the film loaded; the meter, in stops
//! from a good exposure. In the automatic mode the camera sets the shutter
//! and aperture for the metered light, and the dial passes them by. Plain
//! functions over the [`Viewfinder`]: the readout and the shutter read the
//! same [`Reading`].

use super::exposure::{
    FASTEST, FIRST_FILM, FOCUS_DISTANCES, Film, NARROWEST, SLOWEST, WIDEST, automatic, distance,
    f_number, film, focus_label, is_sharp, seconds, shake, shutter_label, stops,
};
use super::viewfinder::{Dial, FOCAL_LENGTHS, Viewfinder};
use crate::content::schema::{Area, Level, Story};
use crate::settings::Settings;
use crate::story::{StoryState, shortest_flicker};

/// What the camera reads and is set to for the frame now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// The frame's mean light.
    pub light: f32,
    /// The film loaded.
    pub film: Film,
    /// The shutter's time value.
    pub tv: i32,
    /// The aperture's value.
    pub av: i32,
    /// Stops from a good exposure (negative: dark).
    pub stops: f32,
    /// Where the lens is focused, in metres (none: infinity).
    pub focus: Option<f32>,
    /// Whether the automatic mode set the shutter and aperture.
    pub auto: bool,
}

/// The film `state`'s night has loaded.
pub fn loaded(state: &StoryState) -> Film {
    state.film.as_deref().and_then(film).unwrap_or(FIRST_FILM)
}

/// Where the autofocus settles in `frame`: on the subject nearest the
/// frame's centre among `subjects` (each its area and depth; the nearer of
/// two at one place), or at infinity when none is in the frame.
pub fn autofocus(frame: &Area, subjects: impl Iterator<Item = (Area, f32)>) -> Option<f32> {
    let (cx, cy) = frame.centre();
    let overlaps = |a: &Area| {
        a.x < frame.x + frame.w
            && a.x + a.w > frame.x
            && a.y < frame.y + frame.h
            && a.y + a.h > frame.y
    };
    let off_centre = |a: &Area| {
        let (x, y) = (cx.clamp(a.x, a.x + a.w), cy.clamp(a.y, a.y + a.h));
        (x - cx).hypot(y - cy)
    };
    subjects
        .filter(|(area, _)| overlaps(area))
        .min_by(|(a, da), (b, db)| {
            off_centre(a)
                .total_cmp(&off_centre(b))
                .then(db.total_cmp(da))
        })
        .map(|(_, depth)| distance(depth))
}

/// The camera's reading for `frame` in `level` now: the story's light
/// field metered over it, the night's film, the mode the settings choose,
/// and the autofocus over `subjects` (each placed area and its depth).
pub fn read_frame(
    viewfinder: &Viewfinder,
    frame: &Area,
    story: &Story,
    level: &Level,
    state: &StoryState,
    settings: &Settings,
    subjects: impl Iterator<Item = (Area, f32)>,
) -> Reading {
    let field = state.light_field(story, level, shortest_flicker(settings.limit_flashes));
    viewfinder.reading(
        field.mean(frame),
        loaded(state),
        settings.manual_exposure,
        autofocus(frame, subjects),
    )
}

impl Viewfinder {
    /// The camera's reading for a frame of mean `light` on `film`: in the
    /// automatic mode (not `manual`) the shutter and aperture it picks, by
    /// hand those the dials hold; focused where the ring holds it, or where
    /// the autofocus found (`autofocus`).
    pub fn reading(&self, light: f32, film: Film, manual: bool, autofocus: Option<f32>) -> Reading {
        let (tv, av) = if manual {
            (self.tv, self.av)
        } else {
            automatic(light, film.iso)
        };
        Reading {
            light,
            film,
            tv,
            av,
            stops: stops(light, film.iso, tv, av),
            focus: match self.focus {
                Some(stop) => FOCUS_DISTANCES[stop.min(FOCUS_DISTANCES.len() - 1)],
                None => autofocus,
            },
            auto: !manual,
        }
    }

    /// Turns the chosen dial one stop up (or down), as far as it goes.
    pub fn turn(&mut self, up: bool) {
        let step = |value: i32, low: i32, high: i32| {
            (if up { value + 1 } else { value - 1 }).clamp(low, high)
        };
        match self.dial {
            Dial::Zoom => {
                let last = FOCAL_LENGTHS.len() as i32 - 1;
                self.focal = step(self.focal as i32, 0, last) as usize;
            }
            Dial::Shutter => self.tv = step(self.tv, SLOWEST, FASTEST),
            Dial::Aperture => self.av = step(self.av, WIDEST, NARROWEST),
            Dial::Focus => {
                // Before the nearest stop is the autofocus.
                let at = self.focus.map_or(0, |stop| stop as i32 + 1);
                let last = FOCUS_DISTANCES.len() as i32;
                self.focus = match step(at, 0, last) {
                    0 => None,
                    n => Some(n as usize - 1),
                };
            }
        }
    }

    /// The readout under the frame: the mode, shutter, aperture, focus,
    /// film, the meter, the focal length and the frames left, the chosen
    /// dial in brackets.
    pub fn readout(&self, reading: &Reading, frames_left: u32, braced: bool) -> String {
        let chosen = |dial: Dial, text: String| {
            if self.dial == dial {
                format!("[{text}]")
            } else {
                text
            }
        };
        let focus = match (self.focus, reading.focus) {
            (None, at) => format!("AF {}", focus_label(at)),
            (Some(_), at) => focus_label(at),
        };
        let left = match frames_left {
            0 => "the roll is finished".to_owned(),
            1 => "1 frame left".to_owned(),
            n => format!("{n} frames left"),
        };
        [
            if reading.auto { "AUTO" } else { "M" }.to_owned(),
            chosen(Dial::Shutter, shutter_label(reading.tv)),
            chosen(Dial::Aperture, format!("f/{}", f_number(reading.av))),
            chosen(Dial::Focus, focus),
            format!("{} ISO {}", reading.film.name, reading.film.iso),
            meter_scale(reading.stops),
            chosen(Dial::Zoom, format!("{} mm", self.focal_length())),
            left,
        ]
        .into_iter()
        .chain(self.shaken(reading, braced).then(|| "SHAKE".to_owned()))
        .collect::<Vec<_>>()
        .join("  ")
    }

    /// Whether the camera held as it is now would shake more than a sharp
    /// picture allows: the readout warns, as a camera does.
    pub fn shaken(&self, reading: &Reading, braced: bool) -> bool {
        !is_sharp(shake(seconds(reading.tv), self.focal_length(), braced))
    }
}

/// The meter's needle on a scale from two stops under to two over, in
/// half stops: `-2 ....|.o.. +2`; past either end an arrow there.
pub fn meter_scale(stops: f32) -> String {
    let halves = (stops * 2.0).round() as i32;
    let mut cells: Vec<char> = "....|....".chars().collect();
    match halves {
        ..=-5 => cells[0] = '<',
        5.. => cells[8] = '>',
        h => cells[(h + 4) as usize] = 'o',
    }
    format!("-2 {} +2", cells.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(x: f32, y: f32, w: f32, h: f32) -> Area {
        Area { x, y, w, h }
    }

    #[test]
    fn the_dial_passes_the_shutter_and_aperture_by_in_the_automatic_mode() {
        assert_eq!(Dial::Zoom.next(false), Dial::Focus);
        assert_eq!(Dial::Focus.next(false), Dial::Zoom);
        let manual: Vec<Dial> = std::iter::successors(Some(Dial::Zoom), |d| Some(d.next(true)))
            .take(5)
            .collect();
        assert_eq!(
            manual,
            [
                Dial::Zoom,
                Dial::Shutter,
                Dial::Aperture,
                Dial::Focus,
                Dial::Zoom
            ]
        );
    }

    #[test]
    fn each_dial_turns_a_stop_and_stops_at_its_ends() {
        let mut v = Viewfinder {
            dial: Dial::Shutter,
            tv: FASTEST,
            ..Viewfinder::default()
        };
        v.turn(true);
        assert_eq!(v.tv, FASTEST);
        v.turn(false);
        assert_eq!(v.tv, FASTEST - 1);
        v.dial = Dial::Focus;
        assert_eq!(v.focus, None, "autofocus first");
        v.turn(true);
        assert_eq!(v.focus, Some(0), "held at 1 m");
        v.turn(false);
        v.turn(false);
        assert_eq!(v.focus, None);
        for _ in 0..20 {
            v.turn(true);
        }
        assert_eq!(v.focus, Some(FOCUS_DISTANCES.len() - 1), "infinity");
        v.dial = Dial::Zoom;
        v.focal = 0;
        v.turn(true);
        assert_eq!(v.focal_length(), 35);
    }

    #[test]
    fn the_reading_is_the_automatic_modes_or_the_dials() {
        let v = Viewfinder {
            tv: 2,
            av: 3,
            ..Viewfinder::default()
        };
        // Light 8 on ISO 400: auto picks f/1.4 at 1/15 s, right on.
        let auto = v.reading(8.0, FIRST_FILM, false, Some(8.0));
        assert_eq!((auto.tv, auto.av, auto.stops), (4, 1, 0.0));
        assert_eq!(auto.focus, Some(8.0));
        // By hand, 1/4 s at f/2.8 there is right too; 1/4 at f/5.6, two stops dark.
        assert_eq!(v.reading(8.0, FIRST_FILM, true, None).stops, 0.0);
        let narrow = Viewfinder { av: 5, ..v };
        assert_eq!(narrow.reading(8.0, FIRST_FILM, true, None).stops, -2.0);
    }

    #[test]
    fn the_autofocus_finds_the_subject_nearest_the_centre() {
        let frame = area(0.0, 0.0, 60.0, 40.0);
        let far = (area(25.0, 15.0, 10.0, 10.0), -1.0);
        let near = (area(0.0, 0.0, 10.0, 10.0), 1.0);
        let outside = (area(200.0, 0.0, 10.0, 10.0), 0.0);
        assert_eq!(
            autofocus(&frame, [far, near, outside].into_iter()),
            Some(8.0)
        );
        assert_eq!(autofocus(&frame, [near].into_iter()), Some(2.0));
        assert_eq!(autofocus(&frame, [outside].into_iter()), None);
        // Two at the centre: the nearer.
        let front = (area(20.0, 10.0, 20.0, 20.0), 0.0);
        assert_eq!(autofocus(&frame, [far, front].into_iter()), Some(4.0));
    }

    #[test]
    fn the_meter_shows_the_stops_off_on_its_scale() {
        assert_eq!(meter_scale(0.0), "-2 ....o.... +2");
        assert_eq!(meter_scale(-2.0), "-2 o...|.... +2");
        assert_eq!(meter_scale(0.5), "-2 ....|o... +2");
        assert_eq!(meter_scale(1.9), "-2 ....|...o +2");
        assert_eq!(meter_scale(-0.6), "-2 ...o|.... +2");
        assert_eq!(meter_scale(-5.0), "-2 <...|.... +2");
        assert_eq!(meter_scale(3.0), "-2 ....|...> +2");
    }
}
