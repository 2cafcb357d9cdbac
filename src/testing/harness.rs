//! Building the headless app and stepping it through a script.

use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

use super::checks;
use super::player::{Progress, ScriptPlayer};
use super::script::{Expectation, Script, Step};
use super::trace::{self, Trace, TraceLine};
use super::verdict::Failure;
use crate::app::{self, HeadlessConfig, frame_time};
use crate::data::Diagnostic;
use crate::explore::motion;
use crate::input::{Action, ScriptedActions};
use crate::levels::{DataStatus, NightData, ProblemBoard, StartOverride};
use crate::states::Screen;

/// The longest [`Harness::settle_loading`] waits for data to load.
const LOAD_TIMEOUT: Duration = Duration::from_secs(10);

/// The headless game ([`app::headless`]) with the trace of what happens.
pub fn headless_app(config: &HeadlessConfig) -> App {
    app::headless(config, |app| {
        app.add_plugins(trace::plugin);
    })
}

/// A headless game that can be stepped, pressed and questioned.
pub struct Harness {
    app: App,
    fps: u32,
}

impl Harness {
    /// Builds the headless game and runs frames until the title is up and
    /// the data files have loaded (or failed to) and been judged. Loading
    /// takes a number of frames that varies from run to run, so no game time
    /// passes in them: the first timed frame is the same in every run.
    pub fn new(config: HeadlessConfig) -> Self {
        let mut app = headless_app(&config);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::ZERO));
        app.update();
        let mut harness = Self {
            app,
            fps: config.fps.max(1),
        };
        harness.settle_loading();
        harness
            .app
            .insert_resource(TimeUpdateStrategy::ManualDuration(frame_time(config.fps)));
        harness
    }

    /// Runs frames until the data is judged (and, with `--start`, the level
    /// is built), at most [`LOAD_TIMEOUT`]. Loading happens on other threads,
    /// so this waits in real time.
    fn settle_loading(&mut self) {
        let start = Instant::now();
        while start.elapsed() < LOAD_TIMEOUT && (self.loading() || self.starting()) {
            std::thread::sleep(Duration::from_millis(1));
            self.app.update();
        }
    }

    /// Whether a data file is still loading.
    fn loading(&self) -> bool {
        *self.app.world().resource::<DataStatus>() == DataStatus::Loading
    }

    /// Whether a new game asked for by `--start` has yet to arrive in its
    /// level (it cannot when the data has errors).
    fn starting(&self) -> bool {
        let world = self.app.world();
        world.resource::<StartOverride>().arrival.is_some()
            && world.resource::<NightData>().story.is_some()
            && self.level().is_none()
    }

    /// The errors in the data, which keep the game from playing it.
    pub fn data_errors(&self) -> Vec<Diagnostic> {
        self.app.world().resource::<ProblemBoard>().errors()
    }

    /// Lev's body, while he is in a level.
    pub fn lev(&mut self) -> Option<motion::Body> {
        checks::lev(self.app.world_mut())
    }

    /// The game's world, to read.
    pub fn world(&self) -> &World {
        self.app.world()
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
        checks::screen(self.app.world())
    }

    /// The id of the level Lev is in, once it is built.
    pub fn level(&self) -> Option<String> {
        checks::level(self.app.world())
    }

    /// Whether the pause menu is open.
    pub fn paused(&self) -> bool {
        checks::paused(self.app.world())
    }

    /// Everything recorded so far.
    pub fn trace(&self) -> &[TraceLine] {
        &self.app.world().resource::<Trace>().0
    }

    /// Whether `expectation` holds now; if not, says what was found instead.
    pub fn check(&mut self, expectation: &Expectation) -> Result<(), String> {
        checks::check(self.app.world_mut(), expectation)
    }

    /// Runs frames until `expectation` holds, for at most `seconds` of play.
    pub fn wait_until(&mut self, expectation: &Expectation, seconds: f32) -> Result<(), String> {
        self.run_step(&Step::WaitUntil(expectation.clone(), seconds))
    }

    /// Picks the open menu's item labelled `label`: moves the selection to
    /// it, as a player would, and confirms it.
    pub fn select(&mut self, label: &str) -> Result<(), String> {
        self.run_step(&Step::Select(label.to_owned()))
    }

    /// Walks Lev to `x` as a player would, stopping within half a pixel;
    /// fails if he cannot get there (a wall, the level's edge, a ladder).
    pub fn walk_to(&mut self, x: f32) -> Result<(), String> {
        self.run_step(&Step::WalkTo(x))
    }

    /// With the camera raised, puts the frame's centre at `at`, as near as
    /// Lev can reach.
    pub fn aim(&mut self, at: Vec2) -> Result<(), String> {
        self.run_step(&Step::Aim(at.x, at.y))
    }

    /// With the camera raised, sets the focal length in millimetres.
    pub fn zoom(&mut self, millimetres: u32) -> Result<(), String> {
        self.run_step(&Step::Zoom(millimetres))
    }

    /// Runs one step of a script.
    fn run_step(&mut self, step: &Step) -> Result<(), String> {
        let script = Script {
            description: String::new(),
            steps: vec![step.clone()],
        };
        match self.play(&script, |_| {}) {
            Ok(()) => Ok(()),
            Err(Failure::Step(failure)) => Err(failure.message),
            Err(failure) => Err(failure.to_string()),
        }
    }

    /// Runs `script` to its end or its first failing step, handing each new
    /// trace line to `on_line` as it happens. Data with errors fails at once,
    /// as the game would not play it.
    pub fn run(
        &mut self,
        script: &Script,
        mut on_line: impl FnMut(&TraceLine),
    ) -> Result<(), Failure> {
        for line in self.trace() {
            on_line(line);
        }
        self.play(script, on_line)
    }

    /// Plays `script` frame by frame with a [`ScriptPlayer`], handing each
    /// trace line recorded meanwhile to `on_line`.
    fn play(
        &mut self,
        script: &Script,
        mut on_line: impl FnMut(&TraceLine),
    ) -> Result<(), Failure> {
        let mut shown = self.trace().len();
        let mut player =
            ScriptPlayer::new(script.clone()).with_frames_of(frame_time(self.fps).as_secs_f64());
        loop {
            let progress = player.tick(self.app.world_mut());
            if let Progress::Finished(result) = progress {
                return result;
            }
            self.app.update();
            for line in &self.trace()[shown..] {
                on_line(line);
            }
            shown = self.trace().len();
        }
    }
}
