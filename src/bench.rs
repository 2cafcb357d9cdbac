//! Benchmarks: headless updates per second of the full game in each case,
//! with both schedule executors. Run with `long-exposure bench` (use a
//! release build for figures to compare).

use std::path::Path;
use std::time::Instant;

use bevy::prelude::*;

use crate::data::Diagnostic;
use crate::input::Action;
use crate::levels::files::{Roots, read_level};
use crate::levels::schema::{Area, Level};
use crate::levels::spawn_level;
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

/// Loading and spawning one generated level.
#[derive(Clone, Copy, Debug)]
pub struct LevelLoad {
    /// Copies of the warehouse laid side by side.
    pub scale: usize,
    /// Size of the level file.
    pub bytes: usize,
    /// Entities spawned.
    pub entities: u32,
    /// Seconds to parse and check the file.
    pub parse_seconds: f64,
    /// Seconds to spawn its entities into an empty world.
    pub spawn_seconds: f64,
}

/// The warehouse repeated `scale` times side by side, as one level.
pub fn generated_level(warehouse: &Level, scale: usize) -> Level {
    let mut level = warehouse.clone();
    let width = warehouse.bounds.w;
    level.bounds.w = width * scale as f32;
    for copy in 1..scale {
        let dx = width * copy as f32;
        let shift = |(x, y): (f32, f32)| (x + dx, y);
        let area = |a: &Area| Area { x: a.x + dx, ..*a };
        let suffix = format!("_{copy}");
        let w = warehouse;
        level.floors.extend(w.floors.iter().map(|f| {
            let mut f = *f;
            f.x += dx;
            f
        }));
        level.walls.extend(w.walls.iter().map(area));
        level.props.extend(w.props.iter().cloned().map(|mut p| {
            p.at = shift(p.at);
            p
        }));
        level.lights.extend(w.lights.iter().cloned().map(|mut l| {
            l.at = shift(l.at);
            l
        }));
        level.stairs.extend(w.stairs.iter().map(|s| {
            let mut s = *s;
            (s.bottom, s.top) = (shift(s.bottom), shift(s.top));
            s
        }));
        level.ladders.extend(w.ladders.iter().map(|l| {
            let mut l = *l;
            l.x += dx;
            l
        }));
        level
            .subjects
            .extend(w.subjects.iter().cloned().map(|mut s| {
                s.id += &suffix;
                s.area = area(&s.area);
                s
            }));
        level.npcs.extend(w.npcs.iter().cloned().map(|mut n| {
            n.id += &suffix;
            n.at = shift(n.at);
            n
        }));
    }
    level
}

/// Parses, checks and spawns the warehouse generated 1, 10 and 100 times over.
pub fn level_loading(roots: &Roots) -> Result<Vec<LevelLoad>, Diagnostic> {
    let file = roots.base.join("warehouse.level.ron");
    let text = crate::data::read_text(&file)?;
    let warehouse = read_level(&file, &text)?.value;
    let mut rows = Vec::new();
    for scale in [1, 10, 100] {
        let level = generated_level(&warehouse, scale);
        let text = ron::ser::to_string_pretty(&level, ron::ser::PrettyConfig::default())
            .map_err(|e| Diagnostic::error(&file, None, e.to_string()))?;
        let start = Instant::now();
        let level = read_level(Path::new("warehouse.level.ron"), &text)?.value;
        let parse_seconds = start.elapsed().as_secs_f64();
        let mut world = World::new();
        let start = Instant::now();
        spawn_level(&mut world.commands(), &level, None, None);
        world.flush();
        rows.push(LevelLoad {
            scale,
            bytes: text.len(),
            entities: world.entities().count_spawned(),
            parse_seconds,
            spawn_seconds: start.elapsed().as_secs_f64(),
        });
    }
    Ok(rows)
}

/// The level measurements as a table.
pub fn level_report(rows: &[LevelLoad]) -> String {
    let mut out = format!(
        "{:<10} {:>10} {:>10} {:>14} {:>10}\n",
        "level", "bytes", "entities", "parse+check ms", "spawn ms"
    );
    for row in rows {
        out += &format!(
            "{:<10} {:>10} {:>10} {:>14.2} {:>10.2}\n",
            format!("{}x", row.scale),
            row.bytes,
            row.entities,
            row.parse_seconds * 1e3,
            row.spawn_seconds * 1e3
        );
    }
    out
}
