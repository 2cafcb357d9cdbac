//! Exposure as a photographer counts it, in plain numbers: shutter speeds
//! and apertures in whole stops, the film's speed, what the meter says, the
//! automatic mode's choice, and the blur a photograph gets from a moving
//! subject, shaking hands and the focus. No `App`: the viewfinder, the
//! shutter and the judge call these, and unit tests check them by hand.
//!
//! A shutter speed is kept as its time value `tv` (open for `2^-tv`
//! seconds: 10 is 1/1000 s, 0 is 1 s, −5 is 30 s) and an aperture as its
//! aperture value `av` (`f/N` with `N² = 2^av`: 1 is f/1.4, 8 is f/16),
//! so one step of either is one stop, exactly. The films are the
//! content's ([`crate::content::films`]).

pub use crate::content::films::{FILMS, FIRST_FILM, Film, FilmColour, film};

/// The fastest shutter speed's time value: 1/1000 s.
pub const FASTEST: i32 = 10;
/// The slowest shutter speed's time value: 30 s.
pub const SLOWEST: i32 = -5;
/// The widest aperture's value: f/1.4.
pub const WIDEST: i32 = 1;
/// The narrowest aperture's value: f/16.
pub const NARROWEST: i32 = 8;
/// The automatic mode keeps the shutter at this speed or faster while the
/// light allows (1/60 s), opening the aperture first.
const AUTO_SHUTTER: i32 = 6;
/// The distances the focus ring stops at, in metres, near to far; `None`
/// is infinity.
pub const FOCUS_DISTANCES: [Option<f32>; 8] = [
    Some(1.0),
    Some(2.0),
    Some(3.0),
    Some(4.0),
    Some(6.0),
    Some(10.0),
    Some(20.0),
    None,
];
/// How far the level's depth 0 (Lev's own plane) is from the camera.
const PLANE: f32 = 4.0;
/// How far a held camera wanders in a second at 50 mm, in the frame's
/// virtual pixels.
const SHAKE: f32 = 16.0;
/// The film frame's width in millimetres.
const FILM_WIDTH: f32 = 36.0;
/// Blur this small, in virtual pixels, is sharp.
const SHARP: f32 = 1.0;
/// Blur up to this is "a little soft"; more is blurred.
const SOFT: f32 = 4.0;

/// Seconds the shutter stays open at `tv`.
pub fn seconds(tv: i32) -> f32 {
    (-tv as f32).exp2()
}

/// The shutter speed as a camera's dial writes it: `1/60`, `1/2`, `4 s`.
pub fn shutter_label(tv: i32) -> String {
    const FRACTIONS: [&str; 11] = [
        "1 s", "1/2", "1/4", "1/8", "1/15", "1/30", "1/60", "1/125", "1/250", "1/500", "1/1000",
    ];
    const WHOLE: [&str; 6] = ["1 s", "2 s", "4 s", "8 s", "15 s", "30 s"];
    match tv {
        0..=FASTEST => FRACTIONS[tv as usize].to_owned(),
        SLOWEST..0 => WHOLE[(-tv) as usize].to_owned(),
        _ => format!("{} s", seconds(tv)),
    }
}

/// The time value a dial's label names (`"1/60"`, `"4 s"`, `"4"`).
pub fn parse_shutter(label: &str) -> Option<i32> {
    let label = label.trim().trim_end_matches('s').trim();
    (SLOWEST..=FASTEST).find(|tv| {
        let own = shutter_label(*tv);
        own.trim_end_matches('s').trim() == label
    })
}

/// The f-number at `av`, as a lens's ring writes it: 1.4, 2, 2.8 … 16.
pub fn f_number(av: i32) -> f32 {
    const RING: [f32; 8] = [1.4, 2.0, 2.8, 4.0, 5.6, 8.0, 11.0, 16.0];
    RING[(av.clamp(WIDEST, NARROWEST) - WIDEST) as usize]
}

/// The aperture value of the ring's f-number nearest `n`.
pub fn parse_aperture(n: f32) -> Option<i32> {
    (WIDEST..=NARROWEST).find(|av| (f_number(*av) - n).abs() < 0.05)
}

/// The focus ring's label for `distance` metres (`None`: infinity).
pub fn focus_label(distance: Option<f32>) -> String {
    match distance {
        // Whole metres from 10 m, tenths nearer (an autofocus's distance).
        Some(m) if m >= 10.0 => format!("{:.0} m", m),
        Some(m) => format!("{} m", (m * 10.0).round() / 10.0),
        None => "inf".to_owned(),
    }
}

/// How far something at the level's `depth` is from the camera, in
/// metres: Lev's plane (0) is 4 m away, and each step of depth back
/// doubles it (−1 is 8 m, a parallax layer at −9 is 2 km) and each step
/// nearer halves it.
pub fn distance(depth: f32) -> f32 {
    PLANE * (-depth).exp2()
}

/// The light's exposure value for film of `iso`: `log2(L · iso / 100)`.
pub fn exposure_value(light: f32, iso: u32) -> f32 {
    (light.max(f32::MIN_POSITIVE) * iso as f32 / 100.0).log2()
}

/// How many stops from a good exposure `light` is at `tv` and `av` on
/// film of `iso`: 0 right, negative dark, positive bright.
pub fn stops(light: f32, iso: u32, tv: i32, av: i32) -> f32 {
    exposure_value(light, iso) - (tv + av) as f32
}

/// What the automatic mode sets for `light` on film of `iso`: the
/// aperture opens first, the shutter staying at 1/60 s or faster, then the
/// shutter slows; in bright light the aperture closes and the shutter
/// quickens alike. Returns `(tv, av)`.
pub fn automatic(light: f32, iso: u32) -> (i32, i32) {
    let ev = exposure_value(light, iso).round() as i32;
    let av = (ev - AUTO_SHUTTER).clamp(WIDEST, NARROWEST);
    let tv = (ev - av).clamp(SLOWEST, FASTEST);
    (tv, av)
}

/// The exposure factor of a photograph `stops` from a good exposure: full
/// marks within half a stop, 0.3 less for each stop beyond, never below
/// 0.1.
pub fn exposure_factor(stops: f32) -> f32 {
    (1.0 - 0.3 * (stops.abs() - 0.5).max(0.0)).clamp(0.1, 1.0)
}

/// How far the held camera wanders while the shutter is open, in virtual
/// pixels: 16 a second at 50 mm, more with longer lenses; braced, none.
pub fn shake(seconds: f32, focal: u32, braced: bool) -> f32 {
    if braced {
        0.0
    } else {
        SHAKE * seconds * focal as f32 / 50.0
    }
}

/// The blur circle of something `at` metres away with the lens focused at
/// `focus` (`None`: infinity), in the virtual pixels of a frame `frame_w`
/// wide: a thin lens's `f² / N · |1/s − 1/d|`, from the film's millimetres
/// to the frame's pixels.
pub fn defocus(focal: u32, f_number: f32, focus: Option<f32>, at: f32, frame_w: f32) -> f32 {
    // In metres, so the millimetres of f² come out a thousand times over.
    let reciprocal = |m: f32| 1.0 / m.max(0.001);
    let f = focal as f32;
    let apart = (focus.map_or(0.0, reciprocal) - reciprocal(at)).abs();
    let millimetres = f * f / f_number * apart / 1000.0;
    millimetres * frame_w / FILM_WIDTH
}

/// The sharpness factor of a subject smeared by `blur` virtual pixels:
/// full marks within a pixel, 0.1 less for each pixel beyond, never below
/// 0.4.
pub fn sharpness_factor(blur: f32) -> f32 {
    (1.0 - 0.1 * (blur - SHARP).max(0.0)).clamp(0.4, 1.0)
}

/// Whether a subject smeared by `blur` pixels is sharp: a pixel or less.
pub fn is_sharp(blur: f32) -> bool {
    blur <= SHARP
}

/// How sharp a subject smeared by `blur` pixels is, in a word.
pub fn sharpness_word(blur: f32) -> &'static str {
    if is_sharp(blur) {
        "sharp"
    } else if blur <= SOFT {
        "a little soft"
    } else {
        "blurred"
    }
}

/// How a photograph `stops` from right looks, in words: "well exposed",
/// "a stop dark", "two stops bright", "3.5 stops dark".
pub fn exposure_words(stops: f32) -> String {
    let halves = (stops.abs() * 2.0).round() as u32;
    if halves <= 1 {
        return "well exposed".to_owned();
    }
    let way = if stops < 0.0 { "dark" } else { "bright" };
    let count = match halves {
        2 => "a stop".to_owned(),
        4 => "two stops".to_owned(),
        6 => "three stops".to_owned(),
        n if n % 2 == 0 => format!("{} stops", n / 2),
        n => format!("{} stops", n as f32 / 2.0),
    };
    format!("{count} {way}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Smear;

    #[test]
    fn the_dials_are_in_whole_stops_and_read_as_a_camera_writes_them() {
        assert_eq!(seconds(0), 1.0);
        assert_eq!(seconds(6), 1.0 / 64.0);
        assert_eq!(seconds(-2), 4.0);
        assert_eq!(shutter_label(6), "1/60");
        assert_eq!(shutter_label(FASTEST), "1/1000");
        assert_eq!(shutter_label(-2), "4 s");
        assert_eq!(shutter_label(SLOWEST), "30 s");
        assert_eq!(parse_shutter("1/60"), Some(6));
        assert_eq!(parse_shutter("4 s"), Some(-2));
        assert_eq!(parse_shutter("30"), Some(SLOWEST));
        assert_eq!(parse_shutter("1/3"), None);
        assert_eq!(f_number(WIDEST), 1.4);
        assert_eq!(f_number(NARROWEST), 16.0);
        assert_eq!(parse_aperture(2.8), Some(3));
        assert_eq!(parse_aperture(3.5), None);
        assert_eq!(focus_label(Some(22.627417)), "23 m");
        assert_eq!(focus_label(Some(2.83)), "2.8 m");
        assert_eq!(focus_label(Some(4.0)), "4 m");
        assert_eq!(focus_label(None), "inf");
        // Every step of the ring is about a stop: N² doubles.
        for av in WIDEST..NARROWEST {
            let ratio = (f_number(av + 1) / f_number(av)).powi(2);
            assert!((ratio - 2.0).abs() < 0.15, "{av}: {ratio}");
        }
    }

    #[test]
    fn the_meter_counts_stops_from_a_good_exposure() {
        // A street at EV100 3 (light 8) on ISO 400 film is EV 5: 1/8 s at
        // f/2.8 (tv 3 + av 3 = 6) is a stop dark; 1/4 s (tv 2) is right.
        assert_eq!(stops(8.0, 400, 3, 3), -1.0);
        assert_eq!(stops(8.0, 400, 2, 3), 0.0);
        // Four times the light is two stops bright.
        assert_eq!(stops(32.0, 400, 2, 3), 2.0);
        // ISO 100 film needs two stops more than ISO 400.
        assert_eq!(stops(8.0, 100, 2, 3), -2.0);
    }

    #[test]
    fn the_automatic_mode_opens_the_lens_before_it_slows_the_shutter() {
        // EV 5 (light 8, ISO 400): f/1.4 and 1/15 s.
        assert_eq!(automatic(8.0, 400), (4, 1));
        // EV 0 (the night alone on ISO 400): f/1.4, 2 s.
        assert_eq!(automatic(0.25, 400), (-1, 1));
        // EV 10 (dawn, ISO 400 at light 256): f/4 at 1/60.
        assert_eq!(automatic(256.0, 400), (6, 4));
        // Far too bright: f/16 at 1/1000 s, and no further.
        assert_eq!(automatic(1.0e9, 400), (FASTEST, NARROWEST));
        // Whatever it picks meters right while the dials can reach it.
        for light in [0.5, 3.0, 8.0, 40.0, 300.0] {
            let (tv, av) = automatic(light, 160);
            assert!(stops(light, 160, tv, av).abs() <= 0.5, "{light}");
        }
    }

    #[test]
    fn exposure_costs_a_share_for_each_stop_off() {
        assert_eq!(exposure_factor(0.0), 1.0);
        assert_eq!(exposure_factor(0.5), 1.0);
        // Two stops dark: 1 - 0.3 * 1.5 = 0.55.
        assert!((exposure_factor(-2.0) - 0.55).abs() < 1e-6);
        assert!((exposure_factor(1.0) - 0.85).abs() < 1e-6);
        assert_eq!(exposure_factor(-8.0), 0.1);
        assert_eq!(exposure_words(0.3), "well exposed");
        assert_eq!(exposure_words(-1.1), "a stop dark");
        assert_eq!(exposure_words(-2.0), "two stops dark");
        assert_eq!(exposure_words(1.5), "1.5 stops bright");
        assert_eq!(exposure_words(4.0), "4 stops bright");
    }

    #[test]
    fn hands_shake_with_time_and_focal_length_and_not_braced() {
        // 1/15 s at 85 mm: 16 * (1/16) * 85/50 = 1.7 px.
        assert!((shake(seconds(4), 85, false) - 1.7).abs() < 1e-5);
        // 1/60 s at 50 mm: 0.25 px.
        assert!((shake(seconds(6), 50, false) - 0.25).abs() < 1e-5);
        // A 4 s exposure at 35 mm handheld: 44.8 px; braced, none.
        assert!((shake(4.0, 35, false) - 44.8).abs() < 1e-4);
        assert_eq!(shake(4.0, 35, true), 0.0);
    }

    #[test]
    fn out_of_focus_blur_follows_the_thin_lens() {
        // 85 mm at f/1.4 focused at 4 m, the frame 123.5 px wide: a
        // background at infinity blurs 85² / 1.4 * 1/4000 = 1.290 mm,
        // 1.290 * 123.5 / 36 = 4.43 px.
        let far = defocus(85, 1.4, Some(4.0), f32::INFINITY, 123.5);
        assert!((far - 4.427).abs() < 0.01, "{far}");
        // Focused on it, none; at f/16 about a tenth of it (1.4 / 16).
        assert_eq!(defocus(85, 1.4, Some(4.0), 4.0, 123.5), 0.0);
        let closed = defocus(85, 16.0, Some(4.0), f32::INFINITY, 123.5);
        assert!((closed - far * 1.4 / 16.0).abs() < 1e-4);
        // Focused at infinity, a subject at 8 m: 50 mm at f/2, 175 px
        // wide: 1250 * 1/8000 = 0.156 mm = 0.76 px.
        let near = defocus(50, 2.0, None, 8.0, 175.0);
        assert!((near - 0.7595).abs() < 0.001, "{near}");
        assert_eq!(distance(0.0), 4.0);
        assert_eq!(distance(-1.0), 8.0);
        assert_eq!(distance(1.0), 2.0);
    }

    #[test]
    fn sharpness_costs_a_share_for_each_pixel_of_blur() {
        let smear = Smear {
            motion: 3.0,
            shake: 4.0,
            focus: 0.0,
            distance: 4.0,
        };
        assert_eq!(smear.total(), 5.0);
        // 5 px: 1 - 0.1 * 4 = 0.6, "blurred".
        assert!((sharpness_factor(smear.total()) - 0.6).abs() < 1e-6);
        assert_eq!(sharpness_word(5.0), "blurred");
        assert_eq!(sharpness_factor(0.8), 1.0);
        assert_eq!(sharpness_word(0.8), "sharp");
        assert_eq!(sharpness_word(2.5), "a little soft");
        assert_eq!(sharpness_factor(40.0), 0.4);
    }

    #[test]
    fn each_film_has_its_speed() {
        assert_eq!(film("svema-400").map(|f| f.iso), Some(400));
        assert_eq!(
            film("tasma-64").map(|f| f.colour),
            Some(FilmColour::Daylight)
        );
        assert_eq!(film("kodak"), None);
        assert_eq!(FIRST_FILM.colour, FilmColour::Mono);
    }
}
