//! The base every capability builds on: the screens as states, the pause,
//! the set of systems that stop while paused, the virtual resolution and
//! the render layers.
//! It imports no capability, so any of them can gate on it.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Height of the world view in virtual pixels (320x180 at 16:9).
pub const VIRTUAL_HEIGHT: f32 = 180.0;
/// The size of the world view, in virtual pixels.
pub const VIEW: Vec2 = Vec2::new(VIRTUAL_HEIGHT * 16.0 / 9.0, VIRTUAL_HEIGHT);

/// The render layer of the world: what a photograph shows.
pub const WORLD_LAYER: usize = 0;
/// The render layer of the viewfinder's overlay: the player sees it, a
/// photograph does not.
pub const OVERLAY_LAYER: usize = 1;
/// The render layer of what the player sees and a photograph does not
/// show: Lev himself, and a figure standing in a mirror subject.
pub const PHOTOGRAPHER_LAYER: usize = 2;
/// The render layer only a photograph shows: Lev's reflection where a
/// mirror subject's figure stands.
pub const MIRROR_LAYER: usize = 3;
/// The render layer of the window's own camera: the view, drawn at the
/// virtual resolution, scaled up once to fill the window.
pub const SCREEN_LAYER: usize = 4;

/// The camera that shows the world to the player, at the virtual
/// resolution: it follows Lev, and the mouse aims through it.
#[derive(Component, Debug, Default)]
pub struct ViewCamera;

/// Where the view lies in the window: the top-left corner of its picture
/// in logical pixels, and how many window pixels one virtual pixel covers.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct ViewOnScreen {
    /// The picture's top-left corner in the window, in logical pixels.
    pub corner: Vec2,
    /// Window pixels to a virtual pixel.
    pub scale: f32,
}

impl Default for ViewOnScreen {
    fn default() -> Self {
        Self {
            corner: Vec2::ZERO,
            scale: 1.0,
        }
    }
}

impl ViewOnScreen {
    /// Where the view fits a window of `size` logical pixels: the largest
    /// whole scale that fits (so every virtual pixel is the same size),
    /// or a fraction for a window smaller than the view, centred.
    pub fn fitting(size: Vec2) -> Self {
        let fit = (size / VIEW).min_element();
        let scale = if fit >= 1.0 {
            fit.floor()
        } else {
            fit.max(0.01)
        };
        Self {
            corner: ((size - VIEW * scale) / 2.0).round(),
            scale,
        }
    }

    /// The point of the view's picture under the window's logical point `at`.
    pub fn to_view(&self, at: Vec2) -> Vec2 {
        (at - self.corner) / self.scale
    }
}

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

/// Systems of the night that run only while playing and not paused (in
/// `Update` and `FixedUpdate`), as bevy_new_2d's `PausableSystems`.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PausableSystems;

/// What runs as the game quits (in `Last`, once the window's closing has
/// asked to exit): first what finishes the player's work (pictures on their
/// way to disk, the roll being developed), then what saves the night, so
/// that the save records the finished work.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quitting {
    /// Work on its way finishes.
    Finish,
    /// The night is saved.
    Save,
}

/// Whether the game is quitting this frame: some `AppExit` was sent.
pub fn quitting(exits: MessageReader<AppExit>) -> bool {
    !exits.is_empty()
}

pub(super) fn plugin(app: &mut App) {
    // `Pause` exists only while playing: running means playing, not paused.
    app.init_state::<Screen>()
        .add_sub_state::<Pause>()
        .configure_sets(Update, PausableSystems.run_if(in_state(Pause::Running)))
        .configure_sets(
            FixedUpdate,
            PausableSystems.run_if(in_state(Pause::Running)),
        )
        .configure_sets(
            Last,
            (Quitting::Finish, Quitting::Save)
                .chain()
                .after(bevy::window::ExitSystems),
        );
}
