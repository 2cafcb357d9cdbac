//! What happened during a headless run, one line per happening, so a script
//! run can print it and a test can read it.

use bevy::diagnostic::{FrameCount, update_frame_count};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::audio::{PlaySfx, SetAmbience, SetMusic};
use crate::explore::{DialogueRequested, Inspected};
use crate::levels::{CurrentLevel, ProblemBoard};
use crate::screens::{Pause, Screen};
use crate::story::StoryEvent;

/// One thing that happened, with the frame and game time it happened at.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceLine {
    /// The frame it happened in, counting the first frame as 0.
    pub frame: u32,
    /// Seconds of real (simulated) time since the app started.
    pub seconds: f64,
    /// What happened, for example `screen: Title -> Playing`.
    pub text: String,
}

/// Everything that happened so far in this run.
#[derive(Resource, Default, Debug)]
pub struct Trace(pub Vec<TraceLine>);

pub(super) fn plugin(app: &mut App) {
    app.add_observer(|event: On<StoryEvent>, mut recorder: Recorder| {
        recorder.push(format!("story: {} (from {})", event.name, event.source));
    })
    .add_observer(|event: On<Inspected>, mut recorder: Recorder| {
        recorder.push(format!("inspect: {}: {}", event.id, event.text));
    })
    .add_observer(|event: On<DialogueRequested>, mut recorder: Recorder| {
        recorder.push(format!("dialogue: {}", event.id));
    });
    app.init_resource::<Trace>().add_systems(
        Last,
        (
            record_screens,
            record_pause,
            record_levels,
            record_problems,
            record_sounds,
            record_exit,
        )
            .before(update_frame_count),
    );
}

/// Appends lines to the [`Trace`], stamped with the frame and time.
#[derive(SystemParam)]
struct Recorder<'w> {
    trace: ResMut<'w, Trace>,
    frame: Res<'w, FrameCount>,
    time: Res<'w, Time<Real>>,
}

impl Recorder<'_> {
    fn push(&mut self, text: String) {
        let line = TraceLine {
            frame: self.frame.0,
            seconds: self.time.elapsed_secs_f64(),
            text,
        };
        self.trace.0.push(line);
    }
}

fn record_screens(
    mut transitions: MessageReader<StateTransitionEvent<Screen>>,
    mut recorder: Recorder,
) {
    for change in transitions.read() {
        match (change.exited, change.entered) {
            (Some(from), Some(to)) => recorder.push(format!("screen: {from:?} -> {to:?}")),
            (None, Some(to)) => recorder.push(format!("screen: {to:?}")),
            _ => {}
        }
    }
}

fn record_pause(
    mut transitions: MessageReader<StateTransitionEvent<Pause>>,
    mut recorder: Recorder,
) {
    for change in transitions.read() {
        if let (Some(from), Some(to)) = (change.exited, change.entered) {
            recorder.push(format!("pause: {from:?} -> {to:?}"));
        }
    }
}

fn record_levels(
    current: Option<Res<CurrentLevel>>,
    mut last: Local<Option<String>>,
    mut recorder: Recorder,
) {
    let now = current
        .filter(|c| c.spawned)
        .map(|c| format!("level: {} (arrived at {})", c.id, c.spawn));
    if now != *last {
        if let Some(line) = &now {
            recorder.push(line.clone());
        }
        *last = now;
    }
}

fn record_problems(
    board: Res<ProblemBoard>,
    mut shown: Local<(u64, Vec<String>)>,
    mut recorder: Recorder,
) {
    let version = board.version();
    if version == shown.0 {
        return;
    }
    let problems = board.all();
    let lines: Vec<String> = problems.iter().map(|p| format!("data: {p}")).collect();
    if lines != shown.1 {
        if lines.is_empty() {
            recorder.push("data: no problems".into());
        }
        for line in &lines {
            recorder.push(line.clone());
        }
    }
    *shown = (version, lines);
}

fn record_sounds(
    mut sounds: MessageReader<PlaySfx>,
    mut ambiences: MessageReader<SetAmbience>,
    mut scores: MessageReader<SetMusic>,
    mut recorder: Recorder,
) {
    for PlaySfx(sfx) in sounds.read() {
        recorder.push(format!("sound: {sfx:?}"));
    }
    for SetAmbience(ambience) in ambiences.read() {
        match ambience {
            Some(kind) => recorder.push(format!("ambience: {kind:?}")),
            None => recorder.push("ambience: none".into()),
        }
    }
    for SetMusic(music) in scores.read() {
        match music {
            Some(kind) => recorder.push(format!("music: {kind:?}")),
            None => recorder.push("music: none".into()),
        }
    }
}

fn record_exit(mut exits: MessageReader<AppExit>, mut recorder: Recorder) {
    for exit in exits.read() {
        recorder.push(format!("exit: {exit:?}"));
    }
}
