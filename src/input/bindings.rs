//! The one place where keys, mouse buttons, gamepad buttons and stick
//! directions are bound to actions; the player's own keys and buttons are
//! laid over them from the settings (see `rebind`).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::Action;

/// How far a stick must lean before it counts as a press.
const STICK_THRESHOLD: f32 = 0.5;
/// How far the right stick must lean before it aims.
const STICK_DEAD_ZONE: f32 = 0.15;

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

impl Devices<'_, '_> {
    /// The right stick of the first gamepad that leans it past the dead
    /// zone, each axis -1 to 1.
    pub fn right_stick(&self) -> Vec2 {
        self.gamepads
            .iter()
            .map(Gamepad::right_stick)
            .find(|stick| stick.length() > STICK_DEAD_ZONE)
            .unwrap_or(Vec2::ZERO)
    }
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
pub struct Bindings(pub(super) Vec<(Action, Binding)>);

impl Bindings {
    /// Each (action, input) pair.
    pub fn iter(&self) -> impl Iterator<Item = (Action, Binding)> + '_ {
        self.0.iter().copied()
    }

    /// How to name `action`'s first input on `device` in a prompt: `E`,
    /// `A`, `Left mouse`.
    pub fn label(&self, action: Action, device: InputDevice) -> String {
        self.iter()
            .filter(|(a, _)| *a == action)
            .find_map(|(_, binding)| match (binding, device) {
                (Binding::Key(key), InputDevice::Keyboard) => Some(key_name(key)),
                (Binding::Mouse(button), InputDevice::Keyboard) => {
                    Some(format!("{button:?} mouse"))
                }
                (Binding::Pad(button), InputDevice::Gamepad) => Some(pad_name(button)),
                _ => None,
            })
            .unwrap_or_else(|| format!("{action:?}"))
    }
}

/// Which kind of device the player used last.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum InputDevice {
    /// Keyboard and mouse.
    #[default]
    Keyboard,
    /// A gamepad.
    Gamepad,
}

impl Binding {
    /// The kind of device this input is on.
    pub fn device(&self) -> InputDevice {
        match self {
            Binding::Key(_) | Binding::Mouse(_) => InputDevice::Keyboard,
            Binding::Pad(_) | Binding::Stick(_) => InputDevice::Gamepad,
        }
    }
}

/// A key's name as printed on it: `KeyE` is `E`, `Digit1` is `1`.
pub(super) fn key_name(key: KeyCode) -> String {
    let printed = match key {
        KeyCode::ShiftLeft => "Left Shift",
        KeyCode::ShiftRight => "Right Shift",
        KeyCode::ControlLeft => "Left Ctrl",
        KeyCode::ControlRight => "Right Ctrl",
        KeyCode::AltLeft => "Left Alt",
        KeyCode::Equal => "=",
        KeyCode::Minus => "-",
        KeyCode::Slash => "/",
        _ => "",
    };
    if !printed.is_empty() {
        return printed.to_owned();
    }
    let name = format!("{key:?}");
    name.strip_prefix("Key")
        .or_else(|| name.strip_prefix("Digit"))
        .or_else(|| name.strip_prefix("Arrow"))
        .unwrap_or(&name)
        .to_owned()
}

/// A gamepad button's name, as on the common (Xbox-style) layout.
pub(super) fn pad_name(button: GamepadButton) -> String {
    match button {
        GamepadButton::South => "A".into(),
        GamepadButton::East => "B".into(),
        GamepadButton::West => "X".into(),
        GamepadButton::North => "Y".into(),
        GamepadButton::LeftTrigger => "LB".into(),
        GamepadButton::RightTrigger => "RB".into(),
        GamepadButton::LeftTrigger2 => "LT".into(),
        GamepadButton::RightTrigger2 => "RT".into(),
        GamepadButton::DPadUp => "D-pad up".into(),
        GamepadButton::DPadDown => "D-pad down".into(),
        GamepadButton::DPadLeft => "D-pad left".into(),
        GamepadButton::DPadRight => "D-pad right".into(),
        GamepadButton::LeftThumb => "LS".into(),
        GamepadButton::RightThumb => "RS".into(),
        GamepadButton::Select => "View".into(),
        other => format!("{other:?}"),
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
            (DialUp, Key(KeyCode::Equal)),
            (DialUp, Pad(B::RightTrigger)),
            (DialDown, Key(KeyCode::Minus)),
            (DialDown, Pad(B::LeftTrigger)),
            (Dial, Key(KeyCode::KeyR)),
            (Dial, Pad(B::North)),
            (Album, Key(KeyCode::Tab)),
            (Album, Pad(B::North)),
            // Skip means something only in a conversation, where Album does not.
            (Skip, Key(KeyCode::Tab)),
            (Skip, Pad(B::North)),
        ])
    }
}
