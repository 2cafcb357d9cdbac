//! The night being played: a chapter card, then the level (see `levels`).

use bevy::prelude::*;

use super::{Pause, Screen};
use crate::input::{Action, ActionState};
use crate::levels::{NightData, StartOverride};
use crate::ui::{theme, widget};

/// Seconds the chapter card stays before the night shows.
const CARD_SECONDS: f32 = 3.0;

/// The chapter card, with the time left before it goes.
#[derive(Component)]
struct ChapterCard(Timer);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_chapter_card)
        .add_systems(
            Update,
            (toggle_pause, clear_chapter_card).run_if(in_state(Screen::Playing)),
        );
}

/// The title of the chapter the night begins in and its start time, from
/// the story; a level no chapter names shows its own name.
fn spawn_chapter_card(data: Res<NightData>, start: Res<StartOverride>, mut commands: Commands) {
    let story = data.story.as_ref();
    let level = start
        .arrival
        .as_ref()
        .or(story.map(|s| &s.start))
        .map(|a| a.level.as_str());
    let chapter = story.and_then(|s| {
        s.chapters
            .iter()
            .find(|c| level.is_some_and(|l| c.levels.iter().any(|id| id == l)))
    });
    let title = chapter.map(|c| c.title.clone()).unwrap_or_else(|| {
        level
            .and_then(|l| data.level(l))
            .map_or_else(|| "Long Exposure".to_owned(), |l| l.name.clone())
    });
    let time = start
        .at
        .or(story.map(|s| s.clock.start))
        .map(|t| t.to_string())
        .unwrap_or_default();
    commands.spawn((
        widget::screen_root("Chapter card"),
        ChapterCard(Timer::from_seconds(CARD_SECONDS, TimerMode::Once)),
        BackgroundColor(theme::NIGHT),
        DespawnOnExit(Screen::Playing),
        children![
            widget::label(title, theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::label(time, theme::BODY_SIZE, theme::SODIUM),
            widget::hint("Esc / Start: pause"),
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
