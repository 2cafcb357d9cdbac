//! Exploration: Lev walks, climbs and goes through doors as ECS systems over
//! the current level's data. Movement is stepped in `FixedUpdate` by the
//! pure [`motion`] core and drawn interpolated between steps, so it feels
//! the same at any frame rate. Where Lev is goes into the story state, which
//! area triggers read.

mod camera;
mod exits;
mod footsteps;
mod interact;
mod lighting;
pub mod motion;
mod pose;
mod reading;

pub use exits::Transition;
pub use interact::InteractionTarget;

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use crate::content;
use crate::content::schema::Facing;
use crate::input::{Action, ActionState, InputContext};
use crate::levels::{ActiveLevel, LevelBuilt, LevelSystems};
use crate::states::{PHOTOGRAPHER_LAYER, PausableSystems, Screen};
use crate::story::{Place, StoryState};
use crate::world::{self, LEV_Z};

/// Lev Kalmurzaev, the player character.
#[derive(Component, Debug)]
#[require(PreviousPosition)]
pub struct Lev;

/// Lev's body as the motion core sees it.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Body(pub motion::Body);

/// Where the body was before the last fixed step, to draw between steps.
#[derive(Component, Debug, Default)]
struct PreviousPosition(Vec2);

/// Systems that move Lev and what follows him; they run only while playing
/// and not paused.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExploreSystems;

/// Lev standing at `at` in `level`, drawn as his placeholder sprite.
fn lev_bundle(level: &content::schema::Level, at: Vec2) -> impl Bundle {
    (
        Name::new("Lev"),
        Lev,
        Body(motion::Body::standing_at(level, at)),
        PreviousPosition(at),
        world::lev_sprite(),
        bevy::sprite::Anchor::BOTTOM_CENTER,
        Transform::from_translation(at.extend(LEV_Z)),
        RenderLayers::layer(PHOTOGRAPHER_LAYER),
    )
}

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(Update, ExploreSystems.in_set(PausableSystems))
        .configure_sets(FixedUpdate, ExploreSystems.in_set(PausableSystems))
        .add_systems(FixedUpdate, move_lev.in_set(ExploreSystems))
        .add_systems(
            Update,
            (
                place_lev
                    .after(LevelSystems)
                    .run_if(in_state(Screen::Playing)),
                draw_between_steps.in_set(ExploreSystems),
            )
                .chain(),
        )
        .add_plugins((
            camera::plugin,
            exits::plugin,
            footsteps::plugin,
            interact::plugin,
            lighting::plugin,
            pose::plugin,
        ));
}

/// The walking and climbing the player asks for this step. With the
/// camera raised he only steps carefully, and not while the careful step
/// pans the frame instead.
fn intent(actions: &ActionState) -> motion::Intent {
    let axis = |negative, positive| {
        f32::from(u8::from(actions.pressed(positive)))
            - f32::from(u8::from(actions.pressed(negative)))
    };
    if actions.context() == InputContext::Viewfinder {
        let panning = actions.pressed(Action::Careful);
        return motion::Intent {
            x: if panning {
                0.0
            } else {
                axis(Action::Left, Action::Right)
            },
            y: 0.0,
            careful: true,
        };
    }
    motion::Intent {
        x: axis(Action::Left, Action::Right),
        y: axis(Action::Down, Action::Up),
        careful: actions.pressed(Action::Careful),
    }
}

/// Walked distance since the last footstep, per fixed step.
#[derive(Message, Debug, Clone, Copy)]
pub struct Moved {
    /// Pixels covered this step.
    pub distance: f32,
    /// What Lev walked on.
    pub surface: Option<content::schema::Surface>,
}

/// Puts Lev at the spawn point of a level he arrives in (bringing him into
/// the night the first time), drawn there from the first frame.
fn place_lev(
    mut built: MessageReader<LevelBuilt>,
    level: ActiveLevel,
    mut lev: Query<
        (
            &mut Body,
            &mut PreviousPosition,
            &mut Transform,
            &mut Sprite,
        ),
        With<Lev>,
    >,
    story: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    let Some(arrival) = built.read().filter(|b| b.arrived).last() else {
        return;
    };
    let Some(level) = level.get().filter(|l| l.id == arrival.id) else {
        return;
    };
    let at = arrival.at;
    // A saved night picks up facing the way Lev faced.
    let facing = match (&story, arrival.resumed) {
        (Some(story), true) => story.place.facing,
        _ => Facing::Right,
    };
    let flip_x = facing == Facing::Left;
    match lev.single_mut() {
        Ok((mut body, mut previous, mut transform, mut sprite)) => {
            *body = Body(motion::Body::standing_at(level, at));
            previous.0 = at;
            transform.translation = at.round().extend(LEV_Z);
            sprite.flip_x = flip_x;
        }
        Err(_) => {
            commands
                .spawn((lev_bundle(level, at), DespawnOnExit(Screen::Playing)))
                .insert(Sprite {
                    flip_x,
                    ..world::lev_sprite()
                });
        }
    }
    if let Some(mut story) = story {
        story.place = Place {
            level: level.id.clone(),
            at: at.into(),
            facing,
        };
    }
}

fn move_lev(
    level: ActiveLevel,
    actions: Res<ActionState>,
    transition: Option<Res<Transition>>,
    time: Res<Time>,
    mut lev: Query<(&mut Body, &mut PreviousPosition), With<Lev>>,
    story: Option<ResMut<StoryState>>,
    mut moved: MessageWriter<Moved>,
) {
    let (Some(level), Ok((mut body, mut previous))) = (level.get(), lev.single_mut()) else {
        return;
    };
    previous.0 = body.0.position;
    // Lev stands still while the screen fades between levels.
    let intent = if transition.is_some() {
        motion::Intent::default()
    } else {
        intent(&actions)
    };
    let distance = motion::step(&mut body.0, intent, level, time.delta_secs());
    if let Some(mut story) = story {
        let facing = match body.0.velocity.x {
            x if x < 0.0 => Facing::Left,
            x if x > 0.0 => Facing::Right,
            _ => story.place.facing,
        };
        let at: content::schema::Point = body.0.position.into();
        let place = &story.place;
        if place.level != level.id || place.at != at || place.facing != facing {
            story.place = Place {
                level: level.id.clone(),
                at,
                facing,
            };
        }
    }
    if distance > 0.0 {
        moved.write(Moved {
            distance,
            surface: body.0.surface(level),
        });
    }
}

/// Draws Lev between his last two fixed steps, on whole virtual pixels.
fn draw_between_steps(
    fixed: Res<Time<Fixed>>,
    mut lev: Query<(&Body, &PreviousPosition, &mut Transform, &mut Sprite), With<Lev>>,
) {
    let Ok((body, previous, mut transform, mut sprite)) = lev.single_mut() else {
        return;
    };
    let at = previous.0.lerp(body.0.position, fixed.overstep_fraction());
    transform.translation = at.round().extend(LEV_Z);
    if body.0.velocity.x != 0.0 {
        sprite.flip_x = body.0.velocity.x < 0.0;
    }
}
