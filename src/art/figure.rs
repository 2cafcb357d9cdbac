//! Shared helpers for people: a colour key for text-art templates and
//! procedural legs and arms, so a few templates make many frames.

use super::canvas::Canvas;
use super::palette::*;

/// The colours of one person, looked up by template characters.
#[derive(Clone, Copy)]
pub(crate) struct Look {
    /// `h`: hair or hat.
    pub hair: Rgba,
    /// `H`: hair or hat highlight.
    pub hair_hi: Rgba,
    /// `c`: coat.
    pub coat: Rgba,
    /// `C`: coat in shadow, sleeves.
    pub coat_sh: Rgba,
    /// `l`: coat catching the light.
    pub coat_hi: Rgba,
    /// `n`: near leg.
    pub near_leg: Rgba,
    /// `f`: far leg.
    pub far_leg: Rgba,
    /// `b`: boots.
    pub boots: Rgba,
    /// `a`: accent (strap, vest, scarf).
    pub accent: Rgba,
    /// `A`: accent in shadow.
    pub accent_sh: Rgba,
    /// `x`: extra detail (stripe, bag).
    pub extra: Rgba,
}

impl Look {
    /// The colour for a template character; `None` leaves the pixel.
    pub fn key(&self, ch: char) -> Option<Rgba> {
        Some(match ch {
            'h' => self.hair,
            'H' => self.hair_hi,
            'c' => self.coat,
            'C' => self.coat_sh,
            'l' => self.coat_hi,
            'n' => self.near_leg,
            'f' => self.far_leg,
            'b' => self.boots,
            'a' => self.accent,
            'A' => self.accent_sh,
            'x' => self.extra,
            's' => SKIN,
            'S' => SKIN_SH,
            'e' | 'K' => INK,
            'k' => NIGHT,
            'm' => MIST,
            'g' => GLASS,
            'r' => RIM,
            'w' => WHITE,
            'L' => LAMP,
            'o' => SODIUM_MID,
            'O' => SODIUM,
            _ => return None,
        })
    }
}

/// Stamp a template with a look's colours.
pub(crate) fn stamp(canvas: &mut Canvas, look: &Look, x: i32, y: i32, rows: &[&str]) {
    canvas.stamp(x, y, rows, &|ch| look.key(ch));
}

/// Draw one leg from the hip (x, y) to a foot at `foot_x`, lifted `lift`
/// pixels off the ground row `ground`, with a boot pointing right.
pub(crate) fn leg(
    c: &mut Canvas,
    colour: Rgba,
    boot: Rgba,
    hip: (i32, i32),
    foot_x: i32,
    lift: i32,
    ground: i32,
) {
    let foot_y = ground - lift;
    let (hx, hy) = hip;
    if lift >= 2 {
        // A bent knee: hip, knee ahead, foot tucked under.
        let knee = (foot_x.max(hx) + 1, (hy + foot_y) / 2);
        c.line(hx, hy, knee.0, knee.1, colour);
        c.line(knee.0, knee.1, foot_x, foot_y - 1, colour);
    } else {
        c.line(hx, hy, foot_x, foot_y - 1, colour);
    }
    c.put(foot_x, foot_y, boot);
    c.put(foot_x + 1, foot_y, boot);
}

/// Draw an arm: a sleeve line from the shoulder to the wrist, then a hand.
pub(crate) fn arm(c: &mut Canvas, sleeve: Rgba, shoulder: (i32, i32), hand: (i32, i32)) {
    let (sx, sy) = shoulder;
    let (hx, hy) = hand;
    let wrist = (hx - (hx - sx).signum(), hy - (hy - sy).signum());
    c.line(sx, sy, wrist.0, wrist.1, sleeve);
    c.put(hx, hy, SKIN);
}

/// Finish a frame: a 1-pixel ink outline around the figure.
pub(crate) fn finish(mut c: Canvas) -> Canvas {
    c.outline(INK);
    c
}
