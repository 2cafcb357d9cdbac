//! The street: pigeons taking off, a tram going by, crows in the distance,
//! and the loops a moving tram and car sound with while they go (the game
//! pans and fades them by where they are).

use super::dsp::{
    HighPass, LowPass, RATE, Svf, add_at, add_wrapped, circular, fade_edges, harmonics, modes,
    normalize, remove_mean, samples, sine, time, white, wobble,
};
use super::reverb::Reverb;
use super::tower::{Partial, ring_bell};
use crate::random::Random;

/// A flock of pigeons taking off: several birds, a little apart, each a
/// burst of wing flaps (noise bursts fluttering 12 to 18 times a second,
/// slowing and fading as it climbs away), about a second and a half.
pub fn pigeons_take_off() -> Vec<f32> {
    let mut sound = vec![0.0; samples(1.5)];
    let mut random = Random::new(0x9160_EA11);
    for bird in 0..7u32 {
        let start = if bird == 0 {
            0.0
        } else {
            random.range(0.0, 0.45)
        };
        let rate = random.range(12.0, 18.0);
        let length = random.range(0.6, 1.5 - start - 0.05);
        let centre = random.range(900.0, 1_900.0);
        let level = random.range(0.5, 1.0);
        let mut phase = random.unit();
        let mut band = Svf::new(centre, 0.9);
        let mut air = LowPass::new(500.0);
        let noise = white(samples(length), 0xF1A9 ^ (bird << 8));
        let flaps: Vec<f32> = noise
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let progress = i as f32 / noise.len() as f32;
                // Flaps slow a little as the bird gains the air.
                phase += rate * (1.0 - 0.25 * progress) / RATE;
                let within = phase.fract();
                // A sharp clap at the top of each stroke, a whoosh down.
                let clap = (within / 0.02).min(1.0) * (-within * 9.0).exp();
                let whoosh = (std::f32::consts::PI * within).sin().powi(2);
                let away = (1.0 - progress).powf(1.5);
                level * away * (band.band(*n) * clap + 0.6 * air.run(*n) * whoosh)
            })
            .collect();
        add_at(&mut sound, samples(start), &flaps, 1.0);
    }
    fade_edges(&mut sound, 0.002, 0.05);
    normalize(&mut sound, 0.8);
    sound
}

/// How near the tram is at `t` seconds (1 as it passes at `PASS`).
fn nearness(t: f32) -> f32 {
    const PASS: f32 = 3.4;
    1.0 / (1.0 + ((t - PASS) / 1.1).powi(2))
}

/// A tram going by, six seconds: the bell's two-tone ding as it comes, the
/// motor's hum rising and falling in pitch as it passes, the wheels
/// clattering over rail joints in pairs, and a fizz off the overhead wire.
pub fn tram_passing() -> Vec<f32> {
    let count = samples(6.0);
    let mut random = Random::new(0x7A4A_0001);
    let mut sound = vec![0.0; count];

    // The motor: a hum whose pitch glides down as the tram goes by.
    let mut phase = 0.0f32;
    let mut dull = LowPass::new(900.0);
    let hum_levels: Vec<f32> = (1..=8).map(|h| 1.0 / (h as f32).powf(1.2)).collect();
    for (i, sample) in sound.iter_mut().enumerate() {
        let t = time(i);
        let near = nearness(t);
        let pitch = 96.0 * (1.0 - 0.05 * ((t - 3.4) / 0.7).tanh()) * (1.0 + 0.01 * t);
        phase = (phase + pitch / RATE).fract();
        let hum = harmonics(phase, &hum_levels);
        let whine = (std::f32::consts::TAU * 7.3 * phase).sin();
        *sample += near * 0.35 * dull.run(hum) + near * near * 0.05 * whine;
    }

    // The wheels: each rail joint knocked by the front and the rear bogie,
    // two axles each: ta-tak ... ta-tak.
    let mut t = 0.6;
    while t < 5.6 {
        for offset in [0.0, 0.1, 0.62, 0.72] {
            let at = t + offset + random.range(-0.008, 0.008);
            let loud = nearness(at) * random.range(0.75, 1.0);
            let click = rail_click(random.unit());
            add_at(&mut sound, samples(at), &click, 0.55 * loud);
        }
        t += random.range(1.0, 1.25);
    }

    // The wire: a fizz with crackles and, now and then, a sparking buzz.
    let noise = white(count, 0x5CA2_CC1E);
    let mut bright = HighPass::new(3_500.0);
    let mut crackle = HighPass::new(2_000.0);
    let mut spark = 0.0f32;
    for (i, sample) in sound.iter_mut().enumerate() {
        let t = time(i);
        let near = nearness(t);
        if random.unit() < 0.0015 * near.powi(3) {
            spark = random.range(0.3, 1.0);
        }
        spark *= 0.995;
        let arc = if (3.0..3.15).contains(&t) || (3.9..3.98).contains(&t) {
            0.5 * (sine(100.0, t).signum() * 0.5 + 0.5)
        } else {
            0.0
        };
        let fizz = bright.run(noise[i]) * (0.02 * near * near + 0.12 * arc);
        *sample += fizz + 0.25 * crackle.run(spark * noise[i]);
    }

    // The bell, as the tram comes: ding-ding, high then low.
    const SMALL_BELL: [Partial; 4] = [
        (1.0, 1.0, 5.0),
        (2.76, 0.5, 9.0),
        (5.4, 0.25, 15.0),
        (8.93, 0.12, 24.0),
    ];
    for (start, pitch) in [(0.35, 1_318.5), (0.6, 1_046.5)] {
        let ding = ring_bell(pitch, &SMALL_BELL, 1.5, 0.0008);
        add_at(&mut sound, samples(start), &ding, 0.22);
    }

    fade_edges(&mut sound, 0.3, 0.6);
    normalize(&mut sound, 0.85);
    sound
}

/// Seconds of a moving tram's loop: the motor's 96 Hz and a joint a
/// second both come round whole.
pub const TRAM_RUNNING_SECONDS: f32 = 8.0;

/// A tram running, as a seamless loop heard from close by: the motor's
/// steady hum and whine, the wheels over a rail joint each second
/// (ta-tak, front and rear bogie), and the overhead wire's fizz.
pub fn tram_running() -> Vec<f32> {
    let count = samples(TRAM_RUNNING_SECONDS);
    let mut random = Random::new(0x7A4A_0002);
    let hum_levels: Vec<f32> = (1..=8).map(|h| 1.0 / (h as f32).powf(1.2)).collect();
    let mut sound = white(count, 0x7A4A_F122);
    let mut dull = LowPass::new(900.0);
    let mut bright = HighPass::new(3_500.0);
    circular(&mut sound, |i, n| {
        let phase = (96.0 * time(i)).fract();
        let hum = harmonics(phase, &hum_levels);
        let whine = (std::f32::consts::TAU * 7.0 * phase).sin();
        0.35 * dull.run(hum) + 0.05 * whine + 0.02 * bright.run(n)
    });
    for joint in 0..TRAM_RUNNING_SECONDS as u32 {
        for offset in [0.0, 0.1, 0.52, 0.62] {
            let at = joint as f32 + offset + random.range(-0.008, 0.008);
            let click = rail_click(random.unit());
            add_wrapped(
                &mut sound,
                samples(at),
                &click,
                0.5 * random.range(0.75, 1.0),
            );
        }
    }
    remove_mean(&mut sound);
    normalize(&mut sound, 0.8);
    sound
}

/// Seconds of a moving car's loop.
pub const CAR_RUNNING_SECONDS: f32 = 8.0;

/// A car driving by on the wet road, as a seamless loop heard from close
/// by: the tyres' hiss through the water and the engine's low note.
pub fn car_running() -> Vec<f32> {
    let count = samples(CAR_RUNNING_SECONDS);
    let swell = wobble(count, 3, &mut Random::new(0xCA2_0002));
    let mut sound = white(count, 0xCA2_0001);
    let mut hiss = Svf::new(1_100.0, 0.7);
    let mut spray = HighPass::new(2_500.0);
    let mut low = LowPass::new(300.0);
    circular(&mut sound, |i, n| {
        // 60 Hz: whole cycles over the loop.
        let engine = harmonics((60.0 * time(i)).fract(), &[1.0, 0.5, 0.25]);
        let wash = 0.8 * hiss.band(n) + 0.15 * spray.run(n);
        (1.0 + 0.2 * swell[i]) * wash + 0.2 * low.run(engine)
    });
    remove_mean(&mut sound);
    normalize(&mut sound, 0.7);
    sound
}

/// A wheel knocking over a rail joint: a short metal ring over a thump;
/// `variation` (0 to 1) shifts its pitch a little.
fn rail_click(variation: f32) -> Vec<f32> {
    let count = samples(0.12);
    let ring = modes(
        count,
        &[
            (2_400.0 + 400.0 * variation, 0.35, 60.0),
            (3_700.0 + 300.0 * variation, 0.2, 80.0),
            (95.0, 1.0, 35.0),
        ],
    );
    let noise = white(count, 0xC1AC + (variation * 1000.0) as u32);
    let mut sound: Vec<f32> = ring
        .iter()
        .zip(&noise)
        .enumerate()
        .map(|(i, (r, n))| r + 0.8 * n * (-time(i) * 300.0).exp())
        .collect();
    fade_edges(&mut sound, 0.0005, 0.02);
    sound
}

/// Two or three crows cawing in the distance: harsh, nasal calls (a rough
/// sawtooth through formants near 1.3 and 1.9 kHz, the pitch dropping),
/// about three seconds.
pub fn crows() -> Vec<f32> {
    // (start seconds, length, loudness, starting pitch)
    const CAWS: [(f32, f32, f32, f32); 3] = [
        (0.12, 0.42, 1.0, 560.0),
        (0.8, 0.38, 0.9, 540.0),
        (1.75, 0.45, 0.55, 500.0),
    ];
    let mut random = Random::new(0xC404_CA33);
    let mut dry = vec![0.0; samples(3.0)];
    for (index, (start, length, loudness, pitch)) in CAWS.iter().enumerate() {
        let count = samples(*length);
        let noise = white(count, 0xCA30 + index as u32);
        let mut thin = HighPass::new(700.0);
        let mut nasal = Svf::new(1_300.0, 3.0);
        let mut upper = Svf::new(1_900.0, 4.0);
        let mut phase = 0.0f32;
        let mut jitter = 0.0f32;
        let caw: Vec<f32> = noise
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let progress = i as f32 / count as f32;
                jitter = 0.995 * jitter + 0.005 * random.range(-1.0, 1.0);
                let f0 = pitch * (1.0 - 0.3 * progress) * (1.0 + 0.6 * jitter);
                phase += f0 / RATE;
                // A sawtooth with a period-doubled rasp and breath.
                let saw = 2.0 * phase.fract() - 1.0;
                let rasp = 2.0 * (0.5 * phase).fract() - 1.0;
                let source = thin.run(saw + 0.4 * rasp + 0.4 * n);
                let envelope = (time(i) / 0.025).min(1.0) * ((length - time(i)) / 0.09).min(1.0);
                envelope * (nasal.band(source) + 0.6 * upper.band(source))
            })
            .collect();
        add_at(&mut dry, samples(*start), &caw, *loudness);
    }
    // Far off: dulled, with the street's echo.
    let mut air = LowPass::new(3_000.0);
    let mut echo = Reverb::new(0.9, 0.78, 0.5);
    let mut sound: Vec<f32> = dry
        .iter()
        .map(|x| {
            let dull = air.run(*x);
            dull + 0.5 * echo.run(dull)
        })
        .collect();
    fade_edges(&mut sound, 0.005, 0.3);
    normalize(&mut sound, 0.6);
    sound
}
