//! The ending screen: the ending the night came to, its title and summary
//! from `story.ron`, over the sunrise; then back to the title.

use bevy::prelude::*;

use crate::levels::NightData;
use crate::states::Screen;
use crate::story::StoryState;
use crate::ui::menu::Activate;
use crate::ui::{theme, widget};

/// Warm dawn grey behind the ending.
const DAWN: Color = Color::srgb(0.33, 0.26, 0.30);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Ending), spawn_ending);
}

fn spawn_ending(data: Res<NightData>, state: Option<Res<StoryState>>, mut commands: Commands) {
    let ending = state
        .as_ref()
        .and_then(|s| s.ending.as_ref())
        .and_then(|id| {
            let story = data.story.as_ref()?;
            story.endings.iter().find(|e| e.id == *id)
        });
    let (title, summary) = ending.map_or_else(
        || ("Sunrise".to_owned(), "The night is over.".to_owned()),
        |e| (e.title.clone(), e.summary.clone()),
    );
    commands.spawn((
        widget::screen_root("Ending"),
        DespawnOnExit(Screen::Ending),
        BackgroundColor(DAWN),
        children![
            widget::label(title, theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::panel_text(summary),
            widget::menu(children![widget::button("Back to title", back_to_title)]),
        ],
    ));
}

fn back_to_title(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Title);
}
