//! Background loops: rain, the city, drips, wind, dawn. Each is layers of
//! noise beds and irregular events, built circularly so it loops without a
//! seam and without an obvious repeat inside the loop.

use super::dsp::{
    HighPass, LowPass, RATE, Svf, add_wrapped, circular, fade_edges, harmonics, level_to, ramp,
    remove_mean, samples, scatter, sine, time, white, wobble,
};
use super::reverb::Reverb;
use super::street::tram_passing;
use crate::content::schema::Ambience;
use crate::random::Random;

/// Seconds of each ambience loop (not a divisor of the music's length, so
/// the two drift against each other).
pub const AMBIENCE_SECONDS: f32 = 21.0;

/// A seamless loop of background sound, [`AMBIENCE_SECONDS`] long (the
/// clockwork's is the tower clock's own ticking loop).
pub fn ambience(kind: Ambience) -> Vec<f32> {
    let count = samples(AMBIENCE_SECONDS);
    let mut random = Random::new(0xA4B1_0000 ^ kind as u32);
    let mut sound = match kind {
        Ambience::Rain => rain(count, &mut random),
        Ambience::City => city(count, &mut random),
        Ambience::Drips => drips(count, &mut random),
        Ambience::Wind => wind(count, &mut random),
        Ambience::Dawn => dawn(count, &mut random),
        Ambience::Clockwork => return super::clock_ticking(),
    };
    remove_mean(&mut sound);
    level_to(&mut sound, 0.03, 0.5);
    sound
}

/// A filtered noise bed over the whole loop: `filter` shapes each sample.
fn bed(count: usize, seed: u32, filter: impl FnMut(usize, f32) -> f32) -> Vec<f32> {
    let mut noise = white(count, seed);
    circular(&mut noise, filter);
    noise
}

/// A short event: `length` seconds of `voice(i, t)`, with edges faded.
fn event(length: f32, mut voice: impl FnMut(usize, f32) -> f32) -> Vec<f32> {
    let mut sound: Vec<f32> = (0..samples(length)).map(|i| voice(i, time(i))).collect();
    fade_edges(&mut sound, 0.001, 0.01);
    sound
}

/// A wet road's hiss and rumble as a car goes by, `length` seconds.
fn passing_car(length: f32, seed: u32, random: &mut Random) -> Vec<f32> {
    let noise = white(samples(length), seed);
    let engine = random.range(55.0, 90.0);
    let mut band = Svf::new(900.0, 0.7);
    let mut low = LowPass::new(300.0);
    let mut distance = LowPass::new(random.range(1_200.0, 2_500.0));
    let mut phase = 0.0f32;
    event(length, |i, t| {
        let x = t / length;
        let near = (std::f32::consts::PI * x).sin().powi(3);
        // Higher coming, lower going.
        let glide = 1.0 + 0.08 * (1.0 - 2.0 * x);
        band.tune(800.0 * glide + 500.0 * near, 0.7);
        phase = (phase + engine * glide / RATE).fract();
        let hum = harmonics(phase, &[1.0, 0.5]);
        near * (distance.run(band.band(noise[i])) + 0.15 * low.run(hum))
    })
}

/// Rain on glass and roofs: a steady hiss, a thousand small drops, heavier
/// drips from a gutter, and now and then a car hissing by on the wet road.
fn rain(count: usize, random: &mut Random) -> Vec<f32> {
    let swell = wobble(count, 6, random);
    let mut hiss_low = LowPass::new(5_000.0);
    let mut hiss_high = HighPass::new(500.0);
    let mut roar = Svf::new(450.0, 0.6);
    let mut sound = bed(count, 0x4A1_0001, |i, x| {
        let level = 1.0 + 0.3 * swell[i];
        level * (0.05 * hiss_high.run(hiss_low.run(x)) + 0.11 * roar.low(x))
    });
    let seconds = AMBIENCE_SECONDS;
    // Small drops on the glass: quick bright ticks.
    for t in scatter(seconds, 0.04, 0.005, random) {
        let pitch = random.range(2_500.0, 5_500.0);
        let decay = random.range(300.0, 600.0);
        let level = 0.1 * random.unit().powi(2);
        let drop = event(0.015, |_, t| (-t * decay).exp() * sine(pitch, t));
        add_wrapped(&mut sound, samples(t), &drop, level);
    }
    // Heavier drips from a gutter: rising plinks.
    for t in scatter(seconds, 0.9, 0.15, random) {
        let pitch = random.range(1_100.0, 2_100.0);
        let level = random.range(0.03, 0.1);
        let drip = event(0.12, |_, t| {
            let rising = pitch * (1.0 + 0.5 * (t * 40.0).min(1.0));
            (-t * 40.0).exp() * sine(rising, t)
        });
        add_wrapped(&mut sound, samples(t), &drip, level);
    }
    // Cars on the wet road.
    for (n, t) in scatter(seconds, 8.0, 4.0, random).into_iter().enumerate() {
        let length = random.range(4.0, 7.0);
        let car = passing_car(length, 0xCA40 + n as u32, random);
        add_wrapped(&mut sound, samples(t), &car, random.range(0.04, 0.08));
    }
    sound
}

/// The city at night: a low rumble, the faint hum of the lamps, cars
/// swelling by, and a far-off horn.
fn city(count: usize, random: &mut Random) -> Vec<f32> {
    let swell = wobble(count, 5, random);
    let mut rumble = Svf::new(140.0, 0.7);
    let mut rumble2 = LowPass::new(200.0);
    let mut dc = HighPass::new(25.0);
    let mut wash = Svf::new(600.0, 0.5);
    let mut sound = bed(count, 0xC17_0001, |i, x| {
        let t = time(i);
        // 50 Hz and its harmonics: whole cycles over the loop.
        let hum = harmonics((50.0 * t).fract(), &[1.0, 0.5, 0.3]);
        let far = 0.5 * dc.run(rumble2.run(rumble.low(x))) + 0.03 * wash.low(x);
        (0.9 + 0.3 * swell[i]) * far + 0.004 * hum
    });
    for (n, t) in scatter(AMBIENCE_SECONDS, 3.5, 1.0, random)
        .into_iter()
        .enumerate()
    {
        let length = random.range(3.5, 8.0);
        let car = passing_car(length, 0xC17C + n as u32, random);
        add_wrapped(&mut sound, samples(t), &car, random.range(0.03, 0.09));
    }
    // A far-off horn: two honks, dulled by distance.
    let at = random.range(0.0, AMBIENCE_SECONDS);
    let mut far = LowPass::new(700.0);
    let horn = event(0.7, |_, t| {
        let on = if t < 0.25 || (0.38..0.6).contains(&t) {
            1.0
        } else {
            0.0
        };
        let tone = (sine(370.0, t) + sine(466.0, t)).clamp(-0.8, 0.8);
        far.run(on * tone)
    });
    add_wrapped(&mut sound, samples(at), &horn, 0.05);
    sound
}

/// A drip into a puddle: a plink rising in pitch as the bubble rings.
fn drip(pitch: f32) -> Vec<f32> {
    event(0.25, |_, t| {
        let rising = pitch * (1.0 + 0.6 * (t * 50.0).min(1.0));
        let click = if t < 0.001 { 0.3 } else { 0.0 };
        (-t * 30.0).exp() * sine(rising, t) + click
    })
}

/// Water dripping in a large empty building: a few leaks, each dripping at
/// its own uneven pace, and the hall's long echo over a faint room tone.
fn drips(count: usize, random: &mut Random) -> Vec<f32> {
    let mut room = LowPass::new(250.0);
    let mut sound = bed(count, 0xD419_0001, |_, x| 0.03 * room.run(x));
    let mut splashes = vec![0.0; count];
    // (mean period, unevenness, pitch, loudness)
    const LEAKS: [(f32, f32, f32, f32); 4] = [
        (1.7, 0.25, 1_500.0, 0.35),
        (2.9, 0.35, 950.0, 0.28),
        (0.95, 0.15, 2_300.0, 0.1),
        (6.5, 0.5, 700.0, 0.3),
    ];
    for (period, unevenness, pitch, loudness) in LEAKS {
        let mut t = random.range(0.0, period);
        while t < AMBIENCE_SECONDS {
            let one = drip(pitch * random.range(0.94, 1.06));
            add_wrapped(
                &mut splashes,
                samples(t),
                &one,
                loudness * random.range(0.6, 1.0),
            );
            t += period * (1.0 + unevenness * random.range(-1.0, 1.0));
        }
    }
    let mut hall = Reverb::new(1.6, 0.88, 0.3);
    circular(&mut splashes, |_, x| 0.5 * x + 0.9 * hall.run(x));
    sound.iter_mut().zip(&splashes).for_each(|(s, d)| *s += d);
    sound
}

/// Wind high above the streets: gusts that swell and die, a howl whose
/// pitch follows them, a whistle in the gaps at their height, a rumble.
fn wind(count: usize, random: &mut Random) -> Vec<f32> {
    let slow = wobble(count, 9, random);
    let mut gusts: Vec<f32> = slow.iter().map(|w| 0.3 + 0.25 * w).collect();
    for t in scatter(AMBIENCE_SECONDS, 5.0, 2.5, random) {
        let length = random.range(2.0, 4.5);
        let strength = random.range(0.3, 0.6);
        let gust = event(length, |_, t| {
            ramp(2.0 * t / length) * ramp(2.0 - 2.0 * t / length)
        });
        add_wrapped(&mut gusts, samples(t), &gust, strength);
    }
    let mut howl = Svf::new(400.0, 1.5);
    let mut whistle = Svf::new(1_200.0, 14.0);
    let mut rumble = LowPass::new(90.0);
    bed(count, 0x3140_0001, |i, x| {
        let g = gusts[i].clamp(0.0, 1.2);
        if i % 16 == 0 {
            howl.tune(220.0 + 650.0 * g, 1.2 + 2.0 * g);
            whistle.tune(900.0 + 700.0 * g, 14.0);
        }
        let body = (0.08 + 0.9 * g * g) * howl.band(x);
        let sing = 0.35 * g.powi(3) * whistle.band(x);
        0.3 * (body + sing + (0.3 + 0.9 * g) * rumble.run(x))
    })
}

/// A bird's short chirp from `from` to `to` Hz, `length` seconds.
fn chirp(from: f32, to: f32, length: f32) -> Vec<f32> {
    let mut phase = 0.0f32;
    event(length, |_, t| {
        let x = t / length;
        phase += (from + (to - from) * x) / RATE;
        (std::f32::consts::PI * x).sin() * (std::f32::consts::TAU * phase).sin()
    })
}

/// Dawn: the city barely waking, sparrows chattering, a blackbird's
/// phrases, a pigeon cooing, and far off the first tram.
fn dawn(count: usize, random: &mut Random) -> Vec<f32> {
    let swell = wobble(count, 4, random);
    let mut far = Svf::new(300.0, 0.6);
    let mut sound = bed(count, 0xDA3_0001, |i, x| {
        (0.8 + 0.2 * swell[i]) * 0.06 * far.low(x)
    });
    let seconds = AMBIENCE_SECONDS;
    // Sparrows: bursts of quick chirps.
    for t in scatter(seconds, 1.3, 0.3, random) {
        let level = 0.02 + 0.05 * random.unit().powi(2);
        let mut at = t;
        for _ in 0..(2 + (random.unit() * 4.0) as usize) {
            let from = random.range(3_200.0, 4_800.0);
            let to = from + random.range(-1_200.0, 900.0);
            let one = chirp(from, to, random.range(0.035, 0.07));
            add_wrapped(
                &mut sound,
                samples(at),
                &one,
                level * random.range(0.7, 1.0),
            );
            at += random.range(0.07, 0.13);
        }
    }
    // A blackbird: melodic phrases of whistled, gliding notes.
    for t in scatter(seconds, 6.0, 3.5, random) {
        let mut at = t;
        let mut pitch = random.range(1_500.0, 2_400.0);
        for _ in 0..(4 + (random.unit() * 4.0) as usize) {
            let length = random.range(0.08, 0.26);
            let to = pitch * random.range(0.8, 1.25);
            let mut note = chirp(pitch, to, length);
            let harmonic = chirp(2.0 * pitch, 2.0 * to, length);
            note.iter_mut()
                .zip(&harmonic)
                .for_each(|(n, h)| *n += 0.12 * h);
            add_wrapped(&mut sound, samples(at), &note, 0.045);
            at += length + random.range(0.03, 0.12);
            pitch = (to * random.range(0.85, 1.2)).clamp(1_300.0, 3_200.0);
        }
    }
    // A pigeon under the eaves: hoo-hoo-hooo.
    for t in scatter(seconds, 9.0, 6.0, random) {
        for (offset, length) in [(0.0, 0.25), (0.35, 0.25), (0.7, 0.55)] {
            let coo = event(length, |_, t| {
                let x = t / length;
                (std::f32::consts::PI * x).sin()
                    * sine(480.0 - 60.0 * x, t)
                    * (0.7 + 0.3 * sine(9.0, t))
            });
            add_wrapped(&mut sound, samples(t + offset), &coo, 0.03);
        }
    }
    // The first tram, far off behind the houses.
    let mut distance = LowPass::new(600.0);
    let tram: Vec<f32> = tram_passing().iter().map(|s| distance.run(*s)).collect();
    add_wrapped(&mut sound, samples(random.range(0.0, seconds)), &tram, 0.12);
    sound
}
