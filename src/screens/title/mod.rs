//! The title screen: the game's name over Moscow at night, and the main menu.

mod night;

use bevy::prelude::*;

use super::Screen;
use crate::ui::menu::Activate;
use crate::ui::{theme, widget};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), (spawn_title, night::spawn))
        .add_systems(Update, night::fall_rain.run_if(in_state(Screen::Title)));
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
        ],
    ));
}

fn new_game(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Playing);
}

fn quit(_: On<Activate>, mut exit: MessageWriter<AppExit>) {
    exit.write(AppExit::Success);
}
