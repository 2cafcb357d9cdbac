//! The runner driven by hand: conditions, effects, facts in text, visit
//! counts, greyed and hidden choices, and saving in the middle of a line.

use super::*;
use crate::data::parse_ron;
use std::path::Path;

/// A phone call that can go round: `ring` asks, `who` answers and rings
/// again, `refused` hangs up.
const CALL: &str = r#"Dialogue(
    id: "call",
    speakers: [(id: "caller", name: "Unknown number", voice: Phone), (id: "lev", name: "Lev")],
    nodes: [
        (
            id: "ring",
            lines: [
                (id: "hello", by: "caller", text: "Lev.", effects: [SetFlag("heard_voice"), Add("heard", 1)]),
                (id: "again", by: "caller", text: "Again, Lev.", when: Visited("call/ring", AtLeast(2))),
                (id: "pictures", by: "caller", text: "{photos} pictures tonight, {name}. {heard} times."),
            ],
            then: Choose([
                (id: "ask", text: "Who is this?", effects: [Set("answer", Text("asked"))], next: Go("who")),
                (id: "brave", text: "I'm not afraid.", when: Var("heard", AtLeast(2)), greyed: true, next: End),
                (id: "secret", text: "A secret.", when: Flag("never"), next: End),
                (id: "refuse", text: "No.", next: Go("refused")),
            ]),
        ),
        (
            id: "who",
            lines: [(id: "midnight", by: "caller", text: "Meet me at the old clock tower at midnight.")],
            then: Go("ring"),
        ),
        (
            id: "refused",
            lines: [(id: "click", text: "The line goes dead.", effects: [Event("hung_up")])],
            then: Branch([(when: Flag("heard_voice"), next: End), (next: Go("ring"))]),
        ),
    ],
)"#;

fn call() -> Dialogue {
    parse_ron(Path::new("call.dialogue.ron"), CALL).unwrap()
}

/// A night at 23:20 with nothing done yet.
fn night() -> StoryState {
    parse_ron(
        Path::new("state"),
        r#"(version: 1, chapter: "warehouse", minutes: 320, flags: [], variables: {},
           visits: {}, fired: [], holding: [], place: (level: "warehouse", at: (0, 16)),
           ending: None, album: [], dialogue: None)"#,
    )
    .unwrap()
}

fn line(step: &Step) -> (&str, &str) {
    match &step.shown {
        Shown::Line(line) => (line.id.as_str(), line.text.as_str()),
        other => panic!("expected a line, found {other:?}"),
    }
}

fn choices(step: &Step) -> Vec<(&str, bool)> {
    match &step.shown {
        Shown::Choices(choices) => choices
            .iter()
            .map(|c| (c.id.as_str(), c.available))
            .collect(),
        other => panic!("expected choices, found {other:?}"),
    }
}

fn number(state: &StoryState, name: &str) -> Option<f64> {
    match state.variables.get(name) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

#[test]
fn lines_apply_their_effects_skip_when_they_do_not_hold_and_show_facts() {
    let call = call();
    let mut state = night();
    let step = start(&call, &mut state);
    assert_eq!(line(&step), ("hello", "Lev."));
    assert_eq!(step.entered, ["ring"]);
    assert!(state.flags.contains("heard_voice"));
    assert_eq!(number(&state, "heard"), Some(1.0));
    assert_eq!(state.node_visits.get("call/ring"), Some(&1));
    assert_eq!(
        step.applied,
        vec![
            ("hello".to_owned(), Effect::SetFlag("heard_voice".into())),
            ("hello".to_owned(), Effect::Add("heard".into(), 1.0)),
        ]
    );
    // `again` waits for a second visit; an unset variable shows nothing.
    let step = advance(&call, &mut state);
    assert_eq!(line(&step), ("pictures", "0 pictures tonight, . 1 times."));
}

#[test]
fn greyed_choices_show_but_cannot_be_chosen_and_hidden_ones_do_not_show() {
    let call = call();
    let mut state = night();
    start(&call, &mut state);
    advance(&call, &mut state);
    let step = advance(&call, &mut state);
    assert_eq!(
        choices(&step),
        [("ask", true), ("brave", false), ("refuse", true)]
    );
    // Advancing changes nothing while Lev must choose.
    assert_eq!(advance(&call, &mut state).shown, step.shown);
    assert_eq!(
        choose(&call, &mut state, "brave"),
        Err(ChoiceRefused::Unavailable("brave".into()))
    );
    assert_eq!(
        choose(&call, &mut state, "nope"),
        Err(ChoiceRefused::Unknown("nope".into()))
    );
    let step = choose(&call, &mut state, "ask").unwrap();
    assert_eq!(
        line(&step),
        ("midnight", "Meet me at the old clock tower at midnight.")
    );
    assert_eq!(
        state.variables.get("answer"),
        Some(&Value::Text("asked".into()))
    );
    assert_eq!(
        choose(&call, &mut state, "ask"),
        Err(ChoiceRefused::NotChoosing)
    );
}

#[test]
fn visit_counts_open_lines_and_choices_on_the_way_round() {
    let call = call();
    let mut state = night();
    start(&call, &mut state);
    advance(&call, &mut state);
    advance(&call, &mut state);
    choose(&call, &mut state, "ask").unwrap();
    // `who` goes back to `ring`: a second visit, so `again` is said, and
    // `hello` counted twice makes `brave` available.
    let step = advance(&call, &mut state);
    assert_eq!(step.entered, ["ring"]);
    assert_eq!(line(&step), ("hello", "Lev."));
    assert_eq!(state.node_visits.get("call/ring"), Some(&2));
    assert_eq!(line(&advance(&call, &mut state)), ("again", "Again, Lev."));
    assert_eq!(
        line(&advance(&call, &mut state)),
        ("pictures", "0 pictures tonight, . 2 times.")
    );
    let step = advance(&call, &mut state);
    assert_eq!(
        choices(&step),
        [("ask", true), ("brave", true), ("refuse", true)]
    );
    let step = choose(&call, &mut state, "brave").unwrap();
    assert_eq!(step.shown, Shown::Ended);
    assert_eq!(state.dialogue, None);
}

#[test]
fn effects_ask_the_game_for_events_and_branches_end_or_go_round() {
    let call = call();
    let mut state = night();
    start(&call, &mut state);
    advance(&call, &mut state);
    advance(&call, &mut state);
    let step = choose(&call, &mut state, "refuse").unwrap();
    assert_eq!(line(&step), ("click", "The line goes dead."));
    assert_eq!(step.outcomes, [Outcome::Event("hung_up".into())]);
    // The voice was heard: the branch's first arm ends the call.
    let step = advance(&call, &mut state);
    assert_eq!(step.shown, Shown::Ended);
    assert_eq!(state.dialogue, None);
    // Without it, the second arm rings again.
    let mut state = night();
    start(&call, &mut state);
    state.flags.remove("heard_voice");
    advance(&call, &mut state);
    advance(&call, &mut state);
    choose(&call, &mut state, "refuse").unwrap();
    let step = advance(&call, &mut state);
    assert_eq!(step.entered, ["ring"]);
    assert_eq!(line(&step).0, "hello");
}

#[test]
fn a_save_in_the_middle_of_a_line_resumes_there_without_repeating_its_effects() {
    let call = call();
    let mut state = night();
    start(&call, &mut state);
    let saved = ron::to_string(&state).unwrap();
    let mut resumed: StoryState = parse_ron(Path::new("save"), &saved).unwrap();
    assert_eq!(resumed, state);
    // Shown again, as it was, with nothing applied.
    let Shown::Line(shown_again) = shown(&call, &resumed) else {
        panic!("the save shows a line");
    };
    assert_eq!(
        (shown_again.id.as_str(), shown_again.text.as_str()),
        ("hello", "Lev.")
    );
    assert_eq!(shown_again.name.as_deref(), Some("Unknown number"));
    assert_eq!(number(&resumed, "heard"), Some(1.0));
    // Going on applies only what comes next.
    let step = advance(&call, &mut resumed);
    assert_eq!(line(&step).0, "pictures");
    assert!(step.applied.is_empty());
    assert_eq!(number(&resumed, "heard"), Some(1.0));
    let history: Vec<&str> = resumed
        .dialogue
        .as_ref()
        .unwrap()
        .history
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(history, ["hello", "pictures"]);
}

#[test]
fn facts_show_the_album_the_clock_and_variables_of_every_kind() {
    let mut state = night();
    state.variables.insert("n".into(), Value::Number(2.0));
    state.variables.insert("half".into(), Value::Number(0.5));
    state.variables.insert("yes".into(), Value::Bool(true));
    state
        .variables
        .insert("who".into(), Value::Text("Katya".into()));
    assert_eq!(
        render("{n} {half} {yes} {who} at {time}, {{braces}}", &state),
        "2 0.5 yes Katya at 23:20, {braces}"
    );
    assert_eq!(
        render("{photos} {best:warehouse/pigeons} {tagged:animal}", &state),
        "0 0 0"
    );
}

#[test]
fn a_changed_file_keeps_the_line_where_its_id_survives_else_restarts_the_node() {
    let call = call();
    let mut state = night();
    start(&call, &mut state);
    advance(&call, &mut state);
    // The writer moves `pictures` into `who`: the conversation follows it.
    let mut moved = call.clone();
    let line = moved.nodes[0].lines.remove(2);
    moved.nodes[1].lines.insert(0, line);
    let step = reanchor(&moved, &mut state);
    assert_eq!(step.shown, shown(&moved, &state));
    assert!(step.applied.is_empty());
    assert_eq!(state.dialogue.as_ref().unwrap().node, "who");
    // The line is deleted: the node starts again.
    let mut cut = moved.clone();
    cut.nodes[1].lines.remove(0);
    let step = reanchor(&cut, &mut state);
    assert_eq!(step.entered, ["who"]);
    assert!(matches!(&step.shown, Shown::Line(l) if l.id == "midnight"));
}

#[test]
fn a_loop_with_nothing_to_say_stops_instead_of_hanging() {
    let looping: Dialogue = parse_ron(
        Path::new("loop.dialogue.ron"),
        r#"Dialogue(id: "loop", speakers: [], nodes: [
            (id: "a", then: Go("b")), (id: "b", then: Go("a")),
        ])"#,
    )
    .unwrap();
    let mut state = night();
    let step = start(&looping, &mut state);
    assert_eq!(step.shown, Shown::Ended);
    assert!(step.problem.unwrap().contains("without a line"));
    assert_eq!(state.dialogue, None);
}
