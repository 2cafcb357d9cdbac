//! Where the level's moving things are: each motion's place read from the
//! story state (the night's clock, the seconds of play, when a condition
//! started it), so that the drawn world, the judge and a script see one
//! place at one instant. Motions started by a condition are started here,
//! the first time it holds while Lev is in their level.

use bevy::prelude::*;

use super::clock::{ClockSystems, Rates};
use super::logic;
use super::state::StoryState;
use crate::content::schema::{Level, Motion, Placement, Start};
use crate::levels::NightData;
use crate::states::{PausableSystems, Screen};

/// Starts motions and moves the clock's time on; what is drawn and judged
/// reads their places after.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct MotionSystems;

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(Update, MotionSystems.after(ClockSystems))
        .add_systems(
            Update,
            start_motions
                .in_set(MotionSystems)
                .in_set(PausableSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

impl StoryState {
    /// Where the motion `moves` of `level` puts what goes with it now
    /// (none, or a motion the level lacks: standing still).
    pub fn placement(&self, level: &Level, moves: Option<&str>) -> Placement {
        let still = Rates {
            night: 0.0,
            play: 0.0,
        };
        self.placement_ahead(level, moves, 0.0, still)
    }

    /// Where it will be `seconds` from now, the night's clock and the
    /// seconds of play running at `rates` meanwhile.
    pub fn placement_ahead(
        &self,
        level: &Level,
        moves: Option<&str>,
        seconds: f32,
        rates: Rates,
    ) -> Placement {
        let Some(motion) = moves.and_then(|id| level.motion(id)) else {
            return Placement::STILL;
        };
        // Only a motion a condition starts has a start kept (and a key to
        // build: this runs for every moving thing every frame).
        let began = match motion.start {
            Start::When(_) => self.started.get(&key(level, motion)).copied(),
            Start::Clock(_) | Start::Play => None,
        };
        let night = self.minutes * 60.0 + f64::from(seconds * rates.night);
        let played = self.played + f64::from(seconds * rates.play);
        match motion.time(night, played, began) {
            Some(t) => motion.at(t),
            None => motion.at(f32::NEG_INFINITY),
        }
    }
}

/// A motion's key in [`StoryState::started`]: `level/motion`.
fn key(level: &Level, motion: &Motion) -> String {
    format!("{}/{}", level.id, motion.id)
}

/// Starts each motion of Lev's level whose condition has come to hold.
fn start_motions(data: Res<NightData>, state: Option<ResMut<StoryState>>) {
    let Some(mut state) = state else {
        return;
    };
    let Some(level) = data.level(&state.place.level) else {
        return;
    };
    for motion in &level.motions {
        let Start::When(condition) = &motion.start else {
            continue;
        };
        let key = key(level, motion);
        if !state.started.contains_key(&key) && logic::holds(condition, &state, &level.id) {
            let now = state.played;
            state.started.insert(key, now);
        }
    }
}
