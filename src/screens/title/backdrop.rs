//! The night scene behind the title: the generated backdrop (the clock
//! tower at midnight over the city, a lamp, the wet street) with rain
//! falling over it. Where the art is missing, the same night drawn from
//! coloured rectangles in virtual pixels: sky, stars, the skyline with its
//! lit windows and the tower. A fixed seed keeps the city the same.

use bevy::prelude::*;

use crate::art::sheets::SpriteSheets;
use crate::art::skyline::{SkylineShape, WINDOW as WINDOW_SIZE, skyline};
use crate::random::Random;
use crate::states::{Screen, VIEW, VIRTUAL_HEIGHT};
use crate::world::rain;

const WIDTH: f32 = VIEW.x;
const HALF_W: f32 = WIDTH / 2.0;
const HALF_H: f32 = VIRTUAL_HEIGHT / 2.0;
const GROUND: f32 = -HALF_H + 14.0;
const RAIN_DROPS: u32 = 70;
/// Pixels the rain drifts left for each pixel it falls.
const RAIN_WIND: f32 = -0.14;

const SKY_TOP: Color = Color::srgb(0.01, 0.015, 0.04);
const SKY_GLOW: Color = Color::srgb(0.16, 0.09, 0.07);
const FAR: Color = Color::srgb(0.07, 0.08, 0.13);
const NEAR: Color = Color::srgb(0.025, 0.03, 0.05);
const WINDOW: Color = Color::srgb(0.95, 0.62, 0.25);
const CLOCK_FACE: Color = Color::srgb(0.93, 0.86, 0.62);
const STAR: Color = Color::srgb(0.85, 0.88, 1.0);

/// A piece of the scene behind the title.
#[derive(Component)]
pub(super) struct TitleScene;

/// A flat rectangle of `size` with its bottom-left corner at `corner`, at depth `z`.
fn rect(color: Color, corner: Vec2, size: Vec2, z: f32) -> impl Bundle {
    (
        TitleScene,
        Sprite::from_color(color, size),
        Transform::from_translation((corner + size / 2.0).extend(z)),
        DespawnOnExit(Screen::Title),
    )
}

pub(super) fn spawn(mut commands: Commands, sheets: Option<Res<SpriteSheets>>) {
    let mut seed = Random::new(1957);
    if let Some((image, size)) = sheets.and_then(|s| s.image("title_backdrop")) {
        commands.spawn((
            TitleScene,
            Sprite {
                image,
                custom_size: Some(size),
                ..default()
            },
            DespawnOnExit(Screen::Title),
        ));
        spawn_rain(&mut commands);
        return;
    }
    // Sky: bands from black-blue overhead to the sodium haze over the city.
    let bands = 12;
    for i in 0..bands {
        let t = i as f32 / (bands - 1) as f32;
        let height = VIRTUAL_HEIGHT / bands as f32;
        let color = SKY_GLOW.mix(&SKY_TOP, t.powf(0.6));
        commands.spawn(rect(
            color,
            Vec2::new(-HALF_W, -HALF_H + i as f32 * height),
            Vec2::new(WIDTH, height + 0.5),
            0.0,
        ));
    }
    for _ in 0..40 {
        let at = Vec2::new(seed.range(-HALF_W, HALF_W), seed.range(10.0, HALF_H));
        let star = STAR.with_alpha(seed.range(0.3, 0.9));
        commands.spawn(rect(star, at, Vec2::ONE, 1.0));
    }
    // Far skyline, then the near blocks with lit windows around the tower.
    let far = SkylineShape {
        from: -HALF_W,
        to: HALF_W,
        ground: GROUND,
        widths: 10.0..26.0,
        heights: 40.0..85.0,
        gaps: 0.0..3.0,
        lit: 0.0,
    };
    for building in skyline(&far, &mut seed) {
        commands.spawn(rect(FAR, building.corner, building.size, 2.0));
    }
    spawn_clock_tower(&mut commands, Vec2::new(70.0, GROUND));
    let near = SkylineShape {
        widths: 22.0..44.0,
        heights: 20.0..58.0,
        gaps: 1.0..6.0,
        lit: 0.22,
        ..far
    };
    for building in skyline(&near, &mut seed) {
        if (50.0..100.0).contains(&(building.corner.x + building.size.x / 2.0)) {
            continue;
        }
        commands.spawn(rect(NEAR, building.corner, building.size, 5.0));
        for (at, brightness) in building.windows {
            commands.spawn(rect(WINDOW.with_alpha(brightness), at, WINDOW_SIZE, 6.0));
        }
    }
    commands.spawn(rect(
        NEAR,
        Vec2::new(-HALF_W, -HALF_H),
        Vec2::new(WIDTH, 14.0),
        5.0,
    ));
    spawn_rain(&mut commands);
}

/// Raindrops over the whole view, falling.
fn spawn_rain(commands: &mut Commands) {
    for drop in rain::drops(RAIN_DROPS, RAIN_WIND, Vec2::ZERO, 8.0, 1957) {
        commands.spawn((TitleScene, drop, DespawnOnExit(Screen::Title)));
    }
}

/// The old clock tower: shaft, belfry, spire and a lit face at midnight.
fn spawn_clock_tower(commands: &mut Commands, base: Vec2) {
    let shaft = Vec2::new(22.0, 110.0);
    commands.spawn(rect(NEAR, base - Vec2::X * shaft.x / 2.0, shaft, 4.0));
    let belfry = Vec2::new(28.0, 10.0);
    let top = base + Vec2::Y * shaft.y;
    commands.spawn(rect(NEAR, top - Vec2::X * belfry.x / 2.0, belfry, 4.0));
    for step in 0..6 {
        let width = 16.0 - step as f32 * 3.0;
        let corner = top + Vec2::new(-width / 2.0, belfry.y + step as f32 * 4.0);
        commands.spawn(rect(NEAR, corner, Vec2::new(width, 4.0), 4.0));
    }
    let face = Vec2::splat(14.0);
    let centre = top + Vec2::new(0.0, -14.0);
    commands.spawn(rect(CLOCK_FACE, centre - face / 2.0, face, 4.5));
    // Both hands together on twelve: midnight.
    commands.spawn(rect(
        NEAR,
        centre - Vec2::new(0.5, 0.0),
        Vec2::new(1.0, 6.0),
        4.6,
    ));
}
