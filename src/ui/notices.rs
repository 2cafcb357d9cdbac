//! Notices ([`Notice`]): what happened to something the player made that
//! he should know of (a photograph kept in another folder, a save that could not be
//! written, a roll that could not be developed), at the right of the
//! screen under the clock for some seconds, on any screen, over anything
//! else. Newer notices stand under older ones.

use bevy::prelude::*;

use super::{theme, widget};
use crate::data::kept::Notice;

/// Seconds a notice stays.
const NOTICE_SECONDS: f32 = 8.0;
/// The most notices shown at once; the oldest goes first.
const MOST_SHOWN: usize = 3;

/// The column notices stand in.
#[derive(Component)]
struct NoticeBoard;

/// One notice and its time left, in seconds of real time (it goes while
/// the game is paused too).
#[derive(Component)]
struct Shown(f32);

pub(super) fn plugin(app: &mut App) {
    app.add_observer(show).add_systems(Update, fade);
}

fn show(
    notice: On<Notice>,
    boards: Query<Entity, With<NoticeBoard>>,
    shown: Query<(Entity, &Shown)>,
    mut commands: Commands,
) {
    let board = boards.iter().next().unwrap_or_else(|| {
        commands
            .spawn((
                Name::new("Notices"),
                NoticeBoard,
                // At the right, under the clock and its captions: clear of
                // the shot list, the viewfinder's frame and the prompts.
                Node {
                    position_type: PositionType::Absolute,
                    top: px(150),
                    right: px(12),
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::End,
                    row_gap: px(6),
                    ..default()
                },
                GlobalZIndex(60),
                Pickable::IGNORE,
            ))
            .id()
    });
    let mut old: Vec<(Entity, f32)> = shown.iter().map(|(e, s)| (e, s.0)).collect();
    old.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (entity, _) in old.iter().take((old.len() + 1).saturating_sub(MOST_SHOWN)) {
        commands.entity(*entity).despawn();
    }
    commands.entity(board).with_child((
        Name::new("Notice"),
        Shown(NOTICE_SECONDS),
        Node {
            max_width: px(560),
            padding: UiRect::axes(px(12), px(6)),
            border: UiRect::left(px(4)),
            ..default()
        },
        BorderColor::all(theme::SODIUM),
        BackgroundColor(theme::NIGHT),
        children![widget::label(
            notice.0.clone(),
            theme::SMALL_SIZE,
            theme::PAPER
        )],
    ));
}

fn fade(time: Res<Time<Real>>, mut shown: Query<(Entity, &mut Shown)>, mut commands: Commands) {
    for (entity, mut left) in &mut shown {
        left.0 -= time.delta_secs();
        if left.0 <= 0.0 {
            commands.entity(entity).despawn();
        }
    }
}
