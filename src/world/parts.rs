//! What the drawn world is made of: the components a built level's
//! entities carry, which other capabilities read (the camera its subjects
//! and what hides them, exploration its people, lights and layers), and the
//! depths it is drawn at.

use bevy::prelude::*;

use crate::content::schema::{Area, Facing, Level, Subject};

/// Lev stands at this depth; props are drawn in front of him or behind him
/// by their depth.
pub const LEV_Z: f32 = 10.0;
/// Lights glow over everything in the level, and over the night's darkness.
pub const LIGHT_Z: f32 = 30.0;

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
#[derive(Component, Debug, Clone)]
pub struct Occluding {
    /// The prop's extent.
    pub area: Area,
    /// The prop's depth.
    pub depth: f32,
    /// The motion it goes along with, if it moves.
    pub moves: Option<String>,
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
