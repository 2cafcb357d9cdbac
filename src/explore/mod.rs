//! Exploration: Lev walks, climbs and goes through doors as ECS systems over
//! the current level's data. Movement is stepped in `FixedUpdate` by the
//! pure [`motion`] core and drawn interpolated between steps, so it feels
//! the same at any frame rate.

mod camera;
mod exits;
mod footsteps;
mod interact;
mod lighting;
pub mod motion;

pub use exits::Transition;
pub use interact::{DialogueRequested, Inspected, InteractionTarget};

use bevy::prelude::*;

use crate::input::{Action, ActionState};
use crate::levels::{self, ActiveLevel, LEV_Z};
use crate::screens::Pause;

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
pub fn lev_bundle(level: &levels::schema::Level, at: Vec2) -> impl Bundle {
    let sprite = levels::sprites::find("lev");
    let (w, h) = sprite.map_or((8.0, 22.0), |s| s.size);
    (
        Name::new("Lev"),
        Lev,
        Body(motion::Body::standing_at(level, at)),
        PreviousPosition(at),
        Sprite {
            color: sprite.map_or(Color::WHITE, |s| levels::colour(s.colour)),
            custom_size: Some(Vec2::new(w, h)),
            ..default()
        },
        bevy::sprite::Anchor::BOTTOM_CENTER,
        Transform::from_translation(at.extend(LEV_Z)),
    )
}

pub(super) fn plugin(app: &mut App) {
    // `Pause` exists only while playing: running means playing, not paused.
    let playing = || in_state(Pause::Running);
    app.configure_sets(Update, ExploreSystems.run_if(playing()))
        .configure_sets(FixedUpdate, ExploreSystems.run_if(playing()))
        .add_systems(FixedUpdate, move_lev.in_set(ExploreSystems))
        .add_systems(Update, draw_between_steps.in_set(ExploreSystems))
        .add_plugins((
            camera::plugin,
            exits::plugin,
            footsteps::plugin,
            interact::plugin,
            lighting::plugin,
        ));
}

/// The walking and climbing the player asks for this step.
fn intent(actions: &ActionState) -> motion::Intent {
    let axis = |negative, positive| {
        f32::from(u8::from(actions.pressed(positive)))
            - f32::from(u8::from(actions.pressed(negative)))
    };
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
    pub surface: Option<levels::schema::Surface>,
}

fn move_lev(
    level: ActiveLevel,
    actions: Res<ActionState>,
    transition: Option<Res<Transition>>,
    time: Res<Time>,
    mut lev: Query<(&mut Body, &mut PreviousPosition), With<Lev>>,
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
