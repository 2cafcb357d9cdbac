//! Benchmarks: headless updates per second of the full game in each case,
//! with both schedule executors. Run with `long-exposure bench` (use a
//! release build for figures to compare).

use std::time::Instant;

use crate::input::Action;
use crate::testing::{Executor, Harness, HeadlessConfig};

/// Frames run before timing starts, so start-up work is not measured.
const WARM_UP_FRAMES: u32 = 30;

/// A place in the game to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// The title screen with its night scene and menu.
    Title,
    /// Playing, right after "New game".
    Playing,
}

impl Case {
    /// Every case, in the order they are reported.
    pub const ALL: [Case; 2] = [Case::Title, Case::Playing];

    /// Steps a fresh harness from the title to this case.
    fn reach(self, harness: &mut Harness) {
        if self == Case::Playing {
            harness.press(Action::Confirm);
        }
    }
}

/// One timed run.
#[derive(Clone, Copy, Debug)]
pub struct Measurement {
    /// Where in the game.
    pub case: Case,
    /// Which executor ran the schedules.
    pub executor: Executor,
    /// Frames timed.
    pub frames: u32,
    /// Wall-clock seconds they took.
    pub seconds: f64,
}

impl Measurement {
    /// Updates per second.
    pub fn frames_per_second(&self) -> f64 {
        f64::from(self.frames) / self.seconds.max(f64::EPSILON)
    }
}

/// Times `frames` updates of every case with both executors.
pub fn measure(frames: u32) -> Vec<Measurement> {
    let mut results = Vec::new();
    for case in Case::ALL {
        for executor in [Executor::SingleThreaded, Executor::MultiThreaded] {
            let mut harness = Harness::new(HeadlessConfig {
                executor,
                ..Default::default()
            });
            case.reach(&mut harness);
            harness.frames(WARM_UP_FRAMES);
            let start = Instant::now();
            harness.frames(frames);
            results.push(Measurement {
                case,
                executor,
                frames,
                seconds: start.elapsed().as_secs_f64(),
            });
        }
    }
    results
}

/// The measurements as a table, one row each.
pub fn report(results: &[Measurement]) -> String {
    let mut out = format!(
        "{:<10} {:<16} {:>8} {:>10} {:>12}\n",
        "case", "executor", "frames", "seconds", "frames/s"
    );
    for m in results {
        out += &format!(
            "{:<10} {:<16} {:>8} {:>10.3} {:>12.0}\n",
            format!("{:?}", m.case).to_lowercase(),
            match m.executor {
                Executor::SingleThreaded => "single-threaded",
                Executor::MultiThreaded => "multi-threaded",
            },
            m.frames,
            m.seconds,
            m.frames_per_second()
        );
    }
    out
}
