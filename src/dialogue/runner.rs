//! The dialogue runner: plain Rust, no Bevy types. It walks a dialogue's
//! graph against the [`StoryState`] it is given and keeps its place in
//! that state ([`DialoguePosition`]), so a save taken in the middle of a
//! conversation resumes at the same line. A line's effects are applied
//! once, when it is first shown: resuming shows it again without them.
//!
//! Each call returns a [`Step`]: what is shown now, the effects applied on
//! the way and what they ask of the game ([`Outcome`]s).

use crate::content::schema::template;
use crate::content::schema::template::{Fact, Piece};
use crate::content::schema::{Condition, Dialogue, DialogueNode, Effect, Next, Then, Value};
use crate::story::logic::{self, Outcome};
use crate::story::state::{DialogueAt, DialoguePosition, Said, StoryState};

/// Nodes a single step may pass through before the runner gives up (the
/// validator refuses loops without lines, so data that passed it never
/// comes near).
const MAX_NODES_PER_STEP: usize = 256;

/// What the conversation shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A line.
    Line(ShownLine),
    /// Lev's choices.
    Choices(Vec<ShownChoice>),
    /// Nothing: the conversation is over.
    Ended,
}

/// A line as shown: its text with the night's facts in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownLine {
    /// The line's id.
    pub id: String,
    /// The speaker's id (none: narration).
    pub speaker: Option<String>,
    /// The speaker's name.
    pub name: Option<String>,
    /// The text.
    pub text: String,
}

/// A choice as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownChoice {
    /// The choice's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Whether it can be chosen (a greyed one cannot).
    pub available: bool,
}

/// What one step of the conversation did.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What is shown now.
    pub shown: Shown,
    /// The effects applied, in order, with the id of the line or choice
    /// each belongs to.
    pub applied: Vec<(String, Effect)>,
    /// What those effects ask of the game, in order.
    pub outcomes: Vec<Outcome>,
    /// The nodes entered, in order.
    pub entered: Vec<String>,
    /// What went wrong, if the conversation had to stop early.
    pub problem: Option<String>,
}

impl Step {
    fn new() -> Self {
        Self {
            shown: Shown::Ended,
            applied: Vec::new(),
            outcomes: Vec::new(),
            entered: Vec::new(),
            problem: None,
        }
    }
}

/// Why a choice was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceRefused {
    /// No choices are shown now.
    NotChoosing,
    /// No choice shown has this id.
    Unknown(String),
    /// The choice is shown greyed.
    Unavailable(String),
}

/// Begins `dialogue` at its first node, replacing any conversation in
/// progress.
pub fn start(dialogue: &Dialogue, state: &mut StoryState) -> Step {
    let mut step = Step::new();
    let Some(first) = dialogue.nodes.first() else {
        state.dialogue = None;
        step.problem = Some(format!("the dialogue `{}` has no nodes", dialogue.id));
        return step;
    };
    state.dialogue = Some(DialoguePosition {
        dialogue: dialogue.id.clone(),
        node: first.id.clone(),
        at: DialogueAt::Choosing,
        history: Vec::new(),
    });
    enter(dialogue, state, &first.id, &mut step);
    step
}

/// Moves past the line shown to the next line, choice or end. With choices
/// shown it changes nothing: one must be made.
pub fn advance(dialogue: &Dialogue, state: &mut StoryState) -> Step {
    let mut step = Step::new();
    let Some((node, at)) = position(dialogue, state) else {
        state.dialogue = None;
        return step;
    };
    match at {
        DialogueAt::Choosing => step.shown = shown(dialogue, state),
        DialogueAt::Line(id) => {
            let from = node
                .lines
                .iter()
                .position(|l| l.id == id)
                .map_or(0, |i| i + 1);
            lines_from(dialogue, state, node, from, &mut step);
        }
    }
    step
}

/// Makes the choice with `id` among those shown: its effects apply and the
/// conversation goes where it leads.
pub fn choose(
    dialogue: &Dialogue,
    state: &mut StoryState,
    id: &str,
) -> Result<Step, ChoiceRefused> {
    let Some((node, DialogueAt::Choosing)) = position(dialogue, state) else {
        return Err(ChoiceRefused::NotChoosing);
    };
    let Then::Choose(choices) = &node.then else {
        return Err(ChoiceRefused::NotChoosing);
    };
    let Some(choice) = choices.iter().find(|c| c.id == id) else {
        return Err(ChoiceRefused::Unknown(id.to_owned()));
    };
    if !holds(choice.when.as_ref(), state) {
        return Err(ChoiceRefused::Unavailable(id.to_owned()));
    }
    let mut step = Step::new();
    let text = render(&choice.text, state);
    remember(
        state,
        Said {
            id: choice.id.clone(),
            speaker: None,
            text,
            chosen: true,
        },
    );
    apply(&choice.id, &choice.effects, state, &mut step);
    follow(dialogue, state, &choice.next, &mut step);
    Ok(step)
}

/// What the conversation shows now, without changing anything: for a
/// resumed save, or choices whose conditions may have changed.
pub fn shown(dialogue: &Dialogue, state: &StoryState) -> Shown {
    let Some((node, at)) = position(dialogue, state) else {
        return Shown::Ended;
    };
    match at {
        DialogueAt::Line(id) => node
            .lines
            .iter()
            .find(|l| l.id == id)
            .map_or(Shown::Ended, |line| {
                Shown::Line(show_line(dialogue, line, state))
            }),
        DialogueAt::Choosing => match &node.then {
            Then::Choose(choices) => Shown::Choices(
                choices
                    .iter()
                    .filter_map(|c| {
                        let available = holds(c.when.as_ref(), state);
                        (available || c.greyed).then(|| ShownChoice {
                            id: c.id.clone(),
                            text: render(&c.text, state),
                            available,
                        })
                    })
                    .collect(),
            ),
            _ => Shown::Ended,
        },
    }
}

/// Finds the conversation's place again in a changed `dialogue` (a file
/// saved while it runs): the same line where its id still exists, else the
/// start of the same node, else the first node. Choices stay open while
/// the node still offers them.
pub fn reanchor(dialogue: &Dialogue, state: &mut StoryState) -> Step {
    let mut step = Step::new();
    let Some(place) = state.dialogue.clone() else {
        return step;
    };
    if let DialogueAt::Line(id) = &place.at
        && let Some((node, _)) = dialogue.find_line(id)
    {
        if let Some(position) = state.dialogue.as_mut() {
            position.node = node.id.clone();
        }
        step.shown = shown(dialogue, state);
        return step;
    }
    let node = dialogue.node(&place.node);
    if place.at == DialogueAt::Choosing && node.is_some_and(|n| matches!(n.then, Then::Choose(_))) {
        step.shown = shown(dialogue, state);
        return step;
    }
    let Some(restart) = node.or(dialogue.nodes.first()) else {
        state.dialogue = None;
        return step;
    };
    enter(dialogue, state, &restart.id, &mut step);
    step
}

/// The node the conversation is in and what it shows there, if a
/// conversation of `dialogue` is in progress.
fn position<'a>(
    dialogue: &'a Dialogue,
    state: &StoryState,
) -> Option<(&'a DialogueNode, DialogueAt)> {
    let place = state
        .dialogue
        .as_ref()
        .filter(|p| p.dialogue == dialogue.id)?;
    Some((dialogue.node(&place.node)?, place.at.clone()))
}

/// Enters the node `id` (counting the visit) and goes on from its first
/// line.
fn enter(dialogue: &Dialogue, state: &mut StoryState, id: &str, step: &mut Step) {
    if step.entered.len() >= MAX_NODES_PER_STEP {
        end(state, step);
        step.problem = Some(format!(
            "the dialogue `{}` went through {MAX_NODES_PER_STEP} nodes without a line or a choice",
            dialogue.id
        ));
        return;
    }
    let Some(node) = dialogue.node(id) else {
        end(state, step);
        step.problem = Some(format!("the dialogue `{}` has no node `{id}`", dialogue.id));
        return;
    };
    *state
        .node_visits
        .entry(format!("{}/{}", dialogue.id, node.id))
        .or_insert(0) += 1;
    step.entered.push(node.id.clone());
    if let Some(position) = state.dialogue.as_mut() {
        position.node = node.id.clone();
    }
    lines_from(dialogue, state, node, 0, step);
}

/// Shows the first line of `node` from index `from` whose condition holds,
/// applying its effects; after the last line, does what the node says.
fn lines_from(
    dialogue: &Dialogue,
    state: &mut StoryState,
    node: &DialogueNode,
    from: usize,
    step: &mut Step,
) {
    let next = node
        .lines
        .iter()
        .skip(from)
        .find(|line| holds(line.when.as_ref(), state));
    if let Some(line) = next {
        let shown = show_line(dialogue, line, state);
        remember(
            state,
            Said {
                id: line.id.clone(),
                speaker: shown.name.clone(),
                text: shown.text.clone(),
                chosen: false,
            },
        );
        if let Some(position) = state.dialogue.as_mut() {
            position.at = DialogueAt::Line(line.id.clone());
        }
        step.shown = Shown::Line(shown);
        apply(&line.id, &line.effects, state, step);
        return;
    }
    match &node.then {
        Then::End => end(state, step),
        Then::Go(id) => enter(dialogue, state, id, step),
        Then::Choose(_) => {
            if let Some(position) = state.dialogue.as_mut() {
                position.at = DialogueAt::Choosing;
            }
            match shown(dialogue, state) {
                Shown::Choices(choices) if choices.iter().any(|c| c.available) => {
                    step.shown = Shown::Choices(choices);
                }
                // Nothing Lev could say: the conversation ends here.
                _ => end(state, step),
            }
        }
        Then::Branch(arms) => match arms.iter().find(|a| holds(a.when.as_ref(), state)) {
            Some(arm) => follow(dialogue, state, &arm.next, step),
            None => end(state, step),
        },
    }
}

fn follow(dialogue: &Dialogue, state: &mut StoryState, next: &Next, step: &mut Step) {
    match next {
        Next::End => end(state, step),
        Next::Go(id) => enter(dialogue, state, id, step),
    }
}

fn end(state: &mut StoryState, step: &mut Step) {
    state.dialogue = None;
    step.shown = Shown::Ended;
}

fn apply(id: &str, effects: &[Effect], state: &mut StoryState, step: &mut Step) {
    step.outcomes.extend(logic::apply(effects, state));
    step.applied
        .extend(effects.iter().map(|e| (id.to_owned(), e.clone())));
}

fn remember(state: &mut StoryState, said: Said) {
    if let Some(position) = state.dialogue.as_mut() {
        position.history.push(said);
    }
}

/// Conditions in a dialogue hold wherever Lev stands (areas never do).
fn holds(when: Option<&Condition>, state: &StoryState) -> bool {
    when.is_none_or(|c| logic::holds(c, state, ""))
}

fn show_line(
    dialogue: &Dialogue,
    line: &crate::content::schema::Line,
    state: &StoryState,
) -> ShownLine {
    ShownLine {
        id: line.id.clone(),
        speaker: line.by.clone(),
        name: line.by.as_deref().map(|by| {
            dialogue
                .speaker(by)
                .map_or(by, |s| s.name.as_str())
                .to_owned()
        }),
        text: render(&line.text, state),
    }
}

/// `text` with the night's facts in it (see `schema::template`); text
/// whose braces are wrong is shown as written.
pub fn render(text: &str, state: &StoryState) -> String {
    let Ok(pieces) = template::parse(text) else {
        return text.to_owned();
    };
    let count = |n: usize| n.to_string();
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Fact(Fact::Photos) => count(state.album.len()),
            Piece::Fact(Fact::Time) => state.time().to_string(),
            Piece::Fact(Fact::Best(key)) => state.best_score(key).to_string(),
            Piece::Fact(Fact::Tagged(tag)) => count(state.photos_tagged(tag)),
            Piece::Fact(Fact::BestPhoto) => {
                state.best_shot().map_or(String::new(), |s| s.name.clone())
            }
            Piece::Fact(Fact::BestPhotoScore) => {
                state.best_shot().map_or(0, |s| s.score).to_string()
            }
            Piece::Fact(Fact::Var(name)) => match state.variables.get(name) {
                Some(Value::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => {
                    format!("{}", *n as i64)
                }
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
                Some(Value::Text(t)) => t.clone(),
                None => String::new(),
            },
        })
        .collect()
}

#[cfg(test)]
#[path = "runner_tests.rs"]
mod tests;
