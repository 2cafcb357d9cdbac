//! `long-exposure`: play in a window, run a script headless, or benchmark.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use long_exposure::testing::{Harness, HeadlessConfig, script::Script};
use long_exposure::{bench, windowed};

/// Long Exposure: one night in Moscow with Lev Kalmurzaev, street photographer.
///
/// With no arguments the game opens in a window. Exit status: 0 on success,
/// 1 when a script's expectation fails or the window cannot open, 2 when the
/// command line or the script file is wrong.
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

    /// Scripted-input file (RON) to run headless: steps that press actions,
    /// wait and expect things of the game. See playthroughs/README.md.
    #[arg(long, value_name = "FILE", requires = "headless")]
    script: Option<PathBuf>,

    /// Simulated frames per second of a headless run; each frame advances
    /// game time by 1/FPS seconds.
    #[arg(long, value_name = "FPS", default_value_t = 60,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    fps: u32,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print headless frames per second of the full game at the title and
    /// in play, with the single- and multi-threaded executors.
    Bench {
        /// Frames timed per case.
        #[arg(long, default_value_t = 2000)]
        frames: u32,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match (cli.command, cli.script) {
        (Some(Command::Bench { frames }), _) => {
            print!("{}", bench::report(&bench::measure(frames)));
            ExitCode::SUCCESS
        }
        (None, Some(path)) => run_script(&path, cli.fps),
        (None, None) => match windowed::run() {
            bevy::app::AppExit::Success => ExitCode::SUCCESS,
            bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
        },
    }
}

fn run_script(path: &std::path::Path, fps: u32) -> ExitCode {
    let script = match Script::load(path) {
        Ok(script) => script,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let mut harness = Harness::new(HeadlessConfig {
        fps,
        ..Default::default()
    });
    let mut stdout = std::io::stdout().lock();
    // A closed stdout (for example `| head`) must not stop the run.
    let result = harness.run(&script, |line| {
        let (frame, seconds) = (line.frame, line.seconds);
        let _ = writeln!(stdout, "[frame {frame:>6} {seconds:>8.3}s] {}", line.text);
    });
    match result {
        Ok(()) => {
            let _ = writeln!(
                stdout,
                "{}: all {} steps passed",
                path.display(),
                script.steps.len()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{}: {failure}", path.display());
            ExitCode::FAILURE
        }
    }
}
