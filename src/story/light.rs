//! The light of Lev's level now, from the story state: each lamp where its
//! motion puts it, dimmed by its flicker at the seconds of play, shining
//! only while its condition holds, over the night's light by the clock.
//! The drawn lights and the darkness, the camera's meter and the judge all
//! read it here, so what the player sees is what the film records.

use super::state::StoryState;
use crate::content::light::{Lamp, LightField, ambient, flicker_dim};
use crate::content::schema::{Level, Story};

/// The shortest flicker period with flashes limited: no more than three
/// flashes a second.
const LIMITED_FLICKER_SECONDS: f32 = 0.34;
/// The shortest flicker period the data may ask for otherwise.
const MIN_FLICKER_SECONDS: f32 = 0.1;

/// The shortest flicker period: with `limited` flashes, three a second.
pub fn shortest_flicker(limited: bool) -> f32 {
    if limited {
        LIMITED_FLICKER_SECONDS
    } else {
        MIN_FLICKER_SECONDS
    }
}

impl StoryState {
    /// Minutes left until the dawn of `story`.
    pub fn to_dawn(&self, story: &Story) -> f32 {
        (f64::from(story.clock.dawn.minutes_into_night()) - self.minutes) as f32
    }

    /// Light `index` of `level` as it shines now (none while its condition
    /// does not hold), its flicker no faster than `shortest` allows.
    pub fn lamp(&self, level: &Level, index: usize, shortest: f32) -> Option<Lamp> {
        let light = level.lights.get(index)?;
        if let Some(when) = &light.when
            && !super::logic::holds(when, self, &level.id)
        {
            return None;
        }
        let dim = light.flicker.map_or(0.0, |flicker| {
            flicker_dim(flicker, self.played as f32, index as u32, shortest)
        });
        Some(Lamp {
            at: self
                .placement(level, light.moves.as_deref())
                .centre(light.at),
            radius: light.radius,
            brightness: light.intensity * (1.0 - dim),
        })
    }

    /// The light over `level` now.
    pub fn light_field(&self, story: &Story, level: &Level, shortest: f32) -> LightField {
        LightField {
            ambient: ambient(self.to_dawn(story)),
            lamps: (0..level.lights.len())
                .filter_map(|index| self.lamp(level, index, shortest))
                .collect(),
        }
    }
}
