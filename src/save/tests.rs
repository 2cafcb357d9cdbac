use std::path::{Path, PathBuf};

use super::file::{decode, encode};
use super::*;
use crate::content::schema::Value;
use crate::story::{DialogueAt, DialoguePosition};

/// A folder of its own under the system's temporary folder, removed after.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("le-save-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn state(minutes: f64) -> StoryState {
    let story = crate::data::parse_ron(
        Path::new("story"),
        r#"(film_roll: 24, clock: (start: "23:00", dawn: "05:30", minutes_per_second: 0.5),
           chapters: [(id: "one", title: "I", level: "a", spawn: "s")],
           endings: [(id: "end", title: "E", summary: "e")])"#,
    )
    .unwrap();
    let mut state = StoryState::new(&story);
    state.minutes = minutes;
    state.night = 1_790_000_000;
    state.flags.insert("answered".into());
    state.variables.insert("trust".into(), Value::Number(2.5));
    state.fired.insert("streets/phone".into());
    state.place.level = "streets".into();
    state.place.at = (123.5, 32.0);
    state.dialogue = Some(DialoguePosition {
        dialogue: "phone_call".into(),
        node: "who".into(),
        at: DialogueAt::Line("who_1".into()),
        history: Vec::new(),
    });
    state
}

#[test]
fn a_save_reads_back_exactly() {
    let save = Save::now(&state(333.25), SaveReason::Player);
    let text = encode(&save).unwrap();
    assert!(text.starts_with("Save("), "{text}");
    assert_eq!(decode(Path::new("save.ron"), &text), Ok(save));
}

#[test]
fn a_truncated_save_says_where_it_breaks() {
    let text = encode(&Save::now(&state(300.0), SaveReason::Chapter)).unwrap();
    let half = &text[..text.len() / 2];
    match decode(Path::new("save.ron"), half) {
        Err(SaveProblem::Broken(why)) => {
            assert!(why.starts_with("save.ron:"), "file:line:column: {why}");
            assert!(
                why.split(':').nth(1).unwrap().parse::<u32>().is_ok(),
                "{why}"
            );
        }
        other => panic!("a half save was read: {other:?}"),
    }
}

#[test]
fn a_newer_save_is_refused_by_its_version() {
    let text = encode(&Save::now(&state(300.0), SaveReason::Chapter)).unwrap();
    // A later version may add fields this one does not know.
    let newer = text
        .replacen("version: 1,", "version: 2, weather: Snow,", 1)
        .replacen("Save(", "Save(\n    weather_seed: 7,", 1);
    let problem = decode(Path::new("save.ron"), &newer).unwrap_err();
    assert_eq!(
        problem,
        SaveProblem::Newer {
            file: PathBuf::from("save.ron"),
            version: 2
        }
    );
    assert!(problem.to_string().contains("newer version"), "{problem}");
}

#[test]
fn random_bytes_are_a_broken_save_not_a_panic() {
    let folder = Folder::new("bytes");
    let saves = SaveFolder(folder.0.clone());
    let mut random = crate::random::Random::new(7);
    let bytes: Vec<u8> = (0..4096).map(|_| random.range(0.0, 256.0) as u8).collect();
    std::fs::write(saves.latest(), &bytes).unwrap();
    match SaveFolder::read(&saves.latest()) {
        Slot::Unusable(SaveProblem::Broken(why)) => {
            assert!(why.contains("save.ron"), "{why}")
        }
        other => panic!("random bytes were read: {other:?}"),
    }
}

#[test]
fn each_write_keeps_the_save_before_as_the_backup() {
    let folder = Folder::new("backup");
    let saves = SaveFolder(folder.0.clone());
    assert_eq!(SaveFolder::read(&saves.latest()), Slot::Empty);
    let first = Save::now(&state(300.0), SaveReason::Chapter);
    saves.write(&first, &Slot::Empty).unwrap();
    let second = Save::now(&state(310.0), SaveReason::Player);
    saves
        .write(&second, &SaveFolder::read(&saves.latest()))
        .unwrap();
    assert_eq!(
        SaveFolder::read(&saves.latest()),
        Slot::Ready(Box::new(second))
    );
    assert_eq!(
        SaveFolder::read(&saves.backup()),
        Slot::Ready(Box::new(first))
    );
    assert!(!folder.0.join("save.ron.new").exists(), "renamed away");
}

#[test]
fn a_broken_save_never_replaces_a_good_backup_and_is_set_aside() {
    let folder = Folder::new("aside");
    let saves = SaveFolder(folder.0.clone());
    let good = Save::now(&state(300.0), SaveReason::Chapter);
    saves.write(&good, &Slot::Empty).unwrap();
    saves
        .write(&good, &SaveFolder::read(&saves.latest()))
        .unwrap();
    std::fs::write(saves.latest(), "Save(version: 1, wri").unwrap();
    let broken = SaveFolder::read(&saves.latest());
    assert!(matches!(broken, Slot::Unusable(_)), "{broken:?}");
    let next = Save::now(&state(320.0), SaveReason::Player);
    saves.write(&next, &broken).unwrap();
    assert_eq!(
        SaveFolder::read(&saves.backup()),
        Slot::Ready(Box::new(good))
    );
    assert_eq!(
        std::fs::read_to_string(folder.0.join("save.unreadable.ron")).unwrap(),
        "Save(version: 1, wri",
        "the broken save is kept, not lost"
    );
}

#[test]
fn a_half_written_temporary_file_is_never_read() {
    let folder = Folder::new("partial");
    let saves = SaveFolder(folder.0.clone());
    let good = Save::now(&state(300.0), SaveReason::Chapter);
    saves.write(&good, &Slot::Empty).unwrap();
    // A write cut off before its rename.
    std::fs::write(
        folder.0.join("save.ron.new"),
        "Save(version: 1, written: 17",
    )
    .unwrap();
    assert_eq!(
        SaveFolder::read(&saves.latest()),
        Slot::Ready(Box::new(good.clone()))
    );
    // The next write goes through over it.
    let next = Save::now(&state(305.0), SaveReason::Player);
    saves
        .write(&next, &SaveFolder::read(&saves.latest()))
        .unwrap();
    assert_eq!(
        SaveFolder::read(&saves.latest()),
        Slot::Ready(Box::new(next))
    );
}

#[test]
fn continue_picks_the_backup_only_when_the_latest_cannot_be_used() {
    let good = Save::now(&state(300.0), SaveReason::Chapter);
    let older = Save::now(&state(200.0), SaveReason::Chapter);
    let mut saves = Saves {
        latest: Slot::Ready(Box::new(good.clone())),
        backup: Slot::Ready(Box::new(older.clone())),
        ended: Vec::new(),
    };
    assert_eq!(saves.to_continue(), Some((&good, false)));
    saves.latest = Slot::Unusable(SaveProblem::Broken("save.ron:1:2: no".into()));
    assert_eq!(saves.to_continue(), Some((&older, true)));
    saves.backup = Slot::Empty;
    assert_eq!(saves.to_continue(), None);
    assert!(saves.problem().is_some());
}

/// A photograph of nothing, numbered `number`.
fn photo_record(number: u32) -> crate::story::PhotoRecord {
    crate::story::PhotoRecord {
        number,
        level: "streets".into(),
        at: crate::content::schema::ClockTime::from_minutes(1380.0),
        frame: crate::content::schema::Area {
            x: 0.0,
            y: 0.0,
            w: 60.0,
            h: 40.0,
        },
        focal: 50,
        score: 0,
        subjects: Vec::new(),
        image: None,
        developed: None,
        waiting: false,
        camera: None,
    }
}

#[test]
fn quitting_says_what_would_be_lost() {
    let saved = state(300.0);
    assert_eq!(lost_since(Some(&saved), &saved), None);
    let mut now = saved.clone();
    now.minutes = 314.4;
    assert_eq!(
        lost_since(Some(&saved), &now).unwrap(),
        "Since the last save, at 23:00: 14 minutes of the night would be lost."
    );
    // Two nodes of one call and one of another talk: two conversations.
    for node in ["phone_call/who", "phone_call/ask_who", "night_worker/start"] {
        now.node_visits.insert(node.into(), 1);
    }
    now.album.push(photo_record(1));
    assert_eq!(
        lost_since(Some(&saved), &now).unwrap(),
        "Since the last save, at 23:00: 14 minutes of the night, 1 photograph and \
         2 conversations would be lost."
    );
    let mut other_night = saved.clone();
    other_night.night += 1;
    assert!(
        lost_since(Some(&other_night), &now)
            .unwrap()
            .contains("has not been saved")
    );
    assert!(
        lost_since(None, &now)
            .unwrap()
            .contains("has not been saved")
    );
}

#[test]
fn every_ended_night_is_kept_newest_first_and_a_broken_one_reported() {
    let folder = Folder::new("ended");
    let saves = SaveFolder(folder.0.clone());
    let mut first = state(360.0);
    first.ending = Some("end".into());
    let first = Save::now(&first, SaveReason::Ended);
    let mut second = first.clone();
    second.state.night += 86_400;
    saves.write(&second, &Slot::Empty).unwrap();
    saves.put_by(&first, &Slot::Empty).unwrap();
    saves
        .put_by(&second, &SaveFolder::read(&saves.latest()))
        .unwrap();
    assert_eq!(
        SaveFolder::read(&saves.latest()),
        Slot::Empty,
        "not continued"
    );
    assert_eq!(
        SaveFolder::read(&saves.backup()),
        Slot::Ready(Box::new(second.clone()))
    );
    std::fs::write(saves.ended().join("night-3.ron"), "Save(version: 1, wri").unwrap();
    let (nights, problems) = saves.read_ended();
    assert_eq!(nights, [second, first], "newest first");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("night-3.ron:1:"), "{}", problems[0]);
    assert!(
        problems[0].contains("night-3.unreadable.ron"),
        "{}",
        problems[0]
    );
    // Set aside, never written over, and not read as a night again.
    assert_eq!(
        std::fs::read_to_string(saves.ended().join("night-3.unreadable.ron")).unwrap(),
        "Save(version: 1, wri"
    );
    let (again, problems) = saves.read_ended();
    assert_eq!(again.len(), 2);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn the_album_lists_the_night_to_continue_then_the_ended_ones() {
    let going_on = Save::now(&state(300.0), SaveReason::Chapter);
    let mut ended = state(360.0);
    ended.ending = Some("end".into());
    let ended = Save::now(&ended, SaveReason::Ended);
    let mut saves = Saves {
        latest: Slot::Ready(Box::new(going_on.clone())),
        // An ended night kept only as the backup, from before there was a
        // folder of them, still shows.
        backup: Slot::Ready(Box::new(ended.clone())),
        ended: Vec::new(),
    };
    assert_eq!(saves.album_nights(), [&going_on, &ended]);
    assert_eq!(saves.to_continue(), Some((&going_on, false)));
    saves.latest = Slot::Unusable(SaveProblem::Broken("save.ron:1:2: no".into()));
    assert_eq!(
        saves.to_continue(),
        None,
        "an ended night is never continued"
    );
    assert_eq!(saves.album_nights(), [&ended]);
}
