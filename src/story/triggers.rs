//! Level triggers: when Lev enters an area, the clock reaches a time or a
//! flag is set, the trigger fires its [`StoryEvent`].

use bevy::platform::collections::HashSet;
use bevy::prelude::*;

use super::clock::ClockSystems;
use super::{NightClock, StoryEvent, StoryFlags};
use crate::explore::{Body, ExploreSystems, Lev};
use crate::levels::ActiveLevel;
use crate::levels::schema::Condition;
use crate::screens::Screen;

/// Which triggers (by level and id) have fired, and whose condition holds now.
#[derive(Resource, Debug, Default)]
struct TriggerState {
    fired: HashSet<(String, String)>,
    holding: HashSet<(String, String)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TriggerState>()
        .add_systems(
            OnExit(Screen::Playing),
            |mut state: ResMut<TriggerState>| {
                *state = TriggerState::default();
            },
        )
        .add_systems(
            Update,
            fire_triggers.after(ClockSystems).in_set(ExploreSystems),
        );
}

/// Fires each trigger of the current level whose condition has just become
/// true: once, or every time for triggers with `once: false`.
fn fire_triggers(
    level: ActiveLevel,
    clock: Option<Res<NightClock>>,
    flags: Option<Res<StoryFlags>>,
    lev: Query<&Body, With<Lev>>,
    mut state: ResMut<TriggerState>,
    mut commands: Commands,
) {
    let (Some(level), Ok(body)) = (level.get(), lev.single()) else {
        return;
    };
    let feet = body.0.position;
    for trigger in &level.triggers {
        let holds = match &trigger.when {
            Condition::Area(area) => area.contains((feet.x, feet.y)),
            Condition::Time(time) => clock.as_ref().is_some_and(|c| c.reached(*time)),
            Condition::Flag(flag) => flags.as_ref().is_some_and(|f| f.0.contains(flag)),
        };
        let key = (level.id.clone(), trigger.id.clone());
        if !holds {
            state.holding.remove(&key);
            continue;
        }
        if !state.holding.insert(key.clone()) {
            continue;
        }
        if trigger.once && !state.fired.insert(key) {
            continue;
        }
        commands.trigger(StoryEvent {
            name: trigger.event.clone(),
            source: format!("{}/{}", level.id, trigger.id),
        });
    }
}
