//! Building the headless app and stepping it through a script.

use std::fmt;
use std::time::{Duration, Instant};

use bevy::asset::{LoadState, UntypedAssetId};

use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use super::script::{Expectation, Script, Step};
use super::trace::{self, Trace, TraceLine};
use crate::GamePlugin;
use crate::input::{Action, ScriptedActions};
use crate::levels::{self, CurrentLevel, NightData, Roots, StoryAsset};

/// The longest [`Harness::settle_loading`] waits for data to load.
pub const LOAD_TIMEOUT: Duration = Duration::from_secs(10);
use crate::screens::{Pause, Screen};

/// Which of Bevy's schedule executors runs the systems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Executor {
    /// All systems on the calling thread: far less overhead on few cores.
    #[default]
    SingleThreaded,
    /// Bevy's default, running systems in parallel on the task pool.
    MultiThreaded,
}

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
        }
    }
}

/// The game with `MinimalPlugins` and the input, asset and state plugins, no
/// window, renderer or audio, advancing a fixed `1 / fps` seconds per update.
pub fn headless_app(config: &HeadlessConfig) -> App {
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
        trace::plugin,
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(frame_time(config.fps)));
    app.finish();
    app.cleanup();
    if config.executor == Executor::SingleThreaded {
        for (_, schedule) in app.world_mut().resource_mut::<Schedules>().iter_mut() {
            schedule.set_executor(SingleThreadedExecutor::new());
        }
    }
    app
}

fn frame_time(fps: u32) -> Duration {
    Duration::from_secs_f64(1.0 / f64::from(fps.max(1)))
}

/// A step of a script that did not go as expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// 1-based number of the failing step.
    pub step: usize,
    /// The step as written in RON.
    pub step_text: String,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "step {} `{}` failed: {}",
            self.step, self.step_text, self.message
        )
    }
}

/// A headless game that can be stepped, pressed and questioned.
pub struct Harness {
    app: App,
    fps: u32,
}

impl Harness {
    /// Builds the headless game and runs frames until the title is up and
    /// the story and its levels have loaded (or failed to).
    pub fn new(config: HeadlessConfig) -> Self {
        let mut app = headless_app(&config);
        app.update();
        let mut harness = Self {
            app,
            fps: config.fps.max(1),
        };
        harness.settle_loading();
        harness
    }

    /// Runs frames until no asset is loading, at most [`LOAD_TIMEOUT`].
    /// Loading happens on other threads, so this waits in real time.
    pub fn settle_loading(&mut self) {
        let start = Instant::now();
        while start.elapsed() < LOAD_TIMEOUT && self.loading() {
            std::thread::sleep(Duration::from_millis(1));
            self.app.update();
        }
    }

    /// Whether the story, or a level it names, is still loading.
    fn loading(&self) -> bool {
        let world = self.app.world();
        let server = world.resource::<AssetServer>();
        let data = world.resource::<NightData>();
        let done = |id: UntypedAssetId| {
            matches!(
                server.get_load_state(id),
                Some(LoadState::Loaded | LoadState::Failed(_))
            )
        };
        if !done(data.story.id().untyped()) {
            return true;
        }
        let named = world
            .resource::<Assets<StoryAsset>>()
            .get(&data.story)
            .map_or(0, |s| s.story.chapters.iter().map(|c| c.levels.len()).sum());
        data.levels.len() < named || !data.levels.iter().all(|(_, h)| done(h.id().untyped()))
    }

    /// The app, for anything the harness does not wrap.
    pub fn app(&mut self) -> &mut App {
        &mut self.app
    }

    /// Runs `count` frames.
    pub fn frames(&mut self, count: u32) {
        for _ in 0..count {
            self.app.update();
        }
    }

    /// Frames that `seconds` of game time take at this harness's frame rate.
    pub fn frames_in(&self, seconds: f32) -> u32 {
        (f64::from(seconds) * f64::from(self.fps)).round() as u32
    }

    /// Holds `action` down from the next frame on.
    pub fn hold(&mut self, action: Action) {
        self.scripted().held.insert(action);
    }

    /// Lets go of `action` from the next frame on.
    pub fn release(&mut self, action: Action) {
        self.scripted().held.remove(&action);
    }

    /// Presses `action` for one frame and lets it go for the next, like a tap.
    pub fn press(&mut self, action: Action) {
        self.hold(action);
        self.frames(1);
        self.release(action);
        self.frames(1);
    }

    fn scripted(&mut self) -> Mut<'_, ScriptedActions> {
        self.app.world_mut().resource_mut::<ScriptedActions>()
    }

    /// The current screen.
    pub fn screen(&self) -> Option<Screen> {
        self.app
            .world()
            .get_resource::<State<Screen>>()
            .map(|state| *state.get())
    }

    /// The id of the level Lev is in, once it is built.
    pub fn level(&self) -> Option<String> {
        let current = self.app.world().get_resource::<CurrentLevel>()?;
        current.spawned.then(|| current.id.clone())
    }

    /// Whether the pause menu is open.
    pub fn paused(&self) -> bool {
        self.app
            .world()
            .get_resource::<State<Pause>>()
            .is_some_and(|state| *state.get() == Pause::Paused)
    }

    /// Everything recorded so far.
    pub fn trace(&self) -> &[TraceLine] {
        &self.app.world().resource::<Trace>().0
    }

    /// Whether `expectation` holds now; if not, says what was found instead.
    pub fn check(&mut self, expectation: &Expectation) -> Result<(), String> {
        match expectation {
            Expectation::Screen(want) => match self.screen() {
                Some(found) if found == *want => Ok(()),
                found => Err(format!("expected screen {want:?}, found {found:?}")),
            },
            Expectation::Paused(want) => match self.paused() {
                found if found == *want => Ok(()),
                found => Err(format!("expected paused = {want}, found paused = {found}")),
            },
            Expectation::Level(want) => match self.level() {
                Some(found) if found == *want => Ok(()),
                found => Err(format!("expected level `{want}`, found {found:?}")),
            },
            Expectation::Happened(text) => match self.trace().iter().any(|l| l.text.contains(text))
            {
                true => Ok(()),
                false => Err(format!("expected a line containing `{text}`; none so far")),
            },
            Expectation::Exited => match self.app.should_exit() {
                Some(_) => Ok(()),
                None => Err("expected the game to have quit, it is still running".into()),
            },
        }
    }

    /// Runs one step of a script.
    pub fn run_step(&mut self, step: &Step) -> Result<(), String> {
        match step {
            Step::WaitFrames(count) => self.frames(*count),
            Step::WaitSeconds(seconds) if seconds.is_finite() && *seconds >= 0.0 => {
                self.frames(self.frames_in(*seconds));
            }
            Step::WaitSeconds(seconds) => {
                return Err(format!("cannot wait {seconds} seconds: give 0 or more"));
            }
            Step::Press(action) => self.press(*action),
            Step::Hold(action) => self.hold(*action),
            Step::Release(action) => self.release(*action),
            Step::Expect(expectation) => self.check(expectation)?,
        }
        Ok(())
    }

    /// Runs `script` to its end or its first failing step, handing each new
    /// trace line to `on_line` as it happens.
    pub fn run(
        &mut self,
        script: &Script,
        mut on_line: impl FnMut(&TraceLine),
    ) -> Result<(), Failure> {
        let mut shown = 0;
        for (index, step) in script.steps.iter().enumerate() {
            let result = self.run_step(step);
            for line in &self.trace()[shown..] {
                on_line(line);
            }
            shown = self.trace().len();
            result.map_err(|message| Failure {
                step: index + 1,
                step_text: ron::to_string(step).unwrap_or_else(|_| format!("{step:?}")),
                message,
            })?;
        }
        Ok(())
    }
}
