//! The album's pictures that this run did not take: read from the files
//! written for them (as the night's ending developed them where it did,
//! else as the camera took them) off the main thread, one task each, so
//! that opening a roll of 24 costs no frame more than the others; each
//! shows as it arrives, the photograph's number standing in until then.
//! Pictures no folder would take are shown from memory.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::{Album, AlbumImages};
use crate::photo::pictures::HeldPictures;
use crate::story::PhotoRecord;

/// A picture being read from its file.
#[derive(Component)]
pub(super) struct Reading {
    number: u32,
    task: Task<Result<Image, String>>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, show_read);
}

/// The pictures of `photos` still to be read, by number, and the file of
/// each: the developed copy where there is one.
fn to_read<'a>(photos: &'a [PhotoRecord], images: &AlbumImages) -> Vec<(u32, &'a str)> {
    photos
        .iter()
        .filter(|p| !images.0.contains_key(&p.number))
        .filter_map(|p| {
            Some((
                p.number,
                p.developed.as_ref().or(p.image.as_ref())?.as_str(),
            ))
        })
        .collect()
}

/// The picture at `path`, as an image the interface shows.
fn read_picture(path: &str) -> Result<Image, String> {
    let picture = image::open(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(Image::from_dynamic(
        picture,
        true,
        RenderAssetUsages::default(),
    ))
}

/// Begins reading the pictures of `photos` this run does not have, and
/// shows those of `night` held in memory at once.
pub(super) fn read(
    photos: &[PhotoRecord],
    night: u64,
    held: &HeldPictures,
    images: &mut AlbumImages,
    assets: &mut Assets<Image>,
    commands: &mut Commands,
) {
    for photo in photos {
        if images.0.contains_key(&photo.number) {
            continue;
        }
        if let Some(picture) = held.0.get(&(night, photo.number)) {
            let picture = image::DynamicImage::ImageRgba8((**picture).clone());
            let picture = Image::from_dynamic(picture, true, RenderAssetUsages::default());
            images.0.insert(photo.number, assets.add(picture));
        }
    }
    let pool = AsyncComputeTaskPool::get();
    for (number, path) in to_read(photos, images) {
        let path = path.to_owned();
        commands.spawn((
            Name::new("Reading a picture"),
            Reading {
                number,
                task: pool.spawn(async move { read_picture(&path) }),
            },
        ));
    }
}

/// Stops reading: the pictures being read belong to a night no longer
/// shown.
pub(super) fn stop_reading(reading: &Query<Entity, With<Reading>>, commands: &mut Commands) {
    for entity in reading {
        commands.entity(entity).despawn();
    }
}

/// Each picture read shows in the open album, which is drawn again once a
/// frame while they arrive.
fn show_read(
    mut reading: Query<(Entity, &mut Reading)>,
    mut images: ResMut<AlbumImages>,
    assets: Option<ResMut<Assets<Image>>>,
    mut albums: Query<&mut Album>,
    mut commands: Commands,
) {
    let Some(mut assets) = assets else {
        return;
    };
    let mut arrived = false;
    for (entity, mut job) in &mut reading {
        let Some(result) = check_ready(&mut job.task) else {
            continue;
        };
        commands.entity(entity).despawn();
        match result {
            Ok(picture) => {
                images.0.insert(job.number, assets.add(picture));
                arrived = true;
            }
            Err(problem) => warn!("photograph {} cannot be shown: {problem}", job.number),
        }
    }
    if arrived {
        for mut album in &mut albums {
            album.set_changed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::{Area, ClockTime};

    fn photo(number: u32, image: Option<String>) -> PhotoRecord {
        PhotoRecord {
            number,
            level: "warehouse".into(),
            at: ClockTime::from_minutes(1380.0),
            frame: Area {
                x: 0.0,
                y: 0.0,
                w: 4.0,
                h: 2.0,
            },
            focal: 50,
            score: 60,
            subjects: Vec::new(),
            image,
            developed: None,
            waiting: false,
            camera: None,
        }
    }

    #[test]
    fn pictures_are_read_from_their_files_the_developed_copy_first() {
        let folder = std::env::temp_dir().join(format!("album-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("night-1-01.png");
        image::RgbaImage::from_pixel(4, 2, image::Rgba([200, 160, 40, 255]))
            .save(&file)
            .unwrap();
        let developed = folder.join("night-1-01-changed.png");
        image::RgbaImage::from_pixel(6, 4, image::Rgba([40, 40, 40, 255]))
            .save(&developed)
            .unwrap();
        let mut came_back = photo(1, Some(file.display().to_string()));
        came_back.developed = Some(developed.display().to_string());
        let photos = [
            came_back,
            photo(2, Some(folder.join("gone.png").display().to_string())),
            photo(3, None),
            photo(4, Some(file.display().to_string())),
        ];
        let mut images = AlbumImages::default();
        let wanted = to_read(&photos, &images);
        assert_eq!(wanted.len(), 3, "no file, nothing to read: {wanted:?}");
        assert_eq!(wanted[0].1, developed.display().to_string());
        assert_eq!(read_picture(wanted[0].1).unwrap().size(), UVec2::new(6, 4));
        assert!(read_picture(wanted[1].1).unwrap_err().contains("gone.png"));
        assert_eq!(read_picture(wanted[2].1).unwrap().size(), UVec2::new(4, 2));

        // A picture this run already has is not read again.
        images.0.insert(4, Handle::default());
        assert_eq!(to_read(&photos, &images).len(), 2);
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
