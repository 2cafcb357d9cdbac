//! 16x16 tiles for each chapter, the same seven kinds in every set so
//! levels can swap sets: floor_top, floor_fill, wall, wet_street, planks,
//! grating, window_rain. Tiles wrap seamlessly on both axes.

use super::Sheet;
use super::canvas::{Canvas, dither, roll};
use super::palette::*;

const S: i32 = 16;

/// The ramp a tile set is drawn in: dark, mid, light, plus the light
/// that falls on it (sodium at night, gold at dawn) and a brick colour.
struct Theme {
    name: &'static str,
    dark: Rgba,
    mid: Rgba,
    light: Rgba,
    glow: Rgba,
    brick: Rgba,
    brick_dk: Rgba,
    seed: u32,
}

const THEMES: [Theme; 4] = [
    Theme {
        name: "tiles_warehouse",
        dark: SHADOW,
        mid: SLATE,
        light: STEEL,
        glow: SODIUM_MID,
        brick: RUST_DK,
        brick_dk: NIGHT,
        seed: 1,
    },
    Theme {
        name: "tiles_streets",
        dark: NIGHT,
        mid: SHADOW,
        light: SLATE,
        glow: SODIUM,
        brick: CONC_DK,
        brick_dk: SHADOW,
        seed: 2,
    },
    Theme {
        name: "tiles_tower",
        dark: NIGHT,
        mid: SHADOW,
        light: STEEL,
        glow: SODIUM_MID,
        brick: CONC_DK,
        brick_dk: SHADOW,
        seed: 3,
    },
    Theme {
        name: "tiles_roof",
        dark: CONC_DK,
        mid: CONC,
        light: CONC_HI,
        glow: DAWN_GOLD,
        brick: RUST,
        brick_dk: CONC_DK,
        seed: 4,
    },
];

/// Speckle: a few pixels of `colour` where the seeded hash says.
fn speckle(c: &mut Canvas, colour: Rgba, seed: u32, one_in: u32) {
    for y in 0..S {
        for x in 0..S {
            if roll(x, y, seed, one_in) == 0 {
                c.put(x, y, colour);
            }
        }
    }
}

fn floor_fill(t: &Theme) -> Canvas {
    let mut c = Canvas::filled(16, 16, t.dark);
    speckle(&mut c, t.mid, t.seed * 10 + 1, 9);
    let pit = if t.glow == DAWN_GOLD { SLATE } else { INK };
    speckle(&mut c, pit, t.seed * 10 + 2, 23);
    c
}

fn floor_top(t: &Theme) -> Canvas {
    let mut c = floor_fill(t);
    c.rect(0, 0, S, 4, t.mid);
    c.hline(0, S - 1, 0, t.glow);
    c.hline(0, S - 1, 1, t.light);
    c.dither_rect(0, 4, S, 2, t.mid, 6);
    for x in [3, 11] {
        c.put(x, 2, t.dark);
    }
    c
}

fn wall(t: &Theme) -> Canvas {
    let mut c = Canvas::filled(16, 16, t.brick_dk);
    for row in 0..4 {
        let y = row * 4;
        let shift = if row % 2 == 0 { 0 } else { 4 };
        for b in 0..2 {
            let x = (b * 8 + shift) % S;
            for dx in 0..7 {
                let xx = (x + dx) % S;
                c.vline(xx, y, y + 2, t.brick);
                if roll(xx, y, t.seed + 40, 5) == 0 {
                    c.put(xx, y + 1, t.brick_dk);
                }
            }
            c.put(x % S, y, t.mid);
        }
    }
    c
}

fn wet_street(t: &Theme) -> Canvas {
    let mut c = Canvas::filled(16, 16, t.dark);
    c.dither_rect(0, 0, S, S, t.mid, 3);
    // Streaked reflections of lamp light, stretched vertically.
    for (x, y0, len) in [(3, 2, 6), (4, 4, 3), (11, 9, 5), (12, 10, 2)] {
        for k in 0..len {
            let col = if k % 3 == 0 { t.glow } else { SODIUM_DEEP };
            c.put(x, y0 + k, col);
        }
    }
    c.put(8, 5, MIST);
    c.put(7, 13, GLASS);
    c.put(14, 3, GLASS);
    c
}

fn planks(t: &Theme) -> Canvas {
    let mut c = Canvas::filled(16, 16, WOOD);
    for row in 0..4 {
        let y = row * 4;
        c.hline(0, S - 1, y, WOOD_DK);
        c.hline(0, S - 1, y + 1, WOOD_HI);
        let seam = (row * 5 + 3) % S;
        c.vline(seam, y, y + 3, WOOD_DK);
        for x in 0..S {
            if roll(x, y + 2, t.seed + 50, 6) == 0 {
                c.put(x, y + 2, WOOD_DK);
            }
        }
    }
    if t.glow == DAWN_GOLD {
        c.hline(0, S - 1, 1, DAWN_GOLD);
    }
    c
}

fn grating(t: &Theme) -> Canvas {
    let mut c = Canvas::new(16, 16);
    c.hline(0, S - 1, 0, t.light);
    c.hline(0, S - 1, 1, t.mid);
    c.hline(0, S - 1, 15, t.dark);
    for y in 2..15 {
        for x in 0..S {
            if x % 4 == 0 || y % 4 == 1 {
                c.put(x, y, if y % 4 == 1 { t.mid } else { t.dark });
            }
        }
    }
    c.put(0, 0, t.glow);
    c.put(8, 0, t.glow);
    c
}

fn window_rain(t: &Theme) -> Canvas {
    let mut c = Canvas::filled(16, 16, t.dark);
    c.gradient(1, 1, 14, 14, &[GLASS, SHADOW, NIGHT], 3);
    for y in 1..15 {
        for x in 1..15 {
            if dither(x, y, 1) && roll(x, y, t.seed + 60, 3) == 0 {
                c.put(x, y, MIST);
            }
        }
    }
    for (x, y) in [(4, 3), (10, 6), (6, 10), (12, 12)] {
        c.put(x, y, FOG);
        c.put(x, y + 1, MIST);
    }
    c.vline(8, 1, 14, t.mid);
    c.hline(1, 14, 8, t.mid);
    c.hline(0, S - 1, 15, t.light);
    c.frame(0, 0, S, S, t.mid);
    c.hline(1, 14, 14, t.glow);
    c
}

/// One tile sheet per chapter.
pub(crate) fn sheets() -> Vec<Sheet> {
    THEMES
        .iter()
        .map(|t| {
            Sheet::tiles(
                t.name,
                16,
                7,
                vec![
                    ("floor_top", floor_top(t)),
                    ("floor_fill", floor_fill(t)),
                    ("wall", wall(t)),
                    ("wet_street", wet_street(t)),
                    ("planks", planks(t)),
                    ("grating", grating(t)),
                    ("window_rain", window_rain(t)),
                ],
            )
        })
        .collect()
}
