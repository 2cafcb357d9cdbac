//! Lev: a thin young man in a dark coat, a camera on a red strap. He
//! faces right; the game mirrors him to walk left. 8x22 frames.

use super::Sheet;
use super::canvas::Canvas;
use super::figure::{Look, arm, finish, leg, stamp};
use super::palette::*;

const W: u32 = 8;
const H: u32 = 22;
const GROUND: i32 = 21;

const LOOK: Look = Look {
    hair: WOOD_DK,
    hair_hi: WOOD,
    coat: SLATE,
    coat_sh: SHADOW,
    coat_hi: STEEL,
    near_leg: CONC_DK,
    far_leg: SHADOW,
    boots: INK,
    accent: RUST,
    accent_sh: RUST_DK,
    extra: SODIUM_MID,
};

/// Head in profile, rows 0..6.
const HEAD: [&str; 6] = [
    "........", "...hhh..", "..hhhhH.", "..hhses.", "..hSsss.", "...Sss..",
];

/// Head with blinking eye closed.
const HEAD_BLINK: [&str; 6] = [
    "........", "...hhh..", "..hhhhH.", "..hhsss.", "..hSsss.", "...Sss..",
];

/// Head with the camera at the eye.
const HEAD_CAMERA: [&str; 6] = [
    "........", "...hhh..", "..hhhhH.", "..hhsmmk", "..hSskkg", "...Sss..",
];

/// Coat from collar to hem, rows 6..17: belted, flaring at the hem.
const COAT: [&str; 10] = [
    "...CSc..", "..cccl..", "..cccl..", "..cccl..", "..cccl..", "..kkkk..", "..cccl..", "..cccl..",
    "..Cccl..", ".CCcccl.",
];

/// The red strap from the far shoulder to the camera at the near hip.
fn strap(c: &mut Canvas, dy: i32) {
    c.line(2, 7 + dy, 5, 10 + dy, RUST);
    c.put(5, 11 + dy, NIGHT);
    c.put(6, 11 + dy, MIST);
    c.put(5, 12 + dy, NIGHT);
    c.put(6, 12 + dy, GLASS);
}

/// One standing/walking frame. `hand` is the near hand's position relative
/// to the default hanging hand; feet are (near_x, near_lift, far_x, far_lift).
fn body(head: &[&str], dy: i32, hand: (i32, i32), feet: (i32, i32, i32, i32)) -> Canvas {
    let mut c = Canvas::new(W, H);
    let hip = 16 + dy.min(1);
    leg(&mut c, LOOK.far_leg, INK, (3, hip), feet.2, feet.3, GROUND);
    stamp(&mut c, &LOOK, 0, 6 + dy, &COAT);
    leg(&mut c, LOOK.near_leg, INK, (4, hip), feet.0, feet.1, GROUND);
    stamp(&mut c, &LOOK, 0, dy, head);
    arm(
        &mut c,
        LOOK.coat_sh,
        (3, 8 + dy),
        (3 + hand.0, 14 + dy + hand.1),
    );
    strap(&mut c, dy);
    c
}

/// Walk: 8 frames, (near_x, near_lift, far_x, far_lift, drop, hand_dx).
const WALK: [(i32, i32, i32, i32, i32, i32); 8] = [
    (5, 0, 1, 0, 0, -2),
    (4, 0, 2, 1, 1, -1),
    (3, 0, 3, 2, 0, 0),
    (2, 0, 4, 1, 0, 1),
    (1, 0, 5, 0, 0, 2),
    (2, 1, 4, 0, 1, 1),
    (3, 2, 3, 0, 0, 0),
    (4, 1, 2, 0, 0, -1),
];

fn walk() -> Vec<Canvas> {
    WALK.iter()
        .map(|&(nx, nl, fx, fl, dy, hx)| {
            let mut c = body(&HEAD, dy, (hx, -(hx.abs() / 2)), (nx, nl, fx, fl));
            // The hem swings back a pixel on the long strides.
            if nx.abs_diff(fx) >= 3 {
                c.put(1, 14 + dy, LOOK.coat_sh);
            }
            finish(c)
        })
        .collect()
}

fn idle() -> Vec<Canvas> {
    let stand = (4, 0, 2, 0);
    vec![
        finish(body(&HEAD, 0, (0, 0), stand)),
        finish(body(&HEAD, 0, (0, 0), stand)),
        finish(body(&HEAD, 1, (0, 0), stand)),
        finish(body(&HEAD_BLINK, 1, (0, 0), stand)),
    ]
}

fn careful() -> Vec<Canvas> {
    // Crouched a pixel, hand on the camera, short tip-toe steps.
    [(3, 0, 2, 0), (4, 2, 2, 0), (5, 0, 2, 0), (5, 0, 3, 1)]
        .iter()
        .map(|&feet| finish(body(&HEAD, 1, (2, -2), feet)))
        .collect()
}

/// Camera at the eye: the near arm bent up under the lens.
pub(super) fn raised(flash: bool) -> Canvas {
    let mut c = Canvas::new(W, H);
    leg(&mut c, LOOK.far_leg, INK, (3, 16), 2, 0, GROUND);
    stamp(&mut c, &LOOK, 0, 6, &COAT);
    leg(&mut c, LOOK.near_leg, INK, (4, 16), 4, 0, GROUND);
    stamp(&mut c, &LOOK, 0, 0, &HEAD_CAMERA);
    c.line(3, 8, 4, 7, LOOK.coat_sh);
    c.line(5, 7, 5, 6, LOOK.coat_sh);
    c.put(6, 5, SKIN);
    // The strap hangs slack from the camera.
    c.put(4, 6, RUST);
    if flash {
        c.put(7, 2, LAMP);
        c.put(7, 3, WHITE);
        c.put(7, 4, WHITE);
        c.put(6, 2, WHITE);
    }
    finish(c)
}

/// Climbing, seen from the side: hands reaching up in front, knees high.
fn climb() -> Vec<Canvas> {
    // (near hand y, far hand y, near foot lift, far foot lift)
    [(1, 7, 3, 0), (4, 4, 1, 1), (7, 1, 0, 3), (4, 4, 1, 1)]
        .iter()
        .map(|&(nh, fh, nl, fl)| {
            let mut c = Canvas::new(W, H);
            arm(&mut c, NIGHT, (3, 8), (6, fh));
            leg(&mut c, LOOK.far_leg, INK, (3, 16), 3, fl, GROUND);
            stamp(&mut c, &LOOK, 0, 6, &COAT);
            leg(&mut c, LOOK.near_leg, INK, (4, 16), 4, nl, GROUND);
            stamp(&mut c, &LOOK, 0, 0, &HEAD);
            arm(&mut c, LOOK.coat_sh, (4, 8), (6, nh));
            c.line(2, 7, 4, 12, RUST);
            finish(c)
        })
        .collect()
}

/// Lev's sheet: idle, walk, careful, climb, camera_raised, shoot.
pub(crate) fn sheets() -> Vec<Sheet> {
    vec![Sheet::from_rows(
        "lev",
        (W, H),
        vec![
            ("idle", 3.0, idle()),
            ("walk", 10.0, walk()),
            ("careful", 5.0, careful()),
            ("climb", 6.0, climb()),
            ("camera_raised", 0.0, vec![raised(false)]),
            (
                "shoot",
                12.0,
                vec![raised(false), raised(true), raised(false)],
            ),
        ],
    )]
}
