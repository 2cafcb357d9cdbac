//! The window's icon: Lev's camera, its lens catching a sodium lamp, on the
//! night's blue-black. 32x32, in the palette like everything else.

use super::Canvas;
use super::palette::*;

/// The icon's size in pixels, square.
const ICON_SIZE: u32 = 32;

/// The icon.
pub fn icon() -> Canvas {
    let mut c = Canvas::new(ICON_SIZE, ICON_SIZE);
    // A rounded square of night.
    c.rect(1, 0, 30, 32, NIGHT);
    c.rect(0, 1, 32, 30, NIGHT);
    c.frame(1, 1, 30, 30, SHADOW);
    // The camera: body, viewfinder hump, shutter button and flash window.
    c.rect(4, 11, 24, 14, SLATE);
    c.hline(4, 27, 11, STEEL);
    c.rect(11, 7, 9, 4, SLATE);
    c.hline(11, 19, 7, STEEL);
    c.rect(22, 9, 3, 2, CONC_HI);
    c.rect(6, 13, 3, 2, LAMP);
    c.hline(4, 27, 24, INK);
    // The lens: a dark barrel, its rims, glass, and a lamp's reflection.
    c.ellipse(9, 11, 14, 14, INK);
    c.ring(9, 11, 14, 14, STEEL);
    c.ring(11, 13, 10, 10, MIST);
    c.ellipse(12, 14, 8, 8, GLASS);
    c.ellipse(14, 16, 4, 4, NIGHT);
    c.put(13, 15, SODIUM_HI);
    c.put(14, 15, SODIUM);
    c.put(13, 16, SODIUM);
    c.put(18, 20, RIM);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_square_in_the_palette_with_clear_corners() {
        let icon = icon();
        assert_eq!((icon.width, icon.height), (ICON_SIZE, ICON_SIZE));
        assert_eq!(icon.get(0, 0), CLEAR);
        assert_eq!(icon.get(16, 30), SHADOW);
        for pixel in &icon.pixels {
            assert!(
                *pixel == CLEAR || ALL.contains(pixel),
                "{pixel:?} is not in the palette"
            );
        }
    }
}
