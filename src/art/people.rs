//! The people of the night: the stranger in black, the night-shift
//! worker, the taxi driver and the woman who feeds the cats. All face
//! right; frames are exactly the sizes levels use.

use super::Sheet;
use super::canvas::Canvas;
use super::figure::{Look, finish};
use super::palette::*;

/// A person drawn from a full-frame template.
struct Person {
    name: &'static str,
    size: (u32, u32),
    look: Look,
    art: &'static [&'static str],
    /// Rows above this move with the breath.
    waist: i32,
    /// The eye pixel, closed on a blink.
    eye: (i32, i32),
}

impl Person {
    fn base(&self) -> Canvas {
        let mut c = Canvas::new(self.size.0, self.size.1);
        c.stamp(0, 0, self.art, &|ch| self.look.key(ch));
        c
    }

    /// Idle: two still frames, then the chest drops a pixel, then a blink.
    fn idle(&self) -> Vec<Canvas> {
        let base = self.base();
        let low = breathe(&base, self.waist);
        let mut blink = low.clone();
        blink.put(self.eye.0, self.eye.1 + 1, SKIN_SH);
        vec![
            finish(base.clone()),
            finish(base),
            finish(low),
            finish(blink),
        ]
    }
}

/// The upper body (rows above `waist`) lowered one pixel.
pub(super) fn breathe(c: &Canvas, waist: i32) -> Canvas {
    let mut out = c.clone();
    for y in (1..=waist).rev() {
        for x in 0..c.width as i32 {
            let above = c.get(x, y - 1);
            if above[3] != 0 || y < waist {
                out.put(x, y, above);
            }
        }
    }
    out.rect(0, 0, c.width as i32, 1, CLEAR);
    out
}

const STRANGER: Person = Person {
    name: "stranger",
    size: (8, 24),
    look: Look {
        hair: NIGHT,
        hair_hi: SHADOW,
        coat: NIGHT,
        coat_sh: INK,
        coat_hi: SHADOW,
        near_leg: NIGHT,
        far_leg: INK,
        boots: INK,
        accent: GLASS,
        accent_sh: SHADOW,
        extra: RIM,
    },
    art: &[
        "........", "...aax..", "..xhhha.", "..hhKKx.", "..hhKKa.", "..hhhKa.", "..chhhc.",
        ".acccca.", ".cccclx.", ".cCcclc.", ".cCcclc.", ".cCcclx.", ".cCcCla.", ".cCcCla.",
        ".cCcclc.", ".cCcclc.", ".cCcclc.", ".cCcclc.", ".cCcclca", "ccCcclca", "ccCcclcc",
        "ccCccCcc", "cCCCCCCc", "..KK.KK.",
    ],
    waist: 12,
    eye: (5, 3),
};

const WORKER: Person = Person {
    name: "night_worker",
    size: (8, 22),
    look: Look {
        hair: SLATE,
        hair_hi: STEEL,
        coat: SHADOW,
        coat_sh: NIGHT,
        coat_hi: SLATE,
        near_leg: STEEL,
        far_leg: SLATE,
        boots: WOOD_DK,
        accent: HIVIS,
        accent_sh: HIVIS_DK,
        extra: FOG,
    },
    art: &[
        "........", "...hhh..", "..hhhhHH", "..WSses.", "..WSsss.", "...SSs..", "..cSSc..",
        "..aaaac.", ".caaaaa.", ".cxxxxx.", ".caAaaa.", ".cAaaaa.", ".cxxxxx.", ".sAAaaA.",
        "..AAAAA.", "..ffnn..", "..ffnn..", "..ffnn..", "..ffnn..", "..ffnn..", "..ffnn..",
        "..bbbbb.",
    ],
    waist: 14,
    eye: (5, 3),
};

const DRIVER: Person = Person {
    name: "taxi_driver",
    size: (8, 21),
    look: Look {
        hair: CONC_DK,
        hair_hi: CONC,
        coat: WOOD_DK,
        coat_sh: INK,
        coat_hi: WOOD,
        near_leg: GLASS,
        far_leg: SHADOW,
        boots: INK,
        accent: WOOD_HI,
        accent_sh: SKIN_SH,
        extra: CONC_HI,
    },
    art: &[
        "........", "..hhhh..", "..hhhhHH", "..hSses.", "..hSsss.", "...AAs..", "..cSSc..",
        ".ccccxc.", ".ccllcc.", ".cclccc.", ".cclccca", ".cclcccc", ".cCcccc.", ".cCccca.",
        ".cCcccc.", "..Cccc..", "..ffnn..", "..ffnn..", "..ffnn..", "..ffnn..", "..KKKKK.",
    ],
    waist: 14,
    eye: (5, 3),
};

const CAT_WOMAN: Person = Person {
    name: "cat_woman",
    size: (8, 20),
    look: Look {
        hair: CONC_HI,
        hair_hi: CONC_HI,
        coat: MOSS,
        coat_sh: SHADOW,
        coat_hi: CONC,
        near_leg: SKIN_SH,
        far_leg: WOOD_DK,
        boots: INK,
        accent: RUST,
        accent_sh: RUST_DK,
        extra: WOOD,
    },
    art: &[
        "........", "...aaa..", "..aAaaa.", "..aAses.", "..aAsss.", "...aSS..", "..cAAcc.",
        "..cccccl", ".cCccccs", ".cCcccl.", ".cCcccl.", ".cCcxxx.", ".cCcxWx.", ".cCcxxx.",
        ".cCcccl.", ".cCcccl.", ".CCCCCC.", "..fn....", "..fn....", "..KKK...",
    ],
    waist: 15,
    eye: (5, 3),
};

/// Talk frames: mouth open and a hand raised in a small gesture.
fn talk(p: &Person, hand: (i32, i32), sleeve_from: (i32, i32), sleeve: Rgba) -> Vec<Canvas> {
    let base = p.base();
    let mut open = base.clone();
    open.put(p.eye.0 + 1, p.eye.1 + 2, INK);
    let mut gesture = open.clone();
    gesture.line(sleeve_from.0, sleeve_from.1, hand.0 - 1, hand.1 + 1, sleeve);
    gesture.put(hand.0, hand.1, SKIN);
    vec![finish(gesture), finish(open)]
}

/// The taxi driver's cigarette: the ember glows and dims.
fn smoking(p: &Person) -> Vec<Canvas> {
    p.idle()
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            let (x, y) = (7, if i >= 2 { 11 } else { 10 });
            c.put(x, y, if i % 2 == 0 { SODIUM_HI } else { SODIUM_MID });
            c
        })
        .collect()
}

/// The stranger's idle: the breath, and the rim light wavering.
fn stranger_idle() -> Vec<Canvas> {
    let mut frames = STRANGER.idle();
    for (i, f) in frames.iter_mut().enumerate() {
        if i % 2 == 1 {
            f.recolour(RIM, GLASS);
        }
    }
    frames
}

/// Sheets for the stranger and the three street people.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![
        Sheet::from_rows(
            "stranger",
            STRANGER.size,
            vec![("idle", 2.0, stranger_idle())],
        ),
        Sheet::from_rows(
            WORKER.name,
            WORKER.size,
            vec![
                ("idle", 2.5, WORKER.idle()),
                ("talk", 4.0, talk(&WORKER, (6, 8), (2, 9), SHADOW)),
            ],
        ),
        Sheet::from_rows(
            DRIVER.name,
            DRIVER.size,
            vec![
                ("idle", 2.5, smoking(&DRIVER)),
                ("talk", 4.0, talk(&DRIVER, (6, 7), (2, 9), WOOD_DK)),
            ],
        ),
        Sheet::from_rows(
            CAT_WOMAN.name,
            CAT_WOMAN.size,
            vec![
                ("idle", 2.0, CAT_WOMAN.idle()),
                ("talk", 4.0, talk(&CAT_WOMAN, (6, 8), (2, 9), SHADOW)),
            ],
        ),
    ]
}
