//! What the game remembers between nights: the ending of each night played
//! to its end. A new night begins knowing them ([`StoryState::past`]), so
//! its conditions can notice a second night (`PastNights`, `PastEnding`).
//! In windowed play they are kept in `nights.ron` in the player's data
//! folder; a file that cannot be read is reported and left as it is.

use std::path::Path;

use bevy::prelude::*;

use super::state::{PastNights, StoryState};
use crate::data::kept::{KeptFile, KeptProblems, Notice};
use crate::states::Screen;

/// Where the nights played are kept between runs; without it (headless
/// runs) they last as long as the game runs.
#[derive(Resource, Debug, Clone)]
pub struct NightsFile(pub KeptFile);

impl NightsFile {
    /// `nights.ron` in the player's data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        KeptFile::choose(data_dir, "nights.ron").map(Self)
    }

    /// Keeps the nights played in this file, reading what it holds now
    /// (a file that cannot be read is set aside, and the title says so).
    pub fn insert_into(mut self, world: &mut World) {
        if let Some(past) = self.0.read::<PastNights>() {
            world.insert_resource(past);
        }
        KeptProblems::add(world, self.0.problem.clone());
        world.insert_resource(self);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PastNights>()
        .add_systems(OnEnter(Screen::Ending), remember_night);
}

/// A night that came to its ending is remembered, and kept.
fn remember_night(
    state: Option<Res<StoryState>>,
    file: Option<Res<NightsFile>>,
    mut past: ResMut<PastNights>,
    mut commands: Commands,
) {
    let Some(ending) = state.and_then(|s| s.ending.clone()) else {
        return;
    };
    past.endings.push(ending);
    if let Some(file) = file
        && let Err(problem) = file.0.write(&*past)
    {
        warn!("cannot keep the nights played: {problem}");
        commands.trigger(Notice(format!(
            "The nights played could not be kept ({problem}): the next night will not know \
             of this one."
        )));
    }
}
