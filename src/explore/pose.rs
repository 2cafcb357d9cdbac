//! Lev's figure drawn from his generated sheet: idle, walking, the careful
//! step, climbing, and the camera raised, chosen from how he moves.
//! Headless there are no sheets, and he stays a placeholder.

use bevy::prelude::*;

use super::motion::{self, CAREFUL_SPEED, Footing};
use super::{Body, Lev};
use crate::art::sheets::{Animated, SpriteSheets};
use crate::input::{ActionState, InputContext};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        pose_lev.before(crate::art::sheets::AnimationSystems),
    );
}

/// The animation of Lev's sheet that fits `body` (and the camera raised).
pub fn pose(body: &motion::Body, camera_raised: bool) -> &'static str {
    let moving = body.velocity.length() > 1.0;
    match body.footing {
        _ if camera_raised => "camera_raised",
        Footing::Ladder(_) => "climb",
        _ if !moving => "idle",
        _ if body.velocity.x.abs() <= CAREFUL_SPEED + 1.0 => "careful",
        _ => "walk",
    }
}

/// Dresses Lev in his sheet once it is there, and keeps his animation
/// matched to how he moves; on a ladder he holds still when he does.
fn pose_lev(
    sheets: Option<Res<SpriteSheets>>,
    actions: Res<ActionState>,
    mut lev: Query<(Entity, &Body, &mut Sprite, Option<&mut Animated>), With<Lev>>,
    mut commands: Commands,
) {
    let (Some(sheets), Ok((entity, body, mut sprite, animated))) = (sheets, lev.single_mut())
    else {
        return;
    };
    let wanted = pose(&body.0, actions.context() == InputContext::Viewfinder);
    match animated {
        Some(mut animated) if animated.name == wanted => {
            let still = matches!(body.0.footing, Footing::Ladder(_)) && body.0.velocity.y == 0.0;
            animated.paused = still;
        }
        Some(mut animated) => {
            if let Some(next) = sheets.animation("lev", wanted) {
                *animated = next;
            }
        }
        None => {
            // The sheet's frame, drawn at the size his placeholder has.
            let Some(size) = sprite.custom_size else {
                return;
            };
            if let Some((dressed, animated)) = sheets.sprite("lev", wanted, size) {
                *sprite = Sprite {
                    flip_x: sprite.flip_x,
                    ..dressed
                };
                commands.entity(entity).insert(animated);
            }
        }
    }
}
