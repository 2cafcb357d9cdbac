//! Tests: determinism, sheet geometry, palette discipline, coverage of
//! every sprite levels name.

use super::*;

#[test]
fn two_runs_give_identical_png_bytes() {
    let (a, b) = (sheets(), sheets());
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(encode_png(&x.image), encode_png(&y.image), "{}", x.name);
    }
    assert_eq!(manifest(&a), manifest(&b));
}

#[test]
fn every_sprite_backdrop_and_tile_set_has_its_sheet() {
    use crate::content::sprites;
    let all = sheets();
    for sprite in sprites::SPRITES {
        let sheet = all.iter().find(|s| s.name == sprite.name);
        assert_eq!(
            sheet.map(|s| s.frame_size),
            Some((sprite.size.0 as u32, sprite.size.1 as u32)),
            "`{}` is drawn at the size photographs judge it by",
            sprite.name
        );
    }
    let extras = ["rain", "title_backdrop", "ending_backdrop"];
    for name in sprites::BACKDROPS
        .iter()
        .chain(sprites::TILE_SETS)
        .chain(&extras)
    {
        assert!(all.iter().any(|s| s.name == *name), "no sheet `{name}`");
    }
    for set in sprites::TILE_SETS {
        let Some(sheet) = all.iter().find(|s| s.name == *set) else {
            continue;
        };
        for tile in ["floor_top", "floor_fill", "wet_street", "planks", "grating"] {
            assert!(
                sheet.animations.iter().any(|a| a.name == tile),
                "`{set}` has no tile `{tile}`"
            );
        }
    }
}

#[test]
fn sheet_images_match_their_grids() {
    for s in sheets() {
        let (fw, fh) = s.frame_size;
        assert!(fw > 0 && fh > 0, "{}", s.name);
        assert_eq!(s.image.width % fw, 0, "{}", s.name);
        assert_eq!(s.image.height % fh, 0, "{}", s.name);
        assert_eq!(s.image.pixels.len() as u32, s.image.width * s.image.height);
        assert!(!s.animations.is_empty(), "{}", s.name);
        for a in &s.animations {
            assert!(
                a.frames >= 1 && a.first + a.frames <= s.columns() * s.rows(),
                "{} {}",
                s.name,
                a.name
            );
            assert_eq!(a.first / s.columns(), a.row, "{} {}", s.name, a.name);
        }
        // Every frame has something drawn in it.
        for i in 0..s.columns() * s.rows() {
            let used = s
                .animations
                .iter()
                .any(|a| (a.first..a.first + a.frames).contains(&i));
            if used {
                let (x, y) = ((i % s.columns() * fw) as i32, (i / s.columns() * fh) as i32);
                assert!(
                    s.image.crop(x, y, fw, fh).pixels.iter().any(|p| p[3] != 0),
                    "{} frame {i}",
                    s.name
                );
            }
        }
    }
}

#[test]
fn every_colour_is_in_the_palette() {
    for s in sheets() {
        for p in &s.image.pixels {
            assert!(palette::ALL.contains(p), "{} uses {:?}", s.name, p);
        }
    }
}

#[test]
fn png_round_trips() {
    let s = sheets()
        .into_iter()
        .find(|s| s.name == "lev")
        .map(|s| s.image);
    let img = s.unwrap_or_else(|| Canvas::new(1, 1));
    let bytes = encode_png(&img).unwrap_or_default();
    let back = image::load_from_memory(&bytes).map(|i| i.to_rgba8());
    let back = back.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((back.width(), back.height()), (img.width, img.height));
    assert_eq!(back.as_raw().as_slice(), img.pixels.concat().as_slice());
}
