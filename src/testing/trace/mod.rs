//! What happened during a headless run, one line per happening, so a script
//! run can print it and a test can read it.

mod events;

use std::collections::{BTreeMap, BTreeSet};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::time::TimeSystems;

use crate::audio::{PlaySfx, SetAmbience, SetMusic};
use crate::content::schema::Value;
use crate::explore::motion::Footing;
use crate::explore::{Body, Lev};
use crate::levels::{CurrentLevel, DataStatus, ProblemBoard};
use crate::states::{Pause, Screen};
use crate::story::StoryState;

/// One thing that happened, with the frame and game time it happened at.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceLine {
    /// The frame it happened in: 0 while loading (no game time passes),
    /// then 1 for the first frame in which time passed, and so on.
    pub frame: u32,
    /// Seconds of real (simulated) time since the app started.
    pub seconds: f64,
    /// What happened, for example `screen: Title -> Playing`.
    pub text: String,
}

impl std::fmt::Display for TraceLine {
    /// `[frame     12    0.200s] screen: Title -> Playing`, as a run prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "[frame {:>6} {:>8.3}s] {}",
            self.frame, self.seconds, self.text
        )
    }
}

/// Everything that happened so far in this run.
#[derive(Resource, Default, Debug)]
pub struct Trace(pub Vec<TraceLine>);

/// Frames in which game time passed: loading frames do not count, so the
/// same script gives the same frame numbers on every run.
#[derive(Resource, Default, Debug)]
struct TimedFrames(u32);

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(events::plugin);
    app.init_resource::<Trace>()
        .init_resource::<TimedFrames>()
        .add_systems(First, count_timed_frames.after(TimeSystems))
        .add_systems(
            Last,
            (
                record_screens,
                record_pause,
                record_levels,
                record_lev,
                record_story,
                record_problems.run_if(resource_equals(DataStatus::Judged)),
                record_sounds,
                record_exit,
            ),
        );
}

fn count_timed_frames(time: Res<Time<Real>>, mut frames: ResMut<TimedFrames>) {
    if !time.delta().is_zero() {
        frames.0 += 1;
    }
}

/// Appends lines to the [`Trace`], stamped with the frame and time.
#[derive(SystemParam)]
struct Recorder<'w> {
    trace: ResMut<'w, Trace>,
    frame: Res<'w, TimedFrames>,
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

/// Appends a line to the trace from outside a system (the script player).
pub(super) fn push(world: &mut World, text: String) {
    let frame = world.get_resource::<TimedFrames>().map_or(0, |f| f.0);
    let seconds = world.resource::<Time<Real>>().elapsed_secs_f64();
    if let Some(mut trace) = world.get_resource_mut::<Trace>() {
        trace.0.push(TraceLine {
            frame,
            seconds,
            text,
        });
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
    lev: Query<&Body, With<Lev>>,
    mut last: Local<Option<String>>,
    mut recorder: Recorder,
) {
    let now = current
        .filter(|c| c.spawned)
        .map(|c| format!("level: {} (arrived at {})", c.id, c.spawn));
    if now != *last {
        if let Some(line) = &now {
            recorder.push(line.clone());
            if let Ok(body) = lev.single() {
                let (on, at) = (part(body.0.footing), point(body.0.position));
                recorder.push(format!("lev: arrives on {on} at {at}"));
            }
        }
        *last = now;
    }
}

/// Where Lev climbs on and off stairs and ladders, falls, lands and stops.
fn record_lev(
    lev: Query<&Body, With<Lev>>,
    current: Option<Res<CurrentLevel>>,
    mut last: Local<Option<(String, Footing, bool)>>,
    mut recorder: Recorder,
) {
    let (Ok(body), Some(current)) = (lev.single(), current) else {
        *last = None;
        return;
    };
    let body = body.0;
    let moving = body.velocity.x != 0.0;
    let now = (current.id.clone(), body.footing, moving);
    let at = point(body.position);
    if let Some((level, before, was_moving)) = last.as_ref()
        && *level == current.id
    {
        let line = match (*before, body.footing) {
            (Footing::Air, Footing::Air) => None,
            (_, Footing::Air) => Some(format!("falls from {at}")),
            (Footing::Air, now) => Some(format!("lands on {} at {at}", part(now))),
            (Footing::Floor(_), Footing::Floor(_)) if *was_moving && !moving => {
                Some(format!("stops at {at}"))
            }
            (Footing::Floor(_), Footing::Floor(_)) => None,
            (Footing::Floor(_), now) => Some(format!("climbs onto {} at {at}", part(now))),
            (before, now) if before != now => Some(format!(
                "gets off {} onto {} at {at}",
                part(before),
                part(now)
            )),
            _ => None,
        };
        if let Some(line) = line {
            recorder.push(format!("lev: {line}"));
        }
    }
    *last = Some(now);
}

/// What the trace remembers of the story state, to print what changed.
#[derive(Default)]
struct StorySeen {
    flags: BTreeSet<String>,
    variables: BTreeMap<String, Value>,
    ending: Option<String>,
}

/// Flags set and cleared, variables changed and the ending reached.
fn record_story(
    state: Option<Res<StoryState>>,
    mut seen: Local<StorySeen>,
    mut recorder: Recorder,
) {
    let Some(state) = state else {
        *seen = StorySeen::default();
        return;
    };
    if !state.is_changed() {
        return;
    }
    for flag in state.flags.difference(&seen.flags) {
        recorder.push(format!("flag: {flag} set"));
    }
    for flag in seen.flags.difference(&state.flags) {
        recorder.push(format!("flag: {flag} cleared"));
    }
    for (name, value) in &state.variables {
        if seen.variables.get(name) != Some(value) {
            recorder.push(format!("variable: {name} = {}", shown(value)));
        }
    }
    if let (Some(ending), None) = (&state.ending, &seen.ending) {
        recorder.push(format!("ending: {ending}"));
    }
    if seen.flags != state.flags || seen.variables != state.variables || seen.ending != state.ending
    {
        *seen = StorySeen {
            flags: state.flags.clone(),
            variables: state.variables.clone(),
            ending: state.ending.clone(),
        };
    }
}

/// A variable's value as scripts write it: `2`, `true`, `"Katya"`.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::Number(n) => format!("{n}"),
        Value::Bool(b) => format!("{b}"),
        Value::Text(t) => format!("{t:?}"),
    }
}

/// `floors[2]`, `stairs[0]`, `ladders[1]`: a part of the level file.
fn part(footing: Footing) -> String {
    match footing {
        Footing::Floor(i) => format!("floors[{i}]"),
        Footing::Stairs(i) => format!("stairs[{i}]"),
        Footing::Ladder(i) => format!("ladders[{i}]"),
        Footing::Air => "nothing (falling)".into(),
    }
}

/// A position as scripts write it, to a tenth of a pixel: `(40, 16)`.
pub(super) fn point(at: Vec2) -> String {
    format!("({}, {})", rounded(at.x), rounded(at.y))
}

/// A number to a tenth, without a trailing `.0` or a negative zero.
pub(super) fn rounded(value: f32) -> f32 {
    (value * 10.0).round() / 10.0 + 0.0
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
