//! The pause menu: the pause action opens it and time stands still until
//! the player resumes or quits to the title. It saves the night on
//! request, and before quitting to the title says what leaving would lose
//! ([`Menu::QuitQuestion`]).

use bevy::prelude::*;

use super::Menu;
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

/// The line that says the night was saved, or why it was not.
#[derive(Component)]
struct SaveNotice;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Pause::Paused), stop_time)
        .add_systems(OnExit(Pause::Paused), start_time)
        .add_systems(OnEnter(Menu::Pause), spawn_pause_menu)
        .add_systems(OnEnter(Menu::QuitQuestion), spawn_quit_question)
        .add_systems(
            Update,
            (
                toggle_pause.run_if(in_state(Screen::Playing)),
                back_from_question.run_if(in_state(Menu::QuitQuestion)),
            ),
        )
        .add_observer(tell_saved);
}

/// The pause action toggles the pause; `Back` also resumes from the menu
/// (from the question before quitting or the settings, their own `Back`
/// goes back to the menu).
fn toggle_pause(
    actions: Res<ActionState>,
    pause: Res<State<Pause>>,
    menu: Option<Res<State<Menu>>>,
    mut next: ResMut<NextState<Pause>>,
) {
    let paused = *pause.get() == Pause::Paused;
    let in_menu = menu.is_some_and(|m| *m.get() == Menu::Pause);
    let back = paused && in_menu && actions.just_pressed(Action::Back);
    if actions.just_pressed(Action::Pause) || back {
        next.set(if paused {
            Pause::Running
        } else {
            Pause::Paused
        });
    }
}

fn spawn_pause_menu(mut commands: Commands) {
    commands.spawn((
        widget::screen_root("Pause menu"),
        DespawnOnExit(Menu::Pause),
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
    ));
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
fn open_settings(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Settings);
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
    mut screen: ResMut<NextState<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
) {
    if lost(state.as_deref(), &saves).is_some() {
        menu.set(Menu::QuitQuestion);
    } else {
        to_title(&mut screen, &mut menu);
    }
}

/// What quitting now would lose, if anything.
fn lost(state: Option<&StoryState>, saves: &Saves) -> Option<String> {
    let saved = saves.latest.save().map(|s| &s.state);
    lost_since(saved, state?)
}

fn spawn_quit_question(state: Option<Res<StoryState>>, saves: Res<Saves>, mut commands: Commands) {
    let lost = lost(state.as_deref(), &saves).unwrap_or_default();
    commands.spawn((
        widget::screen_root("Quit to title?"),
        DespawnOnExit(Menu::QuitQuestion),
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

/// To the title, whose menu opens on it (the page open now closes).
fn to_title(screen: &mut NextState<Screen>, menu: &mut NextState<Menu>) {
    screen.set(Screen::Title);
    menu.set(Menu::Main);
}

fn save_and_quit(
    _: On<Activate>,
    mut screen: ResMut<NextState<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
    mut commands: Commands,
) {
    commands.trigger(SaveNight {
        reason: SaveReason::Player,
    });
    to_title(&mut screen, &mut menu);
}

fn quit_to_title(
    _: On<Activate>,
    mut screen: ResMut<NextState<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
) {
    to_title(&mut screen, &mut menu);
}

/// Back from the question to the menu.
fn back_to_menu(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Pause);
}

/// `Back` (Esc, (B)) from the question returns to the menu too.
fn back_from_question(actions: Res<ActionState>, mut menu: ResMut<NextState<Menu>>) {
    if actions.just_pressed(Action::Back) {
        menu.set(Menu::Pause);
    }
}
