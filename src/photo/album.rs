//! The album: every photograph of the night, browsed with the keyboard,
//! the mouse or a gamepad. Thumbnails in a grid; the selected photograph
//! large, with its score and each subject's breakdown. It opens with the
//! Album action while exploring, or from the pause menu, and holds input
//! (and the clock) until closed with Album or Back.

use bevy::prelude::*;

use crate::input::{Action, ActionState, ClaimsInput, InputContext};
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

/// Opens the album (from the pause menu, say).
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenAlbum;

/// The open album and the index of the selected photograph.
#[derive(Component, Debug)]
struct Album {
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
        .add_systems(OnEnter(Screen::Title), |mut images: ResMut<AlbumImages>| {
            images.0.clear();
        })
        .add_systems(
            Update,
            (open_with_action, browse, click, redraw)
                .chain()
                .run_if(in_state(Screen::Playing)),
        );
}

fn open_with_action(actions: Res<ActionState>, mut commands: Commands) {
    if actions.context() == InputContext::Exploring && actions.just_pressed(Action::Album) {
        commands.trigger(OpenAlbum);
    }
}

fn open(
    _: On<OpenAlbum>,
    state: Option<Res<StoryState>>,
    open: Query<(), With<Album>>,
    mut commands: Commands,
) {
    if !open.is_empty() {
        return;
    }
    let count = state.map_or(0, |s| s.album.len());
    commands.spawn((
        Name::new("Album"),
        Album {
            selected: count.saturating_sub(1),
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
        DespawnOnExit(Screen::Playing),
    ));
}

/// Arrows move the selection; Album or Back close the album.
fn browse(
    actions: Res<ActionState>,
    state: Option<Res<StoryState>>,
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
        return;
    }
    let count = state.map_or(0, |s| s.album.len());
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
    state: Option<Res<StoryState>>,
    data: Res<NightData>,
    images: Res<AlbumImages>,
    mut commands: Commands,
) {
    let Ok((root, album)) = albums.single() else {
        return;
    };
    for entity in &content {
        commands.entity(entity).despawn();
    }
    let photos: &[PhotoRecord] = state.as_ref().map_or(&[], |s| &s.album);
    let left = match (&state, &data.story) {
        (Some(state), Some(story)) => state.film_left(story),
        _ => 0,
    };
    let heading = format!(
        "The night's roll: {} photograph{}, {left} frame{} left",
        photos.len(),
        if photos.len() == 1 { "" } else { "s" },
        if left == 1 { "" } else { "s" },
    );
    commands.entity(root).with_children(|album_root| {
        album_root.spawn((AlbumContent, widget::label(heading, theme::BODY_SIZE, theme::PAPER)));
        if photos.is_empty() {
            album_root.spawn((
                AlbumContent,
                widget::panel_text("No photographs yet. Raise the camera (C, right mouse or LT) and press the shutter (Space, left mouse or RT)."),
            ));
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
                album_root.spawn((AlbumContent, enlarged(photo, image)));
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
    let border = if selected {
        theme::SODIUM
    } else {
        theme::DIM.with_alpha(0.3)
    };
    let label = format!("{}: {}", photo.number, photo.score);
    (
        Thumbnail(index),
        Button,
        Node {
            width: px(104),
            height: px(70),
            border: UiRect::all(px(2)),
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

/// The selected photograph, large, with what made its score.
fn enlarged(photo: &PhotoRecord, image: Option<Handle<Image>>) -> impl Bundle {
    let mut lines = vec![format!(
        "{}.  {} at {}, {} mm, score {}",
        photo.number, photo.level, photo.at, photo.focal, photo.score
    )];
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
            widget::panel_text(lines.join("\n")),
        ],
    )
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
