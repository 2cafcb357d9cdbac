//! The current level's triggers: when a trigger's condition comes to hold,
//! its effects change the story and its event fires, once or each time it
//! comes to hold again.

use bevy::prelude::*;

use super::clock::ClockSystems;
use super::state::StoryState;
use super::{StoryEvent, carry_out, logic};
use crate::levels::NightData;
use crate::states::{PausableSystems, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        fire_triggers
            .after(ClockSystems)
            .in_set(PausableSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// Fires each trigger of the level Lev is in whose condition has just come
/// to hold.
fn fire_triggers(data: Res<NightData>, state: Option<ResMut<StoryState>>, mut commands: Commands) {
    let Some(mut state) = state else {
        return;
    };
    let Some(level) = data.level(&state.place.level) else {
        return;
    };
    for trigger in &level.triggers {
        let key = format!("{}/{}", level.id, trigger.id);
        if !logic::holds(&trigger.when, &state, &level.id) {
            if state.holding.contains(&key) {
                state.holding.remove(&key);
            }
            continue;
        }
        if state.holding.contains(&key) {
            continue;
        }
        state.holding.insert(key.clone());
        if trigger.once && !state.fired.insert(key.clone()) {
            continue;
        }
        let outcomes = logic::apply(&trigger.effects, &mut state);
        carry_out(outcomes, &key, &mut commands);
        if let Some(name) = &trigger.event {
            commands.trigger(StoryEvent {
                name: name.clone(),
                source: key,
            });
        }
    }
}
