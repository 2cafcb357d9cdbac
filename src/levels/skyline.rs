//! Generated skylines: building silhouettes with lit windows, the same for
//! the same seed. The title's city and the levels' `Skyline` layers are
//! both drawn from this one generator.

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
}
