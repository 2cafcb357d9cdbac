//! The camera: the viewfinder, the shutter and its film, judging what a
//! photograph holds, the album and the level's shot list. What is taken
//! goes into the story state's album, which conditions and dialogue read;
//! where a renderer runs, the picture itself is kept as a PNG, and at the
//! night's ending the roll is developed: each picture changed as the ending
//! says, and a contact sheet of every frame.

mod album;
mod capture;
pub mod develop;
mod goals;
pub mod judge;
mod roll;
mod shutter;
mod viewfinder;

pub use album::{AlbumClosed, AlbumImages, OpenAlbum};
pub use capture::{PIXELS_PER_POINT, PhotoDeveloped, PhotoFolder};
pub use roll::{DevelopedRoll, RollDeveloped};
pub use shutter::{PhotoTaken, RollFinished};
pub use viewfinder::{EYE, FOCAL_LENGTHS, REACH, Viewfinder};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        viewfinder::plugin,
        shutter::plugin,
        album::plugin,
        goals::plugin,
        capture::plugin,
        roll::plugin,
    ));
}
