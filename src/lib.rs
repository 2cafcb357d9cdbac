//! Long Exposure: one night in Moscow with Lev Kalmurzaev, street photographer.
//!
//! The whole game lives in this library; the `long-exposure` binary only parses
//! the command line. [`GamePlugin`] adds one plugin per capability. The same
//! plugins run in a window and headless, both built in [`app`]; headless, a
//! scripted-input file drives them ([`testing`]) for system tests, mod checks
//! and benchmarks.

pub mod app;
pub mod art;
pub mod audio;
pub mod bench;
pub mod content;
pub mod data;
#[cfg(feature = "dev")]
mod dev_tools;
pub mod dialogue;
pub mod explore;
pub mod input;
pub mod levels;
pub mod loading;
mod menus;
pub mod photo;
pub mod random;
pub mod save;
mod screens;
pub mod settings;
pub mod states;
pub mod story;
pub mod testing;
pub mod ui;
pub mod world;

use bevy::prelude::*;

/// The game's own plugins, without any engine plugins: add it to an app that
/// already has either `DefaultPlugins` ([`app::windowed::app`]) or the
/// headless set ([`app::headless`]), after [`levels::register`].
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            (
                states::plugin,
                loading::plugin,
                settings::plugin,
                art::plugin,
                input::plugin,
                audio::plugin,
                ui::plugin,
                screens::plugin,
                menus::plugin,
            ),
            (
                levels::plugin,
                world::plugin,
                explore::plugin,
                photo::plugin,
                story::plugin,
                dialogue::plugin,
                save::plugin,
            ),
        ));
    }
}
