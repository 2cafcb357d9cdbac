//! A level's lights: a glow each, tinted with the light's colour, over
//! everything in the level and the night's darkness.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;

use super::motion::moving;
use super::paint::{Drawing, block, picture};
use super::parts::{LIGHT_Z, LevelLight};
use crate::content::light::falloff;
use crate::content::schema::Level;

/// The lights of `level`, with a falloff picture each where there is a
/// renderer.
pub(super) fn spawn_lights(commands: &mut Commands, level: &Level, drawing: Drawing) {
    // Lights of one size share one falloff picture.
    let mut glows: HashMap<u32, Handle<Image>> = HashMap::new();
    for (index, light) in level.lights.iter().enumerate() {
        let [r, g, b, _] = light.colour.0;
        let alpha = (0.25 * light.intensity).clamp(0.0, 0.8);
        let tint = Color::srgba_u8(r, g, b, 255).with_alpha(alpha);
        let size = Vec2::splat(light.radius * 2.0);
        let corner = Vec2::from(light.at) - size / 2.0;
        let mut entity = commands.spawn(block("Light", tint, corner, size, LIGHT_Z));
        entity.insert(LevelLight { index, alpha });
        if let Some(moving) = moving(&light.moves, Vec2::from(light.at), None) {
            entity.insert(moving);
        }
        if let Some(assets) = drawing.assets {
            let diameter = size.x.round().max(2.0) as u32;
            let size = Vec2::splat(diameter as f32);
            entity.insert(Sprite {
                image: glows
                    .entry(diameter)
                    .or_insert_with(|| assets.add(glow_picture(diameter)))
                    .clone(),
                color: tint,
                custom_size: Some(size),
                ..default()
            });
        }
    }
}

/// A light's round falloff, white to be tinted, `diameter` texels across:
/// the light field's own falloff ([`falloff`]), so the glow is where the
/// meter reads the light, drawn smooth at one texel a virtual pixel.
fn glow_picture(diameter: u32) -> Image {
    let half = diameter as f32 / 2.0;
    let mut texels = Vec::with_capacity((diameter * diameter * 4) as usize);
    for y in 0..diameter {
        for x in 0..diameter {
            let d = Vec2::new(x as f32 + 0.5 - half, y as f32 + 0.5 - half).length() / half;
            let alpha = falloff(d);
            texels.extend_from_slice(&[255, 255, 255, (alpha * 255.0) as u8]);
        }
    }
    picture(diameter, diameter, texels)
}
