//! Dialogue: the phone call against its golden transcripts, every path of
//! every shipped dialogue walked to its end, the conversation owning input,
//! saves in the middle of a line, lines seen before skipped, and a dialogue
//! file saved while it runs.

use std::collections::BTreeSet;
use std::fs;

use long_exposure::content::Roots;
use long_exposure::content::files;
use long_exposure::content::schema::{Arrival, ClockTime, Dialogue, Next, Then, Value};
use long_exposure::dialogue::open_choices;
use long_exposure::dialogue::runner::{self, Shown};
use long_exposure::input::Action;
use long_exposure::levels::StartOverride;
use long_exposure::story::{Breakdown, PhotoRecord, StoryState, SubjectShot};
use long_exposure::testing::script::Expectation;
use long_exposure::testing::{Harness, HeadlessConfig};

use super::levels::copy_levels;
use super::support::{TempDir, assert_golden, shipped, transcript};

/// The headless game over `roots`, begun in the warehouse at 23:20 (the
/// phone rings at once), watching files if asked.
fn at_the_phone(roots: Roots, watch: bool) -> Harness {
    let mut harness = Harness::new(HeadlessConfig {
        roots,
        watch,
        start: StartOverride {
            arrival: Some(Arrival {
                level: "warehouse".into(),
                spawn: "start".into(),
            }),
            at: Some(ClockTime::try_from("23:20".to_owned()).unwrap()),
        },
        ..Default::default()
    });
    harness
        .wait_until(&Expectation::Flag("phone_rang".into()), 5.0)
        .unwrap();
    harness.walk_to(250.0).unwrap();
    harness.press(Action::Interact);
    harness.check(&Expectation::DialogueOpen(true)).unwrap();
    harness
}

/// Talks until the conversation ends: each line shown whole, then passed;
/// at each choice, the next of `choices` (by text or id).
fn talk(harness: &mut Harness, choices: &[&str]) {
    let mut choices = choices.iter();
    for _ in 0..200 {
        if harness.check(&Expectation::DialogueOpen(false)).is_ok() {
            let said: Vec<&str> = harness
                .trace()
                .iter()
                .map(|l| l.text.as_str())
                .filter(|l| !l.starts_with("sound"))
                .collect();
            assert!(choices.next().is_none(), "choices left unmade: {said:#?}");
            return;
        }
        if open_choices(harness.app().world_mut()).is_some() {
            let choice = choices.next().expect("a choice to make");
            harness.select(choice).unwrap();
        } else {
            // Shows the whole line, or goes on if it is whole already.
            harness.press(Action::Interact);
        }
    }
    panic!("the conversation did not end");
}

#[test]
fn the_phone_call_matches_its_golden_transcript_for_each_answer() {
    for answer in ["ask_who", "refuse", "stay_silent"] {
        let mut harness = at_the_phone(shipped(), false);
        talk(&mut harness, &[answer]);
        let found = transcript(&harness, "phone_call");
        assert_golden(&found, &format!("phone_call-{answer}.txt"));
    }
}

#[test]
fn the_conversation_owns_input_and_the_clock_waits() {
    let mut harness = at_the_phone(shipped(), false);
    let minutes = harness.world().resource::<StoryState>().minutes;
    let feet = harness.lev().unwrap().position;
    harness.hold(Action::Right);
    harness.hold(Action::Camera);
    harness.frames(60);
    harness.release(Action::Right);
    harness.release(Action::Camera);
    harness.press(Action::Shutter);
    harness.press(Action::Album);
    harness.frames(60);
    assert_eq!(harness.lev().unwrap().position, feet, "Lev stayed put");
    assert_eq!(harness.world().resource::<StoryState>().minutes, minutes);
    harness.check(&Expectation::Photos(0)).unwrap();
    harness
        .check(&Expectation::Line("phone_call/receiver".into()))
        .unwrap();
    talk(&mut harness, &["stay_silent"]);
    harness.hold(Action::Right);
    harness.frames(30);
    assert!(
        harness.lev().unwrap().position.x > feet.x,
        "free to walk after"
    );
}

#[test]
fn a_save_in_the_middle_of_a_line_resumes_there_without_its_effects_again() {
    let mut harness = at_the_phone(shipped(), false);
    talk_to(&mut harness, "phone_call/meet");
    let saved = ron::to_string(harness.world().resource::<StoryState>()).unwrap();
    // A new game, then the save put back: the same line, nothing re-applied.
    let mut resumed = at_the_phone(shipped(), false);
    let state: StoryState = ron::from_str(&saved).unwrap();
    resumed.app().insert_resource(state);
    resumed.frames(2);
    resumed
        .check(&Expectation::Line("phone_call/meet".into()))
        .unwrap();
    let before = resumed.trace().len();
    resumed.press(Action::Interact);
    resumed.press(Action::Interact);
    resumed
        .check(&Expectation::Line("phone_call/alone".into()))
        .unwrap();
    let since: Vec<&str> = resumed.trace()[before..]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        !since.iter().any(|l| l.contains("phone_call/meet")),
        "the line was not shown or applied again: {since:#?}"
    );
    let history = resumed
        .world()
        .resource::<StoryState>()
        .dialogue
        .clone()
        .unwrap()
        .history;
    let ids: Vec<&str> = history.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["receiver", "answer", "name", "meet", "alone"]);
}

/// Goes on through the conversation until the line `key` shows.
fn talk_to(harness: &mut Harness, key: &str) {
    for _ in 0..50 {
        if harness.check(&Expectation::Line(key.into())).is_ok() {
            return;
        }
        harness.press(Action::Interact);
    }
    panic!("never reached {key}");
}

#[test]
fn lines_seen_before_are_skipped_while_skip_is_held_and_new_ones_are_not() {
    let mut harness = at_the_phone(shipped(), false);
    // The first time, holding Skip passes nothing.
    harness.hold(Action::Skip);
    harness.frames(30);
    harness
        .check(&Expectation::Line("phone_call/receiver".into()))
        .unwrap();
    harness.release(Action::Skip);
    talk(&mut harness, &["refuse"]);
    // The phone again: the lines seen pass by to the choice, which waits.
    harness.press(Action::Interact);
    harness
        .check(&Expectation::Line("phone_call/receiver".into()))
        .unwrap();
    harness.hold(Action::Skip);
    harness.frames(30);
    harness
        .check(&Expectation::Choice("phone_call/ask_who".into()))
        .unwrap();
    harness.select("Who is this?").unwrap();
    // `who` was never said: Skip stops there.
    harness.frames(30);
    harness
        .check(&Expectation::Line("phone_call/who_answer".into()))
        .unwrap();
}

#[test]
fn a_dialogue_saved_while_it_runs_goes_on_from_the_same_line() {
    let base = TempDir::new("dialogue-reload");
    copy_levels(base.path());
    let roots = Roots {
        base: base.path().to_path_buf(),
        mods: None,
    };
    let mut harness = at_the_phone(roots, true);
    talk_to(&mut harness, "phone_call/meet");
    let file = base.path().join("dialogue/phone_call.dialogue.ron");
    let text = fs::read_to_string(&file).unwrap();
    // The line's words change: the conversation stays on it and shows them.
    let reworded = text.replace(
        "Meet me at the old clock tower at midnight.",
        "The clock tower. Midnight.",
    );
    fs::write(&file, &reworded).unwrap();
    wait_for(&mut harness, |h| {
        shown_text(h).as_deref() == Some("The clock tower. Midnight.")
    });
    harness
        .check(&Expectation::Line("phone_call/meet".into()))
        .unwrap();
    // A broken save: the problem is shown and the last good words stay.
    fs::write(&file, reworded.replacen("nodes: [", "nodes: [ oops", 1)).unwrap();
    wait_for(&mut harness, |h| !h.data_errors().is_empty());
    harness
        .check(&Expectation::Line("phone_call/meet".into()))
        .unwrap();
    // The line is cut: the node begins again.
    let cut = reworded.replace(
        "(id: \"meet\", by: \"caller\", text: \"The clock tower. Midnight.\"),",
        "",
    );
    fs::write(&file, &cut).unwrap();
    wait_for(&mut harness, |h| {
        h.data_errors().is_empty() && shown_text(h).is_some_and(|t| t.contains("receiver is cold"))
    });
    harness
        .check(&Expectation::Line("phone_call/receiver".into()))
        .unwrap();
}

/// The text of the line shown now.
fn shown_text(harness: &Harness) -> Option<String> {
    let world = harness.world();
    let state = world.resource::<StoryState>();
    let night = world.resource::<long_exposure::levels::NightData>();
    let dialogue = night.dialogue(&state.dialogue.as_ref()?.dialogue)?;
    match runner::shown(dialogue, state) {
        Shown::Line(line) => Some(line.text),
        _ => None,
    }
}

/// Runs frames, in real time (files are watched on another thread), until
/// `done`, for at most ten seconds.
fn wait_for(harness: &mut Harness, done: impl Fn(&Harness) -> bool) {
    let start = std::time::Instant::now();
    while !done(harness) {
        if start.elapsed().as_secs() >= 10 {
            let tail: Vec<&str> = harness
                .trace()
                .iter()
                .rev()
                .take(15)
                .map(|l| l.text.as_str())
                .collect();
            panic!("the change was not picked up: {tail:#?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.frames(1);
    }
}

/// A night at 23:20 with nothing done, or with a roll holding every
/// subject of every level at 100 (so every album condition holds).
fn night(full_roll: bool) -> StoryState {
    let set = files::load_all(&shipped());
    let mut state = StoryState::new(set.story.as_ref().unwrap());
    if full_roll {
        for level in &set.levels {
            for subject in &level.subjects {
                state.album.push(PhotoRecord {
                    number: state.album.len() as u32 + 1,
                    level: level.id.clone(),
                    at: state.time(),
                    frame: subject.area,
                    focal: 50,
                    score: 100,
                    subjects: vec![SubjectShot {
                        key: subject.recorded_as(&level.id).0,
                        name: subject.recorded_as(&level.id).1,
                        tags: subject.tags.clone(),
                        score: 100,
                        breakdown: Breakdown {
                            in_frame: 1.0,
                            clear: 1.0,
                            size: 1.0,
                            composition: 1.0,
                            on_third: true,
                            facing: 1.0,
                            moment: None,
                            exposure: None,
                            sharpness: None,
                        },
                        speed: 0.0,
                        smear: None,
                    }],
                    image: None,
                    developed: None,
                    waiting: false,
                    camera: None,
                });
            }
        }
        state
            .variables
            .insert("phone_answer".into(), Value::Text("asked".into()));
        state.past.endings = vec!["the_reflection".into()];
    }
    state
}

/// A full night after the first words with the figure: talking to it again
/// goes on from the themes, or the mirror once it is photographed.
fn night_returned_to() -> StoryState {
    let mut state = night(true);
    state.node_visits.insert("stranger/meeting".into(), 1);
    state
}

/// How a walk of a dialogue went: the nodes entered, and every path's end.
#[derive(Default)]
struct Walk {
    entered: BTreeSet<String>,
    paths: usize,
    problems: Vec<String>,
}

/// Walks every path of `dialogue` from `state`: each available choice in
/// turn; a path that enters a node more than twice stops there, and must
/// still be able to end.
fn walk(dialogue: &Dialogue, mut state: StoryState, walk: &mut Walk) {
    let step = runner::start(dialogue, &mut state);
    walk.entered.extend(step.entered.iter().cloned());
    go_on(dialogue, state, step.shown, walk, 0);
}

fn go_on(dialogue: &Dialogue, state: StoryState, shown: Shown, walk: &mut Walk, depth: usize) {
    let over_visited = state
        .node_visits
        .iter()
        .any(|(key, n)| key.starts_with(&format!("{}/", dialogue.id)) && *n > 2);
    if depth > 500 || over_visited {
        walk.paths += 1;
        let node = state
            .dialogue
            .as_ref()
            .map(|p| p.node.clone())
            .unwrap_or_default();
        if !ends_from(dialogue, &node) {
            walk.problems
                .push(format!("{}: no way to an end from `{node}`", dialogue.id));
        }
        return;
    }
    match shown {
        Shown::Ended => walk.paths += 1,
        Shown::Line(_) => {
            let mut state = state;
            let step = runner::advance(dialogue, &mut state);
            walk.entered.extend(step.entered.iter().cloned());
            go_on(dialogue, state, step.shown, walk, depth + 1);
        }
        Shown::Choices(choices) => {
            for choice in choices.iter().filter(|c| c.available) {
                let mut state = state.clone();
                let step = runner::choose(dialogue, &mut state, &choice.id).unwrap();
                walk.entered.extend(step.entered.iter().cloned());
                go_on(dialogue, state, step.shown, walk, depth + 1);
            }
        }
    }
}

/// Whether some way from the node `from` reaches an end.
fn ends_from(dialogue: &Dialogue, from: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_owned()];
    while let Some(id) = todo.pop() {
        let Some(node) = dialogue.node(&id) else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let ends = match &node.then {
            Then::End => true,
            Then::Go(_) => false,
            Then::Choose(choices) => choices.iter().any(|c| c.next == Next::End),
            Then::Branch(arms) => arms.iter().any(|a| a.next == Next::End),
        };
        if ends {
            return true;
        }
        todo.extend(node.then.targets().into_iter().map(str::to_owned));
    }
    false
}

#[test]
fn every_path_of_every_shipped_dialogue_ends_and_every_node_is_reached() {
    let set = files::load_all(&shipped());
    assert_eq!(set.dialogues.len(), 6, "the six dialogues of story.ron");
    for dialogue in &set.dialogues {
        let mut walked = Walk::default();
        walk(dialogue, night(false), &mut walked);
        walk(dialogue, night(true), &mut walked);
        walk(dialogue, night_returned_to(), &mut walked);
        assert!(walked.problems.is_empty(), "{:#?}", walked.problems);
        let all: BTreeSet<String> = dialogue.nodes.iter().map(|n| n.id.clone()).collect();
        let missed: Vec<&String> = all.difference(&walked.entered).collect();
        assert!(
            missed.is_empty(),
            "{}: no path reaches {missed:?}",
            dialogue.id
        );
        assert!(walked.paths >= 2, "{}: {} paths", dialogue.id, walked.paths);
    }
}

#[test]
fn the_example_of_the_levels_readme_validates_and_every_path_ends() {
    let [example] = super::support::readme_blocks(
        "levels/README.md",
        "A complete example, `dialogue/night_porter",
    );
    let mods = TempDir::new("readme-dialogue");
    mods.write("dialogue/night_porter.dialogue.ron", &example);
    let set = files::load_all(&super::support::modded(mods.path()));
    let shown: Vec<String> = set.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].contains("warning: nothing starts the dialogue `night_porter`"),
        "{shown:#?}"
    );
    let porter = set
        .dialogues
        .iter()
        .find(|d| d.id == "night_porter")
        .unwrap();
    let mut walked = Walk::default();
    walk(porter, night(false), &mut walked);
    walk(porter, night(true), &mut walked);
    assert!(walked.problems.is_empty(), "{:#?}", walked.problems);
    assert_eq!(
        walked.entered.len(),
        porter.nodes.len(),
        "every node reached"
    );
}
