//! Building blocks shared by the sounds: noise, filters, envelopes, a small
//! reverb, and the helpers that make loops seamless by building them
//! circularly (events wrap past the end into the start; filters run twice
//! round the loop so that their state at the start is the state at the end).
//! The reverb has a file of its own.

use std::f32::consts::{PI, TAU};

use super::SAMPLE_RATE;
use crate::random::Random;

/// [`SAMPLE_RATE`] as a float.
pub(super) const RATE: f32 = SAMPLE_RATE as f32;

/// Samples in `seconds` (rounded down).
pub(super) fn samples(seconds: f32) -> usize {
    (seconds.max(0.0) * RATE) as usize
}

/// Seconds at sample `index`.
pub(super) fn time(index: usize) -> f32 {
    index as f32 / RATE
}

/// A sine of `frequency` at `t` seconds.
pub(super) fn sine(frequency: f32, t: f32) -> f32 {
    (TAU * frequency * t).sin()
}

/// `count` samples of white noise from -1 to 1.
pub(super) fn white(count: usize, seed: u32) -> Vec<f32> {
    let mut random = Random::new(seed);
    (0..count).map(|_| random.range(-1.0, 1.0)).collect()
}

/// The coefficient of a one-pole filter with this cutoff.
fn one_pole(cutoff: f32) -> f32 {
    1.0 - (-TAU * cutoff.max(1.0) / RATE).exp()
}

/// A one-pole low-pass filter: 6 dB per octave above its cutoff.
#[derive(Clone, Debug)]
pub(super) struct LowPass {
    a: f32,
    y: f32,
}

impl LowPass {
    /// A filter with its cutoff at `cutoff` Hz.
    pub(super) fn new(cutoff: f32) -> Self {
        Self {
            a: one_pole(cutoff),
            y: 0.0,
        }
    }

    /// Filters one sample.
    pub(super) fn run(&mut self, x: f32) -> f32 {
        self.y += self.a * (x - self.y);
        self.y
    }
}

/// A one-pole high-pass filter: what a [`LowPass`] takes away.
#[derive(Clone, Debug)]
pub(super) struct HighPass(LowPass);

impl HighPass {
    /// A filter with its cutoff at `cutoff` Hz.
    pub(super) fn new(cutoff: f32) -> Self {
        Self(LowPass::new(cutoff))
    }

    /// Filters one sample.
    pub(super) fn run(&mut self, x: f32) -> f32 {
        x - self.0.run(x)
    }
}

/// A state-variable filter (the trapezoidal form), for resonant band-pass
/// and low-pass filtering with a cutoff that may move every sample.
#[derive(Clone, Debug, Default)]
pub(super) struct Svf {
    ic1: f32,
    ic2: f32,
    k: f32,
    a1: f32,
    a2: f32,
    a3: f32,
}

impl Svf {
    /// A filter tuned to `cutoff` Hz with quality `q`.
    pub(super) fn new(cutoff: f32, q: f32) -> Self {
        let mut filter = Self::default();
        filter.tune(cutoff, q);
        filter
    }

    /// Moves the cutoff to `cutoff` Hz and the quality to `q`.
    pub(super) fn tune(&mut self, cutoff: f32, q: f32) {
        let g = (PI * cutoff.clamp(10.0, 0.45 * RATE) / RATE).tan();
        self.k = 1.0 / q.max(0.1);
        self.a1 = 1.0 / (1.0 + g * (g + self.k));
        self.a2 = g * self.a1;
        self.a3 = g * self.a2;
    }

    /// Filters one sample: (low-pass, band-pass with unit gain at the cutoff).
    pub(super) fn run(&mut self, x: f32) -> (f32, f32) {
        let v3 = x - self.ic2;
        let v1 = self.a1 * self.ic1 + self.a2 * v3;
        let v2 = self.ic2 + self.a2 * self.ic1 + self.a3 * v3;
        self.ic1 = 2.0 * v1 - self.ic1;
        self.ic2 = 2.0 * v2 - self.ic2;
        (v2, self.k * v1)
    }

    /// Band-passes one sample.
    pub(super) fn band(&mut self, x: f32) -> f32 {
        self.run(x).1
    }

    /// Low-passes one sample.
    pub(super) fn low(&mut self, x: f32) -> f32 {
        self.run(x).0
    }
}

/// Runs `filter` over `samples` as if they repeated forever: a first pass
/// settles the filter on the loop's end, the second is kept, so the result
/// loops without a seam. `filter` gets each sample's index and value and
/// must depend on nothing else but its own filter state.
pub(super) fn circular(samples: &mut [f32], mut filter: impl FnMut(usize, f32) -> f32) {
    for (i, sample) in samples.iter().enumerate() {
        filter(i, *sample);
    }
    for (i, sample) in samples.iter_mut().enumerate() {
        *sample = filter(i, *sample);
    }
}

/// Adds `sound` times `level` into the loop `buffer` from `start`, wrapping
/// what runs past the end round into the start.
pub(super) fn add_wrapped(buffer: &mut [f32], start: usize, sound: &[f32], level: f32) {
    let length = buffer.len();
    if length == 0 {
        return;
    }
    for (offset, sample) in sound.iter().enumerate() {
        buffer[(start + offset) % length] += level * sample;
    }
}

/// Adds `sound` times `level` into `buffer` from `start`, dropping what
/// runs past the end.
pub(super) fn add_at(buffer: &mut [f32], start: usize, sound: &[f32], level: f32) {
    for (target, sample) in buffer.iter_mut().skip(start).zip(sound) {
        *target += level * sample;
    }
}

/// Fades the first `fade_in` and the last `fade_out` seconds of `samples`
/// along half a cosine, so the sound starts and ends at silence.
pub(super) fn fade_edges(samples: &mut [f32], fade_in: f32, fade_out: f32) {
    let length = samples.len();
    let fade_in = samples_at_least_one(fade_in).min(length);
    let fade_out = samples_at_least_one(fade_out).min(length);
    for (i, sample) in samples.iter_mut().enumerate().take(fade_in) {
        *sample *= ramp(i as f32 / fade_in as f32);
    }
    for (i, sample) in samples.iter_mut().rev().enumerate().take(fade_out) {
        *sample *= ramp(i as f32 / fade_out as f32);
    }
}

fn samples_at_least_one(seconds: f32) -> usize {
    samples(seconds).max(1)
}

/// A smooth rise from 0 (at 0) to 1 (at 1 and beyond), half a cosine.
pub(super) fn ramp(x: f32) -> f32 {
    if x >= 1.0 {
        return 1.0;
    }
    if x <= 0.0 {
        return 0.0;
    }
    0.5 - 0.5 * (PI * x).cos()
}

/// Scales `samples` so that their loudest is `peak`.
pub(super) fn normalize(samples: &mut [f32], peak: f32) {
    let loudest = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    if loudest > 0.0 {
        let gain = peak / loudest;
        samples.iter_mut().for_each(|s| *s *= gain);
    }
}

/// Scales `samples` to a root-mean-square level of `rms`, or less where
/// that would take their loudest sample past `peak`.
pub(super) fn level_to(samples: &mut [f32], rms: f32, peak: f32) {
    let power = samples.iter().map(|s| (s * s) as f64).sum::<f64>() / samples.len().max(1) as f64;
    let loudest = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    if power > 0.0 && loudest > 0.0 {
        let gain = (rms / power.sqrt() as f32).min(peak / loudest);
        samples.iter_mut().for_each(|s| *s *= gain);
    }
}

/// Removes the mean, so that the sound has no DC offset.
pub(super) fn remove_mean(samples: &mut [f32]) {
    if samples.is_empty() {
        return;
    }
    let mean = samples.iter().map(|s| *s as f64).sum::<f64>() / samples.len() as f64;
    samples.iter_mut().for_each(|s| *s -= mean as f32);
}

/// A slow random wobble over a loop of `count` samples, from -1 to 1: a sum
/// of sines of 1 to `cycles` whole cycles over the loop, so it loops.
pub(super) fn wobble(count: usize, cycles: u32, random: &mut Random) -> Vec<f32> {
    // Worked out every STRIDE samples and joined by straight lines: it is slow.
    const STRIDE: usize = 32;
    let waves: Vec<(f32, f32, f32)> = (1..=cycles)
        .map(|n| {
            let level = random.range(0.3, 1.0) / (n as f32).sqrt();
            (n as f32, level, random.range(0.0, TAU))
        })
        .collect();
    let at = |i: usize| -> f32 {
        let x = i as f32 / count.max(1) as f32;
        waves
            .iter()
            .map(|(n, level, phase)| level * (TAU * n * x + phase).sin())
            .sum()
    };
    let knots: Vec<f32> = (0..=count.div_ceil(STRIDE))
        .map(|k| at(k * STRIDE))
        .collect();
    let mut curve: Vec<f32> = (0..count)
        .map(|i| {
            let (k, within) = (i / STRIDE, (i % STRIDE) as f32 / STRIDE as f32);
            knots[k] + (knots[k + 1] - knots[k]) * within
        })
        .collect();
    normalize(&mut curve, 1.0);
    curve
}

/// Irregular event times within `seconds`: gaps drawn from an exponential
/// distribution of mean `mean_gap`, never below `min_gap`.
pub(super) fn scatter(seconds: f32, mean_gap: f32, min_gap: f32, random: &mut Random) -> Vec<f32> {
    let mut times = Vec::new();
    let mut t = random.range(0.0, mean_gap);
    while t < seconds {
        times.push(t);
        let gap = -mean_gap * (1.0 - random.unit()).max(1e-6).ln();
        t += gap.max(min_gap);
    }
    times
}

/// A decaying sine, `e^(-decay t) sin(2 pi frequency t)`, computed by a
/// two-pole recurrence: one multiply-add a sample instead of a sine and an
/// exponential.
#[derive(Clone, Debug)]
pub(super) struct Ringing {
    coefficient: f64,
    damping: f64,
    previous: f64,
    before: f64,
}

impl Ringing {
    /// A sine of `frequency` Hz, dying by `decay` per second, from phase 0.
    pub(super) fn new(frequency: f32, decay: f32) -> Self {
        let w = std::f64::consts::TAU * frequency as f64 / RATE as f64;
        let r = (-(decay as f64) / RATE as f64).exp();
        Self {
            coefficient: 2.0 * r * w.cos(),
            damping: r * r,
            // The two samples before the first, so that the first is 0.
            previous: -w.sin() / r,
            before: -(2.0 * w).sin() / (r * r),
        }
    }

    /// The next sample.
    pub(super) fn next_sample(&mut self) -> f32 {
        let y = self.coefficient * self.previous - self.damping * self.before;
        self.before = self.previous;
        self.previous = y;
        y as f32
    }
}

/// A bell-like stack of decaying sines: (frequency, level, decay per second).
pub(super) fn modes(count: usize, modes: &[(f32, f32, f32)]) -> Vec<f32> {
    let mut voices: Vec<(Ringing, f32)> = modes
        .iter()
        .map(|(frequency, level, decay)| (Ringing::new(*frequency, *decay), *level))
        .collect();
    (0..count)
        .map(|_| {
            voices
                .iter_mut()
                .map(|(ringing, level)| *level * ringing.next_sample())
                .sum()
        })
        .collect()
}

/// Harmonics of one phase: `levels[n]` times `sin((n + 1) phase)`, summed,
/// by the Chebyshev recurrence (one sine and one cosine in all).
pub(super) fn harmonics(phase: f32, levels: &[f32]) -> f32 {
    let angle = std::f32::consts::TAU * phase;
    let (first, cosine) = angle.sin_cos();
    let mut below = 0.0;
    let mut current = first;
    let mut sum = 0.0;
    for level in levels {
        sum += level * current;
        let next = 2.0 * cosine * current - below;
        below = current;
        current = next;
    }
    sum
}
