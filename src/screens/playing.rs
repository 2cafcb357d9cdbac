//! The night being played: each chapter's card, then the level (see `levels`).

use bevy::prelude::*;

use crate::input::Action;
use crate::states::Screen;
use crate::story::{ChapterBegan, StoryState};
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// Seconds the chapter card stays before the night shows.
const CARD_SECONDS: f32 = 3.0;

/// The chapter card, with the time left before it goes.
#[derive(Component)]
struct ChapterCard(Timer);

pub(super) fn plugin(app: &mut App) {
    app.add_observer(spawn_chapter_card)
        .add_systems(Update, clear_chapter_card.run_if(in_state(Screen::Playing)));
}

/// The card of a chapter beginning: its title and the time.
fn spawn_chapter_card(
    began: On<ChapterBegan>,
    state: Option<Res<StoryState>>,
    cards: Query<Entity, With<ChapterCard>>,
    mut commands: Commands,
) {
    for card in &cards {
        commands.entity(card).despawn();
    }
    let time = state.map(|s| s.time().to_string()).unwrap_or_default();
    commands.spawn((
        widget::screen_root("Chapter card"),
        ChapterCard(Timer::from_seconds(CARD_SECONDS, TimerMode::Once)),
        BackgroundColor(theme::NIGHT),
        DespawnOnExit(Screen::Playing),
        children![
            widget::label(began.title.clone(), theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::label(time, theme::BODY_SIZE, theme::SODIUM),
            action_hint(&[(&[Action::Pause], "pause")]),
        ],
    ));
}

fn clear_chapter_card(
    time: Res<Time>,
    mut cards: Query<(Entity, &mut ChapterCard)>,
    mut commands: Commands,
) {
    for (entity, mut card) in &mut cards {
        if card.0.tick(time.delta()).is_finished() {
            commands.entity(entity).despawn();
        }
    }
}
