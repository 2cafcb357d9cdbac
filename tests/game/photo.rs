//! The camera as a player meets it: raising it, aiming, the shutter and
//! its film, the album's records, the shot list and input that belongs to
//! the viewfinder alone.

use long_exposure::input::Action;
use long_exposure::photo::Viewfinder;
use long_exposure::story::StoryState;
use long_exposure::testing::Harness;
use long_exposure::testing::script::Script;

use super::support::{TempDir, headless, modded, shipped, shipped_with};

/// A new game in the warehouse, the chapter card gone.
fn new_game(harness: &mut Harness) {
    harness.select("New game").unwrap();
    harness.frames(harness.frames_in(3.5));
}

fn album(harness: &Harness) -> Vec<(u32, String, u32)> {
    let state = harness.world().resource::<StoryState>();
    state
        .album
        .iter()
        .map(|p| {
            let best = p.subjects.first().map_or(String::new(), |s| s.key.clone());
            (p.number, best, p.score)
        })
        .collect()
}

fn traced(harness: &Harness, text: &str) -> usize {
    harness
        .trace()
        .iter()
        .filter(|l| l.text.contains(text))
        .count()
}

#[test]
fn a_photo_of_the_mirror_is_judged_kept_and_meets_its_goal() {
    let mut harness = headless(shipped());
    new_game(&mut harness);
    harness.press(Action::Camera);
    assert!(harness.world().resource::<Viewfinder>().raised);
    harness.zoom(85).unwrap();
    harness.aim(bevy::math::Vec2::new(26.0, 25.0)).unwrap();
    harness.frames(1);
    harness.press(Action::Shutter);
    // The mirror (12 x 18 at x 20, y 16) in the 61 x 41 frame at 85 mm,
    // pushed against the level's left edge: 58.
    assert_eq!(album(&harness), [(1, "warehouse/mirror".to_owned(), 58)]);
    let state = harness.world().resource::<StoryState>();
    let photo = &state.album[0];
    assert_eq!(
        (
            photo.level.as_str(),
            photo.focal,
            photo.at.to_string().as_str()
        ),
        ("warehouse", 85, "23:01")
    );
    assert!(
        state.flags.contains("shot_mirror"),
        "the shot list's goal is met"
    );
    assert_eq!(traced(&harness, "sound: Shutter"), 1);
    assert_eq!(traced(&harness, "sound: FilmAdvance"), 1);
    assert_eq!(
        traced(&harness, "photo: 1 at 23:01 scored 58: warehouse/mirror 58"),
        1
    );
}

#[test]
fn the_shutter_fires_only_in_the_viewfinder() {
    let mut harness = headless(shipped());
    harness.press(Action::Shutter); // the title's menu
    new_game(&mut harness);
    harness.press(Action::Shutter); // exploring
    harness.press(Action::Pause);
    harness.press(Action::Shutter); // the pause menu
    harness.press(Action::Pause);
    harness.press(Action::Camera);
    harness.press(Action::Pause);
    harness.press(Action::Shutter); // paused with the camera raised
    harness.press(Action::Pause);
    assert!(
        album(&harness).is_empty(),
        "no photograph outside the viewfinder"
    );
    harness.press(Action::Shutter);
    assert_eq!(album(&harness).len(), 1);
}

#[test]
fn the_roll_runs_out_with_a_dry_click() {
    let mods = TempDir::new("short-roll");
    mods.write(
        "story.ron",
        shipped_with("story.ron", |s| s.replace("film_roll: 24", "film_roll: 2")),
    );
    let mut harness = headless(modded(mods.path()));
    new_game(&mut harness);
    harness.press(Action::Camera);
    for _ in 0..3 {
        harness.press(Action::Shutter);
    }
    assert_eq!(album(&harness).len(), 2, "two frames on the roll");
    assert_eq!(traced(&harness, "sound: DryClick"), 1);
    assert_eq!(traced(&harness, "photo: the roll is finished"), 1);
    assert_eq!(traced(&harness, "sound: Shutter"), 2);
}

#[test]
fn a_photo_of_nothing_scores_zero_and_still_spends_film() {
    let mut harness = headless(shipped());
    new_game(&mut harness);
    harness.press(Action::Camera);
    harness.zoom(85).unwrap();
    harness.aim(bevy::math::Vec2::new(150.0, 60.0)).unwrap(); // bare wall above the floor
    harness.frames(1);
    harness.press(Action::Shutter);
    assert_eq!(album(&harness), [(1, String::new(), 0)]);
    assert!(traced(&harness, "scored 0: nothing") == 1);
}

#[test]
fn a_goal_met_sets_its_flag_and_a_trigger_reads_it() {
    let mods = TempDir::new("goal-trigger");
    mods.write(
        "warehouse.level.ron",
        shipped_with("warehouse.level.ron", |s| {
            let trigger =
                r#"(id: "mirror_taken", when: Flag("shot_mirror"), event: "mirror_remembered"),"#;
            s.replacen("triggers: [", &format!("triggers: [\n        {trigger}"), 1)
        }),
    );
    let script = Script::parse(
        std::path::Path::new("mirror.ron"),
        r#"(steps: [
            Select("New game"), WaitSeconds(3.5),
            Press(Camera), Zoom(85), Aim(26, 25), WaitFrames(1), Press(Shutter),
            Expect(GoalDone("shot_mirror")), Expect(PhotoOf("warehouse/mirror", 50)),
            Expect(Photos(1)), Expect(FilmLeft(23)),
            WaitFrames(2),
            Expect(Happened("story: mirror_remembered")),
        ])"#,
    )
    .unwrap();
    let mut harness = headless(modded(mods.path()));
    harness.run(&script, |_| {}).unwrap();
}
