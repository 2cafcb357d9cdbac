//! The line typed out at the player's text speed, a voice blip every few
//! letters; the untyped rest is drawn invisible so the text never reflows.

use bevy::prelude::*;

use super::runner::Shown;
use super::{DialogueBox, current};
use crate::audio::{PlaySfx, Sfx};
use crate::content::schema::Voice;
use crate::levels::NightData;
use crate::settings::Settings;
use crate::story::StoryState;

/// A voice blip every this many characters typed.
const BLIP_EVERY: usize = 3;

/// The span of the line not yet typed (drawn, but invisible, so the text
/// does not reflow as it types).
#[derive(Component)]
pub(super) struct Untyped;

/// The span of the line typed so far.
#[derive(Component)]
pub(super) struct Typed;

/// Types the line out at the player's text speed, a voice blip every few
/// letters.
pub(super) fn type_out(
    time: Res<Time>,
    settings: Res<Settings>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    mut boxes: Query<&mut DialogueBox>,
    mut sfx: MessageWriter<PlaySfx>,
) {
    let (Ok(mut view), Some((dialogue, shown))) =
        (boxes.single_mut(), current(&night, state.as_deref()))
    else {
        return;
    };
    let Shown::Line(line) = shown else {
        view.typing = None;
        view.choosing += time.delta_secs();
        return;
    };
    view.choosing = 0.0;
    let length = line.text.chars().count() as f32;
    let (id, typed) = view.typing.get_or_insert_with(|| (line.id.clone(), 0.0));
    if *id != line.id {
        *id = line.id.clone();
        *typed = 0.0;
    }
    let before = *typed as usize;
    // The player's text speed; whole lines at once types it all now.
    let speed = settings.text_speed.letters_per_second();
    *typed = speed.map_or(length, |speed| {
        (*typed + time.delta_secs() * speed).min(length)
    });
    let voice = line
        .speaker
        .as_deref()
        .and_then(|s| dialogue.speaker(s))
        .map_or(Voice::Silent, |s| s.voice);
    let letters = line
        .text
        .chars()
        .skip(before)
        .take(*typed as usize - before);
    let blips = letters
        .enumerate()
        .filter(|(i, c)| !c.is_whitespace() && (before + i).is_multiple_of(BLIP_EVERY))
        .count();
    if voice != Voice::Silent && blips > 0 {
        sfx.write(PlaySfx(Sfx::Voice(voice)));
    }
}

/// Shows as much of the line as has been typed.
pub(super) fn show_typing(
    boxes: Query<&DialogueBox>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    mut typed: Query<&mut TextSpan, (With<Typed>, Without<Untyped>)>,
    mut untyped: Query<&mut TextSpan, (With<Untyped>, Without<Typed>)>,
) {
    let (Ok(view), Some((_, Shown::Line(line)))) =
        (boxes.single(), current(&night, state.as_deref()))
    else {
        return;
    };
    let count = view.typing.as_ref().map_or(0, |(_, t)| *t as usize);
    let split = line
        .text
        .char_indices()
        .nth(count)
        .map_or(line.text.len(), |(i, _)| i);
    let (done, rest) = line.text.split_at(split);
    for mut span in &mut typed {
        if span.0 != done {
            span.0 = done.to_owned();
        }
    }
    for mut span in &mut untyped {
        if span.0 != rest {
            span.0 = rest.to_owned();
        }
    }
}
