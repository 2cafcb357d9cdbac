//! Captions for the sounds that mean something (the phone ringing, the
//! tower's chime and bell, the shutter, a tram or a car coming near,
//! birds), on by default: a line in brackets under the clock for a few
//! seconds, so nothing the night says with sound is lost without it. A
//! sound heard again while its caption shows counts on the same line
//! (`[The bell tolls] x3`). They belong to the night: they go with it, not
//! over the ending's title.

use bevy::prelude::*;

use super::{theme, widget};
use crate::audio::{PlaySfx, Sfx, SoundComesNear};
use crate::content::schema::MovingSound;
use crate::settings::Settings;
use crate::states::Screen;

/// Seconds a caption stays after its sound.
const CAPTION_SECONDS: f32 = 3.5;
/// The most captions shown at once; the oldest goes first.
const MOST_SHOWN: usize = 3;

/// Where captions are shown.
#[derive(Component)]
struct CaptionArea;

/// One caption: its text, how many times its sound was heard, and the
/// time it has left.
#[derive(Component)]
struct Caption {
    text: &'static str,
    heard: u32,
    left: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            caption_sounds.run_if(in_state(Screen::Playing)),
            fade_captions,
        )
            .chain(),
    );
}

/// The caption of a sound that means something (none: not captioned).
fn caption_of(sfx: Sfx) -> Option<&'static str> {
    Some(match sfx {
        Sfx::PhoneRing => "[A telephone rings]",
        Sfx::Chime => "[The tower clock chimes]",
        Sfx::BellStroke => "[The bell tolls]",
        Sfx::Shutter => "[The shutter clicks]",
        Sfx::TramPassing => "[A tram rattles past]",
        Sfx::PigeonsTakeOff => "[Pigeons take off]",
        Sfx::Crows => "[Crows call]",
        _ => return None,
    })
}

/// The caption of a moving thing's sound as it comes near.
fn caption_of_moving(sound: MovingSound) -> &'static str {
    match sound {
        MovingSound::Tram => "[A tram rattles past]",
        MovingSound::Car => "[A car hisses past]",
    }
}

/// A caption's line.
fn line(text: &str, heard: u32) -> String {
    if heard > 1 {
        format!("{text} x{heard}")
    } else {
        text.to_owned()
    }
}

fn caption_sounds(
    mut sounds: MessageReader<PlaySfx>,
    mut moving: MessageReader<SoundComesNear>,
    settings: Res<Settings>,
    areas: Query<Entity, With<CaptionArea>>,
    mut captions: Query<(Entity, &mut Caption, &Children)>,
    mut texts: Query<&mut Text>,
    mut commands: Commands,
) {
    let heard: Vec<&'static str> = (sounds.read().filter_map(|s| caption_of(s.0)))
        .chain(moving.read().map(|s| caption_of_moving(s.0)))
        .collect();
    if !settings.captions || heard.is_empty() {
        return;
    }
    let area = match areas.single() {
        Ok(area) => area,
        Err(_) => commands.spawn(caption_area()).id(),
    };
    let mut shown = captions.iter().count();
    for text in heard {
        let again = captions.iter_mut().find(|(_, c, _)| c.text == text);
        if let Some((_, mut caption, children)) = again {
            caption.heard += 1;
            caption.left = CAPTION_SECONDS;
            for child in children {
                if let Ok(mut shown) = texts.get_mut(*child) {
                    shown.0 = line(text, caption.heard);
                }
            }
            continue;
        }
        if shown >= MOST_SHOWN
            && let Some((oldest, _, _)) =
                captions.iter().min_by(|a, b| a.1.left.total_cmp(&b.1.left))
        {
            commands.entity(oldest).despawn();
        }
        shown += 1;
        commands.spawn((
            Name::new("Caption"),
            Caption {
                text,
                heard: 1,
                left: CAPTION_SECONDS,
            },
            Node {
                padding: UiRect::axes(px(12), px(4)),
                ..default()
            },
            BackgroundColor(theme::PANEL),
            ChildOf(area),
            children![widget::label(text, theme::SMALL_SIZE, theme::PAPER)],
        ));
    }
}

fn caption_area() -> impl Bundle {
    (
        Name::new("Captions"),
        CaptionArea,
        // Under the clock, clear of the shot list, which can run wide.
        Node {
            position_type: PositionType::Absolute,
            top: px(56),
            right: px(12),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::End,
            row_gap: px(4),
            ..default()
        },
        GlobalZIndex(40),
        DespawnOnExit(Screen::Playing),
    )
}

/// Captions go when their time is up, and all of them when captions are
/// turned off.
fn fade_captions(
    time: Res<Time<Real>>,
    settings: Res<Settings>,
    mut captions: Query<(Entity, &mut Caption)>,
    mut commands: Commands,
) {
    for (entity, mut caption) in &mut captions {
        caption.left -= time.delta_secs();
        if caption.left <= 0.0 || !settings.captions {
            commands.entity(entity).despawn();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sounds_that_mean_something_are_captioned() {
        assert_eq!(caption_of(Sfx::PhoneRing), Some("[A telephone rings]"));
        assert_eq!(caption_of(Sfx::MenuMove), None);
        assert_eq!(line("[The bell tolls]", 3), "[The bell tolls] x3");
        assert_eq!(line("[Crows call]", 1), "[Crows call]");
    }
}
