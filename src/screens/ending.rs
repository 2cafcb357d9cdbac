//! The ending screen: sunrise over the city, then back to the title.

use bevy::prelude::*;

use super::Screen;
use crate::ui::menu::Activate;
use crate::ui::{theme, widget};

/// Warm dawn grey behind the ending.
const DAWN: Color = Color::srgb(0.33, 0.26, 0.30);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Ending), spawn_ending);
}

fn spawn_ending(mut commands: Commands) {
    commands.spawn((
        widget::screen_root("Ending"),
        DespawnOnExit(Screen::Ending),
        BackgroundColor(DAWN),
        children![
            widget::label("Sunrise", theme::TITLE_SIZE, theme::PAPER),
            widget::label(
                "The night is over. The roll is developed.",
                theme::BODY_SIZE,
                theme::SODIUM,
            ),
            widget::menu(children![widget::button("Back to title", back_to_title)]),
        ],
    ));
}

fn back_to_title(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Title);
}
