//! The pause menu: time stands still until the player resumes or quits to the title.

use bevy::prelude::*;

use crate::photo::OpenAlbum;
use crate::states::{Pause, Screen};
use crate::ui::menu::Activate;
use crate::ui::{theme, widget};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Pause::Paused), (spawn_pause_menu, stop_time))
        .add_systems(OnExit(Pause::Paused), start_time);
}

fn spawn_pause_menu(mut commands: Commands) {
    commands.spawn((
        widget::screen_root("Pause menu"),
        DespawnOnExit(Pause::Paused),
        BackgroundColor(theme::NIGHT),
        children![
            widget::label("Paused", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::menu(children![
                widget::button("Resume", resume),
                widget::button("Album", album),
                widget::button("Quit to title", quit_to_title),
            ]),
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
    commands.trigger(OpenAlbum);
}

fn quit_to_title(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Title);
}
