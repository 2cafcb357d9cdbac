//! Sound as messages: game systems write [`PlaySfx`], and the level's
//! [`SetAmbience`] and [`SetMusic`] follow the screen and the level; in a
//! window the [`playback`] plugin plays them through bevy_kira_audio,
//! headless the harness records them. Every sound is synthesized by
//! [`synth`]: nothing is downloaded.

pub mod playback;
pub mod synth;

use bevy::prelude::*;

use crate::levels::ActiveLevel;
use crate::levels::schema::{Ambience, Music, Surface, Voice};
use crate::states::Screen;

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
        .add_systems(Update, follow_level_sound);
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
