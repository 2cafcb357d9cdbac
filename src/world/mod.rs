//! The level's world on screen: building it when Lev arrives ([`build`]),
//! its components and z-order ([`parts`]), and drawing it from the data —
//! walls, floors and stairs, props, people and subjects, lamps and their
//! glow, parallax layers and the rain ([`rain`]). It reads the level from
//! [`crate::levels`] and knows nothing of how Lev moves or what a screen is
//! beyond the one the level belongs to.

mod build;
mod draw;
mod figures;
mod layers;
mod lights;
mod motion;
mod paint;
mod parts;
pub mod rain;

pub use draw::spawn_level;
pub use figures::lev_sprite;
pub use motion::Moving;
pub use paint::{Drawing, colour};
pub use parts::{
    LEV_Z, LIGHT_Z, LevelEntity, LevelLight, Occluding, Parallax, Person, PhotoSubject,
};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((build::plugin, motion::plugin, rain::plugin));
}
