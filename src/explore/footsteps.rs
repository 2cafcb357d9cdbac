//! Footsteps: one every stride Lev walks or climbs, in the sound of what he
//! walks on.

use bevy::prelude::*;

use super::{ExploreSystems, Moved};
use crate::audio::{PlaySfx, Sfx};

/// Pixels between two footsteps.
const STRIDE: f32 = 12.0;

/// Distance walked since the last footstep.
#[derive(Resource, Debug, Default)]
struct Stride(f32);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Moved>()
        .init_resource::<Stride>()
        .add_systems(Update, step_sounds.in_set(ExploreSystems));
}

fn step_sounds(
    mut moved: MessageReader<Moved>,
    mut stride: ResMut<Stride>,
    mut sfx: MessageWriter<PlaySfx>,
) {
    for step in moved.read() {
        let Some(surface) = step.surface else {
            continue;
        };
        stride.0 += step.distance;
        if stride.0 >= STRIDE {
            stride.0 -= STRIDE;
            sfx.write(PlaySfx(Sfx::Footstep(surface)));
        }
    }
}
