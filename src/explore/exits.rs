//! Exits to other levels: walking into an open exit, or using a door,
//! fades the screen out, builds the next level with Lev at the exit's spawn
//! point, and fades back in.

use bevy::prelude::*;

use super::{Body, ExploreSystems, Lev};
use crate::levels::{ActiveLevel, CurrentLevel, LevelSystems};
use crate::screens::Screen;
use crate::ui::theme;

/// Seconds of the whole fade: half out, half in.
const FADE_SECONDS: f32 = 0.6;

/// A move to another level in progress.
#[derive(Resource, Debug, Clone)]
pub struct Transition {
    /// The level Lev goes to.
    pub to_level: String,
    /// The spawn point he arrives at.
    pub to_spawn: String,
    elapsed: f32,
    switched: bool,
}

impl Transition {
    /// A fade to `spawn` in `level`.
    pub fn to(level: &str, spawn: &str) -> Self {
        Self {
            to_level: level.to_owned(),
            to_spawn: spawn.to_owned(),
            elapsed: 0.0,
            switched: false,
        }
    }
}

/// The black veil drawn over everything during a fade.
#[derive(Component)]
struct Veil;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_veil)
        .add_systems(OnExit(Screen::Playing), |mut commands: Commands| {
            commands.remove_resource::<Transition>();
        })
        .add_systems(
            Update,
            (walk_into_exits, fade.before(LevelSystems))
                .chain()
                .in_set(ExploreSystems),
        );
}

fn spawn_veil(mut commands: Commands) {
    commands.spawn((
        Name::new("Veil"),
        Veil,
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            ..default()
        },
        BackgroundColor(theme::NIGHT.with_alpha(0.0)),
        GlobalZIndex(50),
        DespawnOnExit(Screen::Playing),
    ));
}

/// Starts a transition when Lev walks into an open (non-door) exit. He must
/// walk in: arriving inside one does not send him straight back.
fn walk_into_exits(
    level: ActiveLevel,
    transition: Option<Res<Transition>>,
    lev: Query<&Body, With<Lev>>,
    mut seen: Local<(String, Option<usize>)>,
    mut commands: Commands,
) {
    let (Some(level), Ok(body)) = (level.get(), lev.single()) else {
        return;
    };
    let feet = body.0.position;
    let inside = level
        .exits
        .iter()
        .position(|e| !e.door && e.area.contains((feet.x, feet.y)));
    let (seen_level, was_inside) = &*seen;
    let arrived = *seen_level != level.id;
    if let Some(i) = inside
        && !arrived
        && *was_inside != inside
        && transition.is_none()
    {
        let exit = &level.exits[i];
        commands.insert_resource(Transition::to(&exit.to_level, &exit.to_spawn));
    }
    *seen = (level.id.clone(), inside);
}

/// Runs the fade; at its darkest, moves Lev to the next level.
fn fade(
    time: Res<Time>,
    transition: Option<ResMut<Transition>>,
    mut veil: Query<&mut BackgroundColor, With<Veil>>,
    mut commands: Commands,
) {
    let Some(mut transition) = transition else {
        return;
    };
    transition.elapsed += time.delta_secs();
    let half = FADE_SECONDS / 2.0;
    if !transition.switched && transition.elapsed >= half {
        transition.switched = true;
        commands.insert_resource(CurrentLevel::arriving(
            &transition.to_level,
            &transition.to_spawn,
        ));
    }
    let darkness = 1.0 - ((transition.elapsed - half).abs() / half).min(1.0);
    if let Ok(mut veil) = veil.single_mut() {
        veil.0 = theme::NIGHT.with_alpha(darkness);
    }
    if transition.elapsed >= FADE_SECONDS {
        commands.remove_resource::<Transition>();
    }
}
