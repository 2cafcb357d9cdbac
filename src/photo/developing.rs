//! Developing one roll, in plain Rust: each picture of a night changed as
//! its ending says and kept beside the photographs (or in the spare
//! folder), then the contact sheet of every frame. The darkroom (`roll`)
//! runs it off the main thread; a unit test drives it without an `App`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use bevy::log::warn;
use image::RgbaImage;

use super::capture::PIXELS_PER_POINT;
use super::develop::{self, SheetFrame};
use super::keeping::{Placed, Shelves};
use super::pictures;
use crate::content::schema::AlbumChange;
use crate::story::PhotoRecord;

/// What developing made.
pub(super) struct Developed {
    /// The contact sheet.
    pub(super) sheet: RgbaImage,
    /// Its file.
    pub(super) sheet_path: PathBuf,
    /// Each changed picture's file, by the photograph's number.
    pub(super) changed: Vec<(u32, PathBuf)>,
}

/// What a roll needs to be developed, taken from the world.
pub(super) struct Ingredients {
    /// Where the developed pictures are kept.
    pub(super) shelves: Shelves,
    /// How the pictures change.
    pub(super) change: AlbumChange,
    /// The pictures held in memory (no folder took them), by number.
    pub(super) held: BTreeMap<u32, Arc<RgbaImage>>,
}

/// Changes each picture of `frames` as `ingredients` say and keeps it
/// (beside the photographs, or in the spare folder), then makes and keeps
/// the contact sheet of them all. A picture that cannot be read is left
/// blank on the sheet; one that cannot be kept anywhere fails the roll.
pub(super) fn develop_roll(
    frames: &[PhotoRecord],
    ingredients: &Ingredients,
    night: u64,
) -> Result<Developed, String> {
    let mut pictures: Vec<(u32, Option<RgbaImage>)> = Vec::new();
    let mut changed = Vec::new();
    for photo in frames {
        let Some(picture) = original(photo, ingredients) else {
            pictures.push((photo.number, None));
            continue;
        };
        let after = develop::changed(&picture, ingredients.change, PIXELS_PER_POINT as u32);
        let stem = photo
            .image
            .as_ref()
            .and_then(|p| {
                PathBuf::from(p)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| pictures::stem(night, photo.number));
        changed.push((
            photo.number,
            keep(&ingredients.shelves, &after, &format!("{stem}-changed"))?,
        ));
        pictures.push((photo.number, Some(after)));
    }
    let sheet_frames: Vec<SheetFrame> = pictures
        .iter()
        .map(|(number, picture)| SheetFrame {
            number: *number,
            picture: picture.as_ref(),
        })
        .collect();
    let sheet = develop::contact_sheet(&sheet_frames);
    let sheet_path = keep(
        &ingredients.shelves,
        &sheet,
        &format!("night-{night}-contact-sheet"),
    )?;
    Ok(Developed {
        sheet,
        sheet_path,
        changed,
    })
}

/// The picture of `photo` as it was taken: held in memory, or read from
/// its file.
fn original(photo: &PhotoRecord, ingredients: &Ingredients) -> Option<RgbaImage> {
    if let Some(held) = ingredients.held.get(&photo.number) {
        return Some((**held).clone());
    }
    let path = photo.image.as_ref()?;
    match image::open(path) {
        Ok(picture) => Some(picture.to_rgba8()),
        Err(why) => {
            warn!("{path}: cannot develop it: {why}");
            None
        }
    }
}

/// Keeps a developed picture: its file, or why no folder would take it.
fn keep(shelves: &Shelves, picture: &RgbaImage, stem: &str) -> Result<PathBuf, String> {
    match shelves.place(picture, stem, &[]) {
        Placed::Photos(path) => Ok(path),
        Placed::Spare { path, why } => {
            warn!("{}: kept in the spare folder: {why}", path.display());
            Ok(path)
        }
        Placed::Nowhere(why, _) => Err(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::{Area, ClockTime};

    #[test]
    fn each_picture_is_changed_and_kept_and_a_missing_one_left_blank() {
        let folder = std::env::temp_dir().join(format!("developing-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let photos = folder.join("photos");
        std::fs::create_dir_all(&photos).unwrap();
        let picture = RgbaImage::from_pixel(80, 60, image::Rgba([90, 120, 160, 255]));
        let file = photos.join("night-3-01.png");
        picture.save(&file).unwrap();
        let photo = |number: u32, image: Option<String>| PhotoRecord {
            number,
            level: "sunrise".into(),
            at: ClockTime::from_minutes(660.0),
            frame: Area {
                x: 0.0,
                y: 0.0,
                w: 20.0,
                h: 15.0,
            },
            focal: 50,
            score: 50,
            subjects: Vec::new(),
            image,
            developed: None,
            waiting: false,
            camera: None,
        };
        let frames = [
            photo(1, Some(file.display().to_string())),
            photo(2, Some(photos.join("gone.png").display().to_string())),
            photo(3, None),
        ];
        let held = BTreeMap::from([(3, Arc::new(picture.clone()))]);
        let ingredients = Ingredients {
            shelves: Shelves {
                photos: photos.clone(),
                spare: None,
            },
            change: AlbumChange::Shadow,
            held,
        };
        let developed = develop_roll(&frames, &ingredients, 3).unwrap();
        let numbers: Vec<u32> = developed.changed.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            numbers,
            [1, 3],
            "the gone picture is blank, the held one developed"
        );
        assert_eq!(
            developed.changed[0].1,
            photos.join("night-3-01-changed.png")
        );
        assert_eq!(
            developed.changed[1].1,
            photos.join("night-3-03-changed.png")
        );
        assert_eq!(
            developed.sheet_path,
            photos.join("night-3-contact-sheet.png")
        );
        assert_ne!(
            image::open(&developed.changed[0].1).unwrap().to_rgba8(),
            picture
        );
        // Developed again (a roll cut short): the same files, none twice.
        let again = develop_roll(&frames, &ingredients, 3).unwrap();
        assert_eq!(again.changed, developed.changed);
        assert_eq!(again.sheet_path, developed.sheet_path);
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
