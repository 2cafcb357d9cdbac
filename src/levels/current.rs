//! The level in play: where Lev is ([`CurrentLevel`], which the story and a
//! save set and the world builds), the message that it has been built
//! ([`LevelBuilt`]), and its data ([`ActiveLevel`]).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::NightData;
use crate::content::schema;

/// Builds and rebuilds the current level (the world's systems); exploration
/// and the story's count of visits run after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct LevelSystems;

/// A level has been built: after an arrival (`arrived`), Lev is to stand at
/// `at`, the spawn point `spawn`; after a rebuild (its file changed), he
/// keeps his place.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct LevelBuilt {
    /// The level's id.
    pub id: String,
    /// The spawn point he arrives at.
    pub spawn: String,
    /// Where that spawn point is.
    pub at: Vec2,
    /// A new arrival (`true`), or a rebuild around him (`false`).
    pub arrived: bool,
    /// A saved night picked up where Lev stood (`at`): not a new visit.
    pub resumed: bool,
}

/// Where Lev is: the level and the spawn point he arrived at. Present only
/// while playing, once the story has loaded.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct CurrentLevel {
    /// The level's id.
    pub id: String,
    /// The spawn point he arrived at.
    pub spawn: String,
    /// Whether the level's entities exist.
    pub spawned: bool,
    /// Whether Lev still has to be put at the spawn point (a new arrival,
    /// not a rebuild after the file changed).
    pub arrive: bool,
    /// Where he stood when the night was saved, to be put back there
    /// instead of at a spawn point.
    pub resume_at: Option<Vec2>,
}

impl CurrentLevel {
    /// Lev arriving at `spawn` in level `id`: the level is (re)built and he
    /// is put there.
    pub fn arriving(id: &str, spawn: &str) -> Self {
        Self {
            id: id.to_owned(),
            spawn: spawn.to_owned(),
            spawned: false,
            arrive: true,
            resume_at: None,
        }
    }

    /// Lev back at `at` in level `id`, where a saved night left him.
    pub fn resuming(id: &str, at: Vec2) -> Self {
        Self {
            resume_at: Some(at),
            ..Self::arriving(id, "")
        }
    }
}

/// The level Lev is in, once it is loaded.
#[derive(SystemParam)]
pub struct ActiveLevel<'w> {
    current: Option<Res<'w, CurrentLevel>>,
    data: Res<'w, NightData>,
}

impl ActiveLevel<'_> {
    /// The current level's data, if Lev is in a loaded level.
    pub fn get(&self) -> Option<&schema::Level> {
        self.data.level(&self.current.as_ref()?.id)
    }

    /// The current level's id and spawn state.
    pub fn current(&self) -> Option<&CurrentLevel> {
        self.current.as_deref()
    }

    /// The data the levels come from.
    pub fn data(&self) -> &NightData {
        &self.data
    }
}
