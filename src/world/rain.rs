//! Rain: drops of one virtual pixel's width falling over the view, wrapping
//! around it wherever the view goes, each brighter and tinted with a lamp's
//! colour where it falls through the lamp's reach. The title's rain and a
//! level's `rain` are the same drops. A hundred drops of three pixels cost
//! a few hundred pixels a frame where a full-view rain texture would cost
//! the whole view.

use bevy::prelude::*;

use super::paint::colour;
use super::parts::{LIGHT_Z, LevelEntity, LevelLight};
use crate::content::schema;
use crate::levels::ActiveLevel;

use crate::random::Random;
use crate::states::{Screen, VIEW, ViewCamera};

/// Rain where no light falls on it: faint blue-grey.
const RAIN: Color = Color::srgba(0.62, 0.68, 0.85, 0.25);
/// The most a drop in full lamp light shows.
const LIT_ALPHA: f32 = 0.8;
/// Virtual pixels a second the rain falls, the slowest and fastest drops.
const FALL_SPEED: (f32, f32) = (200.0, 250.0);
/// Pixels beyond the view's edges where drops still fall, so that none
/// appears or vanishes inside it.
const MARGIN: Vec2 = Vec2::new(24.0, 12.0);
/// Steps of brightness a drop takes in lamp light, as the light's rings.
const LIT_STEPS: f32 = 4.0;
/// Over the level, its people, the night's darkness and the lamps' glow.
const RAIN_Z: f32 = LIGHT_Z + 1.0;

/// A falling raindrop: where it is, unrounded, and its velocity.
#[derive(Component, Debug)]
pub struct Raindrop {
    at: Vec2,
    velocity: Vec2,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (fall, light_rain).chain());
}

/// `count` drops over the view around `centre`, slanting `wind` pixels
/// sideways for each pixel fallen, at depth `z`; a fixed `seed` makes the
/// same rain each time.
pub fn drops(count: u32, wind: f32, centre: Vec2, z: f32, seed: u32) -> Vec<impl Bundle> {
    let mut random = Random::new(seed);
    let half = VIEW / 2.0 + MARGIN;
    (0..count)
        .map(|i| {
            let at =
                centre + Vec2::new(random.range(-half.x, half.x), random.range(-half.y, half.y));
            let speed = random.range(FALL_SPEED.0, FALL_SPEED.1);
            // Faster drops streak longer: 3 to 5 pixels.
            let length = 3.0 + (i % 3) as f32;
            (
                Name::new("Raindrop"),
                Raindrop {
                    at,
                    velocity: Vec2::new(wind, -1.0) * speed,
                },
                Sprite::from_color(RAIN, Vec2::new(1.0, length)),
                Transform::from_translation(at.round().extend(z)),
            )
        })
        .collect()
}

/// The level's rain, if it has any, as parts of the level.
pub(super) fn spawn_level_rain(commands: &mut Commands, level: &schema::Level) {
    let Some(rain) = level.rain else {
        return;
    };
    let centre = Vec2::from(level.bounds.centre());
    for drop in drops(rain.drops, rain.wind, centre, RAIN_Z, 1957) {
        commands.spawn((drop, LevelEntity, DespawnOnExit(Screen::Playing)));
    }
}

/// `at` moved back into the band of `2 * half` around `centre`, on the
/// other side from where it left.
fn wrap(at: Vec2, centre: Vec2, half: Vec2) -> Vec2 {
    let relative = at - centre + half;
    centre - half
        + Vec2::new(
            relative.x.rem_euclid(2.0 * half.x),
            relative.y.rem_euclid(2.0 * half.y),
        )
}

/// Moves every drop on, wrapping it around the view, drawn on whole
/// virtual pixels.
fn fall(
    time: Res<Time>,
    view: Query<&Transform, (With<ViewCamera>, Without<Raindrop>)>,
    mut drops: Query<(&mut Raindrop, &mut Transform)>,
) {
    let centre = view
        .single()
        .map_or(Vec2::ZERO, |t| t.translation.truncate());
    let half = VIEW / 2.0 + MARGIN;
    for (mut drop, mut transform) in &mut drops {
        let moved = drop.at + drop.velocity * time.delta_secs();
        drop.at = wrap(moved, centre, half);
        let z = transform.translation.z;
        transform.translation = drop.at.round().extend(z);
    }
}

/// How lit a drop at `at` is by a light at `light` reaching `radius` and
/// shining at `strength` (0 to 1): full at its centre, none at its reach,
/// in [`LIT_STEPS`] steps.
fn lit_by(at: Vec2, light: Vec2, radius: f32, strength: f32) -> f32 {
    let near = (1.0 - at.distance(light) / radius.max(1.0)).max(0.0);
    (near * strength.clamp(0.0, 1.0) * LIT_STEPS).ceil() / LIT_STEPS
}

/// Each drop's colour from the lights it falls through: the nearest
/// brightest light's colour, stronger the nearer its centre. A flickering
/// light dims its rain; a light that is off lights none.
fn light_rain(
    level: ActiveLevel,
    lights: Query<(&LevelLight, &Sprite, &Visibility, &Transform), Without<Raindrop>>,
    mut drops: Query<(&Raindrop, &mut Sprite)>,
) {
    let Some(level) = level.get().filter(|_| !drops.is_empty()) else {
        return;
    };
    let shining: Vec<(Vec2, f32, f32, Color)> = lights
        .iter()
        .filter(|(_, _, visibility, _)| **visibility != Visibility::Hidden)
        .filter_map(|(light, sprite, _, transform)| {
            let data = level.lights.get(light.index)?;
            let strength = sprite.color.alpha() / light.alpha.max(f32::EPSILON);
            let colour = colour(data.colour).with_alpha(1.0);
            // Where the light is now: a moving one lights the rain it passes.
            let at = transform.translation.truncate();
            Some((at, data.radius, strength, colour))
        })
        .collect();
    for (drop, mut sprite) in &mut drops {
        let (lit, colour) = shining
            .iter()
            .map(|&(at, radius, strength, colour)| (lit_by(drop.at, at, radius, strength), colour))
            .fold(
                (0.0, RAIN),
                |best, next| if next.0 > best.0 { next } else { best },
            );
        let tint = RAIN
            .mix(&colour.mix(&Color::WHITE, 0.4), lit)
            .with_alpha(RAIN.alpha() + (LIT_ALPHA - RAIN.alpha()) * lit);
        if sprite.color != tint {
            sprite.color = tint;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_leaving_the_view_comes_back_on_the_other_side() {
        let half = Vec2::new(10.0, 5.0);
        assert_eq!(
            wrap(Vec2::new(3.0, -6.0), Vec2::ZERO, half),
            Vec2::new(3.0, 4.0)
        );
        assert_eq!(
            wrap(Vec2::new(-11.0, 0.0), Vec2::ZERO, half),
            Vec2::new(9.0, 0.0)
        );
        // A view that jumped far away gathers its rain around it.
        let far = wrap(Vec2::ZERO, Vec2::new(500.0, 0.0), half);
        assert!((far.x - 500.0).abs() <= half.x, "{far}");
    }

    #[test]
    fn rain_is_lit_in_steps_near_a_lamp_and_not_beyond_its_reach() {
        let lamp = Vec2::new(100.0, 50.0);
        assert_eq!(lit_by(lamp, lamp, 40.0, 1.0), 1.0);
        assert_eq!(lit_by(lamp + Vec2::X * 41.0, lamp, 40.0, 1.0), 0.0);
        let halfway = lit_by(lamp + Vec2::X * 20.0, lamp, 40.0, 1.0);
        assert_eq!(halfway, 0.5);
        assert!(
            lit_by(lamp, lamp, 40.0, 0.3) < 1.0,
            "a dimmed lamp lights less"
        );
    }
}
