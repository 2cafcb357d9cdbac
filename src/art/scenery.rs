//! Big pieces: the night and dawn skylines (seamless strips of Moscow
//! panel blocks and the distant clock tower), the rain tile, and the
//! title's and the ending's backdrops.

use super::Sheet;
use super::canvas::{Canvas, dither, roll};
use super::palette::*;

/// The colours a layer of buildings is drawn in.
struct Layer {
    body: Rgba,
    edge: Rgba,
    rim: Rgba,
    lit: [Rgba; 3],
    dark_window: Option<Rgba>,
    tops: (i32, i32),
    lit_one_in: u32,
    seed: u32,
}

/// A row of buildings from x = 0 to `width`, exactly filling it so the
/// strip wraps, standing on the canvas bottom.
fn city(c: &mut Canvas, width: i32, l: &Layer) {
    let h = c.height as i32;
    let mut x = 0;
    let mut i = 0;
    while x < width {
        let mut w = 14 + roll(i, 0, l.seed, 22) as i32;
        if width - (x + w) < 12 {
            w = width - x;
        }
        let top = l.tops.0 + roll(i, 1, l.seed, (l.tops.1 - l.tops.0).max(1) as u32) as i32;
        c.rect(x, top, w, h - top, l.body);
        c.vline(x, top, h - 1, l.edge);
        c.hline(x, x + w - 1, top, l.rim);
        // Rooftop clutter: an antenna or a little hut.
        match roll(i, 2, l.seed, 4) {
            0 => {
                let ax = x + 3 + roll(i, 3, l.seed, (w - 6).max(1) as u32) as i32;
                c.vline(ax, top - 6, top - 1, l.body);
                c.hline(ax - 1, ax + 1, top - 4, l.body);
            }
            1 => c.rect(x + 2, top - 3, 5, 3, l.body),
            _ => {}
        }
        // Windows: 2x2 cells on a 4x4 grid (1x1 on small buildings).
        let (sx, sy, ww) = if l.dark_window.is_some() {
            (4, 4, 2)
        } else {
            (3, 3, 1)
        };
        let mut wy = top + 3;
        while wy < h - 2 {
            let mut wx = x + 2;
            while wx + ww < x + w - 1 {
                let r = roll(wx, wy, l.seed + 7, l.lit_one_in);
                if r == 0 {
                    let col = l.lit[roll(wx, wy, l.seed + 8, 3) as usize];
                    c.rect(wx, wy, ww, ww, col);
                } else if let (Some(d), true) = (l.dark_window, r.is_multiple_of(3)) {
                    c.rect(wx, wy, ww, ww, d);
                }
                wx += sx;
            }
            wy += sy;
        }
        x += w + roll(i, 4, l.seed, 3) as i32;
        i += 1;
    }
}

/// The old clock tower: stepped tiers with lit ledges, a clock face, a
/// belfry and a spire, `scale` pixels per unit, standing on `ground`.
fn tower(
    c: &mut Canvas,
    cx: i32,
    ground: i32,
    s: i32,
    body: Rgba,
    rim: Rgba,
    face: Rgba,
    hands: Rgba,
) {
    // (half width, top) of each tier, in units.
    let tiers = [(7, 26), (6, 40), (4, 47)];
    for (half, top) in tiers {
        let (x0, y0) = (cx - half * s, ground - top * s);
        c.rect(x0, y0, 2 * half * s, ground - y0, body);
        c.hline(x0 - 1, x0 + 2 * half * s, y0, rim);
        c.vline(x0 + 2 * half * s - 1, y0 + 1, ground - 1, rim);
    }
    // Tall slit windows on the lowest tier.
    for k in [-4, -1, 2] {
        for row in 0..3 {
            let y = ground - (22 - row * 7) * s;
            c.rect(
                cx + k * s,
                y,
                s.max(1),
                3 * s,
                if (k + row) % 3 == 0 { hands } else { rim },
            );
        }
    }
    // Belfry arches on the top tier.
    for k in [-3, 1] {
        c.rect(cx + k * s, ground - 45 * s, 2 * s, 3 * s, face);
        c.hline(cx + k * s, cx + k * s + 2 * s - 1, ground - 45 * s, rim);
    }
    // The spire.
    for k in 0..(12 * s) {
        let half = (4 * s - k / 3).max(0);
        c.hline(cx - half, cx + half - 1, ground - 47 * s - k, body);
        c.put(cx + half - 1, ground - 47 * s - k, rim);
    }
    c.vline(cx - 1, ground - 59 * s - 3, ground - 59 * s, rim);
    // The clock face, near midnight.
    let r = 3 * s + 1;
    let (fx, fy) = (cx - r, ground - 33 * s - r);
    c.ellipse(fx - 1, fy - 1, 2 * r + 2, 2 * r + 2, rim);
    c.ellipse(fx, fy, 2 * r, 2 * r, face);
    let (hx, hy) = (cx - 1 + (s == 1) as i32, ground - 33 * s - 1);
    if s > 1 {
        for (dx, dy) in [(0, -r + 1), (r - 2, 0), (0, r - 2), (-r + 1, 0)] {
            c.put(hx + dx, hy + dy, hands);
        }
    }
    c.line(hx, hy, hx, hy - r + 2, hands);
    c.line(hx, hy, hx - (r - 1) / 2, hy - (r - 1) / 2, hands);
}

/// The night skyline over a clear sky: the level's own sky shows through.
fn skyline_night() -> Canvas {
    let (w, h) = (320, 90);
    let mut c = Canvas::new(w, h);
    for i in 0..14 {
        let (x, y) = (roll(i, 0, 90, 320) as i32, roll(i, 1, 90, 28) as i32);
        c.put(x, y, if i % 4 == 0 { FOG } else { STEEL });
    }
    let far = Layer {
        body: SHADOW,
        edge: SHADOW,
        rim: SLATE,
        lit: [SODIUM_DEEP, SODIUM_MID, SODIUM_DEEP],
        dark_window: None,
        tops: (40, 62),
        lit_one_in: 5,
        seed: 11,
    };
    city(&mut c, w as i32, &far);
    tower(&mut c, 236, 90, 1, SHADOW, SLATE, SODIUM_HI, SODIUM_DEEP);
    let near = Layer {
        body: NIGHT,
        edge: INK,
        rim: SHADOW,
        lit: [SODIUM_HI, LAMP, FOG],
        dark_window: Some(SHADOW),
        tops: (56, 76),
        lit_one_in: 7,
        seed: 12,
    };
    city(&mut c, w as i32, &near);
    c
}

/// The dawn skyline and the sun over a clear sky.
fn skyline_dawn() -> Canvas {
    let (w, h) = (320, 90);
    let mut c = Canvas::new(w, h);
    // The sun rising behind the blocks.
    c.ellipse(150, 52, 26, 26, LAMP);
    c.ellipse(152, 54, 22, 22, DAWN_PALE);
    for y in 10..40 {
        if dither(0, y, 3) {
            let x0 = 20 + roll(0, y / 4, 91, 200) as i32;
            let len = 20 + roll(1, y / 4, 91, 50) as i32;
            c.hline(x0, x0 + len, y, DAWN_PINK);
            c.hline(x0 + 4, x0 + len - 6, y + 1, DAWN_GOLD);
        }
    }
    let far = Layer {
        body: DAWN_ROSE,
        edge: DAWN_ROSE,
        rim: DAWN_PINK,
        lit: [DAWN_PINK, DAWN_GOLD, DAWN_PINK],
        dark_window: None,
        tops: (40, 62),
        lit_one_in: 9,
        seed: 11,
    };
    city(&mut c, w as i32, &far);
    tower(
        &mut c, 236, 90, 1, DAWN_LILAC, DAWN_GOLD, DAWN_PALE, DAWN_LILAC,
    );
    let near = Layer {
        body: CONC_DK,
        edge: SHADOW,
        rim: DAWN_GOLD,
        lit: [DAWN_GOLD, DAWN_PALE, DAWN_PINK],
        dark_window: Some(SLATE),
        tops: (56, 76),
        lit_one_in: 6,
        seed: 12,
    };
    city(&mut c, w as i32, &near);
    c
}

/// Rain streaks in a 32x32 tile that wraps; each frame falls 8 pixels.
fn rain(frame: i32) -> Canvas {
    let mut c = Canvas::new(32, 32);
    for i in 0..14 {
        let x = roll(i, 0, 95, 32) as i32;
        let y0 = roll(i, 1, 95, 32) as i32 + frame * 8;
        let len = 2 + roll(i, 2, 95, 3) as i32;
        for k in 0..len {
            let col = if k == len - 1 { FOG } else { MIST };
            c.put(x, (y0 + k).rem_euclid(32), col);
        }
    }
    c
}

/// A soft dithered glow of `colour` around (cx, cy).
fn glow(c: &mut Canvas, cx: i32, cy: i32, radius: i32, colour: Rgba, max: i32) {
    for y in cy - radius..=cy + radius {
        for x in cx - radius..=cx + radius {
            let d2 = (x - cx).pow(2) + (y - cy).pow(2);
            if d2 <= radius * radius {
                let level = 16 - d2 * 16 / (radius * radius).max(1);
                if dither(x, y, level.min(max)) {
                    c.put(x, y, colour);
                }
            }
        }
    }
}

fn title_backdrop() -> Canvas {
    let (w, h) = (320i32, 180i32);
    let mut c = Canvas::new(w as u32, h as u32);
    c.gradient(
        0,
        0,
        w,
        150,
        &[INK, NIGHT, NIGHT, SHADOW, SLATE, SODIUM_DEEP],
        6,
    );
    // Low cloud lit from below by the city.
    for y in 18..60 {
        let x0 = roll(0, y / 3, 97, 260) as i32;
        if dither(x0, y, 5) {
            c.hline(x0, x0 + 40 + roll(1, y / 3, 97, 60) as i32, y, SHADOW);
        }
    }
    let mut back = Canvas::new(w as u32, 150);
    city(
        &mut back,
        w,
        &Layer {
            body: SHADOW,
            edge: SHADOW,
            rim: SLATE,
            lit: [SODIUM_DEEP, SODIUM_MID, SODIUM_DEEP],
            dark_window: None,
            tops: (100, 125),
            lit_one_in: 5,
            seed: 21,
        },
    );
    c.blit(&back, 0, 0);
    // The tower, big, with its glow.
    glow(&mut c, 220, 150 - 33 * 2 - 1, 18, SODIUM_DEEP, 6);
    tower(&mut c, 220, 150, 2, INK, SLATE, LAMP, INK);
    let mut front = Canvas::new(w as u32, 150);
    city(
        &mut front,
        w,
        &Layer {
            body: NIGHT,
            edge: INK,
            rim: SHADOW,
            lit: [SODIUM_HI, LAMP, FOG],
            dark_window: Some(SHADOW),
            tops: (122, 140),
            lit_one_in: 7,
            seed: 22,
        },
    );
    c.blit(&front, 0, 0);
    // Wet street with reflections.
    c.rect(0, 150, w, 30, NIGHT);
    c.hline(0, w - 1, 150, SLATE);
    c.dither_rect(0, 151, w, 29, SHADOW, 3);
    for y in 152..180 {
        for (x, col) in [(219, LAMP), (221, SODIUM_HI), (46, SODIUM), (47, SODIUM_HI)] {
            if roll(x, y, 98, 3) > 0 {
                c.put(x + roll(0, y, 99, 3) as i32 - 1, y, col);
            }
        }
    }
    // The street lamp in the foreground, its pool of light.
    glow(&mut c, 47, 88, 28, SODIUM_DEEP, 5);
    glow(&mut c, 47, 88, 12, SODIUM_MID, 6);
    c.rect(44, 86, 2, 64, INK);
    c.vline(46, 86, 149, SHADOW);
    c.rect(40, 82, 14, 3, INK);
    c.hline(42, 51, 85, SODIUM_HI);
    c.hline(44, 49, 85, LAMP);
    c.rect(41, 147, 8, 3, INK);
    // Rain over everything.
    for i in 0..260 {
        let x = roll(i, 0, 100, w as u32) as i32;
        let y = roll(i, 1, 100, h as u32) as i32;
        let near_lamp = (x - 47).abs() < 28 && (y - 86).abs() < 30;
        let col = if near_lamp {
            SODIUM_HI
        } else if i % 3 == 0 {
            MIST
        } else {
            STEEL
        };
        c.line(x, y, x - 1, y + 3, col);
    }
    c
}

/// `figure` as a dark shape against a light to its right: its right edge
/// caught in `rim`.
fn silhouette(figure: &Canvas, body: Rgba, rim: Rgba) -> Canvas {
    let mut c = Canvas::new(figure.width, figure.height);
    for y in 0..figure.height as i32 {
        for x in 0..figure.width as i32 {
            if figure.solid(x, y) {
                let edge = !figure.solid(x + 1, y);
                c.put(x, y, if edge { rim } else { body });
            }
        }
    }
    c
}

/// The ending: dawn over the rooftops, the sun rising behind the blocks
/// and the tower, crows over the city, and Lev on the roof's edge with his
/// camera raised to the sun.
fn ending_backdrop() -> Canvas {
    let (w, h) = (320i32, 180i32);
    let mut c = Canvas::new(w as u32, h as u32);
    c.gradient(
        0,
        0,
        w,
        140,
        &[DAWN_LILAC, DAWN_ROSE, DAWN_PINK, DAWN_GOLD, DAWN_PALE],
        6,
    );
    // The sun, risen half out of the city.
    glow(&mut c, 186, 96, 40, DAWN_PALE, 7);
    c.ellipse(169, 79, 34, 34, LAMP);
    c.ellipse(172, 82, 28, 28, DAWN_PALE);
    let city = skyline_dawn();
    c.blit(&city, 0, 150 - city.height as i32);
    // The roof, its edge catching the sun.
    c.rect(0, 150, w, h - 150, CONC_DK);
    c.hline(0, w - 1, 150, DAWN_GOLD);
    c.hline(0, w - 1, 151, CONC);
    c.dither_rect(0, 153, w, h - 153, SHADOW, 5);
    // The housing of the roof's stair, which Lev has climbed, above the
    // blocks against the sky.
    c.rect(80, 112, 52, 38, CONC_DK);
    c.dither_rect(80, 116, 52, 34, SHADOW, 4);
    c.hline(80, 131, 112, DAWN_GOLD);
    c.vline(131, 112, 149, DAWN_GOLD);
    c.rect(88, 124, 10, 26, SHADOW);
    // An old aerial.
    c.vline(40, 104, 149, SHADOW);
    for (y, half) in [(108, 7), (114, 5), (120, 3)] {
        c.hline(40 - half, 40 + half, y, SHADOW);
    }
    // Crows far off, wings up and down.
    for (i, (x, y)) in [(58, 36), (70, 30), (84, 40), (196, 22), (206, 27)]
        .into_iter()
        .enumerate()
    {
        let wing = if i % 2 == 0 { -1 } else { 1 };
        c.put(x, y, SHADOW);
        c.put(x - 1, y + wing, SHADOW);
        c.put(x + 1, y + wing, SHADOW);
    }
    let lev = silhouette(&super::lev::raised(false), INK, DAWN_GOLD);
    c.blit(&lev, 110, 112 - lev.height as i32);
    c
}

/// The skylines, the rain and the title's and ending's backdrops.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![
        Sheet::still("skyline_night", skyline_night()),
        Sheet::still("skyline_dawn", skyline_dawn()),
        Sheet::from_rows(
            "rain",
            (32, 32),
            vec![("fall", 12.0, (0..4).map(rain).collect())],
        ),
        Sheet::still("title_backdrop", title_backdrop()),
        Sheet::still("ending_backdrop", ending_backdrop()),
    ]
}
