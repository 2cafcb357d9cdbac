//! Lev's wristwatch: the night's time, top right, while playing.

use bevy::prelude::*;

use super::widget;
use crate::states::Screen;
use crate::story::{ClockSystems, StoryState};

/// The wristwatch's text.
#[derive(Component)]
struct Wristwatch;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), put_on_watch)
        .add_systems(
            Update,
            show_time
                .after(ClockSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

fn put_on_watch(mut commands: Commands) {
    commands.spawn((
        Name::new("Wristwatch"),
        Node {
            position_type: PositionType::Absolute,
            top: px(12),
            right: px(12),
            ..default()
        },
        DespawnOnExit(Screen::Playing),
        children![(Wristwatch, widget::hint(""))],
    ));
}

fn show_time(
    state: Option<Res<StoryState>>,
    watches: Query<&Children, With<Wristwatch>>,
    mut texts: Query<&mut Text>,
) {
    let Some(state) = state else {
        return;
    };
    let now = state.time().to_string();
    for children in &watches {
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child)
                && text.0 != now
            {
                text.0.clone_from(&now);
            }
        }
    }
}
