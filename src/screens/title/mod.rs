//! The title screen: the game's name over Moscow at night, and the main menu.

mod night;

use bevy::prelude::*;

use crate::levels::{DataStatus, NightData, StartOverride};
use crate::states::Screen;
use crate::ui::menu::Activate;
use crate::ui::{theme, widget};

/// A line under the menu that says why a new game cannot begin.
#[derive(Component)]
struct Notice;

pub(super) fn plugin(app: &mut App) {
    // The scene is spawned in the title's first update, once the art has
    // been asked for at start-up.
    app.add_systems(OnEnter(Screen::Title), spawn_title)
        .add_systems(
            Update,
            (
                night::spawn.run_if(not(any_with_component::<night::TitleScene>)),
                start_at_once,
            )
                .run_if(in_state(Screen::Title)),
        );
}

fn spawn_title(mut commands: Commands) {
    commands.spawn((
        widget::screen_root("Title screen"),
        DespawnOnExit(Screen::Title),
        children![
            widget::label("LONG EXPOSURE", theme::TITLE_SIZE, theme::PAPER),
            widget::label("One night in Moscow", theme::BODY_SIZE, theme::SODIUM),
            (Node {
                height: px(24),
                ..default()
            },),
            widget::menu(children![
                widget::button("New game", new_game),
                widget::button("Quit", quit),
            ]),
            widget::hint("Up/Down or D-pad to choose, Enter or (A) to confirm"),
            (
                Notice,
                widget::label("", theme::SMALL_SIZE, theme::SODIUM),
                Node {
                    padding: UiRect::axes(px(12), px(4)),
                    ..default()
                },
                BackgroundColor(theme::PANEL),
                Visibility::Hidden,
            ),
        ],
    ));
}

/// Begins the night, once there is data free of errors to play.
fn new_game(
    _: On<Activate>,
    data: Res<NightData>,
    status: Res<DataStatus>,
    mut notice: Query<(&mut Text, &mut Visibility), With<Notice>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if data.story.is_some() {
        next.set(Screen::Playing);
        return;
    }
    let why = match *status {
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
