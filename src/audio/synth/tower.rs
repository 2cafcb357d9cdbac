//! The clock tower: its bells, its quarter chime and its big clock's tick.

use super::dsp::{
    Ringing, Svf, add_at, add_wrapped, circular, fade_edges, modes, normalize, samples, time, white,
};
use super::reverb::Reverb;
use crate::random::Random;

/// One partial of a bell: (ratio to the base pitch, loudness, decay per second).
pub(super) type Partial = (f32, f32, f32);

/// A struck bell of `base` Hz ringing for `seconds`: its `partials`, each
/// split in two sines `warble` apart (a fraction of its pitch) so it beats
/// slowly the way cast bronze does.
pub(super) fn ring_bell(base: f32, partials: &[Partial], seconds: f32, warble: f32) -> Vec<f32> {
    let mut voices: Vec<(Ringing, Ringing, f32)> = partials
        .iter()
        .map(|(ratio, loudness, decay)| {
            let pitch = base * ratio;
            (
                Ringing::new(pitch * (1.0 + warble), *decay),
                Ringing::new(pitch * (1.0 - warble), *decay),
                0.5 * loudness,
            )
        })
        .collect();
    (0..samples(seconds))
        .map(|i| {
            let strike = 1.0 - (-time(i) * 400.0).exp();
            let ring: f32 = voices
                .iter_mut()
                .map(|(upper, lower, level)| *level * (upper.next_sample() + lower.next_sample()))
                .sum();
            strike * ring
        })
        .collect()
}

/// The quarter-chime bells' partials: hum, prime, tierce, quint, nominal,
/// superquint and octave nominal, the higher dying first.
const CHIME_PARTIALS: [Partial; 7] = [
    (0.5, 0.22, 0.5),
    (1.0, 0.36, 0.8),
    (1.19, 0.26, 1.2),
    (1.5, 0.12, 1.6),
    (2.0, 0.34, 1.9),
    (2.99, 0.12, 3.0),
    (4.0, 0.06, 4.5),
];

/// The tower's quarter chime before the hour: the last phrase of the
/// Westminster quarters (B3, F#4, G#4, E4) on four bells, about six seconds.
pub fn chime() -> Vec<f32> {
    // (start seconds, Hz, loudness)
    const NOTES: [(f32, f32, f32); 4] = [
        (0.05, 246.94, 0.9),
        (0.95, 369.99, 0.8),
        (1.85, 415.30, 0.8),
        (2.9, 329.63, 1.0),
    ];
    let mut sound = vec![0.0; samples(6.0)];
    for (index, (start, pitch, loudness)) in NOTES.iter().enumerate() {
        let at = samples(*start);
        let ring = ring_bell(*pitch, &CHIME_PARTIALS, 6.0 - start, 0.0015);
        add_at(&mut sound, at, &ring, *loudness);
        // The hammer's hit: a short bright knock on the bronze.
        let mut band = Svf::new(2_600.0, 1.2);
        let knock: Vec<f32> = white(samples(0.03), 0xC41E + index as u32)
            .iter()
            .enumerate()
            .map(|(i, n)| band.band(*n) * (-time(i) * 250.0).exp())
            .collect();
        add_at(&mut sound, at, &knock, 0.12 * loudness);
    }
    fade_edges(&mut sound, 0.0, 1.0);
    normalize(&mut sound, 0.85);
    sound
}

/// One knock of the clock's escapement: a metal click over the wooden
/// case's thud, then a lighter second click as the wheel drops. `pitch`
/// scales the resonances; `brightness` the metal's share.
fn knock(pitch: f32, brightness: f32, seed: u32) -> Vec<f32> {
    let count = samples(0.25);
    let metal = modes(
        count,
        &[
            (1_870.0 * pitch, 0.5, 45.0),
            (2_950.0 * pitch, 0.35, 60.0),
            (4_410.0 * pitch, 0.2, 85.0),
        ],
    );
    let wood = modes(
        count,
        &[
            (180.0 * pitch, 0.8, 28.0),
            (420.0 * pitch, 0.5, 38.0),
            (760.0 * pitch, 0.35, 50.0),
        ],
    );
    let mut band = Svf::new(3_000.0 * pitch, 1.5);
    let noise = white(count, seed);
    let drop = samples(0.018);
    let mut sound: Vec<f32> = (0..count)
        .map(|i| {
            let t = time(i);
            let mut hit = (-t * 900.0).exp();
            if i >= drop {
                hit += 0.45 * (-time(i - drop) * 1_100.0).exp();
            }
            let click = band.band(noise[i]) * hit;
            let attack = (t / 0.0008).min(1.0);
            attack * (brightness * metal[i] + wood[i]) + 1.5 * click
        })
        .collect();
    fade_edges(&mut sound, 0.0005, 0.03);
    sound
}

/// One loud mechanical tick of the tower's big clock: a woody, metallic
/// knock, a quarter of a second.
pub fn clock_tick() -> Vec<f32> {
    let mut sound = knock(1.0, 1.0, 0x71C7);
    normalize(&mut sound, 0.9);
    sound
}

/// Seconds of the [`clock_ticking`] loop: a whole number, one tick a second.
pub const CLOCK_TICKING_SECONDS: f32 = 8.0;

/// A seamless loop of the big clock ticking once a second inside the
/// tower, tick and tock slightly different, each knock a little unlike
/// the last, [`CLOCK_TICKING_SECONDS`] long.
pub fn clock_ticking() -> Vec<f32> {
    let mut random = Random::new(0x7000_C10C);
    let mut sound = vec![0.0; samples(CLOCK_TICKING_SECONDS)];
    for second in 0..CLOCK_TICKING_SECONDS as usize {
        let (pitch, brightness) = if second % 2 == 0 {
            (1.0, 1.0)
        } else {
            (0.86, 0.6)
        };
        let one = knock(
            pitch * random.range(0.985, 1.015),
            brightness,
            0x71C7 + second as u32,
        );
        // Off the loop's start, so the loop begins and ends in the quiet.
        let at = samples(second as f32 + 0.3 + random.range(-0.004, 0.004));
        add_wrapped(&mut sound, at, &one, random.range(0.85, 1.0));
    }
    // The tower's stone room.
    let mut room = Reverb::new(1.3, 0.8, 0.35);
    circular(&mut sound, |_, x| x + 0.6 * room.run(x));
    normalize(&mut sound, 0.8);
    sound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chime_has_four_notes_then_rings_out() {
        let chime = chime();
        assert_eq!(chime.len(), samples(6.0));
        let energy = |from: f32, to: f32| {
            chime[samples(from)..samples(to)]
                .iter()
                .map(|s| s * s)
                .sum::<f32>()
        };
        // Each strike is louder than the moment before it.
        for strike in [0.95, 1.85, 2.9] {
            assert!(energy(strike, strike + 0.05) > energy(strike - 0.05, strike));
        }
        assert!(chime[chime.len() - 1].abs() < 1e-4);
    }

    #[test]
    fn the_clock_ticks_once_a_second_and_tick_differs_from_tock() {
        let ticking = clock_ticking();
        assert_eq!(ticking.len() % samples(1.0), 0);
        let loud_at = |second: usize| {
            let from = samples(second as f32 + 0.29);
            ticking[from..from + samples(0.05)]
                .iter()
                .fold(0.0f32, |m, s| m.max(s.abs()))
        };
        for second in 0..CLOCK_TICKING_SECONDS as usize {
            assert!(loud_at(second) > 0.3, "a knock at second {second}");
        }
        assert_ne!(knock(1.0, 1.0, 1), knock(0.86, 0.6, 1));
        let tick = clock_tick();
        assert!(tick.len() == samples(0.25) && tick[tick.len() - 1] == 0.0);
    }
}
