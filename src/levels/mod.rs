//! Loading the night's content into the game: the `levels://` asset source
//! with hot reload ([`source`]), one loader for each kind of file, the
//! problem board every error and warning goes on, the judge that checks the
//! files together as `long-exposure validate` does and lets only data free
//! of errors play ([`NightData`]), and the level in play ([`CurrentLevel`],
//! [`ActiveLevel`]). What the data is and how it is checked is
//! [`crate::content`]'s; drawing it is [`crate::world`]'s; the problem
//! board's panel is the UI's.

mod current;
mod judged;
mod loader;
mod problems;
pub mod source;

pub use current::{ActiveLevel, CurrentLevel, LevelBuilt, LevelSystems};
pub use judged::{DataStatus, InPlay, NightData, StartOverride};
pub use loader::{DataAsset, DataLoader, DialogueAsset, LevelAsset, ProblemBoard, StoryAsset};
pub use problems::ProblemSystems;

use bevy::prelude::*;

use crate::content::Roots;

/// The roots data is read from, as chosen at start-up.
#[derive(Resource, Clone, Debug)]
pub struct DataRoots(pub Roots);

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
        .add_message::<LevelBuilt>()
        .add_plugins((judged::plugin, problems::plugin));
}
