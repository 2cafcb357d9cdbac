//! The shot list on the HUD: the current level's goals, each marked done
//! once a photograph met it (its flag is set).

use bevy::prelude::*;

use crate::levels::ActiveLevel;
use crate::states::Screen;
use crate::story::StoryState;
use crate::ui::theme;

/// The shot list's text.
#[derive(Component)]
struct ShotList;

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

/// The goals of the level Lev is in, `[x]` done and `[ ]` still to take.
fn show_goals(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    mut texts: Query<&mut Text, With<ShotList>>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    let mut lines = vec!["Shot list".to_owned()];
    lines.extend(level.shot_list.iter().map(|goal| {
        let mark = if state.flags.contains(&goal.sets_flag) {
            "x"
        } else {
            " "
        };
        format!("[{mark}] {}", goal.description)
    }));
    let shown = lines.join("\n");
    for mut text in &mut texts {
        if text.0 != shown {
            text.0.clone_from(&shown);
        }
    }
}
