//! What moves in the level is drawn where its motion puts it at this
//! instant (read from the story state, as the judge reads it), turned as
//! far as it has turned.

use bevy::prelude::*;

use crate::levels::{ActiveLevel, LevelSystems};
use crate::states::Screen;
use crate::story::{MotionSystems, StoryState};

/// A part of the level that goes along with a motion: its id, and where
/// the level puts the part's centre.
#[derive(Component, Debug, Clone)]
pub struct Moving {
    /// The motion's id in the level.
    pub motion: String,
    /// The part's centre where the level puts it, in level pixels.
    pub home: Vec2,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        follow_motions
            .after(MotionSystems)
            .after(LevelSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// The part that goes with `moves`, centred at `home`, if it moves.
pub(super) fn moving(moves: &Option<String>, home: Vec2) -> Option<Moving> {
    moves.as_ref().map(|motion| Moving {
        motion: motion.clone(),
        home,
    })
}

fn follow_motions(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    mut parts: Query<(&Moving, &mut Transform)>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    for (moving, mut transform) in &mut parts {
        let placement = state.placement(level, Some(&moving.motion));
        let (x, y) = placement.centre(moving.home.into());
        let z = transform.translation.z;
        let rotation = Quat::from_rotation_z(placement.turn.to_radians());
        let translation = Vec3::new(x, y, z);
        if transform.translation != translation || transform.rotation != rotation {
            transform.translation = translation;
            transform.rotation = rotation;
        }
    }
}
