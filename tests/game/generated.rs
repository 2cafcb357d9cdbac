//! The generated art and sound: `long-exposure generate-art` and
//! `generate-sounds` make every file again and must give the committed ones
//! byte for byte, and every sound has its file. (That every sprite, backdrop
//! and tile set the levels can name has its sheet is a unit test of
//! `art`.)

use std::collections::BTreeSet;
use std::fs;

use long_exposure::art;
use long_exposure::audio::synth;

use super::support::repo_file;

#[test]
fn the_generator_reproduces_the_committed_art_byte_for_byte() {
    let folder = repo_file("assets/art");
    let generated = art::files().unwrap();
    for (name, bytes) in &generated {
        let committed = fs::read(folder.join(name)).unwrap_or_else(|e| {
            panic!("assets/art/{name}: {e} (run `long-exposure generate-art`)")
        });
        assert!(
            committed == *bytes,
            "assets/art/{name} differs from what the generator draws: run `long-exposure generate-art`"
        );
    }
    let made: BTreeSet<&str> = generated.iter().map(|(n, _)| n.as_str()).collect();
    let stale: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !made.contains(n.as_str()))
        .collect();
    assert!(
        stale.is_empty(),
        "files the generator no longer writes: {stale:?}"
    );
}

#[test]
fn the_synthesizer_reproduces_a_sample_of_the_committed_sounds_byte_for_byte() {
    let folder = repo_file("assets/sounds");
    // An effect, a voice, the tower's loop and an ambience: the whole
    // catalogue takes seconds to make.
    for name in ["shutter", "voice_high", "clock_ticking", "ambience_rain"] {
        let sound = synth::sound(name).unwrap();
        let bytes = synth::wav_bytes(&sound.samples, synth::FILE_SAMPLE_RATE);
        let committed = fs::read(folder.join(format!("{name}.wav"))).unwrap();
        assert!(
            committed == bytes,
            "assets/sounds/{name}.wav differs from what the synthesizer makes: \
             run `long-exposure generate-sounds`"
        );
    }
    let names: BTreeSet<String> = synth::names().iter().map(|n| format!("{n}.wav")).collect();
    let files: BTreeSet<String> = fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, names, "one file for every sound, and no other");
}
