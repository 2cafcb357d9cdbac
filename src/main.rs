//! `long-exposure`: play in a window, run a script headless, or benchmark.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use long_exposure::app::{PlayerFiles, windowed};
use long_exposure::bench;
use long_exposure::content::schema::ClockTime;
use long_exposure::content::{Roots, files};
use long_exposure::levels::StartOverride;
use long_exposure::testing::{self, Harness, HeadlessConfig, script::Script};

/// Long Exposure: one night in Moscow with Lev Kalmurzaev, street photographer.
///
/// With no arguments the game opens in a window. Exit status: 0 on success,
/// 1 when a script's expectation fails, the data has errors or the window
/// cannot open, 2 when the command line or the script file is wrong.
#[derive(Parser, Debug)]
#[command(
    name = "long-exposure",
    version,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Run with no window, renderer or sound card, driven by --script.
    #[arg(long, requires = "script")]
    headless: bool,

    /// Scripted-input file (RON): steps that press actions, wait and expect
    /// things of the game (see playthroughs/README.md). With --headless it
    /// runs with no window; without, the same steps drive the game in a
    /// window, which quits when the script ends.
    #[arg(long, value_name = "FILE")]
    script: Option<PathBuf>,

    /// Simulated frames per second of a headless run; each frame advances
    /// game time by 1/FPS seconds.
    #[arg(long, value_name = "FPS", default_value_t = 60,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    fps: u32,

    /// Folder of mods: its files replace the game's levels, story and
    /// dialogue files of the same relative path. Relative to the current
    /// folder; it must exist.
    /// [default: mods/ in the user data folder, ~/.local/share/long-exposure/mods on Linux]
    #[arg(long, value_name = "DIR", global = true)]
    mods: Option<PathBuf>,

    /// The game's own data folder, relative to the current folder.
    /// [default: levels/ beside Cargo.toml or the executable]
    #[arg(long, value_name = "DIR", global = true)]
    levels: Option<PathBuf>,

    /// Start a new game at once in this level (any level of the data,
    /// whether or not a chapter names it), at its spawn point SPAWN or else
    /// its first one: for looking at a level while making it.
    #[arg(long, value_name = "LEVEL[:SPAWN]")]
    start: Option<String>,

    /// The player's folder: photographs are written under DIR/photos, the
    /// save to DIR/save.ron (the one before it to DIR/save.backup.ron), the
    /// lines seen (to skip them on a later night) to DIR/seen-lines.ron and
    /// the endings of the nights played to DIR/nights.ron. A headless run
    /// keeps them only here, and without it only while it runs.
    /// [default: photographs go to the pictures folder, "Long Exposure"
    /// inside it; the rest to the user data folder]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// The night's clock when the game begins, for example 23:55.
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    at: Option<ClockTime>,

    /// Log frames per second and frame time every second (windowed play).
    #[arg(long, conflicts_with = "headless")]
    log_fps: bool,

    /// Open the window this size, for example 1280x800, in place of the
    /// size the settings choose (windowed play).
    #[arg(long, value_name = "WxH", value_parser = parse_size, conflicts_with = "headless")]
    window_size: Option<(u32, u32)>,

    #[command(subcommand)]
    command: Option<Command>,
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let wrong = || format!("`{text}` is not a size such as 1280x800");
    let (w, h) = text.split_once('x').ok_or_else(wrong)?;
    let (w, h) = (
        w.parse().map_err(|_| wrong())?,
        h.parse().map_err(|_| wrong())?,
    );
    if !(320..=7680).contains(&w) || !(180..=4320).contains(&h) {
        return Err(format!("{w}x{h}: a window is 320x180 to 7680x4320"));
    }
    Ok((w, h))
}

fn parse_time(text: &str) -> Result<ClockTime, String> {
    ClockTime::try_from(text.to_owned())
}

impl Cli {
    /// Where a new game begins, checked against the data in `roots`.
    fn start(&self, roots: &Roots) -> Result<StartOverride, String> {
        if self.start.is_none() && self.at.is_none() {
            return Ok(StartOverride::default());
        }
        let set = files::load_all(roots);
        let arrival = match &self.start {
            Some(spec) => Some(
                set.arrival(spec)
                    .map_err(|why| format!("--start {spec}: {why}"))?,
            ),
            None => None,
        };
        if let (Some(at), Some(story)) = (self.at, &set.story)
            && at > story.clock.dawn
        {
            return Err(format!(
                "--at {at}: that is after dawn ({})",
                story.clock.dawn
            ));
        }
        Ok(StartOverride {
            arrival,
            at: self.at,
        })
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check every level, story and dialogue file (with the mods over them) and print
    /// each problem as file:line:column: error|warning: message. Exits 1 if
    /// any is an error.
    Validate,
    /// Print headless frames per second of the full game at the title, in
    /// the warehouse, in the largest shipped level and in that level ten
    /// times over, and of playthroughs/whole-night.ron from start-up to the
    /// title again (frames and wall time), with the single- and
    /// multi-threaded executors; and the time to load and spawn levels 1,
    /// 10 and 100 times the warehouse.
    ///
    /// With --window, instead: frames per second in a real window of an
    /// empty Bevy 2D scene, of one full-screen sprite, and of each chapter
    /// with Lev walking (each against the sprite's), and the time from
    /// start-up to the title's first frame. Needs a display:
    /// scripts/bench-window.sh runs it under Xvfb.
    Bench {
        /// Frames timed per case.
        #[arg(long, default_value_t = 2000)]
        frames: u32,
        /// Measure in a real window (see above).
        #[arg(long)]
        window: bool,
    },
    /// Draw every sprite sheet, tile sheet, skyline and backdrop again
    /// (the code in src/art) and write them, with their manifest
    /// sheets.ron, to DIR: the same bytes on every run.
    GenerateArt {
        /// Where to write [default: assets/art beside the data folder]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Synthesize every sound again (the code in src/audio/synth) and write
    /// each as a WAV file to DIR: the same bytes on every run.
    GenerateSounds {
        /// Where to write [default: assets/sounds beside the data folder]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// One case of `bench --window`, in a window of its own: empty,
    /// sprite, title, chapter:ID or threaded:ID.
    #[command(hide = true)]
    BenchScene {
        /// The case.
        case: String,
    },
}

fn main() -> ExitCode {
    bench::window::mark_process_start();
    let cli = Cli::parse();
    let start = Roots::from_args(cli.levels.as_deref(), cli.mods.as_deref())
        .and_then(|roots| cli.start(&roots).map(|start| (roots, start)));
    let (roots, start) = match start {
        Ok(found) => found,
        Err(problem) => {
            eprintln!("long-exposure: {problem}");
            return ExitCode::from(2);
        }
    };
    match (cli.command, cli.script) {
        (Some(Command::Validate), _) => validate(&roots),
        (Some(Command::Bench { window: true, .. }), _) => match bench::window::report(&roots) {
            Ok(lines) => {
                lines.iter().for_each(|line| println!("{line}"));
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("long-exposure bench --window: {problem}");
                ExitCode::FAILURE
            }
        },
        (Some(Command::GenerateArt { out }), _) => {
            let out =
                out.unwrap_or_else(|| roots.assets().join(long_exposure::art::sheets::FOLDER));
            let began = std::time::Instant::now();
            match long_exposure::art::write_all(&out) {
                Ok(written) => {
                    println!(
                        "generate-art: {} files written to {} in {} ms",
                        written.len(),
                        out.display(),
                        began.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    eprintln!("long-exposure generate-art: {problem}");
                    ExitCode::FAILURE
                }
            }
        }
        (Some(Command::GenerateSounds { out }), _) => {
            use long_exposure::audio::{playback, synth};
            let out = out.unwrap_or_else(|| roots.assets().join(playback::FOLDER));
            let began = std::time::Instant::now();
            match synth::write_all(&out) {
                Ok(count) => {
                    println!(
                        "generate-sounds: {count} files written to {} in {} ms",
                        out.display(),
                        began.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    eprintln!("long-exposure generate-sounds: {problem}");
                    ExitCode::FAILURE
                }
            }
        }
        (Some(Command::BenchScene { case }), _) => {
            let run = bench::window::Case::parse(&case)
                .and_then(|case| bench::window::run_case(&case, &roots));
            match run {
                Ok(()) => ExitCode::SUCCESS,
                Err(problem) => {
                    eprintln!("long-exposure bench-scene: {problem}");
                    ExitCode::from(2)
                }
            }
        }
        (Some(Command::Bench { frames, .. }), _) => {
            print!("{}", bench::report(&bench::measure(frames, &roots)));
            let script = bench::whole_night_script(&roots);
            match bench::whole_night(&roots, &script) {
                Ok(rows) => print!("\n{}", bench::report(&rows)),
                Err(problem) => eprintln!("whole-night benchmark skipped: {problem}"),
            }
            println!("\njudging a photograph");
            for (count, rounds) in [(1, 10_000), (100, 100), (10_000, 2)] {
                let seconds = bench::judging(count, rounds);
                println!("{count:>6} subjects {:>12.3} ms", seconds * 1e3);
            }
            println!("\ndialogue");
            match bench::dialogue::report(&roots) {
                Ok(lines) => print!("{lines}"),
                Err(problem) => println!("skipped: {problem}"),
            }
            println!("\nthe album opening on a kept night");
            match bench::album::opening(&roots) {
                Ok(opening) => print!("{}", bench::album::report(&opening)),
                Err(problem) => println!("skipped: {problem}"),
            }
            println!("\na first night (the shipped ending playthroughs, at a player's pace)");
            match bench::night_length::first_night(&roots) {
                Ok(lengths) => print!("{}", bench::night_length::report(&lengths)),
                Err(problem) => println!("skipped: {problem}"),
            }
            println!("\na photograph in a window (the capture check's script)");
            match bench::windowed_capture(&roots) {
                Ok(lines) => lines.iter().for_each(|line| println!("{line}")),
                Err(problem) => println!("skipped: {problem}"),
            }
            match bench::level_loading(&roots) {
                Ok(rows) => print!("\n{}", bench::level_report(&rows)),
                Err(problem) => eprintln!("level benchmark skipped: {problem}"),
            }
            ExitCode::SUCCESS
        }
        (None, Some(path)) if cli.headless => {
            run_script(&path, cli.fps, roots, start, cli.data_dir.clone())
        }
        (None, script) => {
            let script = match script.map(|path| Script::load(&path).map(|s| (s, path))) {
                Some(Ok((script, path))) => Some((script, path.display().to_string())),
                Some(Err(error)) => {
                    eprintln!("{error}");
                    return ExitCode::from(2);
                }
                None => None,
            };
            let files = PlayerFiles::choose(cli.data_dir.as_deref());
            let launch = windowed::Launch {
                log_fps: cli.log_fps,
                window_size: cli.window_size.map(|(w, h)| bevy::math::UVec2::new(w, h)),
            };
            let drive = |app: &mut bevy::app::App| {
                if let Some((script, name)) = script {
                    testing::play_in_window(app, script, name);
                }
            };
            match windowed::run(roots, start, files, launch, drive) {
                bevy::app::AppExit::Success => ExitCode::SUCCESS,
                bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
            }
        }
    }
}

fn validate(roots: &Roots) -> ExitCode {
    let set = files::load_all(roots);
    for diagnostic in &set.diagnostics {
        println!("{diagnostic}");
    }
    let errors = set.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = set.diagnostics.len() - errors;
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    println!(
        "validate: {}, {}",
        count(errors, "error"),
        count(warnings, "warning")
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_script(
    path: &std::path::Path,
    fps: u32,
    roots: Roots,
    start: StartOverride,
    data_dir: Option<PathBuf>,
) -> ExitCode {
    let script = match Script::load(path) {
        Ok(script) => script,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let mut harness = Harness::new(HeadlessConfig {
        fps,
        roots,
        start,
        data_dir,
        ..Default::default()
    });
    let mut stdout = std::io::stdout().lock();
    // A closed stdout (for example `| head`) must not stop the run.
    let result = harness.run(&script, |line| {
        let _ = writeln!(stdout, "{line}");
    });
    drop(stdout);
    if testing::print_verdict(&path.display().to_string(), script.steps.len(), &result) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
