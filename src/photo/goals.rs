//! The shot list on the HUD: the current level's goals, each marked done
//! once a photograph met it (its flag is set). The whole list opens when
//! Lev arrives in a level, when a photograph meets a goal and while the
//! camera is raised; otherwise it folds to one line, so that walking shows
//! the night and not a list.

use bevy::prelude::*;

use crate::input::{ActionState, InputContext};
use crate::levels::ActiveLevel;
use crate::states::Screen;
use crate::story::StoryState;
use crate::ui::theme;

/// Seconds the whole list stays open after Lev arrives in a level or a
/// photograph meets one of its goals.
const OPEN_SECONDS: f32 = 6.0;

/// The shot list's text.
#[derive(Component)]
struct ShotList;

/// When the whole list last had cause to open: the level and how many of
/// its goals were done then, and the seconds it stays open.
#[derive(Default)]
struct Opened {
    level: String,
    done: usize,
    seconds_left: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_shot_list)
        .add_systems(Update, show_goals.run_if(in_state(Screen::Playing)));
}

fn spawn_shot_list(mut commands: Commands) {
    commands.spawn((
        Name::new("Shot list"),
        Node {
            position_type: PositionType::Absolute,
            top: px(12),
            left: px(12),
            padding: UiRect::axes(px(10), px(6)),
            ..default()
        },
        BackgroundColor(theme::PANEL.with_alpha(0.75)),
        DespawnOnExit(Screen::Playing),
        children![(
            ShotList,
            Text::default(),
            TextFont::from_font_size(theme::SMALL_SIZE),
            TextColor(theme::DIM),
        )],
    ));
}

/// The shot list's text for goals described so, each with whether it is
/// done: every goal, `[x]` done and `[ ]` still to take, when `open`;
/// else one line of how many are done.
fn shot_list_text<'a>(goals: impl IntoIterator<Item = (&'a str, bool)>, open: bool) -> String {
    let goals: Vec<(&str, bool)> = goals.into_iter().collect();
    let done = goals.iter().filter(|(_, done)| *done).count();
    if !open {
        return format!("Shot list {done}/{}", goals.len());
    }
    let mut lines = vec!["Shot list".to_owned()];
    lines.extend(goals.iter().map(|(description, done)| {
        let mark = if *done { "x" } else { " " };
        format!("[{mark}] {description}")
    }));
    lines.join("\n")
}

/// The goals of the level Lev is in, the whole list while it is open.
fn show_goals(
    time: Res<Time>,
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    actions: Res<ActionState>,
    mut opened: Local<Opened>,
    mut texts: Query<&mut Text, With<ShotList>>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    let goals: Vec<(&str, bool)> = level
        .shot_list
        .iter()
        .map(|goal| {
            let done = state.flags.contains(&goal.sets_flag);
            (goal.description.as_str(), done)
        })
        .collect();
    let done = goals.iter().filter(|(_, done)| *done).count();
    if opened.level != level.id || done > opened.done {
        *opened = Opened {
            level: level.id.clone(),
            done,
            seconds_left: OPEN_SECONDS,
        };
    }
    opened.seconds_left -= time.delta_secs();
    let open = opened.seconds_left > 0.0 || actions.context() == InputContext::Viewfinder;
    let shown = shot_list_text(goals, open);
    for mut text in &mut texts {
        if text.0 != shown {
            text.0.clone_from(&shown);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shot_list_text;

    #[test]
    fn the_open_list_marks_each_goal_and_the_folded_one_counts_them() {
        let goals = [("The cracked mirror", true), ("The skylight", false)];
        assert_eq!(
            shot_list_text(goals, true),
            "Shot list\n[x] The cracked mirror\n[ ] The skylight"
        );
        assert_eq!(shot_list_text(goals, false), "Shot list 1/2");
    }
}
