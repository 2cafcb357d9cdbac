//! Light as plain numbers: how bright the level is at a point and an
//! instant. The night's ambient light by the clock, each lamp's smooth
//! falloff and its flicker are here once, and everything that shows or
//! measures light asks them: the renderer draws the darkness and the glows
//! from them, the camera's meter and the judge read the same field.
//!
//! Brightness is in the meter's unit: a scene whose mean brightness is `L`
//! is exposed right at `EV100 = log2 L` (film of ISO 100, `f/N` open for
//! `t` seconds with `N² / t = L`). A lamp of intensity 1 is `LAMP` at its
//! centre (EV 6, a street lamp's pool), the night between lamps
//! `NIGHT_AMBIENT` (EV −2), the sunrise `DAWN_AMBIENT` (EV 8).

use super::schema::{Area, Flicker, Point};

/// A lamp of intensity 1 at its centre.
pub const LAMP: f32 = 64.0;
/// The night's own light, between the lamps.
pub const NIGHT_AMBIENT: f32 = 0.25;
/// The light at dawn.
pub const DAWN_AMBIENT: f32 = 256.0;
/// Minutes before dawn that the night starts to lift.
pub const TWILIGHT_MINUTES: f32 = 60.0;
/// Share of each flicker period the light dips for.
const DIP: f32 = 0.12;
/// Points sampled across a frame's width (and two thirds as many down it)
/// to meter it.
const METER_COLUMNS: usize = 24;

/// How far the night has lifted with `to_dawn` minutes left: 0 until an
/// hour before dawn, 1 at dawn.
pub fn lift(to_dawn: f32) -> f32 {
    1.0 - (to_dawn.max(0.0) / TWILIGHT_MINUTES).min(1.0)
}

/// The ambient light with `to_dawn` minutes left: the night's until an
/// hour before dawn, rising by equal stops a minute to the dawn's.
pub fn ambient(to_dawn: f32) -> f32 {
    NIGHT_AMBIENT * (DAWN_AMBIENT / NIGHT_AMBIENT).powf(lift(to_dawn))
}

/// A lamp's share of its centre's brightness at `d` (0 at its centre, 1 at
/// the edge of its reach): `(1 − d)²`, bright at the lamp, a pool around
/// it, and flat where it ends.
pub fn falloff(d: f32) -> f32 {
    let near = (1.0 - d).clamp(0.0, 1.0);
    near * near
}

/// A number in 0..1 that is the same for the same `n`.
pub fn hash(n: u32) -> f32 {
    let mut x = n.wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
    x ^= x >> 15;
    x = x.wrapping_mul(0xC2B2_AE35);
    x ^= x >> 13;
    (x & 0xFFFF) as f32 / 65535.0
}

/// How much a light with `flicker` is dimmed at `seconds` of play (0 to
/// its depth), its period no shorter than `shortest`; `seed` tells one
/// light's dips from another's.
pub fn flicker_dim(flicker: Flicker, seconds: f32, seed: u32, shortest: f32) -> f32 {
    let phase = seconds / flicker.every.max(shortest);
    let period = phase.floor() as u32;
    if phase.fract() < DIP {
        flicker.depth * (0.5 + 0.5 * hash(period ^ seed))
    } else {
        0.0
    }
}

/// A lamp as it shines at one instant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lamp {
    /// Its centre.
    pub at: Point,
    /// Its reach, in virtual pixels.
    pub radius: f32,
    /// Its intensity now (a flicker's dip taken off).
    pub brightness: f32,
}

impl Lamp {
    /// Its light at `point`.
    pub fn at(&self, (x, y): Point) -> f32 {
        if self.radius <= 0.0 {
            return 0.0;
        }
        let d = (x - self.at.0).hypot(y - self.at.1) / self.radius;
        LAMP * self.brightness * falloff(d)
    }
}

/// The light over a level at one instant: the ambient light and every lamp
/// that shines.
#[derive(Clone, Debug, PartialEq)]
pub struct LightField {
    /// The night's light, everywhere alike.
    pub ambient: f32,
    /// The lamps shining now.
    pub lamps: Vec<Lamp>,
}

impl LightField {
    /// The brightness at `point`.
    pub fn at(&self, point: Point) -> f32 {
        self.ambient + self.lamps.iter().map(|l| l.at(point)).sum::<f32>()
    }

    /// The mean brightness over `area`, as the meter reads it: the field
    /// sampled at the centres of a grid of 24 by 16 cells.
    pub fn mean(&self, area: &Area) -> f32 {
        let columns = METER_COLUMNS;
        let rows = METER_COLUMNS * 2 / 3;
        let lamps: Vec<&Lamp> = self.lamps.iter().filter(|l| reaches(l, area)).collect();
        let mut sum = 0.0;
        for row in 0..rows {
            for column in 0..columns {
                let x = area.x + (column as f32 + 0.5) * area.w / columns as f32;
                let y = area.y + (row as f32 + 0.5) * area.h / rows as f32;
                sum += lamps.iter().map(|l| l.at((x, y))).sum::<f32>();
            }
        }
        self.ambient + sum / (rows * columns) as f32
    }
}

/// Whether `lamp`'s reach touches `area`.
fn reaches(lamp: &Lamp, area: &Area) -> bool {
    let (x, y) = lamp.at;
    let nearest = (
        x.clamp(area.x, area.x + area.w),
        y.clamp(area.y, area.y + area.h),
    );
    (nearest.0 - x).hypot(nearest.1 - y) < lamp.radius
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lamp(x: f32, y: f32, radius: f32, brightness: f32) -> Lamp {
        Lamp {
            at: (x, y),
            radius,
            brightness,
        }
    }

    #[test]
    fn a_lamp_falls_off_smoothly_to_nothing_at_its_reach() {
        let l = lamp(0.0, 0.0, 40.0, 1.0);
        assert_eq!(l.at((0.0, 0.0)), 64.0);
        // Half way: (1 - 0.5)² = 0.25 of 64 = 16.
        assert!((l.at((20.0, 0.0)) - 16.0).abs() < 1e-4);
        // At 30 px, d = 0.75: 0.0625: 4.
        assert!((l.at((0.0, 30.0)) - 4.0).abs() < 1e-4);
        assert_eq!(l.at((40.0, 0.0)), 0.0);
        assert_eq!(l.at((100.0, 0.0)), 0.0);
        // Twice as bright, twice the light.
        assert!((lamp(0.0, 0.0, 40.0, 2.0).at((20.0, 0.0)) - 32.0).abs() < 1e-4);
    }

    #[test]
    fn the_field_adds_the_ambient_light_and_every_lamp() {
        let field = LightField {
            ambient: 0.25,
            lamps: vec![lamp(0.0, 0.0, 40.0, 1.0), lamp(40.0, 0.0, 40.0, 0.5)],
        };
        // At (20, 0) each lamp is half its reach away: 16 + 8, and 0.25.
        assert!((field.at((20.0, 0.0)) - 24.25).abs() < 1e-4);
        // Far from both, the night alone.
        assert_eq!(field.at((500.0, 500.0)), 0.25);
    }

    #[test]
    fn the_meter_reads_the_mean_over_the_frame() {
        let dark = LightField {
            ambient: 0.25,
            lamps: vec![lamp(1000.0, 0.0, 40.0, 1.0)],
        };
        let frame = Area {
            x: 0.0,
            y: 0.0,
            w: 120.0,
            h: 80.0,
        };
        assert_eq!(dark.mean(&frame), 0.25, "a lamp out of reach adds nothing");
        // A lamp of reach 40 wholly in the frame: its light integrates to
        // 64 * pi * r² / 6 = 53617; over 9600 px², 5.585 more on average.
        let lit = LightField {
            ambient: 0.25,
            lamps: vec![lamp(60.0, 40.0, 40.0, 1.0)],
        };
        let mean = lit.mean(&frame);
        assert!((mean - 5.835).abs() < 0.1, "{mean}");
    }

    #[test]
    fn the_night_lifts_by_equal_stops_to_dawn() {
        assert_eq!(ambient(390.0), NIGHT_AMBIENT);
        assert_eq!(ambient(60.0), NIGHT_AMBIENT);
        // Half way through the twilight, half way in stops: EV -2 to 8,
        // so EV 3: 8.
        assert!((ambient(30.0) - 8.0).abs() < 1e-3);
        assert!((ambient(0.0) - DAWN_AMBIENT).abs() < 1e-3);
    }

    #[test]
    fn a_flicker_dips_briefly_once_a_period_and_never_faster_than_its_shortest() {
        let flicker = Flicker {
            every: 2.0,
            depth: 0.8,
        };
        let dips = |flicker: Flicker, shortest: f32| {
            let samples: Vec<bool> = (0..6000)
                .map(|i| flicker_dim(flicker, i as f32 / 1000.0, 3, shortest) > 0.0)
                .collect();
            samples.windows(2).filter(|w| !w[0] && w[1]).count()
        };
        assert_eq!(
            dips(flicker, 0.34),
            2,
            "one dip every 2 s over 6 s (the first starts at 0)"
        );
        let fast = Flicker {
            every: 0.05,
            ..flicker
        };
        assert!(dips(fast, 0.1) > 18, "the data's faster flicker");
        assert!(dips(fast, 0.34) <= 18, "capped at three a second");
        for i in 0..1000 {
            let dim = flicker_dim(flicker, i as f32 / 100.0, 7, 0.34);
            assert!((0.0..=0.8).contains(&dim));
        }
    }
}
