//! The game's screens as states: [`Screen`] for the big steps of a session,
//! [`Pause`] inside [`Screen::Playing`]. Each screen spawns its entities with
//! `DespawnOnExit`, so leaving a screen cleans up after it.

mod ending;
mod pause;
mod playing;
mod title;

use bevy::camera::ScalingMode;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ui::theme;

/// Height of the world view in virtual pixels (320x180 at 16:9).
pub const VIRTUAL_HEIGHT: f32 = 180.0;
/// The size of the world view, in virtual pixels.
pub const VIEW: Vec2 = Vec2::new(VIRTUAL_HEIGHT * 16.0 / 9.0, VIRTUAL_HEIGHT);

/// Which screen the game is on.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Screen {
    /// The title and its menu.
    #[default]
    Title,
    /// The night itself.
    Playing,
    /// Sunrise, the ending and the developed roll.
    Ending,
}

/// Whether play is paused. Exists only while [`Screen::Playing`]; pausing
/// stops virtual time, so the night clock and everything moving in it stop.
#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Playing)]
pub enum Pause {
    /// The night goes on.
    #[default]
    Running,
    /// The pause menu is open and time stands still.
    Paused,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<Pause>()
        .insert_resource(ClearColor(theme::NIGHT))
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
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::FixedVertical {
                viewport_height: VIRTUAL_HEIGHT,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}
