//! The album: every photograph of a night, browsed with the keyboard,
//! the mouse or a gamepad. Thumbnails in a grid; the selected photograph
//! large, with its score and each subject's breakdown. It opens on the
//! night in play with the Album action while exploring or from the pause
//! menu, holding input (and the clock) until closed with Album or Back; or
//! on a kept night from the title. Pictures not taken in this run are read
//! from the files the camera wrote.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;

use super::pictures::HeldPictures;
use crate::input::{Action, ActionState, Bindings, ClaimsInput, InputContext, InputDevice};
use crate::levels::NightData;
use crate::states::Screen;
use crate::story::{PhotoRecord, StoryState, SubjectShot};
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// Thumbnails to a row.
const COLUMNS: usize = 6;

/// The album's help line.
const ALBUM_HINT: &[(&[Action], &str)] = &[
    (
        &[Action::Left, Action::Right, Action::Up, Action::Down],
        "choose",
    ),
    (&[Action::Album, Action::Back], "close"),
];

/// The pictures of the night's photographs, by number, where a renderer
/// captured them.
#[derive(Resource, Debug, Default)]
pub struct AlbumImages(pub std::collections::HashMap<u32, Handle<Image>>);

/// Opens the album.
#[derive(Event, Debug, Clone, PartialEq)]
pub enum OpenAlbum {
    /// On the night in play (from the pause menu, say).
    Tonight,
    /// On a night kept in a save (from the title), and what to call it.
    Kept {
        /// The night as it was kept, if one was.
        night: Option<Box<StoryState>>,
        /// What the heading calls the night: `The Unspoken, ended at 05:05`.
        called: String,
    },
}

/// The album was closed.
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlbumClosed;

/// The open album: its photographs, its heading and what is on its roll,
/// and the index of the selected one.
#[derive(Component, Debug)]
struct Album {
    photos: Vec<PhotoRecord>,
    heading: String,
    /// `3 photographs, 21 frames left`.
    roll: String,
    /// What it says with no photographs.
    empty: String,
    selected: usize,
}

/// A thumbnail, by index in the album.
#[derive(Component, Debug)]
struct Thumbnail(usize);

/// Marks what is redrawn when the selection moves.
#[derive(Component)]
struct AlbumContent;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AlbumImages>()
        .add_observer(open)
        // Numbers start again with each night: pictures of one night are
        // never shown for another's.
        .add_systems(OnEnter(Screen::Title), forget_pictures)
        .add_systems(OnExit(Screen::Title), forget_pictures)
        .add_systems(
            Update,
            (open_with_action, browse, click, redraw)
                .chain()
                .run_if(in_state(Screen::Playing).or_else(in_state(Screen::Title))),
        );
}

fn forget_pictures(mut images: ResMut<AlbumImages>) {
    images.0.clear();
}

fn open_with_action(actions: Res<ActionState>, mut commands: Commands) {
    if actions.context() == InputContext::Exploring && actions.just_pressed(Action::Album) {
        commands.trigger(OpenAlbum::Tonight);
    }
}

fn open(
    request: On<OpenAlbum>,
    tonight: Option<Res<StoryState>>,
    data: Res<NightData>,
    screen: Res<State<Screen>>,
    bindings: Res<Bindings>,
    device: Res<InputDevice>,
    open: Query<(), With<Album>>,
    mut images: ResMut<AlbumImages>,
    held: Res<HeldPictures>,
    assets: Option<ResMut<Assets<Image>>>,
    mut commands: Commands,
) {
    if !open.is_empty() {
        return;
    }
    let (night, called, empty) = match &*request {
        OpenAlbum::Tonight => (
            tonight.as_deref(),
            "The night's roll",
            format!(
                "No photographs yet. {} raises the camera and {} takes a photograph.",
                bindings.label(Action::Camera, *device),
                bindings.label(Action::Shutter, *device),
            ),
        ),
        OpenAlbum::Kept { night, called } => (
            night.as_deref(),
            called.as_str(),
            if night.is_some() {
                "No photographs were taken that night."
            } else {
                "No night has been kept yet: its photographs show here once it is saved."
            }
            .to_owned(),
        ),
    };
    let photos = night.map(|n| n.album.clone()).unwrap_or_default();
    let left = match (night, &data.story) {
        (Some(night), Some(story)) => Some(night.film_left(story)),
        _ => None,
    };
    // Pictures go by number, and each kept night numbers from 1: another
    // night's must not stand in for this one's.
    if matches!(*request, OpenAlbum::Kept { .. }) {
        images.0.clear();
    }
    if let Some(mut assets) = assets {
        let night = night.map_or(0, |n| n.night);
        show_held(&photos, night, &held, &mut images, &mut assets);
        read_pictures(&photos, &mut images, &mut assets);
    }
    commands.spawn((
        Name::new("Album"),
        Album {
            heading: called.to_owned(),
            roll: roll_line(photos.len(), left),
            empty,
            selected: photos.len().saturating_sub(1),
            photos,
        },
        ClaimsInput(InputContext::Album),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(24)),
            row_gap: px(12),
            ..default()
        },
        BackgroundColor(theme::NIGHT),
        GlobalZIndex(40),
        DespawnOnExit(*screen.get()),
    ));
}

/// `3 photographs, 21 frames left`.
fn roll_line(count: usize, left: Option<u32>) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let left = left.map_or(String::new(), |left| {
        format!(", {left} frame{} left", plural(left as usize))
    });
    format!("{count} photograph{}{left}", plural(count))
}

/// Reads the pictures of `photos` that this run did not take from the
/// files written for them: as the night's ending developed them where it
/// did, else as the camera took them. A file gone or unreadable leaves its
/// thumbnail showing the photograph's number.
fn read_pictures(photos: &[PhotoRecord], images: &mut AlbumImages, assets: &mut Assets<Image>) {
    for photo in photos {
        let Some(path) = photo
            .developed
            .as_ref()
            .or(photo.image.as_ref())
            .filter(|_| !images.0.contains_key(&photo.number))
        else {
            continue;
        };
        match image::open(path) {
            Ok(picture) => {
                let picture = Image::from_dynamic(picture, true, RenderAssetUsages::default());
                images.0.insert(photo.number, assets.add(picture));
            }
            Err(problem) => warn!(
                "photograph {} cannot be shown: {path}: {problem}",
                photo.number
            ),
        }
    }
}

/// Shows the pictures of `photos` held in memory (no folder would take
/// them) from there.
fn show_held(
    photos: &[PhotoRecord],
    night: u64,
    held: &HeldPictures,
    images: &mut AlbumImages,
    assets: &mut Assets<Image>,
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
}

/// Arrows move the selection; Album or Back close the album.
fn browse(
    actions: Res<ActionState>,
    mut albums: Query<(Entity, &mut Album)>,
    mut commands: Commands,
) {
    let Ok((entity, mut album)) = albums.single_mut() else {
        return;
    };
    if actions.context() != InputContext::Album {
        return;
    }
    if actions.just_pressed(Action::Album) || actions.just_pressed(Action::Back) {
        commands.entity(entity).despawn();
        commands.trigger(AlbumClosed);
        return;
    }
    let count = album.photos.len();
    if count == 0 {
        return;
    }
    let step: isize = if actions.just_pressed(Action::Right) {
        1
    } else if actions.just_pressed(Action::Left) {
        -1
    } else if actions.just_pressed(Action::Down) {
        COLUMNS as isize
    } else if actions.just_pressed(Action::Up) {
        -(COLUMNS as isize)
    } else {
        0
    };
    let moved = (album.selected as isize + step).clamp(0, count as isize - 1) as usize;
    if moved != album.selected {
        album.selected = moved;
    }
}

/// A click on a thumbnail selects it.
fn click(
    thumbnails: Query<(&Thumbnail, &Interaction), Changed<Interaction>>,
    mut albums: Query<&mut Album>,
) {
    for (thumbnail, interaction) in &thumbnails {
        if *interaction == Interaction::Pressed
            && let Ok(mut album) = albums.single_mut()
        {
            album.selected = thumbnail.0;
        }
    }
}

/// Draws the album anew when it opens or its selection moves.
fn redraw(
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
    if photo.subjects.is_empty() {
        lines.push("Nothing the night would remember is in it.".into());
    }
    lines.extend(photo.subjects.iter().map(subject_line));
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

/// `The cracked mirror 58: in frame 100%, clear 100%, size 0.59, ...`
fn subject_line(subject: &SubjectShot) -> String {
    let b = &subject.breakdown;
    let third = if b.on_third { " on a third" } else { "" };
    let moment = match b.moment {
        Some(true) => ", caught in its moment",
        Some(false) => ", missed its moment (0.8)",
        None => "",
    };
    format!(
        "{} {}: in frame {:.0}%, clear {:.0}%, size {:.2}, composition {:.2}{third}, facing {:.1}{moment}",
        subject.name,
        subject.score,
        b.in_frame * 100.0,
        b.clear * 100.0,
        b.size,
        b.composition,
        b.facing,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levels::schema::{Area, ClockTime};

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
        }
    }

    #[test]
    fn pictures_are_read_from_their_files_and_a_missing_one_is_left_out() {
        let folder = std::env::temp_dir().join(format!("album-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("night-1-01.png");
        image::RgbaImage::from_pixel(4, 2, image::Rgba([200, 160, 40, 255]))
            .save(&file)
            .unwrap();
        let photos = [
            photo(1, Some(file.display().to_string())),
            photo(2, Some(folder.join("gone.png").display().to_string())),
            photo(3, None),
        ];
        let mut images = AlbumImages::default();
        let mut assets = Assets::<Image>::default();
        read_pictures(&photos, &mut images, &mut assets);
        let read = images.0.get(&1).and_then(|h| assets.get(h)).unwrap();
        assert_eq!(read.size(), UVec2::new(4, 2));
        assert_eq!(images.0.len(), 1, "no picture for a gone file or none");

        // The developed copy is shown where the ending made one.
        let developed = folder.join("night-1-01-changed.png");
        image::RgbaImage::from_pixel(6, 4, image::Rgba([40, 40, 40, 255]))
            .save(&developed)
            .unwrap();
        let mut came_back = photos[0].clone();
        came_back.developed = Some(developed.display().to_string());
        let mut fresh = AlbumImages::default();
        read_pictures(&[came_back], &mut fresh, &mut assets);
        let read_back = fresh.0.get(&1).and_then(|h| assets.get(h)).unwrap();
        assert_eq!(read_back.size(), UVec2::new(6, 4));

        // A picture this run already has is not read again.
        let kept = images.0[&1].clone();
        read_pictures(&photos, &mut images, &mut assets);
        assert_eq!(images.0[&1], kept);
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_file_is_named_without_its_folder_or_night() {
        assert_eq!(
            file_name("/photos/night-1795764597-01-changed.png"),
            "01-changed.png"
        );
        assert_eq!(file_name("/photos/lamp.png"), "lamp.png");
    }

    #[test]
    fn the_roll_line_counts_photographs_and_frames() {
        assert_eq!(roll_line(1, Some(23)), "1 photograph, 23 frames left");
        assert_eq!(roll_line(0, None), "0 photographs");
    }
}
