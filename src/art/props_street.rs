//! Street props under sodium light: the kiosk, lamps, the tram and its
//! stop, a taxi and two saloons, a bench, a bin, a torn poster, the
//! underpass sign and a puddle holding the lamp's reflection.

use super::Sheet;
use super::canvas::{Canvas, roll};
use super::palette::*;

fn kiosk() -> Canvas {
    let mut c = Canvas::new(24, 22);
    // Roof overhang and the red sign strip.
    c.rect(0, 0, 24, 2, SHADOW);
    c.hline(0, 23, 0, SLATE);
    c.rect(1, 2, 22, 3, RUST);
    c.hline(1, 22, 2, RED);
    for (i, x) in (4..20).step_by(3).enumerate() {
        c.rect(x, 3, 2, 1, if i % 2 == 0 { WHITE } else { FOG });
    }
    // Body.
    c.rect(1, 5, 22, 17, MOSS);
    c.vline(1, 5, 21, SHADOW);
    c.vline(22, 5, 21, SHADOW);
    // The lit window with goods on shelves.
    c.rect(3, 6, 18, 9, SODIUM_HI);
    c.gradient(3, 6, 18, 9, &[LAMP, SODIUM_HI, SODIUM], 2);
    for x in 3..21 {
        if roll(x, 0, 31, 3) > 0 {
            let h = 1 + roll(x, 1, 31, 2) as i32;
            c.vline(
                x,
                9 - h,
                8,
                [RED, GLASS, WOOD, MOSS][roll(x, 2, 31, 4) as usize],
            );
        }
        if roll(x, 3, 31, 3) > 0 {
            c.put(x, 12, [RUST, SLATE, HIVIS_DK][roll(x, 4, 31, 3) as usize]);
        }
    }
    c.hline(3, 20, 9, SODIUM_MID);
    c.hline(3, 20, 13, SODIUM_MID);
    c.vline(12, 6, 14, MOSS);
    c.rect(9, 13, 6, 2, SODIUM_DEEP);
    c.hline(2, 21, 15, CONC);
    // Shutter below.
    for y in (16..21).step_by(2) {
        c.hline(2, 21, y, SHADOW);
    }
    c.frame(0, 0, 24, 22, INK);
    c.hline(0, 23, 21, INK);
    c
}

fn street_lamp() -> Canvas {
    let mut c = Canvas::new(4, 40);
    c.vline(1, 2, 39, SLATE);
    c.vline(2, 2, 39, SHADOW);
    c.rect(0, 36, 4, 4, SHADOW);
    c.hline(0, 3, 36, SLATE);
    c.hline(0, 3, 0, SLATE);
    c.hline(0, 3, 1, STEEL);
    c.hline(0, 3, 2, SODIUM_HI);
    c.put(1, 2, LAMP);
    c.put(2, 2, LAMP);
    c.put(1, 3, SODIUM_MID);
    c
}

fn tram_stop() -> Canvas {
    let mut c = Canvas::new(20, 24);
    c.rect(0, 0, 20, 2, STEEL);
    c.hline(0, 19, 0, MIST);
    c.hline(0, 19, 2, SHADOW);
    for x in [1, 18] {
        c.vline(x, 2, 23, SLATE);
    }
    // Glass back panel with rain.
    c.rect(2, 3, 16, 13, GLASS);
    for i in 0..10 {
        let (x, y) = (2 + roll(i, 0, 41, 16) as i32, 3 + roll(i, 1, 41, 12) as i32);
        c.put(x, y, MIST);
        c.put(x, y + 1, STEEL);
    }
    c.line(3, 4, 6, 3, RIM);
    // Bench.
    c.hline(3, 16, 17, WOOD_HI);
    c.hline(3, 16, 18, WOOD_DK);
    c.vline(4, 19, 23, SHADOW);
    c.vline(15, 19, 23, SHADOW);
    // The sign: a red T on white.
    c.rect(13, 5, 5, 5, WHITE);
    c.hline(14, 16, 6, RED);
    c.vline(15, 7, 8, RED);
    c.frame(12, 4, 7, 7, SLATE);
    c
}

fn tram() -> Canvas {
    let (w, h) = (60, 26);
    let mut c = Canvas::new(w, h);
    // Pantograph.
    c.line(26, 0, 30, 4, STEEL);
    c.line(34, 0, 30, 4, STEEL);
    c.hline(24, 36, 0, MIST);
    c.rect(22, 4, 16, 1, SLATE);
    // Body: cream upper band, red lower.
    c.rect(1, 5, 58, 19, RUST);
    c.rect(1, 5, 58, 2, CONC_HI);
    c.rect(1, 7, 58, 9, CONC_HI);
    c.hline(1, 58, 5, FOG);
    c.rect(1, 16, 58, 7, RUST);
    c.hline(1, 58, 16, RED);
    c.hline(1, 58, 22, RUST_DK);
    // Rounded ends.
    for (x, y) in [(1, 5), (58, 5), (1, 23), (58, 23)] {
        c.put(x, y, CLEAR);
    }
    // Warm lit windows with a few passengers.
    for i in 0..7 {
        let x = 4 + i * 8;
        c.rect(x, 8, 6, 6, SODIUM_HI);
        c.hline(x, x + 5, 8, LAMP);
        c.hline(x, x + 5, 13, SODIUM);
        if roll(i, 0, 51, 3) == 0 {
            c.rect(x + 2, 10, 2, 4, SODIUM_DEEP);
            c.put(x + 2, 9, SODIUM_DEEP);
            c.put(x + 3, 9, SODIUM_DEEP);
        }
    }
    // Doors.
    for x in [19, 43] {
        c.rect(x, 8, 5, 15, SODIUM_MID);
        c.rect(x + 1, 9, 3, 5, SODIUM_HI);
        c.vline(x + 2, 8, 22, RUST_DK);
    }
    c.put(57, 18, LAMP);
    c.put(57, 19, SODIUM_HI);
    c.put(2, 18, RED);
    c.outline(INK);
    for x in [10, 16, 44, 50] {
        c.rect(x - 2, 23, 5, 3, INK);
        c.put(x, 24, CONC_DK);
    }
    c
}

fn taxi() -> Canvas {
    let mut c = Canvas::new(30, 12);
    // Roof sign.
    c.rect(13, 0, 4, 2, SODIUM_HI);
    c.put(14, 0, LAMP);
    // Cabin and windows.
    c.rect(8, 2, 14, 4, SODIUM);
    c.rect(10, 3, 5, 3, GLASS);
    c.rect(16, 3, 5, 3, GLASS);
    c.put(10, 3, MIST);
    c.put(16, 3, MIST);
    // Body.
    c.rect(1, 6, 28, 4, SODIUM);
    c.hline(2, 27, 6, SODIUM_HI);
    c.hline(1, 28, 9, SODIUM_MID);
    // Checker stripe.
    for x in 4..25 {
        c.put(x, 7, if x % 2 == 0 { INK } else { WHITE });
    }
    // Facing left: headlight at the front (left), tail light at the back.
    c.put(1, 7, LAMP);
    c.put(2, 7, LAMP);
    c.put(27, 7, RED);
    c.put(28, 7, RED);
    c.outline(INK);
    for x in [6, 22] {
        c.ellipse(x - 2, 8, 5, 4, INK);
        c.put(x, 10, CONC);
    }
    c
}

/// A boxy Soviet saloon facing left, painted in `paint`: (highlight,
/// body, lower body, sill), lit from the upper left.
fn car(paint: [Rgba; 4]) -> Canvas {
    let [hi, body, lower, sill] = paint;
    let mut c = Canvas::new(28, 11);
    // Cabin: a steep windscreen at the front (left), roof catching light.
    c.hline(11, 19, 1, hi);
    c.hline(10, 20, 2, body);
    c.hline(9, 21, 3, body);
    // The window band, split by the door pillar, with a faint reflection.
    c.hline(11, 15, 2, GLASS);
    c.hline(17, 19, 2, GLASS);
    c.hline(10, 15, 3, GLASS);
    c.hline(17, 20, 3, GLASS);
    c.put(11, 2, MIST);
    c.put(12, 2, STEEL);
    c.put(17, 2, STEEL);
    // Long bonnet, short boot; the lower half in shadow.
    c.rect(1, 4, 26, 2, body);
    c.hline(2, 25, 4, hi);
    c.rect(1, 6, 26, 2, lower);
    c.hline(1, 26, 7, sill);
    c.put(1, 4, CLEAR);
    c.put(26, 4, CLEAR);
    // Door seams and handles.
    c.vline(10, 4, 6, lower);
    c.vline(16, 4, 6, lower);
    c.put(16, 3, body);
    c.put(12, 5, hi);
    c.put(18, 5, hi);
    // Chrome bumpers, the headlight pair in front, tail lights behind.
    c.put(1, 6, FOG);
    c.put(26, 6, CONC);
    c.put(1, 5, LAMP);
    c.put(2, 5, LAMP);
    c.put(25, 5, RED);
    c.put(26, 5, RED);
    c.outline(INK);
    for x in [6, 21] {
        c.ellipse(x - 2, 7, 5, 4, INK);
        c.put(x, 9, CONC);
    }
    c
}

fn bench() -> Canvas {
    let mut c = Canvas::new(16, 6);
    c.hline(0, 15, 0, WOOD_HI);
    c.hline(0, 15, 2, WOOD);
    c.hline(0, 15, 3, WOOD_DK);
    for x in [1, 14] {
        c.vline(x, 1, 5, SLATE);
    }
    c
}

fn bin() -> Canvas {
    let mut c = Canvas::new(6, 9);
    c.hline(0, 5, 0, STEEL);
    c.rect(0, 1, 6, 8, MOSS);
    c.vline(0, 1, 8, SHADOW);
    c.vline(4, 1, 8, CONC);
    for y in [3, 6] {
        c.hline(0, 5, y, SHADOW);
    }
    c.put(2, 0, FOG);
    c
}

fn poster() -> Canvas {
    let mut c = Canvas::filled(10, 14, RUST);
    c.gradient(0, 0, 10, 14, &[RED, RUST, RUST_DK], 2);
    // A face in profile, printed in one colour.
    c.ellipse(3, 2, 5, 6, RUST_DK);
    c.rect(4, 7, 3, 3, RUST_DK);
    c.hline(1, 8, 11, CONC_HI);
    c.hline(2, 6, 12, CONC);
    // Torn corner and tape.
    c.line(7, 13, 9, 11, CLEAR);
    c.put(8, 13, CLEAR);
    c.put(9, 12, CLEAR);
    c.put(9, 13, CLEAR);
    c.put(8, 12, CONC_HI);
    c.put(0, 0, FOG);
    c.put(9, 0, FOG);
    c
}

fn underpass_sign() -> Canvas {
    let mut c = Canvas::filled(14, 8, GLASS);
    c.frame(0, 0, 14, 8, WHITE);
    // A walker going down the stairs.
    c.put(4, 2, WHITE);
    c.vline(4, 3, 4, WHITE);
    c.put(3, 5, WHITE);
    c.put(5, 5, WHITE);
    for i in 0..4 {
        c.hline(7 + i, 8 + i, 2 + i, FOG);
    }
    c.put(1, 1, RIM);
    c
}

fn puddle(frame: i32) -> Canvas {
    let mut c = Canvas::filled(20, 1, GLASS);
    c.put(0, 0, SHADOW);
    c.put(19, 0, SHADOW);
    let x = 8 + frame;
    c.put(x, 0, SODIUM);
    c.put(x + 1, 0, SODIUM_HI);
    c.put(x + 3, 0, SODIUM_MID);
    c.put(3 - frame, 0, MIST);
    c
}

/// The street props.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![
        Sheet::still("kiosk", kiosk()),
        Sheet::still("street_lamp", street_lamp()),
        Sheet::still("tram_stop", tram_stop()),
        Sheet::still("tram", tram()),
        Sheet::still("taxi", taxi()),
        Sheet::still("car", car([STEEL, SLATE, SHADOW, NIGHT])),
        Sheet::still("car_pale", car([WHITE, CONC_HI, CONC, CONC_DK])),
        Sheet::still("bench", bench()),
        Sheet::still("bin", bin()),
        Sheet::still("poster", poster()),
        Sheet::still("underpass_sign", underpass_sign()),
        Sheet::from_rows(
            "puddle",
            (20, 1),
            vec![(
                "idle",
                3.0,
                vec![puddle(0), puddle(1), puddle(2), puddle(1)],
            )],
        ),
    ]
}
