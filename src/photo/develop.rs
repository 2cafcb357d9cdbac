//! Developing the night's roll at its ending: every photograph changed so
//! that it holds a piece of Lev (how, the ending says), and a contact sheet
//! of every frame, numbered along the film's edge like a real roll. Plain
//! pixel work on RGBA images with no `App`, so unit tests drive it.

use image::imageops::{self, FilterType};
use image::{Rgba, RgbaImage};

use crate::content::schema::AlbumChange;

/// Lev's figure as a silhouette, a character a virtual pixel (`#` is him),
/// his feet on the last row.
const FIGURE: [&str; 22] = [
    "...###...",
    "..#####..",
    "..#####..",
    "..#####..",
    "...###...",
    "....#....",
    ".#######.",
    "#########",
    "#########",
    "#########",
    "##.###.##",
    "##.###.##",
    "##.###.##",
    "#..###..#",
    "..#####..",
    "..##.##..",
    "..##.##..",
    "..##.##..",
    "..##.##..",
    "..##.##..",
    "..##.##..",
    ".###.###.",
];

/// The dark of a figure in the shadows (the figure in black's colour).
const DARK: [f32; 3] = [11.0, 11.0, 16.0];
/// Lev's own colour, for his reflection.
const PALE: [f32; 3] = [190.0, 198.0, 224.0];

/// `photo` changed by `change`, drawn at `scale` image pixels a virtual
/// pixel (the scale photographs are captured at). The photo itself is not
/// touched.
pub fn changed(photo: &RgbaImage, change: AlbumChange, scale: u32) -> RgbaImage {
    let mut out = photo.clone();
    let (w, h) = (out.width() as i64, out.height() as i64);
    let scale = i64::from(scale.max(1));
    match change {
        AlbumChange::Figure => {
            let feet = (w * 2 / 3, h);
            stamp(&mut out, scale, feet, false, |p| mix(p, DARK, 0.9));
        }
        AlbumChange::Reflection => {
            let feet = (w / 2, h - h / 8);
            stamp(&mut out, scale, feet, true, |p| mix(p, PALE, 0.35));
        }
        AlbumChange::Shadow => {
            // Long, as shadows are at dawn: most of the frame's height,
            // standing in from its left edge.
            let tall = (h * 4 / 5 / FIGURE.len() as i64).max(scale);
            let feet = (w / 14, h);
            stamp(&mut out, tall, feet, false, |p| mix(p, DARK, 0.65));
        }
        AlbumChange::Dawn => {
            for pixel in out.pixels_mut() {
                *pixel = dawn(*pixel);
            }
            let feet = (w / 5, h);
            stamp(&mut out, (scale / 2).max(1), feet, false, |p| {
                mix(p, [58.0, 36.0, 48.0], 0.85)
            });
        }
    }
    out
}

/// Dawn's grade: pink and gold over grey.
fn dawn(Rgba([r, g, b, a]): Rgba<u8>) -> Rgba<u8> {
    let grade = |v: u8, keep: f32, warm: f32| (f32::from(v) * keep + warm).clamp(0.0, 255.0) as u8;
    Rgba([
        grade(r, 0.88, 42.0),
        grade(g, 0.80, 24.0),
        grade(b, 0.70, 14.0),
        a,
    ])
}

/// `pixel` moved `amount` of the way to `colour`.
fn mix(Rgba([r, g, b, a]): Rgba<u8>, colour: [f32; 3], amount: f32) -> Rgba<u8> {
    let towards = |v: u8, c: f32| (f32::from(v) + (c - f32::from(v)) * amount).round() as u8;
    Rgba([
        towards(r, colour[0]),
        towards(g, colour[1]),
        towards(b, colour[2]),
        a,
    ])
}

/// Paints Lev's figure into `image` at `scale` pixels a cell, its feet
/// centred on `feet` (x, y down), mirrored if `flip`; each pixel it covers
/// becomes `paint` of itself. What falls outside the image is cut off.
fn stamp(
    image: &mut RgbaImage,
    scale: i64,
    feet: (i64, i64),
    flip: bool,
    paint: impl Fn(Rgba<u8>) -> Rgba<u8>,
) {
    let columns = FIGURE[0].len() as i64;
    let left = feet.0 - columns * scale / 2;
    let top = feet.1 - FIGURE.len() as i64 * scale;
    for (row, line) in FIGURE.iter().enumerate() {
        for (column, cell) in line.bytes().enumerate() {
            if cell != b'#' {
                continue;
            }
            let column = if flip {
                columns - 1 - column as i64
            } else {
                column as i64
            };
            for dy in 0..scale {
                for dx in 0..scale {
                    let x = left + column * scale + dx;
                    let y = top + row as i64 * scale + dy;
                    if let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y))
                        && x < image.width()
                        && y < image.height()
                    {
                        let old = *image.get_pixel(x, y);
                        image.put_pixel(x, y, paint(old));
                    }
                }
            }
        }
    }
}

/// One frame of the roll on the contact sheet: its number, and its picture
/// where one was captured.
#[derive(Clone, Copy, Debug)]
pub struct SheetFrame<'a> {
    /// Its number on the roll, from 1.
    pub number: u32,
    /// The picture, if there is one.
    pub picture: Option<&'a RgbaImage>,
}

/// Frames in a strip of film, as a real contact sheet cuts them.
const FRAMES_PER_STRIP: usize = 6;
/// A frame's picture on the sheet, in pixels (3:2).
pub const CELL: (u32, u32) = (150, 100);
/// Between frames of a strip.
const GAP: u32 = 12;
/// The film's edge above and below the pictures, where the sprocket holes
/// and the numbers are.
const EDGE: u32 = 24;
/// The paper around and between the strips.
const MARGIN: u32 = 28;
/// Pixels a stroke of the numbers' font.
const FONT_SCALE: u32 = 2;
const PAPER: Rgba<u8> = Rgba([236, 232, 224, 255]);
const FILM: Rgba<u8> = Rgba([23, 18, 14, 255]);
const EDGE_PRINT: Rgba<u8> = Rgba([222, 150, 60, 255]);
const BLANK: Rgba<u8> = Rgba([44, 38, 34, 255]);

/// Where a frame sits on the sheet (pixels, y down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetPlace {
    /// The picture's top-left corner.
    pub picture: (u32, u32),
    /// The top-left corner of its number, on the film's lower edge.
    pub label: (u32, u32),
}

/// The place of the frame at `index` (0 for the first) on a sheet.
pub fn sheet_place(index: usize) -> SheetPlace {
    let (strip, column) = (index / FRAMES_PER_STRIP, index % FRAMES_PER_STRIP);
    let x = MARGIN + GAP + column as u32 * (CELL.0 + GAP);
    let y = MARGIN + strip as u32 * (strip_height() + MARGIN / 2) + EDGE;
    SheetPlace {
        picture: (x, y),
        label: (x + 4, y + CELL.1 + 2),
    }
}

fn strip_height() -> u32 {
    EDGE + CELL.1 + EDGE
}

/// The contact sheet of `frames`: strips of film on paper, each frame's
/// picture (or a blank where none was captured) with its number printed on
/// the film's edge below it.
pub fn contact_sheet(frames: &[SheetFrame]) -> RgbaImage {
    let strips = frames.len().div_ceil(FRAMES_PER_STRIP).max(1) as u32;
    let strip_width = GAP + FRAMES_PER_STRIP as u32 * (CELL.0 + GAP);
    let width = MARGIN * 2 + strip_width;
    let height = MARGIN * 2 + strips * strip_height() + (strips - 1) * MARGIN / 2;
    let mut sheet = RgbaImage::from_pixel(width, height, PAPER);
    for strip in 0..strips {
        let top = MARGIN + strip * (strip_height() + MARGIN / 2);
        let film = RgbaImage::from_pixel(strip_width, strip_height(), FILM);
        imageops::overlay(&mut sheet, &film, i64::from(MARGIN), i64::from(top));
        // Sprocket holes along both edges.
        for x in (MARGIN + 6..MARGIN + strip_width - 8).step_by(14) {
            for y in [top + 4, top + strip_height() - 9] {
                fill(&mut sheet, (x, y), (7, 5), PAPER);
            }
        }
    }
    for (index, frame) in frames.iter().enumerate() {
        let place = sheet_place(index);
        match frame.picture {
            Some(picture) => {
                let small = imageops::resize(picture, CELL.0, CELL.1, FilterType::Triangle);
                imageops::overlay(
                    &mut sheet,
                    &small,
                    i64::from(place.picture.0),
                    i64::from(place.picture.1),
                );
            }
            None => fill(&mut sheet, place.picture, CELL, BLANK),
        }
        print_number(&mut sheet, frame.number, place.label);
    }
    sheet
}

fn fill(image: &mut RgbaImage, corner: (u32, u32), size: (u32, u32), colour: Rgba<u8>) {
    for y in corner.1..(corner.1 + size.1).min(image.height()) {
        for x in corner.0..(corner.0 + size.0).min(image.width()) {
            image.put_pixel(x, y, colour);
        }
    }
}

/// The digits 0 to 9, three columns by five rows.
const DIGITS: [[&str; 5]; 10] = [
    ["###", "#.#", "#.#", "#.#", "###"],
    [".#.", "##.", ".#.", ".#.", "###"],
    ["###", "..#", "###", "#..", "###"],
    ["###", "..#", "###", "..#", "###"],
    ["#.#", "#.#", "###", "..#", "..#"],
    ["###", "#..", "###", "..#", "###"],
    ["###", "#..", "###", "#.#", "###"],
    ["###", "..#", ".#.", ".#.", ".#."],
    ["###", "#.#", "###", "#.#", "###"],
    ["###", "#.#", "###", "..#", "###"],
];
/// The arrow after a frame's number, pointing the way the film winds.
const ARROW: [&str; 5] = ["#..", "##.", "###", "##.", "#.."];

/// The glyphs of a frame's label: its number, then the arrow.
fn label_glyphs(number: u32) -> Vec<&'static [&'static str; 5]> {
    let mut glyphs: Vec<&[&str; 5]> = number
        .to_string()
        .bytes()
        .map(|d| &DIGITS[usize::from(d - b'0')])
        .collect();
    glyphs.push(&ARROW);
    glyphs
}

/// Prints `number` and the film's arrow at `corner` in the edge's colour.
fn print_number(image: &mut RgbaImage, number: u32, corner: (u32, u32)) {
    let mut x = corner.0;
    for glyph in label_glyphs(number) {
        for (row, line) in glyph.iter().enumerate() {
            for (column, cell) in line.bytes().enumerate() {
                if cell == b'#' {
                    let at = (
                        x + column as u32 * FONT_SCALE,
                        corner.1 + row as u32 * FONT_SCALE,
                    );
                    fill(image, at, (FONT_SCALE, FONT_SCALE), EDGE_PRINT);
                }
            }
        }
        x += 4 * FONT_SCALE;
    }
}

/// The label of frame `number` as it is printed, alone on the film: what a
/// sheet shows at [`SheetPlace::label`].
fn printed_label(number: u32) -> RgbaImage {
    let glyphs = label_glyphs(number).len() as u32;
    let mut label = RgbaImage::from_pixel(glyphs * 4 * FONT_SCALE, 5 * FONT_SCALE, FILM);
    print_number(&mut label, number, (0, 0));
    label
}

/// Whether `sheet` shows frame `number`'s label at the place of the frame
/// at `index`.
pub fn is_numbered(sheet: &RgbaImage, index: usize, number: u32) -> bool {
    let place = sheet_place(index);
    let label = printed_label(number);
    let fits = place.label.0 + label.width() <= sheet.width()
        && place.label.1 + label.height() <= sheet.height();
    fits && imageops::crop_imm(
        sheet,
        place.label.0,
        place.label.1,
        label.width(),
        label.height(),
    )
    .to_image()
        == label
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grey test picture with a light band across its middle.
    fn picture() -> RgbaImage {
        RgbaImage::from_fn(240, 160, |_, y| {
            if (60..100).contains(&y) {
                Rgba([200, 200, 200, 255])
            } else {
                Rgba([90, 90, 96, 255])
            }
        })
    }

    fn differing(a: &RgbaImage, b: &RgbaImage) -> usize {
        a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count()
    }

    #[test]
    fn every_change_leaves_the_original_and_holds_lev() {
        let original = picture();
        let untouched = original.clone();
        let mut results = Vec::new();
        for change in [
            AlbumChange::Figure,
            AlbumChange::Reflection,
            AlbumChange::Shadow,
            AlbumChange::Dawn,
        ] {
            let out = changed(&original, change, 4);
            assert_eq!(original, untouched, "{change:?} touched the original");
            assert_eq!(out.dimensions(), original.dimensions());
            let changed_pixels = differing(&out, &original);
            assert!(changed_pixels > 500, "{change:?}: {changed_pixels} pixels");
            results.push(out);
        }
        for (i, a) in results.iter().enumerate() {
            for b in &results[i + 1..] {
                assert!(
                    differing(a, b) > 500,
                    "each ending changes the album its own way"
                );
            }
        }
        // The figure stands on the frame's bottom at its right third: its
        // head 22 cells (88 px) up, its legs at the bottom, dark.
        let figure = &results[0];
        assert!(figure.get_pixel(150, 158)[0] < 30, "a leg at the bottom");
        assert!(figure.get_pixel(160, 160 - 86)[0] < 40, "the head");
        assert_eq!(figure.get_pixel(20, 20), original.get_pixel(20, 20));
    }

    #[test]
    fn the_sheet_has_a_numbered_cell_for_each_frame() {
        let picture = picture();
        let frames: Vec<SheetFrame> = (1..=8)
            .map(|number| SheetFrame {
                number,
                picture: (number != 5).then_some(&picture),
            })
            .collect();
        let sheet = contact_sheet(&frames);
        assert_eq!(sheet.width(), MARGIN * 2 + GAP + 6 * (CELL.0 + GAP));
        let (second, seventh) = (sheet_place(1), sheet_place(6));
        assert_eq!(seventh.picture.0, sheet_place(0).picture.0, "a new strip");
        assert!(seventh.picture.1 > second.picture.1 + CELL.1);
        for (index, frame) in frames.iter().enumerate() {
            let place = sheet_place(index);
            assert!(
                is_numbered(&sheet, index, frame.number),
                "frame {}'s number",
                frame.number
            );
            let middle =
                sheet.get_pixel(place.picture.0 + CELL.0 / 2, place.picture.1 + CELL.1 / 2);
            let expected = if frame.picture.is_some() {
                200
            } else {
                BLANK[0]
            };
            assert!(
                middle[0].abs_diff(expected) < 12,
                "frame {}: {middle:?}",
                frame.number
            );
        }
        assert_ne!(printed_label(12), printed_label(21));
        assert!(!is_numbered(&sheet, 0, 2), "another number is not this one");
    }
}
