//! Input contexts: one owns input at a time, so one press never does two
//! things. Enter confirms in a menu and interacts while exploring, never
//! both; Space and the left mouse button shoot only in the viewfinder; Up in
//! a menu never climbs a ladder.
//!
//! The context follows the screen and the pause (a menu), and otherwise the
//! highest of the contexts that entities claim while they exist (the text
//! being read, a fade, later the viewfinder, the album and dialogue);
//! with no claim, Lev is exploring.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::{Action, ActionState, ActionSystems};
use crate::states::{Pause, Screen};

/// Who owns input now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputContext {
    /// Walking, climbing, interacting; the night's clock runs.
    #[default]
    Exploring,
    /// A fade between levels: only the pause.
    Busy,
    /// Reading the text of something inspected.
    Reading,
    /// The camera raised.
    Viewfinder,
    /// The album open.
    Album,
    /// A conversation.
    Dialogue,
    /// A menu: the title, the pause menu, the ending.
    Menu,
    /// Waiting for the key the player gives an action: no action at all.
    Listening,
}

impl InputContext {
    /// Every context.
    pub const ALL: [InputContext; 8] = [
        InputContext::Exploring,
        InputContext::Busy,
        InputContext::Reading,
        InputContext::Viewfinder,
        InputContext::Album,
        InputContext::Dialogue,
        InputContext::Menu,
        InputContext::Listening,
    ];

    /// Whether `action` means anything in this context.
    pub fn allows(self, action: Action) -> bool {
        use Action::*;
        match self {
            InputContext::Exploring => matches!(
                action,
                Up | Down | Left | Right | Careful | Interact | Pause | Camera | Album
            ),
            InputContext::Busy => action == Pause,
            InputContext::Reading => matches!(action, Interact | Confirm | Back | Pause),
            InputContext::Viewfinder => matches!(
                action,
                Up | Down
                    | Left
                    | Right
                    | Careful
                    | Shutter
                    | DialUp
                    | DialDown
                    | Dial
                    | Camera
                    | Back
                    | Pause
            ),
            InputContext::Album => {
                matches!(
                    action,
                    Up | Down | Left | Right | Confirm | Back | Album | Pause
                )
            }
            InputContext::Dialogue => {
                matches!(action, Up | Down | Confirm | Interact | Skip | Pause)
            }
            InputContext::Menu => {
                matches!(action, Up | Down | Left | Right | Confirm | Back | Pause)
            }
            InputContext::Listening => false,
        }
    }

    /// Which context wins when several are claimed at once.
    fn rank(self) -> u8 {
        match self {
            InputContext::Exploring => 0,
            InputContext::Busy => 1,
            InputContext::Reading => 2,
            InputContext::Viewfinder => 3,
            InputContext::Album => 4,
            InputContext::Dialogue => 5,
            InputContext::Menu => 6,
            InputContext::Listening => 7,
        }
    }
}

/// Put on an entity: while it exists, it claims this input context (the
/// reading panel claims [`InputContext::Reading`]).
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimsInput(pub InputContext);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, choose_context.after(ActionSystems));
}

/// The context as the world stands at this point of the frame: a claim
/// made earlier in it counts at once. Input is read in the context the
/// frame began with ([`ActionState::context`]); the night's clock runs at
/// the pace of this one, so that raising the camera slows it from the
/// instant of the press, at any frame rate.
#[derive(SystemParam)]
pub struct LiveContext<'w, 's> {
    screen: Res<'w, State<Screen>>,
    pause: Option<Res<'w, State<Pause>>>,
    claims: Query<'w, 's, &'static ClaimsInput>,
}

impl LiveContext<'_, '_> {
    /// Who owns input now.
    pub fn get(&self) -> InputContext {
        let paused = self
            .pause
            .as_ref()
            .is_some_and(|p| *p.get() == Pause::Paused);
        let claimed = self.claims.iter().map(|c| c.0).max_by_key(|c| c.rank());
        // Off the night a claim wins (the album opened from the title, a key
        // being chosen); in the pause only one above the menu does.
        if *self.screen.get() != Screen::Playing {
            claimed.unwrap_or(InputContext::Menu)
        } else if paused {
            claimed
                .filter(|c| c.rank() > InputContext::Menu.rank())
                .unwrap_or(InputContext::Menu)
        } else {
            claimed.unwrap_or_default()
        }
    }
}

/// Sets the context input is read in this frame.
fn choose_context(live: LiveContext, mut actions: ResMut<ActionState>) {
    let context = live.get();
    if actions.context != context {
        actions.context = context;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_press_means_one_thing_in_each_context() {
        use Action::*;
        let menu = InputContext::Menu;
        assert!(menu.allows(Confirm) && !menu.allows(Interact) && !menu.allows(Shutter));
        assert!(menu.allows(Up) && !menu.allows(Careful));
        let exploring = InputContext::Exploring;
        assert!(exploring.allows(Interact) && !exploring.allows(Confirm));
        assert!(
            !exploring.allows(Shutter),
            "Space shoots only in the viewfinder"
        );
        let viewfinder = InputContext::Viewfinder;
        assert!(viewfinder.allows(Shutter) && !viewfinder.allows(Interact));
        assert!(!viewfinder.allows(Confirm));
        assert!(InputContext::Busy.allows(Pause) && !InputContext::Busy.allows(Left));
    }
}
