//! The `long-exposure` binary as a modder or a CI script runs it.

use std::process::{Command, Output};

use super::support::{TempDir, repo_file, run_in, text};

/// Runs the game's binary from the repository's root; unless `args` name a
/// mods folder, with an empty one (the player's own mods must not change
/// results).
pub fn long_exposure(args: &[&str]) -> Output {
    let mut args = args.to_vec();
    if !args.contains(&"--mods") && !args.contains(&"--help") {
        args.extend(["--mods", "tests/game/levels/empty-mods"]);
    }
    run_in(&repo_file(""), &args)
}

#[test]
fn the_smoke_script_passes_headless_and_prints_what_happens() {
    let out = long_exposure(&["--headless", "--script", "playthroughs/smoke.ron"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("] screen: Title -> Playing"), "{stdout}");
    assert!(stdout.contains("] pause: Running -> Paused"), "{stdout}");
    assert!(
        stdout.contains("] level: warehouse (arrived at start)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("playthroughs/smoke.ron: all 16 steps passed"),
        "{stdout}"
    );
}

#[test]
fn a_failing_expectation_exits_1_naming_the_step() {
    let out = long_exposure(&[
        "--headless",
        "--script",
        "tests/game/scripts/wrong-screen.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "tests/game/scripts/wrong-screen.ron: step 3 `Expect(Screen(Ending))` failed: \
         expected screen Ending, found Some(Playing)"
    );
}

#[test]
fn a_broken_script_file_exits_2_with_its_position() {
    let out = long_exposure(&[
        "--headless",
        "--script",
        "tests/game/scripts/unknown-action.ron",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("tests/game/scripts/unknown-action.ron:5:15: error: "),
        "{}",
        text(&out.stderr)
    );
    let out = long_exposure(&["--headless", "--script", "no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("no/such/file.ron: error: cannot read the file"));
}

#[test]
fn headless_needs_a_script_and_a_script_alone_plays_in_a_window() {
    assert_eq!(long_exposure(&["--headless"]).status.code(), Some(2));
    // Without --headless a script drives the game in a window: with no
    // display, that fails in one line.
    let script = repo_file("playthroughs/smoke.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_long-exposure"))
        .args(["--script", script.to_str().unwrap()])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no display found"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn with_no_display_the_window_fails_in_one_line_pointing_to_headless() {
    let out = Command::new(env!("CARGO_BIN_EXE_long-exposure"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no display found"), "{stderr}");
    assert!(stderr.contains("--headless --script FILE"), "{stderr}");
}

#[test]
fn help_explains_every_flag() {
    let help = text(&long_exposure(&["--help"]).stdout);
    for flag in [
        "--headless",
        "--script <FILE>",
        "--fps <FPS>",
        "bench",
        "--help",
        "--version",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}:\n{help}");
    }
}

#[test]
fn validate_passes_the_shipped_data_and_fails_a_broken_mod_with_positions() {
    let out = long_exposure(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), "validate: 0 errors, 0 warnings\n");

    let mods = TempDir::new("cli");
    let broken = repo_file("tests/game/levels/broken/sprite-typo.ron");
    let file = mods.write("sunrise.level.ron", std::fs::read(broken).unwrap());
    let out = long_exposure(&["validate", "--mods", mods.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "{}:7:22: error: unknown sprite `antena`: did you mean `antenna`?\n\
         validate: 1 error, 0 warnings\n",
        file.display()
    );
    assert_eq!(text(&out.stdout), expected);
}
