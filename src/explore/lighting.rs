//! Night light: a blue-black darkness over the level that lifts and warms
//! towards dawn, the lamps' pools glowing through it, and failing lamps
//! that flicker, and lights that shine only while their condition holds.

use bevy::prelude::*;

use super::ExploreSystems;
use crate::levels::ActiveLevel;
use crate::settings::Settings;
use crate::states::{Screen, VIEW, ViewCamera};
use crate::story::{NightTime, StoryState, logic};
use crate::world::{LIGHT_Z, LevelLight};

/// Darkness over the level at night (opacity).
const NIGHT_DARKNESS: f32 = 0.5;
/// Darkness left at dawn.
const DAWN_DARKNESS: f32 = 0.05;
/// Minutes before dawn that the darkness starts to lift.
const TWILIGHT_MINUTES: f32 = 60.0;
/// Share of each flicker period the light dips for.
const DIP: f32 = 0.12;
/// The shortest flicker period with flashes limited: no more than three
/// flashes a second.
const LIMITED_FLICKER_SECONDS: f32 = 0.34;
/// The shortest flicker period the data may ask for otherwise.
const MIN_FLICKER_SECONDS: f32 = 0.1;

/// The darkness laid over the level, under the lights.
#[derive(Component)]
struct Darkness;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_darkness)
        .add_systems(Update, (darken, flicker, shine).in_set(ExploreSystems));
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

/// How far the night has lifted with `to_dawn` minutes left: 0 until an
/// hour before dawn, 1 at dawn.
fn lift_at(to_dawn: f32) -> f32 {
    1.0 - (to_dawn.max(0.0) / TWILIGHT_MINUTES).min(1.0)
}

/// How dark the night is with `to_dawn` minutes left: full night until an
/// hour before dawn.
fn darkness_at(to_dawn: f32) -> f32 {
    NIGHT_DARKNESS + (DAWN_DARKNESS - NIGHT_DARKNESS) * lift_at(to_dawn)
}

/// The night's colour over the level with `to_dawn` minutes left, with its
/// opacity.
fn ambient_at(to_dawn: f32) -> Color {
    NIGHT_TINT
        .mix(&DAWN_TINT, lift_at(to_dawn))
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

/// A number in 0..1 that is the same for the same `n`.
fn hash(n: u32) -> f32 {
    let mut x = n.wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
    x ^= x >> 15;
    x = x.wrapping_mul(0xC2B2_AE35);
    x ^= x >> 13;
    (x & 0xFFFF) as f32 / 65535.0
}

/// The shortest flicker period: with `limited` flashes, three a second.
fn shortest_flicker(limited: bool) -> f32 {
    if limited {
        LIMITED_FLICKER_SECONDS
    } else {
        MIN_FLICKER_SECONDS
    }
}

/// How much a light with this flicker is dimmed at `seconds` (0 to `depth`),
/// its period no shorter than `shortest`.
fn flicker_dim(every: f32, depth: f32, seconds: f32, seed: u32, shortest: f32) -> f32 {
    let phase = seconds / every.max(shortest);
    let period = phase.floor() as u32;
    if phase.fract() < DIP {
        depth * (0.5 + 0.5 * hash(period ^ seed))
    } else {
        0.0
    }
}

fn flicker(
    level: ActiveLevel,
    time: Res<Time>,
    settings: Res<Settings>,
    mut lights: Query<(&LevelLight, &mut Sprite)>,
) {
    let Some(level) = level.get() else {
        return;
    };
    let shortest = shortest_flicker(settings.limit_flashes);
    for (light, mut sprite) in &mut lights {
        let Some(flicker) = level.lights.get(light.index).and_then(|l| l.flicker) else {
            continue;
        };
        let dim = flicker_dim(
            flicker.every,
            flicker.depth,
            time.elapsed_secs(),
            light.index as u32,
            shortest,
        );
        sprite.color.set_alpha(light.alpha * (1.0 - dim));
    }
}

/// A light with a condition shines only while it holds.
fn shine(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    mut lights: Query<(&LevelLight, &mut Visibility)>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    for (light, mut visibility) in &mut lights {
        let Some(when) = level.lights.get(light.index).and_then(|l| l.when.as_ref()) else {
            continue;
        };
        visibility.set_if_neq(if logic::holds(when, &state, &level.id) {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
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

    #[test]
    fn a_flicker_dips_briefly_once_a_period_and_never_faster_than_three_a_second() {
        let dips_at = |every: f32, limited: bool| {
            let samples: Vec<bool> = (0..6000)
                .map(|i| {
                    let shortest = shortest_flicker(limited);
                    flicker_dim(every, 0.8, i as f32 / 1000.0, 3, shortest) > 0.0
                })
                .collect();
            samples.windows(2).filter(|w| !w[0] && w[1]).count()
        };
        let dips = |every: f32| dips_at(every, true);
        assert!(
            dips_at(0.05, false) > 18,
            "flashes unlimited: the data's faster flicker"
        );
        assert_eq!(
            dips(2.0),
            2,
            "one dip every 2 s over 6 s (the first starts at 0)"
        );
        assert!(dips(0.05) <= 18, "capped at three a second: {}", dips(0.05));
        for i in 0..1000 {
            let dim = flicker_dim(1.0, 0.8, i as f32 / 100.0, 7, shortest_flicker(true));
            assert!((0.0..=0.8).contains(&dim));
        }
    }
}
