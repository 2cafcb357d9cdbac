//! How a moving thing's sound reaches Lev: louder the nearer it is, in the
//! ear on its side, from where the first thing its motion moves is now.
//! Plain arithmetic over the level's data that a unit test drives.

use crate::content::schema::{Level, Motion, Placement, Point};
use crate::content::sprites;

/// Nearer than this, in level pixels, a sound is heard at its full volume.
const NEAR: f32 = 40.0;
/// Farther than this it is not heard at all; between, it fades as the
/// square of the way out.
const REACH: f32 = 640.0;
/// This far to one side a sound is as far into that ear as it goes.
const SIDE: f32 = 320.0;
/// How far into one ear a sound can go (1: that ear only). A little of
/// it always reaches the other.
const MOST_PAN: f32 = 0.8;
/// How loud a moving thing sounds standing (the tram's motor idling at
/// the stop), as a share of its sound going.
pub(crate) const STANDING: f32 = 0.3;

/// A sound as it reaches Lev.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Heard {
    /// 0 (not heard) to 1 (full).
    pub volume: f32,
    /// Left (-1) to right (1), kira's panning.
    pub pan: f32,
}

/// How a sound made at `from` reaches a listener at `by`.
pub(crate) fn heard(from: Point, by: Point) -> Heard {
    let (dx, dy) = (from.0 - by.0, from.1 - by.1);
    let distance = dx.hypot(dy);
    let out = ((distance - NEAR) / (REACH - NEAR)).clamp(0.0, 1.0);
    Heard {
        volume: (1.0 - out).powi(2),
        pan: MOST_PAN * (dx / SIDE).clamp(-1.0, 1.0),
    }
}

/// Where the sound of `motion` comes from in `level` when it stands at
/// `placement`: the centre of the first prop, person, light or subject
/// that goes with it (none: nothing does).
pub(crate) fn source(level: &Level, motion: &Motion, placement: &Placement) -> Option<Point> {
    let with = |moves: &Option<String>| moves.as_deref() == Some(motion.id.as_str());
    let standing = |sprite: &str, (x, y): Point| {
        let height = sprites::find(sprite).map_or(0.0, |s| s.size.1);
        (x, y + height / 2.0)
    };
    let home = (level.props.iter().find(|p| with(&p.moves)))
        .map(|p| standing(&p.sprite, p.at))
        .or_else(|| (level.npcs.iter().find(|n| with(&n.moves))).map(|n| standing(&n.sprite, n.at)))
        .or_else(|| level.lights.iter().find(|l| with(&l.moves)).map(|l| l.at))
        .or_else(|| (level.subjects.iter().find(|s| with(&s.moves))).map(|s| s.area.centre()))?;
    Some(placement.centre(home))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_it_is_full_and_it_fades_out_to_its_reach() {
        let lev = (100.0, 16.0);
        assert_eq!(
            heard((100.0, 16.0), lev),
            Heard {
                volume: 1.0,
                pan: 0.0
            }
        );
        // 40 px: still full. 340 px, half the way out from 40 to 640: a quarter.
        assert_eq!(heard((140.0, 16.0), lev).volume, 1.0);
        assert_eq!(heard((440.0, 16.0), lev).volume, 0.25);
        // 160 px to the left: a fifth of the way out, 0.8 squared.
        let left = heard((-60.0, 16.0), lev);
        assert!((left.volume - 0.64).abs() < 1e-6, "{left:?}");
        assert_eq!(left.pan, -0.4);
        assert_eq!(heard((740.0, 16.0), lev).volume, 0.0);
        assert_eq!(heard((1100.0, 16.0), lev).volume, 0.0);
    }

    #[test]
    fn it_is_in_the_ear_on_its_side_and_never_only_there() {
        let lev = (0.0, 0.0);
        assert_eq!(heard((160.0, 0.0), lev).pan, 0.4);
        assert_eq!(heard((320.0, 0.0), lev).pan, 0.8);
        assert_eq!(heard((900.0, 0.0), lev).pan, 0.8);
        assert_eq!(heard((-900.0, 0.0), lev).pan, -0.8);
        assert_eq!(heard((0.0, 200.0), lev).pan, 0.0, "straight above");
    }

    #[test]
    fn a_sound_comes_from_the_first_thing_that_moves_with_it() {
        let level: Level = crate::data::parse_ron(
            std::path::Path::new("l.level.ron"),
            r##"(id: "l", name: "L", bounds: (x: 0, y: 0, w: 800, h: 200), spawns: [(id: "s", at: (10, 16))],
                props: [(sprite: "bench", at: (50, 16)), (sprite: "tram", at: (400, 16), moves: "tram")],
                lights: [(at: (380, 30), radius: 20, colour: "#ffffff", intensity: 1, moves: "tram")],
                motions: [(id: "tram", start: Play, keys: [(t: 0, by: (0, 0))]),
                          (id: "glow", start: Play, keys: [(t: 0, by: (0, 0))])])"##,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let moved = Placement {
            by: (-100.0, 0.0),
            ..Placement::STILL
        };
        // The tram is 26 px high: its centre is 13 above its feet.
        assert_eq!(
            source(&level, &level.motions[0], &moved),
            Some((300.0, 29.0))
        );
        assert_eq!(source(&level, &level.motions[1], &moved), None);
    }
}
