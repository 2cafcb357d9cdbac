//! Benchmarks: headless updates per second of the full game in each case,
//! with both schedule executors, the whole night played end to end, level
//! load and spawn times, judging, dialogue, the album opening on a kept
//! roll, and how long a first night takes a player. Run with `long-exposure bench`.

pub mod album;
pub mod dialogue;
pub mod night_length;
pub mod window;

use std::path::{Path, PathBuf};
use std::time::Instant;

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;

use crate::content::Roots;
use crate::content::files;
use crate::content::files::read_level;
use crate::content::schema::{Area, Level};
use crate::data::Diagnostic;
use crate::input::Action;
use crate::levels::CurrentLevel;
use crate::testing::script::Script;
use crate::testing::{Executor, Harness, HeadlessConfig};
use crate::world::{Drawing, spawn_level};

/// Frames run before timing starts, so start-up work is not measured.
const WARM_UP_FRAMES: u32 = 30;

/// A place in the game to measure: a name, the data roots, and where Lev
/// is (none: the title screen).
struct Case {
    name: String,
    roots: Roots,
    at: Option<(String, String)>,
}

impl Case {
    /// Steps a fresh harness from the title to this case; in a level, Lev
    /// walks right so movement, the camera and footsteps are measured too.
    /// Fails when the game does not get there (data with errors, say).
    fn reach(&self, harness: &mut Harness) -> Result<(), String> {
        if let Some((level, spawn)) = &self.at {
            harness.press(Action::Confirm);
            harness
                .app()
                .world_mut()
                .insert_resource(CurrentLevel::arriving(level, spawn));
            harness.frames(2);
            if harness.level().as_deref() != Some(level) {
                let errors: Vec<String> = harness
                    .data_errors()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                return Err(format!("not in `{level}`: {}", errors.join("; ")));
            }
            harness.hold(Action::Right);
        }
        Ok(())
    }
}

/// One timed run.
#[derive(Clone, Debug)]
pub struct Measurement {
    /// Where in the game.
    pub case: String,
    /// Which executor ran the schedules.
    pub executor: Executor,
    /// Frames timed.
    pub frames: u32,
    /// Wall-clock seconds they took.
    pub seconds: f64,
}

impl Measurement {
    /// Updates per second.
    fn frames_per_second(&self) -> f64 {
        f64::from(self.frames) / self.seconds.max(f64::EPSILON)
    }
}

/// The shipped level with the most parts, and its first spawn point.
fn largest_level(roots: &Roots) -> Option<Level> {
    files::load_all(roots).levels.into_iter().max_by_key(parts)
}

/// How many things a level spawns, roughly: everything listed in it.
fn parts(level: &Level) -> usize {
    level.floors.len()
        + level.walls.len()
        + level.stairs.len()
        + level.ladders.len()
        + level.props.len()
        + level.lights.len()
        + level.npcs.len()
        + level.exits.len()
}

/// Times `frames` updates of each case with both executors: the title, the
/// warehouse, the largest shipped level, and that level generated ten times
/// over (written to a temporary mods folder).
pub fn measure(frames: u32, roots: &Roots) -> Vec<Measurement> {
    let mut cases = vec![
        Case {
            name: "title".into(),
            roots: roots.clone(),
            at: None,
        },
        Case {
            name: "warehouse".into(),
            roots: roots.clone(),
            at: Some(("warehouse".into(), "start".into())),
        },
    ];
    let mods = std::env::temp_dir().join(format!("long-exposure-bench-{}", std::process::id()));
    if let Some(level) = largest_level(roots) {
        let spawn = level
            .spawns
            .first()
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let big = generated_level(&level, 10);
        let written = std::fs::create_dir_all(&mods).is_ok()
            && ron::ser::to_string(&big).ok().is_some_and(|text| {
                std::fs::write(mods.join(format!("{}.level.ron", level.id)), text).is_ok()
            });
        cases.push(Case {
            name: format!("largest: {}", level.id),
            roots: roots.clone(),
            at: Some((level.id.clone(), spawn.clone())),
        });
        if written {
            cases.push(Case {
                name: "largest 10x".into(),
                roots: Roots {
                    base: roots.base.clone(),
                    mods: Some(mods.clone()),
                },
                at: Some((level.id.clone(), spawn)),
            });
        }
    }
    let mut results = Vec::new();
    for case in &cases {
        for executor in [Executor::SingleThreaded, Executor::MultiThreaded] {
            let mut harness = Harness::new(HeadlessConfig {
                executor,
                roots: case.roots.clone(),
                ..Default::default()
            });
            if let Err(why) = case.reach(&mut harness) {
                eprintln!("bench: case `{}` skipped: {why}", case.name);
                continue;
            }
            harness.frames(WARM_UP_FRAMES);
            let start = Instant::now();
            harness.frames(frames);
            results.push(Measurement {
                case: case.name.clone(),
                executor,
                frames,
                seconds: start.elapsed().as_secs_f64(),
            });
        }
    }
    let _ = std::fs::remove_dir_all(mods);
    results
}

/// The shipped playthrough of the whole night, beside the levels folder.
pub fn whole_night_script(roots: &Roots) -> PathBuf {
    let repo = roots.base.parent().unwrap_or(Path::new("."));
    repo.join("playthroughs/whole-night.ron")
}

/// Plays `script` (the whole night) headless to its end with each
/// executor, timing it from start-up to the title again.
pub fn whole_night(roots: &Roots, script: &Path) -> Result<Vec<Measurement>, String> {
    let script = Script::load(script).map_err(|problem| problem.to_string())?;
    let mut results = Vec::new();
    for executor in [Executor::SingleThreaded, Executor::MultiThreaded] {
        let start = Instant::now();
        let mut harness = Harness::new(HeadlessConfig {
            executor,
            roots: roots.clone(),
            ..Default::default()
        });
        harness.run(&script, |_| {}).map_err(|f| f.to_string())?;
        results.push(Measurement {
            case: "whole night".into(),
            executor,
            frames: harness.world().resource::<FrameCount>().0,
            seconds: start.elapsed().as_secs_f64(),
        });
    }
    Ok(results)
}

/// Plays the capture check's script (tests/game/scripts/capture-check.ron
/// beside the levels folder) in a window, where a display is, and returns
/// what it measured: the shutter to the PNG on disk, and the frame times
/// (the longest near the photograph against the median).
pub fn windowed_capture(roots: &Roots) -> Result<Vec<String>, String> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no display (run it under xvfb-run for these figures)".into());
    }
    let repo = roots.base.parent().unwrap_or(Path::new("."));
    let script = repo.join("tests/game/scripts/capture-check.ron");
    if !script.is_file() {
        return Err(format!("no {}", script.display()));
    }
    let work =
        std::env::temp_dir().join(format!("long-exposure-bench-window-{}", std::process::id()));
    let mods = work.join("mods");
    std::fs::create_dir_all(mods.join("capture-check")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(work.join("capture-check")).map_err(|e| e.to_string())?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .arg("--script")
        .arg(&script)
        .arg("--data-dir")
        .arg(&work)
        .arg("--levels")
        .arg(&roots.base)
        .arg("--mods")
        .arg(&mods)
        .current_dir(&work)
        .output()
        .map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&work);
    let out = out?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "the windowed run failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(stdout
        .lines()
        .filter(|l| l.contains("written in") || l.starts_with("frames:"))
        .map(str::to_owned)
        .collect())
}

/// Judging one photograph in a level of `count` subjects (and as many
/// occluding props) spread 40 px apart, a few of them in the frame, timed
/// over `rounds`: seconds per judgement.
pub fn judging(count: usize, rounds: u32) -> f64 {
    use crate::content::schema::{ClockTime, Facing, Moment};
    use crate::photo::judge::{CameraView, Occluder, Shot, SubjectView, judge};
    let frame = Area {
        x: 0.0,
        y: 0.0,
        w: 148.0,
        h: 99.0,
    };
    let moments = [Moment {
        name: "now".into(),
        from: ClockTime::from_minutes(300.0),
        to: ClockTime::from_minutes(310.0),
        while_moving: false,
    }];
    let tags = ["light".to_owned()];
    let keys: Vec<String> = (0..count).map(|i| format!("bench/s{i}")).collect();
    let area = |i: usize| Area {
        x: (i * 40) as f32,
        y: (i * 13 % 90) as f32,
        w: 24.0,
        h: 18.0,
    };
    let subjects: Vec<SubjectView> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| SubjectView {
            key,
            name: key,
            tags: &tags,
            area: area(i),
            facing: Facing::Front,
            depth: (i % 3) as f32,
            moments: &moments,
            velocity: ((i % 5) as f32 * 10.0, 0.0),
        })
        .collect();
    let occluders: Vec<Occluder> = (0..count)
        .map(|i| Occluder {
            area: Area {
                x: area(i).x + 12.0,
                ..area(i)
            },
            depth: 1.0,
        })
        .collect();
    let shot = Shot {
        frame,
        camera_x: 0.0,
        time: ClockTime::from_minutes(305.0),
        subjects: &subjects,
        occluders: &occluders,
        // Half a second handheld, focused near: every subject smeared.
        camera: Some(CameraView {
            seconds: 0.5,
            f_number: 2.0,
            focal: 50,
            focus: Some(2.0),
            braced: false,
            stops: -1.0,
        }),
    };
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(judge(std::hint::black_box(&shot)));
    }
    start.elapsed().as_secs_f64() / f64::from(rounds.max(1))
}

/// The measurements as a table, one row each.
pub fn report(results: &[Measurement]) -> String {
    let mut out = format!(
        "{:<20} {:<16} {:>8} {:>10} {:>12}\n",
        "case", "executor", "frames", "seconds", "frames/s"
    );
    for m in results {
        out += &format!(
            "{:<20} {:<16} {:>8} {:>10.3} {:>12.0}\n",
            m.case,
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

/// `warehouse` (or any level) repeated `scale` times side by side, as one level.
fn generated_level(warehouse: &Level, scale: usize) -> Level {
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
        spawn_level(&mut world.commands(), &level, Drawing::default());
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
