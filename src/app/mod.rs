//! How the game's app is built, in one place: in a window with sound
//! ([`windowed`]) or headless ([`headless`]), where the player's files are
//! kept ([`PlayerFiles`]) and which executor runs the systems
//! ([`Executor`]). `main`, the harness, the benchmarks and the tests build
//! it here; what drives a run (a player, a script) is added by the caller.

mod files;
mod headless;
pub mod windowed;

pub use files::PlayerFiles;
pub(crate) use headless::frame_time;
pub use headless::{HeadlessConfig, headless};

use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;

/// Which of Bevy's schedule executors runs the systems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Executor {
    /// All systems on the calling thread: far less overhead on few cores.
    #[default]
    SingleThreaded,
    /// Bevy's default, running systems in parallel on the task pool.
    MultiThreaded,
}

/// Runs every schedule `app` and its sub-apps (the renderer's, in a
/// window) have now with `executor` (Bevy's default is multi-threaded).
pub fn use_executor(app: &mut App, executor: Executor) {
    if executor == Executor::SingleThreaded {
        for sub_app in app.sub_apps_mut().iter_mut() {
            let world = sub_app.world_mut();
            for (_, schedule) in world.resource_mut::<Schedules>().iter_mut() {
                schedule.set_executor(SingleThreadedExecutor::new());
            }
        }
    }
}
