//! The camera as Lev holds it: raised or not, where the frame is aimed
//! from his eye, the focal length and the dials' settings, and the frame
//! each makes in a level. The viewfinder's overlay and input are
//! `overlay`'s; the dials' turning and readout are `dials`'.

use bevy::prelude::*;

use crate::content::schema::{Area, Level};
use crate::states::VIEW;

/// The focal lengths the zoom steps through, in millimetres.
pub const FOCAL_LENGTHS: [u32; 5] = [24, 35, 50, 70, 85];
/// The focal length the camera comes up at.
const START_FOCAL: usize = 1;
/// How high above his feet Lev's eye is.
pub const EYE: f32 = 18.0;
/// How far the frame's centre may stray from his eye, at pixel scale 1.
pub const REACH: Vec2 = Vec2::new(110.0, 60.0);

/// The camera as Lev holds it.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Viewfinder {
    /// Whether it is raised to his eye.
    pub raised: bool,
    /// The frame's centre, from his eye.
    pub offset: Vec2,
    /// Index into [`FOCAL_LENGTHS`].
    pub focal: usize,
    /// The dial the dial buttons turn.
    pub dial: Dial,
    /// The shutter's time value, by hand (the automatic mode's choice while
    /// it sets it, so that going to manual starts there).
    pub tv: i32,
    /// The aperture's value, likewise.
    pub av: i32,
    /// The focus ring's stop in [`FOCUS_DISTANCES`] (none: automatic).
    ///
    /// [`FOCUS_DISTANCES`]: super::exposure::FOCUS_DISTANCES
    pub focus: Option<usize>,
}

impl Default for Viewfinder {
    fn default() -> Self {
        Self {
            raised: false,
            offset: Vec2::new(40.0, 0.0),
            focal: START_FOCAL,
            dial: Dial::Zoom,
            tv: 6,
            av: 3,
            focus: None,
        }
    }
}

impl Viewfinder {
    /// The focal length, in millimetres.
    pub fn focal_length(&self) -> u32 {
        FOCAL_LENGTHS[self.focal.min(FOCAL_LENGTHS.len() - 1)]
    }

    /// The frame's size in `level` (3:2; longer lenses see less, and so
    /// does a level zoomed by its pixel scale).
    pub fn frame_size(&self, level: &Level) -> Vec2 {
        let scale = level.pixel_scale.clamp(1, 4) as f32;
        let width = VIEW.x * 0.675 * 24.0 / self.focal_length() as f32 / scale;
        Vec2::new(width, width * 2.0 / 3.0)
    }

    /// How far the frame may stray from the eye in `level`.
    pub fn reach(level: &Level) -> Vec2 {
        REACH / level.pixel_scale.clamp(1, 4) as f32
    }

    /// Moves the frame to `offset` from the eye, kept within reach.
    pub fn aim_at(&mut self, offset: Vec2, level: &Level) {
        let reach = Self::reach(level);
        self.offset = offset.clamp(-reach, reach);
    }

    /// The frame in `level` with Lev's feet at `feet`, kept inside the level.
    pub fn frame(&self, feet: Vec2, level: &Level) -> Area {
        let size = self.frame_size(level);
        let b = level.bounds;
        let centre = feet + Vec2::new(0.0, EYE) + self.offset;
        let low = Vec2::new(b.x, b.y) + size / 2.0;
        let high = Vec2::new(b.x + b.w, b.y + b.h) - size / 2.0;
        let centre = centre.clamp(low.min(high), high.max(low));
        Area {
            x: centre.x - size.x / 2.0,
            y: centre.y - size.y / 2.0,
            w: size.x,
            h: size.y,
        }
    }
}

/// Which of the camera's settings the dial buttons turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dial {
    /// The focal length.
    #[default]
    Zoom,
    /// The shutter speed (by hand only).
    Shutter,
    /// The aperture (by hand only).
    Aperture,
    /// The focus ring: automatic, or held at a distance.
    Focus,
}

impl Dial {
    /// The dial after this one; the automatic mode passes the shutter and
    /// the aperture by.
    pub fn next(self, manual: bool) -> Dial {
        match (self, manual) {
            (Dial::Zoom, true) => Dial::Shutter,
            (Dial::Shutter, _) => Dial::Aperture,
            (Dial::Zoom, false) | (Dial::Aperture, _) => Dial::Focus,
            (Dial::Focus, _) => Dial::Zoom,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level() -> Level {
        crate::data::parse_ron(
            std::path::Path::new("l"),
            r#"(id: "l", name: "L", bounds: (x: 0, y: 0, w: 640, h: 270), spawns: [(id: "s", at: (40, 16))])"#,
        )
        .unwrap()
    }

    #[test]
    fn the_frame_is_three_by_two_and_longer_lenses_see_less() {
        let level = level();
        let mut viewfinder = Viewfinder::default();
        let wide = viewfinder.frame_size(&level);
        assert!((wide.x / wide.y - 1.5).abs() < 1e-4);
        viewfinder.focal = FOCAL_LENGTHS.len() - 1;
        let long = viewfinder.frame_size(&level);
        assert!(long.x < wide.x / 2.0, "{long} against {wide}");
    }

    #[test]
    fn the_frame_stays_within_reach_and_inside_the_level() {
        let level = level();
        let mut viewfinder = Viewfinder::default();
        viewfinder.aim_at(Vec2::new(500.0, -300.0), &level);
        assert_eq!(viewfinder.offset, Vec2::new(REACH.x, -REACH.y));
        let frame = viewfinder.frame(Vec2::new(40.0, 16.0), &level);
        assert!(frame.x >= 0.0 && frame.y >= 0.0, "{frame:?}");
        assert!(frame.x + frame.w <= 640.0 && frame.y + frame.h <= 270.0);
    }
}
