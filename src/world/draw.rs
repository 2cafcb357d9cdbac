//! Drawing a level's data as entities, part by part: the sprites' sheets
//! where the art is there, else rectangles in their colours; positions and
//! sizes the data's. Headless, the same entities are built without images.

use bevy::prelude::*;

use super::paint::{Drawing, area_block, block, tiled};
use super::parts::LevelEntity;
use super::{figures, layers, lights, rain};
use crate::content::schema::{Level, Surface};
use crate::states::Screen;

fn surface_colour(surface: Surface) -> Color {
    match surface {
        Surface::Concrete => Color::srgb(0.30, 0.30, 0.33),
        Surface::Metal => Color::srgb(0.36, 0.40, 0.46),
        Surface::WetStreet => Color::srgb(0.20, 0.24, 0.30),
        Surface::Wood => Color::srgb(0.40, 0.30, 0.20),
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

/// Spawns every part of `level` as [`LevelEntity`](super::LevelEntity)s,
/// drawn with `drawing`.
pub fn spawn_level(commands: &mut Commands, level: &Level, drawing: Drawing) {
    for (i, layer) in level.background.iter().enumerate() {
        let z = -100.0 + i as f32;
        layers::spawn_layer(commands, level, &layer.paint, layer.parallax, z, drawing);
    }
    spawn_ground(commands, level, drawing);
    spawn_walls(commands, level);
    spawn_floors(commands, level, drawing);
    spawn_stairs(commands, level);
    spawn_ladders(commands, level);
    spawn_doors(commands, level);
    figures::spawn_props(commands, level, drawing);
    figures::spawn_people(commands, level, drawing);
    figures::spawn_subjects(commands, level);
    rain::spawn_level_rain(commands, level);
    lights::spawn_lights(commands, level, drawing);
}

fn spawn_walls(commands: &mut Commands, level: &Level) {
    let wall = Color::srgb(0.09, 0.10, 0.13);
    for area in &level.walls {
        commands.spawn(area_block("Wall", wall, area, 2.0));
    }
}

fn spawn_floors(commands: &mut Commands, level: &Level, drawing: Drawing) {
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
}

fn spawn_stairs(commands: &mut Commands, level: &Level) {
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
}

fn spawn_ladders(commands: &mut Commands, level: &Level) {
    let rail = Color::srgb(0.45, 0.40, 0.30);
    for ladder in &level.ladders {
        let size = Vec2::new(4.0, ladder.top - ladder.bottom);
        let corner = Vec2::new(ladder.x - 2.0, ladder.bottom);
        commands.spawn(block("Ladder", rail.with_alpha(0.8), corner, size, 4.0));
    }
}

fn spawn_doors(commands: &mut Commands, level: &Level) {
    let door = Color::srgb(0.16, 0.12, 0.10);
    for exit in level.exits.iter().filter(|e| e.door) {
        commands.spawn(area_block("Door", door, &exit.area, 4.0));
    }
}
