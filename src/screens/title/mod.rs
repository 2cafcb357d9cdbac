//! The title screen: the game's name over Moscow at night, and the main menu.

mod album;
mod backdrop;

use bevy::prelude::*;

use crate::data::kept::KeptProblems;
use crate::input::{Action, ActionState};
use crate::levels::{DataStatus, NightData, StartOverride};
use crate::loading::LoadingProgress;
use crate::menus::Menu;
use crate::photo::Darkroom;
use crate::save::{ContinueNight, Save, Saves};
use crate::settings::SettingsProblem;
use crate::states::Screen;
use crate::ui::menu::Activate;
use crate::ui::prompts::{MENU_BACK_HINT, MENU_HINT, action_hint};
use crate::ui::{theme, widget};

/// A line under the menu that says why a new game cannot begin.
#[derive(Component)]
struct Notice;

/// The line that says what Continue picks up.
#[derive(Component)]
struct SaveSummary;

/// The line that says a roll is being developed.
#[derive(Component)]
struct DarkroomLine;

pub(super) fn plugin(app: &mut App) {
    // The scene is spawned in the title's first update, once the art has
    // been asked for at start-up.
    app.add_plugins(album::plugin)
        .add_systems(OnEnter(Menu::Main), spawn_title)
        .add_systems(OnEnter(Menu::NewNight), ask_before_new_night)
        .add_systems(
            Update,
            (
                backdrop::spawn.run_if(not(any_with_component::<backdrop::TitleScene>)),
                start_at_once,
                name_saved_chapter.run_if(resource_changed::<NightData>),
                back_from_question.run_if(in_state(Menu::NewNight)),
                show_loading.run_if(
                    resource_changed::<LoadingProgress>.or_else(any_match_filter::<Added<Loading>>),
                ),
                show_darkroom.run_if(
                    resource_changed::<Darkroom>.or_else(any_match_filter::<Added<DarkroomLine>>),
                ),
            )
                .run_if(in_state(Screen::Title)),
        );
}

fn spawn_title(
    saves: Res<Saves>,
    data: Res<NightData>,
    settings_problem: Res<SettingsProblem>,
    kept: Option<Res<KeptProblems>>,
    mut commands: Commands,
) {
    let resume = saves.to_continue();
    let menu = commands
        .spawn(widget::menu(()))
        .with_children(|menu| {
            if resume.is_some() {
                menu.spawn(widget::button("Continue", continue_night));
            }
            menu.spawn(widget::button("New game", new_game));
            menu.spawn(widget::button("Album", album::open_album));
            menu.spawn(widget::button("Settings", open_settings));
            menu.spawn(widget::button("Quit", quit));
        })
        .id();
    // What Continue picks up, and why not the latest save when it cannot.
    let about = resume.map(|(save, backup)| about_save(save, backup, &data));
    let problem = saves.problem().map(|problem| match resume {
        Some(_) => format!("The latest save cannot be read, but its backup can.\n{problem}"),
        None => format!("The save cannot be read, and there is no backup.\n{problem}"),
    });
    commands
        .spawn((
            widget::screen_root("Title screen"),
            DespawnOnExit(Menu::Main),
            children![
                widget::label("LONG EXPOSURE", theme::TITLE_SIZE, theme::PAPER),
                widget::label("One night in Moscow", theme::BODY_SIZE, theme::SODIUM),
                (Node {
                    height: px(24),
                    ..default()
                },),
            ],
        ))
        .add_child(menu)
        .with_children(|root| {
            if let Some(about) = about {
                root.spawn((
                    Node {
                        padding: UiRect::axes(px(12), px(4)),
                        ..default()
                    },
                    BackgroundColor(theme::PANEL),
                    children![(
                        SaveSummary,
                        widget::label(about, theme::SMALL_SIZE, theme::PAPER)
                    )],
                ));
            }
            if let Some(problem) = problem {
                root.spawn((Name::new("Save problem"), widget::panel_text(problem)));
            }
            if let Some(problem) = &settings_problem.0 {
                root.spawn((
                    Name::new("Settings problem"),
                    widget::panel_text(format!("The settings could not be read.\n{problem}")),
                ));
            }
            if let Some(kept) = kept.filter(|k| !k.0.is_empty()) {
                root.spawn(kept_problems(&kept.0));
            }
            root.spawn((
                DarkroomLine,
                widget::hint("Developing the roll..."),
                Visibility::Hidden,
            ));
            root.spawn(action_hint(MENU_HINT));
            root.spawn(loading_line());
            root.spawn((
                Notice,
                widget::label("", theme::SMALL_SIZE, theme::SODIUM),
                Node {
                    padding: UiRect::axes(px(12), px(4)),
                    ..default()
                },
                BackgroundColor(theme::PANEL),
                Visibility::Hidden,
            ));
        });
}

/// The kept files that could not be read, a line each, at the foot of the
/// screen: each kept beside itself, so nothing of the player's is lost.
fn kept_problems(problems: &[String]) -> impl Bundle {
    (
        Name::new("Kept file problems"),
        Node {
            position_type: PositionType::Absolute,
            bottom: px(12),
            max_width: px(1180),
            padding: UiRect::axes(px(12), px(6)),
            ..default()
        },
        BackgroundColor(theme::PANEL),
        children![widget::label(
            format!("Files that could not be read:\n{}", problems.join("\n")),
            theme::SMALL_SIZE * 0.85,
            theme::PAPER
        )],
    )
}

/// The line that says how far loading has come, with its bar; it goes
/// once everything is loaded.
#[derive(Component)]
struct Loading;

/// The filled part of the loading bar.
#[derive(Component)]
struct LoadingBar;

fn loading_line() -> impl Bundle {
    (
        Name::new("Loading"),
        Loading,
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(4),
            ..default()
        },
        children![
            widget::label("Loading the night", theme::SMALL_SIZE, theme::DIM),
            (
                Node {
                    width: px(240),
                    height: px(6),
                    ..default()
                },
                BackgroundColor(theme::PANEL),
                children![(
                    LoadingBar,
                    Node {
                        width: percent(0),
                        height: percent(100),
                        ..default()
                    },
                    BackgroundColor(theme::SODIUM),
                )],
            ),
        ],
    )
}

/// The loading line follows the files loaded, and goes when all are.
fn show_loading(
    progress: Res<LoadingProgress>,
    mut line: Query<(&mut Visibility, &Children), With<Loading>>,
    mut texts: Query<&mut Text>,
    mut bar: Query<&mut Node, With<LoadingBar>>,
) {
    for (mut visibility, children) in &mut line {
        visibility.set_if_neq(if progress.finished() {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        });
        for child in children {
            let said = format!(
                "Loading the night: {} of {} files",
                progress.done, progress.total
            );
            if let Ok(mut text) = texts.get_mut(*child)
                && text.0 != said
            {
                text.0 = said;
            }
        }
    }
    let width = percent(progress.share() * 100.0);
    for mut node in &mut bar {
        if node.width != width {
            node.width = width;
        }
    }
}

/// What Continue picks up, in words: the save's chapter and clock (the
/// chapter's title once the data has loaded).
fn about_save(save: &Save, backup: bool, data: &NightData) -> String {
    let from = if backup { " from the backup" } else { "" };
    format!("Continue{from}: {}", where_saved(save, data))
}

/// Where a saved night stands: its chapter (by title once the data has
/// loaded) and its clock.
fn where_saved(save: &Save, data: &NightData) -> String {
    let state = &save.state;
    let chapter = data
        .story
        .as_ref()
        .and_then(|s| s.chapters.iter().find(|c| c.id == state.chapter))
        .map_or(state.chapter.as_str(), |c| c.title.as_str());
    format!("{chapter}, {}", state.time())
}

/// Names the save's chapter by its title once the data has loaded.
fn name_saved_chapter(
    saves: Res<Saves>,
    data: Res<NightData>,
    mut summary: Query<&mut Text, With<SaveSummary>>,
) {
    if let (Some((save, backup)), Ok(mut text)) = (saves.to_continue(), summary.single_mut()) {
        text.0 = about_save(save, backup, &data);
    }
}

/// Goes on with the saved night, once there is data free of errors to
/// play it by.
fn continue_night(
    _: On<Activate>,
    data: Res<NightData>,
    status: Res<DataStatus>,
    notice: Query<(&mut Text, &mut Visibility), With<Notice>>,
    mut commands: Commands,
) {
    if data.story.is_some() {
        commands.trigger(ContinueNight);
    } else {
        not_ready(*status, notice);
    }
}

/// Begins the night, once there is data free of errors to play; over a
/// saved night, only once the player says so.
fn new_game(
    _: On<Activate>,
    data: Res<NightData>,
    status: Res<DataStatus>,
    saves: Res<Saves>,
    notice: Query<(&mut Text, &mut Visibility), With<Notice>>,
    mut next: ResMut<NextState<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
) {
    if data.story.is_none() {
        not_ready(*status, notice);
    } else if saves.to_continue().is_some() {
        menu.set(Menu::NewNight);
    } else {
        next.set(Screen::Playing);
    }
}

/// The question before a new night over a saved one, in place of the menu.
fn ask_before_new_night(saves: Res<Saves>, data: Res<NightData>, mut commands: Commands) {
    let saved = saves
        .to_continue()
        .map(|(save, _)| where_saved(save, &data))
        .unwrap_or_default();
    commands.spawn((
        widget::screen_root("Begin a new night?"),
        DespawnOnExit(Menu::NewNight),
        children![
            widget::label("Begin a new night?", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::panel_text(format!(
                "The saved night ({saved}) is kept as the backup when the new one \
                 is first saved, and replaced at the one after."
            )),
            widget::menu(children![
                widget::button("Begin a new night", begin_new_night),
                widget::button("Back", back_to_title_menu),
            ]),
            action_hint(MENU_BACK_HINT),
        ],
    ));
}

fn begin_new_night(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Playing);
}

fn back_to_title_menu(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Main);
}

/// The settings page, in place of the menu.
fn open_settings(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Settings);
}

/// `Back` (Esc, (B)) from the question returns to the menu too.
fn back_from_question(actions: Res<ActionState>, mut menu: ResMut<NextState<Menu>>) {
    if actions.just_pressed(Action::Back) {
        menu.set(Menu::Main);
    }
}

/// The darkroom line shows while a kept night's roll is developed.
fn show_darkroom(darkroom: Res<Darkroom>, mut line: Query<&mut Visibility, With<DarkroomLine>>) {
    for mut visibility in &mut line {
        visibility.set_if_neq(if darkroom.busy() {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}

/// Says why the night cannot begin yet.
fn not_ready(status: DataStatus, mut notice: Query<(&mut Text, &mut Visibility), With<Notice>>) {
    let why = match status {
        DataStatus::Loading => "The night is still loading.",
        DataStatus::Judged => {
            "The night's data has errors (listed below): fix them, or run `long-exposure validate`."
        }
    };
    for (mut text, mut visibility) in &mut notice {
        text.0 = why.into();
        *visibility = Visibility::Inherited;
    }
}

/// With `--start`, the first new game begins by itself as soon as the data
/// allows.
fn start_at_once(
    start: Res<StartOverride>,
    data: Res<NightData>,
    mut done: Local<bool>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !*done && start.arrival.is_some() && data.story.is_some() {
        *done = true;
        next.set(Screen::Playing);
    }
}

fn quit(_: On<Activate>, mut exit: MessageWriter<AppExit>) {
    exit.write(AppExit::Success);
}
