//! Playing sounds through bevy_kira_audio, for windowed play only.
//!
//! With no sound card kira logs one warning and the game runs silent.

use std::collections::HashMap;
use std::time::Duration;

use bevy::prelude::*;
use bevy_kira_audio::prelude::*;

use super::{MovingSounds, PlaySfx, SetAmbience, SetMusic, Sfx, synth};
use crate::content::schema::{Ambience, MovingSound, Music, Surface, Voice};
use crate::loading::StartupAssets;
use crate::settings::Settings;

/// The channel for short sound effects (shutter, footsteps, menus, voices).
#[derive(Resource)]
pub struct Effects;

/// Every sound of the game, by its file stem, loaded from `sounds/`.
#[derive(Resource, Default)]
struct Sounds(HashMap<&'static str, Handle<AudioSource>>);

impl Sounds {
    fn get(&self, stem: Option<&str>) -> Option<Handle<AudioSource>> {
        self.0.get(stem?).cloned()
    }
}

/// The file stem of an effect (none: it makes no sound).
fn sfx_stem(sfx: Sfx) -> Option<&'static str> {
    Some(match sfx {
        Sfx::MenuMove => "menu_move",
        Sfx::MenuConfirm => "menu_confirm",
        Sfx::Shutter => "shutter",
        Sfx::FilmAdvance => "film_advance",
        Sfx::DryClick => "dry_click",
        Sfx::PhoneRing => "phone_ring",
        Sfx::BellStroke => "bell_stroke",
        Sfx::Chime => "chime",
        Sfx::PigeonsTakeOff => "pigeons_take_off",
        Sfx::TramPassing => "tram_passing",
        Sfx::Crows => "crows",
        Sfx::Footstep(Surface::Concrete) => "footstep_concrete",
        Sfx::Footstep(Surface::Metal) => "footstep_metal",
        Sfx::Footstep(Surface::WetStreet) => "footstep_wet_street",
        Sfx::Footstep(Surface::Wood) => "footstep_wood",
        Sfx::Voice(Voice::Low) => "voice_low",
        Sfx::Voice(Voice::Middle) => "voice_middle",
        Sfx::Voice(Voice::High) => "voice_high",
        Sfx::Voice(Voice::Phone) => "voice_phone",
        Sfx::Voice(Voice::Silent) => return None,
    })
}

/// The file stem of an ambience's loop.
fn ambience_stem(kind: Ambience) -> &'static str {
    match kind {
        Ambience::Rain => "ambience_rain",
        Ambience::City => "ambience_city",
        Ambience::Drips => "ambience_drips",
        Ambience::Wind => "ambience_wind",
        Ambience::Dawn => "ambience_dawn",
        Ambience::Clockwork => "clock_ticking",
    }
}

/// The file stem of a moving thing's loop.
fn moving_stem(kind: MovingSound) -> &'static str {
    match kind {
        MovingSound::Tram => "tram_running",
        MovingSound::Car => "car_running",
    }
}

/// The file stem of a score's loop.
fn music_stem(kind: Music) -> &'static str {
    match kind {
        Music::Night => "music_night",
        Music::Tension => "music_tension",
        Music::Sunrise => "music_sunrise",
    }
}

/// The channel for looping background sound (rain, the city, wind).
#[derive(Resource)]
pub struct Ambiences;

/// The channel for the score.
#[derive(Resource)]
pub struct Score;

/// Seconds an ambience or a score takes to fade in or out.
const FADE: Duration = Duration::from_millis(1500);

/// Adds kira's audio plugin, the channels and the sounds, loaded from the
/// files `long-exposure generate-sounds` writes (nothing is synthesized
/// while the game starts).
pub fn plugin(app: &mut App) {
    app.add_plugins(AudioPlugin)
        .add_audio_channel::<Effects>()
        .add_audio_channel::<Ambiences>()
        .add_audio_channel::<Score>()
        .init_resource::<MovingLoops>()
        .add_systems(Startup, load_sounds)
        .add_systems(
            Update,
            (
                play_effects,
                play_ambience,
                play_music,
                play_moving_sounds.run_if(resource_changed::<MovingSounds>),
                set_volumes.run_if(resource_changed::<Settings>),
            ),
        );
}

/// A share of full volume (0 to 1) in decibels.
fn decibels(share: f32) -> Decibels {
    if share <= 0.001 {
        Decibels::SILENCE
    } else {
        Decibels(20.0 * share.log10())
    }
}

/// The player's volumes, applied at once.
fn set_volumes(
    settings: Res<Settings>,
    effects: Res<AudioChannel<Effects>>,
    ambiences: Res<AudioChannel<Ambiences>>,
    score: Res<AudioChannel<Score>>,
) {
    effects.set_volume(decibels(settings.share(settings.effects_volume)));
    ambiences.set_volume(decibels(settings.share(settings.ambience_volume)));
    score.set_volume(decibels(settings.share(settings.music_volume)));
}

/// The folder, under the assets folder, that holds the sounds.
pub const FOLDER: &str = "sounds";

fn load_sounds(
    assets: Res<AssetServer>,
    mut startup: ResMut<StartupAssets>,
    mut commands: Commands,
) {
    let sounds = synth::names()
        .into_iter()
        .map(|stem| {
            let sound: Handle<AudioSource> = assets.load(format!("{FOLDER}/{stem}.wav"));
            startup.wait_for(sound.clone());
            (stem, sound)
        })
        .collect();
    commands.insert_resource(Sounds(sounds));
}

fn play_effects(
    mut requests: MessageReader<PlaySfx>,
    sounds: Res<Sounds>,
    channel: Res<AudioChannel<Effects>>,
) {
    for PlaySfx(sfx) in requests.read() {
        if let Some(handle) = sounds.get(sfx_stem(*sfx)) {
            channel.play(handle);
        }
    }
}

fn play_ambience(
    mut requests: MessageReader<SetAmbience>,
    sounds: Res<Sounds>,
    channel: Res<AudioChannel<Ambiences>>,
) {
    let Some(SetAmbience(wanted)) = requests.read().last() else {
        return;
    };
    crossfade_loop(&channel, sounds.get(wanted.map(ambience_stem)));
}

fn play_music(
    mut requests: MessageReader<SetMusic>,
    sounds: Res<Sounds>,
    channel: Res<AudioChannel<Score>>,
) {
    let Some(SetMusic(wanted)) = requests.read().last() else {
        return;
    };
    crossfade_loop(&channel, sounds.get(wanted.map(music_stem)));
}

/// The loops of the moving things of Lev's level, by motion id.
#[derive(Resource, Default)]
struct MovingLoops {
    level: String,
    playing: Vec<(String, Handle<AudioInstance>)>,
}

/// How long a moving sound takes to follow a change of where it is.
const FOLLOW: Duration = Duration::from_millis(80);

/// A loop for each moving thing of the level, started silent with the
/// level and stopped with it, at the volume and panning it is heard with.
fn play_moving_sounds(
    sounds: Res<MovingSounds>,
    files: Res<Sounds>,
    channel: Res<AudioChannel<Effects>>,
    mut loops: ResMut<MovingLoops>,
    mut instances: ResMut<Assets<AudioInstance>>,
) {
    let same = sounds.sounds.len() == loops.playing.len()
        && (sounds.sounds.iter().zip(&loops.playing)).all(|(s, (id, _))| s.motion == *id);
    if loops.level != sounds.level || !same {
        for (_, instance) in loops.playing.drain(..) {
            if let Some(mut instance) = instances.get_mut(&instance) {
                instance.stop(AudioTween::linear(FADE));
            }
        }
        loops.level = sounds.level.clone();
        for sounding in &sounds.sounds {
            let Some(file) = files.get(Some(moving_stem(sounding.sound))) else {
                continue;
            };
            let instance = channel
                .play(file)
                .looped()
                .with_volume(Decibels::SILENCE)
                .handle();
            loops.playing.push((sounding.motion.clone(), instance));
        }
    }
    for (id, instance) in &loops.playing {
        let (Some(sounding), Some(mut instance)) = (
            sounds.sounds.iter().find(|s| s.motion == *id),
            instances.get_mut(instance),
        ) else {
            continue;
        };
        instance.set_decibels(decibels(sounding.heard.volume), AudioTween::linear(FOLLOW));
        instance.set_panning(sounding.heard.pan, AudioTween::linear(FOLLOW));
    }
}

/// Fades out what `channel` plays and fades `next` in, looping.
fn crossfade_loop<T: Resource>(channel: &AudioChannel<T>, next: Option<Handle<AudioSource>>) {
    channel.stop().linear_fade_out(FADE);
    if let Some(sound) = next {
        channel.play(sound).looped().linear_fade_in(FADE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sound_the_game_asks_for_has_a_file() {
        let names = synth::names();
        let surfaces = [
            Surface::Concrete,
            Surface::Metal,
            Surface::WetStreet,
            Surface::Wood,
        ];
        let voices = [Voice::Low, Voice::Middle, Voice::High, Voice::Phone];
        let mut effects = vec![
            Sfx::MenuMove,
            Sfx::MenuConfirm,
            Sfx::Shutter,
            Sfx::FilmAdvance,
            Sfx::DryClick,
            Sfx::PhoneRing,
            Sfx::BellStroke,
            Sfx::Chime,
            Sfx::PigeonsTakeOff,
            Sfx::TramPassing,
            Sfx::Crows,
        ];
        effects.extend(surfaces.map(Sfx::Footstep));
        effects.extend(voices.map(Sfx::Voice));
        for sfx in effects {
            let stem = sfx_stem(sfx);
            assert!(
                stem.is_some_and(|s| names.contains(&s)),
                "{sfx:?}: {stem:?}"
            );
        }
        assert_eq!(sfx_stem(Sfx::Voice(Voice::Silent)), None);
        let ambiences = [
            Ambience::Rain,
            Ambience::City,
            Ambience::Drips,
            Ambience::Wind,
            Ambience::Dawn,
            Ambience::Clockwork,
        ];
        for kind in ambiences {
            assert!(names.contains(&ambience_stem(kind)), "{kind:?}");
        }
        for kind in [MovingSound::Tram, MovingSound::Car] {
            assert!(names.contains(&moving_stem(kind)), "{kind:?}");
        }
        for kind in [Music::Night, Music::Tension, Music::Sunrise] {
            assert!(names.contains(&music_stem(kind)), "{kind:?}");
        }
    }
}
