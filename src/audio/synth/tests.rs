use super::*;
use crate::content::schema::{Ambience, Music, Surface, Voice};

const AMBIENCES: [Ambience; 5] = [
    Ambience::Rain,
    Ambience::City,
    Ambience::Drips,
    Ambience::Wind,
    Ambience::Dawn,
];
const SCORES: [Music; 3] = [Music::Night, Music::Tension, Music::Sunrise];

fn peak(samples: &[f32]) -> f32 {
    samples.iter().fold(0.0, |m, s| m.max(s.abs()))
}

fn rms(samples: &[f32]) -> f32 {
    (samples.iter().map(|s| s * s).sum::<f32>() / samples.len().max(1) as f32).sqrt()
}

/// The root mean square of the steps from each sample to the next.
fn rms_step(samples: &[f32]) -> f32 {
    let steps: Vec<f32> = samples.windows(2).map(|w| w[1] - w[0]).collect();
    rms(&steps)
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

/// The loop's seam is no click: the jump from its end to its start is
/// below 0.02, or for bright noise (whose every step is that big) below
/// twice its typical step; and never above four times its typical step.
fn assert_seamless(name: &str, sound: &[f32]) {
    let jump = loop_seam_jump(sound);
    let step = rms_step(sound);
    assert!(
        jump < 0.02f32.max(2.0 * step) && jump < 4.0 * step,
        "{name}: seam jump {jump}, typical step {step}"
    );
}

/// Each loop is `seconds` long, audible, below clipping, unlike the others,
/// and seamless: the jump from its end to its start is small, and no
/// bigger than the steps its own sound takes.
fn assert_distinct_quiet_seamless_loops(loops: &[Vec<f32>], seconds: f32) {
    for (i, sound) in loops.iter().enumerate() {
        assert_eq!(sound.len(), (seconds * SAMPLE_RATE as f32) as usize);
        let level = rms(sound);
        assert!(
            level > 0.005 && peak(sound) < 0.9,
            "loop {i}: rms {level}, peak {}",
            peak(sound)
        );
        assert_seamless(&format!("loop {i}"), sound);
        let mean = sound.iter().sum::<f32>() / sound.len() as f32;
        assert!(mean.abs() < 1e-3, "loop {i}: DC offset {mean}");
        for other in &loops[i + 1..] {
            assert_ne!(sound, other);
        }
    }
}

#[test]
fn every_ambience_is_a_quiet_audible_seamless_loop_of_its_own() {
    let loops: Vec<Vec<f32>> = AMBIENCES.iter().map(|k| ambience(*k)).collect();
    const { assert!(AMBIENCE_SECONDS >= 20.0) };
    assert_distinct_quiet_seamless_loops(&loops, AMBIENCE_SECONDS);
}

#[test]
fn every_score_is_a_quiet_audible_seamless_loop_of_its_own() {
    let loops: Vec<Vec<f32>> = SCORES.iter().map(|k| music(*k)).collect();
    const { assert!(MUSIC_SECONDS >= 32.0) };
    assert_distinct_quiet_seamless_loops(&loops, MUSIC_SECONDS);
}

#[test]
fn the_clock_ticking_loops_seamlessly() {
    let ticking = clock_ticking();
    assert_seamless("clock ticking", &ticking);
    assert!(peak(&ticking) <= 0.95);
}

#[test]
fn a_moving_tram_and_car_sound_in_seamless_loops_of_their_own() {
    let at = |seconds: f32| (seconds * SAMPLE_RATE as f32) as usize;
    let (tram, car) = (tram_running(), car_running());
    assert_eq!(tram.len(), at(TRAM_RUNNING_SECONDS));
    assert_eq!(car.len(), at(CAR_RUNNING_SECONDS));
    for (name, sound) in [("tram", &tram), ("car", &car)] {
        assert_seamless(name, sound);
        assert!(rms(sound) > 0.05 && peak(sound) <= 0.8, "{name}");
    }
    // The tram knocks over a rail joint each second: louder there than
    // between the joints.
    let joint = peak(&tram[at(1.0) - at(0.02)..at(1.0) + at(0.03)]);
    let between = peak(&tram[at(1.25)..at(1.45)]);
    assert!(joint > 1.5 * between, "joint {joint}, between {between}");
}

#[test]
fn the_seam_jump_is_the_step_from_the_last_sample_to_the_first() {
    assert_eq!(loop_seam_jump(&[]), 0.0);
    assert_eq!(loop_seam_jump(&[0.25, 0.0, -0.5]), 0.75);
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

#[test]
fn each_voice_blips_its_own_way_without_clicks() {
    assert!(voice(Voice::Silent).is_empty());
    let blips: Vec<Vec<f32>> = [Voice::Low, Voice::Middle, Voice::High, Voice::Phone]
        .iter()
        .map(|v| voice(*v))
        .collect();
    for (a, blip) in blips.iter().enumerate() {
        assert!(blip.len() < SAMPLE_RATE as usize / 10, "short");
        assert!(peak(blip) > 0.1 && peak(blip) <= 0.5);
        assert!(blip[0].abs() < 1e-3 && blip[blip.len() - 1].abs() < 1e-3);
        for other in &blips[a + 1..] {
            assert_ne!(blip, other);
        }
    }
}

#[test]
fn the_street_sounds_last_as_long_as_asked_and_end_in_silence() {
    for (sound, seconds) in [
        (pigeons_take_off(), 1.5),
        (tram_passing(), 6.0),
        (crows(), 3.0),
        (chime(), 6.0),
        (clock_tick(), 0.25),
    ] {
        assert_eq!(sound.len(), (seconds * SAMPLE_RATE as f32) as usize);
        assert!(peak(&sound) > 0.5 && peak(&sound) <= 0.95);
        assert!(sound[0].abs() < 0.05 && sound[sound.len() - 1].abs() < 1e-3);
    }
}

#[test]
fn the_catalogue_names_every_sound_once_at_the_file_rate() {
    let files = catalogue();
    let mut names: Vec<&str> = files.iter().map(|f| f.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), files.len(), "names are unique");
    for name in [
        "shutter",
        "menu_move",
        "voice_phone",
        "footstep_wet_street",
        "ambience_dawn",
        "music_sunrise",
        "clock_ticking",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    for file in &files {
        assert!(!file.samples.is_empty(), "{}", file.name);
        assert!(peak(&file.samples) <= 0.95, "{}", file.name);
        if file.looping {
            let seconds = file.samples.len() as f32 / FILE_SAMPLE_RATE as f32;
            assert!(seconds >= 8.0 && seconds.fract() == 0.0, "{}", file.name);
            assert_seamless(file.name, &file.samples);
        }
    }
}

#[test]
fn a_wav_file_has_the_canonical_header_and_rounded_clamped_samples() {
    let bytes = wav_bytes(&[0.0, 1.0, -2.0, 0.5], 22_050);
    assert_eq!(bytes.len(), 44 + 8);
    assert_eq!(&bytes[0..4], b"RIFF");
    assert_eq!(
        u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]),
        44
    );
    assert_eq!(&bytes[8..16], b"WAVEfmt ");
    assert_eq!(&bytes[20..24], &[1, 0, 1, 0]);
    assert_eq!(
        u32::from_le_bytes([bytes[24], bytes[25], bytes[26], bytes[27]]),
        22_050
    );
    assert_eq!(
        u32::from_le_bytes([bytes[28], bytes[29], bytes[30], bytes[31]]),
        44_100
    );
    assert_eq!(&bytes[32..36], &[2, 0, 16, 0]);
    assert_eq!(&bytes[36..40], b"data");
    assert_eq!(
        u32::from_le_bytes([bytes[40], bytes[41], bytes[42], bytes[43]]),
        8
    );
    let sample = |n: usize| i16::from_le_bytes([bytes[44 + 2 * n], bytes[45 + 2 * n]]);
    assert_eq!(
        [sample(0), sample(1), sample(2), sample(3)],
        [0, 32767, -32767, 16384]
    );
}

#[test]
fn sounds_are_the_same_every_time() {
    assert_eq!(tram_passing(), tram_passing());
    assert_eq!(ambience(Ambience::Drips), ambience(Ambience::Drips));
}
