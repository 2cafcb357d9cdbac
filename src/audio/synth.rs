//! Sound synthesis: pure functions from parameters to mono samples in [-1, 1].

use crate::levels::schema::{Ambience, Music, Surface, Voice};
use crate::random::Random;

/// Samples per second of every synthesized sound.
pub const SAMPLE_RATE: u32 = 44_100;

/// A soft high tick: a sine burst with a fast exponential decay.
pub fn tick(frequency: f32, seconds: f32) -> Vec<f32> {
    let count = (seconds * SAMPLE_RATE as f32) as usize;
    (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let envelope = (-t * 60.0).exp();
            0.35 * envelope * (std::f32::consts::TAU * frequency * t).sin()
        })
        .collect()
}

/// An old telephone's bell: a clapper hammering two small bells twenty
/// times a second, in three double rings (0.4 s on, 0.2 s off, 0.4 s on,
/// then 1.4 s of quiet).
pub fn phone_ring() -> Vec<f32> {
    let period = 2.4;
    let count = (3.0 * period * SAMPLE_RATE as f32) as usize;
    (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let within = t % period;
            let on = within < 0.4 || (0.6..1.0).contains(&within);
            if !on {
                return 0.0;
            }
            // Each stroke of the clapper, twenty a second, decays fast.
            let stroke = (-(t % 0.05) * 60.0).exp();
            let bells = (std::f32::consts::TAU * 1_150.0 * t).sin()
                + 0.8 * (std::f32::consts::TAU * 1_370.0 * t).sin();
            0.22 * stroke * bells
        })
        .collect()
}

/// One stroke of a big bronze bell: its hum, prime, minor third, fifth and
/// octave partials, the higher ones dying first, over four seconds.
pub fn bell_stroke() -> Vec<f32> {
    const BASE: f32 = 196.0;
    // (ratio to the prime, loudness, decay per second)
    const PARTIALS: [(f32, f32, f32); 6] = [
        (0.5, 0.30, 0.6),
        (1.0, 0.45, 0.9),
        (1.2, 0.25, 1.3),
        (1.5, 0.18, 1.6),
        (2.0, 0.22, 2.0),
        (2.74, 0.12, 3.2),
    ];
    let count = (4.0 * SAMPLE_RATE as f32) as usize;
    (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let strike = 1.0 - (-t * 400.0).exp();
            let ring: f32 = PARTIALS
                .iter()
                .map(|(ratio, loudness, decay)| {
                    loudness * (-t * decay).exp() * (std::f32::consts::TAU * BASE * ratio * t).sin()
                })
                .sum();
            0.6 * strike * ring
        })
        .collect()
}

/// A mechanical shutter: two short noise clicks (curtain open, curtain close)
/// `gap` seconds apart.
pub fn shutter(gap: f32) -> Vec<f32> {
    let count = ((gap + 0.06) * SAMPLE_RATE as f32) as usize;
    let second = (gap * SAMPLE_RATE as f32) as usize;
    let mut noise = Random::new(0x9E37_79B9);
    (0..count)
        .map(|i| {
            let click = |start: usize| {
                if i < start {
                    return 0.0;
                }
                let t = (i - start) as f32 / SAMPLE_RATE as f32;
                (-t * 180.0).exp()
            };
            0.5 * (click(0) + 0.7 * click(second)) * noise.range(-1.0, 1.0)
        })
        .collect()
}

/// The film winding on after a shot: a quick ratchet of soft clicks under
/// a short whirr, a tenth of a second after the shutter.
pub fn film_advance() -> Vec<f32> {
    let delay = (0.1 * SAMPLE_RATE as f32) as usize;
    let clicks = 6;
    let spacing = (0.035 * SAMPLE_RATE as f32) as usize;
    let mut noise = Random::new(0x5EED_F11E);
    let count = delay + clicks * spacing + (0.05 * SAMPLE_RATE as f32) as usize;
    (0..count)
        .map(|i| {
            let Some(since) = i.checked_sub(delay) else {
                return 0.0;
            };
            let phase = (since % spacing) as f32 / SAMPLE_RATE as f32;
            let click = if since / spacing < clicks {
                (-phase * 400.0).exp()
            } else {
                0.0
            };
            let t = since as f32 / SAMPLE_RATE as f32;
            let whirr = 0.08 * (-t * 8.0).exp() * (std::f32::consts::TAU * 180.0 * t).sin();
            0.3 * click * noise.range(-1.0, 1.0) + whirr
        })
        .collect()
}

/// One blip of a speaker's text typing out: a short soft tone at the
/// voice's pitch; down a phone line, a thin square-ish buzz.
pub fn voice(voice: Voice) -> Vec<f32> {
    let (frequency, seconds) = match voice {
        Voice::Low => (170.0, 0.045),
        Voice::Middle => (260.0, 0.04),
        Voice::High => (420.0, 0.035),
        Voice::Phone => (620.0, 0.04),
        Voice::Silent => return Vec::new(),
    };
    let count = (seconds * SAMPLE_RATE as f32) as usize;
    (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let attack = (t * 400.0).min(1.0);
            let envelope = attack * (-t * 70.0).exp();
            let wave = (std::f32::consts::TAU * frequency * t).sin();
            let shaped = if voice == Voice::Phone {
                (wave * 3.0).clamp(-1.0, 1.0) * 0.6
            } else {
                wave
            };
            0.18 * envelope * shaped
        })
        .collect()
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
    let count = (seconds * SAMPLE_RATE as f32) as usize;
    let mut noise = Random::new(0x1234_5678 ^ surface as u32);
    (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let thud = (-t * noise_decay).exp() * noise.range(-1.0, 1.0);
            let ring = (-t * tone_decay).exp() * (std::f32::consts::TAU * tone * t).sin();
            0.35 * (thud + tone_level * ring)
        })
        .collect()
}

/// Seconds of each ambience loop.
pub const AMBIENCE_SECONDS: f32 = 4.0;

/// A seamless loop of background sound, [`AMBIENCE_SECONDS`] long.
pub fn ambience(kind: Ambience) -> Vec<f32> {
    let rate = SAMPLE_RATE as f32;
    let fade = (0.5 * rate) as usize;
    let count = (AMBIENCE_SECONDS * rate) as usize;
    let mut random = Random::new(0xA4B1 ^ kind as u32);
    let mut low = 0.0f32;
    let mut event = 0.0f32;
    let mut next_event = 0usize;
    let mut event_start = 0usize;
    let raw: Vec<f32> = (0..count + fade)
        .map(|i| {
            let t = i as f32 / rate;
            let white = random.range(-1.0, 1.0);
            if i >= next_event {
                event_start = i;
                let gap = match kind {
                    Ambience::Rain => random.range(0.01, 0.08),
                    Ambience::Drips => random.range(0.5, 1.3),
                    Ambience::Dawn => random.range(0.15, 1.6),
                    Ambience::City | Ambience::Wind => f32::INFINITY,
                };
                next_event = i + (gap.min(60.0) * rate) as usize;
                event = random.range(0.4, 1.0);
            }
            let since = (i - event_start) as f32 / rate;
            match kind {
                Ambience::Rain => {
                    low += 0.25 * (white - low);
                    let drop = event
                        * (-since * 400.0).exp()
                        * (std::f32::consts::TAU * 2600.0 * since).sin();
                    0.18 * low + 0.12 * drop
                }
                Ambience::City => {
                    low = (low + 0.02 * white) * 0.996;
                    0.9 * low + 0.015 * (std::f32::consts::TAU * 50.0 * t).sin()
                }
                Ambience::Drips => {
                    let pitch = 1900.0 - 900.0 * (since * 16.0).min(1.0);
                    let drip = event
                        * (-since * 45.0).exp()
                        * (std::f32::consts::TAU * pitch * since).sin();
                    0.01 * white + 0.3 * drip
                }
                Ambience::Wind => {
                    let swell = 0.5 + 0.5 * (std::f32::consts::TAU * 0.25 * t).sin();
                    low += (0.01 + 0.04 * swell) * (white - low);
                    (0.4 + 0.6 * swell) * 0.6 * low
                }
                Ambience::Dawn => {
                    let chirp = if since < 0.06 {
                        let pitch = 3200.0 + 1500.0 * since / 0.06;
                        event * (std::f32::consts::TAU * pitch * since).sin() * (since * 52.0).sin()
                    } else {
                        0.0
                    };
                    0.01 * white + 0.15 * chirp
                }
            }
        })
        .collect();
    seamless(&raw, count)
}

/// The first `count` samples of `raw` with what follows them crossfaded
/// into their start, so that they loop without a seam.
fn seamless(raw: &[f32], count: usize) -> Vec<f32> {
    let fade = raw.len().saturating_sub(count).min(count);
    (0..count)
        .map(|i| {
            if i < fade {
                let k = i as f32 / fade as f32;
                raw[i] * k + raw[count + i] * (1.0 - k)
            } else {
                raw[i]
            }
        })
        .collect()
}

/// Seconds of each music loop.
pub const MUSIC_SECONDS: f32 = 16.0;

/// Adds a note to `buffer` from `start` seconds: `harmonics` are the
/// partials' levels, `attack` and `release` shape its rise and fall.
fn add_note(
    buffer: &mut [f32],
    start: f32,
    frequency: f32,
    level: f32,
    attack: f32,
    release: f32,
    harmonics: &[f32],
) {
    let rate = SAMPLE_RATE as f32;
    let first = (start * rate) as usize;
    let length = ((attack + 6.0 / release) * rate) as usize;
    for (offset, sample) in buffer.iter_mut().skip(first).take(length).enumerate() {
        let t = offset as f32 / rate;
        let envelope = (t / attack).min(1.0) * (-(t - attack).max(0.0) * release).exp();
        let tone: f32 = harmonics
            .iter()
            .enumerate()
            .map(|(n, level)| {
                level * (std::f32::consts::TAU * frequency * (n + 1) as f32 * t).sin()
            })
            .sum();
        *sample += level * envelope * tone;
    }
}

/// A seamless loop of the score, [`MUSIC_SECONDS`] long: sparse piano at
/// night, a low drone before midnight, warm chords at sunrise.
pub fn music(kind: Music) -> Vec<f32> {
    let count = (MUSIC_SECONDS * SAMPLE_RATE as f32) as usize;
    // Notes ring past the loop's end; the tail is crossfaded into the start.
    let mut buffer = vec![0.0; count + (4.0 * SAMPLE_RATE as f32) as usize];
    let mut random = Random::new(0x5C0E ^ kind as u32);
    const PIANO: &[f32] = &[1.0, 0.45, 0.2, 0.08];
    const STRINGS: &[f32] = &[1.0, 0.5, 0.33, 0.25, 0.2];
    const PAD: &[f32] = &[1.0, 0.3, 0.1];
    match kind {
        Music::Night => {
            // A minor pentatonic, A3 to A4.
            let scale = [220.0, 261.63, 293.66, 329.63, 392.0, 440.0];
            let mut t = 0.3;
            while t < MUSIC_SECONDS {
                let note = scale[(random.unit() * scale.len() as f32) as usize % scale.len()];
                add_note(&mut buffer, t, note, 0.12, 0.005, 1.6, PIANO);
                if random.unit() < 0.3 {
                    add_note(&mut buffer, t, note / 2.0, 0.08, 0.005, 1.2, PIANO);
                }
                t += random.range(1.0, 2.6);
            }
        }
        Music::Tension => {
            for (start, root) in [(0.0, 110.0), (8.0, 103.83)] {
                add_note(&mut buffer, start, root, 0.06, 2.0, 0.5, STRINGS);
                add_note(
                    &mut buffer,
                    start + 0.5,
                    root * 1.5,
                    0.04,
                    2.0,
                    0.5,
                    STRINGS,
                );
            }
            let mut t = 1.0;
            while t < MUSIC_SECONDS {
                add_note(
                    &mut buffer,
                    t,
                    55.0 * random.range(1.0, 1.06),
                    0.05,
                    0.02,
                    2.0,
                    PIANO,
                );
                t += random.range(2.5, 4.5);
            }
        }
        Music::Sunrise => {
            // C, Am, F, G: four seconds each.
            let chords = [
                [261.63, 329.63, 392.0],
                [220.0, 261.63, 329.63],
                [174.61, 220.0, 261.63],
                [196.0, 246.94, 293.66],
            ];
            for (i, chord) in chords.iter().enumerate() {
                for (j, note) in chord.iter().enumerate() {
                    add_note(
                        &mut buffer,
                        i as f32 * 4.0 + j as f32 * 0.08,
                        *note,
                        0.07,
                        0.8,
                        0.6,
                        PAD,
                    );
                }
            }
        }
    }
    seamless(&buffer, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peak(samples: &[f32]) -> f32 {
        samples.iter().fold(0.0, |m, s| m.max(s.abs()))
    }

    #[test]
    fn sounds_have_the_asked_length_stay_in_range_and_fade_out() {
        let tick = tick(1200.0, 0.05);
        assert_eq!(tick.len(), 2205);
        assert!(peak(&tick) <= 1.0 && peak(&tick) > 0.1);
        assert!(peak(&tick[tick.len() - 100..]) < 0.05);

        let shutter = shutter(0.08);
        assert_eq!(shutter.len(), (0.14 * 44_100.0) as usize);
        assert!(peak(&shutter) <= 1.0);
        // Both curtains are heard: loud at the start and again at the gap.
        let second = (0.08 * 44_100.0) as usize;
        assert!(peak(&shutter[..200]) > 0.2);
        assert!(peak(&shutter[second..second + 200]) > 0.1);
        assert!(peak(&shutter[second - 300..second]) < 0.05);
    }

    #[test]
    fn the_film_winds_on_after_the_shutter_in_a_ratchet_of_clicks() {
        let advance = film_advance();
        let delay = (0.1 * 44_100.0) as usize;
        assert!(
            peak(&advance[..delay]) == 0.0,
            "silent while the shutter sounds"
        );
        assert!(peak(&advance) <= 1.0 && peak(&advance[delay..delay + 200]) > 0.1);
        assert!(peak(&advance[advance.len() - 200..]) < 0.05, "it fades out");
    }

    #[test]
    fn the_phone_rings_in_double_rings_and_the_bell_rings_on() {
        let ring = phone_ring();
        let at = |seconds: f32| (seconds * 44_100.0) as usize;
        assert_eq!(ring.len(), at(7.2));
        assert!(peak(&ring) <= 1.0);
        assert!(peak(&ring[at(0.1)..at(0.3)]) > 0.1, "the first ring");
        assert_eq!(peak(&ring[at(0.42)..at(0.58)]), 0.0, "the gap");
        assert!(peak(&ring[at(0.65)..at(0.95)]) > 0.1, "the second ring");
        assert_eq!(peak(&ring[at(1.1)..at(2.3)]), 0.0, "the quiet");

        let stroke = bell_stroke();
        assert!(peak(&stroke) <= 1.0 && peak(&stroke[..at(0.5)]) > 0.2);
        let late = peak(&stroke[at(3.5)..]);
        assert!(late > 0.01 && late < 0.2, "it hums on, fading: {late}");
    }

    /// Each loop is `seconds` long, audible, below clipping and unlike the others.
    fn assert_distinct_quiet_loops(loops: &[Vec<f32>], seconds: f32) {
        for (i, sound) in loops.iter().enumerate() {
            assert_eq!(sound.len(), (seconds * SAMPLE_RATE as f32) as usize);
            let rms = (sound.iter().map(|s| s * s).sum::<f32>() / sound.len() as f32).sqrt();
            assert!(
                rms > 0.005 && peak(sound) < 0.9,
                "loop {i}: rms {rms}, peak {}",
                peak(sound)
            );
            for other in &loops[i + 1..] {
                assert_ne!(sound, other);
            }
        }
    }

    #[test]
    fn every_ambience_is_a_quiet_audible_loop_of_its_own() {
        let kinds = [
            Ambience::Rain,
            Ambience::City,
            Ambience::Drips,
            Ambience::Wind,
            Ambience::Dawn,
        ];
        let loops: Vec<Vec<f32>> = kinds.iter().map(|k| ambience(*k)).collect();
        assert_distinct_quiet_loops(&loops, AMBIENCE_SECONDS);
    }

    #[test]
    fn every_score_is_a_quiet_audible_loop_of_its_own() {
        let kinds = [Music::Night, Music::Tension, Music::Sunrise];
        let loops: Vec<Vec<f32>> = kinds.iter().map(|k| music(*k)).collect();
        assert_distinct_quiet_loops(&loops, MUSIC_SECONDS);
    }

    #[test]
    fn each_surface_has_its_own_footstep() {
        let surfaces = [
            Surface::Concrete,
            Surface::Metal,
            Surface::WetStreet,
            Surface::Wood,
        ];
        let steps: Vec<Vec<f32>> = surfaces.iter().map(|s| footstep(*s)).collect();
        for (a, step) in steps.iter().enumerate() {
            assert!(peak(step) > 0.1 && peak(step) <= 1.0);
            assert!(peak(&step[step.len() - 50..]) < 0.1, "fades out");
            for other in &steps[a + 1..] {
                assert_ne!(step, other);
            }
        }
        // Metal rings longer than concrete thuds.
        assert!(steps[1].len() > steps[0].len() * 2);
    }
}
