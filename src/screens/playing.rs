//! The night being played. Exploration, photography and the story fill this
//! screen in later issues; for now it opens on the first chapter's card.

use bevy::prelude::*;

use super::{Pause, Screen};
use crate::input::{Action, ActionState};
use crate::ui::{theme, widget};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_chapter_card)
        .add_systems(Update, toggle_pause.run_if(in_state(Screen::Playing)));
}

fn spawn_chapter_card(mut commands: Commands) {
    commands.spawn((
        widget::screen_root("Chapter card"),
        DespawnOnExit(Screen::Playing),
        children![
            widget::label("I. The warehouse", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::label("23:00", theme::BODY_SIZE, theme::SODIUM),
            widget::hint("Esc / Start: pause"),
        ],
    ));
}

/// The pause action toggles the pause; `Back` also resumes from the menu.
fn toggle_pause(
    actions: Res<ActionState>,
    pause: Res<State<Pause>>,
    mut next: ResMut<NextState<Pause>>,
) {
    let paused = *pause.get() == Pause::Paused;
    if actions.just_pressed(Action::Pause) || (paused && actions.just_pressed(Action::Back)) {
        next.set(if paused {
            Pause::Running
        } else {
            Pause::Paused
        });
    }
}
