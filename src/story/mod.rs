//! The night's story state: the clock, flags, and the story events that
//! triggers fire for other systems to observe.

mod clock;
mod triggers;

pub use clock::NightClock;

use bevy::platform::collections::HashSet;
use bevy::prelude::*;

use crate::screens::Screen;

/// Something that happened in the story, for example `"phone_rings"`.
/// Observe it with `app.add_observer(|event: On<StoryEvent>| ...)`.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct StoryEvent {
    /// The event's name, as the level data gives it.
    pub name: String,
    /// The level and trigger that fired it.
    pub source: String,
}

/// The story flags set so far tonight.
#[derive(Resource, Debug, Default, Clone)]
pub struct StoryFlags(pub HashSet<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), |mut commands: Commands| {
        commands.init_resource::<StoryFlags>();
    })
    .add_systems(OnExit(Screen::Playing), |mut commands: Commands| {
        commands.remove_resource::<StoryFlags>();
    })
    .add_plugins((clock::plugin, triggers::plugin));
}
