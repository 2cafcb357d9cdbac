//! The headless harness: the real game plugins with no window, renderer or
//! sound card, stepped at a fixed time step and driven by scripted input.
//!
//! `long-exposure --headless --script FILE`, the system tests and the
//! benchmarks all use [`Harness`], so a modder checks a mod exactly as the
//! test suite checks the game.

mod camera;
mod checks;
mod harness;
mod player;
pub mod script;
mod trace;
mod verdict;
mod walk;

pub use crate::app::{Executor, HeadlessConfig};
pub use harness::{Harness, headless_app};
pub use player::{Progress, ScriptPlayer};
pub use trace::{Trace, TraceLine};
pub use verdict::{Failure, StepFailure, print_verdict};

use bevy::prelude::*;

/// Plays `script` in the window of `app` (a windowed game): the same steps
/// as headless, driving the real renderer. What happens is printed as it
/// happens; the game quits when the script ends, with a failing status if a
/// step failed. `name` names the script in the verdict.
pub fn play_in_window(app: &mut App, script: script::Script, name: String) {
    let steps = script.steps.len();
    app.add_plugins(trace::plugin)
        .insert_resource(ScriptPlayer::new(script))
        .insert_resource(ScriptName(name, steps))
        .add_systems(First, tick_in_window.after(bevy::time::TimeSystems));
}

/// `frames: N, median M ms, longest L ms, longest within 3 frames of a
/// photograph P ms`, from each frame's length in milliseconds (the first is
/// start-up, left out) and the trace (which says when photographs were taken).
fn frame_times(frames: &[f64], trace: &[TraceLine]) -> String {
    let times: Vec<f64> = frames.iter().skip(1).copied().collect();
    if times.is_empty() {
        return "frames: none".into();
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let longest = sorted[sorted.len() - 1];
    let shots: Vec<usize> = trace
        .iter()
        .filter(|l| l.text.starts_with("photo: ") && l.text.contains(" scored "))
        .map(|l| l.frame as usize)
        .collect();
    // `times[i]` is frame `i + 1`: the first frame was left out.
    let near_shots = times
        .iter()
        .enumerate()
        .filter(|(i, _)| shots.iter().any(|s| (i + 1).abs_diff(*s) <= 3))
        .map(|(_, t)| *t)
        .reduce(f64::max);
    let near_shots = near_shots.map_or(String::new(), |ms| {
        format!(", longest within 3 frames of a photograph {ms:.1} ms")
    });
    format!(
        "frames: {}, median {median:.1} ms, longest {longest:.1} ms{near_shots}",
        times.len()
    )
}

/// The script's file and its number of steps, for the verdict.
#[derive(Resource)]
struct ScriptName(String, usize);

/// Prints the lines of the last frame and carries the script on; at its
/// end, prints the frame times (the median, the longest, and the longest
/// within three frames of a photograph).
fn tick_in_window(world: &mut World, mut printed: Local<usize>, mut frames: Local<Vec<f64>>) {
    frames.push(world.resource::<Time<Real>>().delta_secs_f64() * 1e3);
    let lines = &world.resource::<Trace>().0;
    for line in &lines[(*printed).min(lines.len())..] {
        println!("{line}");
    }
    *printed = lines.len();
    if !world.contains_resource::<ScriptPlayer>() {
        return;
    }
    let progress = world.resource_scope(|world, mut player: Mut<ScriptPlayer>| player.tick(world));
    let Progress::Finished(result) = progress else {
        return;
    };
    let ScriptName(name, steps) = world.resource::<ScriptName>();
    let (name, steps) = (name.clone(), *steps);
    println!("{}", frame_times(&frames, &world.resource::<Trace>().0));
    let exit = if print_verdict(&name, steps, &result) {
        AppExit::Success
    } else {
        AppExit::error()
    };
    world.write_message(exit);
    world.remove_resource::<ScriptPlayer>();
}
