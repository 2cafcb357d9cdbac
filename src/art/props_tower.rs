//! The clock tower and the rooftops: the bell, the great clock face (and
//! its bare dial, hands and pendulum), its gears and rope, arched
//! windows; railings, an antenna with a warning light, a water tank
//! catching the dawn, and the dawn sky's cloud and low sun.

use std::f32::consts::TAU;

use super::Sheet;
use super::canvas::{Canvas, dither, roll};
use super::palette::*;

fn bell() -> Canvas {
    let mut c = Canvas::new(16, 16);
    c.rect(6, 0, 4, 2, WOOD_DK);
    c.hline(7, 8, 0, WOOD);
    // The bell's flaring profile, row by row: (left, right).
    for y in 2..15 {
        let t = (y - 2) as f32 / 12.0;
        let half = 3.0 + 1.2 * t + 3.6 * t.powi(4);
        let (l, r) = ((8.0 - half).round() as i32, (7.0 + half).round() as i32);
        for x in l..=r {
            let u = (x - l) as f32 / (r - l).max(1) as f32;
            let col = if u < 0.18 {
                SODIUM_DEEP
            } else if u < 0.32 {
                SODIUM
            } else if u < 0.45 {
                SODIUM_HI
            } else if u < 0.8 {
                SODIUM_MID
            } else {
                SODIUM_DEEP
            };
            c.put(x, y, col);
        }
    }
    c.hline(1, 14, 13, SODIUM_HI);
    c.hline(0, 15, 14, SODIUM_MID);
    c.put(7, 15, WOOD_DK);
    c.put(8, 15, WOOD_DK);
    c.outline(INK);
    c
}

/// Draw a clock hand from the centre at `turn` (0..1, 0 = twelve).
fn hand(c: &mut Canvas, cx: f32, cy: f32, turn: f32, len: f32, colour: Rgba) {
    let a = turn * TAU;
    let (x, y) = (cx + a.sin() * len, cy - a.cos() * len);
    c.line(
        cx.floor() as i32,
        cy.floor() as i32,
        x.round() as i32,
        y.round() as i32,
        colour,
    );
}

/// The great clock's face without its hands: rim, glowing dial, hour
/// marks and the centre pivot.
fn dial() -> Canvas {
    let mut c = Canvas::new(24, 24);
    c.ellipse(0, 0, 24, 24, SLATE);
    c.ring(0, 0, 24, 24, INK);
    c.ellipse(2, 2, 20, 20, DAWN_PALE);
    c.ring(2, 2, 20, 20, SODIUM_MID);
    c.ellipse(3, 14, 18, 7, DAWN_GOLD);
    c.ellipse(4, 3, 16, 8, LAMP);
    c.ellipse(4, 4, 16, 16, DAWN_PALE);
    for i in 0..12 {
        let a = i as f32 / 12.0 * TAU;
        let (x, y) = (12.0 + a.sin() * 8.2, 12.0 - a.cos() * 8.2);
        c.put(
            x.floor() as i32,
            y.floor() as i32,
            if i % 3 == 0 { INK } else { CONC },
        );
    }
    c.put(11, 11, RUST);
    c
}

/// The face at `minutes` past eleven, hands drawn in.
fn clock_face(minutes: f32) -> Canvas {
    let mut c = dial();
    let hours = 11.0 + minutes / 60.0;
    hand(&mut c, 12.0, 12.0, hours / 12.0, 4.5, INK);
    hand(&mut c, 12.0, 12.0, minutes / 60.0, 7.5, NIGHT);
    c.put(11, 11, RUST);
    c
}

/// The hour hand alone, pointing up, its pivot end at the bottom centre:
/// broad near the base, a 1 px tip.
fn hour_hand() -> Canvas {
    let mut c = Canvas::new(3, 6);
    c.vline(1, 0, 5, INK);
    c.rect(0, 3, 3, 3, INK);
    c
}

/// The minute hand alone, pointing up: 1 px wide on a 3 px base.
fn minute_hand() -> Canvas {
    let mut c = Canvas::new(3, 9);
    c.vline(1, 0, 8, NIGHT);
    c.hline(0, 2, 8, NIGHT);
    c
}

/// The clock's pendulum, hanging from its top: a wooden rod and a round
/// brass bob.
fn pendulum() -> Canvas {
    let mut c = Canvas::new(7, 34);
    c.vline(3, 0, 27, WOOD_HI);
    c.put(3, 0, STEEL);
    c.ellipse(0, 27, 7, 7, INK);
    let mut bob = Canvas::new(7, 34);
    bob.ellipse(1, 28, 5, 5, SODIUM);
    for y in 28..33 {
        for x in 1..6 {
            if !bob.solid(x, y) {
                continue;
            }
            let s = (x - 3) + (y - 30);
            let col = if s <= -2 {
                SODIUM_HI
            } else if s >= 3 {
                SODIUM_DEEP
            } else if s >= 1 {
                SODIUM_MID
            } else {
                SODIUM
            };
            c.put(x, y, col);
        }
    }
    c.put(2, 29, LAMP);
    c
}

fn gear(frame: u32) -> Canvas {
    let mut c = Canvas::new(14, 14);
    let teeth = 8.0;
    let phase = frame as f32 / 4.0;
    for y in 0..14 {
        for x in 0..14 {
            let (dx, dy) = (x as f32 + 0.5 - 7.0, y as f32 + 0.5 - 7.0);
            let r = (dx * dx + dy * dy).sqrt();
            let a = dy.atan2(dx) / TAU * teeth + phase;
            let tooth = a.rem_euclid(1.0) < 0.5;
            let hole = {
                let ha = (dy.atan2(dx) / TAU * 4.0 + phase / 2.0).rem_euclid(1.0);
                (3.0..4.6).contains(&r) && (0.3..0.7).contains(&ha)
            };
            let inside = r < 5.4 || (tooth && r < 7.0);
            if !inside || r < 1.2 || hole {
                continue;
            }
            let lit = dx + dy < -2.0;
            let dark = dx + dy > 3.0;
            let col = if r < 2.2 {
                CONC_HI
            } else if lit {
                WOOD_HI
            } else if dark {
                WOOD_DK
            } else {
                WOOD
            };
            c.put(x, y, col);
        }
    }
    c
}

fn rope() -> Canvas {
    let mut c = Canvas::new(1, 40);
    for y in 0..40 {
        c.put(0, y, [WOOD_HI, WOOD, WOOD, WOOD_DK][y as usize % 4]);
    }
    c
}

fn arched_window() -> Canvas {
    let mut c = Canvas::new(12, 20);
    c.ellipse(0, 0, 12, 12, CONC_DK);
    c.rect(0, 6, 12, 14, CONC_DK);
    c.ellipse(2, 2, 8, 8, GLASS);
    c.rect(2, 6, 8, 12, GLASS);
    c.gradient(2, 9, 8, 9, &[GLASS, SHADOW], 3);
    c.vline(5, 2, 17, SLATE);
    c.hline(2, 9, 9, SLATE);
    for i in 0..5 {
        let (x, y) = (2 + roll(i, 0, 61, 8) as i32, 3 + roll(i, 1, 61, 13) as i32);
        c.put(x, y, MIST);
    }
    c.put(3, 4, RIM);
    c.put(4, 3, RIM);
    c.hline(0, 11, 18, CONC);
    c.hline(0, 11, 19, CONC_HI);
    c.outline(INK);
    c
}

fn railing() -> Canvas {
    let mut c = Canvas::new(30, 8);
    c.hline(0, 29, 0, DAWN_GOLD);
    c.hline(0, 29, 1, STEEL);
    c.hline(0, 29, 4, SLATE);
    for x in (1..30).step_by(7) {
        c.vline(x, 1, 7, SLATE);
        c.put(x + 1, 2, STEEL);
    }
    c.put(9, 4, RUST);
    c.put(22, 1, RUST);
    c
}

fn antenna(lit: bool) -> Canvas {
    let mut c = Canvas::new(4, 30);
    c.vline(1, 1, 29, SLATE);
    c.vline(2, 3, 29, SHADOW);
    for y in [5, 10, 15] {
        c.hline(0, 3, y, STEEL);
    }
    c.put(3, 5, DAWN_GOLD);
    c.put(1, 0, if lit { RED } else { RUST_DK });
    c.put(2, 0, if lit { DAWN_PINK } else { RUST_DK });
    c.rect(0, 28, 4, 2, SLATE);
    c
}

fn water_tank() -> Canvas {
    let mut c = Canvas::new(20, 24);
    // Conical roof.
    for y in 0..4 {
        c.hline(
            9 - y * 2,
            10 + y * 2,
            y + 1,
            if y == 0 { DAWN_GOLD } else { CONC_DK },
        );
    }
    c.hline(2, 17, 4, CONC);
    // Drum with staves, lit from the right by the rising sun.
    c.rect(2, 5, 16, 12, CONC);
    c.rect(2, 5, 4, 12, CONC_DK);
    c.rect(14, 5, 3, 12, CONC_HI);
    c.vline(17, 5, 16, DAWN_GOLD);
    for y in [8, 13] {
        c.hline(2, 17, y, SLATE);
    }
    for x in (4..16).step_by(3) {
        if roll(x, 0, 71, 2) == 0 {
            c.vline(x, 9, 12 + roll(x, 1, 71, 4) as i32, RUST_DK);
        }
    }
    // Legs and cross braces.
    for x in [3, 16] {
        c.vline(x, 17, 23, SLATE);
    }
    c.line(3, 17, 16, 23, SHADOW);
    c.line(16, 17, 3, 23, SHADOW);
    c.hline(2, 17, 17, SHADOW);
    c.outline(INK);
    c
}

/// A long flat dawn cloud, lilac on top, lit pink and gold from below,
/// its upper edge and ends dithered away.
fn cloud() -> Canvas {
    let mut c = Canvas::new(40, 10);
    // Each band's upper limit, in pixels up from the lit underside.
    let bands = [
        (1.3, DAWN_GOLD),
        (2.6, DAWN_PINK),
        (4.2, DAWN_ROSE),
        (99.0, DAWN_LILAC),
    ];
    let puff = |x: f32, at: f32, w: f32, h: f32| h * (-((x - at) / w).powi(2)).exp();
    for x in 0..40 {
        let xf = x as f32;
        let nx = (xf + 0.5 - 20.0) / 20.0;
        let k = (1.0 - nx * nx).max(0.0).sqrt();
        let bottom = 9.3 + 0.5 * k;
        let thick = 5.0 * k.powf(1.4)
            + puff(xf, 15.0, 4.5, 2.2)
            + puff(xf, 26.0, 3.5, 1.5)
            + puff(xf, 7.0, 2.5, 0.6);
        let top = bottom - thick;
        for y in 0..10 {
            let yc = y as f32 + 0.5;
            let (up, d) = (yc - top, bottom - yc);
            if d < 0.0 || up < -0.8 {
                continue;
            }
            if up < 0.5 && !dither(x, y, if up < 0.0 { 4 } else { 9 }) {
                continue;
            }
            let mut i = bands.iter().position(|b| d <= b.0).unwrap_or(3);
            if i < 3 {
                let from = bands[i].0 - 0.6;
                if d > from && dither(x, y, ((d - from) / 0.6 * 16.0) as i32) {
                    i += 1;
                }
            }
            let mut col = bands[i].1;
            if i == 0 && nx.abs() < 0.5 && dither(x, y, 12 - (nx.abs() * 20.0) as i32) {
                col = DAWN_PALE;
            }
            c.put(x, y, col);
        }
    }
    c
}

/// The low dawn sun: a pale gold disc, brightest at the centre, with a
/// warmer one-pixel rim.
fn sun() -> Canvas {
    let mut c = Canvas::new(16, 16);
    for y in 0..16 {
        for x in 0..16 {
            let (dx, dy) = (x as f32 + 0.5 - 8.0, y as f32 + 0.5 - 8.0);
            let r = (dx * dx + dy * dy).sqrt() / 8.0;
            if r > 1.0 {
                continue;
            }
            let level = ((r - 0.2) / 0.4 * 16.0).clamp(0.0, 16.0) as i32;
            c.put(x, y, if dither(x, y, level) { DAWN_PALE } else { LAMP });
        }
    }
    c.ring(0, 0, 16, 16, DAWN_GOLD);
    c
}

/// The tower and rooftop props.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![
        Sheet::still("bell", bell()),
        Sheet::from_rows(
            "clock_face",
            (24, 24),
            vec![
                ("idle", 0.0, vec![clock_face(55.0)]),
                ("strike", 0.0, vec![clock_face(0.0)]),
                (
                    "turn",
                    1.0,
                    vec![
                        clock_face(57.0),
                        clock_face(58.0),
                        clock_face(59.0),
                        clock_face(60.0),
                    ],
                ),
            ],
        ),
        Sheet::still("dial", dial()),
        Sheet::still("hour_hand", hour_hand()),
        Sheet::still("minute_hand", minute_hand()),
        Sheet::still("pendulum", pendulum()),
        Sheet::from_rows(
            "gear",
            (14, 14),
            vec![
                ("idle", 0.0, vec![gear(0)]),
                ("turn", 6.0, (0..4).map(gear).collect()),
            ],
        ),
        Sheet::still("rope", rope()),
        Sheet::still("arched_window", arched_window()),
        Sheet::still("railing", railing()),
        Sheet::from_rows(
            "antenna",
            (4, 30),
            vec![("blink", 1.0, vec![antenna(true), antenna(false)])],
        ),
        Sheet::still("water_tank", water_tank()),
        Sheet::still("cloud", cloud()),
        Sheet::still("sun", sun()),
    ]
}
