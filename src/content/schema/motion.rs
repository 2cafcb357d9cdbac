//! Things that move: a path in time that props, lights, subjects and people
//! go along with (`moves: "tram"`), and where the path stands at any time —
//! a pure function of the data and the night's two clocks, so the drawn
//! world, the photograph and the judge agree at every instant whatever the
//! frame rate.
//!
//! ```ron
//! motions: [
//!     // The tram comes in from the east at 23:31, stands at the stop, and goes on west.
//!     (id: "tram", start: Clock("23:31"), keys: [
//!         (t: 0, by: (400, 0)),
//!         (t: 40, by: (0, 0), ease: Out),
//!         (t: 120, by: (0, 0)),
//!         (t: 170, by: (-1100, 0), ease: In),
//!     ]),
//! ],
//! ```

use serde::{Deserialize, Serialize};

use super::{Area, ClockTime, Condition, Point};

/// A path in time: where the things that go with it stand, as an offset
/// from the places the level gives them, and how far they have turned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// Unique within the level; what moves with it names it (`moves`).
    pub id: String,
    /// What its time counts, and from when.
    pub start: Start,
    /// Where it is when, in time order: at least one.
    pub keys: Vec<Key>,
    /// Over again every this many seconds of its time (a pendulum, a car
    /// every 40 s); none: once, standing at its last key after.
    #[serde(default)]
    pub every: Option<f32>,
    /// The point it turns about, in level pixels (the pendulum's hook, the
    /// clock's centre); none: each thing turns about its own centre.
    #[serde(default)]
    pub pivot: Option<Point>,
    /// What it sounds like while it goes, heard from where the first thing
    /// it moves is, nearer and louder, to Lev's left or right (the tram's
    /// motor and wheels, a car's tyres on the wet road); none: silent.
    #[serde(default)]
    pub sound: Option<MovingSound>,
}

/// A sound that goes along with a motion, looping, panned and faded by
/// where the thing is from Lev.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MovingSound {
    /// A tram's motor hum, its wheels on the rail joints and the wire's fizz.
    Tram,
    /// A car's engine and its tyres hissing on the wet road.
    Car,
}

/// What a motion's time counts, and from when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Start {
    /// Seconds of the night's clock after this time (the shipped clock runs
    /// 30 of them a second of play): a tram due at 23:31. Before it, the
    /// motion waits at its first key.
    Clock(ClockTime),
    /// Seconds of play since the night began, at the clock's pace (half
    /// with the camera raised, standing in conversations and menus) but
    /// running on while a chapter holds the clock: a pendulum, a gear, a
    /// lamp swaying.
    Play,
    /// Seconds of play since this condition first held while Lev was in
    /// the level: the pigeons lift when he comes near. Until then, the
    /// first key.
    When(Condition),
}

/// Where a motion is at one time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// Seconds of the motion's time.
    pub t: f32,
    /// How far the things it moves are from their places, in level pixels.
    #[serde(default)]
    pub by: Point,
    /// How far they have turned, in degrees (positive: anticlockwise).
    #[serde(default)]
    pub turn: f32,
    /// How it goes from the key before to this one.
    #[serde(default)]
    pub ease: Ease,
}

/// How a motion goes from one key to the next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ease {
    /// At an even speed.
    #[default]
    Linear,
    /// Starting slowly, arriving at speed (a tram pulling away).
    In,
    /// Starting at speed, slowing to arrive (a tram braking at the stop).
    Out,
    /// Slow at both ends (a pendulum's swing).
    InOut,
    /// Standing at the key before, then at this one at once (a clock's
    /// minute hand jumping).
    Step,
}

impl Ease {
    /// The share of the way covered at share `s` (0 to 1) of the time.
    pub fn apply(self, s: f32) -> f32 {
        let s = s.clamp(0.0, 1.0);
        match self {
            Ease::Linear => s,
            Ease::In => s * s,
            Ease::Out => 1.0 - (1.0 - s) * (1.0 - s),
            Ease::InOut => s * s * (3.0 - 2.0 * s),
            Ease::Step => {
                if s >= 1.0 {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }
}

/// Where a motion puts the things it moves at one time: an offset and a
/// turn about its pivot (or each thing's centre).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The offset, in level pixels.
    pub by: Point,
    /// The turn, in degrees, anticlockwise.
    pub turn: f32,
    /// The point it turns about, if the motion has one.
    pub pivot: Option<Point>,
}

impl Placement {
    /// Standing still where the level puts things.
    pub const STILL: Placement = Placement {
        by: (0.0, 0.0),
        turn: 0.0,
        pivot: None,
    };

    /// Where a thing whose centre the level puts at `centre` is.
    pub fn centre(&self, (x, y): Point) -> Point {
        let (x, y) = match self.pivot {
            Some((px, py)) if self.turn != 0.0 => {
                let (sin, cos) = self.turn.to_radians().sin_cos();
                let (dx, dy) = (x - px, y - py);
                (px + dx * cos - dy * sin, py + dx * sin + dy * cos)
            }
            _ => (x, y),
        };
        (x + self.by.0, y + self.by.1)
    }

    /// Where `area` is: moved with its centre, its size kept (a judge's
    /// area stays upright as the thing turns).
    pub fn area(&self, area: &Area) -> Area {
        let (cx, cy) = self.centre(area.centre());
        Area {
            x: cx - area.w / 2.0,
            y: cy - area.h / 2.0,
            ..*area
        }
    }
}

impl Motion {
    /// Where the motion is at `t` seconds of its own time (negative: before
    /// it starts): at its first key until then, between keys eased, and
    /// after the last at the last, or over again with `every`.
    pub fn at(&self, t: f32) -> Placement {
        let (by, turn) = self.offset(self.local(t));
        Placement {
            by,
            turn,
            pivot: self.pivot,
        }
    }

    /// `t` on the motion's own keys: wrapped with `every`.
    fn local(&self, t: f32) -> f32 {
        match self.every {
            Some(every) if every > 0.0 && t > 0.0 => t.rem_euclid(every),
            _ => t,
        }
    }

    fn offset(&self, t: f32) -> (Point, f32) {
        let Some(first) = self.keys.first() else {
            return ((0.0, 0.0), 0.0);
        };
        if t <= first.t {
            return (first.by, first.turn);
        }
        for pair in self.keys.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            if t < to.t {
                let span = to.t - from.t;
                let s = if span > 0.0 { (t - from.t) / span } else { 1.0 };
                let e = to.ease.apply(s);
                let lerp = |a: f32, b: f32| a + (b - a) * e;
                return (
                    (lerp(from.by.0, to.by.0), lerp(from.by.1, to.by.1)),
                    lerp(from.turn, to.turn),
                );
            }
        }
        let last = self.keys[self.keys.len() - 1];
        (last.by, last.turn)
    }

    /// The motion's own time when the night's clock reads `night_seconds`
    /// (seconds since 18:00), `played` seconds of play have passed, and its
    /// condition (for [`Start::When`]) first held at `began` seconds of
    /// play; `None`: it has not started and waits at its first key.
    pub fn time(&self, night_seconds: f64, played: f64, began: Option<f64>) -> Option<f32> {
        let t = match &self.start {
            Start::Clock(at) => night_seconds - f64::from(at.minutes_into_night()) * 60.0,
            Start::Play => played,
            Start::When(_) => played - began?,
        };
        Some(t as f32)
    }

    /// How long one pass of its keys takes, in seconds of its time.
    pub fn length(&self) -> f32 {
        self.keys.last().map_or(0.0, |k| k.t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(t: f32, x: f32, ease: Ease) -> Key {
        Key {
            t,
            by: (x, 0.0),
            turn: 0.0,
            ease,
        }
    }

    fn motion(keys: Vec<Key>, every: Option<f32>) -> Motion {
        Motion {
            id: "m".into(),
            start: Start::Play,
            keys,
            every,
            pivot: None,
            sound: None,
        }
    }

    fn x_at(motion: &Motion, t: f32) -> f32 {
        motion.at(t).by.0
    }

    #[test]
    fn between_keys_each_ease_covers_its_share_of_the_way() {
        let linear = motion(
            vec![key(0.0, 0.0, Ease::Linear), key(10.0, 100.0, Ease::Linear)],
            None,
        );
        assert_eq!(x_at(&linear, 2.5), 25.0);
        let eased = |ease| {
            motion(
                vec![key(0.0, 0.0, Ease::Linear), key(10.0, 100.0, ease)],
                None,
            )
        };
        // A quarter of the time: In covers 1/16, Out 7/16, InOut 5/32.
        assert_eq!(x_at(&eased(Ease::In), 2.5), 6.25);
        assert_eq!(x_at(&eased(Ease::Out), 2.5), 43.75);
        assert_eq!(x_at(&eased(Ease::InOut), 2.5), 15.625);
        assert_eq!(x_at(&eased(Ease::InOut), 5.0), 50.0);
        // Step stands at the key before until it reaches the next.
        assert_eq!(x_at(&eased(Ease::Step), 9.9), 0.0);
        assert_eq!(x_at(&eased(Ease::Step), 10.0), 100.0);
    }

    #[test]
    fn before_its_start_it_waits_at_the_first_key_and_after_its_end_at_the_last() {
        let m = motion(
            vec![key(2.0, 40.0, Ease::Linear), key(6.0, 80.0, Ease::Linear)],
            None,
        );
        assert_eq!(x_at(&m, -30.0), 40.0);
        assert_eq!(x_at(&m, 1.0), 40.0);
        assert_eq!(x_at(&m, 4.0), 60.0);
        assert_eq!(x_at(&m, 6.0), 80.0);
        assert_eq!(x_at(&m, 600.0), 80.0);
    }

    #[test]
    fn a_loop_starts_over_every_period_and_not_before_it_starts() {
        let m = motion(
            vec![key(0.0, 0.0, Ease::Linear), key(4.0, 40.0, Ease::Linear)],
            Some(10.0),
        );
        assert_eq!(x_at(&m, 2.0), 20.0);
        assert_eq!(
            x_at(&m, 7.0),
            40.0,
            "waits at its last key until the period is up"
        );
        assert_eq!(x_at(&m, 12.0), 20.0);
        assert_eq!(x_at(&m, 1003.0), 30.0);
        assert_eq!(x_at(&m, -8.0), 0.0, "before its start, no wrapping");
    }

    #[test]
    fn each_start_counts_its_own_time() {
        let clock = Motion {
            start: Start::Clock(ClockTime::new(23, 31).unwrap()),
            ..motion(vec![key(0.0, 0.0, Ease::Linear)], None)
        };
        // 23:31 is 331 minutes after 18:00; 23:31:20 is 20 s after its start.
        let night = (331.0 * 60.0) + 20.0;
        assert_eq!(clock.time(night, 5.0, None), Some(20.0));
        assert_eq!(clock.time(night - 80.0, 5.0, None), Some(-60.0));
        let play = motion(vec![key(0.0, 0.0, Ease::Linear)], None);
        assert_eq!(play.time(night, 5.0, None), Some(5.0));
        let when = Motion {
            start: Start::When(Condition::Flag("phone_rang".into())),
            ..play.clone()
        };
        assert_eq!(when.time(night, 5.0, None), None, "not started yet");
        assert_eq!(when.time(night, 5.0, Some(3.5)), Some(1.5));
    }

    #[test]
    fn a_turn_about_a_pivot_carries_the_centre_round_it() {
        let placement = Placement {
            by: (1.0, 0.0),
            turn: 90.0,
            pivot: Some((10.0, 10.0)),
        };
        // (20, 10) is 10 right of the pivot: a quarter turn puts it 10 above, then 1 right.
        let (x, y) = placement.centre((20.0, 10.0));
        assert!(
            (x - 11.0).abs() < 1e-4 && (y - 20.0).abs() < 1e-4,
            "({x}, {y})"
        );
        let area = placement.area(&Area {
            x: 18.0,
            y: 8.0,
            w: 4.0,
            h: 4.0,
        });
        assert!((area.x - 9.0).abs() < 1e-4 && (area.y - 18.0).abs() < 1e-4);
        assert_eq!(
            (area.w, area.h),
            (4.0, 4.0),
            "the judged area stays upright"
        );
        // With no pivot a thing turns about its own centre: only the offset moves it.
        let own = Placement {
            pivot: None,
            ..placement
        };
        assert_eq!(own.centre((20.0, 10.0)), (21.0, 10.0));
    }
}
