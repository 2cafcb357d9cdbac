//! Dialogue benchmarks: validating a long generated dialogue against the
//! night's data, and the pure runner's steps per second.

use std::path::Path;
use std::time::Instant;

use crate::content::Roots;
use crate::content::files;
use crate::content::files::{Checked, read_dialogue};
use crate::content::schema::{Dialogue, Level};
use crate::dialogue::runner::{self, Shown};
use crate::story::StoryState;

/// A dialogue of `nodes` nodes, each two lines (one with a condition, one
/// with an effect) and a choice of the next node or the one after.
fn generated_dialogue(nodes: usize) -> String {
    let mut text = String::from(
        "Dialogue(id: \"bench\", speakers: [(id: \"a\", name: \"A\", portrait: \"lev\")], nodes: [\n",
    );
    for i in 0..nodes {
        let next = |n: usize| {
            if n < nodes {
                format!("Go(\"n{n}\")")
            } else {
                "End".into()
            }
        };
        text += &format!(
            "    (id: \"n{i}\", lines: [\n\
             \x20       (id: \"l{i}a\", by: \"a\", text: \"Line {i}, {{photos}} photographs.\", when: Photos(AtLeast(0))),\n\
             \x20       (id: \"l{i}b\", text: \"Narration {i}.\", effects: [Add(\"count\", 1)]),\n\
             \x20   ], then: Choose([\n\
             \x20       (id: \"c{i}a\", text: \"On.\", next: {}),\n\
             \x20       (id: \"c{i}b\", text: \"Skip one.\", when: Visited(\"bench/n0\", AtLeast(1)), greyed: true, next: {}),\n\
             \x20   ])),\n",
            next(i + 1),
            next(i + 2)
        );
    }
    text + "])\n"
}

/// Seconds to parse, check and cross-check a dialogue of `nodes` nodes
/// with the night's story and levels from `roots`, as `validate` does.
fn dialogue_validation(roots: &Roots, nodes: usize) -> Result<f64, String> {
    let set = files::load_all(roots);
    let story = set.story.ok_or("the story has errors")?;
    let text = generated_dialogue(nodes);
    let file = Path::new("dialogue/bench.dialogue.ron");
    let story = Checked {
        value: story,
        located: Default::default(),
        problems: Vec::new(),
    };
    let levels: Vec<Checked<Level>> = set
        .levels
        .into_iter()
        .map(|value| Checked {
            value,
            located: Default::default(),
            problems: Vec::new(),
        })
        .collect();
    let level_refs: Vec<&Checked<Level>> = levels.iter().collect();
    let start = Instant::now();
    let dialogue = read_dialogue(file, &text).map_err(|d| d.to_string())?;
    let problems = files::cross_check(Some(&story), &level_refs, &[&dialogue], &[]);
    let seconds = start.elapsed().as_secs_f64();
    std::hint::black_box(problems);
    if dialogue.has_errors() {
        return Err(format!(
            "the generated dialogue has errors: {:?}",
            dialogue.problems
        ));
    }
    Ok(seconds)
}

/// Steps per second of the runner through `dialogue` (starting, going on
/// and choosing the first available choice until it ends, over and over),
/// for at least `steps` steps.
fn runner_steps(dialogue: &Dialogue, state: &StoryState, steps: u64) -> f64 {
    let mut done = 0u64;
    let start = Instant::now();
    while done < steps {
        let mut night = state.clone();
        let mut shown = runner::start(dialogue, &mut night).shown;
        done += 1;
        loop {
            shown = match shown {
                Shown::Ended => break,
                Shown::Line(_) => runner::advance(dialogue, &mut night).shown,
                Shown::Choices(choices) => {
                    let Some(choice) = choices.iter().find(|c| c.available) else {
                        break;
                    };
                    match runner::choose(dialogue, &mut night, &choice.id) {
                        Ok(step) => step.shown,
                        Err(_) => break,
                    }
                }
            };
            done += 1;
        }
        std::hint::black_box(&night);
    }
    done as f64 / start.elapsed().as_secs_f64()
}

/// Validating 1,000 nodes, and the runner through the generated dialogue
/// and the shipped phone call: the lines `bench` prints.
pub fn report(roots: &Roots) -> Result<String, String> {
    let mut out = String::new();
    for nodes in [100, 1000] {
        let seconds = dialogue_validation(roots, nodes)?;
        out += &format!("validate {nodes:>5} nodes {:>12.3} ms\n", seconds * 1e3);
    }
    let set = files::load_all(roots);
    let story = set.story.as_ref().ok_or("the story has errors")?;
    let state = StoryState::new(story);
    let generated = read_dialogue(Path::new("bench.dialogue.ron"), &generated_dialogue(1000))
        .map_err(|d| d.to_string())?
        .value;
    let rate = runner_steps(&generated, &state, 200_000);
    out += &format!("runner, 1,000 nodes   {rate:>12.0} steps/s\n");
    if let Some(call) = set.dialogues.iter().find(|d| d.id == "phone_call") {
        let rate = runner_steps(call, &state, 200_000);
        out += &format!("runner, phone call    {rate:>12.0} steps/s\n");
    }
    Ok(out)
}
