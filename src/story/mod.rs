//! The night's story: the hub every capability reads and writes. It holds
//! the [`StoryState`] (chapter, clock, flags, variables, visits, triggers
//! fired, where Lev is), evaluates the one language of conditions and
//! effects ([`logic`]), runs the clock and the level's triggers, and moves
//! the night from chapter to chapter to its ending. It imports no
//! capability: exploration publishes where Lev is into the state, and the
//! story asks for what it needs (a dialogue, a journey) with events.

mod chapters;
mod clock;
mod light;
pub mod logic;
mod motions;
mod past_nights;
pub mod state;
#[cfg(test)]
mod tests;
mod triggers;

pub use chapters::ChapterBegan;
pub use clock::{ClockSystems, NightTime, Rates, rates};
pub use light::shortest_flicker;
pub use motions::MotionSystems;
pub use past_nights::NightsFile;
pub use state::{
    Breakdown, CameraRecord, DialogueAt, DialoguePosition, PastNights, PhotoRecord, Place,
    STORY_STATE_VERSION, Said, Smear, StoryState, SubjectShot,
};

use bevy::prelude::*;

use crate::content::schema::{Cue, Effect};
use crate::levels::InPlay;
use crate::states::Screen;

/// Something that happened in the story, for example `"phone_rings"`.
/// Observe it with `app.add_observer(|event: On<StoryEvent>| ...)`.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct StoryEvent {
    /// The event's name, as the data gives it.
    pub name: String,
    /// What fired it: `level/trigger`, `level/interactable`, `chapter/id`.
    pub source: String,
}

/// The story cued a sound of the night (the phone's bell, the tower's).
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoundCued {
    /// The sound.
    pub cue: Cue,
}

/// Asks the dialogue system to start a dialogue.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct DialogueRequested {
    /// The dialogue's id.
    pub id: String,
}

/// Lev inspected something and read its text.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    /// What he inspected: an interactable's or a locked door's id.
    pub id: String,
    /// What it says.
    pub text: String,
}

/// Asks for effects to be applied to the story (an interactable used);
/// `source` names what asked, as in [`StoryEvent::source`].
#[derive(Event, Debug, Clone, PartialEq)]
pub struct ApplyEffects {
    /// The effects, in order.
    pub effects: Vec<Effect>,
    /// What asked for them.
    pub source: String,
}

/// Asks for Lev to be taken to a spawn point of a level (an effect, or a
/// chapter beginning elsewhere); exploration fades there.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct Travel {
    /// The level's id.
    pub level: String,
    /// The spawn point's id.
    pub spawn: String,
}

pub(super) fn plugin(app: &mut App) {
    app.add_observer(apply_effects)
        .add_systems(
            Last,
            publish_in_play.run_if(resource_exists_and_changed::<StoryState>),
        )
        .add_systems(OnEnter(Screen::Title), |mut in_play: ResMut<InPlay>| {
            in_play.set_if_neq(InPlay::default());
        })
        .add_plugins((
            chapters::plugin,
            clock::plugin,
            motions::plugin,
            past_nights::plugin,
            triggers::plugin,
        ));
}

/// Tells the data what the night in play stands on: data without it is not
/// played while the night goes on.
fn publish_in_play(state: Res<StoryState>, mut in_play: ResMut<InPlay>) {
    let level = Some(state.place.level.as_str()).filter(|l| !l.is_empty());
    if in_play.chapter.as_deref() != Some(state.chapter.as_str())
        || in_play.level.as_deref() != level
    {
        *in_play = InPlay {
            chapter: Some(state.chapter.clone()),
            level: level.map(str::to_owned),
        };
    }
}

/// Applies effects asked for by a capability (an interactable used).
fn apply_effects(
    request: On<ApplyEffects>,
    state: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    if let Some(mut state) = state {
        let outcomes = logic::apply(&request.effects, &mut state);
        carry_out(outcomes, &request.source, &mut commands);
    }
}

/// Does what effects asked of the game beyond the state, in order;
/// `source` names what applied them, as in [`StoryEvent::source`].
pub fn carry_out(outcomes: Vec<logic::Outcome>, source: &str, commands: &mut Commands) {
    for outcome in outcomes {
        match outcome {
            logic::Outcome::Event(name) => commands.trigger(StoryEvent {
                name,
                source: source.to_owned(),
            }),
            logic::Outcome::Dialogue(id) => commands.trigger(DialogueRequested { id }),
            logic::Outcome::GoTo(level, spawn) => commands.trigger(Travel { level, spawn }),
            logic::Outcome::EndChapter => commands.trigger(chapters::EndChapter {
                source: source.to_owned(),
            }),
            logic::Outcome::Sound(cue) => commands.trigger(SoundCued { cue }),
        }
    }
}
