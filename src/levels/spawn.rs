//! Building the current level's entities from its data, and rebuilding them
//! when the file changes. Each build is announced with [`LevelBuilt`]:
//! exploration places Lev, the story counts the visit. Levels know nothing
//! of how Lev moves.
//!
//! Everything is drawn as placeholder rectangles in the sprites' colours
//! until the art lands; positions and sizes are the data's.

use bevy::prelude::*;

use super::NightData;
use super::schema::{Area, Colour, Facing, Level, Paint, Surface};
use super::skyline::{SkylineShape, WINDOW, skyline};
use super::sprites;
use crate::random::Random;
use crate::states::{Screen, VIEW};

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
        }
    }
}

/// A soft round falloff, tinted per light; only where images exist (a window).
#[derive(Resource, Debug)]
struct LightGlow(Handle<Image>);

/// Side of the light falloff texture, in texels.
const GLOW_SIZE: u32 = 64;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<LevelBuilt>()
        .add_systems(Startup, make_light_glow)
        .add_systems(OnExit(Screen::Playing), forget_level)
        .add_systems(
            Update,
            (respawn_on_change, spawn_current_level)
                .chain()
                .in_set(LevelSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

fn make_light_glow(images: Option<ResMut<Assets<Image>>>, mut commands: Commands) {
    use bevy::asset::RenderAssetUsages;
    use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
    let Some(mut images) = images else {
        return;
    };
    let half = GLOW_SIZE as f32 / 2.0;
    let mut texels = Vec::with_capacity((GLOW_SIZE * GLOW_SIZE * 4) as usize);
    for y in 0..GLOW_SIZE {
        for x in 0..GLOW_SIZE {
            let d = Vec2::new(x as f32 + 0.5 - half, y as f32 + 0.5 - half).length() / half;
            let alpha = (1.0 - d).clamp(0.0, 1.0).powi(2);
            texels.extend_from_slice(&[255, 255, 255, (alpha * 255.0) as u8]);
        }
    }
    let size = Extent3d {
        width: GLOW_SIZE,
        height: GLOW_SIZE,
        depth_or_array_layers: 1,
    };
    let image = Image::new(
        size,
        TextureDimension::D2,
        texels,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    commands.insert_resource(LightGlow(images.add(image)));
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
    glow: Option<Res<LightGlow>>,
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
    let assets = images.is_some().then_some(&*assets);
    let glow = glow.map(|g| g.0.clone());
    spawn_level(&mut commands, level, assets, glow);
    let at = Vec2::from(
        level
            .spawns
            .iter()
            .find(|s| s.id == current.spawn)
            .or(level.spawns.first())
            .map_or((level.bounds.x, level.bounds.y), |s| s.at),
    );
    built.write(LevelBuilt {
        id: level.id.clone(),
        spawn: current.spawn.clone(),
        at,
        arrived: current.arrive,
    });
    current.spawned = true;
    current.arrive = false;
}

/// A data colour as a Bevy colour.
pub fn colour(Colour([r, g, b, a]): Colour) -> Color {
    Color::srgba_u8(r, g, b, a)
}

/// A level part: a rectangle of `size` with its bottom-left at `corner`.
fn block(name: &'static str, color: Color, corner: Vec2, size: Vec2, z: f32) -> impl Bundle {
    (
        Name::new(name),
        LevelEntity,
        Sprite::from_color(color, size),
        Transform::from_translation((corner + size / 2.0).extend(z)),
        DespawnOnExit(Screen::Playing),
    )
}

fn area_block(name: &'static str, color: Color, area: &Area, z: f32) -> impl Bundle {
    block(
        name,
        color,
        Vec2::new(area.x, area.y),
        Vec2::new(area.w, area.h),
        z,
    )
}

fn surface_colour(surface: Surface) -> Color {
    match surface {
        Surface::Concrete => Color::srgb(0.30, 0.30, 0.33),
        Surface::Metal => Color::srgb(0.36, 0.40, 0.46),
        Surface::WetStreet => Color::srgb(0.20, 0.24, 0.30),
        Surface::Wood => Color::srgb(0.40, 0.30, 0.20),
    }
}

/// Spawns every part of `level` as [`LevelEntity`]s; image layers load
/// through `assets`, and lights use the `glow` texture, when given.
pub fn spawn_level(
    commands: &mut Commands,
    level: &Level,
    assets: Option<&AssetServer>,
    glow: Option<Handle<Image>>,
) {
    for (i, layer) in level.background.iter().enumerate() {
        let z = -100.0 + i as f32;
        spawn_layer(commands, level, &layer.paint, layer.parallax, z, assets);
    }
    let wall = Color::srgb(0.09, 0.10, 0.13);
    for area in &level.walls {
        commands.spawn(area_block("Wall", wall, area, 2.0));
    }
    for floor in &level.floors {
        let size = Vec2::new(floor.width, 3.0);
        let corner = Vec2::new(floor.x, floor.y - 3.0);
        commands.spawn(block(
            "Floor",
            surface_colour(floor.surface),
            corner,
            size,
            3.0,
        ));
    }
    for stairs in &level.stairs {
        let (from, to) = (Vec2::from(stairs.bottom), Vec2::from(stairs.top));
        let steps = ((to.y - from.y) / 4.0).ceil().max(1.0) as usize;
        for step in 0..steps {
            let t = step as f32 / steps as f32;
            let at = from.lerp(to, t);
            let width = ((to.x - from.x).abs() / steps as f32).max(2.0);
            let corner = Vec2::new(at.x.min(at.x + (to.x - from.x).signum() * width), at.y);
            let tread = Vec2::new(width, 2.0);
            commands.spawn(block(
                "Stair",
                surface_colour(stairs.surface),
                corner,
                tread,
                3.0,
            ));
        }
    }
    let rail = Color::srgb(0.45, 0.40, 0.30);
    for ladder in &level.ladders {
        let size = Vec2::new(4.0, ladder.top - ladder.bottom);
        let corner = Vec2::new(ladder.x - 2.0, ladder.bottom);
        commands.spawn(block("Ladder", rail.with_alpha(0.8), corner, size, 4.0));
    }
    let door = Color::srgb(0.16, 0.12, 0.10);
    for exit in level.exits.iter().filter(|e| e.door) {
        commands.spawn(area_block("Door", door, &exit.area, 4.0));
    }
    for prop in &level.props {
        if let Some(sprite) = sprites::find(&prop.sprite) {
            let size = Vec2::from(sprite.size);
            let corner = Vec2::new(prop.at.0 - size.x / 2.0, prop.at.1);
            let z = LEV_Z + prop.depth.clamp(-9.0, 9.0);
            commands.spawn(block("Prop", colour(sprite.colour), corner, size, z));
        }
    }
    for npc in &level.npcs {
        if let Some(sprite) = sprites::find(&npc.sprite) {
            let size = Vec2::from(sprite.size);
            let corner = Vec2::new(npc.at.0 - size.x / 2.0, npc.at.1);
            let person = Person {
                id: npc.id.clone(),
                facing: npc.facing,
            };
            let color = colour(sprite.colour);
            commands.spawn((block("Person", color, corner, size, LEV_Z - 0.5), person));
        }
    }
    for (index, light) in level.lights.iter().enumerate() {
        let [r, g, b, _] = light.colour.0;
        let alpha = (0.25 * light.intensity).clamp(0.0, 0.8);
        let tint = Color::srgba_u8(r, g, b, 255).with_alpha(alpha);
        let size = Vec2::splat(light.radius * 2.0);
        let corner = Vec2::from(light.at) - size / 2.0;
        let mut entity = commands.spawn(block("Light", tint, corner, size, LIGHT_Z));
        entity.insert(LevelLight { index, alpha });
        if let Some(glow) = &glow {
            entity.insert(Sprite {
                image: glow.clone(),
                color: tint,
                custom_size: Some(size),
                ..default()
            });
        }
    }
}

/// The height most of the level's floor stands at (its street or ground
/// floor), where a skyline's buildings stand.
fn ground_line(level: &Level) -> f32 {
    let mut heights: Vec<(f32, f32)> = Vec::new();
    for floor in &level.floors {
        match heights.iter_mut().find(|(y, _)| *y == floor.y) {
            Some((_, width)) => *width += floor.width,
            None => heights.push((floor.y, floor.width)),
        }
    }
    heights
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(level.bounds.y, |(y, _)| y)
}

fn spawn_layer(
    commands: &mut Commands,
    level: &Level,
    paint: &Paint,
    parallax: f32,
    z: f32,
    assets: Option<&AssetServer>,
) {
    let root = commands
        .spawn((
            Name::new("Background layer"),
            LevelEntity,
            Parallax(parallax),
            Transform::default(),
            Visibility::default(),
            DespawnOnExit(Screen::Playing),
        ))
        .id();
    let b = level.bounds;
    match paint {
        Paint::Gradient(top, bottom) => {
            // Bands span the level plus a screen on each side, so they
            // cover the view at any parallax.
            let (top, bottom) = (colour(*top), colour(*bottom));
            let bands = 16;
            let height = (b.h + VIEW.y * 2.0) / bands as f32;
            for i in 0..bands {
                let t = i as f32 / (bands - 1) as f32;
                let corner = Vec2::new(b.x - VIEW.x, b.y - VIEW.y + i as f32 * height);
                let size = Vec2::new(b.w + VIEW.x * 2.0, height + 0.5);
                let band = block("Sky", bottom.mix(&top, t), corner, size, z);
                commands.spawn(band).insert(ChildOf(root));
            }
        }
        Paint::Skyline {
            colour: c,
            min,
            max,
            lit,
            seed,
        } => {
            let shape = SkylineShape {
                from: b.x - VIEW.x,
                to: b.x + b.w + VIEW.x,
                ground: ground_line(level),
                widths: 12.0..32.0,
                heights: *min..*max,
                gaps: 0.0..3.0,
                lit: *lit,
            };
            let window = Color::srgb(0.95, 0.62, 0.25);
            for building in skyline(&shape, &mut Random::new(*seed)) {
                let body = block("Building", colour(*c), building.corner, building.size, z);
                commands.spawn(body).insert(ChildOf(root));
                for (at, _) in building.windows {
                    let light = block("Window", window, at, WINDOW, z + 0.1);
                    commands.spawn(light).insert(ChildOf(root));
                }
            }
        }
        Paint::Image(path) => {
            if let Some(assets) = assets {
                let image = assets.load(format!("{}://{path}", super::source::SOURCE));
                let centre = Vec2::from(b.centre());
                commands.spawn((
                    LevelEntity,
                    ChildOf(root),
                    Sprite::from_image(image),
                    Transform::from_translation(centre.extend(z)),
                ));
            }
        }
    }
}
