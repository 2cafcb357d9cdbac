//! The night's story as players live it: the figure at the tower answers
//! what this player did (golden transcripts of two shipped playthroughs),
//! photographing the figure records Lev himself, and a second night
//! remembers the first, in the game and in `nights.ron`.

use std::collections::BTreeSet;
use std::fs;

use long_exposure::data::kept::KeptFile;
use long_exposure::levels::files;
use long_exposure::levels::schema::{MIRROR_KEY, MIRROR_NAME};
use long_exposure::story::{NightsFile, PastNights};
use long_exposure::testing::script::{Expectation, Script, Step};
use long_exposure::testing::{Harness, HeadlessConfig, headless_app};

use super::support::{TempDir, assert_golden, headless, repo_file, shipped, transcript};

/// The shipped playthrough `name`.
fn playthrough(name: &str) -> Script {
    Script::load(&repo_file(&format!("playthroughs/{name}.ron"))).unwrap()
}

/// Plays `script` (named `name`) in `harness` to its end.
fn play(harness: &mut Harness, name: &str, script: &Script) {
    if let Err(failure) = harness.run(script, |_| {}) {
        panic!("{name}: {failure}");
    }
}

/// Plays the shipped playthrough `name` in `harness`.
fn played(harness: &mut Harness, name: &str) {
    play(harness, name, &playthrough(name));
}

/// The ids of the stranger's lines in `transcript`.
fn stranger_lines(transcript: &str) -> BTreeSet<&str> {
    transcript
        .lines()
        .filter_map(|l| l.strip_prefix("line: stranger/"))
        .filter_map(|l| l.split(':').next())
        .collect()
}

#[test]
fn the_figure_answers_what_this_player_did() {
    let mut heard = Vec::new();
    for ending in ["piece_of_himself", "the_unspoken"] {
        let mut harness = headless(shipped());
        played(
            &mut harness,
            &format!("ending-{}", ending.replace('_', "-")),
        );
        let found = transcript(&harness, "stranger");
        assert_golden(&found, &format!("stranger-{ending}.txt"));
        heard.push(found);
    }
    let (open, closed) = (stranger_lines(&heard[0]), stranger_lines(&heard[1]));
    let differ: Vec<&&str> = open.symmetric_difference(&closed).collect();
    assert!(
        differ.len() >= 10,
        "two different nights should hear at least ten different lines: {differ:?}"
    );
    for (night, line) in [
        (&open, "you_asked"),
        (&open, "magazines"),
        (&open, "best"),
        (&open, "mirror_taken"),
        (&closed, "no_frames"),
        (&closed, "mirror_missed"),
        (&closed, "nobody_met"),
    ] {
        assert!(night.contains(line), "`{line}` in {night:?}");
    }
}

#[test]
fn photographing_the_figure_records_lev_himself() {
    let set = files::load_all(&shipped());
    let tower = set.levels.iter().find(|l| l.id == "clock_tower").unwrap();
    let figure = tower.subjects.iter().find(|s| s.id == "stranger").unwrap();
    assert_eq!(
        figure.recorded_as(&tower.id),
        (MIRROR_KEY.to_owned(), MIRROR_NAME.to_owned())
    );
    let mut harness = headless(shipped());
    played(&mut harness, "ending-piece-of-himself");
    let photo = harness
        .trace()
        .iter()
        .find(|l| l.text.starts_with("photo: 3 at"))
        .map(|l| l.text.clone())
        .unwrap_or_default();
    // `photo: 3 at 00:00 scored 74: lev 74`: its subjects, best first.
    let subjects = photo.split(": ").nth(2).unwrap_or_default();
    assert!(
        subjects.starts_with(&format!("{MIRROR_KEY} ")),
        "the third photograph is of Lev: {photo}"
    );
    assert!(
        !photo.contains("clock_tower/stranger"),
        "the figure itself is never in the album: {photo}"
    );
}

#[test]
fn a_second_night_remembers_the_first_and_keeps_it_in_nights_ron() {
    let folder = TempDir::new("nights");
    let mut harness = headless(shipped());
    let file = NightsFile(KeptFile::choose(Some(folder.path()), "nights.ron").unwrap());
    harness.app().world_mut().insert_resource(file);
    played(&mut harness, "ending-the-unspoken");
    let first = transcript(&harness, "stranger");
    assert!(!first.contains("stranger/again"), "{first}");
    assert!(!first.contains("been_here"), "{first}");

    // The same game, a second night (whose trace counts the first's
    // chapters too).
    let mut again = playthrough("ending-the-unspoken");
    again
        .steps
        .retain(|s| !matches!(s, Step::Expect(Expectation::HappenedTimes(..))));
    play(&mut harness, "the second night", &again);
    let both = transcript(&harness, "stranger");
    let second = &both[first.len()..];
    assert!(second.contains("line: stranger/again"), "{second}");
    assert!(second.contains("line: stranger/last_unspoken"), "{second}");
    assert!(
        second.contains("been_here \"I've been here before.\""),
        "a choice the first night did not have: {second}"
    );
    let kept = fs::read_to_string(folder.path().join("nights.ron")).unwrap();
    assert!(
        kept.contains("\"the_unspoken\",") && kept.matches("the_unspoken").count() == 2,
        "{kept}"
    );

    // A new run reads it back before the title.
    let mut app = headless_app(&HeadlessConfig::default());
    let file = NightsFile(KeptFile::choose(Some(folder.path()), "nights.ron").unwrap());
    app.insert_resource(file);
    app.update();
    assert_eq!(
        app.world().resource::<PastNights>().endings,
        vec!["the_unspoken".to_owned(), "the_unspoken".to_owned()]
    );
}
