//! Building the current level's entities from its data, rebuilding them when
//! the file changes (Lev keeps his place), and framing the view.
//!
//! Everything is drawn as placeholder rectangles in the sprites' colours
//! until the art lands; positions and sizes are the data's.

use bevy::prelude::*;

use super::schema::{Area, Colour, Level, Paint, Surface};
use super::sprites;
use super::{LevelAsset, NightData, StoryAsset};
use crate::screens::{Screen, VIRTUAL_HEIGHT};

const VIEW: Vec2 = Vec2::new(VIRTUAL_HEIGHT * 16.0 / 9.0, VIRTUAL_HEIGHT);
/// Lev stands at this depth; props are drawn in front of him or behind him
/// by their depth.
const LEV_Z: f32 = 10.0;

/// Lev Kalmurzaev, the player character.
#[derive(Component, Debug)]
pub struct Lev;

/// Part of the current level: despawned when the level changes or reloads.
#[derive(Component, Debug)]
pub struct LevelEntity;

/// A background layer that moves `0..=1` times as much as the level.
#[derive(Component, Debug)]
struct Parallax(f32);

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
}

/// A soft round falloff, tinted per light; only where images exist (a window).
#[derive(Resource, Debug)]
struct LightGlow(Handle<Image>);

/// Side of the light falloff texture, in texels.
const GLOW_SIZE: u32 = 64;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, make_light_glow)
        .add_systems(OnExit(Screen::Playing), forget_level)
        .add_systems(OnEnter(Screen::Title), reset_view)
        .add_systems(
            Update,
            (
                begin_night,
                respawn_on_change,
                spawn_current_level,
                frame_view,
            )
                .chain()
                .run_if(in_state(Screen::Playing)),
        );
}

/// Puts Lev at the story's start once the story has loaded.
fn begin_night(
    current: Option<Res<CurrentLevel>>,
    data: Res<NightData>,
    stories: Res<Assets<StoryAsset>>,
    mut commands: Commands,
) {
    if current.is_some() {
        return;
    }
    if let Some(story) = stories.get(&data.story) {
        let start = &story.story.start;
        commands.insert_resource(CurrentLevel {
            id: start.level.clone(),
            spawn: start.spawn.clone(),
            spawned: false,
        });
    }
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

/// A changed level file rebuilds the level around Lev.
fn respawn_on_change(
    mut events: MessageReader<AssetEvent<LevelAsset>>,
    data: Res<NightData>,
    current: Option<ResMut<CurrentLevel>>,
) {
    let Some(mut current) = current else {
        events.clear();
        return;
    };
    let Some(handle) = data.level(&current.id) else {
        return;
    };
    let changed = events
        .read()
        .any(|e| matches!(e, AssetEvent::Modified { id } if *id == handle.id()));
    if changed && current.spawned {
        current.spawned = false;
        info!("level `{}` changed: rebuilding it", current.id);
    }
}

fn spawn_current_level(
    current: Option<ResMut<CurrentLevel>>,
    data: Res<NightData>,
    levels: Res<Assets<LevelAsset>>,
    old: Query<Entity, With<LevelEntity>>,
    lev: Query<(), With<Lev>>,
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
    let Some(asset) = data.level(&current.id).and_then(|h| levels.get(h)) else {
        return;
    };
    for entity in &old {
        commands.entity(entity).despawn();
    }
    let level = &asset.level;
    // Images need a renderer; headless, image layers are left out.
    let assets = images.is_some().then_some(&*assets);
    let glow = glow.map(|g| g.0.clone());
    spawn_level(&mut commands, level, assets, glow);
    // A rebuild keeps Lev where he is.
    if lev.is_empty() {
        let at = level
            .spawns
            .iter()
            .find(|s| s.id == current.spawn)
            .or(level.spawns.first())
            .map_or((level.bounds.x, level.bounds.y), |s| s.at);
        commands.spawn(lev_bundle(at));
    }
    current.spawned = true;
}

fn lev_bundle((x, y): (f32, f32)) -> impl Bundle {
    let sprite = sprites::find("lev");
    let (w, h) = sprite.map_or((8.0, 22.0), |s| s.size);
    (
        Name::new("Lev"),
        Lev,
        Sprite {
            color: sprite.map_or(Color::WHITE, |s| colour(s.colour)),
            custom_size: Some(Vec2::new(w, h)),
            ..default()
        },
        bevy::sprite::Anchor::BOTTOM_CENTER,
        Transform::from_xyz(x, y, LEV_Z),
        DespawnOnExit(Screen::Playing),
    )
}

fn colour(Colour([r, g, b, a]): Colour) -> Color {
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
            commands.spawn(block(
                "Person",
                colour(sprite.colour),
                corner,
                size,
                LEV_Z - 0.5,
            ));
        }
    }
    for light in &level.lights {
        let [r, g, b, _] = light.colour.0;
        let alpha = (0.25 * light.intensity).clamp(0.0, 0.8);
        let tint = Color::srgba_u8(r, g, b, 255).with_alpha(alpha);
        let size = Vec2::splat(light.radius * 2.0);
        let corner = Vec2::from(light.at) - size / 2.0;
        let mut entity = commands.spawn(block("Light", tint, corner, size, 30.0));
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
            let mut rng = *seed | 1;
            let mut next = move || {
                rng ^= rng << 13;
                rng ^= rng >> 17;
                rng ^= rng << 5;
                rng as f32 / u32::MAX as f32
            };
            let mut x = b.x - VIEW.x;
            let window = Color::srgb(0.95, 0.62, 0.25);
            while x < b.x + b.w + VIEW.x {
                let width = 12.0 + next() * 20.0;
                let height = min + next() * (max - min);
                let corner = Vec2::new(x, b.y);
                let size = Vec2::new(width, height);
                commands
                    .spawn(block("Building", colour(*c), corner, size, z))
                    .insert(ChildOf(root));
                let mut wy = b.y + 6.0;
                while wy < b.y + height - 4.0 {
                    let mut wx = x + 3.0;
                    while wx < x + width - 3.0 {
                        if next() < *lit {
                            let light = block(
                                "Window",
                                window,
                                Vec2::new(wx, wy),
                                Vec2::new(2.0, 3.0),
                                z + 0.1,
                            );
                            commands.spawn(light).insert(ChildOf(root));
                        }
                        wx += 5.0;
                    }
                    wy += 7.0;
                }
                x += width + next() * 3.0;
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

/// Keeps the view on Lev inside the level's bounds, and moves background
/// layers by their parallax.
fn frame_view(
    current: Option<Res<CurrentLevel>>,
    data: Res<NightData>,
    levels: Res<Assets<LevelAsset>>,
    lev: Query<&Transform, (With<Lev>, Without<Camera2d>, Without<Parallax>)>,
    mut camera: Query<&mut Transform, (With<Camera2d>, Without<Parallax>)>,
    mut layers: Query<(&mut Transform, &Parallax), Without<Camera2d>>,
) {
    let Some(asset) = current
        .and_then(|c| data.level(&c.id).cloned())
        .and_then(|h| levels.get(&h))
    else {
        return;
    };
    let (Ok(lev), Ok(mut camera)) = (lev.single(), camera.single_mut()) else {
        return;
    };
    let b = asset.level.bounds;
    let clamp = |value: f32, low: f32, size: f32, view: f32| {
        if size <= view {
            low + size / 2.0
        } else {
            value.clamp(low + view / 2.0, low + size - view / 2.0)
        }
    };
    let x = clamp(lev.translation.x, b.x, b.w, VIEW.x).round();
    let y = clamp(lev.translation.y + 40.0, b.y, b.h, VIEW.y).round();
    camera.translation.x = x;
    camera.translation.y = y;
    let centre = Vec2::from(b.centre());
    for (mut transform, Parallax(parallax)) in &mut layers {
        let offset = (Vec2::new(x, y) - centre) * (1.0 - parallax);
        transform.translation = offset.round().extend(0.0);
    }
}

fn reset_view(mut camera: Query<&mut Transform, With<Camera2d>>) {
    for mut transform in &mut camera {
        transform.translation = Vec3::ZERO;
    }
}
