//! Exits to other levels: walking into an open exit, or using a door,
//! fades the screen out, builds the next level with Lev at the exit's spawn
//! point, and fades back in. The story's journeys (an effect, a chapter
//! beginning elsewhere) fade the same way. A locked exit says why instead.
//! Input waits during the fade.

use bevy::prelude::*;

use super::reading::show_text;
use super::{Body, ExploreSystems, Lev};
use crate::content::schema::Exit;
use crate::input::{ClaimsInput, InputContext};
use crate::levels::{ActiveLevel, CurrentLevel, LevelSystems};
use crate::settings::Settings;
use crate::states::Screen;
use crate::story::{StoryState, Travel, logic};
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
    app.add_observer(travel)
        .add_systems(OnEnter(Screen::Playing), spawn_veil)
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

/// Whether `exit` is locked now (its lock's condition does not hold).
pub(super) fn locked(exit: &Exit, story: Option<&StoryState>, level: &str) -> bool {
    exit.locked
        .as_ref()
        .is_some_and(|lock| !story.is_some_and(|s| logic::holds(&lock.until, s, level)))
}

/// Goes through `exit`: a fade to its level, or, if it is locked, its line.
pub(super) fn go_through(
    exit: &Exit,
    story: Option<&StoryState>,
    level: &str,
    commands: &mut Commands,
) {
    match &exit.locked {
        Some(lock) if locked(exit, story, level) => show_text(commands, &exit.id, &lock.says),
        _ => commands.insert_resource(Transition::to(&exit.to_level, &exit.to_spawn)),
    }
}

/// The story asks for a journey: fade there.
fn travel(journey: On<Travel>, mut commands: Commands) {
    commands.insert_resource(Transition::to(&journey.level, &journey.spawn));
}

/// Starts a transition when Lev walks into an open (non-door) exit. He must
/// walk in: arriving inside one does not send him straight back.
fn walk_into_exits(
    level: ActiveLevel,
    transition: Option<Res<Transition>>,
    lev: Query<&Body, With<Lev>>,
    story: Option<Res<StoryState>>,
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
        go_through(&level.exits[i], story.as_deref(), &level.id, &mut commands);
    }
    *seen = (level.id.clone(), inside);
}

/// Runs the fade; at its darkest, moves Lev to the next level. The veil
/// claims input while it runs. With motion reduced it is a cut.
fn fade(
    time: Res<Time>,
    settings: Res<Settings>,
    transition: Option<ResMut<Transition>>,
    mut veil: Query<(Entity, &mut BackgroundColor), With<Veil>>,
    mut commands: Commands,
) {
    let Some(mut transition) = transition else {
        return;
    };
    if transition.elapsed == 0.0
        && let Ok((entity, _)) = veil.single()
    {
        commands
            .entity(entity)
            .insert(ClaimsInput(InputContext::Busy));
    }
    transition.elapsed += time.delta_secs();
    let whole = if settings.reduce_motion {
        0.0
    } else {
        FADE_SECONDS
    };
    let half = whole / 2.0;
    if !transition.switched && transition.elapsed >= half {
        transition.switched = true;
        commands.insert_resource(CurrentLevel::arriving(
            &transition.to_level,
            &transition.to_spawn,
        ));
    }
    let darkness = if half > 0.0 {
        1.0 - ((transition.elapsed - half).abs() / half).min(1.0)
    } else {
        0.0
    };
    if let Ok((entity, mut veil)) = veil.single_mut() {
        veil.0 = theme::NIGHT.with_alpha(darkness);
        if transition.elapsed >= whole {
            commands.entity(entity).remove::<ClaimsInput>();
        }
    }
    if transition.elapsed >= whole {
        commands.remove_resource::<Transition>();
    }
}
