//! Night light on screen: a blue-black darkness over the level that lifts
//! and warms towards dawn, the lamps' pools glowing through it, failing
//! lamps that flicker, and lights that shine only while their condition
//! holds. What it draws is the story's light field
//! ([`StoryState::light_field`]), the one the camera meters.

use bevy::prelude::*;

use super::ExploreSystems;
use crate::content::light::lift;
use crate::levels::ActiveLevel;
use crate::settings::Settings;
use crate::states::{Screen, VIEW, ViewCamera};
use crate::story::{NightTime, StoryState, shortest_flicker};
use crate::world::{LIGHT_Z, LevelLight};

/// Darkness over the level at night (opacity).
const NIGHT_DARKNESS: f32 = 0.5;
/// Darkness left at dawn.
const DAWN_DARKNESS: f32 = 0.05;

/// The darkness laid over the level, under the lights.
#[derive(Component)]
struct Darkness;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_darkness)
        .add_systems(Update, (darken, shine).in_set(ExploreSystems));
}

fn spawn_darkness(mut commands: Commands) {
    commands.spawn((
        Name::new("Darkness"),
        Darkness,
        Sprite::from_color(NIGHT_TINT.with_alpha(NIGHT_DARKNESS), VIEW + 8.0),
        Transform::from_xyz(0.0, 0.0, LIGHT_Z - 1.0),
        DespawnOnExit(Screen::Playing),
    ));
}

/// The colour the night lays over the level: blue-black at night,
/// warming to a rose grey at dawn.
const NIGHT_TINT: Color = Color::srgb(0.01, 0.02, 0.07);
/// The tint at dawn.
const DAWN_TINT: Color = Color::srgb(0.45, 0.25, 0.30);

/// How dark the night is with `to_dawn` minutes left: full night until an
/// hour before dawn.
fn darkness_at(to_dawn: f32) -> f32 {
    NIGHT_DARKNESS + (DAWN_DARKNESS - NIGHT_DARKNESS) * lift(to_dawn)
}

/// The night's colour over the level with `to_dawn` minutes left, with its
/// opacity.
fn ambient_at(to_dawn: f32) -> Color {
    NIGHT_TINT
        .mix(&DAWN_TINT, lift(to_dawn))
        .with_alpha(darkness_at(to_dawn))
}

fn darken(
    clock: NightTime,
    camera: Query<&Transform, (With<ViewCamera>, Without<Darkness>)>,
    mut darkness: Query<(&mut Transform, &mut Sprite), With<Darkness>>,
) {
    let (Ok(camera), Ok((mut transform, mut sprite))) = (camera.single(), darkness.single_mut())
    else {
        return;
    };
    transform.translation = camera.translation.truncate().extend(LIGHT_Z - 1.0);
    if let Some(to_dawn) = clock.to_dawn() {
        sprite.color = ambient_at(to_dawn);
    }
}

/// Each light shines as the light field has it now: its glow dimmed by
/// its flicker, hidden while its condition does not hold.
fn shine(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    settings: Res<Settings>,
    mut lights: Query<(&LevelLight, &mut Sprite, &mut Visibility)>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    let shortest = shortest_flicker(settings.limit_flashes);
    for (light, mut sprite, mut visibility) in &mut lights {
        let Some(data) = level.lights.get(light.index) else {
            continue;
        };
        let lamp = state.lamp(level, light.index, shortest);
        visibility.set_if_neq(match lamp {
            Some(_) => Visibility::Inherited,
            None => Visibility::Hidden,
        });
        if let Some(lamp) = lamp.filter(|_| data.flicker.is_some()) {
            let share = lamp.brightness / data.intensity.max(f32::EPSILON);
            sprite.color.set_alpha(light.alpha * share);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_night_is_dark_until_an_hour_before_dawn_then_lifts() {
        assert_eq!(darkness_at(390.0), NIGHT_DARKNESS);
        let half = (NIGHT_DARKNESS + DAWN_DARKNESS) / 2.0;
        assert!((darkness_at(30.0) - half).abs() < 1e-6);
        assert!((darkness_at(0.0) - DAWN_DARKNESS).abs() < 1e-6);
        let dawn = ambient_at(0.0).to_srgba();
        assert!(dawn.red > dawn.blue, "dawn is warm: {dawn:?}");
        let night = ambient_at(390.0).to_srgba();
        assert!(night.blue > night.red, "night is blue: {night:?}");
    }
}
