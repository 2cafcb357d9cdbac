//! Saves: taken at each chapter, from the pause menu and on quitting;
//! continued from the title exactly as they were; broken ones reported
//! with the backup offered, never a panic, never a lost save.

use std::fs;

use bevy::prelude::*;
use long_exposure::content::schema::Facing;
use long_exposure::explore::Lev;
use long_exposure::random::Random;
use long_exposure::save::{SaveFolder, Slot};
use long_exposure::states::Screen;
use long_exposure::story::StoryState;
use long_exposure::testing::script::Script;
use long_exposure::testing::{Harness, HeadlessConfig};

use super::support::{TempDir, game_in, log, menu_items, on_screen, repo_file, steps, times};

fn state(harness: &Harness) -> StoryState {
    harness.world().resource::<StoryState>().clone()
}

/// A folder holding a save taken at the first chapter's start, as
/// `save.ron`.
fn folder_with_a_save(name: &str) -> TempDir {
    let folder = TempDir::new(name);
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"Select("New game"), WaitUntil(Happened("saved (Chapter)"), 2)"#,
    );
    folder
}

#[test]
fn a_save_in_the_middle_of_the_call_continues_exactly_and_fires_nothing_twice() {
    let folder = TempDir::new("mid-call");
    let mut game = game_in(folder.path());
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"],
        "no save yet"
    );
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(3.5), WalkTo(250),
           WaitUntil(Flag("phone_rang"), 60), Press(Interact), ReadOn,
           Expect(Choice("phone_call/ask_who")),
           Press(Pause), Select("Save"), Expect(Happened("saved (Player): warehouse at 23:2"))"#,
    );
    let saved = state(&game);
    assert!(saved.dialogue.is_some(), "saved in the middle of the call");
    let on_disk = SaveFolder::read(&folder.path().join("save.ron"));
    assert_eq!(on_disk.save().map(|s| &s.state), Some(&saved));
    assert!(
        fs::read_to_string(folder.path().join("save.ron"))
            .unwrap()
            .starts_with("Save(\n    version: 1,"),
        "versioned RON"
    );

    // Saved just now: quitting to the title loses nothing and asks nothing.
    steps(
        &mut game,
        r#"Select("Quit to title"), Expect(Screen(Title))"#,
    );
    assert_eq!(
        menu_items(&mut game),
        ["Continue", "New game", "Album", "Settings", "Quit"]
    );
    let (rang, calls, visits) = (
        times(&game, "story: phone_rings"),
        times(&game, "dialogue: phone_call"),
        saved.visits.clone(),
    );
    steps(
        &mut game,
        r#"Select("Continue"), WaitUntil(Level("warehouse"), 1), WaitFrames(2),
           Expect(DialogueOpen(true)), Expect(Choice("phone_call/ask_who"))"#,
    );
    let continued = state(&game);
    assert_eq!(continued, saved, "the story state exactly as saved");
    assert_eq!(continued.visits, visits, "continuing is not a new visit");
    let lev = game.lev().unwrap();
    assert_eq!(lev.position, Vec2::from(saved.place.at));
    assert!(
        on_screen(&mut game).contains("Who is this?"),
        "the choices show again"
    );

    // The call goes on from its choice; nothing before it happens again.
    steps(
        &mut game,
        r#"Select("Who is this?"), ReadOn, Expect(DialogueOpen(false)),
           Expect(Flag("phone_answered")), WaitSeconds(2)"#,
    );
    assert_eq!(times(&game, "story: phone_rings"), rang, "{}", log(&game));
    assert_eq!(times(&game, "dialogue: phone_call"), calls);
    assert_eq!(times(&game, "story: call_ended"), 1);
    assert_eq!(
        times(&game, "chapter: warehouse"),
        1,
        "no second chapter card"
    );
}

#[test]
fn each_chapter_saves_as_it_begins_and_quitting_saves_too() {
    let folder = TempDir::new("chapters");
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"Select("New game"), WaitUntil(Happened("saved (Chapter): warehouse at 23:00"), 1),
           WaitSeconds(4), Hold(Right), WaitSeconds(1), Release(Right),
           Hold(Left), WaitSeconds(0.3), Release(Left), WaitSeconds(1)"#,
    );
    let walked = state(&game);
    assert_eq!(walked.place.facing, Facing::Left);
    game.app().world_mut().write_message(AppExit::Success);
    game.frames(1);
    assert_eq!(times(&game, "saved (Quit)"), 1, "{}", log(&game));
    let Slot::Ready(save) = SaveFolder::read(&folder.path().join("save.ron")) else {
        panic!("no save written on quitting");
    };
    assert_eq!(save.state.place, walked.place, "where Lev stood");
    let Slot::Ready(backup) = SaveFolder::read(&folder.path().join("save.backup.ron")) else {
        panic!("the chapter's save is not the backup");
    };
    assert_eq!(backup.state.time().to_string(), "23:00");
    assert_eq!(
        backup.state.place.at,
        (40.0, 16.0),
        "saved once Lev stands at the chapter's spawn point"
    );

    // A new run offers it, facing the way he faced.
    let mut again = game_in(folder.path());
    assert_eq!(menu_items(&mut again)[0], "Continue");
    assert!(
        on_screen(&mut again).contains("Continue: I. The warehouse"),
        "{}",
        on_screen(&mut again)
    );
    steps(
        &mut again,
        r#"Select("Continue"), WaitUntil(Level("warehouse"), 1)"#,
    );
    assert_eq!(state(&again).place, walked.place);
    let world = again.app().world_mut();
    let mut lev = world.query_filtered::<&Sprite, With<Lev>>();
    assert!(lev.single(world).unwrap().flip_x, "Lev faces left again");
}

#[test]
fn quitting_to_the_title_says_what_would_be_lost() {
    let folder = TempDir::new("lost");
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(14),
           Press(Pause), Select("Quit to title"), Expect(Screen(Playing))"#,
    );
    let shown = on_screen(&mut game);
    assert!(
        shown.contains("Quit to the title?")
            && shown
                .contains("Since the last save, at 23:00: 7 minutes of the night would be lost."),
        "{shown}\n{}",
        log(&game)
    );
    assert_eq!(
        menu_items(&mut game),
        ["Save and quit", "Quit without saving", "Back"]
    );
    steps(&mut game, r#"Press(Back), Expect(Paused(true))"#);
    assert_eq!(
        menu_items(&mut game),
        ["Resume", "Album", "Save", "Settings", "Quit to title"]
    );
    steps(
        &mut game,
        r#"Select("Quit to title"), Select("Save and quit"), Expect(Screen(Title)),
           Expect(Happened("saved (Player): warehouse at 23:07"))"#,
    );
}

/// Each way a save can be unusable: the message shows on the title, with
/// the backup offered; continuing plays the backup.
#[test]
fn a_broken_save_is_reported_and_the_backup_offered() {
    let folder = folder_with_a_save("broken");
    let good = fs::read_to_string(folder.path().join("save.ron")).unwrap();
    let mut seeded = Random::new(11);
    let random: Vec<u8> = (0..2048).map(|_| seeded.range(0.0, 256.0) as u8).collect();
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "truncated",
            good.as_bytes()[..good.len() / 3].to_vec(),
            "save.ron:",
        ),
        ("random bytes", random, "save.ron:"),
        (
            "newer",
            good.replacen("version: 1,", "version: 9,", 1).into_bytes(),
            "a newer version of Long Exposure wrote this save (version 9",
        ),
    ];
    for (name, bytes, says) in cases {
        fs::write(folder.path().join("save.backup.ron"), &good).unwrap();
        fs::write(folder.path().join("save.ron"), &bytes).unwrap();
        let mut game = game_in(folder.path());
        let shown = on_screen(&mut game);
        assert!(
            shown.contains("The latest save cannot be read, but its backup can."),
            "{name}: {shown}"
        );
        assert!(shown.contains(says), "{name}: {shown}");
        assert!(
            shown.contains("Continue from the backup"),
            "{name}: {shown}"
        );
        assert_eq!(menu_items(&mut game)[0], "Continue", "{name}");
        steps(
            &mut game,
            r#"Select("Continue"), WaitUntil(Level("warehouse"), 1),
               Expect(Happened("continue from the backup: warehouse at 23:00"))"#,
        );
        assert_eq!(
            fs::read(folder.path().join("save.ron")).unwrap(),
            bytes,
            "{name}: the broken save is left as it was until the next save"
        );
    }

    // Without a backup: the message, and no Continue.
    fs::remove_file(folder.path().join("save.backup.ron")).unwrap();
    let mut game = game_in(folder.path());
    assert!(on_screen(&mut game).contains("there is no backup"));
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );
}

#[test]
fn a_half_written_save_never_replaces_the_good_one() {
    let folder = folder_with_a_save("partial");
    let good = fs::read_to_string(folder.path().join("save.ron")).unwrap();
    fs::write(folder.path().join("save.ron.new"), &good[..good.len() / 2]).unwrap();
    let mut game = game_in(folder.path());
    assert!(!on_screen(&mut game).contains("cannot be read"));
    steps(
        &mut game,
        r#"Select("Continue"), WaitUntil(Level("warehouse"), 1),
           Expect(Happened("continue: warehouse at 23:00"))"#,
    );
    assert_eq!(
        fs::read_to_string(folder.path().join("save.ron")).unwrap(),
        good
    );
}

#[test]
fn every_test_run_keeps_its_own_data_dir() {
    let folder = folder_with_a_save("own");
    assert!(folder.path().join("save.ron").exists());
    // A run with no data folder writes no save anywhere, but keeps one
    // for as long as it runs.
    let mut game = Harness::new(HeadlessConfig::default());
    steps(
        &mut game,
        r#"Select("New game"), WaitUntil(Happened("saved (Chapter)"), 2),
           Press(Pause), Select("Quit to title"), Select("Quit without saving"), Select("Continue"),
           WaitUntil(Level("warehouse"), 1)"#,
    );
    assert_eq!(game.screen(), Some(Screen::Playing));
}

#[test]
fn a_night_played_to_its_ending_is_not_offered_again() {
    let folder = TempDir::new("ended");
    let mut game = game_in(folder.path());
    let script = Script::load(&repo_file("playthroughs/save-and-continue.ron")).unwrap();
    if let Err(failure) = game.run(&script, |_| {}) {
        panic!("{failure}");
    }
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );
    assert!(!folder.path().join("save.ron").exists());
    let Slot::Ready(last) = SaveFolder::read(&folder.path().join("save.backup.ron")) else {
        panic!("the ended night's last save is not kept as the backup");
    };
    assert_eq!(last.state.chapter, "sunrise");
    assert!(last.state.ending.is_some(), "kept whole, to its ending");
    assert_eq!(last.state.album.len(), 3, "every photograph of the night");
    let mut again = game_in(folder.path());
    assert_eq!(
        menu_items(&mut again),
        ["New game", "Album", "Settings", "Quit"]
    );

    // The title's album shows the ended night's roll, and Back leaves it.
    let night = last.state.night;
    assert!(
        folder
            .path()
            .join(format!("nights/night-{night}.ron"))
            .exists(),
        "kept among the ended nights"
    );
    steps(&mut again, r#"Select("Album")"#);
    let shown = on_screen(&mut again);
    let heading = format!(", ended at {}", last.state.time());
    assert!(shown.contains(&heading), "{shown}");
    assert!(shown.contains("3 photographs, 21 frames left"), "{shown}");
    assert!(
        shown.contains("3.  Sunrise at"),
        "the last photograph, large: {shown}"
    );
    steps(&mut again, "Press(Right), Press(Back)");
    assert_eq!(
        menu_items(&mut again),
        ["New game", "Album", "Settings", "Quit"]
    );

    // With a second night saved, the album lists both, newest first; a
    // night's album returns to the list, and the list to the menu.
    steps(
        &mut again,
        r#"Select("New game"), WaitSeconds(3.5), Press(Pause), Select("Quit to title"),
           Select("Save and quit"), Expect(Screen(Title)), Select("Album")"#,
    );
    let nights = menu_items(&mut again);
    assert_eq!(nights.len(), 2, "{nights:?}");
    assert!(
        nights[0].starts_with("The saved night: I. The warehouse, 23:0")
            && nights[0].ends_with("(0 photographs)"),
        "{nights:?}"
    );
    assert!(
        nights[1].ends_with(&format!("ended at {} (3 photographs)", last.state.time())),
        "{nights:?}"
    );
    let ended = nights[1].clone();
    steps(&mut again, &format!("Select({ended:?})"));
    assert!(on_screen(&mut again).contains("3 photographs, 21 frames left"));
    steps(&mut again, "Press(Back)");
    assert_eq!(menu_items(&mut again), nights, "back to the list");
    steps(&mut again, "Press(Back)");
    assert_eq!(
        menu_items(&mut again),
        ["Continue", "New game", "Album", "Settings", "Quit"]
    );
}

#[test]
fn the_titles_album_shows_the_saved_night_or_says_none_is_kept() {
    let empty = TempDir::new("no-album");
    let mut game = game_in(empty.path());
    steps(&mut game, r#"WaitSeconds(1), Select("Album")"#);
    assert!(
        on_screen(&mut game).contains("No night has been kept yet"),
        "{}",
        on_screen(&mut game)
    );
    steps(&mut game, "Press(Album)");
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );

    let folder = folder_with_a_save("saved-album");
    let mut game = game_in(folder.path());
    steps(&mut game, r#"WaitSeconds(1), Select("Album")"#);
    let shown = on_screen(&mut game);
    assert!(
        shown.contains("The saved night: I. The warehouse, 23:00"),
        "{shown}"
    );
    assert!(shown.contains("0 photographs, 24 frames left"), "{shown}");
    assert!(
        shown.contains("No photographs were taken that night."),
        "{shown}"
    );
}

#[test]
fn a_new_night_over_a_saved_one_asks_first_and_keeps_it_as_the_backup() {
    let folder = folder_with_a_save("new-over");
    let old = fs::read_to_string(folder.path().join("save.ron")).unwrap();
    let mut game = game_in(folder.path());
    steps(&mut game, r#"Select("New game"), Expect(Screen(Title))"#);
    assert!(
        on_screen(&mut game).contains("The saved night (I. The warehouse, 23:00) is kept"),
        "{}",
        on_screen(&mut game)
    );
    assert_eq!(menu_items(&mut game), ["Begin a new night", "Back"]);
    steps(&mut game, "Press(Back)");
    assert_eq!(
        menu_items(&mut game),
        ["Continue", "New game", "Album", "Settings", "Quit"]
    );
    steps(
        &mut game,
        r#"Select("New game"), Select("Begin a new night"), Expect(Screen(Playing)),
           WaitUntil(Happened("saved (Chapter)"), 2)"#,
    );
    assert_eq!(
        fs::read_to_string(folder.path().join("save.backup.ron")).unwrap(),
        old
    );
}
