//! The scripted-input format and the harness that runs it.

use std::path::Path;

use long_exposure::states::Screen;
use long_exposure::testing::script::{Expectation, Script, Step};
use long_exposure::testing::{Failure, Harness, HeadlessConfig, StepFailure};

use super::support::repo_file;

/// The failed step of a run that was meant to fail at a step.
fn failed_step(result: Result<(), Failure>) -> StepFailure {
    match result {
        Err(Failure::Step(failure)) => failure,
        other => panic!("expected a failed step, got {other:?}"),
    }
}

fn run(script: &Script) -> Result<(), Failure> {
    Harness::new(HeadlessConfig::default()).run(script, |_| {})
}

fn parse_error(text: &str) -> String {
    Script::parse(Path::new("bad.ron"), text)
        .unwrap_err()
        .to_string()
}

#[test]
fn the_shipped_smoke_script_passes() {
    let script = Script::load(&repo_file("playthroughs/smoke.ron")).unwrap();
    let mut lines = Vec::new();
    run_collecting(&script, &mut lines).unwrap();
    assert!(
        lines.contains(&"screen: Title -> Playing".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"pause: Running -> Paused".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"screen: Playing -> Title".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn every_shipped_playthrough_passes() {
    let mut count = 0;
    for entry in std::fs::read_dir(repo_file("playthroughs"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ron") {
            let script = Script::load(&path).unwrap();
            if let Err(failure) = run(&script) {
                panic!("{}: {failure}", path.display());
            }
            count += 1;
        }
    }
    assert!(count >= 2, "{count} playthroughs");
}

fn run_collecting(script: &Script, lines: &mut Vec<String>) -> Result<(), Failure> {
    Harness::new(HeadlessConfig::default()).run(script, |line| lines.push(line.text.clone()))
}

#[test]
fn a_false_expectation_names_its_step_and_what_was_found() {
    let script = Script::load(&repo_file("tests/game/scripts/wrong-screen.ron")).unwrap();
    let failure = failed_step(run(&script));
    assert_eq!(failure.step, 3);
    assert_eq!(failure.step_text, "Expect(Screen(Ending))");
    assert_eq!(
        failure.message,
        "expected screen Ending, found Some(Playing)"
    );
}

#[test]
fn steps_after_a_failure_do_not_run() {
    let script = Script {
        description: String::new(),
        steps: vec![
            Step::Expect(Expectation::Screen(Screen::Ending)),
            Step::Expect(Expectation::Exited),
        ],
    };
    assert_eq!(failed_step(run(&script)).step, 1);
}

#[test]
fn a_wait_longer_than_the_night_or_negative_is_refused_at_its_position_not_a_hang() {
    let cases = [
        (
            "(steps: [WaitSeconds(-1.0)])",
            "t.ron:1:10: error: a wait of -1 seconds: give 0 to 3600 (longer than any night)",
        ),
        (
            "(steps: [\n  Press(Confirm),\n  WaitSeconds(1e30),\n])",
            "t.ron:3:3: error: a wait of 1000000000000000000000000000000 seconds: give 0 to 3600 \
             (longer than any night)",
        ),
        (
            "(steps: [WaitUntil(Screen(Ending), 4000)])",
            "t.ron:1:10: error: a wait of 4000 seconds: give 0 to 3600 (longer than any night)",
        ),
        (
            "(steps: [WaitFrames(4000000)])",
            "t.ron:1:10: error: a wait of 4000000 frames is longer than any night: wait at most 216000",
        ),
    ];
    for (text, expected) in cases {
        let error = Script::parse(Path::new("t.ron"), text).unwrap_err();
        assert_eq!(error.to_string(), expected);
    }
    // A script built in code is checked when it runs.
    let script = Script {
        description: String::new(),
        steps: vec![Step::WaitSeconds(f32::INFINITY)],
    };
    let failure = failed_step(run(&script));
    assert_eq!(failure.message, "cannot wait inf seconds: give 0 to 3600");
}

#[test]
fn waiting_seconds_runs_whole_frames_at_the_chosen_rate() {
    for fps in [30, 60, 144] {
        let harness = Harness::new(HeadlessConfig {
            fps,
            ..Default::default()
        });
        assert_eq!(harness.frames_in(2.0), 2 * fps);
    }
}

#[test]
fn an_unknown_action_is_reported_at_its_line_and_column() {
    let error = Script::load(&repo_file("tests/game/scripts/unknown-action.ron")).unwrap_err();
    assert_eq!(error.position, Some((5, 15)));
    assert!(
        error.to_string().contains("unknown-action.ron:5:15: "),
        "{error}"
    );
}

#[test]
fn malformed_scripts_give_file_line_column_messages() {
    let cases = [
        (
            "(steps: [Press(Confirm)",
            "bad.ron:1:23: error: Expected comma",
        ),
        (
            "(steps: [WaitFrames(-3)])",
            "bad.ron:1:22: error: Integer is out of bounds",
        ),
        (
            "(steps: [], speed: 3)",
            "bad.ron:1:13: error: `Script` has no field `speed` (fields: `description`, `steps`)",
        ),
        (
            "(steps: [], step: [])",
            "bad.ron:1:13: error: `Script` has no field `step`: did you mean `steps`?",
        ),
        (
            "(\n  steps: [\n    Expect(Screen(Sunrise)),\n  ],\n)",
            "bad.ron:3:19: error: unknown Screen `Sunrise` (choices: `Title`, `Playing`, `Ending`)",
        ),
        (
            "(steps: [Press(Confrim)])",
            "bad.ron:1:16: error: unknown Action `Confrim`: did you mean `Confirm`?",
        ),
        (
            "",
            "bad.ron:1:1: error: Expected opening `(` for struct `Script`",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_error(text), expected, "for {text:?}");
    }
}
