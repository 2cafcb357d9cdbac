//! The open album drawn: the heading and the roll's line, the grid of
//! thumbnails, and the selected photograph large with where it was taken
//! and what made its score. Drawn anew when the album opens, when its
//! selection moves and when a picture arrives.

use bevy::prelude::*;

use super::super::words::{settings_line, subject_line};
use super::{ALBUM_HINT, Album, AlbumContent, AlbumImages, COLUMNS, Thumbnail};
use crate::levels::NightData;
use crate::story::PhotoRecord;
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// Draws the album anew when it opens or its selection moves.
pub(super) fn redraw(
    albums: Query<(Entity, &Album), Changed<Album>>,
    content: Query<Entity, With<AlbumContent>>,
    images: Res<AlbumImages>,
    data: Res<NightData>,
    mut commands: Commands,
) {
    let Ok((root, album)) = albums.single() else {
        return;
    };
    for entity in &content {
        commands.entity(entity).despawn();
    }
    let photos = &album.photos;
    commands.entity(root).with_children(|album_root| {
        album_root.spawn((
            AlbumContent,
            widget::label(album.heading.clone(), theme::BODY_SIZE, theme::PAPER),
        ));
        album_root.spawn((
            AlbumContent,
            widget::label(album.roll.clone(), theme::SMALL_SIZE, theme::SODIUM),
        ));
        if photos.is_empty() {
            album_root.spawn((AlbumContent, widget::panel_text(album.empty.clone())));
        } else {
            album_root
                .spawn((AlbumContent, grid()))
                .with_children(|grid| {
                    for (index, photo) in photos.iter().enumerate() {
                        let image = images.0.get(&photo.number).cloned();
                        grid.spawn(thumbnail(index, photo, index == album.selected, image));
                    }
                });
            if let Some(photo) = photos.get(album.selected) {
                let image = images.0.get(&photo.number).cloned();
                let place = data
                    .level(&photo.level)
                    .map_or(photo.level.as_str(), |l| l.name.as_str());
                album_root.spawn((AlbumContent, enlarged(photo, place, image)));
            }
        }
        album_root.spawn((AlbumContent, action_hint(ALBUM_HINT)));
    });
}

fn grid() -> impl Bundle {
    Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::px(COLUMNS as u16, 104.0),
        column_gap: px(8),
        row_gap: px(8),
        ..default()
    }
}

/// A photograph's thumbnail: its picture if there is one, else its number,
/// and its score; the selected one is ringed.
fn thumbnail(
    index: usize,
    photo: &PhotoRecord,
    selected: bool,
    image: Option<Handle<Image>>,
) -> impl Bundle {
    // The selected one is ringed brighter and thicker: not by colour alone.
    let (border, width) = if selected {
        (theme::SODIUM, 4)
    } else {
        (theme::DIM.with_alpha(0.3), 2)
    };
    let label = format!("{}: {}", photo.number, photo.score);
    (
        Thumbnail(index),
        Button,
        Node {
            width: px(104),
            height: px(70),
            border: UiRect::all(px(width)),
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::End,
            ..default()
        },
        BorderColor::all(border),
        BackgroundColor(theme::PANEL),
        picture(image),
        children![(
            BackgroundColor(theme::NIGHT.with_alpha(0.7)),
            widget::label(label, theme::SMALL_SIZE, theme::PAPER),
        )],
    )
}

/// The photograph's picture as the node's image, where there is one.
fn picture(image: Option<Handle<Image>>) -> impl Bundle {
    image.map(ImageNode::new).unwrap_or_default()
}

/// The selected photograph, large, with where it was taken and what made
/// its score.
fn enlarged(photo: &PhotoRecord, place: &str, image: Option<Handle<Image>>) -> impl Bundle {
    let mut lines = vec![format!(
        "{}.  {place} at {}, {} mm, score {}",
        photo.number, photo.at, photo.focal, photo.score
    )];
    if let Some(developed) = &photo.developed {
        lines.push(format!(
            "Came back changed ({}); the original is kept beside it.",
            file_name(developed)
        ));
    }
    if photo.waiting {
        lines.push(match &photo.image {
            Some(kept) => format!(
                "Kept in {} until the photos folder can be written.",
                file_folder(kept)
            ),
            None => "Its picture waits for the disk to take it.".to_owned(),
        });
    }
    if let Some(camera) = &photo.camera {
        lines.push(settings_line(camera));
    }
    if let Some(image) = photo.image.as_ref().filter(|_| !photo.waiting) {
        lines.push(format!("The picture is in {}", file_folder(image)));
    }
    if photo.subjects.is_empty() {
        lines.push("Nothing the night would remember is in it.".into());
    }
    lines.extend(photo.subjects.iter().map(|s| subject_line(s, photo)));
    (
        Node {
            column_gap: px(16),
            ..default()
        },
        children![
            (
                Node {
                    width: px(360),
                    height: px(240),
                    ..default()
                },
                BackgroundColor(theme::PANEL),
                picture(image),
            ),
            // Small: a photograph of many subjects still fits the largest
            // text at 1280x800.
            widget::panel_text_small(lines.join("\n")),
        ],
    )
}

/// The file's name without its folder or its night: `01-changed.png`.
fn file_name(path: &str) -> String {
    let path = std::path::Path::new(path);
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    // `night-<n>-01-changed.png`: the night is the album's heading.
    name.strip_prefix("night-")
        .and_then(|rest| rest.split_once('-'))
        .map_or_else(|| name.to_string(), |(_, rest)| rest.to_owned())
}

/// The folder a file is in.
fn file_folder(path: &str) -> String {
    std::path::Path::new(path)
        .parent()
        .map_or_else(|| path.to_owned(), |p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_without_its_folder_or_night() {
        assert_eq!(
            file_name("/photos/night-1795764597-01-changed.png"),
            "01-changed.png"
        );
        assert_eq!(file_name("/photos/lamp.png"), "lamp.png");
    }
}
