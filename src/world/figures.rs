//! The figures of a level: its props, its people and the photo subjects
//! that are neither, and Lev's own figure as the world draws it (in a
//! mirror subject, the photograph's reflection).

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use super::motion::moving;
use super::paint::{Drawing, block, colour};
use super::parts::{LEV_Z, LevelEntity, Occluding, Person, PhotoSubject};
use crate::content::schema::{Area, Facing, Level};
use crate::content::sprites;
use crate::states::{MIRROR_LAYER, PHOTOGRAPHER_LAYER, Screen};

/// The props of `level`, in front of Lev or behind him by their depth.
pub(super) fn spawn_props(commands: &mut Commands, level: &Level, drawing: Drawing) {
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
            let sheet = drawing.sheets.map(|sheets| (sheets, sprite.name));
            if let Some(moving) = moving(&prop.moves, corner + size / 2.0, sheet) {
                entity.insert(moving);
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
                    moves: prop.moves.clone(),
                });
            }
        }
    }
}

/// The people of `level`; a person who is also a subject is one entity.
pub(super) fn spawn_people(commands: &mut Commands, level: &Level, drawing: Drawing) {
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
            let sheet = drawing.sheets.map(|sheets| (sheets, sprite.name));
            if let Some(moving) = moving(&npc.moves, corner + size / 2.0, sheet) {
                entity.insert(moving);
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
}

/// The subjects of `level` that are not people: an area to photograph.
pub(super) fn spawn_subjects(commands: &mut Commands, level: &Level) {
    let people: Vec<&str> = level.npcs.iter().map(|n| n.id.as_str()).collect();
    for subject in level
        .subjects
        .iter()
        .filter(|s| !people.contains(&s.id.as_str()))
    {
        let centre = Vec2::from(subject.area.centre());
        let mut entity = commands.spawn((
            Name::new("Subject"),
            LevelEntity,
            PhotoSubject::of(level, subject),
            Transform::from_translation(centre.extend(0.0)),
            DespawnOnExit(Screen::Playing),
        ));
        if let Some(moving) = moving(&subject.moves, centre, None) {
            entity.insert(moving);
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
