//! The sounds of things that move (a motion's `sound`: the tram, the
//! cars), heard each frame from where they are now relative to Lev, read
//! from the story state as the drawn world and the judge read it. In a
//! window [`super::playback`] plays each as a loop at that volume and
//! panning; headless the harness reads [`MovingSounds`].

use bevy::prelude::*;

use super::heard::{Heard, STANDING, heard, source};
use crate::content::schema::{Level, Motion, MovingSound};
use crate::levels::{ActiveLevel, LevelSystems, NightData};
use crate::states::Screen;
use crate::story::{MotionSystems, Rates, StoryState};

/// Seconds ahead a moving thing is looked at to tell whether it goes.
const LOOK_AHEAD: f32 = 0.25;
/// Moving less than this in [`LOOK_AHEAD`], in level pixels, is standing.
const STILL: f32 = 0.5;
/// A sound louder than this, having been quieter, is captioned: the car
/// comes near.
const COMES_NEAR: f32 = 0.3;

/// Each sounding motion of Lev's level and how it reaches him now.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct MovingSounds {
    /// The level they belong to (empty: none).
    pub level: String,
    /// One for each motion of the level with a `sound`, in the level's order.
    pub sounds: Vec<Sounding>,
}

/// One moving thing's sound as Lev hears it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sounding {
    /// The motion's id.
    pub motion: String,
    /// What it sounds like.
    pub sound: MovingSound,
    /// How it reaches Lev now.
    pub heard: Heard,
}

/// A moving thing's sound has come near enough to be heard clearly (the
/// captions say so).
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SoundComesNear(pub MovingSound);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MovingSounds>()
        .add_message::<SoundComesNear>()
        .add_systems(
            Update,
            hear_moving_things
                .after(MotionSystems)
                .after(LevelSystems)
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            OnExit(Screen::Playing),
            |mut sounds: ResMut<MovingSounds>| {
                *sounds = MovingSounds::default();
            },
        );
}

fn hear_moving_things(
    level: ActiveLevel,
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    mut sounds: ResMut<MovingSounds>,
    mut near: MessageWriter<SoundComesNear>,
) {
    let (Some(level), Some(story), Some(state)) = (level.get(), &data.story, state) else {
        return;
    };
    // Going or standing is told at the night's own pace, whatever the
    // camera or a conversation does to the clock meanwhile.
    let pace = Rates {
        night: story.clock.minutes_per_second * 60.0,
        play: 1.0,
    };
    let sounding = || level.motions.iter().filter(|m| m.sound.is_some());
    let same = sounds.level == level.id
        && sounding().count() == sounds.sounds.len()
        && sounding()
            .zip(&sounds.sounds)
            .all(|(m, s)| m.id == s.motion);
    if !same {
        *sounds = MovingSounds {
            level: level.id.clone(),
            sounds: sounding()
                .filter_map(|motion| {
                    Some(Sounding {
                        motion: motion.id.clone(),
                        sound: motion.sound?,
                        heard: heard_now(level, motion, &state, pace),
                    })
                })
                .collect(),
        };
        return;
    }
    // The same sounds as the frame before: only how they are heard changes
    // (and only a change tells the player to follow it).
    let mut changed = false;
    for (motion, was) in sounding().zip(&mut sounds.bypass_change_detection().sounds) {
        let heard = heard_now(level, motion, &state, pace);
        if was.heard.volume <= COMES_NEAR && heard.volume > COMES_NEAR {
            near.write(SoundComesNear(was.sound));
        }
        changed |= was.heard != heard;
        was.heard = heard;
    }
    if changed {
        sounds.set_changed();
    }
}

/// How `motion` of `level` reaches Lev where the story state puts him:
/// quieter while it stands than while it goes.
fn heard_now(level: &Level, motion: &Motion, state: &StoryState, pace: Rates) -> Heard {
    let id = Some(motion.id.as_str());
    let at = source(level, motion, &state.placement(level, id));
    let ahead = source(
        level,
        motion,
        &state.placement_ahead(level, id, LOOK_AHEAD, pace),
    );
    let Some(at) = at else {
        return SILENT;
    };
    let mut heard = heard(at, state.place.at);
    let going = ahead.is_some_and(|b| (b.0 - at.0).hypot(b.1 - at.1) >= STILL);
    if !going {
        heard.volume *= STANDING;
    }
    heard
}

/// Not heard at all.
const SILENT: Heard = Heard {
    volume: 0.0,
    pan: 0.0,
};
