//! The modder's loop as a newcomer meets it: folders named on the command
//! line, one verdict on data shared by the game and `validate`, scripts that
//! find their way and give the same trace every run, `--start`, and "Your
//! first mod" from levels/README.md, run exactly as written.

use std::fs;

use bevy::prelude::{NextState, Text};

use long_exposure::content::files;
use long_exposure::content::schema::Arrival;
use long_exposure::input::Action;
use long_exposure::levels::{NightData, StartOverride};
use long_exposure::states::Screen;
use long_exposure::story::StoryState;
use long_exposure::testing::script::Script;
use long_exposure::testing::{Failure, Harness, HeadlessConfig};

use super::cli::long_exposure;
use super::levels::{copy_levels, problems, wait_for, watching};
use super::support::{
    TempDir, headless, modded, readme_blocks, repo_file, run_in, shipped, shipped_with, text,
};

/// A script that starts a new game and expects Lev in `level`.
fn expect_level_script(level: &str) -> String {
    format!(r#"(steps: [Press(Confirm), WaitFrames(2), Expect(Level("{level}"))])"#)
}

#[test]
fn relative_levels_and_mods_folders_are_read_from_the_current_folder() {
    let work = TempDir::new("relative");
    copy_levels(&work.path().join("my-levels"));
    let story = shipped_with("story.ron", |s| {
        s.replace(
            r#"level: "warehouse", spawn: "start","#,
            r#"level: "streets", spawn: "from_warehouse","#,
        )
    });
    work.write("my-mods/story.ron", story);
    work.write("walk.ron", expect_level_script("streets"));
    let folders = ["--levels", "my-levels", "--mods", "my-mods"];

    let play = run_in(
        work.path(),
        &[&["--headless", "--script", "walk.ron"][..], &folders].concat(),
    );
    let stdout = text(&play.stdout);
    assert_eq!(
        play.status.code(),
        Some(0),
        "{stdout}{}",
        text(&play.stderr)
    );
    assert!(
        stdout.contains("] level: streets (arrived at from_warehouse)"),
        "{stdout}"
    );

    let check = run_in(work.path(), &[&["validate"][..], &folders].concat());
    assert_eq!(text(&check.stdout), "validate: 0 errors, 0 warnings\n");
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn a_folder_named_on_the_command_line_must_exist() {
    for args in [
        &["validate", "--mods", "no/such/folder"][..],
        &[
            "--headless",
            "--script",
            "playthroughs/smoke.ron",
            "--mods",
            "no/such/folder",
        ],
        &["validate", "--levels", "no/such/folder"],
    ] {
        let out = long_exposure(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        let flag = args[args.len() - 2];
        assert!(
            stderr.starts_with(&format!(
                "long-exposure: {flag} no/such/folder: there is no such folder ("
            )),
            "{args:?}: {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?} ran on: {}",
            text(&out.stdout)
        );
    }
}

/// A mods folder whose warehouse door leads to a spawn point the streets
/// lack: an error between files.
fn door_to_a_missing_spawn() -> TempDir {
    let mods = TempDir::new("missing-spawn");
    let warehouse = shipped_with("warehouse.level.ron", |s| {
        s.replace(r#"to_spawn: "from_warehouse""#, r#"to_spawn: "roof""#)
    });
    mods.write("warehouse.level.ron", warehouse);
    mods
}

#[test]
fn data_with_an_error_is_not_played_and_a_headless_run_fails_at_once() {
    let mods = door_to_a_missing_spawn();
    let validated = files::load_all(&modded(mods.path()));
    let errors: Vec<String> = validated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].ends_with(
            "error: level `streets` has no spawn point `roof` (its spawn points: \
             `from_warehouse`, `from_tower`)"
        ),
        "{errors:?}"
    );

    // The game finds the same error and will not begin the night.
    let mut harness = headless(modded(mods.path()));
    assert_eq!(problems(&mut harness), errors);
    assert_eq!(harness.app().world().resource::<NightData>().story, None);
    harness.press(Action::Confirm);
    harness.frames(5);
    assert_eq!(harness.screen(), Some(Screen::Title));
    let world = harness.app().world_mut();
    let says_why = world.query::<&Text>().iter(world).any(|t| {
        t.0.starts_with("The night's data has errors (listed below)")
    });
    assert!(says_why, "the title says why the night does not begin");
    let script = Script::parse(
        std::path::Path::new("s.ron"),
        &expect_level_script("warehouse"),
    );
    match harness.run(&script.unwrap(), |_| {}) {
        Err(Failure::Data(found)) => assert_eq!(found.len(), 1),
        other => panic!("expected the data's errors, got {other:?}"),
    }

    // A headless run prints the error and stops before its first step.
    let out = long_exposure(&[
        "--headless",
        "--script",
        "playthroughs/smoke.ron",
        "--mods",
        mods.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "{}\nplaythroughs/smoke.ron: the data has 1 error, so no step ran \
             (`long-exposure validate` lists them)\n",
            errors[0]
        )
    );
}

#[test]
fn a_saved_error_between_files_keeps_the_last_good_data_in_play() {
    let base = TempDir::new("reload-between");
    copy_levels(base.path());
    let mut harness = watching(long_exposure::content::Roots {
        base: base.path().to_path_buf(),
        mods: None,
    });
    harness.press(Action::Confirm);
    let door = |harness: &mut Harness| {
        let data = harness.app().world().resource::<NightData>();
        data.level("warehouse").map(|l| l.exits[0].to_spawn.clone())
    };
    assert_eq!(door(&mut harness).as_deref(), Some("from_warehouse"));
    let file = base.path().join("warehouse.level.ron");
    let good = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        good.replace(r#"to_spawn: "from_warehouse""#, r#"to_spawn: "roof""#),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| !problems(h).is_empty()),
        "the error shows"
    );
    assert!(problems(&mut harness)[0].contains("has no spawn point `roof`"));
    harness.frames(10);
    assert_eq!(
        door(&mut harness).as_deref(),
        Some("from_warehouse"),
        "the last good data stays"
    );
    fs::write(&file, good.replace("The warehouse", "The old warehouse")).unwrap();
    assert!(
        wait_for(&mut harness, |h| problems(h).is_empty()),
        "the error clears"
    );
    let name = |harness: &mut Harness| {
        let data = harness.app().world().resource::<NightData>();
        data.level("warehouse").map(|l| l.name.clone())
    };
    assert!(wait_for(&mut harness, |h| name(h).as_deref()
        == Some("The old warehouse")));
}

/// The first-mod folder as levels/README.md builds it: the roof level, and
/// the warehouse copied with the README's two lines added.
fn first_mod(work: &TempDir) {
    let [rooftop] = readme_blocks("levels/README.md", "**2. Write the level.**");
    let [exit, spawn] = readme_blocks("levels/README.md", "**3. Lead a door to it.**");
    let warehouse = shipped_with("warehouse.level.ron", |s| {
        s.replacen("exits: [\n", &format!("exits: [\n{exit}"), 1)
            .replacen("spawns: [\n", &format!("spawns: [\n{spawn}"), 1)
    });
    work.write("my-mods/rooftop.level.ron", rooftop);
    work.write("my-mods/warehouse.level.ron", warehouse);
    let [script] = readme_blocks("levels/README.md", "**6. Walk into it.**");
    work.write("first-mod.ron", script);
}

#[test]
fn the_first_mod_of_the_levels_readme_validates_and_its_script_walks_into_it() {
    let work = TempDir::new("first-mod");
    first_mod(&work);
    let story = files::load_all(&shipped()).story.unwrap();
    assert!(
        !story.chapters.iter().any(|c| c.level == "rooftop"),
        "the roof is reached by its door alone"
    );

    // The README's commands, run in the folder that holds `my-mods`; the
    // game's own levels are named as an installed game would find them.
    let levels = repo_file("levels");
    let levels = ["--levels", &*levels.to_string_lossy()].map(str::to_owned);
    let command = |args: &[&str]| {
        let args: Vec<&str> = args
            .iter()
            .copied()
            .chain(levels.iter().map(String::as_str))
            .collect();
        run_in(work.path(), &args)
    };
    let check = command(&["validate", "--mods", "my-mods"]);
    assert_eq!(text(&check.stdout), "validate: 0 errors, 0 warnings\n");

    let run = command(&[
        "--headless",
        "--script",
        "first-mod.ron",
        "--mods",
        "my-mods",
    ]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
    for line in [
        "] lev: climbs onto stairs[0] at (96, 16)",
        "] lev: gets off stairs[0] onto floors[1] at (176, 96)",
        "] lev: gets off stairs[1] onto floors[3] at (200, 176)",
        "] level: rooftop (arrived at hatch)",
        "] lev: arrives on floors[0] at (38, 16)",
        "] inspect: view: Moscow from above",
        "first-mod.ron: all 20 steps passed",
    ] {
        assert!(stdout.contains(line), "no `{line}` in:\n{stdout}");
    }
}

#[test]
fn one_script_gives_the_same_trace_on_every_run() {
    let run = || long_exposure(&["--headless", "--script", "playthroughs/phone-call.ron"]);
    let (first, second) = (run(), run());
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("[frame      0"),
        "loading is frame 0"
    );
    assert_eq!(text(&first.stdout), text(&second.stdout));
}

#[test]
fn walk_to_stops_within_half_a_pixel_or_says_where_lev_stopped() {
    let mut harness = headless(shipped());
    harness.press(Action::Confirm);
    harness.walk_to(300.0).unwrap();
    let at = harness.lev().unwrap().position;
    assert!((at.x - 300.0).abs() <= 0.5 && at.y == 16.0, "{at}");
    harness.walk_to(41.25).unwrap();
    assert!((harness.lev().unwrap().position.x - 41.25).abs() <= 0.5);
    // The warehouse's east wall stands at x 632: Lev's centre stops 4 px short.
    assert_eq!(
        harness.walk_to(700.0),
        Err(
            "Lev cannot get to x 700: he stopped at x 628 (a wall, the level's edge, \
             or a ladder he is on is in the way)"
                .into()
        )
    );
}

#[test]
fn start_begins_a_new_game_in_any_level_at_its_spawn_point_and_time() {
    let mut harness = Harness::new(HeadlessConfig {
        start: StartOverride {
            arrival: Some(Arrival {
                level: "clock_tower".into(),
                spawn: "from_streets".into(),
            }),
            at: Some("23:55".to_owned().try_into().unwrap()),
        },
        ..Default::default()
    });
    harness.frames(2);
    assert_eq!(harness.screen(), Some(Screen::Playing));
    assert_eq!(harness.level().as_deref(), Some("clock_tower"));
    let clock = harness.world().resource::<StoryState>().time().to_string();
    assert_eq!(clock, "23:55");

    let work = TempDir::new("start");
    work.write(
        "here.ron",
        r#"(steps: [Expect(Screen(Playing)), Expect(Level("streets"))])"#,
    );
    let (levels, mods) = (
        repo_file("levels"),
        repo_file("tests/game/levels/empty-mods"),
    );
    let (levels, mods) = (levels.to_string_lossy(), mods.to_string_lossy());
    let ok = run_in(
        work.path(),
        &[
            "--headless",
            "--script",
            "here.ron",
            "--start",
            "streets",
            "--levels",
            &levels,
            "--mods",
            &mods,
        ],
    );
    let stdout = text(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{stdout}{}", text(&ok.stderr));
    assert!(
        stdout.contains("] level: streets (arrived at from_warehouse)"),
        "{stdout}"
    );

    for (start, message) in [
        (
            "streets:form_warehouse",
            "long-exposure: --start streets:form_warehouse: level `streets` has no spawn point \
             `form_warehouse`: did you mean `from_warehouse`?\n",
        ),
        (
            "stretes",
            "long-exposure: --start stretes: there is no level `stretes`: did you mean `streets`?\n",
        ),
    ] {
        let out = long_exposure(&[
            "--headless",
            "--script",
            "playthroughs/smoke.ron",
            "--start",
            start,
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(text(&out.stderr), message);
    }
}

#[test]
fn the_game_and_validate_find_the_same_problems_in_every_broken_file() {
    let mut disagreements = Vec::new();
    for case in super::levels::corpus() {
        let mods = TempDir::new("agree");
        mods.write(&case.stands_for, &case.bytes);
        let roots = modded(mods.path());
        let validated: Vec<String> = files::load_all(&roots)
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut harness = headless(roots);
        let played = problems(&mut harness);
        if played != validated {
            disagreements.push(format!(
                "{}:\n  validate: {validated:#?}\n  game: {played:#?}",
                case.name
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn story_ron_saved_without_the_chapter_in_play_keeps_the_last_good_story() {
    let base = TempDir::new("reload-chapter");
    copy_levels(base.path());
    let mut harness = watching(long_exposure::content::Roots {
        base: base.path().to_path_buf(),
        mods: None,
    });
    harness.press(Action::Confirm);
    harness.frames(2);
    let chapters = |harness: &mut Harness| {
        let data = harness.app().world().resource::<NightData>();
        let story = data.story.as_ref().unwrap();
        story
            .chapters
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(chapters(&mut harness)[0], "warehouse");
    let file = base.path().join("story.ron");
    let good = fs::read_to_string(&file).unwrap();
    // The chapter the night is in, renamed while it is played.
    fs::write(
        &file,
        good.replace(r#"id: "warehouse""#, r#"id: "the_warehouse""#),
    )
    .unwrap();
    assert!(
        wait_for(&mut harness, |h| !problems(h).is_empty()),
        "the problem shows"
    );
    let shown = problems(&mut harness);
    assert!(
        shown[0].contains("story.ron:")
            && shown[0].contains("the night in play is in the chapter `warehouse`"),
        "{shown:?}"
    );
    harness.frames(10);
    assert_eq!(
        chapters(&mut harness)[0],
        "warehouse",
        "the last good story stays"
    );
    // The night goes on: the phone rings and the chapter ends as before.
    let state = harness
        .app()
        .world()
        .resource::<StoryState>()
        .chapter
        .clone();
    assert_eq!(state, "warehouse");

    // Back on the title (the night left), the new story plays.
    harness
        .app()
        .world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Title);
    assert!(wait_for(&mut harness, |h| chapters(h)[0] == "the_warehouse"));
    assert!(
        problems(&mut harness).is_empty(),
        "{:?}",
        problems(&mut harness)
    );
}

#[test]
fn a_mod_file_deleted_while_the_game_runs_gives_way_to_the_game_file() {
    // The first mod of levels/README.md: a rooftop, and the warehouse
    // with a door to it; renamed, so that the game's file shows apart.
    let work = TempDir::new("deleted-mod");
    first_mod(&work);
    let mods = work.path().join("my-mods");
    let file = mods.join("warehouse.level.ron");
    let modded_text = fs::read_to_string(&file).unwrap().replace(
        r#"name: "The warehouse""#,
        r#"name: "The modded warehouse""#,
    );
    fs::write(&file, modded_text).unwrap();
    let mut harness = watching(modded(&mods));
    let name = |harness: &mut Harness, id: &str| {
        let data = harness.app().world().resource::<NightData>();
        data.level(id).map(|l| l.name.clone())
    };
    assert_eq!(
        name(&mut harness, "warehouse").as_deref(),
        Some("The modded warehouse")
    );
    assert!(name(&mut harness, "rooftop").is_some());
    harness.press(Action::Confirm);
    harness.frames(2);

    // The warehouse goes back to the game's own, which has no spawn point
    // for the rooftop's door: that is reported, and the last good data
    // stays until the rooftop goes too.
    fs::remove_file(&file).unwrap();
    assert!(
        wait_for(&mut harness, |h| problems(h)
            .iter()
            .any(|p| p.contains("has no spawn point `from_roof`"))),
        "{:?}",
        problems(&mut harness)
    );
    assert_eq!(
        name(&mut harness, "warehouse").as_deref(),
        Some("The modded warehouse")
    );
    fs::remove_file(mods.join("rooftop.level.ron")).unwrap();
    assert!(
        wait_for(&mut harness, |h| name(h, "warehouse").as_deref()
            == Some("The warehouse")),
        "the game's own file takes over: {:?}",
        problems(&mut harness)
    );
    assert!(name(&mut harness, "rooftop").is_none(), "gone with the mod");
    assert!(
        problems(&mut harness).is_empty(),
        "{:?}",
        problems(&mut harness)
    );
    assert_eq!(harness.level().as_deref(), Some("warehouse"));
}
