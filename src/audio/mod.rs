//! Sound as messages: game systems write [`PlaySfx`], and the level's
//! [`SetAmbience`] and [`SetMusic`] follow the screen and the level, and
//! the story's cues ([`SoundCued`]) play as effects (the tower's bell
//! tolls twelve times after its chime); in a window the [`playback`]
//! plugin plays them through bevy_kira_audio from `assets/sounds`, headless
//! the harness records them. What moves with a `sound` ([`moving`]) is
//! heard each frame from where it is, panned and faded. Every sound is synthesized by [`synth`]
//! (nothing is downloaded) ahead of time: `long-exposure generate-sounds`
//! writes the files.

mod heard;
pub mod moving;
pub mod playback;
pub mod synth;

pub use heard::Heard;
pub use moving::{MovingSounds, SoundComesNear, Sounding};

use bevy::prelude::*;

use crate::content::schema::{Ambience, Cue, Music, Surface, Voice};
use crate::levels::{ActiveLevel, LevelSystems};
use crate::states::Screen;
use crate::story::SoundCued;

/// A short sound effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sfx {
    /// The menu selection moved.
    MenuMove,
    /// A menu item was chosen: the click of a shutter.
    MenuConfirm,
    /// A footstep on this surface.
    Footstep(Surface),
    /// The camera's shutter: a photograph taken.
    Shutter,
    /// The film wound on to the next frame.
    FilmAdvance,
    /// The shutter pressed on a finished roll: a dry click.
    DryClick,
    /// A blip of a speaker's text typing out.
    Voice(Voice),
    /// An old telephone's bell: three double rings.
    PhoneRing,
    /// One stroke of the tower's bell.
    BellStroke,
    /// The tower's quarter chime before the hour.
    Chime,
    /// Pigeons taking off.
    PigeonsTakeOff,
    /// A tram passing.
    TramPassing,
    /// Crows calling.
    Crows,
}

/// Strokes of the bell at midnight.
const MIDNIGHT_STROKES: u32 = 12;
/// Seconds between strokes.
const STROKE_SECONDS: f32 = 1.8;
/// Seconds the quarter chime sounds before the first stroke.
const CHIME_SECONDS: f32 = 6.0;

/// The bell's strokes still to toll, and the time to the next.
#[derive(Resource, Debug, Default)]
struct Tolling {
    left: u32,
    next: f32,
}

/// Asks for a sound effect on the effects channel.
#[derive(Message, Clone, Copy, Debug)]
pub struct PlaySfx(pub Sfx);

/// The looping background sound that should play now (none: quiet).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetAmbience(pub Option<Ambience>);

/// The score that should play now (none: no music).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetMusic(pub Option<Music>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlaySfx>()
        .add_message::<SetAmbience>()
        .add_message::<SetMusic>()
        .init_resource::<Tolling>()
        .add_plugins(moving::plugin)
        .add_observer(play_cue)
        .add_systems(Update, (follow_level_sound.after(LevelSystems), toll))
        .add_systems(OnExit(Screen::Playing), |mut tolling: ResMut<Tolling>| {
            *tolling = Tolling::default();
        });
}

/// A cue of the story: the phone's bell rings; the tower's begins to toll.
fn play_cue(cued: On<SoundCued>, mut tolling: ResMut<Tolling>, mut sfx: MessageWriter<PlaySfx>) {
    match cued.cue {
        Cue::PhoneRing => {
            sfx.write(PlaySfx(Sfx::PhoneRing));
        }
        Cue::Midnight => {
            sfx.write(PlaySfx(Sfx::Chime));
            *tolling = Tolling {
                left: MIDNIGHT_STROKES,
                next: CHIME_SECONDS,
            };
        }
        Cue::PigeonsTakeOff => {
            sfx.write(PlaySfx(Sfx::PigeonsTakeOff));
        }
        Cue::TramPassing => {
            sfx.write(PlaySfx(Sfx::TramPassing));
        }
        Cue::Crows => {
            sfx.write(PlaySfx(Sfx::Crows));
        }
    }
}

/// The bell's strokes, one every [`STROKE_SECONDS`] of game time.
fn toll(time: Res<Time>, mut tolling: ResMut<Tolling>, mut sfx: MessageWriter<PlaySfx>) {
    if tolling.left == 0 {
        return;
    }
    tolling.next -= time.delta_secs();
    if tolling.next <= 0.0 {
        sfx.write(PlaySfx(Sfx::BellStroke));
        tolling.left -= 1;
        tolling.next += STROKE_SECONDS;
    }
}

/// Rain and the night's piano over the title; each level's own ambience
/// and music in play; dawn at the end.
fn follow_level_sound(
    screen: Res<State<Screen>>,
    level: ActiveLevel,
    mut playing: Local<(Option<Ambience>, Option<Music>)>,
    mut ambience: MessageWriter<SetAmbience>,
    mut music: MessageWriter<SetMusic>,
) {
    let wanted = match screen.get() {
        Screen::Title => (Some(Ambience::Rain), Some(Music::Night)),
        Screen::Playing => level.get().map_or((None, None), |l| (l.ambience, l.music)),
        Screen::Ending => (Some(Ambience::Dawn), Some(Music::Sunrise)),
    };
    if wanted.0 != playing.0 {
        ambience.write(SetAmbience(wanted.0));
    }
    if wanted.1 != playing.1 {
        music.write(SetMusic(wanted.1));
    }
    *playing = wanted;
}
