//! Sound synthesis: pure functions from parameters to mono samples in [-1, 1].

use crate::levels::schema::Surface;
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
