//! Warehouse props: crates, barrels, shelving, the office, the stopped
//! clock, the cracked mirror, the skylight, the forklift, the phone.

use super::Sheet;
use super::canvas::{Canvas, roll};
use super::palette::*;

/// Wood planks with a dark frame, grain and nail heads.
fn crate_box() -> Canvas {
    let (w, h) = (14, 12);
    let mut c = Canvas::filled(w, h, WOOD);
    for y in [3, 7] {
        c.hline(1, 12, y, WOOD_DK);
    }
    c.line(2, 9, 11, 2, WOOD_HI);
    c.line(2, 10, 11, 3, WOOD_DK);
    c.frame(0, 0, 14, 12, WOOD_DK);
    c.hline(1, 12, 1, WOOD_HI);
    for (x, y) in [(1, 1), (12, 1), (1, 10), (12, 10)] {
        c.put(x, y, CONC);
    }
    // A faded stencil mark.
    c.rect(8, 8, 3, 2, SODIUM_DEEP);
    c.frame(0, 0, 14, 12, INK);
    c
}

fn barrel() -> Canvas {
    let mut c = Canvas::new(8, 12);
    c.rect(0, 1, 8, 10, MOSS);
    c.vline(0, 1, 10, SHADOW);
    c.vline(1, 1, 10, SLATE);
    c.vline(5, 1, 10, CONC);
    c.vline(6, 1, 10, MOSS);
    for y in [3, 8] {
        c.hline(0, 7, y, SHADOW);
    }
    c.hline(1, 6, 0, CONC);
    c.hline(1, 6, 1, SHADOW);
    c.put(3, 5, RUST);
    c.put(3, 6, RUST_DK);
    c.put(4, 10, RUST);
    c.hline(1, 6, 11, INK);
    c.outline(INK);
    c.crop(0, 0, 8, 12)
}

fn pallet() -> Canvas {
    let mut c = Canvas::new(16, 3);
    c.hline(0, 15, 0, WOOD_HI);
    for x in [0, 7, 14] {
        c.rect(x, 1, 2, 1, WOOD_DK);
    }
    c.hline(0, 15, 2, WOOD);
    c.put(5, 0, WOOD);
    c.put(11, 2, WOOD_DK);
    c
}

fn shelf() -> Canvas {
    let mut c = Canvas::new(24, 30);
    for x in [0, 22] {
        c.rect(x, 0, 2, 30, SLATE);
        c.vline(x, 0, 29, STEEL);
    }
    for (i, y) in [0, 10, 20, 28].into_iter().enumerate() {
        c.hline(1, 22, y, STEEL);
        c.hline(1, 22, y + 1, SHADOW);
        // Boxes and paper on each shelf, from a seeded roll.
        if y > 0 {
            let mut x = 2;
            while x < 20 {
                let bw = 3 + roll(x, y, 7, 4) as i32;
                let bh = 3 + roll(x, y, 9, 5) as i32;
                let kind = roll(x, y, 11, 3);
                let (body, top) = match kind {
                    0 => (WOOD, WOOD_HI),
                    1 => (CONC, CONC_HI),
                    _ => (SODIUM_DEEP, SODIUM_MID),
                };
                if x + bw <= 22 && roll(x, i as i32, 3, 5) > 0 {
                    c.rect(x, y - bh, bw, bh, body);
                    c.hline(x, x + bw - 1, y - bh, top);
                    c.vline(x + bw - 1, y - bh, y - 1, WOOD_DK);
                }
                x += bw + 1;
            }
        }
    }
    c
}

fn desk() -> Canvas {
    let mut c = Canvas::new(20, 9);
    c.hline(0, 19, 0, WOOD_HI);
    c.hline(0, 19, 1, WOOD);
    c.rect(1, 2, 7, 7, WOOD);
    c.vline(7, 2, 8, WOOD_DK);
    c.hline(2, 6, 4, WOOD_DK);
    c.hline(2, 6, 6, WOOD_DK);
    c.put(4, 3, SODIUM_MID);
    c.put(4, 5, SODIUM_MID);
    c.vline(18, 2, 8, WOOD_DK);
    // Papers and a mug on top.
    c.put(12, 0, WHITE);
    c.put(13, 0, FOG);
    c.outline(INK);
    c.put(15, 0, CONC_HI);
    c
}

fn chair() -> Canvas {
    let mut c = Canvas::new(6, 10);
    c.vline(0, 0, 9, WOOD_DK);
    c.vline(1, 0, 4, WOOD);
    c.hline(0, 5, 5, WOOD_HI);
    c.hline(1, 5, 6, WOOD_DK);
    c.vline(5, 6, 9, WOOD_DK);
    c.put(1, 1, RUST_DK);
    c.put(1, 2, RUST_DK);
    c
}

fn mirror() -> Canvas {
    let mut c = Canvas::filled(10, 16, WOOD_DK);
    c.rect(1, 1, 8, 14, WOOD);
    c.gradient(2, 2, 6, 12, &[FOG, MIST, STEEL], 3);
    c.line(3, 3, 4, 2, WHITE);
    c.line(2, 6, 5, 3, WHITE);
    // The crack: a star from one point.
    c.line(6, 8, 2, 13, INK);
    c.line(6, 8, 7, 3, INK);
    c.line(6, 8, 7, 12, SHADOW);
    c.line(5, 9, 2, 8, SHADOW);
    c.put(6, 8, WHITE);
    c.put(4, 11, FOG);
    c.hline(1, 8, 1, WOOD_HI);
    c.frame(0, 0, 10, 16, INK);
    c
}

/// The stopped clock: ten to midnight, forever.
fn wall_clock() -> Canvas {
    let mut c = Canvas::new(8, 8);
    c.ellipse(0, 0, 8, 8, INK);
    c.ellipse(1, 1, 6, 6, CONC_HI);
    c.put(2, 2, WHITE);
    c.put(3, 1, SLATE);
    c.put(6, 3, SLATE);
    c.put(1, 3, SLATE);
    c.put(3, 6, SLATE);
    c.line(3, 4, 3, 2, INK);
    c.line(3, 4, 2, 3, INK);
    c.put(5, 5, CONC);
    c
}

fn skylight() -> Canvas {
    let mut c = Canvas::filled(30, 4, STEEL);
    for i in 0..5 {
        let x = 1 + i * 6;
        let broken = i == 2;
        c.rect(x, 1, 5, 2, if broken { WHITE } else { GLASS });
        if !broken {
            c.put(x, 1, MIST);
            c.put(x + 1, 1, FOG);
        } else {
            c.put(x + 3, 1, GLASS);
            c.put(x + 4, 2, MIST);
        }
    }
    c.hline(0, 29, 3, SHADOW);
    c.hline(0, 29, 0, MIST);
    c
}

/// A window with rain running down the glass; two frames.
fn window(frame: i32) -> Canvas {
    let mut c = Canvas::filled(14, 18, SLATE);
    c.gradient(1, 1, 12, 16, &[GLASS, SHADOW, SODIUM_DEEP], 3);
    for drop in 0..6 {
        let x = 1 + roll(drop, 0, 21, 12) as i32;
        let y0 = roll(drop, 1, 21, 16) as i32 + frame * 3;
        for k in 0..3 {
            let y = 1 + (y0 + k).rem_euclid(16);
            c.put(x, y, if k == 2 { FOG } else { MIST });
        }
    }
    c.vline(7, 1, 16, SLATE);
    c.hline(1, 12, 8, SLATE);
    c.hline(1, 12, 16, STEEL);
    c.frame(0, 0, 14, 18, INK);
    c
}

fn pillar() -> Canvas {
    let mut c = Canvas::filled(6, 60, CONC_DK);
    c.vline(1, 0, 59, CONC);
    c.vline(2, 0, 59, CONC);
    c.vline(5, 0, 59, SHADOW);
    for y in 0..60 {
        if roll(0, y, 5, 9) == 0 {
            c.put(1 + roll(1, y, 5, 4) as i32, y, CONC_DK);
        }
    }
    c.rect(0, 0, 6, 3, CONC);
    c.hline(0, 5, 0, CONC_HI);
    c.hline(0, 5, 3, SHADOW);
    c.line(3, 20, 2, 26, SHADOW);
    c.rect(0, 57, 6, 3, CONC);
    c.hline(0, 5, 56, SHADOW);
    c
}

fn chain() -> Canvas {
    let mut c = Canvas::new(1, 24);
    for y in 0..24 {
        c.put(0, y, [MIST, STEEL, SLATE, STEEL][y as usize % 4]);
    }
    c
}

fn forklift() -> Canvas {
    let mut c = Canvas::new(22, 16);
    // Mast and forks at the front (right).
    c.rect(17, 1, 2, 13, SLATE);
    c.vline(17, 1, 13, STEEL);
    c.hline(17, 21, 14, STEEL);
    c.hline(19, 21, 13, SLATE);
    // Cab cage.
    c.line(5, 2, 13, 2, SHADOW);
    c.vline(5, 2, 8, SHADOW);
    c.vline(13, 2, 8, SHADOW);
    // Body.
    c.rect(2, 8, 15, 5, SODIUM);
    c.hline(2, 16, 8, SODIUM_HI);
    c.rect(2, 9, 3, 4, SODIUM_MID);
    c.hline(2, 16, 12, SODIUM_MID);
    c.rect(8, 5, 3, 3, SHADOW);
    c.put(9, 4, NIGHT);
    c.rect(0, 7, 3, 6, SHADOW);
    // Wheels.
    for x in [3, 12] {
        c.ellipse(x, 11, 5, 5, INK);
        c.put(x + 2, 13, CONC);
    }
    c.put(16, 9, LAMP);
    c
}

fn hanging_lamp(lit: bool) -> Canvas {
    let mut c = Canvas::new(6, 4);
    c.put(2, 0, STEEL);
    c.put(3, 0, STEEL);
    c.hline(1, 4, 1, SLATE);
    c.hline(0, 5, 2, STEEL);
    c.put(0, 2, SLATE);
    c.hline(2, 3, 3, if lit { LAMP } else { CONC_DK });
    if lit {
        c.put(1, 3, SODIUM);
        c.put(4, 3, SODIUM);
    }
    c
}

fn phone(glow: u8) -> Canvas {
    let mut c = Canvas::filled(3, 5, NIGHT);
    let (screen, edge) = match glow {
        0 => (GLASS, SHADOW),
        1 => (FOG, WHITE),
        _ => (WHITE, FOG),
    };
    c.rect(0, 1, 3, 3, screen);
    c.put(1, 4, edge);
    c.put(1, 0, SLATE);
    c
}

/// The warehouse props.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![
        Sheet::still("crate", crate_box()),
        Sheet::still("barrel", barrel()),
        Sheet::still("pallet", pallet()),
        Sheet::still("shelf", shelf()),
        Sheet::still("desk", desk()),
        Sheet::still("chair", chair()),
        Sheet::still("cracked_mirror", mirror()),
        Sheet::still("wall_clock", wall_clock()),
        Sheet::still("skylight", skylight()),
        Sheet::from_rows(
            "window",
            (14, 18),
            vec![("idle", 3.0, vec![window(0), window(1)])],
        ),
        Sheet::still("pillar", pillar()),
        Sheet::still("chain", chain()),
        Sheet::still("forklift", forklift()),
        Sheet::from_rows(
            "hanging_lamp",
            (6, 4),
            vec![
                ("lit", 0.0, vec![hanging_lamp(true)]),
                (
                    "flicker",
                    8.0,
                    vec![hanging_lamp(true), hanging_lamp(false)],
                ),
            ],
        ),
        Sheet::from_rows(
            "phone",
            (3, 5),
            vec![
                ("idle", 0.0, vec![phone(0)]),
                ("ringing", 6.0, vec![phone(1), phone(2)]),
            ],
        ),
    ]
}
