//! The current level's triggers: when a trigger's condition comes to hold,
//! its effects change the story and its event fires, once or each time it
//! comes to hold again; a trigger with `every` fires again and again while
//! it holds (the phone rings until it is answered).

use bevy::prelude::*;

use super::clock::ClockSystems;
use super::state::StoryState;
use super::{StoryEvent, carry_out, logic};
use crate::levels::NightData;
use crate::states::{PausableSystems, Screen};

/// How long each repeating trigger (`level/trigger`) has held since it
/// last fired, in seconds of play. Not saved: a night picked up again
/// begins the wait anew.
#[derive(Resource, Debug, Default)]
struct Repeating(std::collections::BTreeMap<String, f32>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Repeating>().add_systems(
        Update,
        fire_triggers
            .after(ClockSystems)
            .in_set(PausableSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// Fires each trigger of the level Lev is in whose condition has just come
/// to hold, and each repeating one whose wait is over.
fn fire_triggers(
    time: Res<Time>,
    data: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    mut repeating: ResMut<Repeating>,
    mut commands: Commands,
) {
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
            repeating.0.remove(&key);
            continue;
        }
        if let Some(every) = trigger.every {
            let held = repeating.0.entry(key.clone()).or_insert(0.0);
            *held += time.delta_secs();
            if *held < every {
                continue;
            }
            *held -= every;
        } else if state.holding.contains(&key) {
            continue;
        }
        state.holding.insert(key.clone());
        if trigger.every.is_none() && trigger.once && !state.fired.insert(key.clone()) {
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
