//! The camera: the viewfinder, the shutter and its film, judging what a
//! photograph holds, the album and the level's shot list. What is taken
//! goes into the story state's album, which conditions and dialogue read;
//! where a renderer runs, the picture itself is kept as a PNG.

mod album;
mod capture;
mod goals;
pub mod judge;
mod shutter;
mod viewfinder;

pub use album::{AlbumImages, OpenAlbum};
pub use capture::{PIXELS_PER_POINT, PhotoDeveloped, PhotoFolder};
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
    ));
}
