//! The one place where keys, mouse buttons, gamepad buttons and stick
//! directions are bound to actions. A settings screen can rebind by
//! replacing the [`Bindings`] resource.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::Action;

/// How far a stick must lean before it counts as a press.
const STICK_THRESHOLD: f32 = 0.5;

/// One physical input that can trigger an action.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Binding {
    /// A keyboard key, by its physical position.
    Key(KeyCode),
    /// A mouse button.
    Mouse(MouseButton),
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
    /// Stick pushed left.
    Left,
    /// Stick pushed right.
    Right,
}

/// The devices bindings read.
#[derive(SystemParam)]
pub struct Devices<'w, 's> {
    keys: Res<'w, ButtonInput<KeyCode>>,
    mouse: Res<'w, ButtonInput<MouseButton>>,
    gamepads: Query<'w, 's, &'static Gamepad>,
}

impl Binding {
    /// Whether this input is down this frame on any device. A tap pressed
    /// and let go between two frames counts as down, so that no press is
    /// lost at a low frame rate.
    pub fn is_down(&self, devices: &Devices) -> bool {
        let pads = || devices.gamepads.iter();
        match *self {
            Binding::Key(key) => devices.keys.pressed(key) || devices.keys.just_pressed(key),
            Binding::Mouse(button) => {
                devices.mouse.pressed(button) || devices.mouse.just_pressed(button)
            }
            Binding::Pad(button) => {
                pads().any(|pad| pad.pressed(button) || pad.just_pressed(button))
            }
            Binding::Stick(direction) => pads().any(|pad| {
                let stick = pad.left_stick();
                match direction {
                    StickDirection::Up => stick.y > STICK_THRESHOLD,
                    StickDirection::Down => stick.y < -STICK_THRESHOLD,
                    StickDirection::Left => stick.x < -STICK_THRESHOLD,
                    StickDirection::Right => stick.x > STICK_THRESHOLD,
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
        use Action::*;
        use Binding::{Key, Mouse, Pad, Stick};
        use GamepadButton as B;
        Self(vec![
            (Up, Key(KeyCode::ArrowUp)),
            (Up, Key(KeyCode::KeyW)),
            (Up, Pad(B::DPadUp)),
            (Up, Stick(StickDirection::Up)),
            (Down, Key(KeyCode::ArrowDown)),
            (Down, Key(KeyCode::KeyS)),
            (Down, Pad(B::DPadDown)),
            (Down, Stick(StickDirection::Down)),
            (Left, Key(KeyCode::ArrowLeft)),
            (Left, Key(KeyCode::KeyA)),
            (Left, Pad(B::DPadLeft)),
            (Left, Stick(StickDirection::Left)),
            (Right, Key(KeyCode::ArrowRight)),
            (Right, Key(KeyCode::KeyD)),
            (Right, Pad(B::DPadRight)),
            (Right, Stick(StickDirection::Right)),
            (Careful, Key(KeyCode::ShiftLeft)),
            (Careful, Key(KeyCode::ShiftRight)),
            (Careful, Pad(B::West)),
            (Interact, Key(KeyCode::KeyE)),
            (Interact, Key(KeyCode::Enter)),
            (Interact, Pad(B::South)),
            (Confirm, Key(KeyCode::Enter)),
            (Confirm, Key(KeyCode::Space)),
            (Confirm, Pad(B::South)),
            (Back, Key(KeyCode::Backspace)),
            (Back, Pad(B::East)),
            (Pause, Key(KeyCode::Escape)),
            (Pause, Key(KeyCode::KeyP)),
            (Pause, Pad(B::Start)),
            (Camera, Key(KeyCode::KeyC)),
            (Camera, Mouse(MouseButton::Right)),
            (Camera, Pad(B::LeftTrigger2)),
            (Shutter, Key(KeyCode::Space)),
            (Shutter, Mouse(MouseButton::Left)),
            (Shutter, Pad(B::RightTrigger2)),
            (ZoomIn, Key(KeyCode::Equal)),
            (ZoomIn, Pad(B::RightTrigger)),
            (ZoomOut, Key(KeyCode::Minus)),
            (ZoomOut, Pad(B::LeftTrigger)),
            (Album, Key(KeyCode::Tab)),
            (Album, Pad(B::North)),
        ])
    }
}
