//! Default bindings of keyboard keys, gamepad buttons and stick directions to actions.

use bevy::prelude::*;

use super::Action;

/// How far a stick must lean before it counts as a press.
const STICK_THRESHOLD: f32 = 0.5;

/// One physical input that can trigger an action.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Binding {
    /// A keyboard key, by its physical position.
    Key(KeyCode),
    /// A button on any connected gamepad.
    Pad(GamepadButton),
    /// The left stick of any connected gamepad leaning one way.
    Stick(StickDirection),
}

/// A direction the left stick can lean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StickDirection {
    /// Stick pushed up.
    Up,
    /// Stick pushed down.
    Down,
}

impl Binding {
    /// Whether this input is down this frame on the keyboard or any gamepad.
    /// A tap pressed and let go between two frames counts as down, so that
    /// no press is lost at a low frame rate.
    pub fn is_down(&self, keys: &ButtonInput<KeyCode>, gamepads: &Query<&Gamepad>) -> bool {
        match *self {
            Binding::Key(key) => keys.pressed(key) || keys.just_pressed(key),
            Binding::Pad(button) => gamepads
                .iter()
                .any(|pad| pad.pressed(button) || pad.just_pressed(button)),
            Binding::Stick(direction) => gamepads.iter().any(|pad| {
                let y = pad.left_stick().y;
                match direction {
                    StickDirection::Up => y > STICK_THRESHOLD,
                    StickDirection::Down => y < -STICK_THRESHOLD,
                }
            }),
        }
    }
}

/// Every binding of every action. Several inputs may trigger one action.
#[derive(Resource, Debug, Clone)]
pub struct Bindings(Vec<(Action, Binding)>);

impl Bindings {
    /// Each (action, input) pair.
    pub fn iter(&self) -> impl Iterator<Item = (Action, Binding)> + '_ {
        self.0.iter().copied()
    }
}

impl Default for Bindings {
    fn default() -> Self {
        use Binding::{Key, Pad, Stick};
        Self(vec![
            (Action::Up, Key(KeyCode::ArrowUp)),
            (Action::Up, Key(KeyCode::KeyW)),
            (Action::Up, Pad(GamepadButton::DPadUp)),
            (Action::Up, Stick(StickDirection::Up)),
            (Action::Down, Key(KeyCode::ArrowDown)),
            (Action::Down, Key(KeyCode::KeyS)),
            (Action::Down, Pad(GamepadButton::DPadDown)),
            (Action::Down, Stick(StickDirection::Down)),
            (Action::Confirm, Key(KeyCode::Enter)),
            (Action::Confirm, Key(KeyCode::Space)),
            (Action::Confirm, Pad(GamepadButton::South)),
            (Action::Back, Key(KeyCode::Backspace)),
            (Action::Back, Pad(GamepadButton::East)),
            (Action::Pause, Key(KeyCode::Escape)),
            (Action::Pause, Key(KeyCode::KeyP)),
            (Action::Pause, Pad(GamepadButton::Start)),
        ])
    }
}
