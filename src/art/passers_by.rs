//! Two people far off in the streets, walking under the lamps: a man in a
//! cap and a long coat, and a woman under a red umbrella. Both face right
//! (the game mirrors them to walk left) and have idle and walk rows.

use super::Sheet;
use super::canvas::Canvas;
use super::figure::{Look, finish, leg, stamp};
use super::palette::*;
use super::people::breathe;

/// A walker: an upper body from a template over procedural legs.
struct Walker {
    name: &'static str,
    size: (u32, u32),
    look: Look,
    /// The body down to the coat's hem; the legs hang below it.
    body: &'static [&'static str],
    /// Where the near leg leaves the coat; the far leg is a pixel behind.
    hip: (i32, i32),
    /// Rows above this bob on the passing steps and with the breath.
    waist: i32,
    /// The eye pixel, closed on a blink.
    eye: (i32, i32),
}

/// Walk: 4 frames, (near_x, near_lift, far_x, far_lift, bob).
const STRIDE: [(i32, i32, i32, i32, bool); 4] = [
    (4, 0, 1, 0, false),
    (3, 0, 2, 2, true),
    (1, 0, 4, 0, false),
    (2, 2, 3, 0, true),
];

impl Walker {
    fn frame(&self, feet: (i32, i32, i32, i32), low: bool, blink: bool) -> Canvas {
        let mut c = Canvas::new(self.size.0, self.size.1);
        let ground = self.size.1 as i32 - 1;
        let (hx, hy) = self.hip;
        leg(
            &mut c,
            self.look.far_leg,
            INK,
            (hx - 1, hy),
            feet.2,
            feet.3,
            ground,
        );
        leg(
            &mut c,
            self.look.near_leg,
            INK,
            (hx, hy),
            feet.0,
            feet.1,
            ground,
        );
        stamp(&mut c, &self.look, 0, 0, self.body);
        if blink {
            c.put(self.eye.0, self.eye.1, SKIN_SH);
        }
        if low { breathe(&c, self.waist) } else { c }
    }

    /// Idle: standing, the breath, a blink.
    fn idle(&self) -> Vec<Canvas> {
        let stand = (3, 0, 2, 0);
        vec![
            finish(self.frame(stand, false, false)),
            finish(self.frame(stand, false, false)),
            finish(self.frame(stand, true, false)),
            finish(self.frame(stand, true, true)),
        ]
    }

    fn walk(&self) -> Vec<Canvas> {
        STRIDE
            .iter()
            .map(|&(nx, nl, fx, fl, bob)| finish(self.frame((nx, nl, fx, fl), bob, false)))
            .collect()
    }

    fn sheet(&self) -> Sheet {
        Sheet::from_rows(
            self.name,
            self.size,
            vec![("idle", 2.0, self.idle()), ("walk", 6.0, self.walk())],
        )
    }
}

const MAN_IN_A_CAP: Walker = Walker {
    name: "passerby",
    size: (7, 20),
    look: Look {
        hair: NIGHT,
        hair_hi: SHADOW,
        coat: SLATE,
        coat_sh: SHADOW,
        coat_hi: STEEL,
        near_leg: SHADOW,
        far_leg: NIGHT,
        boots: INK,
        accent: CONC_DK,
        accent_sh: SLATE,
        extra: FOG,
    },
    body: &[
        ".......", "..hhh..", "..hhhHH", "..hSse.", "..hSss.", "...SS..", "..aaac.", ".Ccccl.",
        ".Ccccl.", ".Ccccl.", ".CcCcl.", ".Ccccl.", ".Ccccl.", ".CCccl.", "..CCc..",
    ],
    hip: (4, 15),
    waist: 14,
    eye: (5, 3),
};

const WOMAN_WITH_AN_UMBRELLA: Walker = Walker {
    name: "passerby_umbrella",
    size: (9, 22),
    look: Look {
        hair: CONC_DK,
        hair_hi: CONC,
        coat: MOSS,
        coat_sh: SHADOW,
        coat_hi: CONC,
        near_leg: WOOD_DK,
        far_leg: SHADOW,
        boots: INK,
        accent: RUST,
        accent_sh: RUST_DK,
        extra: STEEL,
    },
    body: &[
        "..aaaaa..",
        ".aaaaaaa.",
        "aAaaaaaAa",
        "A.hhh.x.A",
        "..hhssx..",
        "..hSsex..",
        "..hSssx..",
        "...SS.x..",
        "..ccccx..",
        ".Cccccs..",
        ".Cccccl..",
        ".Cccccl..",
        ".Ccccll..",
        ".Cccccl..",
        ".CCcccl..",
        ".CCCccl..",
        "..CCCc...",
    ],
    hip: (4, 17),
    waist: 16,
    eye: (5, 5),
};

/// Sheets for the two passers-by.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![MAN_IN_A_CAP.sheet(), WOMAN_WITH_AN_UMBRELLA.sheet()]
}
