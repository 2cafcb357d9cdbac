//! Levels and the story as moddable RON data.
//!
//! The pure core ([`schema`], [`validate`], [`files`]) reads and checks data
//! with no `App`; `long-exposure validate` runs it. The Bevy glue loads the
//! files through the `levels://` asset source ([`source`]) with hot reload,
//! spawns the current level ([`spawn`]) and shows data problems on screen
//! ([`problems`]).

pub mod files;
mod loader;
mod problems;
pub mod schema;
pub mod source;
mod spawn;
pub mod sprites;
pub mod validate;

pub use files::Roots;
pub use loader::{DataAsset, DataLoader, LevelAsset, ProblemBoard, StoryAsset};
pub use spawn::{
    CurrentLevel, LEV_Z, LIGHT_Z, LevelEntity, LevelLight, LevelSystems, Parallax, Person, colour,
    spawn_level,
};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

/// The roots data is read from, as chosen at start-up.
#[derive(Resource, Clone, Debug)]
pub struct DataRoots(pub Roots);

/// The story file and every level its chapters name, as asset handles.
#[derive(Resource, Default)]
pub struct NightData {
    /// `story.ron`.
    pub story: Handle<StoryAsset>,
    /// Each chapter's levels, by id.
    pub levels: Vec<(String, Handle<LevelAsset>)>,
}

impl NightData {
    /// The handle of the level with `id`, if the story names it.
    pub fn level(&self, id: &str) -> Option<&Handle<LevelAsset>> {
        self.levels.iter().find(|(l, _)| l == id).map(|(_, h)| h)
    }
}

/// The level Lev is in, once it is loaded.
#[derive(SystemParam)]
pub struct ActiveLevel<'w> {
    current: Option<Res<'w, CurrentLevel>>,
    data: Res<'w, NightData>,
    levels: Res<'w, Assets<LevelAsset>>,
}

impl ActiveLevel<'_> {
    /// The current level's data, if Lev is in a loaded level.
    pub fn get(&self) -> Option<&schema::Level> {
        let current = self.current.as_ref()?;
        let handle = self.data.level(&current.id)?;
        self.levels.get(handle).map(|asset| &asset.level)
    }

    /// The current level's id and spawn state.
    pub fn current(&self) -> Option<&CurrentLevel> {
        self.current.as_deref()
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
        .register_asset_loader(DataLoader::<StoryAsset>::new(roots, board.clone()))
        .insert_resource(board)
        .init_resource::<NightData>()
        .add_systems(Startup, load_story)
        .add_systems(Update, load_levels_of_story)
        .add_plugins((spawn::plugin, problems::plugin));
}

fn load_story(assets: Res<AssetServer>, mut data: ResMut<NightData>) {
    data.story = assets.load(format!("{}://story.ron", source::SOURCE));
}

/// Once the story is in (and each time it changes), loads every level its
/// chapters name.
fn load_levels_of_story(
    mut events: MessageReader<AssetEvent<StoryAsset>>,
    stories: Res<Assets<StoryAsset>>,
    assets: Res<AssetServer>,
    mut data: ResMut<NightData>,
) {
    for event in events.read() {
        let (AssetEvent::LoadedWithDependencies { id } | AssetEvent::Modified { id }) = event
        else {
            continue;
        };
        let Some(story) = stories.get(*id) else {
            continue;
        };
        let mut levels = Vec::new();
        for chapter in &story.story.chapters {
            for level in &chapter.levels {
                let path = format!("{}://{level}{}", source::SOURCE, files::LEVEL_SUFFIX);
                levels.push((level.clone(), assets.load(path)));
            }
        }
        data.levels = levels;
    }
}
