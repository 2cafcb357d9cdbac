//! What moves in the level is drawn where its motion puts it at this
//! instant (read from the story state, as the judge reads it), turned as
//! far as it has turned.

use bevy::prelude::*;

use crate::art::sheets::{Animated, SpriteSheets};
use crate::levels::{ActiveLevel, LevelSystems};
use crate::states::Screen;
use crate::story::{MotionSystems, StoryState};

/// A part of the level that goes along with a motion: its id, where the
/// level puts the part's centre, and how its sprite goes while it moves.
#[derive(Component, Debug, Clone)]
pub struct Moving {
    /// The motion's id in the level.
    pub motion: String,
    /// The part's centre where the level puts it, in level pixels.
    pub home: Vec2,
    /// Its sheet's animation for going (a pigeon flies, a walker walks),
    /// if it has one: it plays while the part moves, and the part faces
    /// the way it goes.
    pub gait: Option<Gait>,
}

/// The animation a moving sprite plays while it goes: `going` from the
/// sheet `sheet`, `idle` when it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gait {
    /// The sprite's sheet.
    pub sheet: &'static str,
    /// The animation it plays while it moves.
    pub going: &'static str,
}

/// The animations, in order of preference, a sprite plays while it moves.
const GOING: [&str; 2] = ["fly", "walk"];

/// Moving less than this between two frames, in level pixels, is standing.
const STANDING: f32 = 1e-3;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        follow_motions
            .after(MotionSystems)
            .after(LevelSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// The part that goes with `moves`, centred at `home`, if it moves; its
/// gait from the sheet `sheet` where the sheets are loaded and it has one.
pub(super) fn moving(
    moves: &Option<String>,
    home: Vec2,
    sheet: Option<(&SpriteSheets, &'static str)>,
) -> Option<Moving> {
    let gait = sheet.and_then(|(sheets, sheet)| {
        let going = GOING.into_iter().find(|going| sheets.has(sheet, going))?;
        Some(Gait { sheet, going })
    });
    moves.as_ref().map(|motion| Moving {
        motion: motion.clone(),
        home,
        gait,
    })
}

fn follow_motions(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    sheets: Option<Res<SpriteSheets>>,
    mut parts: Query<(
        &Moving,
        &mut Transform,
        Option<&mut Animated>,
        Option<&mut Sprite>,
    )>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    for (moving, mut transform, animated, sprite) in &mut parts {
        let placement = state.placement(level, Some(&moving.motion));
        let (x, y) = placement.centre(moving.home.into());
        let z = transform.translation.z;
        let rotation = Quat::from_rotation_z(placement.turn.to_radians());
        let translation = Vec3::new(x, y, z);
        let step = translation - transform.translation;
        if step != Vec3::ZERO || transform.rotation != rotation {
            transform.translation = translation;
            transform.rotation = rotation;
        }
        if let (Some(gait), Some(sheets), Some(animated), Some(sprite)) =
            (moving.gait, sheets.as_deref(), animated, sprite)
        {
            step_gait(gait, step.truncate(), sheets, animated, sprite);
        }
    }
}

/// Plays `gait`'s going animation while the part moves (facing the way it
/// goes) and its sheet's idle one when it stands.
fn step_gait(
    gait: Gait,
    step: Vec2,
    sheets: &SpriteSheets,
    mut animated: Mut<Animated>,
    mut sprite: Mut<Sprite>,
) {
    let going = step.length() > STANDING;
    let wanted = if going { gait.going } else { "idle" };
    if animated.name != wanted
        && (going || animated.name == gait.going)
        && let Some(next) = sheets.animation(gait.sheet, wanted)
    {
        *animated = next;
    }
    if going && step.x.abs() > STANDING && sprite.flip_x != (step.x < 0.0) {
        sprite.flip_x = step.x < 0.0;
    }
}
