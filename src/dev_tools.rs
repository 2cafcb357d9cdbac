//! What only a developer wants, behind the `dev` feature (as the
//! bevy_new_2d template's `dev_tools`): every change of screen, pause and
//! menu logged in windowed play.

use bevy::prelude::*;

use crate::menus::Menu;
use crate::states::{Pause, Screen};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        (
            log_transitions::<Screen>,
            log_transitions::<Pause>,
            log_transitions::<Menu>,
        ),
    );
}

/// Every change of `S` is logged.
fn log_transitions<S: States>(
    mut changes: MessageReader<bevy::state::state::StateTransitionEvent<S>>,
) {
    for change in changes.read() {
        info!(
            "{}: {:?} -> {:?}",
            std::any::type_name::<S>()
                .rsplit("::")
                .next()
                .unwrap_or("state"),
            change.exited,
            change.entered
        );
    }
}
