//! What the film makes of the light that reached it: the picture the
//! capture camera saw (the frame as the eye sees it, which is a good
//! exposure) scaled by the stops the photograph was off, rendered in the
//! film's colour, rolled off in the highlights as film does, and grained
//! at the virtual pixel scale. Plain pixel work on an RGBA image with no
//! `App`: two stops under is a quarter of the light, in every pixel.

use image::RgbaImage;

use super::exposure::{Film, FilmColour};
use crate::content::light::hash;

/// Linear light above this rolls off towards white instead of clipping.
const SHOULDER: f32 = 0.8;
/// How far grain of strength 1 moves a pixel, in 8-bit steps.
const GRAIN_STEPS: f32 = 14.0;

/// `picture` as `film` records it `stops` from a good exposure; `scale` is
/// the picture's pixels a virtual pixel (a grain is one virtual pixel) and
/// `seed` tells one frame's grain from another's.
pub fn expose(picture: &RgbaImage, stops: f32, film: &Film, scale: u32, seed: u32) -> RgbaImage {
    let gain = stops.exp2();
    let linear: Vec<f32> = (0..=255u8)
        .map(|v| to_linear(f32::from(v) / 255.0))
        .collect();
    let scale = scale.max(1);
    let mut out = picture.clone();
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        let [r, g, b, a] = pixel.0;
        let light = [r, g, b].map(|v| linear[usize::from(v)] * gain);
        let coloured = colour(light, film.colour).map(shoulder);
        let cell = (x / scale).wrapping_mul(7919) ^ (y / scale).wrapping_mul(104_729) ^ seed;
        let grain = (hash(cell) - 0.5) * 2.0 * film.grain * GRAIN_STEPS;
        let [r, g, b] =
            coloured.map(|v| (to_srgb(v) * 255.0 + grain).round().clamp(0.0, 255.0) as u8);
        pixel.0 = [r, g, b, a];
    }
    out
}

/// The light gathered while the shutter is open: each frame the capture
/// camera saw, added up in linear light, and their mean, as film that was
/// exposed the whole time records it (a lamp that flickers evens out,
/// what moves becomes a trail, who walks through is a ghost).
#[derive(Clone, Debug, PartialEq)]
pub struct Exposure {
    width: u32,
    height: u32,
    sum: Vec<f32>,
    frames: u32,
}

impl Exposure {
    /// Nothing gathered yet, for pictures `width` by `height`.
    pub fn new(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            sum: vec![0.0; (width * height * 3) as usize],
            frames: 0,
        }
    }

    /// How many frames it holds.
    pub fn frames(&self) -> u32 {
        self.frames
    }

    /// Adds one frame; one of another size is left out.
    pub fn add(&mut self, frame: &RgbaImage) {
        if frame.dimensions() != (self.width, self.height) {
            return;
        }
        let linear = linear_table();
        for (sum, value) in self.sum.chunks_exact_mut(3).zip(frame.pixels()) {
            for c in 0..3 {
                sum[c] += linear[usize::from(value.0[c])];
            }
        }
        self.frames += 1;
    }

    /// The mean of the frames as an opaque picture (black with none).
    pub fn mean(&self) -> RgbaImage {
        let frames = self.frames.max(1) as f32;
        let mut out = RgbaImage::new(self.width, self.height);
        for (pixel, sum) in out.pixels_mut().zip(self.sum.chunks_exact(3)) {
            let [r, g, b] = [sum[0], sum[1], sum[2]]
                .map(|v| (to_srgb(v / frames) * 255.0).round().clamp(0.0, 255.0) as u8);
            pixel.0 = [r, g, b, 255];
        }
        out
    }
}

/// Each 8-bit sRGB value's linear light.
fn linear_table() -> Vec<f32> {
    (0..=255u8)
        .map(|v| to_linear(f32::from(v) / 255.0))
        .collect()
}

/// Linear light `[r, g, b]` in `colour`'s rendering: black and white by
/// its luminance; daylight film warms lamplight; tungsten film cools the
/// night.
fn colour([r, g, b]: [f32; 3], colour: FilmColour) -> [f32; 3] {
    match colour {
        FilmColour::Mono => {
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            [y, y, y]
        }
        FilmColour::Daylight => [r * 1.04, g * 0.95, b * 0.78],
        FilmColour::Tungsten => [r * 0.84, g * 0.96, b * 1.18],
    }
}

/// Film's highlight roll-off: straight up to the shoulder, then bending
/// to white, never past it.
fn shoulder(v: f32) -> f32 {
    if v <= SHOULDER {
        v.max(0.0)
    } else {
        let room = 1.0 - SHOULDER;
        SHOULDER + room * (1.0 - (-(v - SHOULDER) / room).exp())
    }
}

/// An sRGB value 0 to 1 as linear light.
fn to_linear(v: f32) -> f32 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light 0 to 1 as an sRGB value.
fn to_srgb(v: f32) -> f32 {
    if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::exposure::film;
    use image::Rgba;

    /// The mean linear light of `picture`'s red, green and blue.
    fn mean_light(picture: &RgbaImage) -> f32 {
        let sum: f32 = picture
            .pixels()
            .flat_map(|p| p.0[..3].to_vec())
            .map(|v| to_linear(f32::from(v) / 255.0))
            .sum();
        sum / (picture.width() * picture.height() * 3) as f32
    }

    fn grey(v: u8) -> RgbaImage {
        RgbaImage::from_pixel(40, 30, Rgba([v, v, v, 255]))
    }

    #[test]
    fn two_stops_under_is_a_quarter_of_the_light() {
        let mono = film("svema-400").unwrap();
        let right = expose(&grey(150), 0.0, &mono, 4, 1);
        let under = expose(&grey(150), -2.0, &mono, 4, 1);
        let ratio = mean_light(&under) / mean_light(&right);
        assert!((ratio - 0.25).abs() < 0.03, "{ratio}");
        // Two stops over rolls off into the highlights, never past white.
        let over = expose(&grey(150), 2.0, &mono, 4, 1);
        let ratio = mean_light(&over) / mean_light(&right);
        assert!(ratio > 1.8 && ratio < 4.0, "{ratio}");
    }

    #[test]
    fn black_and_white_film_has_no_colour_and_grains_by_virtual_pixel() {
        let mono = film("svema-400").unwrap();
        let red = RgbaImage::from_pixel(16, 16, Rgba([200, 40, 40, 255]));
        let out = expose(&red, 0.0, &mono, 4, 9);
        assert!(out.pixels().all(|p| p.0[0] == p.0[1] && p.0[1] == p.0[2]));
        // Each 4x4 cell is one grain: alike inside, and not all alike.
        assert!(out.pixels().all(|p| p.0[3] == 255));
        assert_eq!(out.get_pixel(0, 0), out.get_pixel(3, 3));
        let values: std::collections::BTreeSet<u8> = out.pixels().map(|p| p.0[0]).collect();
        assert!(values.len() > 1, "grain: {values:?}");
    }

    #[test]
    fn tungsten_film_cools_and_daylight_film_warms() {
        let lamp = grey(180);
        let warm = expose(&lamp, 0.0, &film("tasma-64").unwrap(), 1, 3);
        let cool = expose(&lamp, 0.0, &film("tasma-160t").unwrap(), 1, 3);
        let (w, c) = (warm.get_pixel(5, 5).0, cool.get_pixel(5, 5).0);
        assert!(i32::from(w[0]) - i32::from(w[2]) > 20, "{w:?}");
        assert!(i32::from(c[2]) - i32::from(c[0]) > 20, "{c:?}");
    }

    #[test]
    fn an_exposure_is_the_mean_of_its_frames_in_linear_light() {
        // Half the frames black, half white: half the light, which in sRGB
        // is 188, not 128. A thing that moved through shows where it was,
        // faint by the share of frames it was there.
        let mut gathered = Exposure::new(4, 1);
        let mut frame = RgbaImage::from_pixel(4, 1, Rgba([0, 0, 0, 255]));
        gathered.add(&frame);
        frame.put_pixel(0, 0, Rgba([255, 255, 255, 255]));
        frame.put_pixel(1, 0, Rgba([255, 255, 255, 255]));
        gathered.add(&frame);
        gathered.add(&RgbaImage::new(3, 3));
        assert_eq!(gathered.frames(), 2);
        let mean = gathered.mean();
        assert_eq!(mean.get_pixel(0, 0).0, [188, 188, 188, 255]);
        assert_eq!(mean.get_pixel(3, 0).0, [0, 0, 0, 255]);
    }
}
