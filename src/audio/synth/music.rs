//! The score: sparse piano at night, low strings before midnight, warm
//! chords at sunrise. Every note is written into the loop circularly, so
//! one ringing past the end rings on at the start.

use std::f32::consts::TAU;

use super::dsp::{
    self, RATE, add_wrapped, circular, fade_edges, level_to, modes, ramp, remove_mean, samples,
    time,
};
use super::reverb::Reverb;
use crate::content::schema::Music;
use crate::random::Random;

/// Seconds of each music loop.
pub const MUSIC_SECONDS: f32 = 32.0;

/// Partials of a soft piano.
const PIANO: &[f32] = &[1.0, 0.5, 0.28, 0.15, 0.08, 0.04];
/// Partials of bowed strings: a soft sawtooth.
const STRINGS: &[f32] = &[1.0, 0.5, 0.33, 0.25, 0.2, 0.16, 0.12, 0.09];
/// Partials of a warm pad.
const PAD: &[f32] = &[1.0, 0.3, 0.1, 0.04];

/// A struck string of `frequency` Hz: its `harmonics`, slightly stretched
/// the way a piano's are, the higher dying faster; `decay` per second.
fn struck(frequency: f32, decay: f32, harmonics: &[f32]) -> Vec<f32> {
    let partials: Vec<(f32, f32, f32)> = harmonics
        .iter()
        .enumerate()
        .map(|(n, level)| {
            let n = (n + 1) as f32;
            let stretch = (1.0 + 0.0004 * n * n).sqrt();
            (
                frequency * n * stretch,
                *level,
                decay * (1.0 + 0.6 * (n - 1.0)),
            )
        })
        .collect();
    let mut note = modes(samples(7.0 / decay), &partials);
    for (i, sample) in note.iter_mut().enumerate().take(samples(0.004)) {
        *sample *= i as f32 / samples(0.004) as f32;
    }
    fade_edges(&mut note, 0.0, 0.05);
    note
}

/// A held note of `frequency` Hz for `length` seconds: rising over
/// `attack`, falling over `release`, with a gentle `vibrato` (a fraction
/// of its pitch, five times a second).
fn held(
    frequency: f32,
    length: f32,
    attack: f32,
    release: f32,
    harmonics: &[f32],
    vibrato: f32,
) -> Vec<f32> {
    let mut phase = 0.0f32;
    (0..samples(length))
        .map(|i| {
            let t = time(i);
            phase += frequency * (1.0 + vibrato * (TAU * 5.0 * t).sin()) / RATE;
            let envelope = ramp(t / attack) * ramp((length - t) / release);
            phase = phase.fract();
            envelope * dsp::harmonics(phase, harmonics)
        })
        .collect()
}

/// A seamless loop of the score, [`MUSIC_SECONDS`] long: sparse piano at
/// night, low strings before midnight, warm chords at sunrise.
pub fn music(kind: Music) -> Vec<f32> {
    let mut buffer = vec![0.0; samples(MUSIC_SECONDS)];
    let mut random = Random::new(0x5C0E_0000 ^ kind as u32);
    match kind {
        Music::Night => night(&mut buffer, &mut random),
        Music::Tension => tension(&mut buffer, &mut random),
        Music::Sunrise => sunrise(&mut buffer, &mut random),
    }
    let mut room = Reverb::new(1.2, 0.84, 0.4);
    circular(&mut buffer, |_, x| x + 0.5 * room.run(x));
    remove_mean(&mut buffer);
    level_to(&mut buffer, 0.045, 0.6);
    buffer
}

/// Short phrases of piano wandering on A minor pentatonic, with long rests
/// and now and then a low note beneath.
fn night(buffer: &mut [f32], random: &mut Random) {
    const SCALE: [f32; 9] = [
        220.0, 261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.26,
    ];
    const STEPS: [i32; 6] = [-2, -1, -1, 1, 1, 2];
    let mut step = 3i32;
    let mut t = 0.4;
    while t < MUSIC_SECONDS - 1.0 {
        if random.unit() < 0.5 {
            let bass = if random.unit() < 0.6 { 110.0 } else { 82.41 };
            add_wrapped(buffer, samples(t), &struck(bass, 0.9, PIANO), 0.07);
        }
        let notes = 2 + (random.unit() * 3.0) as usize;
        for k in 0..notes {
            let pick = STEPS[(random.unit() * STEPS.len() as f32) as usize % STEPS.len()];
            step = (step + pick).clamp(0, SCALE.len() as i32 - 1);
            let pitch = SCALE[step as usize];
            let velocity = random.range(0.65, 1.0);
            add_wrapped(
                buffer,
                samples(t),
                &struck(pitch, 1.4, PIANO),
                0.1 * velocity,
            );
            if random.unit() < 0.2 && step >= 2 {
                let under = SCALE[step as usize - 2];
                add_wrapped(
                    buffer,
                    samples(t + 0.02),
                    &struck(under, 1.4, PIANO),
                    0.06 * velocity,
                );
            }
            t += if k + 1 == notes {
                random.range(1.0, 1.6)
            } else {
                random.range(0.45, 0.9)
            };
        }
        t += random.range(1.5, 4.0);
    }
}

/// Low strings sliding down by half steps, a heartbeat beneath, a thin
/// high note trembling above in the second half.
fn tension(buffer: &mut [f32], random: &mut Random) {
    const ROOTS: [f32; 4] = [110.0, 103.83, 98.0, 92.5];
    for (i, root) in ROOTS.iter().enumerate() {
        let at = samples(i as f32 * 8.0);
        add_wrapped(
            buffer,
            at,
            &held(*root, 9.5, 2.5, 2.0, STRINGS, 0.004),
            0.05,
        );
        let fifth = held(root * 1.5, 9.0, 3.0, 2.0, STRINGS, 0.005);
        add_wrapped(buffer, at + samples(0.5), &fifth, 0.032);
    }
    let mut t = 1.0;
    while t < MUSIC_SECONDS {
        let thump = struck(55.0 * random.range(1.0, 1.06), 2.0, PIANO);
        add_wrapped(buffer, samples(t), &thump, 0.09);
        add_wrapped(buffer, samples(t + 0.28), &thump, 0.05);
        t += random.range(2.5, 4.5);
    }
    let mut high = held(659.26, 13.0, 4.0, 4.0, &[1.0, 0.2], 0.003);
    high.iter_mut()
        .enumerate()
        .for_each(|(i, s)| *s *= 0.7 + 0.3 * (TAU * 7.0 * time(i)).sin());
    add_wrapped(buffer, samples(17.0), &high, 0.014);
}

/// Open chords, four seconds each (C, Am, F, G, C, Em, F, G), a low root
/// beneath and a few soft bell-like notes of the chord above.
fn sunrise(buffer: &mut [f32], random: &mut Random) {
    const CHORDS: [[f32; 3]; 8] = [
        [261.63, 329.63, 392.0],
        [220.0, 261.63, 329.63],
        [174.61, 220.0, 261.63],
        [196.0, 246.94, 293.66],
        [261.63, 329.63, 392.0],
        [164.81, 196.0, 246.94],
        [174.61, 220.0, 261.63],
        [196.0, 246.94, 293.66],
    ];
    for (i, chord) in CHORDS.iter().enumerate() {
        let start = i as f32 * 4.0;
        for (j, note) in chord.iter().enumerate() {
            let pad = held(*note, 5.2, 1.2, 1.6, PAD, 0.003);
            add_wrapped(buffer, samples(start + j as f32 * 0.08), &pad, 0.05);
        }
        let bass = held(chord[0] / 2.0, 4.8, 0.6, 1.4, PAD, 0.0);
        add_wrapped(buffer, samples(start), &bass, 0.05);
        let bells = 1 + (random.unit() * 2.0) as usize;
        for _ in 0..bells {
            let note = chord[(random.unit() * 3.0) as usize % 3] * 2.0;
            let at = start + random.range(0.5, 3.5);
            add_wrapped(
                buffer,
                samples(at),
                &struck(note, 1.1, &[1.0, 0.2, 0.1]),
                0.045,
            );
        }
    }
}
