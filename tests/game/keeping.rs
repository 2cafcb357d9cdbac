//! Nothing a player made is lost, whatever he does and whatever the disk
//! does. The roll develops when he leaves the ending at once, when he quits
//! as it develops, and at the next start when the game was killed as it
//! developed. A photograph the photos folder refuses is kept elsewhere or
//! held, the player is told, and it is written at the next chance. An
//! unwritable data folder is reported while the night plays on, and kept
//! files cut short are reported, set aside and never written over.
//! Headless there is no renderer: `with_pictures` hands each photograph a
//! picture as a window's capture would.

use std::fs;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use long_exposure::data::kept;
use long_exposure::levels::NightData;
use long_exposure::photo::{AlbumImages, PhotoFolder, SpareFolder};
use long_exposure::save::file::encode;
use long_exposure::save::{Save, SaveFolder, SaveReason, Saves, Slot};
use long_exposure::story::{PastNights, StoryState};
use long_exposure::testing::Harness;

use super::support::faults::{ReadOnlyFolder, cut_short, ended_mid_write, folder_is_a_file};
use super::support::{
    TempDir, game_at, game_in, log, on_screen, steps, times, wait_for, with_pictures,
};

/// Three photographs on the roof at sunrise, the last of the city, which
/// ends the night (begun with `--start sunrise --at 05:00`).
const THREE_AT_SUNRISE: &str = r#"
    WaitSeconds(3.5),
    Press(Camera), Zoom(35), Aim(120, 70), WaitFrames(3), Press(Shutter), WaitSeconds(1.0), Press(Camera),
    WalkTo(150), Hold(Up), WaitSeconds(1.5), Release(Up),
    WalkTo(380), Hold(Up), WaitSeconds(1.5), Release(Up),
    WalkTo(400),
    Press(Camera), Zoom(50), Aim(330, 140), WaitFrames(3), Press(Shutter), WaitSeconds(1.0),
    Zoom(24), Aim(300, 115), WaitFrames(3), Press(Shutter),
    WaitUntil(Screen(Ending), 3)"#;

/// The last photograph at sunrise, of the city, which ends the night.
const LAST_AT_SUNRISE: &str = r#"
    Zoom(24), Aim(300, 115), WaitFrames(3), Press(Shutter),
    WaitUntil(Screen(Ending), 3)"#;

/// The night at sunrise in `folder`, with pictures, played to its ending.
fn ended_at_sunrise(folder: &Path) -> Harness {
    let mut game = game_at(folder, "sunrise", "05:00");
    with_pictures(&mut game);
    steps(&mut game, THREE_AT_SUNRISE);
    game
}

/// The only ended night kept in `folder`, read from disk.
fn kept_night(folder: &Path) -> Save {
    let (nights, problems) = SaveFolder(folder.to_path_buf()).read_ended();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(nights.len(), 1, "one night kept");
    nights.into_iter().next().unwrap()
}

/// Asserts that the kept night in `folder` has its roll developed: every
/// photograph's original and changed copy on disk and named, and the
/// contact sheet made and named.
fn assert_developed(folder: &Path) -> Save {
    let night = kept_night(folder);
    let state = &night.state;
    assert_eq!(state.album.len(), 3);
    let sheet = state
        .contact_sheet
        .as_ref()
        .expect("the contact sheet is named");
    assert!(image::open(sheet).is_ok(), "{sheet} is a picture");
    for photo in &state.album {
        let original = photo.image.as_ref().expect("the original is named");
        let changed = photo.developed.as_ref().expect("the changed copy is named");
        assert!(!photo.waiting, "{photo:?}");
        let (original, changed) = (
            image::open(original).unwrap(),
            image::open(changed).unwrap(),
        );
        assert_eq!(original.width(), changed.width());
        assert_ne!(original, changed, "the picture came back changed");
    }
    night
}

/// The files in `folder` whose names end with `end`.
fn files_ending(folder: &Path, end: &str) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(end))
                .collect()
        })
        .unwrap_or_default()
}

fn state(game: &Harness) -> StoryState {
    game.world().resource::<StoryState>().clone()
}

#[test]
fn leaving_the_ending_at_once_still_develops_the_roll() {
    let folder = TempDir::new("leave-ending");
    let mut game = ended_at_sunrise(folder.path());
    steps(
        &mut game,
        r#"Select("Back to title"), Expect(Screen(Title))"#,
    );
    wait_for(&mut game, "roll: 3 frames developed", 1);
    assert_eq!(times(&game, "roll: developing 3 frames"), 1);
    let night = assert_developed(folder.path());
    // What the game knows is what the disk says.
    let saves = game.world().resource::<Saves>();
    assert_eq!(saves.ended[0], night);
    assert_eq!(saves.backup, Slot::Ready(Box::new(night)));
    assert_eq!(
        files_ending(&folder.path().join("photos"), "-changed.png").len(),
        3
    );
}

#[test]
fn the_titles_album_reads_a_kept_roll_off_the_main_thread_as_it_came_back() {
    let folder = TempDir::new("album-reads");
    let mut game = ended_at_sunrise(folder.path());
    steps(&mut game, r#"Select("Back to title")"#);
    wait_for(&mut game, "roll: 3 frames developed", 1);
    let night = assert_developed(folder.path());
    drop(game);

    let mut again = game_in(folder.path());
    again.app().init_asset::<Image>();
    steps(&mut again, r#"Select("Album")"#);
    let began = std::time::Instant::now();
    while again.world().resource::<AlbumImages>().0.len() < 3 {
        assert!(began.elapsed().as_secs() < 30, "the pictures never arrived");
        again.frames(1);
    }
    let world = again.app().world();
    let (shown, assets) = (
        world.resource::<AlbumImages>(),
        world.resource::<Assets<Image>>(),
    );
    for photo in &night.state.album {
        let developed = image::open(photo.developed.as_ref().unwrap()).unwrap();
        let picture = assets.get(&shown.0[&photo.number]).unwrap();
        assert_eq!(
            picture.size(),
            UVec2::new(developed.width(), developed.height()),
            "photograph {} shows as it came back",
            photo.number
        );
    }
}

#[test]
fn a_roll_that_cannot_be_developed_says_why_and_is_tried_again_at_the_next_start() {
    let folder = TempDir::new("roll-fails");
    let mut game = game_at(folder.path(), "sunrise", "05:00");
    with_pictures(&mut game);
    let (first_two, _) = THREE_AT_SUNRISE
        .split_once("    Zoom(24)")
        .expect("the last photograph");
    steps(&mut game, first_two);
    wait_for(&mut game, "photo: 2 written", 1);
    // The disk turns unwritable before the last photograph.
    let blocked = folder_is_a_file(folder.path(), "blocked");
    game.app()
        .insert_resource(PhotoFolder(blocked.join("photos")))
        .insert_resource(SpareFolder(blocked.join("spare")));
    steps(&mut game, LAST_AT_SUNRISE);
    wait_for(&mut game, "notice: The roll could not be developed", 1);
    game.frames(2);
    let shown = on_screen(&mut game);
    let photos = folder.path().join("photos");
    assert!(
        shown.contains("The roll could not be developed: cannot make the folder")
            && shown.contains(&format!("kept as they were taken, in {}", photos.display()))
            && shown.contains("tried again when the game next starts"),
        "{shown}"
    );
    assert!(!shown.contains("Developing the roll"), "{shown}");
    drop(game);

    // The next start, the disk writable again: developed. The last picture,
    // which no folder took, went with the game; its frame is blank.
    let mut again = game_in(folder.path());
    wait_for(
        &mut again,
        "roll: 3 frames developed (Shadow, 2 pictures changed)",
        1,
    );
    let night = kept_night(folder.path());
    assert!(night.state.contact_sheet.is_some());
    let changed: Vec<bool> = night
        .state
        .album
        .iter()
        .map(|p| p.developed.is_some())
        .collect();
    assert_eq!(changed, [true, true, false]);
}

#[test]
fn quitting_as_the_roll_develops_finishes_it_first() {
    let folder = TempDir::new("quit-developing");
    let mut game = ended_at_sunrise(folder.path());
    wait_for(&mut game, "roll: developing", 1);
    game.app().world_mut().write_message(AppExit::Success);
    game.frames(1);
    assert_eq!(
        times(&game, "roll: 3 frames developed"),
        1,
        "{}",
        log(&game)
    );
    assert_developed(folder.path());
}

#[test]
fn a_roll_a_killed_game_left_undeveloped_is_developed_at_the_next_start() {
    let folder = TempDir::new("killed-developing");
    let game = {
        let mut game = ended_at_sunrise(folder.path());
        wait_for(&mut game, "roll: developing", 1);
        game
    };
    // Killed: no schedule runs again, and nothing it held is kept.
    drop(game);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let left = kept_night(folder.path());
    assert!(left.state.contact_sheet.is_none(), "left undeveloped");
    assert!(left.state.album.iter().all(|p| p.developed.is_none()));
    // A changed copy half written as the process ended.
    let first = left.state.album[0].image.clone().unwrap();
    let half = ended_mid_write(
        &PathBuf::from(first.replace(".png", "-changed.png")),
        &fs::read(&first).unwrap(),
    );

    let mut again = game_in(folder.path());
    wait_for(&mut again, "roll: 3 frames developed", 1);
    let night = assert_developed(folder.path());
    assert_eq!(
        files_ending(&folder.path().join("photos"), "-changed.png").len(),
        3,
        "three changed copies, each once"
    );
    // A temporary file is never read: it is made again whole, or left.
    assert!(
        !night
            .state
            .album
            .iter()
            .any(|p| p.developed.as_ref().is_some_and(|d| Path::new(d) == half))
    );
    assert!(files_ending(&folder.path().join("photos"), "-2.png").is_empty());

    // Read back after the crash, the kept night shows the roll as it came back.
    let mut third = game_in(folder.path());
    assert_eq!(third.world().resource::<Saves>().ended[0], night);
    steps(&mut third, r#"Select("Album")"#);
    let shown = on_screen(&mut third);
    assert!(shown.contains("Came back changed"), "{shown}");
    assert_eq!(times(&third, "roll: developing"), 0, "developed once");
}

#[test]
fn a_photograph_the_photos_folder_refuses_is_kept_told_and_brought_in_later() {
    let folder = TempDir::new("photos-a-file");
    let blocker = folder_is_a_file(folder.path(), "photos");
    let mut game = game_in(folder.path());
    with_pictures(&mut game);
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(3.5), Press(Camera), WaitFrames(3), Press(Shutter)"#,
    );
    wait_for(&mut game, "photo: 1 kept in the spare folder", 1);
    assert_eq!(
        times(
            &game,
            "notice: Photograph 1 could not go to the photos folder (cannot make the folder"
        ),
        1,
        "{}",
        log(&game)
    );
    assert!(on_screen(&mut game).contains("Photograph 1 could not go to the photos folder"));
    let photo = state(&game).album[0].clone();
    let spare = folder.path().join("waiting-photos");
    assert!(photo.waiting);
    let kept_at = PathBuf::from(photo.image.clone().unwrap());
    assert_eq!(kept_at.parent(), Some(spare.as_path()));
    let picture = image::open(&kept_at).unwrap();

    // The save records that it waits, and where it is.
    steps(
        &mut game,
        r#"Press(Camera), Press(Pause), Select("Save"), Press(Back)"#,
    );
    let Slot::Ready(saved) = SaveFolder::read(&folder.path().join("save.ron")) else {
        panic!("saved");
    };
    assert_eq!(saved.state.album[0], photo);

    // Continuing once the folder can be written brings it in at once.
    drop(game);
    fs::remove_file(&blocker).unwrap();
    let mut again = game_in(folder.path());
    steps(&mut again, r#"Select("Continue")"#);
    wait_for(&mut again, "photo: 1 written", 1);
    let moved = state(&again).album[0].clone();
    assert!(!moved.waiting);
    let in_photos = PathBuf::from(moved.image.unwrap());
    assert_eq!(
        in_photos.parent(),
        Some(folder.path().join("photos").as_path())
    );
    assert_eq!(image::open(&in_photos).unwrap(), picture);
    assert!(!kept_at.exists(), "moved, not copied");
    assert_eq!(times(&again, "is in the photos folder now"), 1);
}

#[test]
fn a_photograph_no_folder_takes_is_held_and_written_once_the_disk_allows() {
    let folder = TempDir::new("no-folder");
    let mut photos = ReadOnlyFolder::new(folder.path(), "photos");
    let spare = ReadOnlyFolder::new(folder.path(), "spare");
    let mut game = game_in(folder.path());
    game.app()
        .insert_resource(PhotoFolder(photos.path().to_path_buf()))
        .insert_resource(SpareFolder(spare.path().to_path_buf()));
    with_pictures(&mut game);
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(3.5), Press(Camera), WaitFrames(3), Press(Shutter)"#,
    );
    wait_for(&mut game, "photo: 1 held in memory", 1);
    steps(&mut game, "Press(Camera)");
    assert!(on_screen(&mut game).contains("It is kept while the game runs"));
    let photo = state(&game).album[0].clone();
    assert!(photo.waiting && photo.image.is_none(), "{photo:?}");
    steps(&mut game, r#"Press(Pause), Select("Save"), Press(Back)"#);
    let Slot::Ready(saved) = SaveFolder::read(&folder.path().join("save.ron")) else {
        panic!("saved");
    };
    assert!(
        saved.state.album[0].waiting,
        "the save records that it waits"
    );

    // Tried again every ten seconds; told once, not at every try.
    wait_for(&mut game, "photo: 1 held in memory", 3);
    assert_eq!(times(&game, "notice: Photograph 1 could not be written"), 1);
    photos.allow_writes();
    wait_for(&mut game, "photo: 1 written", 1);
    let written = state(&game).album[0].clone();
    assert!(!written.waiting);
    let file = PathBuf::from(written.image.unwrap());
    assert!(file.starts_with(photos.path()), "{}", file.display());
    assert!(image::open(&file).is_ok());
    assert_eq!(
        times(&game, "notice: Photograph 1 is in the photos folder now"),
        1
    );
}

#[test]
fn an_unwritable_data_folder_is_reported_and_the_night_plays_on() {
    // A save the player had, in a folder that turns read-only.
    let had = TempDir::new("had");
    steps(
        &mut game_in(had.path()),
        r#"Select("New game"), WaitUntil(Happened("saved (Chapter)"), 2)"#,
    );
    let save = fs::read(had.path().join("save.ron")).unwrap();
    let folder = TempDir::new("data-read-only");
    let data = ReadOnlyFolder::holding(folder.path(), "data", &[("save.ron", &save)]);

    let mut game = game_in(data.path());
    let (begin, saves) = if data.holds_files() {
        ("Continue", 1)
    } else {
        ("New game", 2)
    };
    steps(
        &mut game,
        &format!(
            r#"Select("{begin}"), WaitSeconds(1), WalkTo(120), Press(Camera), WaitFrames(3),
               Press(Shutter), Press(Camera), Expect(Photos(1)), Press(Pause), Select("Save")"#
        ),
    );
    assert!(
        on_screen(&mut game).contains("Not saved:"),
        "{}",
        on_screen(&mut game)
    );
    // The chapter's save (a new night) and the player's, each told.
    assert_eq!(
        times(&game, "notice: The night could not be saved ("),
        saves,
        "{}",
        log(&game)
    );
    steps(
        &mut game,
        r#"Press(Back), WalkTo(60), Expect(Screen(Playing))"#,
    );
    if data.holds_files() {
        assert_eq!(
            fs::read(data.path().join("save.ron")).unwrap(),
            save,
            "nothing overwritten"
        );
        assert_eq!(
            fs::read_dir(data.path()).unwrap().count(),
            1,
            "nothing written"
        );
    }
}

#[test]
fn kept_files_cut_short_are_reported_set_aside_and_never_written_over() {
    let folder = TempDir::new("cut-short");
    let write = |name: &str, text: String| {
        let file = folder.write(name, text);
        let left = cut_short(&file, 0.6);
        (file, left)
    };
    let story = game_in(TempDir::new("story").path())
        .world()
        .resource::<NightData>()
        .story
        .clone()
        .unwrap();
    let past = PastNights {
        endings: vec!["the_unspoken".into(), "the_reflection".into()],
    };
    let (nights, nights_left) = write("nights.ron", kept::to_ron(&past).unwrap());
    let lines = vec!["phone_call/hello".to_owned(), "phone_call/who".to_owned()];
    let (seen, seen_left) = write("seen-lines.ron", kept::to_ron(&lines).unwrap());
    let mut night = StoryState::new(&story);
    night.ending = Some("the_unspoken".into());
    night.night = 5;
    let text = encode(&Save::now(&night, SaveReason::Ended)).unwrap();
    let (kept_night, night_left) = write("nights/night-5.ron", text);

    // Read as the game starts: each reported on the title, with where.
    let mut game = game_in(folder.path());
    let shown = on_screen(&mut game);
    for (file, aside, left) in [
        (&nights, "nights.unreadable.ron", &nights_left),
        (&seen, "seen-lines.unreadable.ron", &seen_left),
        (&kept_night, "night-5.unreadable.ron", &night_left),
    ] {
        let name = file.display().to_string();
        let at = shown
            .lines()
            .find(|l| l.starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("{name} reported: {shown}"));
        let place: Vec<&str> = at[name.len() + 1..].split(':').take(2).collect();
        assert!(
            place.iter().all(|n| n.trim().parse::<u32>().is_ok()),
            "file:line:column: {at}"
        );
        assert!(shown.contains(aside), "{shown}");
        assert_eq!(
            &fs::read(file.with_file_name(aside)).unwrap(),
            left,
            "set aside as it was"
        );
        assert!(!file.exists());
    }
    assert!(game.world().resource::<Saves>().ended.is_empty());

    // The next night writes its files anew, beside those set aside.
    drop(game);
    steps(&mut ended_at_sunrise_in(folder.path()), THREE_AT_SUNRISE);
    let now: PastNights = kept::KeptFile::choose(Some(folder.path()), "nights.ron")
        .unwrap()
        .read()
        .unwrap();
    assert_eq!(now.endings.len(), 1, "a new file: {now:?}");
    assert_eq!(
        fs::read(folder.path().join("nights.unreadable.ron")).unwrap(),
        nights_left,
        "never written over"
    );
    assert_eq!(kept_night_count(folder.path()), 1);
}

/// How many ended nights `folder` keeps that can be read.
fn kept_night_count(folder: &Path) -> usize {
    SaveFolder(folder.to_path_buf()).read_ended().0.len()
}

/// The night at sunrise in `folder` (no pictures), begun.
fn ended_at_sunrise_in(folder: &Path) -> Harness {
    game_at(folder, "sunrise", "05:00")
}

#[test]
#[ignore = "run by scripts/capture-check.sh after scripted runs in a window"]
fn the_roll_develops_whatever_the_player_does() {
    // The ending left at once, the window closed as the roll developed, or
    // the game killed then: after the next start, all of it is there.
    let dir = PathBuf::from(std::env::var("CAPTURE_CHECK_DIR").unwrap());
    let night = assert_developed(&dir);
    let photos = dir.join("photos");
    assert_eq!(files_ending(&photos, "-changed.png").len(), 3);
    assert_eq!(files_ending(&photos, "-contact-sheet.png").len(), 1);
    assert!(
        files_ending(&photos, "-2.png").is_empty(),
        "nothing made twice"
    );
    let sheet = night.state.contact_sheet.unwrap();
    assert!(Path::new(&sheet).starts_with(&photos), "{sheet}");
}

#[test]
#[ignore = "run by scripts/capture-check.sh after scripted runs in a window"]
fn a_refused_photograph_in_a_window_is_kept_then_brought_in() {
    let dir = PathBuf::from(std::env::var("CAPTURE_CHECK_DIR").unwrap());
    let refused = fs::read_to_string(dir.join("photos-refused.log")).unwrap();
    assert!(refused.contains("notice: Photograph 1 could not go to the photos folder"));
    assert!(refused.contains("photo: 1 kept in the spare folder"));
    let continued = fs::read_to_string(dir.join("photos-continue.log")).unwrap();
    assert!(continued.contains("notice: Photograph 1 is in the photos folder now"));
    // Quitting saved the night: the photograph in the photos folder, no
    // longer waiting, and nothing left in the spare folder.
    let Slot::Ready(save) = SaveFolder::read(&dir.join("save.ron")) else {
        panic!("saved on quitting");
    };
    let photo = &save.state.album[0];
    assert!(!photo.waiting, "{photo:?}");
    let file = PathBuf::from(photo.image.clone().unwrap());
    assert!(file.starts_with(dir.join("photos")), "{}", file.display());
    let picture = image::open(&file).unwrap();
    let frame = photo.frame;
    assert_eq!(
        (picture.width(), picture.height()),
        (
            (frame.w * 4.0).round() as u32,
            (frame.h * 4.0).round() as u32
        )
    );
    assert!(files_ending(&dir.join("waiting-photos"), ".png").is_empty());
}

#[test]
#[ignore = "run by scripts/capture-check.sh after scripted runs in a window"]
fn kept_files_cut_short_in_a_window_are_reported_and_set_aside() {
    let dir = PathBuf::from(std::env::var("CAPTURE_CHECK_DIR").unwrap());
    for (file, aside) in [
        ("nights.ron", "nights.unreadable.ron"),
        ("seen-lines.ron", "seen-lines.unreadable.ron"),
        ("nights/night-5.ron", "nights/night-5.unreadable.ron"),
    ] {
        let cut = fs::read(dir.join(format!("{file}.cut"))).unwrap();
        assert_eq!(
            fs::read(dir.join(aside)).unwrap(),
            cut,
            "{file} set aside as it was"
        );
        assert!(!dir.join(file).exists(), "{file} moved aside");
    }
    let errors = fs::read_to_string(dir.join("kept-cut-short.errors.log")).unwrap_or_default();
    let log = fs::read_to_string(dir.join("kept-cut-short.log")).unwrap() + &errors;
    for file in ["nights.ron:", "seen-lines.ron:", "night-5.ron:"] {
        assert!(log.contains(file), "{file} reported: {log}");
    }
}
