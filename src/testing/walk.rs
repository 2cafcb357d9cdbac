//! `WalkTo(x)`: how a script walks Lev to a position. Each frame the
//! harness asks [`decide`] what to hold, as a player would: walk towards the
//! target, let go early enough to slow to a stop on it, and finish with the
//! careful step. Plain Rust over the motion core's body.

use crate::explore::motion::{self, Body};

/// How near the target Lev must stop, in virtual pixels, at a frame rate
/// fine enough (see [`tolerance`]).
const ARRIVED: f32 = 0.5;

/// How near the target Lev can be brought when each frame lasts
/// `frame_seconds`: input changes once a frame, and a slow frame (a
/// software renderer's) carries him further than half a pixel.
pub fn tolerance(frame_seconds: f64) -> f32 {
    ARRIVED.max(motion::CAREFUL_SPEED * frame_seconds as f32)
}
/// Nearer than this, he takes the careful step.
const CAREFUL_WITHIN: f32 = 12.0;
/// Fixed steps per second of the motion core (Bevy's default fixed rate).
const STEPS_PER_SECOND: f32 = 64.0;

/// What to do this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decision {
    /// Hold left (`-1`) or right (`1`), carefully or not.
    Walk {
        /// Which way.
        direction: f32,
        /// With the careful step.
        careful: bool,
    },
    /// Let go and slow down.
    Coast,
    /// Standing on the target.
    Arrived,
}

/// What to hold this frame to bring `body` within `tolerance` of `x`.
pub fn decide(body: &Body, x: f32, tolerance: f32) -> Decision {
    let dx = x - body.position.x;
    let v = body.velocity.x;
    if dx.abs() <= tolerance {
        return if v == 0.0 {
            Decision::Arrived
        } else {
            Decision::Coast
        };
    }
    let moving_away = v != 0.0 && v.signum() != dx.signum();
    if moving_away || (v != 0.0 && dx.abs() <= coasting_distance(v.abs()) + tolerance / 2.0) {
        return Decision::Coast;
    }
    Decision::Walk {
        direction: dx.signum(),
        careful: dx.abs() < CAREFUL_WITHIN,
    }
}

/// How far Lev slides from `speed` once the input lets go, stepped as the
/// motion core steps it.
fn coasting_distance(speed: f32) -> f32 {
    let dt = 1.0 / STEPS_PER_SECOND;
    let mut v = speed;
    let mut distance = 0.0;
    while v > 0.0 {
        v = (v - motion::DECELERATION * dt).max(0.0);
        distance += v * dt;
    }
    distance
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::Level;
    use bevy::math::Vec2;

    fn corridor() -> Level {
        let text = r#"(id: "c", name: "C", bounds: (x: 0, y: 0, w: 1000, h: 100),
            floors: [(x: 0, y: 16, width: 1000)], spawns: [(id: "s", at: (40, 16))])"#;
        crate::data::parse_ron(std::path::Path::new("c"), text).unwrap()
    }

    /// Walks to `x` as the harness would, with 60 frames a second over the
    /// motion core's 64 steps; returns where he stopped and the frames taken.
    fn walk(level: &Level, from: f32, x: f32) -> (f32, u32) {
        let mut body = Body::standing_at(level, Vec2::new(from, 16.0));
        let mut steps_done = 0u32;
        for frame in 1..2000u32 {
            let intent = match decide(&body, x, ARRIVED) {
                Decision::Arrived => return (body.position.x, frame),
                Decision::Coast => motion::Intent::default(),
                Decision::Walk { direction, careful } => motion::Intent {
                    x: direction,
                    y: 0.0,
                    careful,
                },
            };
            let steps_due = frame * 64 / 60;
            while steps_done < steps_due {
                motion::step(&mut body, intent, level, 1.0 / STEPS_PER_SECOND);
                steps_done += 1;
            }
        }
        panic!("did not arrive at {x}: stopped at {}", body.position.x);
    }

    #[test]
    fn lev_stops_within_half_a_pixel_of_the_target_either_way() {
        let level = corridor();
        for (from, to) in [
            (40.0, 300.0),
            (300.0, 40.0),
            (40.0, 41.3),
            (500.0, 499.0),
            (40.0, 40.2),
        ] {
            let (stopped, frames) = walk(&level, from, to);
            assert!((stopped - to).abs() <= ARRIVED, "{from} -> {to}: {stopped}");
            let seconds = frames as f32 / 60.0;
            let walking = (to - from).abs() / motion::WALK_SPEED;
            assert!(seconds < walking + 2.0, "{from} -> {to} took {seconds} s");
        }
    }

    #[test]
    fn coasting_from_walking_speed_takes_a_few_pixels() {
        let d = coasting_distance(motion::WALK_SPEED);
        assert!((2.0..4.0).contains(&d), "{d}");
        assert_eq!(coasting_distance(0.0), 0.0);
    }
}
