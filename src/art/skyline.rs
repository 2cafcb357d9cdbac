//! Generated skylines: building silhouettes with lit windows, the same for
//! the same seed. The title's city and the levels' `Skyline` layers are
//! both drawn from this one generator, at run time, from numbers a modder
//! sets in a level's layer (seed, heights, density).
//!
//! `scenery.rs` paints the other kind: the fixed `skyline_night` and
//! `skyline_dawn` strips, baked into PNG sheets by `generate-art` with
//! hand-placed landmarks (the tower, the sun) that a seed cannot make.
//! One is data a mod tunes, the other art a mod names; both stay.

use std::ops::Range;

use bevy::math::Vec2;

use crate::random::Random;

/// The size of a lit window, in virtual pixels.
pub const WINDOW: Vec2 = Vec2::new(2.0, 3.0);

/// How a skyline is generated.
#[derive(Clone, Debug)]
pub struct SkylineShape {
    /// Where the buildings stand, left to right, and the ground they stand on.
    pub from: f32,
    /// Where they stop.
    pub to: f32,
    /// The ground line.
    pub ground: f32,
    /// Building widths.
    pub widths: Range<f32>,
    /// Building heights.
    pub heights: Range<f32>,
    /// Gaps between buildings.
    pub gaps: Range<f32>,
    /// Share of windows lit, 0 to 1.
    pub lit: f32,
}

/// One building and its lit windows (bottom-left corners, with a
/// brightness from 0.5 to 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Building {
    /// Bottom-left corner.
    pub corner: Vec2,
    /// Width and height.
    pub size: Vec2,
    /// Lit windows: bottom-left corner and brightness.
    pub windows: Vec<(Vec2, f32)>,
}

/// The buildings of `shape`, drawn with `random`.
pub fn skyline(shape: &SkylineShape, random: &mut Random) -> Vec<Building> {
    let mut buildings = Vec::new();
    let mut x = shape.from;
    while x < shape.to {
        let width = random.range(shape.widths.start, shape.widths.end);
        let height = random.range(shape.heights.start, shape.heights.end);
        let corner = Vec2::new(x, shape.ground);
        let mut windows = Vec::new();
        let mut wy = corner.y + 6.0;
        while wy < corner.y + height - 4.0 {
            let mut wx = x + 3.0;
            while wx < x + width - 3.0 {
                if random.unit() < shape.lit {
                    windows.push((Vec2::new(wx, wy), random.range(0.5, 1.0)));
                }
                wx += 5.0;
            }
            wy += 7.0;
        }
        buildings.push(Building {
            corner,
            size: Vec2::new(width, height),
            windows,
        });
        x += width + random.range(shape.gaps.start, shape.gaps.end);
    }
    buildings
}

/// `buildings` drawn into one picture: RGBA rows top first, the picture
/// `width` wide from `from` and as tall as the tallest building above
/// `ground`, buildings in `body`, lit windows in `window` (dimmed by their
/// brightness), clear elsewhere. One picture draws as one sprite, where a
/// sprite each would cost the renderer hundreds.
pub fn picture(
    buildings: &[Building],
    from: f32,
    ground: f32,
    [body, window]: [[u8; 4]; 2],
) -> (Vec<u8>, u32, u32) {
    let right = buildings
        .iter()
        .map(|b| b.corner.x + b.size.x)
        .fold(from, f32::max);
    let top = buildings
        .iter()
        .map(|b| b.corner.y + b.size.y)
        .fold(ground, f32::max);
    let (width, height) = (
        (right - from).ceil().max(1.0) as u32,
        (top - ground).ceil().max(1.0) as u32,
    );
    let mut pixels = vec![0u8; (width * height * 4) as usize];
    let mut fill = |corner: Vec2, size: Vec2, colour: [u8; 4]| {
        let x0 = (corner.x - from).round().max(0.0) as u32;
        let x1 = ((corner.x + size.x - from).round().max(0.0) as u32).min(width);
        let y0 = (top - corner.y - size.y).round().max(0.0) as u32;
        let y1 = ((top - corner.y).round().max(0.0) as u32).min(height);
        for y in y0..y1 {
            for x in x0..x1 {
                let i = ((y * width + x) * 4) as usize;
                pixels[i..i + 4].copy_from_slice(&colour);
            }
        }
    };
    for building in buildings {
        fill(building.corner, building.size, body);
        for (at, brightness) in &building.windows {
            let lit = window.map(|c| (f32::from(c) * brightness) as u8);
            fill(*at, WINDOW, [lit[0], lit[1], lit[2], window[3]]);
        }
    }
    (pixels, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(lit: f32) -> SkylineShape {
        SkylineShape {
            from: 0.0,
            to: 320.0,
            ground: 16.0,
            widths: 12.0..32.0,
            heights: 20.0..80.0,
            gaps: 0.0..3.0,
            lit,
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_city_covering_the_span() {
        let a = skyline(&shape(0.2), &mut Random::new(7));
        assert_eq!(a, skyline(&shape(0.2), &mut Random::new(7)));
        assert_ne!(a, skyline(&shape(0.2), &mut Random::new(8)));
        let last = a.last().unwrap();
        assert!(last.corner.x + last.size.x >= 320.0 - 3.0);
        for building in &a {
            assert!((12.0..32.0).contains(&building.size.x));
            for (at, _) in &building.windows {
                assert!(at.y + WINDOW.y <= building.corner.y + building.size.y);
            }
        }
        let dark = skyline(&shape(0.0), &mut Random::new(7));
        assert!(dark.iter().all(|b| b.windows.is_empty()));
    }

    #[test]
    fn a_skyline_picture_shows_its_buildings_and_windows_over_clear_sky() {
        let city = skyline(&shape(1.0), &mut Random::new(3));
        let (body, window) = ([10, 20, 30, 255], [250, 160, 60, 255]);
        let (pixels, width, height) = picture(&city, 0.0, 16.0, [body, window]);
        let tallest = city.iter().map(|b| b.size.y).fold(0.0, f32::max);
        assert_eq!(height, tallest.ceil() as u32);
        assert!(width as f32 >= 320.0 - 3.0);
        let at = |x: u32, y: u32| {
            let i = ((y * width + x) * 4) as usize;
            [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]]
        };
        // The bottom row is all building but for gaps; the top-left corner
        // above a lower building is sky.
        let first = &city[0];
        assert_eq!(at(1, height - 1), body);
        if first.size.y < tallest - 1.0 {
            assert_eq!(at(1, 0), [0, 0, 0, 0]);
        }
        let (lit, _) = first.windows[0];
        let (x, y) = ((lit.x + 0.5) as u32, (tallest + 16.0 - lit.y - 1.0) as u32);
        assert_eq!(at(x, y)[3], 255);
        assert!(
            at(x, y)[0] > body[0],
            "a lit window is brighter than the wall"
        );
    }
}
