//! The camera follows Lev inside the level's bounds, looking a little ahead
//! of where he walks (unless the player reduces motion), on whole virtual pixels so pixel art does not shimmer;
//! background layers move by their parallax.

use bevy::prelude::*;

use super::{Body, ExploreSystems, Lev};
use crate::levels::{ActiveLevel, LevelSystems};
use crate::settings::Settings;
use crate::states::{Screen, VIEW, ViewCamera};
use crate::world::Parallax;

/// How far ahead of Lev the camera looks when he walks, in virtual pixels.
const LOOK_AHEAD: f32 = 36.0;
/// How quickly the look-ahead catches up (per second).
const LOOK_AHEAD_RATE: f32 = 2.5;
/// How far above Lev's feet the view centres.
const EYE_HEIGHT: f32 = 40.0;

/// The camera's smoothed look-ahead, in virtual pixels.
#[derive(Resource, Debug, Default)]
struct LookAhead(f32);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LookAhead>()
        .add_systems(OnEnter(Screen::Title), reset_view)
        .add_systems(OnEnter(Screen::Ending), reset_view)
        .add_systems(
            Update,
            follow_lev
                .after(super::draw_between_steps)
                .after(LevelSystems)
                .in_set(ExploreSystems),
        );
}

/// `value` kept so that a view `view` wide stays inside `low..low + size`
/// (centred when the level is smaller than the view).
fn clamp_to(value: f32, low: f32, size: f32, view: f32) -> f32 {
    if size <= view {
        low + size / 2.0
    } else {
        value.clamp(low + view / 2.0, low + size - view / 2.0)
    }
}

fn follow_lev(
    level: ActiveLevel,
    time: Res<Time>,
    settings: Res<Settings>,
    mut look_ahead: ResMut<LookAhead>,
    lev: Query<(&Transform, &Body), (With<Lev>, Without<ViewCamera>, Without<Parallax>)>,
    mut camera: Query<(&mut Transform, &mut Projection), (With<ViewCamera>, Without<Parallax>)>,
    mut layers: Query<(&mut Transform, &Parallax), Without<ViewCamera>>,
) {
    let (Some(level), Ok((lev, body)), Ok((mut camera, mut projection))) =
        (level.get(), lev.single(), camera.single_mut())
    else {
        return;
    };
    // The level's pixel scale zooms the view: 2 shows half as much, twice as large.
    let zoom = level.pixel_scale.clamp(1, 4) as f32;
    if let Projection::Orthographic(ortho) = &mut *projection
        && ortho.scale != 1.0 / zoom
    {
        ortho.scale = 1.0 / zoom;
    }
    let view = VIEW / zoom;
    // With motion reduced the view stays on Lev instead of gliding ahead.
    let walking = body.0.velocity.x != 0.0 && !settings.reduce_motion;
    let target = body.0.velocity.x.signum() * LOOK_AHEAD * f32::from(u8::from(walking));
    let blend = if settings.reduce_motion {
        1.0
    } else {
        1.0 - (-LOOK_AHEAD_RATE * time.delta_secs()).exp()
    };
    look_ahead.0 += (target - look_ahead.0) * blend;
    let b = level.bounds;
    let x = clamp_to(lev.translation.x + look_ahead.0 / zoom, b.x, b.w, view.x).round();
    let y = clamp_to(lev.translation.y + EYE_HEIGHT / zoom, b.y, b.h, view.y).round();
    camera.translation.x = x;
    camera.translation.y = y;
    let centre = Vec2::from(b.centre());
    for (mut transform, Parallax(parallax)) in &mut layers {
        let offset = (Vec2::new(x, y) - centre) * (1.0 - parallax);
        transform.translation = offset.round().extend(0.0);
    }
}

fn reset_view(
    mut camera: Query<(&mut Transform, &mut Projection), With<ViewCamera>>,
    mut look_ahead: ResMut<LookAhead>,
) {
    look_ahead.0 = 0.0;
    for (mut transform, mut projection) in &mut camera {
        transform.translation = Vec3::ZERO;
        if let Projection::Orthographic(ortho) = &mut *projection {
            ortho.scale = 1.0;
        }
    }
}
