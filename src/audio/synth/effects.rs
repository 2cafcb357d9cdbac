//! Short effects: menus, the camera, footsteps, voices, the phone, the bell.

use super::dsp::{LowPass, RATE, Svf, fade_edges, samples, sine, time};
use super::tower::{Partial, ring_bell};
use crate::content::schema::{Surface, Voice};
use crate::random::Random;

/// A soft high tick: a sine burst with a fast exponential decay.
pub fn tick(frequency: f32, seconds: f32) -> Vec<f32> {
    let mut sound: Vec<f32> = (0..samples(seconds))
        .map(|i| {
            let t = time(i);
            0.35 * (-t * 60.0).exp() * sine(frequency, t)
        })
        .collect();
    fade_edges(&mut sound, 0.0, 0.004);
    sound
}

/// An old telephone's bell: a clapper hammering two small bells twenty
/// times a second, in three double rings (0.4 s on, 0.2 s off, 0.4 s on,
/// then 1.4 s of quiet).
pub fn phone_ring() -> Vec<f32> {
    let period = 2.4;
    // Each ring's edges ramp over a few milliseconds: no clicks.
    let gate = |within: f32, from: f32, to: f32| {
        const EDGE: f32 = 0.004;
        if within < from || within > to {
            0.0
        } else {
            ((within - from) / EDGE).min((to - within) / EDGE).min(1.0)
        }
    };
    (0..samples(3.0 * period))
        .map(|i| {
            let t = time(i);
            let within = t % period;
            let on = gate(within, 0.0, 0.4).max(gate(within, 0.6, 1.0));
            if on == 0.0 {
                return 0.0;
            }
            // Each stroke of the clapper, twenty a second, decays fast.
            let stroke = (-(t % 0.05) * 60.0).exp();
            let bells = sine(1_150.0, t) + 0.8 * sine(1_370.0, t);
            0.22 * on * stroke * bells
        })
        .collect()
}

/// One stroke of a big bronze bell: its hum, prime, minor third, fifth and
/// octave partials, the higher ones dying first, over four seconds.
pub fn bell_stroke() -> Vec<f32> {
    const BASE: f32 = 196.0;
    const PARTIALS: [Partial; 6] = [
        (0.5, 0.30, 0.6),
        (1.0, 0.45, 0.9),
        (1.2, 0.25, 1.3),
        (1.5, 0.18, 1.6),
        (2.0, 0.22, 2.0),
        (2.74, 0.12, 3.2),
    ];
    let mut stroke = ring_bell(BASE, &PARTIALS, 4.0, 0.0);
    stroke.iter_mut().for_each(|s| *s *= 0.6);
    fade_edges(&mut stroke, 0.0, 0.3);
    stroke
}

/// A mechanical shutter: two short noise clicks (curtain open, curtain close)
/// `gap` seconds apart.
pub fn shutter(gap: f32) -> Vec<f32> {
    let count = ((gap + 0.06) * RATE) as usize;
    let second = samples(gap);
    let mut noise = Random::new(0x9E37_79B9);
    let click = |i: usize, start: usize| match i.checked_sub(start) {
        Some(since) => (-time(since) * 180.0).exp(),
        None => 0.0,
    };
    let mut sound: Vec<f32> = (0..count)
        .map(|i| 0.5 * (click(i, 0) + 0.7 * click(i, second)) * noise.range(-1.0, 1.0))
        .collect();
    fade_edges(&mut sound, 0.0, 0.005);
    sound
}

/// The film winding on after a shot: a quick ratchet of soft clicks under
/// a short whirr, a tenth of a second after the shutter.
pub fn film_advance() -> Vec<f32> {
    let delay = samples(0.1);
    let clicks = 6;
    let spacing = samples(0.035);
    let mut noise = Random::new(0x5EED_F11E);
    let count = delay + clicks * spacing + samples(0.05);
    let mut sound: Vec<f32> = (0..count)
        .map(|i| {
            let Some(since) = i.checked_sub(delay) else {
                return 0.0;
            };
            let click = if since / spacing < clicks {
                (-time(since % spacing) * 400.0).exp()
            } else {
                0.0
            };
            let t = time(since);
            let whirr = 0.08 * (-t * 8.0).exp() * sine(180.0, t);
            0.3 * click * noise.range(-1.0, 1.0) + whirr
        })
        .collect();
    fade_edges(&mut sound, 0.0, 0.01);
    sound
}

/// One blip of a speaker's text typing out, each voice its own: a low warm
/// hum falling, a plain middle tone, a quick high tone rising, and down a
/// phone line a thin band-limited buzz; silence for [`Voice::Silent`].
pub fn voice(voice: Voice) -> Vec<f32> {
    // (start Hz, end Hz, seconds, harmonic levels)
    let (from, to, seconds, harmonics): (f32, f32, f32, &[f32]) = match voice {
        Voice::Low => (150.0, 128.0, 0.06, &[1.0, 0.55, 0.3, 0.12]),
        Voice::Middle => (262.0, 262.0, 0.045, &[1.0, 0.3, 0.1]),
        Voice::High => (440.0, 520.0, 0.035, &[1.0, 0.12]),
        Voice::Phone => (610.0, 600.0, 0.05, &[1.0, 0.0, 0.6, 0.0, 0.4, 0.0, 0.28]),
        Voice::Silent => return Vec::new(),
    };
    let count = samples(seconds);
    let mut band = Svf::new(1_400.0, 0.8);
    let mut noise = Random::new(0x0701_1CE5);
    let mut phase = 0.0f32;
    let mut sound: Vec<f32> = (0..count)
        .map(|i| {
            let progress = i as f32 / count as f32;
            phase += (from + (to - from) * progress) / RATE;
            let tone: f32 = harmonics
                .iter()
                .enumerate()
                .map(|(n, level)| level * (std::f32::consts::TAU * (n + 1) as f32 * phase).sin())
                .sum();
            let decay = (-time(i) * 30.0).exp();
            if voice == Voice::Phone {
                // A telephone's narrow band, and a little line crackle.
                band.band(tone + 0.15 * noise.range(-1.0, 1.0)) * decay
            } else {
                tone * decay
            }
        })
        .collect();
    super::dsp::normalize(&mut sound, 0.22);
    fade_edges(&mut sound, 0.003, 0.012);
    sound
}

/// A footstep on `surface`: a heel strike shaped by what it lands on.
pub fn footstep(surface: Surface) -> Vec<f32> {
    // (seconds, noise decay per second, tone Hz, tone decay, tone level)
    let (seconds, noise_decay, tone, tone_decay, tone_level) = match surface {
        Surface::Concrete => (0.08, 90.0, 110.0, 60.0, 0.5),
        Surface::Metal => (0.25, 120.0, 1250.0, 14.0, 0.35),
        Surface::WetStreet => (0.14, 28.0, 90.0, 70.0, 0.3),
        Surface::Wood => (0.12, 110.0, 190.0, 35.0, 0.6),
    };
    let mut noise = Random::new(0x1234_5678 ^ surface as u32);
    // Wet streets splash: their noise is brighter; the rest is dulled.
    let mut dull = LowPass::new(if surface == Surface::WetStreet {
        9_000.0
    } else {
        5_000.0
    });
    let mut sound: Vec<f32> = (0..samples(seconds))
        .map(|i| {
            let t = time(i);
            let thud = (-t * noise_decay).exp() * dull.run(noise.range(-1.0, 1.0));
            let ring = (-t * tone_decay).exp() * sine(tone, t);
            0.35 * (1.4 * thud + tone_level * ring)
        })
        .collect();
    fade_edges(&mut sound, 0.001, 0.008);
    sound
}
