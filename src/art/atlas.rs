//! One picture for every sprite the game animates: the sheets of people,
//! animals and props packed into `atlas.png`, so the renderer draws a whole
//! level's sprites from one texture, in a few batches instead of one per
//! sheet. Backdrops and tiles stay pictures of their own: they are drawn
//! repeated, which needs a whole image.

use super::{Canvas, Sheet, is_tiling};

/// The atlas's width in pixels; rows of sheets fill it top to bottom.
const ATLAS_WIDTH: u32 = 512;
/// Empty pixels between packed sheets, so no frame bleeds into another.
const GAP: u32 = 1;

/// Whether `sheet` goes into the atlas: what is drawn as a sprite from a
/// grid of frames, not a backdrop or a tile set.
fn packs(sheet: &Sheet) -> bool {
    !is_tiling(sheet.name) && sheet.image.width <= ATLAS_WIDTH && sheet.image.height <= 64
}

/// Where each sheet lies in the atlas (none: not packed), in the order of
/// `sheets`, and the atlas's height: tallest first, in shelves.
pub fn layout(sheets: &[Sheet]) -> (Vec<Option<(u32, u32)>>, u32) {
    let mut order: Vec<usize> = (0..sheets.len()).filter(|&i| packs(&sheets[i])).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(sheets[i].image.height), sheets[i].name));
    let mut at = vec![None; sheets.len()];
    let (mut x, mut y, mut shelf) = (0, 0, 0);
    for i in order {
        let (w, h) = (sheets[i].image.width, sheets[i].image.height);
        if x + w > ATLAS_WIDTH {
            (x, y, shelf) = (0, y + shelf + GAP, 0);
        }
        at[i] = Some((x, y));
        x += w + GAP;
        shelf = shelf.max(h);
    }
    (at, y + shelf)
}

/// The atlas picture of `sheets`, laid out by [`layout`].
pub fn picture(sheets: &[Sheet]) -> Canvas {
    let (at, height) = layout(sheets);
    let mut atlas = Canvas::new(ATLAS_WIDTH, height.max(1));
    for (sheet, at) in sheets.iter().zip(at) {
        if let Some((x, y)) = at {
            atlas.blit(&sheet.image, x as i32, y as i32);
        }
    }
    atlas
}
