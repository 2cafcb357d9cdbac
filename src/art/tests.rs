//! Tests: determinism, sheet geometry, palette discipline, coverage of
//! every sprite levels name.

use super::*;

/// The sprites in `levels::sprites`, with their sizes in virtual pixels.
const SPRITES: &[(&str, u32, u32)] = &[
    ("lev", 8, 22),
    ("stranger", 8, 24),
    ("night_worker", 8, 22),
    ("taxi_driver", 8, 21),
    ("cat_woman", 8, 20),
    ("pigeon", 4, 3),
    ("cat", 6, 4),
    ("crow", 5, 4),
    ("crate", 14, 12),
    ("barrel", 8, 12),
    ("pallet", 16, 3),
    ("shelf", 24, 30),
    ("desk", 20, 9),
    ("chair", 6, 10),
    ("cracked_mirror", 10, 16),
    ("wall_clock", 8, 8),
    ("skylight", 30, 4),
    ("window", 14, 18),
    ("pillar", 6, 60),
    ("chain", 1, 24),
    ("forklift", 22, 16),
    ("hanging_lamp", 6, 4),
    ("phone", 3, 5),
    ("kiosk", 24, 22),
    ("street_lamp", 4, 40),
    ("tram_stop", 20, 24),
    ("tram", 60, 26),
    ("taxi", 30, 12),
    ("bench", 16, 6),
    ("bin", 6, 9),
    ("poster", 10, 14),
    ("underpass_sign", 14, 8),
    ("puddle", 20, 1),
    ("bell", 16, 16),
    ("clock_face", 24, 24),
    ("gear", 14, 14),
    ("rope", 1, 40),
    ("arched_window", 12, 20),
    ("railing", 30, 8),
    ("antenna", 4, 30),
    ("water_tank", 20, 24),
];

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
fn every_sprite_has_a_sheet_of_its_size() {
    let all = sheets();
    for (name, w, h) in SPRITES {
        let sheet = all.iter().find(|s| s.name == *name);
        assert_eq!(sheet.map(|s| s.frame_size), Some((*w, *h)), "{name}");
    }
    for extra in [
        "tiles_warehouse",
        "tiles_streets",
        "tiles_tower",
        "tiles_roof",
        "skyline_night",
        "skyline_dawn",
        "rain",
        "title_backdrop",
    ] {
        assert!(all.iter().any(|s| s.name == extra), "{extra}");
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
