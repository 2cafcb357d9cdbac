//! What each screen shows: the title, the night being played, the pause
//! menu and the ending. The states themselves are the base's
//! ([`crate::states`]); each screen spawns its entities with
//! `DespawnOnExit`, so leaving a screen cleans up after it.

mod ending;
mod pause;
mod playing;
mod title;

use bevy::camera::ScalingMode;
use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use crate::states::{OVERLAY_LAYER, PHOTOGRAPHER_LAYER, VIRTUAL_HEIGHT, WORLD_LAYER};
use crate::ui::theme;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(theme::NIGHT))
        .add_systems(Startup, spawn_camera)
        .add_plugins((
            title::plugin,
            playing::plugin,
            pause::plugin,
            ending::plugin,
        ));
}

/// The one camera: the world is seen [`VIRTUAL_HEIGHT`] pixels tall whatever
/// the window size, and UI draws over it.
fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("Camera"),
        Camera2d,
        // The world, Lev and the viewfinder's overlay (a photograph's
        // camera sees only the world); the UI draws here too.
        RenderLayers::from_layers(&[WORLD_LAYER, PHOTOGRAPHER_LAYER, OVERLAY_LAYER]),
        IsDefaultUiCamera,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::FixedVertical {
                viewport_height: VIRTUAL_HEIGHT,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}
