//! A level's background layers: gradient skies, generated skylines, the
//! painted skyline strips of the art and image files, each a root entity
//! that moves with its parallax.

use bevy::prelude::*;

use super::paint::{Drawing, block, colour, picture, tiled};
use super::parts::{LevelEntity, Parallax};
use crate::art::skyline::{self, SkylineShape, WINDOW};
use crate::content::schema::{Level, Paint};
use crate::random::Random;
use crate::states::{Screen, VIEW};

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

/// The height most of the level's floor stands at (its street or ground
/// floor), where a skyline's buildings stand.
pub(super) fn ground_line(level: &Level) -> f32 {
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

/// The background layer `paint` of `level`, at depth `z`.
pub(super) fn spawn_layer(
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
            let buildings = skyline::skyline(&shape, &mut Random::new(*seed));
            // With a renderer the whole skyline is one picture; headless,
            // a sprite a building and a window, as the tests inspect them.
            if let Some(assets) = drawing.assets {
                let colours = [c.0, window.to_srgba().to_u8_array()];
                let (pixels, w, h) =
                    skyline::picture(&buildings, shape.from, shape.ground, colours);
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
                let image = assets.load(format!("{}://{path}", crate::levels::source::SOURCE));
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
