//! The night's clock serves the story. It runs while Lev is free to act
//! (exploring), slowed while the camera is raised, and stands still in
//! menus, text, dialogue, the album and fades. It never passes dawn, nor the
//! time the current chapter holds it at until the chapter ends. Lev's
//! wristwatch (the HUD's, `ui::wristwatch`) shows it.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::state::StoryState;
use crate::content::schema::Story;
use crate::input::{InputContext, LiveContext};
use crate::levels::NightData;
use crate::states::{PausableSystems, Screen};

/// The night's time, for systems that show it (the light, the watch).
#[derive(SystemParam)]
pub struct NightTime<'w> {
    state: Option<Res<'w, StoryState>>,
    data: Res<'w, NightData>,
}

impl NightTime<'_> {
    /// Minutes left until dawn, while a night is being played.
    pub fn to_dawn(&self) -> Option<f32> {
        Some(self.state.as_ref()?.to_dawn(self.data.story.as_ref()?))
    }
}

/// Runs the clock; triggers and the wristwatch read it after.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClockSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        run_clock
            .in_set(PausableSystems)
            .in_set(ClockSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// The minute the clock may run to now: dawn, or the current chapter's hold.
pub(super) fn limit(story: &Story, state: &StoryState) -> f64 {
    let dawn = f64::from(story.clock.dawn.minutes_into_night());
    let hold = story
        .chapters
        .iter()
        .find(|c| c.id == state.chapter)
        .and_then(|c| c.hold)
        .map_or(f64::MAX, |t| f64::from(t.minutes_into_night()));
    dawn.min(hold)
}

/// How fast the night's two times run now, in their seconds a second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// The night's clock: 0 while it stands or waits at its limit.
    pub night: f32,
    /// The seconds of play ([`StoryState::played`]).
    pub play: f32,
}

/// How fast the night's clock and the seconds of play run in `context`.
pub fn rates(story: &Story, state: &StoryState, context: InputContext) -> Rates {
    let pace = pace(story, context);
    let night = if state.minutes < limit(story, state) {
        story.clock.minutes_per_second * pace * 60.0
    } else {
        0.0
    };
    Rates { night, play: pace }
}

/// How fast the clock runs in `context`, as a share of its pace.
fn pace(story: &Story, context: InputContext) -> f32 {
    match context {
        InputContext::Exploring => 1.0,
        InputContext::Viewfinder => story.clock.viewfinder,
        _ => 0.0,
    }
}

fn run_clock(
    time: Res<Time>,
    context: LiveContext,
    data: Res<NightData>,
    state: Option<ResMut<StoryState>>,
) {
    let (Some(story), Some(mut state)) = (&data.story, state) else {
        return;
    };
    // A conversation in progress holds the night, even in the frame
    // before its box claims input (a night continued in the middle of one).
    let pace = match state.dialogue {
        Some(_) => 0.0,
        None => pace(story, context.get()),
    };
    // Kept in f64: a frame's step is too small a share of a night's minutes
    // for f32, which would run the clock faster at one frame rate than at
    // another. The seconds of play keep the clock's pace, and run on
    // through its holds.
    let seconds = f64::from(pace) * time.delta_secs_f64();
    state.played += seconds;
    let minutes = f64::from(story.clock.minutes_per_second) * seconds;
    let limit = limit(story, &state);
    // A clock the story moved past the limit waits there; it never runs back.
    if minutes > 0.0 && state.minutes < limit {
        state.minutes = (state.minutes + minutes).min(limit);
    }
}
