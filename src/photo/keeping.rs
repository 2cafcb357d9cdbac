//! Keeping pictures on disk, in plain Rust: a picture is written whole (to
//! a `.new` file beside it, flushed, then renamed, so a process ended
//! mid-write leaves no broken picture under a photograph's name), never
//! over another file, in the photos folder or, where that cannot be
//! written, in the spare folder in the player's data folder. A picture
//! neither folder takes stays with the caller, to be tried again. Unit
//! tests drive every fault without an `App`.

use std::path::{Path, PathBuf};

use image::RgbaImage;

use crate::data::kept::write_whole;

/// A text chunk of a picture's PNG: its keyword (`Title`, `Shutter`) and
/// its text.
pub type Note = (&'static str, String);

/// The spare folder's name in the player's data folder.
pub const SPARE_FOLDER: &str = "waiting-photos";

/// Where pictures are kept: the photos folder, and the spare folder for
/// when it cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelves {
    /// The photos folder.
    pub photos: PathBuf,
    /// The spare folder, if there is one.
    pub spare: Option<PathBuf>,
}

/// Where a picture went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// Into the photos folder.
    Photos(PathBuf),
    /// Into the spare folder, because the photos folder could not take it.
    Spare {
        /// The file written.
        path: PathBuf,
        /// Why the photos folder could not take it.
        why: String,
    },
    /// Nowhere: neither folder could take it; why the photos folder could
    /// not, and why the spare folder could not (if there is one).
    Nowhere(String, Option<String>),
}

impl Shelves {
    /// Writes `picture` as `<stem>.png` in the photos folder, else in the
    /// spare folder. A file of that name holding the same picture (left
    /// by a run cut short) is kept as it is, not written again.
    pub fn place(&self, picture: &RgbaImage, stem: &str, notes: &[Note]) -> Placed {
        let why = match write_png(picture, &self.photos, stem, notes) {
            Ok(path) => return Placed::Photos(path),
            Err(why) => why,
        };
        let Some(spare) = self.spare.as_ref().filter(|s| **s != self.photos) else {
            return Placed::Nowhere(why, None);
        };
        match write_png(picture, spare, stem, notes) {
            Ok(path) => Placed::Spare { path, why },
            Err(also) => Placed::Nowhere(why, Some(also)),
        }
    }

    /// Moves the picture at `from` (in the spare folder) into the photos
    /// folder: copied whole, then removed from where it was. Returns its
    /// new file.
    pub fn bring_in(&self, from: &Path) -> Result<PathBuf, String> {
        let bytes = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
        let stem = from.file_stem().map_or_else(
            || "photograph".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        make_folder(&self.photos)?;
        let path = free_path(&self.photos, &stem);
        write_whole(&path, bytes)?;
        // The copy is whole: one left behind would only be a duplicate.
        let _ = std::fs::remove_file(from);
        Ok(path)
    }
}

/// Writes `picture` whole as `<stem>.png` in `folder` (made if need be),
/// with `notes` as its text chunks, never over another file: a taken name
/// gets `-2`, `-3`... unless the file there already holds this very
/// picture.
fn write_png(
    picture: &RgbaImage,
    folder: &Path,
    stem: &str,
    notes: &[Note],
) -> Result<PathBuf, String> {
    let same = folder.join(format!("{stem}.png"));
    if holds(&same, picture) {
        return Ok(same);
    }
    make_folder(folder)?;
    let bytes =
        encode(picture, notes).map_err(|e| format!("the picture could not be encoded: {e}"))?;
    let path = free_path(folder, stem);
    write_whole(&path, bytes)?;
    Ok(path)
}

/// `picture` as PNG bytes with `notes` as text chunks (plain text where it
/// is Latin-1, international text where it is not).
fn encode(picture: &RgbaImage, notes: &[Note]) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, picture.width(), picture.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    for (keyword, text) in notes {
        let (keyword, text) = (keyword.to_string(), text.clone());
        if text.is_ascii() {
            encoder.add_text_chunk(keyword, text)?;
        } else {
            encoder.add_itxt_chunk(keyword, text)?;
        }
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(picture.as_raw())?;
    writer.finish()?;
    Ok(bytes)
}

/// Whether the file at `path` is a picture with exactly `picture`'s pixels.
fn holds(path: &Path, picture: &RgbaImage) -> bool {
    path.is_file()
        && image::open(path).is_ok_and(|found| found.to_rgba8().as_raw() == picture.as_raw())
}

fn make_folder(folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot make the folder {}: {e}", folder.display()))
}

/// `<folder>/<stem>.png`, or with `-2`, `-3`... if taken: never a file
/// that exists.
fn free_path(folder: &Path, stem: &str) -> PathBuf {
    let mut path = folder.join(format!("{stem}.png"));
    let mut copy = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{copy}.png"));
        copy += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder for one test.
    fn folder(name: &str) -> PathBuf {
        let folder = std::env::temp_dir().join(format!("keeping-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    fn picture(shade: u8) -> RgbaImage {
        RgbaImage::from_pixel(6, 4, image::Rgba([shade, 90, 40, 255]))
    }

    #[test]
    fn a_picture_never_overwrites_a_file() {
        let folder = folder("free");
        let first = free_path(&folder, "night-7-03");
        assert_eq!(first, folder.join("night-7-03.png"));
        std::fs::write(&first, b"taken").unwrap();
        assert_eq!(
            free_path(&folder, "night-7-03"),
            folder.join("night-7-03-2.png")
        );
        let written = write_png(&picture(10), &folder, "night-7-03", &[]).unwrap();
        assert_eq!(written, folder.join("night-7-03-2.png"));
        assert_eq!(std::fs::read(&first).unwrap(), b"taken");
        // The same picture again (a roll developed twice) reuses its file.
        assert_eq!(
            write_png(&picture(10), &folder, "night-7-03-2", &[]).unwrap(),
            written
        );
        assert_eq!(
            write_png(&picture(11), &folder, "night-7-03-2", &[]).unwrap(),
            folder.join("night-7-03-2-2.png"),
            "another picture under the name gets a name of its own"
        );
        assert!(!folder.join("night-7-03-2.png.new").exists());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_photos_folder_that_is_a_file_sends_the_picture_to_the_spare_folder() {
        let folder = folder("spare");
        std::fs::write(folder.join("photos"), b"not a folder").unwrap();
        let shelves = Shelves {
            photos: folder.join("photos"),
            spare: Some(folder.join(SPARE_FOLDER)),
        };
        let Placed::Spare { path, why } = shelves.place(&picture(20), "night-1-01", &[]) else {
            panic!("the spare folder takes it");
        };
        assert!(why.contains("cannot make the folder"), "{why}");
        assert_eq!(path, folder.join(SPARE_FOLDER).join("night-1-01.png"));
        assert_eq!(image::open(&path).unwrap().to_rgba8(), picture(20));

        // Once the photos folder can be written, the picture moves there.
        assert!(shelves.bring_in(&path).is_err(), "still a file");
        assert!(path.exists(), "nothing lost by a move that failed");
        std::fs::remove_file(folder.join("photos")).unwrap();
        let moved = shelves.bring_in(&path).unwrap();
        assert_eq!(moved, folder.join("photos/night-1-01.png"));
        assert_eq!(image::open(&moved).unwrap().to_rgba8(), picture(20));
        assert!(!path.exists());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_picture_no_folder_takes_is_reported_and_left_with_the_caller() {
        let folder = folder("nowhere");
        // Under a regular file nothing can be made, even as root.
        std::fs::write(folder.join("file"), b"").unwrap();
        let shelves = Shelves {
            photos: folder.join("file/photos"),
            spare: Some(folder.join("file/spare")),
        };
        let Placed::Nowhere(why, Some(also)) = shelves.place(&picture(30), "night-1-02", &[])
        else {
            panic!("nowhere to go");
        };
        assert!(why.contains("file/photos"), "{why}");
        assert!(also.contains("file/spare"), "{also}");
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_picture_keeps_its_notes_as_text_chunks_any_png_reader_reads() {
        let folder = folder("notes");
        let notes = [
            ("Title", "Photograph 3".to_owned()),
            ("Shutter", "4 s".to_owned()),
            ("Location", "Улица — the streets".to_owned()),
        ];
        let path = write_png(&picture(12), &folder, "night-9-03", &notes).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let info = reader.info();
        let plain: Vec<(String, String)> = info
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        assert_eq!(
            plain,
            [
                ("Title".to_owned(), "Photograph 3".to_owned()),
                ("Shutter".to_owned(), "4 s".to_owned())
            ]
        );
        let international = &info.utf8_text[0];
        assert_eq!(international.keyword, "Location");
        assert_eq!(international.get_text().unwrap(), "Улица — the streets");
        // And the pixels are the picture's.
        assert_eq!(image::open(&path).unwrap().to_rgba8(), picture(12));
        let _ = std::fs::remove_dir_all(&folder);
    }
}
