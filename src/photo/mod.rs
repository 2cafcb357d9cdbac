//! The camera: the viewfinder, the shutter and its film, judging what a
//! photograph holds, the album and the level's shot list. What is taken
//! goes into the story state's album, which conditions and dialogue read;
//! where a renderer runs, the picture itself is kept as a PNG (in another
//! folder, or in memory, when the photos folder cannot be written), and at
//! the night's ending the roll is developed: each picture changed as the
//! ending says, and a contact sheet of every frame, whatever the player
//! does next.

mod album;
mod capture;
pub mod develop;
mod developing;
mod dials;
pub mod exposure;
pub mod film;
mod goals;
pub mod judge;
pub mod keeping;
mod overlay;
mod pictures;
mod roll;
mod shutter;
mod viewfinder;
pub mod words;

pub use album::{AlbumClosed, AlbumImages, OpenAlbum};
pub use capture::PIXELS_PER_POINT;
pub use pictures::{PhotoFolder, PictureCaptured, PictureKept, SpareFolder};
pub use roll::{Darkroom, DevelopRoll, DevelopedRoll, RollDeveloped, RollDeveloping};
pub use shutter::{PhotoTaken, RollFinished};
pub use viewfinder::{EYE, FOCAL_LENGTHS, REACH, Viewfinder};

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        overlay::plugin,
        shutter::plugin,
        album::plugin,
        goals::plugin,
        capture::plugin,
        pictures::plugin,
        roll::plugin,
    ));
}
