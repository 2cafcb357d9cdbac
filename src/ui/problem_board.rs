//! Data problems on screen: every error and warning of the level and story
//! files stays shown, with its file, line and column, until it is fixed.

use bevy::prelude::*;

use super::theme;
use crate::levels::{ProblemBoard, ProblemSystems};

/// At most this many problems are listed; the rest are counted.
const SHOWN: usize = 6;

/// The text of the problem panel.
#[derive(Component)]
struct ProblemText;

/// The board version last shown.
#[derive(Resource, Default)]
struct Shown(u64);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shown>()
        .add_systems(Startup, spawn_panel)
        .add_systems(Update, show_problems.after(ProblemSystems));
}

fn spawn_panel(mut commands: Commands) {
    commands.spawn((
        Name::new("Data problems"),
        Node {
            position_type: PositionType::Absolute,
            left: px(8),
            right: px(8),
            bottom: px(8),
            padding: UiRect::all(px(8)),
            ..default()
        },
        BackgroundColor(theme::NIGHT),
        GlobalZIndex(100),
        Visibility::Hidden,
        children![(
            ProblemText,
            Text::default(),
            TextFont::from_font_size(theme::SMALL_SIZE),
            TextColor(theme::SODIUM),
        )],
    ));
}

fn show_problems(
    board: Res<ProblemBoard>,
    mut shown: ResMut<Shown>,
    mut text: Query<(&mut Text, &ChildOf), With<ProblemText>>,
    mut panels: Query<&mut Visibility>,
) {
    let version = board.version();
    if version == shown.0 {
        return;
    }
    shown.0 = version;
    let problems = board.all();
    for problem in &problems {
        warn!("{problem}");
    }
    let Ok((mut text, parent)) = text.single_mut() else {
        return;
    };
    let mut lines: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect();
    if problems.len() > SHOWN {
        lines.push(format!(
            "... and {} more (run `long-exposure validate`)",
            problems.len() - SHOWN
        ));
    }
    text.0 = lines.join("\n");
    if let Ok(mut visibility) = panels.get_mut(parent.parent()) {
        *visibility = if problems.is_empty() {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
    }
}
