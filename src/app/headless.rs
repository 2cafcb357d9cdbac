//! The game with no window, renderer or sound card, stepped a fixed time a
//! frame: what the harness, the benchmarks and the tests run.

use std::path::PathBuf;
use std::time::Duration;

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use super::{Executor, PlayerFiles, use_executor};
use crate::GamePlugin;
use crate::content::Roots;
use crate::levels::{self, StartOverride};

/// How a headless app is built.
#[derive(Clone, Debug)]
pub struct HeadlessConfig {
    /// Simulated frames per second: each update advances time by `1 / fps`.
    pub fps: u32,
    /// The executor every schedule uses.
    pub executor: Executor,
    /// Where level data is read from.
    pub roots: Roots,
    /// Whether changed data files reload while the game runs.
    pub watch: bool,
    /// Where a new game begins, if not at the story's start (`--start`).
    pub start: StartOverride,
    /// The player's folder (`--data-dir`): saves, the lines seen and the
    /// nights played are kept there. Without it they last as long as the
    /// run.
    pub data_dir: Option<PathBuf>,
}

impl Default for HeadlessConfig {
    fn default() -> Self {
        Self {
            fps: 60,
            executor: Executor::default(),
            roots: Roots {
                base: Roots::default_base(),
                mods: None,
            },
            watch: false,
            start: StartOverride::default(),
            data_dir: None,
        }
    }
}

/// The game with `MinimalPlugins` and the input, asset and state plugins, no
/// window, renderer or audio, advancing a fixed `1 / fps` seconds per update;
/// `drive` adds what drives it (the harness's script player and trace)
/// before the app is finished.
pub fn headless(config: &HeadlessConfig, drive: impl FnOnce(&mut App)) -> App {
    let mut app = App::new();
    levels::register(&mut app, config.roots.clone());
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        AssetPlugin {
            watch_for_changes_override: Some(config.watch),
            ..default()
        },
        InputPlugin,
        GamePlugin,
    ))
    .insert_resource(config.start.clone())
    .insert_resource(TimeUpdateStrategy::ManualDuration(frame_time(config.fps)));
    if let Some(folder) = &config.data_dir {
        PlayerFiles::choose(Some(folder)).insert_into(&mut app);
    }
    drive(&mut app);
    app.finish();
    app.cleanup();
    use_executor(&mut app, config.executor);
    app
}

/// How long one frame of a run at `fps` frames a second is.
pub(crate) fn frame_time(fps: u32) -> Duration {
    Duration::from_secs_f64(1.0 / f64::from(fps.max(1)))
}
