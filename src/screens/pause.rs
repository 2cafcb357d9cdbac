//! The pause menu: time stands still until the player resumes or quits to
//! the title. It saves the night on request, and before quitting to the
//! title says what leaving would lose.

use bevy::prelude::*;

use super::settings::{OpenSettings, SettingsClosed};
use crate::input::{Action, ActionState};
use crate::photo::OpenAlbum;
use crate::save::{NightSaved, SaveNight, SaveReason, Saves, lost_since};
use crate::states::{Pause, Screen};
use crate::story::StoryState;
use crate::ui::menu::Activate;
use crate::ui::prompts::{MENU_BACK_HINT, action_hint};
use crate::ui::{theme, widget};

/// The pause menu's help line.
const PAUSE_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Confirm], "confirm"),
    (&[Action::Pause, Action::Back], "resume"),
];

/// The pause menu's page: its items, or the question before quitting.
#[derive(Component)]
struct PausePage;

/// The question asked before quitting to the title; `Back` returns to the
/// menu from it.
#[derive(Component)]
pub(super) struct QuitQuestion;

/// The line that says the night was saved, or why it was not.
#[derive(Component)]
struct SaveNotice;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Pause::Paused), (spawn_pause_menu, stop_time))
        .add_systems(OnExit(Pause::Paused), start_time)
        .add_systems(Update, back_from_question.run_if(in_state(Pause::Paused)))
        .add_observer(tell_saved)
        .add_observer(settings_closed);
}

fn spawn_pause_menu(mut commands: Commands) {
    commands.spawn(pause_menu());
}

fn pause_menu() -> impl Bundle {
    (
        widget::screen_root("Pause menu"),
        PausePage,
        DespawnOnExit(Pause::Paused),
        BackgroundColor(theme::NIGHT),
        children![
            widget::label("Paused", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::menu(children![
                widget::button("Resume", resume),
                widget::button("Album", album),
                widget::button("Save", save),
                widget::button("Settings", open_settings),
                widget::button("Quit to title", ask_before_quitting),
            ]),
            (
                SaveNotice,
                widget::label("", theme::SMALL_SIZE, theme::SODIUM)
            ),
            action_hint(PAUSE_HINT),
        ],
    )
}

fn stop_time(mut time: ResMut<Time<Virtual>>) {
    time.pause();
}

fn start_time(mut time: ResMut<Time<Virtual>>) {
    time.unpause();
}

fn resume(_: On<Activate>, mut next: ResMut<NextState<Pause>>) {
    next.set(Pause::Running);
}

/// Resumes the night with the album open (it holds the clock itself).
fn album(_: On<Activate>, mut next: ResMut<NextState<Pause>>, mut commands: Commands) {
    next.set(Pause::Running);
    commands.trigger(OpenAlbum::Tonight);
}

fn save(_: On<Activate>, mut commands: Commands) {
    commands.trigger(SaveNight {
        reason: SaveReason::Player,
    });
}

/// The settings page, in place of the menu.
fn open_settings(_: On<Activate>, page: Query<Entity, With<PausePage>>, mut commands: Commands) {
    for entity in &page {
        commands.entity(entity).despawn();
    }
    commands.trigger(OpenSettings);
}

/// The menu again once the settings page closes.
fn settings_closed(
    _: On<SettingsClosed>,
    pause: Option<Res<State<Pause>>>,
    page: Query<Entity, With<PausePage>>,
    commands: Commands,
) {
    if pause.is_some_and(|p| *p.get() == Pause::Paused) {
        show_menu(page, commands);
    }
}

/// Says in the menu that the night was saved, or why it was not.
fn tell_saved(saved: On<NightSaved>, mut notice: Query<&mut Text, With<SaveNotice>>) {
    for mut text in &mut notice {
        text.0 = match &saved.problem {
            None => "Saved.".into(),
            Some(problem) => format!("Not saved: {problem}"),
        };
    }
}

/// Quitting to the title asks first, saying what would be lost; with
/// nothing to lose it quits at once.
fn ask_before_quitting(
    _: On<Activate>,
    state: Option<Res<StoryState>>,
    saves: Res<Saves>,
    page: Query<Entity, With<PausePage>>,
    mut screen: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    let saved = saves.latest.save().map(|s| &s.state);
    let Some(lost) = state.and_then(|state| lost_since(saved, &state)) else {
        screen.set(Screen::Title);
        return;
    };
    for entity in &page {
        commands.entity(entity).despawn();
    }
    commands.spawn((
        widget::screen_root("Quit to title?"),
        PausePage,
        QuitQuestion,
        DespawnOnExit(Pause::Paused),
        BackgroundColor(theme::NIGHT),
        children![
            widget::label("Quit to the title?", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::panel_text(lost),
            widget::menu(children![
                widget::button("Save and quit", save_and_quit),
                widget::button("Quit without saving", quit_to_title),
                widget::button("Back", back_to_menu),
            ]),
            action_hint(MENU_BACK_HINT),
        ],
    ));
}

fn save_and_quit(_: On<Activate>, mut screen: ResMut<NextState<Screen>>, mut commands: Commands) {
    commands.trigger(SaveNight {
        reason: SaveReason::Player,
    });
    screen.set(Screen::Title);
}

fn quit_to_title(_: On<Activate>, mut screen: ResMut<NextState<Screen>>) {
    screen.set(Screen::Title);
}

/// Back from the question to the menu.
fn back_to_menu(_: On<Activate>, page: Query<Entity, With<PausePage>>, commands: Commands) {
    show_menu(page, commands);
}

/// `Back` (Esc, (B)) from the question returns to the menu too.
fn back_from_question(
    actions: Res<ActionState>,
    question: Query<(), With<QuitQuestion>>,
    page: Query<Entity, With<PausePage>>,
    commands: Commands,
) {
    if actions.just_pressed(Action::Back) && !question.is_empty() {
        show_menu(page, commands);
    }
}

fn show_menu(page: Query<Entity, With<PausePage>>, mut commands: Commands) {
    for entity in &page {
        commands.entity(entity).despawn();
    }
    commands.spawn(pause_menu());
}
