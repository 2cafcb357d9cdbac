//! Dialogue as data-driven events. The words live in
//! `levels/dialogue/<id>.dialogue.ron`; the pure [`runner`] walks them
//! against the story state, where the conversation's place is kept (so a
//! save resumes mid-line); this glue starts a conversation when the story
//! asks ([`DialogueRequested`]), goes on when the view asks ([`Converse`]),
//! follows a dialogue file saved while it runs, and announces each step as
//! an event for anyone to observe: [`LineShown`], [`ChoicesShown`],
//! [`ChoiceMade`], [`DialogueEffect`], [`DialogueEnded`]. The [`view`]
//! shows it and owns input while it runs; exploring, the clock and the
//! camera wait.

pub mod runner;
mod seen;
mod view;

pub use runner::{ShownChoice, ShownLine};
pub use seen::{SeenLines, SeenLinesFile};
pub use view::{DialogueBox, open_choices};

use bevy::prelude::*;

use crate::content::schema::{Dialogue, Effect};
use crate::levels::NightData;
use crate::states::Screen;
use crate::story::{self, DialogueRequested, StoryState};
use runner::{Shown, Step};

/// A line is shown.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct LineShown {
    /// The dialogue's id.
    pub dialogue: String,
    /// The line.
    pub line: ShownLine,
}

/// Lev's choices are shown.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct ChoicesShown {
    /// The dialogue's id.
    pub dialogue: String,
    /// The choices, greyed ones included.
    pub choices: Vec<ShownChoice>,
}

/// Lev made a choice.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct ChoiceMade {
    /// The dialogue's id.
    pub dialogue: String,
    /// The choice's id.
    pub choice: String,
}

/// A line or a choice applied an effect to the story.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct DialogueEffect {
    /// The dialogue's id.
    pub dialogue: String,
    /// The id of the line or choice it belongs to.
    pub source: String,
    /// The effect.
    pub effect: Effect,
}

/// A conversation ended.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct DialogueEnded {
    /// The dialogue's id.
    pub dialogue: String,
}

/// Asks the conversation in progress to go on.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub enum Converse {
    /// Past the line shown.
    Advance,
    /// With the choice of this id.
    Choose(String),
}

/// A dialogue asked for while another runs: it begins when that one ends.
#[derive(Resource, Debug, Default)]
struct Waiting(Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Waiting>()
        .add_observer(begin)
        .add_observer(go_on)
        .add_observer(begin_waiting)
        .add_systems(
            Update,
            follow_changed_files.run_if(in_state(Screen::Playing)),
        )
        .add_systems(OnExit(Screen::Playing), |mut waiting: ResMut<Waiting>| {
            waiting.0 = None;
        })
        .add_plugins((seen::plugin, view::plugin));
}

/// Starts the dialogue asked for, or keeps it for when the one running ends.
fn begin(
    request: On<DialogueRequested>,
    night: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    mut waiting: ResMut<Waiting>,
    mut commands: Commands,
) {
    let Some(mut state) = state else {
        return;
    };
    let Some(dialogue) = night.dialogue(&request.id) else {
        warn!("there is no dialogue `{}` to start", request.id);
        return;
    };
    if state.dialogue.is_some() {
        waiting.0 = Some(request.id.clone());
        return;
    }
    let step = runner::start(dialogue, &mut state);
    publish(dialogue, step, &mut commands);
}

fn begin_waiting(_: On<DialogueEnded>, mut waiting: ResMut<Waiting>, mut commands: Commands) {
    if let Some(id) = waiting.0.take() {
        commands.trigger(DialogueRequested { id });
    }
}

/// Goes on with the conversation in progress, as the view asks.
fn go_on(
    request: On<Converse>,
    night: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    let Some(mut state) = state else {
        return;
    };
    let Some(dialogue) = running(&night, &state) else {
        return;
    };
    let step = match &*request {
        Converse::Advance => runner::advance(dialogue, &mut state),
        Converse::Choose(id) => match runner::choose(dialogue, &mut state, id) {
            Ok(step) => {
                commands.trigger(ChoiceMade {
                    dialogue: dialogue.id.clone(),
                    choice: id.clone(),
                });
                step
            }
            Err(refused) => {
                debug!("choice refused: {refused:?}");
                return;
            }
        },
    };
    publish(dialogue, step, &mut commands);
}

/// The dialogue of the conversation in progress.
fn running<'a>(night: &'a NightData, state: &StoryState) -> Option<&'a Dialogue> {
    night.dialogue(&state.dialogue.as_ref()?.dialogue)
}

/// A dialogue file saved while its conversation runs: the conversation
/// finds its place in the new version (see [`runner::reanchor`]); a
/// dialogue that is gone ends it.
fn follow_changed_files(
    night: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    let Some(mut state) = state else {
        return;
    };
    if !night.is_changed() || night.is_added() {
        return;
    }
    let Some(id) = state.dialogue.as_ref().map(|p| p.dialogue.clone()) else {
        return;
    };
    match night.dialogue(&id) {
        Some(dialogue) => {
            let step = runner::reanchor(dialogue, &mut state);
            if !step.entered.is_empty() || step.shown == Shown::Ended {
                publish(dialogue, step, &mut commands);
            }
        }
        None => {
            state.dialogue = None;
            commands.trigger(DialogueEnded { dialogue: id });
        }
    }
}

/// Announces what a step did, in the order it happened (a choice's
/// effects, then the line shown and its own), and carries out what the
/// effects ask of the game.
fn publish(dialogue: &Dialogue, step: Step, commands: &mut Commands) {
    let id = &dialogue.id;
    if let Some(problem) = &step.problem {
        warn!("{problem}");
    }
    let ended = step.shown == Shown::Ended;
    let shown_line = match &step.shown {
        Shown::Line(line) => Some(line.id.clone()),
        _ => None,
    };
    let (after, before): (Vec<_>, Vec<_>) = step
        .applied
        .into_iter()
        .partition(|(source, _)| Some(source) == shown_line.as_ref());
    let announce = |commands: &mut Commands, effects: Vec<(String, Effect)>| {
        for (source, effect) in effects {
            commands.trigger(DialogueEffect {
                dialogue: id.clone(),
                source,
                effect,
            });
        }
    };
    announce(commands, before);
    match step.shown {
        Shown::Line(line) => commands.trigger(LineShown {
            dialogue: id.clone(),
            line,
        }),
        Shown::Choices(choices) => commands.trigger(ChoicesShown {
            dialogue: id.clone(),
            choices,
        }),
        Shown::Ended => {}
    }
    announce(commands, after);
    story::carry_out(step.outcomes, &format!("dialogue/{id}"), commands);
    if ended {
        commands.trigger(DialogueEnded {
            dialogue: id.clone(),
        });
    }
}
