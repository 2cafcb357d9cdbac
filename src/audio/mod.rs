//! Sound as messages: game systems write [`PlaySfx`]; in a window the
//! [`playback`] plugin plays it through bevy_kira_audio, headless the harness
//! records it. Every sound is synthesized by [`synth`]: nothing is downloaded.

pub mod playback;
pub mod synth;

use bevy::prelude::*;

use crate::levels::schema::Surface;

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

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlaySfx>();
}
