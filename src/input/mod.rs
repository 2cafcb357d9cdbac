//! Named actions: every system reads [`ActionState`], never a key or button.
//!
//! Keyboard, gamepad and scripted input all feed the same actions, so a
//! headless script presses `Confirm` exactly as a player presses Enter or the
//! gamepad's south button. [`Bindings`] is the one place defaults live.
//! [`ActionState`] answers only for the actions of the current
//! [`InputContext`], so one press never does two things.

mod bindings;
mod context;
pub mod rebind;

pub use bindings::{Binding, Bindings, Devices, InputDevice, StickDirection};
pub use context::{ClaimsInput, InputContext, LiveContext};

use bevy::platform::collections::HashSet;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Something the player means to do, independent of the device used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Reflect)]
pub enum Action {
    /// Climb up stairs and ladders; move a menu selection up.
    Up,
    /// Climb down; move a menu selection down.
    Down,
    /// Walk left.
    Left,
    /// Walk right.
    Right,
    /// Held while walking: a slower, careful step.
    Careful,
    /// Inspect, talk, open a door.
    Interact,
    /// Accept the selected menu item.
    Confirm,
    /// Leave the current menu (resume from the pause menu).
    Back,
    /// Pause or resume the game.
    Pause,
    /// Raise or lower the camera's viewfinder.
    Camera,
    /// Release the shutter.
    Shutter,
    /// Turn the viewfinder's chosen dial up: a longer lens, a faster
    /// shutter, a narrower aperture, focus farther (kept in settings from
    /// before the dials as `ZoomIn`).
    #[serde(alias = "ZoomIn")]
    DialUp,
    /// Turn the chosen dial down (was `ZoomOut`).
    #[serde(alias = "ZoomOut")]
    DialDown,
    /// Choose the viewfinder's next dial: zoom, shutter, aperture, focus.
    Dial,
    /// Open the album of the night's photographs.
    Album,
    /// Held in a conversation: pass the lines seen before.
    Skip,
}

/// Which actions are held this frame, and which changed since the last
/// one, as the current input context sees them: an action the context does
/// not use is never pressed. A context that changes while a button is held
/// does not make it "just pressed" again.
#[derive(Resource, Default, Debug)]
pub struct ActionState {
    pressed: HashSet<Action>,
    just_pressed: HashSet<Action>,
    context: InputContext,
    aim: Vec2,
}

impl ActionState {
    /// Whether the action is held down this frame.
    pub fn pressed(&self, action: Action) -> bool {
        self.context.allows(action) && self.pressed.contains(&action)
    }

    /// Whether the action went down this frame.
    pub fn just_pressed(&self, action: Action) -> bool {
        self.context.allows(action) && self.just_pressed.contains(&action)
    }

    /// The context input is read in this frame.
    pub fn context(&self) -> InputContext {
        self.context
    }

    /// The right stick's lean, each axis -1 to 1, for aiming the
    /// viewfinder (zero outside it).
    pub fn aim(&self) -> Vec2 {
        if self.context == InputContext::Viewfinder {
            self.aim
        } else {
            Vec2::ZERO
        }
    }

    fn set_pressed(&mut self, now: HashSet<Action>) {
        self.just_pressed = now.difference(&self.pressed).copied().collect();
        self.pressed = now;
    }
}

/// Actions held by a script rather than a device (the headless harness's
/// virtual controller). Held actions stay down until released.
#[derive(Resource, Default, Debug)]
pub struct ScriptedActions {
    /// The actions the script is holding down.
    pub held: HashSet<Action>,
}

/// Whether the mouse pointer moved over the window this frame. A pointer
/// only appearing over the window, or resting where a menu opens, has not:
/// hovering selects only while the mouse is in use, so a resting pointer
/// never takes the selection from the keyboard or a gamepad.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PointerMoved(pub bool);

/// Runs after Bevy has read the devices and before any game system.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionSystems;

/// Changes [`Bindings`] (the player's own keys, from the settings) before
/// the frame's actions are read.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct BindingSystems;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActionState>()
        .init_resource::<ScriptedActions>()
        .init_resource::<Bindings>()
        .init_resource::<InputDevice>()
        .init_resource::<PointerMoved>()
        // Headless there is no window and no cursor: registered so that
        // the pointer's readers read none.
        .add_message::<CursorMoved>()
        .configure_sets(
            PreUpdate,
            (BindingSystems, ActionSystems)
                .chain()
                .after(bevy::input::InputSystems),
        )
        .add_systems(
            PreUpdate,
            (update_actions, follow_the_pointer)
                .chain()
                .in_set(ActionSystems),
        )
        .add_plugins(context::plugin);
}

fn update_actions(
    bindings: Res<Bindings>,
    devices: Devices,
    scripted: Res<ScriptedActions>,
    mut state: ResMut<ActionState>,
    mut last_device: ResMut<InputDevice>,
) {
    let mut now: HashSet<Action> = scripted.held.clone();
    let mut used = None;
    for (action, binding) in bindings.iter() {
        if binding.is_down(&devices) {
            now.insert(action);
            if !state.pressed(action) {
                used = Some(binding.device());
            }
        }
    }
    state.set_pressed(now);
    state.aim = devices.right_stick();
    if let Some(device) = used {
        last_device.set_if_neq(device);
    }
}

/// Notes whether the pointer moved since it was last seen; a move makes
/// the keyboard and mouse the device in use.
fn follow_the_pointer(
    mut cursor: MessageReader<CursorMoved>,
    mut last: Local<Option<Vec2>>,
    mut moved: ResMut<PointerMoved>,
    mut device: ResMut<InputDevice>,
) {
    let mut now = false;
    for at in cursor.read().map(|c| c.position) {
        now |= last.is_some_and(|last| last.distance(at) >= 1.0);
        *last = Some(at);
    }
    moved.set_if_neq(PointerMoved(now));
    if now {
        device.set_if_neq(InputDevice::Keyboard);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_name_the_input_of_the_device_in_use() {
        let bindings = Bindings::default();
        assert_eq!(bindings.label(Action::Interact, InputDevice::Keyboard), "E");
        assert_eq!(bindings.label(Action::Interact, InputDevice::Gamepad), "A");
        assert_eq!(bindings.label(Action::Shutter, InputDevice::Gamepad), "RT");
        assert_eq!(bindings.label(Action::Camera, InputDevice::Keyboard), "C");
    }

    #[test]
    fn a_press_is_just_pressed_for_one_frame_then_held_then_released() {
        let mut state = ActionState {
            context: InputContext::Menu,
            ..default()
        };
        state.set_pressed(HashSet::from_iter([Action::Confirm]));
        assert!(state.just_pressed(Action::Confirm) && state.pressed(Action::Confirm));
        state.set_pressed(HashSet::from_iter([Action::Confirm]));
        assert!(!state.just_pressed(Action::Confirm) && state.pressed(Action::Confirm));
        state.set_pressed(HashSet::default());
        assert!(!state.pressed(Action::Confirm));
    }

    #[test]
    fn a_held_press_carried_into_another_context_is_not_pressed_again() {
        let mut state = ActionState {
            context: InputContext::Menu,
            ..default()
        };
        // Enter is bound to both: the menu sees Confirm, not Interact.
        state.set_pressed(HashSet::from_iter([Action::Confirm, Action::Interact]));
        assert!(state.just_pressed(Action::Confirm) && !state.just_pressed(Action::Interact));
        // The menu closes while Enter is still held: nothing is pressed anew.
        state.context = InputContext::Exploring;
        state.set_pressed(HashSet::from_iter([Action::Confirm, Action::Interact]));
        assert!(!state.just_pressed(Action::Interact) && state.pressed(Action::Interact));
        assert!(!state.pressed(Action::Confirm));
    }
}
