//! Building the current level's entities from its data (see [`super::draw`]),
//! and rebuilding them when the file changes. Each build is announced with
//! [`LevelBuilt`]: exploration places Lev, the story counts the visit.
//! The world knows nothing of how Lev moves.

use bevy::prelude::*;

use super::draw::spawn_level;
use super::paint::Drawing;
use super::parts::LevelEntity;
use crate::art::sheets::SpriteSheets;
use crate::content::schema::Level;
use crate::levels::{CurrentLevel, LevelBuilt, LevelSystems, NightData};
use crate::states::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnExit(Screen::Playing), forget_level)
        .add_systems(
            Update,
            (respawn_on_change, spawn_current_level)
                .chain()
                .in_set(LevelSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

fn forget_level(mut commands: Commands) {
    commands.remove_resource::<CurrentLevel>();
}

/// Changed data (a level file saved free of errors) rebuilds the level
/// around Lev.
fn respawn_on_change(
    data: Res<NightData>,
    current: Option<ResMut<CurrentLevel>>,
    mut built: Local<Option<Level>>,
) {
    let Some(mut current) = current else {
        return;
    };
    let level = data.level(&current.id);
    if current.spawned && data.is_changed() && level != built.as_ref() {
        current.spawned = false;
        info!("level `{}` changed: rebuilding it", current.id);
    }
    if !current.spawned {
        *built = level.cloned();
    }
}

fn spawn_current_level(
    current: Option<ResMut<CurrentLevel>>,
    data: Res<NightData>,
    old: Query<Entity, With<LevelEntity>>,
    mut built: MessageWriter<LevelBuilt>,
    assets: Res<AssetServer>,
    images: Option<Res<Assets<Image>>>,
    sheets: Option<Res<SpriteSheets>>,
    mut commands: Commands,
) {
    let Some(mut current) = current else {
        return;
    };
    if current.spawned {
        return;
    }
    let Some(level) = data.level(&current.id) else {
        return;
    };
    for entity in &old {
        commands.entity(entity).despawn();
    }
    // Images need a renderer; headless, image layers are left out.
    let drawing = Drawing {
        assets: images.is_some().then_some(&*assets),
        sheets: sheets.as_deref(),
    };
    spawn_level(&mut commands, level, drawing);
    let spawn_point = || {
        Vec2::from(
            level
                .spawns
                .iter()
                .find(|s| s.id == current.spawn)
                .or(level.spawns.first())
                .map_or((level.bounds.x, level.bounds.y), |s| s.at),
        )
    };
    let resumed = current.arrive && current.resume_at.is_some();
    built.write(LevelBuilt {
        id: level.id.clone(),
        spawn: current.spawn.clone(),
        at: current.resume_at.unwrap_or_else(spawn_point),
        arrived: current.arrive,
        resumed,
    });
    current.spawned = true;
    current.arrive = false;
    current.resume_at = None;
}
