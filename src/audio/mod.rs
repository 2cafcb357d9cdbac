//! Sound as messages: game systems write [`PlaySfx`]; in a window the
//! [`playback`] plugin plays it through bevy_kira_audio, headless the harness
//! records it. Every sound is synthesized by [`synth`]: nothing is downloaded.

pub mod playback;
pub mod synth;

use bevy::prelude::*;

use crate::levels::ActiveLevel;
use crate::levels::schema::{Ambience, Surface};
use crate::screens::Screen;

/// A short sound effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sfx {
    /// The menu selection moved.
    MenuMove,
    /// A menu item was chosen: the click of a shutter.
    MenuConfirm,
    /// A footstep on this surface.
    Footstep(Surface),
}

/// Asks for a sound effect on the effects channel.
#[derive(Message, Clone, Copy, Debug)]
pub struct PlaySfx(pub Sfx);

/// The looping background sound that should play now (none: quiet).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetAmbience(pub Option<Ambience>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlaySfx>()
        .add_message::<SetAmbience>()
        .add_systems(Update, follow_ambience);
}

/// Rain over the title; each level's own ambience in play.
fn follow_ambience(
    screen: Res<State<Screen>>,
    level: ActiveLevel,
    mut playing: Local<Option<Ambience>>,
    mut set: MessageWriter<SetAmbience>,
) {
    let wanted = match screen.get() {
        Screen::Title => Some(Ambience::Rain),
        Screen::Playing => level.get().and_then(|l| l.ambience),
        Screen::Ending => Some(Ambience::Dawn),
    };
    if wanted != *playing {
        *playing = wanted;
        set.write(SetAmbience(wanted));
    }
}
