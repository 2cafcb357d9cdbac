//! Pigeons, a street cat and a crow: tiny sprites at exactly the sizes
//! levels use, too small for outlines, so every pixel is chosen by hand.

use super::Sheet;
use super::canvas::Canvas;
use super::palette::*;

fn key(ch: char) -> Option<Rgba> {
    Some(match ch {
        'h' => STEEL,
        'b' => MIST,
        'w' => SLATE,
        'n' => MOSS,
        'r' => RED,
        'c' => WOOD,
        'C' => WOOD_DK,
        'l' => WOOD_HI,
        'e' => HIVIS,
        'k' => INK,
        'K' => NIGHT,
        'm' => SHADOW,
        'y' => CONC_HI,
        _ => return None,
    })
}

fn art(w: u32, h: u32, rows: &[&str]) -> Canvas {
    let mut c = Canvas::new(w, h);
    c.stamp(0, 0, rows, &key);
    c
}

fn frames(w: u32, h: u32, list: &[&[&str]]) -> Vec<Canvas> {
    list.iter().map(|rows| art(w, h, rows)).collect()
}

fn pigeon() -> Sheet {
    Sheet::from_rows(
        "pigeon",
        (4, 3),
        vec![
            (
                "idle",
                3.0,
                frames(
                    4,
                    3,
                    &[
                        &["..hh", "wbbn", ".r.."],
                        &["..hh", "wbbn", ".r.."],
                        &["....", "wbbh", ".r.n"],
                    ],
                ),
            ),
            (
                "fly",
                12.0,
                frames(
                    4,
                    3,
                    &[
                        &[".b..", "wbhh", "...."],
                        &["....", "wbhh", ".b.."],
                        &["....", "wbhh", "b..."],
                    ],
                ),
            ),
        ],
    )
}

fn cat() -> Sheet {
    Sheet::from_rows(
        "cat",
        (6, 4),
        vec![
            (
                "idle",
                2.0,
                frames(
                    6,
                    4,
                    &[
                        &["....CC", "c..Cce", "cccclC", ".C.C.."],
                        &["....CC", ".c.Cce", "cccclC", ".C.C.."],
                    ],
                ),
            ),
            (
                "walk",
                8.0,
                frames(
                    6,
                    4,
                    &[
                        &["....CC", "c...ce", "ccclcC", "C..C.."],
                        &["....CC", "c...ce", "ccclcC", ".CC..."],
                        &["....CC", "c...ce", "ccclcC", "..C.C."],
                        &["....CC", "c...ce", "ccclcC", ".C..C."],
                    ],
                ),
            ),
        ],
    )
}

fn crow() -> Sheet {
    Sheet::from_rows(
        "crow",
        (5, 4),
        vec![
            (
                "idle",
                2.0,
                frames(
                    5,
                    4,
                    &[
                        &["...Km", "KwwKy", ".KK..", ".m.m."],
                        &["...Km", "KwwKy", ".KK..", ".m.m."],
                        &["...Ky", "KwwK.", ".KK..", ".m.m."],
                    ],
                ),
            ),
            (
                "fly",
                10.0,
                frames(
                    5,
                    4,
                    &[
                        &[".wK..", "KmKKK", "....y", "....."],
                        &["....K", "KwwKy", ".m...", "....."],
                        &["....K", "KmmKy", ".wK..", ".m..."],
                    ],
                ),
            ),
        ],
    )
}

/// Sheets for the pigeon, cat and crow.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![pigeon(), cat(), crow()]
}
