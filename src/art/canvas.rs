//! An RGBA pixel canvas and the drawing primitives every sheet is built
//! from: rectangles, lines, ellipses, ordered dither, outlines, stamps.

use super::palette::{CLEAR, Rgba};

/// A width x height grid of RGBA pixels, row-major from the top-left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Canvas {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels, row-major, `width * height` of them.
    pub pixels: Vec<Rgba>,
}

/// The 4x4 Bayer matrix, thresholds 0..16, for ordered dithering.
const BAYER: [[u8; 4]; 4] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]];

/// True when the ordered-dither cell at (x, y) is "on" for a coverage of
/// `level` sixteenths (0 = never, 16 = always).
pub fn dither(x: i32, y: i32, level: i32) -> bool {
    let t = BAYER[y.rem_euclid(4) as usize][x.rem_euclid(4) as usize] as i32;
    t < level
}

/// A small deterministic hash of two coordinates and a seed, 0..=u32::MAX.
pub fn hash(x: i32, y: i32, seed: u32) -> u32 {
    let mut z = (x as u32 as u64) ^ ((y as u32 as u64) << 32) ^ ((seed as u64) << 17);
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as u32
}

/// `hash` mapped to 0..n (n > 0).
pub fn roll(x: i32, y: i32, seed: u32, n: u32) -> u32 {
    hash(x, y, seed) % n.max(1)
}

impl Canvas {
    /// A transparent canvas.
    pub fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![CLEAR; (width * height) as usize],
        }
    }

    /// A canvas filled with one colour.
    pub fn filled(width: u32, height: u32, colour: Rgba) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![colour; (width * height) as usize],
        }
    }

    fn index(&self, x: i32, y: i32) -> Option<usize> {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 {
            None
        } else {
            Some(y as usize * self.width as usize + x as usize)
        }
    }

    /// The pixel at (x, y); transparent outside the canvas.
    pub fn get(&self, x: i32, y: i32) -> Rgba {
        self.index(x, y).map_or(CLEAR, |i| self.pixels[i])
    }

    /// True when (x, y) is inside and not transparent.
    pub fn solid(&self, x: i32, y: i32) -> bool {
        self.get(x, y)[3] != 0
    }

    /// Set one pixel; off-canvas writes are ignored.
    pub fn put(&mut self, x: i32, y: i32, colour: Rgba) {
        if let Some(i) = self.index(x, y) {
            self.pixels[i] = colour;
        }
    }

    /// Fill the rectangle with top-left (x, y) and size w x h.
    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, colour: Rgba) {
        for yy in y..y + h {
            for xx in x..x + w {
                self.put(xx, yy, colour);
            }
        }
    }

    /// Outline (1 px border) of a rectangle.
    pub fn frame(&mut self, x: i32, y: i32, w: i32, h: i32, colour: Rgba) {
        self.hline(x, x + w - 1, y, colour);
        self.hline(x, x + w - 1, y + h - 1, colour);
        self.vline(x, y, y + h - 1, colour);
        self.vline(x + w - 1, y, y + h - 1, colour);
    }

    /// Horizontal line from x0 to x1 inclusive.
    pub fn hline(&mut self, x0: i32, x1: i32, y: i32, colour: Rgba) {
        for x in x0.min(x1)..=x0.max(x1) {
            self.put(x, y, colour);
        }
    }

    /// Vertical line from y0 to y1 inclusive.
    pub fn vline(&mut self, x: i32, y0: i32, y1: i32, colour: Rgba) {
        for y in y0.min(y1)..=y0.max(y1) {
            self.put(x, y, colour);
        }
    }

    /// A 1-pixel Bresenham line between two points, inclusive.
    pub fn line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, colour: Rgba) {
        let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
        let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
        let (mut x, mut y, mut err) = (x0, y0, dx + dy);
        loop {
            self.put(x, y, colour);
            if x == x1 && y == y1 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    /// A filled ellipse inside the box with top-left (x, y) and size w x h.
    pub fn ellipse(&mut self, x: i32, y: i32, w: i32, h: i32, colour: Rgba) {
        let (rx, ry) = (w as f32 / 2.0, h as f32 / 2.0);
        let (cx, cy) = (x as f32 + rx, y as f32 + ry);
        for yy in y..y + h {
            for xx in x..x + w {
                let nx = (xx as f32 + 0.5 - cx) / rx;
                let ny = (yy as f32 + 0.5 - cy) / ry;
                if nx * nx + ny * ny <= 1.0 {
                    self.put(xx, yy, colour);
                }
            }
        }
    }

    /// A 1-pixel ring inside the box (x, y, w, h).
    pub fn ring(&mut self, x: i32, y: i32, w: i32, h: i32, colour: Rgba) {
        let mut disc = Canvas::new(w as u32, h as u32);
        disc.ellipse(0, 0, w, h, colour);
        for yy in 0..h {
            for xx in 0..w {
                let edge = [(1, 0), (-1, 0), (0, 1), (0, -1)]
                    .iter()
                    .any(|(dx, dy)| !disc.solid(xx + dx, yy + dy));
                if disc.solid(xx, yy) && edge {
                    self.put(x + xx, y + yy, colour);
                }
            }
        }
    }

    /// Ordered-dither `colour` over the rectangle at `level` sixteenths.
    pub fn dither_rect(&mut self, x: i32, y: i32, w: i32, h: i32, colour: Rgba, level: i32) {
        for yy in y..y + h {
            for xx in x..x + w {
                if dither(xx, yy, level) {
                    self.put(xx, yy, colour);
                }
            }
        }
    }

    /// Draw a vertical gradient of colour bands, dithering across each
    /// boundary over `blend` rows.
    pub fn gradient(&mut self, x: i32, y: i32, w: i32, h: i32, bands: &[Rgba], blend: i32) {
        if bands.is_empty() || h <= 0 {
            return;
        }
        let n = bands.len() as i32;
        for yy in 0..h {
            let band = (yy * n / h).min(n - 1);
            let rows_left = (band + 1) * h / n - yy;
            for xx in x..x + w {
                let mut c = bands[band as usize];
                if band + 1 < n && rows_left <= blend {
                    let level = (blend + 1 - rows_left) * 16 / (blend + 1);
                    if dither(xx, y + yy, level) {
                        c = bands[band as usize + 1];
                    }
                }
                self.put(xx, y + yy, c);
            }
        }
    }

    /// Add a 1-pixel outline of `colour` on transparent pixels 4-adjacent
    /// to drawn ones.
    pub fn outline(&mut self, colour: Rgba) {
        let before = self.clone();
        for y in 0..self.height as i32 {
            for x in 0..self.width as i32 {
                if before.solid(x, y) {
                    continue;
                }
                let near = [(1, 0), (-1, 0), (0, 1), (0, -1)]
                    .iter()
                    .any(|(dx, dy)| before.solid(x + dx, y + dy));
                if near {
                    self.put(x, y, colour);
                }
            }
        }
    }

    /// Draw `src` at (x, y), skipping its transparent pixels.
    pub fn blit(&mut self, src: &Canvas, x: i32, y: i32) {
        for sy in 0..src.height as i32 {
            for sx in 0..src.width as i32 {
                let c = src.get(sx, sy);
                if c[3] != 0 {
                    self.put(x + sx, y + sy, c);
                }
            }
        }
    }

    /// The rectangle (x, y, w, h) of this canvas as a new canvas.
    pub fn crop(&self, x: i32, y: i32, w: u32, h: u32) -> Canvas {
        let mut out = Canvas::new(w, h);
        for yy in 0..h as i32 {
            for xx in 0..w as i32 {
                out.put(xx, yy, self.get(x + xx, y + yy));
            }
        }
        out
    }

    /// Replace every pixel of colour `from` with `to`.
    pub fn recolour(&mut self, from: Rgba, to: Rgba) {
        for p in self.pixels.iter_mut() {
            if *p == from {
                *p = to;
            }
        }
    }

    /// Stamp text art at (x, y): each character of each row is looked up
    /// in `key`; `None` (and characters past the canvas) leave the pixel.
    pub fn stamp(&mut self, x: i32, y: i32, rows: &[&str], key: &dyn Fn(char) -> Option<Rgba>) {
        for (dy, row) in rows.iter().enumerate() {
            for (dx, ch) in row.chars().enumerate() {
                if let Some(c) = key(ch) {
                    self.put(x + dx as i32, y + dy as i32, c);
                }
            }
        }
    }

    /// A copy scaled up by an integer factor with nearest-neighbour.
    pub fn scaled(&self, factor: u32) -> Canvas {
        let f = factor.max(1);
        let mut out = Canvas::new(self.width * f, self.height * f);
        for y in 0..out.height as i32 {
            for x in 0..out.width as i32 {
                out.put(x, y, self.get(x / f as i32, y / f as i32));
            }
        }
        out
    }
}
