//! How Lev moves through a level's geometry: walking with acceleration,
//! walls, falling, stairs and ladders. Plain Rust stepped at a fixed rate,
//! so the same input covers the same ground at any frame rate.

use bevy::math::Vec2;

use crate::content::schema::{Level, Surface};

/// Walking speed, in virtual pixels per second.
pub const WALK_SPEED: f32 = 64.0;
/// The careful step's speed.
pub const CAREFUL_SPEED: f32 = 26.0;
/// How fast walking speeds up, in pixels per second squared.
const ACCELERATION: f32 = 420.0;
/// How fast Lev stops when the input lets go.
pub const DECELERATION: f32 = 640.0;
/// Climbing speed on ladders.
const CLIMB_SPEED: f32 = 44.0;
/// Downward acceleration while falling.
const GRAVITY: f32 = 520.0;
/// Half of Lev's width: how close his centre comes to a wall.
pub const HALF_WIDTH: f32 = 4.0;
/// Lev's height: walls block him when they overlap this span above his feet.
pub const HEIGHT: f32 = 22.0;
/// How near a stair's end or a ladder Lev must stand to take it.
const GRAB: f32 = 6.0;

/// What Lev stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Footing {
    /// The floor with this index in the level.
    Floor(usize),
    /// The flight of stairs with this index.
    Stairs(usize),
    /// The ladder with this index.
    Ladder(usize),
    /// Nothing: he is falling.
    Air,
}

/// Lev's position (his feet), velocity and footing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Body {
    /// Feet, in level coordinates.
    pub position: Vec2,
    /// Velocity in pixels per second.
    pub velocity: Vec2,
    /// What he stands on.
    pub footing: Footing,
}

impl Body {
    /// A body standing at `position`, on whatever is under it.
    pub fn standing_at(level: &Level, position: Vec2) -> Self {
        let footing = level
            .floor_at(position.into())
            .map_or(Footing::Air, Footing::Floor);
        Self {
            position,
            velocity: Vec2::ZERO,
            footing,
        }
    }

    /// The surface under his feet, if he stands on something.
    pub fn surface(&self, level: &Level) -> Option<Surface> {
        match self.footing {
            Footing::Floor(i) => level.floors.get(i).map(|f| f.surface),
            Footing::Stairs(i) => level.stairs.get(i).map(|s| s.surface),
            Footing::Ladder(_) => Some(Surface::Metal),
            Footing::Air => None,
        }
    }
}

/// What the player asks of Lev for one step: each axis from -1 to 1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Intent {
    /// Left (-1) or right (1).
    pub x: f32,
    /// Down (-1) or up (1): stairs and ladders.
    pub y: f32,
    /// The slower, careful step.
    pub careful: bool,
}

/// Moves `body` through `level` for `dt` seconds; returns the distance
/// walked or climbed (for footsteps).
pub fn step(body: &mut Body, intent: Intent, level: &Level, dt: f32) -> f32 {
    let start = body.position;
    match body.footing {
        Footing::Stairs(i) => match level.stairs.get(i) {
            Some(stairs) => on_stairs(
                body,
                intent,
                level,
                Vec2::from(stairs.bottom),
                Vec2::from(stairs.top),
                dt,
            ),
            None => body.footing = Footing::Air,
        },
        Footing::Ladder(i) => match level.ladders.get(i) {
            Some(ladder) => on_ladder(body, intent, level, ladder.bottom, ladder.top, dt),
            None => body.footing = Footing::Air,
        },
        Footing::Floor(_) | Footing::Air => {
            if !take_stairs_or_ladder(body, intent, level) {
                walk(body, intent, level, dt);
            }
        }
    }
    body.position.distance(start)
}

/// Steps onto stairs or a ladder when Lev stands at one and asks to climb.
fn take_stairs_or_ladder(body: &mut Body, intent: Intent, level: &Level) -> bool {
    if intent.y == 0.0 || body.footing == Footing::Air {
        return false;
    }
    let at = body.position;
    let near = |end: (f32, f32)| (at.x - end.0).abs() <= GRAB && (at.y - end.1).abs() <= 0.5;
    let up = intent.y > 0.0;
    if let Some(i) = level
        .stairs
        .iter()
        .position(|s| if up { near(s.bottom) } else { near(s.top) })
    {
        body.footing = Footing::Stairs(i);
        body.velocity = Vec2::ZERO;
        return true;
    }
    let ladder = level.ladders.iter().position(|l| {
        (at.x - l.x).abs() <= GRAB
            && if up {
                at.y >= l.bottom - 0.5 && at.y < l.top - 0.5
            } else {
                at.y > l.bottom + 0.5 && at.y <= l.top + 0.5
            }
    });
    if let Some(i) = ladder {
        body.position.x = level.ladders[i].x;
        body.footing = Footing::Ladder(i);
        body.velocity = Vec2::ZERO;
        return true;
    }
    false
}

fn walk(body: &mut Body, intent: Intent, level: &Level, dt: f32) {
    let speed = if intent.careful {
        CAREFUL_SPEED
    } else {
        WALK_SPEED
    };
    let target = intent.x.clamp(-1.0, 1.0) * speed;
    let v = body.velocity.x;
    let rate = if target != 0.0
        && (v == 0.0 || target.signum() == v.signum())
        && target.abs() >= v.abs()
    {
        ACCELERATION
    } else {
        DECELERATION
    };
    let change = (target - v).clamp(-rate * dt, rate * dt);
    body.velocity.x = v + change;
    let from = body.position;
    let mut x = from.x + body.velocity.x * dt;
    // Walls overlapping his body's height block him.
    for wall in &level.walls {
        let overlaps = from.y + HEIGHT > wall.y && from.y < wall.y + wall.h;
        if !overlaps {
            continue;
        }
        if body.velocity.x > 0.0 && from.x + HALF_WIDTH <= wall.x + 0.01 && x + HALF_WIDTH > wall.x
        {
            x = wall.x - HALF_WIDTH;
            body.velocity.x = 0.0;
        } else if body.velocity.x < 0.0
            && from.x - HALF_WIDTH >= wall.x + wall.w - 0.01
            && x - HALF_WIDTH < wall.x + wall.w
        {
            x = wall.x + wall.w + HALF_WIDTH;
            body.velocity.x = 0.0;
        }
    }
    let b = level.bounds;
    x = x.clamp(b.x + HALF_WIDTH, b.x + b.w - HALF_WIDTH);
    body.position.x = x;
    match body.footing {
        Footing::Floor(_) => {
            body.footing = level
                .floor_at(body.position.into())
                .map_or(Footing::Air, Footing::Floor);
        }
        Footing::Air => fall(body, level, dt),
        _ => {}
    }
}

fn fall(body: &mut Body, level: &Level, dt: f32) {
    body.velocity.y -= GRAVITY * dt;
    let from = body.position.y;
    let to = from + body.velocity.y * dt;
    let x = body.position.x;
    let landing = level
        .floors
        .iter()
        .enumerate()
        .filter(|(_, f)| f.y <= from + 0.5 && f.y >= to && x >= f.x && x <= f.x + f.width)
        .max_by(|a, b| a.1.y.total_cmp(&b.1.y));
    if let Some((i, floor)) = landing {
        body.position.y = floor.y;
        body.velocity.y = 0.0;
        body.footing = Footing::Floor(i);
    } else if to <= level.bounds.y {
        // Nothing below: stop at the bottom of the level rather than fall forever.
        body.position.y = level.bounds.y;
        body.velocity.y = 0.0;
    } else {
        body.position.y = to;
    }
}

fn on_stairs(body: &mut Body, intent: Intent, level: &Level, bottom: Vec2, top: Vec2, dt: f32) {
    let run = top - bottom;
    let towards_top = if intent.y != 0.0 {
        intent.y.signum()
    } else if intent.x != 0.0 && run.x != 0.0 {
        intent.x.signum() * run.x.signum()
    } else {
        0.0
    };
    let speed = if intent.careful {
        CAREFUL_SPEED
    } else {
        WALK_SPEED
    };
    // Progress along the flight, 0 at the bottom and 1 at the top, moving at
    // walking speed along its length.
    let length = run.length().max(1.0);
    let t = ((body.position - bottom).dot(run) / (length * length)).clamp(0.0, 1.0);
    let t = t + towards_top * speed * dt / length;
    if t >= 1.0 || t <= 0.0 {
        body.position = if t >= 1.0 { top } else { bottom };
        body.footing = level
            .floor_at(body.position.into())
            .map_or(Footing::Air, Footing::Floor);
    } else {
        body.position = bottom + run * t;
    }
}

fn on_ladder(body: &mut Body, intent: Intent, level: &Level, bottom: f32, top: f32, dt: f32) {
    let y = body.position.y + intent.y.clamp(-1.0, 1.0) * CLIMB_SPEED * dt;
    body.position.y = y.clamp(bottom, top);
    let at_end = (body.position.y - top).abs() < 0.01 || (body.position.y - bottom).abs() < 0.01;
    if at_end
        && intent.y != 0.0
        && let Some(floor) = level.floor_at(body.position.into())
    {
        body.footing = Footing::Floor(floor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::{Ladder, Stairs};

    fn room() -> Level {
        let text = r#"(id: "room", name: "Room", bounds: (x: 0, y: 0, w: 400, h: 200),
            floors: [(x: 8, y: 16, width: 384), (x: 200, y: 96, width: 100)],
            walls: [(x: 0, y: 0, w: 8, h: 200), (x: 392, y: 0, w: 8, h: 200)],
            spawns: [(id: "start", at: (40, 16))])"#;
        let mut level: Level = crate::data::parse_ron(std::path::Path::new("room"), text).unwrap();
        level.stairs.push(Stairs {
            bottom: (120.0, 16.0),
            top: (200.0, 96.0),
            surface: Surface::Wood,
        });
        level.ladders.push(Ladder {
            x: 290.0,
            bottom: 16.0,
            top: 96.0,
        });
        level
    }

    fn run(body: &mut Body, level: &Level, intent: Intent, seconds: f32) {
        let dt = 1.0 / 64.0;
        for _ in 0..(seconds / dt).round() as usize {
            step(body, intent, level, dt);
        }
    }

    const UP: Intent = Intent {
        x: 0.0,
        y: 1.0,
        careful: false,
    };
    const DOWN: Intent = Intent { y: -1.0, ..UP };
    const LEFT: Intent = Intent {
        x: -1.0,
        y: 0.0,
        careful: false,
    };
    const RIGHT: Intent = Intent {
        x: 1.0,
        y: 0.0,
        careful: false,
    };

    #[test]
    fn walking_speeds_up_reaches_walking_speed_and_stops_smoothly() {
        let level = room();
        let mut body = Body::standing_at(&level, Vec2::new(40.0, 16.0));
        step(&mut body, RIGHT, &level, 1.0 / 64.0);
        assert!(body.velocity.x > 0.0 && body.velocity.x < WALK_SPEED);
        run(&mut body, &level, RIGHT, 1.0);
        assert_eq!(body.velocity.x, WALK_SPEED);
        run(&mut body, &level, Intent::default(), 0.05);
        assert!(body.velocity.x > 0.0, "he slows rather than stopping dead");
        run(&mut body, &level, Intent::default(), 0.5);
        assert_eq!(body.velocity.x, 0.0);
        assert_eq!(body.position.y, 16.0);
    }

    #[test]
    fn the_careful_step_is_slower() {
        let level = room();
        let mut body = Body::standing_at(&level, Vec2::new(40.0, 16.0));
        run(
            &mut body,
            &level,
            Intent {
                careful: true,
                ..RIGHT
            },
            1.0,
        );
        assert_eq!(body.velocity.x, CAREFUL_SPEED);
    }

    #[test]
    fn walls_stop_him() {
        let level = room();
        let mut body = Body::standing_at(&level, Vec2::new(40.0, 16.0));
        run(&mut body, &level, LEFT, 3.0);
        assert_eq!(body.position.x, 8.0 + HALF_WIDTH);
    }

    #[test]
    fn stairs_take_him_to_the_upper_floor_and_back() {
        let level = room();
        let mut body = Body::standing_at(&level, Vec2::new(122.0, 16.0));
        run(&mut body, &level, UP, 3.0);
        assert_eq!(body.position, Vec2::new(200.0, 96.0));
        assert_eq!(body.footing, Footing::Floor(1));
        run(&mut body, &level, DOWN, 3.0);
        assert_eq!(body.position, Vec2::new(120.0, 16.0));
        assert_eq!(body.footing, Footing::Floor(0));
    }

    #[test]
    fn ladders_climb_and_walking_off_a_ledge_falls_to_the_floor_below() {
        let level = room();
        let mut body = Body::standing_at(&level, Vec2::new(288.0, 16.0));
        run(&mut body, &level, UP, 3.0);
        assert_eq!(body.position, Vec2::new(290.0, 96.0));
        assert_eq!(body.footing, Footing::Floor(1));
        run(&mut body, &level, RIGHT, 1.0);
        assert_eq!(
            body.footing,
            Footing::Floor(0),
            "fell from the upper floor's end"
        );
        assert_eq!(body.position.y, 16.0);
    }

    #[test]
    fn an_unknown_footing_index_falls_instead_of_panicking() {
        let level = room();
        let mut body = Body {
            position: Vec2::new(40.0, 60.0),
            velocity: Vec2::ZERO,
            footing: Footing::Stairs(9),
        };
        run(&mut body, &level, RIGHT, 2.0);
        assert_eq!(body.position.y, 16.0);
    }
}
