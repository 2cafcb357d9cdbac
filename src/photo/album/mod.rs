//! The album: every photograph of a night, browsed with the keyboard,
//! the mouse or a gamepad. Thumbnails in a grid; the selected photograph
//! large, with its score and each subject's breakdown. It opens on the
//! night in play with the Album action while exploring or from the pause
//! menu, holding input (and the clock) until closed with Album or Back; or
//! on a kept night from the title. Pictures not taken in this run are read
//! from the files the camera wrote, off the main thread (`reading`).

mod reading;
mod view;

use bevy::prelude::*;

use self::reading::Reading;
use super::pictures::HeldPictures;
use crate::input::{Action, ActionState, Bindings, ClaimsInput, InputContext, InputDevice};
use crate::levels::NightData;
use crate::states::Screen;
use crate::story::{PhotoRecord, StoryState};
use crate::ui::theme;

/// Thumbnails to a row.
pub(super) const COLUMNS: usize = 6;

/// The album's help line.
pub(super) const ALBUM_HINT: &[(&[Action], &str)] = &[
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
pub(super) struct Album {
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
pub(super) struct Thumbnail(pub(super) usize);

/// Marks what is redrawn when the selection moves.
#[derive(Component)]
pub(super) struct AlbumContent;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(reading::plugin)
        .init_resource::<AlbumImages>()
        .add_observer(open)
        // Numbers start again with each night: pictures of one night are
        // never shown for another's.
        .add_systems(OnEnter(Screen::Title), forget_pictures)
        .add_systems(OnExit(Screen::Title), forget_pictures)
        .add_systems(
            Update,
            (open_with_action, browse, click, view::redraw)
                .chain()
                .run_if(in_state(Screen::Playing).or_else(in_state(Screen::Title))),
        );
}

fn forget_pictures(
    mut images: ResMut<AlbumImages>,
    reading: Query<Entity, With<Reading>>,
    mut commands: Commands,
) {
    images.0.clear();
    reading::stop_reading(&reading, &mut commands);
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
    reading: Query<Entity, With<Reading>>,
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
        reading::stop_reading(&reading, &mut commands);
    }
    if let Some(mut assets) = assets {
        let night = night.map_or(0, |n| n.night);
        reading::read(
            &photos,
            night,
            &held,
            &mut images,
            &mut assets,
            &mut commands,
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roll_line_counts_photographs_and_frames() {
        assert_eq!(roll_line(1, Some(23)), "1 photograph, 23 frames left");
        assert_eq!(roll_line(0, None), "0 photographs");
    }
}
