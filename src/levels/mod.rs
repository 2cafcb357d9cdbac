//! Levels, the story and its dialogues as moddable RON data.
//!
//! The pure core ([`schema`], [`validate`], [`files`], [`roots`]) reads and
//! checks data with no `App`; `long-exposure validate` runs it. The Bevy glue
//! loads the files through the `levels://` asset source ([`source`]) with hot
//! reload, judges them together as `validate` does and plays only data free
//! of errors ([`NightData`]), spawns the current level and shows data
//! problems on screen.

mod draw;
pub mod embedded;
pub mod files;
mod loader;
mod night;
mod problems;
pub mod rain;
pub mod roots;
pub mod schema;
pub mod skyline;
pub mod source;
mod spawn;
pub mod sprites;
pub mod validate;

pub use draw::{Drawing, colour, lev_sprite, spawn_level};
pub use loader::{DataAsset, DataLoader, DialogueAsset, LevelAsset, ProblemBoard, StoryAsset};
pub use night::{DataStatus, InPlay, NightData, StartOverride};
pub use roots::Roots;
pub use spawn::{
    CurrentLevel, LEV_Z, LIGHT_Z, LevelBuilt, LevelEntity, LevelLight, LevelSystems, Occluding,
    Parallax, Person, PhotoSubject,
};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

/// The roots data is read from, as chosen at start-up.
#[derive(Resource, Clone, Debug)]
pub struct DataRoots(pub Roots);

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

/// Adds the asset source for `roots` and the level plugin. The source must
/// exist before `AssetPlugin` is built, so call this before adding it.
pub fn register(app: &mut App, roots: Roots) {
    source::register(app, &roots);
    app.insert_resource(DataRoots(roots));
}

pub(super) fn plugin(app: &mut App) {
    let roots = app
        .world_mut()
        .get_resource_or_insert_with(|| {
            DataRoots(Roots {
                base: Roots::default_base(),
                mods: None,
            })
        })
        .0
        .clone();
    let board = ProblemBoard::default();
    app.init_asset::<LevelAsset>()
        .init_asset::<StoryAsset>()
        .register_asset_loader(DataLoader::<LevelAsset>::new(roots.clone(), board.clone()))
        .init_asset::<DialogueAsset>()
        .register_asset_loader(DataLoader::<StoryAsset>::new(roots.clone(), board.clone()))
        .register_asset_loader(DataLoader::<DialogueAsset>::new(roots, board.clone()))
        .insert_resource(board)
        .init_resource::<StartOverride>()
        .add_plugins((night::plugin, spawn::plugin, problems::plugin, rain::plugin));
}
