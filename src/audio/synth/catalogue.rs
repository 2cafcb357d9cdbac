//! Every sound the game plays, named, and the WAV files they are kept in.

use super::{
    SAMPLE_RATE, ambience, bell_stroke, car_running, chime, clock_tick, clock_ticking, crows,
    film_advance, footstep, music, phone_ring, pigeons_take_off, shutter, tick, tram_passing,
    tram_running, voice,
};
use crate::content::schema::{Ambience, Music, Surface, Voice};

/// Samples per second of the sound files: half of [`SAMPLE_RATE`], which
/// keeps every file together near ten megabytes.
pub const FILE_SAMPLE_RATE: u32 = 22_050;

const _: () = assert!(SAMPLE_RATE == 2 * FILE_SAMPLE_RATE);

/// One sound of the game as a file: its stem, its samples at
/// [`FILE_SAMPLE_RATE`], and whether the game loops it.
#[derive(Clone, Debug, PartialEq)]
pub struct SoundFile {
    /// The file's stem: `shutter` is kept as `shutter.wav`.
    pub name: &'static str,
    /// Mono samples in [-1, 1] at [`FILE_SAMPLE_RATE`].
    pub samples: Vec<f32>,
    /// Whether the game plays it as a loop (ambiences, scores, the clock).
    pub looping: bool,
}

/// Footstep surfaces and their file stems.
const SURFACES: [(Surface, &str); 4] = [
    (Surface::Concrete, "footstep_concrete"),
    (Surface::Metal, "footstep_metal"),
    (Surface::WetStreet, "footstep_wet_street"),
    (Surface::Wood, "footstep_wood"),
];

/// Voices that make a sound and their file stems.
const VOICES: [(Voice, &str); 4] = [
    (Voice::Low, "voice_low"),
    (Voice::Middle, "voice_middle"),
    (Voice::High, "voice_high"),
    (Voice::Phone, "voice_phone"),
];

/// Ambiences and their file stems.
const AMBIENCES: [(Ambience, &str); 5] = [
    (Ambience::Rain, "ambience_rain"),
    (Ambience::City, "ambience_city"),
    (Ambience::Drips, "ambience_drips"),
    (Ambience::Wind, "ambience_wind"),
    (Ambience::Dawn, "ambience_dawn"),
];

/// Scores and their file stems.
const SCORES: [(Music, &str); 3] = [
    (Music::Night, "music_night"),
    (Music::Tension, "music_tension"),
    (Music::Sunrise, "music_sunrise"),
];

/// How one sound of the catalogue is made: its stem, whether it loops,
/// and the synthesis at [`SAMPLE_RATE`].
type Recipe = (&'static str, bool, Box<dyn Fn() -> Vec<f32>>);

fn recipes() -> Vec<Recipe> {
    let mut all: Vec<Recipe> = vec![
        ("menu_move", false, Box::new(|| tick(1400.0, 0.05))),
        ("menu_confirm", false, Box::new(|| shutter(0.07))),
        ("shutter", false, Box::new(|| shutter(0.12))),
        ("film_advance", false, Box::new(film_advance)),
        ("dry_click", false, Box::new(|| tick(320.0, 0.04))),
        ("phone_ring", false, Box::new(phone_ring)),
        ("bell_stroke", false, Box::new(bell_stroke)),
        ("chime", false, Box::new(chime)),
        ("clock_tick", false, Box::new(clock_tick)),
        ("clock_ticking", true, Box::new(clock_ticking)),
        ("pigeons_take_off", false, Box::new(pigeons_take_off)),
        ("tram_passing", false, Box::new(tram_passing)),
        ("tram_running", true, Box::new(tram_running)),
        ("car_running", true, Box::new(car_running)),
        ("crows", false, Box::new(crows)),
    ];
    for (surface, name) in SURFACES {
        all.push((name, false, Box::new(move || footstep(surface))));
    }
    for (kind, name) in VOICES {
        all.push((name, false, Box::new(move || voice(kind))));
    }
    for (kind, name) in AMBIENCES {
        all.push((name, true, Box::new(move || ambience(kind))));
    }
    for (kind, name) in SCORES {
        all.push((name, true, Box::new(move || music(kind))));
    }
    all
}

fn made((name, looping, make): &Recipe) -> SoundFile {
    SoundFile {
        name,
        samples: halve_rate(&make(), *looping),
        looping: *looping,
    }
}

/// Every sound the game plays, each with a stable file stem, resampled to
/// [`FILE_SAMPLE_RATE`] (loops circularly, so they stay seamless).
pub fn catalogue() -> Vec<SoundFile> {
    recipes().iter().map(made).collect()
}

/// The stems of every sound of the [`catalogue`], without making them.
pub fn names() -> Vec<&'static str> {
    recipes().iter().map(|(name, ..)| *name).collect()
}

/// Writes every sound of the [`catalogue`] to `dir` as `<name>.wav`;
/// returns how many.
pub fn write_all(dir: &std::path::Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let sounds = catalogue();
    for sound in &sounds {
        let path = dir.join(format!("{}.wav", sound.name));
        std::fs::write(&path, wav_bytes(&sound.samples, FILE_SAMPLE_RATE))
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(sounds.len())
}

/// The one sound of the [`catalogue`] kept as `<name>.wav`.
pub fn sound(name: &str) -> Option<SoundFile> {
    recipes().iter().find(|(stem, ..)| *stem == name).map(made)
}

/// Taps of the half-band low-pass filter used to halve the sample rate.
const TAPS: usize = 63;

/// `samples` at half their rate: low-passed below the new Nyquist limit
/// (a windowed sinc), then every other sample. A loop is filtered
/// circularly, so that its seam stays seamless.
fn halve_rate(samples: &[f32], looping: bool) -> Vec<f32> {
    let centre = (TAPS / 2) as isize;
    let kernel: Vec<f32> = (0..TAPS)
        .map(|k| {
            let x = (k as isize - centre) as f32;
            // Cut at 0.45 of the new rate's band: 0.225 of the old rate.
            let cutoff = 0.225f32;
            let sinc = if x == 0.0 {
                2.0 * cutoff
            } else {
                (std::f32::consts::TAU * cutoff * x).sin() / (std::f32::consts::PI * x)
            };
            let phase = std::f32::consts::TAU * k as f32 / (TAPS - 1) as f32;
            let blackman = 0.42 - 0.5 * phase.cos() + 0.08 * (2.0 * phase).cos();
            sinc * blackman
        })
        .collect();
    let gain: f32 = kernel.iter().sum();
    let length = samples.len() as isize;
    let fetch = |i: isize| {
        if looping && length > 0 {
            samples[i.rem_euclid(length) as usize]
        } else if (0..length).contains(&i) {
            samples[i as usize]
        } else {
            0.0
        }
    };
    (0..samples.len().div_ceil(2))
        .map(|n| {
            let first = 2 * n as isize - centre;
            let sum: f32 = match samples.get(first.max(0) as usize..) {
                // Inside the sound: the plain dot product.
                Some(window) if first >= 0 && window.len() >= TAPS => {
                    window.iter().zip(&kernel).map(|(s, k)| s * k).sum()
                }
                // Near an edge: wrapped round a loop, silence past a sound.
                _ => kernel
                    .iter()
                    .enumerate()
                    .map(|(k, weight)| weight * fetch(first + k as isize))
                    .sum(),
            };
            (sum / gain).clamp(-1.0, 1.0)
        })
        .collect()
}

/// A 16-bit PCM mono RIFF WAV file of `samples` at `sample_rate`: the
/// canonical 44-byte header, then each sample clamped to [-1, 1], scaled
/// to 32767 and rounded, little-endian.
pub fn wav_bytes(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let data = (samples.len() * 2) as u32;
    let mut bytes = Vec::with_capacity(44 + samples.len() * 2);
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data).to_le_bytes());
    bytes.extend_from_slice(b"WAVE");
    bytes.extend_from_slice(b"fmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
    bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
    bytes.extend_from_slice(&sample_rate.to_le_bytes());
    bytes.extend_from_slice(&(sample_rate * 2).to_le_bytes()); // bytes a second
    bytes.extend_from_slice(&2u16.to_le_bytes()); // bytes a frame
    bytes.extend_from_slice(&16u16.to_le_bytes()); // bits a sample
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data.to_le_bytes());
    for sample in samples {
        let value = (sample.clamp(-1.0, 1.0) * 32767.0).round() as i16;
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    bytes
}
