//! Building the current level's entities from its data (see [`super::draw`]),
//! and rebuilding them when the file changes. Each build is announced with
//! [`LevelBuilt`]: exploration places Lev, the story counts the visit.
//! Levels know nothing of how Lev moves.

use bevy::prelude::*;

use super::NightData;
use super::draw::{Drawing, spawn_level};
use super::schema::{Area, Facing, Level, Subject};
use crate::art::sheets::SpriteSheets;
use crate::states::Screen;

/// Builds and rebuilds the current level; runs before exploration.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct LevelSystems;

/// Lev stands at this depth; props are drawn in front of him or behind him
/// by their depth.
pub const LEV_Z: f32 = 10.0;
/// Lights glow over everything in the level, and over the night's darkness.
pub const LIGHT_Z: f32 = 30.0;

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

/// Something the camera can photograph: the subject's data and the key and
/// name a photograph records (`level/subject`, unique across the night, or
/// Lev himself for a mirror subject).
#[derive(Component, Debug, Clone)]
pub struct PhotoSubject {
    /// `level/subject`, or `lev` for a mirror subject.
    pub key: String,
    /// The name a photograph gives it.
    pub name: String,
    /// The subject as the level gives it.
    pub subject: Subject,
}

impl PhotoSubject {
    /// The subject `subject` of `level`.
    pub fn of(level: &Level, subject: &Subject) -> Self {
        let (key, name) = subject.recorded_as(&level.id);
        Self {
            key,
            name,
            subject: subject.clone(),
        }
    }
}

/// A prop that hides photo subjects at its depth or behind it.
#[derive(Component, Debug, Clone, Copy)]
pub struct Occluding {
    /// The prop's extent.
    pub area: Area,
    /// The prop's depth.
    pub depth: f32,
}

/// Part of the current level: despawned when the level changes or reloads.
#[derive(Component, Debug)]
pub struct LevelEntity;

/// A background layer that moves `0..=1` times as much as the level.
#[derive(Component, Debug)]
pub struct Parallax(pub f32);

/// A person of the level, by id, and which way they face.
#[derive(Component, Debug)]
pub struct Person {
    /// The id in the level file.
    pub id: String,
    /// Which way they face.
    pub facing: Facing,
}

/// A light of the level: its index in the level file and its opacity.
#[derive(Component, Debug)]
pub struct LevelLight {
    /// Index in the level's `lights`.
    pub index: usize,
    /// Opacity of its glow before any flicker.
    pub alpha: f32,
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

pub(super) fn plugin(app: &mut App) {
    app.add_message::<LevelBuilt>()
        .add_systems(OnExit(Screen::Playing), forget_level)
        .add_systems(
            Update,
            (respawn_on_change, spawn_current_level)
                .chain()
                .in_set(LevelSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

/// Steps of a light's falloff: pixel-art light falls off in rings, not a
/// smooth blur.
const GLOW_STEPS: f32 = 6.0;

/// A 4x4 ordered-dither threshold, 0 to 1, for texel `(x, y)`.
fn bayer(x: u32, y: u32) -> f32 {
    const MATRIX: [[u8; 4]; 4] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]];
    (f32::from(MATRIX[(y % 4) as usize][(x % 4) as usize]) + 0.5) / 16.0
}

/// A light's opacity at `d` (0 at its centre, 1 at its edge) in texel
/// `(x, y)`: a squared falloff in [`GLOW_STEPS`] rings, dithered where one
/// ring gives way to the next.
fn glow_alpha(d: f32, x: u32, y: u32) -> f32 {
    let smooth = (1.0 - d).clamp(0.0, 1.0).powi(2);
    (smooth * GLOW_STEPS + bayer(x, y) - 0.5).round().max(0.0) / GLOW_STEPS
}

/// A light's round falloff, white to be tinted, `diameter` texels across:
/// drawn at one texel a virtual pixel, so that its rings and dither are on
/// the same pixel grid as everything else.
pub(super) fn glow_picture(diameter: u32) -> Image {
    let half = diameter as f32 / 2.0;
    let mut texels = Vec::with_capacity((diameter * diameter * 4) as usize);
    for y in 0..diameter {
        for x in 0..diameter {
            let d = Vec2::new(x as f32 + 0.5 - half, y as f32 + 0.5 - half).length() / half;
            let alpha = glow_alpha(d, x, y);
            texels.extend_from_slice(&[255, 255, 255, (alpha * 255.0) as u8]);
        }
    }
    super::draw::picture(diameter, diameter, texels)
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
