//! Playing sounds through bevy_kira_audio, for windowed play only.
//!
//! With no sound card kira logs one warning and the game runs silent.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy_kira_audio::prelude::*;

use super::{PlaySfx, SetAmbience, SetMusic, Sfx, synth};
use crate::levels::schema::{Ambience, Music, Surface, Voice};

/// The surfaces, in the order of [`EffectSounds::footsteps`].
const SURFACES: [Surface; 4] = [
    Surface::Concrete,
    Surface::Metal,
    Surface::WetStreet,
    Surface::Wood,
];

/// The voices that make a sound, in the order of [`EffectSounds::voices`].
const VOICES: [Voice; 4] = [Voice::Low, Voice::Middle, Voice::High, Voice::Phone];

/// The channel for short sound effects (shutter, footsteps, menus, voices).
#[derive(Resource)]
pub struct Effects;

/// Handles of the synthesized effects.
#[derive(Resource)]
struct EffectSounds {
    menu_move: Handle<AudioSource>,
    menu_confirm: Handle<AudioSource>,
    shutter: Handle<AudioSource>,
    film_advance: Handle<AudioSource>,
    dry_click: Handle<AudioSource>,
    phone_ring: Handle<AudioSource>,
    bell_stroke: Handle<AudioSource>,
    /// Concrete, metal, wet street, wood.
    footsteps: [Handle<AudioSource>; 4],
    /// In the order of [`VOICES`].
    voices: [Handle<AudioSource>; 4],
    /// In the order of [`AMBIENCES`].
    ambiences: [Handle<AudioSource>; 5],
    /// In the order of [`SCORES`].
    scores: [Handle<AudioSource>; 3],
}

/// The scores, in the order of [`EffectSounds::scores`].
const SCORES: [Music; 3] = [Music::Night, Music::Tension, Music::Sunrise];

/// The ambiences, in the order of [`EffectSounds::ambiences`].
const AMBIENCES: [Ambience; 5] = [
    Ambience::Rain,
    Ambience::City,
    Ambience::Drips,
    Ambience::Wind,
    Ambience::Dawn,
];

/// The channel for looping background sound (rain, the city, wind).
#[derive(Resource)]
pub struct Ambiences;

/// The channel for the score.
#[derive(Resource)]
pub struct Score;

/// Seconds an ambience or a score takes to fade in or out.
const FADE: Duration = Duration::from_millis(1500);

/// Adds kira's audio plugin, the channels and the synthesized sounds.
pub fn plugin(app: &mut App) {
    app.add_plugins(AudioPlugin)
        .add_audio_channel::<Effects>()
        .add_audio_channel::<Ambiences>()
        .add_audio_channel::<Score>()
        .add_systems(Startup, synthesize_sounds)
        .add_systems(Update, (play_effects, play_ambience, play_music));
}

fn synthesize_sounds(mut sources: ResMut<Assets<AudioSource>>, mut commands: Commands) {
    let mut add = |samples: Vec<f32>| sources.add(source(samples));
    commands.insert_resource(EffectSounds {
        menu_move: add(synth::tick(1400.0, 0.05)),
        menu_confirm: add(synth::shutter(0.07)),
        shutter: add(synth::shutter(0.12)),
        film_advance: add(synth::film_advance()),
        dry_click: add(synth::tick(320.0, 0.04)),
        phone_ring: add(synth::phone_ring()),
        bell_stroke: add(synth::bell_stroke()),
        footsteps: SURFACES.map(|surface| add(synth::footstep(surface))),
        voices: VOICES.map(|voice| add(synth::voice(voice))),
        ambiences: AMBIENCES.map(|kind| add(synth::ambience(kind))),
        scores: SCORES.map(|kind| add(synth::music(kind))),
    });
}

fn source(samples: Vec<f32>) -> AudioSource {
    let frames: Arc<[Frame]> = samples.into_iter().map(Frame::from_mono).collect();
    AudioSource {
        sound: StaticSoundData {
            sample_rate: synth::SAMPLE_RATE,
            frames,
            settings: StaticSoundSettings::new(),
            slice: None,
        },
    }
}

fn play_effects(
    mut requests: MessageReader<PlaySfx>,
    sounds: Res<EffectSounds>,
    channel: Res<AudioChannel<Effects>>,
) {
    for PlaySfx(sfx) in requests.read() {
        let handle = match sfx {
            Sfx::MenuMove => &sounds.menu_move,
            Sfx::MenuConfirm => &sounds.menu_confirm,
            Sfx::Shutter => &sounds.shutter,
            Sfx::FilmAdvance => &sounds.film_advance,
            Sfx::DryClick => &sounds.dry_click,
            Sfx::PhoneRing => &sounds.phone_ring,
            Sfx::BellStroke => &sounds.bell_stroke,
            Sfx::Footstep(surface) => {
                let index = SURFACES.iter().position(|s| s == surface).unwrap_or(0);
                &sounds.footsteps[index]
            }
            Sfx::Voice(voice) => match VOICES.iter().position(|v| v == voice) {
                Some(index) => &sounds.voices[index],
                None => continue,
            },
        };
        channel.play(handle.clone());
    }
}

fn play_ambience(
    mut requests: MessageReader<SetAmbience>,
    sounds: Res<EffectSounds>,
    channel: Res<AudioChannel<Ambiences>>,
) {
    let Some(SetAmbience(wanted)) = requests.read().last() else {
        return;
    };
    let index = wanted.and_then(|kind| AMBIENCES.iter().position(|k| *k == kind));
    crossfade_loop(&channel, index.map(|i| &sounds.ambiences[i]));
}

fn play_music(
    mut requests: MessageReader<SetMusic>,
    sounds: Res<EffectSounds>,
    channel: Res<AudioChannel<Score>>,
) {
    let Some(SetMusic(wanted)) = requests.read().last() else {
        return;
    };
    let index = wanted.and_then(|kind| SCORES.iter().position(|k| *k == kind));
    crossfade_loop(&channel, index.map(|i| &sounds.scores[i]));
}

/// Fades out what `channel` plays and fades `next` in, looping.
fn crossfade_loop<T: Resource>(channel: &AudioChannel<T>, next: Option<&Handle<AudioSource>>) {
    channel.stop().linear_fade_out(FADE);
    if let Some(sound) = next {
        channel.play(sound.clone()).looped().linear_fade_in(FADE);
    }
}
