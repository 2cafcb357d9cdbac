//! The title's album, in place of the menu: the roll of the night Continue
//! picks up and of every night that came to its ending. With more than one
//! night kept, a list of them comes first; Back from a night's album
//! returns to it.

use bevy::prelude::*;

use super::where_saved;
use crate::input::{Action, ActionState, InputContext};
use crate::levels::NightData;
use crate::menus::Menu;
use crate::photo::{AlbumClosed, OpenAlbum};
use crate::save::{Save, Saves};
use crate::states::Screen;
use crate::ui::menu::{Activate, SelectionMarker};
use crate::ui::prompts::{MENU_BACK_HINT, action_hint};
use crate::ui::{theme, widget};

/// The list of the nights kept, when it is open (or their album opened
/// from it).
#[derive(Resource, Debug)]
struct NightsList;

/// The list's page.
#[derive(Component)]
struct NightsPage;

/// A row of the list: the night's index in [`Saves::album_nights`].
#[derive(Component, Clone, Copy)]
struct NightRow(usize);

pub(super) fn plugin(app: &mut App) {
    app.add_observer(album_closed)
        .add_observer(open_night)
        .add_systems(
            Update,
            close_list_on_back
                .run_if(in_state(Menu::Album).and_then(any_with_component::<NightsPage>)),
        )
        .add_systems(OnExit(Screen::Title), |mut commands: Commands| {
            commands.remove_resource::<NightsList>();
        });
}

/// Opens the album on the kept night, or the list of them where there are
/// several.
pub(super) fn open_album(
    _: On<Activate>,
    saves: Res<Saves>,
    data: Res<NightData>,
    mut menu: ResMut<NextState<Menu>>,
    mut commands: Commands,
) {
    menu.set(Menu::Album);
    let nights = saves.album_nights();
    match nights.as_slice() {
        [] => {
            commands.trigger(OpenAlbum::Kept {
                night: None,
                called: "The album".to_owned(),
            });
        }
        [night] => commands.trigger(album_of(night, &data)),
        _ => {
            commands.insert_resource(NightsList);
            commands.run_system_cached(show_list);
        }
    }
}

/// The album of `night`, its heading naming it.
fn album_of(night: &Save, data: &NightData) -> OpenAlbum {
    OpenAlbum::Kept {
        night: Some(Box::new(night.state.clone())),
        called: night_called(night, data),
    }
}

/// What the album calls a kept night: `The saved night: I. The warehouse,
/// 23:00`, or `The Unspoken, ended at 05:05`.
fn night_called(night: &Save, data: &NightData) -> String {
    let state = &night.state;
    match &state.ending {
        None => format!("The saved night: {}", where_saved(night, data)),
        Some(id) => {
            let ending = data
                .story
                .as_ref()
                .and_then(|s| s.endings.iter().find(|e| &e.id == id))
                .map_or(id.as_str(), |e| e.title.as_str());
            format!("{ending}, ended at {}", state.time())
        }
    }
}

/// The list of the nights kept, newest first.
fn show_list(
    saves: Res<Saves>,
    data: Res<NightData>,
    pages: Query<Entity, With<NightsPage>>,
    mut commands: Commands,
) {
    for page in &pages {
        commands.entity(page).despawn();
    }
    let rows: Vec<(usize, String)> = saves
        .album_nights()
        .into_iter()
        .enumerate()
        .map(|(index, night)| {
            let photos = night.state.album.len();
            let plural = if photos == 1 { "" } else { "s" };
            let called = night_called(night, &data);
            (index, format!("{called} ({photos} photograph{plural})"))
        })
        .collect();
    commands.spawn((
        widget::screen_root("The album"),
        NightsPage,
        DespawnOnExit(Menu::Album),
        BackgroundColor(theme::NIGHT),
        children![
            widget::label("The album", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::label(
                "Every night's roll, the newest first",
                theme::SMALL_SIZE,
                theme::SODIUM
            ),
            widget::menu(Children::spawn_one(widget::column_of(
                rows,
                |(index, text)| night_row(index, text)
            ))),
            action_hint(MENU_BACK_HINT),
        ],
    ));
}

fn night_row(index: usize, text: String) -> impl Bundle {
    (
        Name::new(text.clone()),
        NightRow(index),
        widget::menu_item(560.0, 4.0),
        children![
            (
                SelectionMarker,
                widget::label(">", theme::READING_SIZE, theme::SODIUM)
            ),
            widget::label(text, theme::READING_SIZE, theme::PAPER),
        ],
    )
}

/// A row chosen opens that night's album in place of the list.
fn open_night(
    activate: On<Activate>,
    rows: Query<&NightRow>,
    pages: Query<Entity, With<NightsPage>>,
    saves: Res<Saves>,
    data: Res<NightData>,
    mut commands: Commands,
) {
    let Ok(row) = rows.get(activate.entity) else {
        return;
    };
    let Some(night) = saves.album_nights().get(row.0).copied() else {
        return;
    };
    for page in &pages {
        commands.entity(page).despawn();
    }
    commands.trigger(album_of(night, &data));
}

/// `Back` from the list returns to the title's menu (not the press that
/// closed a night's album, read while the album still held input).
fn close_list_on_back(
    actions: Res<ActionState>,
    mut menu: ResMut<NextState<Menu>>,
    mut commands: Commands,
) {
    if actions.context() == InputContext::Menu && actions.just_pressed(Action::Back) {
        commands.remove_resource::<NightsList>();
        menu.set(Menu::Main);
    }
}

/// Closing a night's album returns to the list it was chosen from, else
/// to the menu.
fn album_closed(
    _: On<AlbumClosed>,
    screen: Res<State<Screen>>,
    list: Option<Res<NightsList>>,
    mut menu: ResMut<NextState<Menu>>,
    mut commands: Commands,
) {
    if *screen.get() != Screen::Title {
        return;
    }
    if list.is_some() {
        commands.run_system_cached(show_list);
    } else {
        menu.set(Menu::Main);
    }
}
