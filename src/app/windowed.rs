//! Windowed play: Bevy's default plugins, a 1280x720 window, kira audio.
//!
//! Without a display or a GPU the game stops with one clear line that points
//! to `--headless`, not a panic backtrace.

use std::sync::atomic::{AtomicBool, Ordering};

use bevy::diagnostic::{FrameTimeDiagnosticsPlugin, LogDiagnosticsPlugin};
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow};

use super::{Executor, PlayerFiles, use_executor};
use crate::GamePlugin;
use crate::art::sheets::AssetsFolder;
use crate::audio::playback;
use crate::content::Roots;
use crate::levels;
use crate::levels::StartOverride;
use crate::settings::{Settings, WindowMode};

/// Set once the first frame runs; panics before that are start-up failures.
static STARTED: AtomicBool = AtomicBool::new(false);

/// What to say when the game cannot open a window.
const NO_WINDOW_HINT: &str = "run `long-exposure --headless --script FILE` to play without \
                              a display, GPU or sound card";

/// How the window opens, as the command line asks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Launch {
    /// Log frames per second and frame time every second.
    pub log_fps: bool,
    /// The window's size, in place of the one the settings choose.
    pub window_size: Option<UVec2>,
}

/// A window size asked for on the command line: the settings' window size
/// is not applied over it.
#[derive(Resource, Debug, Clone, Copy)]
struct FixedWindowSize;

/// The game in a window, with sound, reading data from `roots`, beginning
/// new games at `start` and writing to `files`, opened as `launch` asks.
pub fn app(roots: Roots, start: StartOverride, files: PlayerFiles, launch: Launch) -> App {
    app_with(
        roots,
        start,
        files,
        launch,
        |_| {},
        Executor::SingleThreaded,
    )
}

/// As [`app`], with `drive` adding what drives it (a script played in the
/// window), the game's systems run by `executor`.
pub fn app_with(
    roots: Roots,
    start: StartOverride,
    files: PlayerFiles,
    launch: Launch,
    drive: impl FnOnce(&mut App),
    executor: Executor,
) -> App {
    let mut app = App::new();
    let assets = roots.assets();
    levels::register(&mut app, roots);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Long Exposure".into(),
                    resolution: launch.window_size.unwrap_or(UVec2::new(1280, 720)).into(),
                    ..default()
                }),
                ..default()
            })
            .set(ImagePlugin::default_nearest())
            .set(AssetPlugin {
                file_path: assets.display().to_string(),
                ..default()
            }),
    )
    .insert_resource(AssetsFolder(assets))
    .add_plugins((GamePlugin, playback::plugin))
    .insert_resource(start)
    .add_systems(First, mark_started.run_if(run_once))
    .add_systems(
        Update,
        (
            apply_window_settings.run_if(resource_changed::<Settings>),
            set_window_icon,
        ),
    );
    files.insert_into(&mut app);
    #[cfg(feature = "dev")]
    app.add_plugins(crate::dev_tools::plugin);
    if launch.window_size.is_some() {
        app.insert_resource(FixedWindowSize);
    }
    drive(&mut app);
    if launch.log_fps {
        app.add_plugins((
            FrameTimeDiagnosticsPlugin::default(),
            LogDiagnosticsPlugin::default(),
        ));
    }
    // The game's and the renderer's systems are many and small: on a
    // machine of few cores, handing them out to threads costs more than it
    // saves, and a renderer that fills pixels on the CPU (where there is no
    // GPU) needs those cores. Rendering keeps its own thread beside the
    // game's. Measured by `bench --window`.
    use_executor(&mut app, executor);
    app
}

/// Plays the game in a window until the player quits. A missing display or
/// GPU gives one line on stderr and a failing exit code.
pub fn run(
    roots: Roots,
    start: StartOverride,
    files: PlayerFiles,
    launch: Launch,
    drive: impl FnOnce(&mut App),
) -> AppExit {
    if let Some(problem) = missing_display() {
        eprintln!("long-exposure: {problem}; {NO_WINDOW_HINT}");
        return AppExit::error();
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if STARTED.load(Ordering::SeqCst) {
            default_hook(info);
        } else {
            let reason = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("unknown error");
            let reason = reason.lines().next().unwrap_or(reason);
            eprintln!("long-exposure: could not open the game window ({reason}); {NO_WINDOW_HINT}");
            std::process::exit(1);
        }
    }));
    app_with(roots, start, files, launch, drive, Executor::SingleThreaded).run()
}

/// The window's icon, from `art/icon.png` in the assets folder, once the
/// window exists (on the main thread, where winit keeps its windows). A
/// missing or broken icon is reported and the window keeps the platform's.
fn set_window_icon(
    folder: Res<AssetsFolder>,
    mut done: Local<bool>,
    _main_thread: bevy::ecs::system::NonSendMarker,
) {
    if *done {
        return;
    }
    let path = folder
        .0
        .join(crate::art::sheets::FOLDER)
        .join(crate::art::ICON);
    let icon = image::open(&path)
        .map_err(|e| e.to_string())
        .and_then(|picture| {
            let picture = picture.into_rgba8();
            let (w, h) = picture.dimensions();
            winit::window::Icon::from_rgba(picture.into_raw(), w, h).map_err(|e| e.to_string())
        });
    let icon = match icon {
        Ok(icon) => icon,
        Err(problem) => {
            warn!(
                "{}: the window keeps its own icon: {problem}",
                path.display()
            );
            *done = true;
            return;
        }
    };
    bevy::winit::WINIT_WINDOWS.with_borrow(|windows| {
        for window in windows.windows.values() {
            window.set_window_icon(Some(icon.clone()));
            *done = true;
        }
    });
}

/// The player's window mode and size, applied at once (the size unless the
/// command line fixed it).
fn apply_window_settings(
    settings: Res<Settings>,
    fixed: Option<Res<FixedWindowSize>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    let Ok(mut window) = windows.single_mut() else {
        return;
    };
    let mode = match settings.window_mode {
        WindowMode::Windowed => bevy::window::WindowMode::Windowed,
        WindowMode::Borderless => {
            bevy::window::WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        }
    };
    if window.mode != mode {
        window.mode = mode;
    }
    let size = crate::states::VIEW * settings.window_scale as f32;
    if mode == bevy::window::WindowMode::Windowed && fixed.is_none() && window.size() != size {
        window.resolution.set(size.x, size.y);
    }
}

fn mark_started() {
    STARTED.store(true, Ordering::SeqCst);
}

/// On Linux and the BSDs a window needs an X11 or Wayland display.
fn missing_display() -> Option<&'static str> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos"), not(target_os = "ios")));
    let set = |name| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    (unix_desktop && !set("DISPLAY") && !set("WAYLAND_DISPLAY"))
        .then_some("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)")
}
