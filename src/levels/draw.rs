//! Drawing a level's data as entities: placeholder rectangles in the
//! sprites' colours until the art lands, positions and sizes the data's.

use bevy::asset::RenderAssetUsages;
use bevy::camera::visibility::RenderLayers;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::schema::{Area, Colour, Facing, Level, Paint, Surface};
use super::skyline::{SkylineShape, WINDOW, skyline};
use super::spawn::{
    LEV_Z, LIGHT_Z, LevelEntity, LevelLight, Occluding, Parallax, Person, PhotoSubject,
};
use super::sprites;
use crate::art::sheets::{Animated, SpriteSheets};
use crate::random::Random;
use crate::states::{MIRROR_LAYER, PHOTOGRAPHER_LAYER, Screen, VIEW};

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

/// What a level is drawn with where there is a renderer: image layers load
/// through `assets`, lights glow with a falloff picture made to their size,
/// and sprites with a generated sheet are drawn from it.
#[derive(Clone, Copy, Default)]
pub struct Drawing<'a> {
    /// Loads image layers.
    pub assets: Option<&'a AssetServer>,
    /// The generated sprite sheets.
    pub sheets: Option<&'a SpriteSheets>,
}

impl Drawing<'_> {
    /// The tile `tile` of the level's tile set, if it has one and the art
    /// is there.
    fn tile(&self, level: &Level, tile: &str) -> Option<(Handle<Image>, Vec2)> {
        self.sheets?.tile(level.tiles.as_deref()?, tile)
    }

    /// The sprite `name`, `size` large, from its sheet playing `animation`,
    /// else its placeholder colour.
    fn sprite(
        &self,
        name: &str,
        animation: &str,
        size: Vec2,
        colour: Color,
    ) -> (Sprite, Option<Animated>) {
        match self.sheets.and_then(|s| s.sprite(name, animation, size)) {
            Some((sprite, animated)) => (sprite, Some(animated)),
            None => (Sprite::from_color(colour, size), None),
        }
    }
}

/// The tile of a tile set a floor of this surface shows.
fn surface_tile(surface: Surface) -> &'static str {
    match surface {
        Surface::Concrete => "floor_top",
        Surface::Metal => "grating",
        Surface::WetStreet => "wet_street",
        Surface::Wood => "planks",
    }
}

/// `image` repeated across `size` (and up it, with `tile_y`).
fn tiled(image: Handle<Image>, size: Vec2, tile_y: bool) -> Sprite {
    Sprite {
        image,
        custom_size: Some(size),
        image_mode: SpriteImageMode::Tiled {
            tile_x: true,
            tile_y,
            stretch_value: 1.0,
        },
        ..default()
    }
}

/// An RGBA picture `width` by `height`, rows top first, for the renderer.
pub(super) fn picture(width: u32, height: u32, pixels: Vec<u8>) -> Image {
    Image::new(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        pixels,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    )
}

/// A background layer's `sprite`, `size` large with its bottom-left at
/// `corner`, under the layer `root`.
fn layer_sprite(
    name: &'static str,
    root: Entity,
    sprite: Sprite,
    corner: Vec2,
    size: Vec2,
    z: f32,
) -> impl Bundle {
    (
        Name::new(name),
        LevelEntity,
        ChildOf(root),
        Sprite {
            custom_size: Some(size),
            ..sprite
        },
        Transform::from_translation((corner + size / 2.0).extend(z)),
    )
}

/// Under a tiled level's lowest floors, the ground they stand on, down to
/// the level's bottom (the view never goes lower).
fn spawn_ground(commands: &mut Commands, level: &Level, drawing: Drawing) {
    let Some((image, tile)) = drawing.tile(level, "floor_fill") else {
        return;
    };
    let b = level.bounds;
    let lowest = level
        .floors
        .iter()
        .map(|f| f.y)
        .fold(f32::INFINITY, f32::min);
    for floor in level.floors.iter().filter(|f| f.y - lowest < 64.0) {
        let size = Vec2::new(floor.width, floor.y - tile.y - b.y);
        if size.y <= 0.0 {
            continue;
        }
        let corner = Vec2::new(floor.x, b.y);
        commands.spawn((
            Name::new("Ground"),
            LevelEntity,
            tiled(image.clone(), size, true),
            Transform::from_translation((corner + size / 2.0).extend(2.5)),
            DespawnOnExit(Screen::Playing),
        ));
    }
}

/// Spawns every part of `level` as [`LevelEntity`]s, drawn with `drawing`.
pub fn spawn_level(commands: &mut Commands, level: &Level, drawing: Drawing) {
    for (i, layer) in level.background.iter().enumerate() {
        let z = -100.0 + i as f32;
        spawn_layer(commands, level, &layer.paint, layer.parallax, z, drawing);
    }
    spawn_ground(commands, level, drawing);
    let wall = Color::srgb(0.09, 0.10, 0.13);
    for area in &level.walls {
        commands.spawn(area_block("Wall", wall, area, 2.0));
    }
    for floor in &level.floors {
        let (size, corner) = (
            Vec2::new(floor.width, 3.0),
            Vec2::new(floor.x, floor.y - 3.0),
        );
        let colour = surface_colour(floor.surface);
        let mut entity = commands.spawn(block("Floor", colour, corner, size, 3.0));
        // A tiled floor: its surface's tile, the tile's top on the floor.
        if let Some((image, tile)) = drawing.tile(level, surface_tile(floor.surface)) {
            let size = Vec2::new(floor.width, tile.y);
            let corner = Vec2::new(floor.x, floor.y - tile.y);
            entity.insert((
                tiled(image, size, true),
                Transform::from_translation((corner + size / 2.0).extend(3.0)),
            ));
        }
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
            let (drawn, animated) =
                drawing.sprite(sprite.name, "idle", size, colour(sprite.colour));
            let mut entity = commands.spawn(block("Prop", colour(sprite.colour), corner, size, z));
            entity.insert(drawn);
            if let Some(animated) = animated {
                entity.insert(animated);
            }
            if prop.occludes {
                entity.insert(Occluding {
                    area: Area {
                        x: corner.x,
                        y: corner.y,
                        w: size.x,
                        h: size.y,
                    },
                    depth: prop.depth,
                });
            }
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
            let (mut drawn, animated) = drawing.sprite(sprite.name, "idle", size, color);
            drawn.flip_x = npc.facing == Facing::Left;
            let mut entity =
                commands.spawn((block("Person", color, corner, size, LEV_Z - 0.5), person));
            entity.insert(drawn);
            if let Some(animated) = animated {
                entity.insert(animated);
            }
            // A person who is also a subject is one entity; in a mirror
            // subject, photographs show Lev where they stand.
            if let Some(subject) = level.subjects.iter().find(|s| s.id == npc.id) {
                entity.insert(PhotoSubject::of(level, subject));
                if subject.mirror {
                    entity.insert(RenderLayers::layer(PHOTOGRAPHER_LAYER));
                    entity.with_child(reflection(&drawing, size, npc.facing));
                }
            }
        }
    }
    let people: Vec<&str> = level.npcs.iter().map(|n| n.id.as_str()).collect();
    for subject in level
        .subjects
        .iter()
        .filter(|s| !people.contains(&s.id.as_str()))
    {
        commands.spawn((
            Name::new("Subject"),
            LevelEntity,
            PhotoSubject::of(level, subject),
            Transform::from_translation(Vec2::from(subject.area.centre()).extend(0.0)),
            DespawnOnExit(Screen::Playing),
        ));
    }
    super::rain::spawn_level_rain(commands, level);
    // Lights of one size share one falloff picture.
    let mut glows: HashMap<u32, Handle<Image>> = HashMap::new();
    for (index, light) in level.lights.iter().enumerate() {
        let [r, g, b, _] = light.colour.0;
        let alpha = (0.25 * light.intensity).clamp(0.0, 0.8);
        let tint = Color::srgba_u8(r, g, b, 255).with_alpha(alpha);
        let size = Vec2::splat(light.radius * 2.0);
        let corner = Vec2::from(light.at) - size / 2.0;
        let mut entity = commands.spawn(block("Light", tint, corner, size, LIGHT_Z));
        entity.insert(LevelLight { index, alpha });
        if let Some(assets) = drawing.assets {
            let diameter = size.x.round().max(2.0) as u32;
            let size = Vec2::splat(diameter as f32);
            entity.insert(Sprite {
                image: glows
                    .entry(diameter)
                    .or_insert_with(|| assets.add(super::spawn::glow_picture(diameter)))
                    .clone(),
                color: tint,
                custom_size: Some(size),
                ..default()
            });
        }
    }
}

/// Lev's figure, drawn as his placeholder sprite.
pub fn lev_sprite() -> Sprite {
    let lev = sprites::find("lev");
    let (w, h) = lev.map_or((8.0, 22.0), |s| s.size);
    Sprite {
        color: lev.map_or(Color::WHITE, |s| colour(s.colour)),
        custom_size: Some(Vec2::new(w, h)),
        ..default()
    }
}

/// Lev's figure, standing still, as a photograph shows it in place of a
/// person `size` large, on the same feet and facing the same way.
fn reflection(drawing: &Drawing, size: Vec2, facing: Facing) -> impl Bundle {
    let placeholder = lev_sprite();
    let lev_size = placeholder.custom_size.unwrap_or(size);
    let (sprite, _) = drawing.sprite("lev", "idle", lev_size, placeholder.color);
    (
        Name::new("Reflection"),
        Sprite {
            flip_x: facing == Facing::Left,
            ..sprite
        },
        bevy::sprite::Anchor::BOTTOM_CENTER,
        Transform::from_xyz(0.0, -size.y / 2.0, 0.0),
        RenderLayers::layer(MIRROR_LAYER),
    )
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
    drawing: Drawing,
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
            // With a renderer the bands are one picture a pixel wide,
            // stretched: one sprite instead of sixteen.
            if let Some(assets) = drawing.assets {
                let pixels = (0..bands)
                    .rev()
                    .flat_map(|i| {
                        let t = i as f32 / (bands - 1) as f32;
                        bottom.mix(&top, t).to_srgba().to_u8_array()
                    })
                    .collect();
                let corner = Vec2::new(b.x - VIEW.x, b.y - VIEW.y);
                let size = Vec2::new(b.w + VIEW.x * 2.0, height * bands as f32);
                let sky = Sprite::from_image(assets.add(picture(1, bands, pixels)));
                commands.spawn(layer_sprite("Sky", root, sky, corner, size, z));
                return;
            }
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
            let buildings = skyline(&shape, &mut Random::new(*seed));
            // With a renderer the whole skyline is one picture; headless,
            // a sprite a building and a window, as the tests inspect them.
            if let Some(assets) = drawing.assets {
                let colours = [c.0, window.to_srgba().to_u8_array()];
                let (pixels, w, h) =
                    super::skyline::picture(&buildings, shape.from, shape.ground, colours);
                let size = Vec2::new(w as f32, h as f32);
                let corner = Vec2::new(shape.from, shape.ground);
                let city = Sprite::from_image(assets.add(picture(w, h, pixels)));
                commands.spawn(layer_sprite("Skyline", root, city, corner, size, z));
                return;
            }
            for building in buildings {
                let body = block("Building", colour(*c), building.corner, building.size, z);
                commands.spawn(body).insert(ChildOf(root));
                for (at, _) in building.windows {
                    let light = block("Window", window, at, WINDOW, z + 0.1);
                    commands.spawn(light).insert(ChildOf(root));
                }
            }
        }
        Paint::Art(name) => {
            if let Some((image, size)) = drawing.sheets.and_then(|s| s.image(name)) {
                let size = Vec2::new(b.w + VIEW.x * 2.0, size.y);
                let corner = Vec2::new(b.x - VIEW.x, ground_line(level));
                let city = tiled(image, size, false);
                commands.spawn(layer_sprite("Skyline", root, city, corner, size, z));
            }
        }
        Paint::Image(path) => {
            if let Some(assets) = drawing.assets {
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
