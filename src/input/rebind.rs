//! Rebinding, as plain functions over Bevy's key and button types (no
//! `App`): the player gives an action a key or a gamepad button of their
//! own; one another action already uses where
//! both mean something (one press would do two things) is refused and
//! named. The choices are kept in the settings as `(action, name)` pairs
//! over the defaults, a key by its name (`KeyK`), a button by its
//! (`LeftThumb`).

use bevy::prelude::*;

use super::bindings::{key_name, pad_name};
use super::{Action, Binding, Bindings, InputContext, InputDevice};

/// Every action a player can give a key of their own, in the order the
/// controls page shows them.
pub const REBINDABLE: [Action; 16] = [
    Action::Left,
    Action::Right,
    Action::Up,
    Action::Down,
    Action::Careful,
    Action::Interact,
    Action::Camera,
    Action::Shutter,
    Action::DialUp,
    Action::DialDown,
    Action::Dial,
    Action::Album,
    Action::Skip,
    Action::Pause,
    Action::Confirm,
    Action::Back,
];

/// What an action does, as the controls page names it.
pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Up => "Up, climb",
        Action::Down => "Down",
        Action::Left => "Walk left",
        Action::Right => "Walk right",
        Action::Careful => "Careful step",
        Action::Interact => "Interact",
        Action::Confirm => "Confirm",
        Action::Back => "Back",
        Action::Pause => "Pause",
        Action::Camera => "Camera",
        Action::Shutter => "Shutter",
        Action::DialUp => "Dial up, zoom in",
        Action::DialDown => "Dial down, zoom out",
        Action::Dial => "Next dial",
        Action::Album => "Album",
        Action::Skip => "Skip lines",
    }
}

/// The keys a player may choose, by the names the settings keep them by.
const KEYS: [KeyCode; 52] = [
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::ArrowUp,
    KeyCode::ArrowDown,
    KeyCode::ArrowLeft,
    KeyCode::ArrowRight,
    KeyCode::Space,
    KeyCode::Enter,
    KeyCode::Backspace,
    KeyCode::Tab,
    KeyCode::ShiftLeft,
    KeyCode::ShiftRight,
    KeyCode::ControlLeft,
    KeyCode::ControlRight,
    KeyCode::AltLeft,
    KeyCode::Minus,
    KeyCode::Equal,
    KeyCode::Slash,
];

/// The gamepad buttons a player may choose (Start cancels a choice, as
/// Escape does, and stays the pause).
const BUTTONS: [GamepadButton; 15] = [
    GamepadButton::South,
    GamepadButton::East,
    GamepadButton::West,
    GamepadButton::North,
    GamepadButton::LeftTrigger,
    GamepadButton::RightTrigger,
    GamepadButton::LeftTrigger2,
    GamepadButton::RightTrigger2,
    GamepadButton::DPadUp,
    GamepadButton::DPadDown,
    GamepadButton::DPadLeft,
    GamepadButton::DPadRight,
    GamepadButton::LeftThumb,
    GamepadButton::RightThumb,
    GamepadButton::Select,
];

/// The inputs that cancel a choice of key or button; they stay the pause's
/// whatever else it is given, so a player can always reach the menu.
pub const CANCEL: [Binding; 2] = [
    Binding::Key(KeyCode::Escape),
    Binding::Pad(GamepadButton::Start),
];

/// The key kept in the settings as `name` (`KeyK`), if it is one a player
/// may choose.
fn key_named(name: &str) -> Option<KeyCode> {
    KEYS.iter().copied().find(|k| format!("{k:?}") == name)
}

/// The gamepad button kept in the settings as `name` (`LeftThumb`), if it
/// is one a player may choose.
fn button_named(name: &str) -> Option<GamepadButton> {
    BUTTONS.iter().copied().find(|b| format!("{b:?}") == name)
}

/// The name the settings keep a key or button by: `KeyK`, `LeftThumb`.
pub fn kept_name(binding: Binding) -> String {
    match binding {
        Binding::Key(key) => format!("{key:?}"),
        Binding::Pad(button) => format!("{button:?}"),
        Binding::Mouse(button) => format!("{button:?}"),
        Binding::Stick(direction) => format!("{direction:?}"),
    }
}

/// Why a key or button was not given to an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not one a player may choose (Escape and Start cancel, for two).
    NotAllowed(String),
    /// Another action uses it where both mean something.
    Taken {
        /// The key or button, as printed on it.
        input: String,
        /// The device it is on.
        on: InputDevice,
        /// The action that has it.
        by: Action,
    },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotAllowed(input) => write!(f, "{input} cannot be chosen"),
            Refused::Taken { input, on, by } => {
                let kind = match on {
                    InputDevice::Keyboard => "key",
                    InputDevice::Gamepad => "button",
                };
                write!(f, "{input} is already {by:?}'s: choose another {kind}")
            }
        }
    }
}

/// Whether one press of a key bound to both `a` and `b` would do two
/// things: some input context uses both.
fn clash(a: Action, b: Action) -> bool {
    a != b && InputContext::ALL.iter().any(|c| c.allows(a) && c.allows(b))
}

impl Bindings {
    /// The default bindings with the player's choices over them: each
    /// action chosen a key has its keys replaced by it, each chosen a
    /// button its gamepad buttons (its mouse and stick bindings stay). A
    /// choice of an unknown name is left out.
    pub fn with_choices(keys: &[(Action, String)], buttons: &[(Action, String)]) -> Bindings {
        let mut bindings = Bindings::default();
        let keys = keys
            .iter()
            .filter_map(|(action, name)| Some((*action, Binding::Key(key_named(name)?))));
        let buttons = buttons
            .iter()
            .filter_map(|(action, name)| Some((*action, Binding::Pad(button_named(name)?))));
        for (action, binding) in keys.chain(buttons) {
            bindings.set(action, binding);
        }
        bindings
    }

    /// Gives `action` the key or gamepad button `binding` in place of its
    /// others of that kind, unless another action uses it where both mean
    /// something.
    pub fn rebind(&mut self, action: Action, binding: Binding) -> Result<(), Refused> {
        let (name, allowed) = match binding {
            Binding::Key(key) => (key_name(key), KEYS.contains(&key)),
            Binding::Pad(button) => (pad_name(button), BUTTONS.contains(&button)),
            Binding::Mouse(_) | Binding::Stick(_) => (format!("{binding:?}"), false),
        };
        if !allowed {
            return Err(Refused::NotAllowed(name));
        }
        let taken = self
            .iter()
            .find(|(other, bound)| *bound == binding && clash(action, *other));
        if let Some((by, _)) = taken {
            return Err(Refused::Taken {
                input: name,
                on: binding.device(),
                by,
            });
        }
        self.set(action, binding);
        Ok(())
    }

    /// Replaces `action`'s bindings of `binding`'s kind (keys, or gamepad
    /// buttons) with it, first among them (the one prompts name). Escape
    /// and Start stay the pause's whatever else it is given.
    fn set(&mut self, action: Action, binding: Binding) {
        let kind = |b: &Binding| std::mem::discriminant(b) == std::mem::discriminant(&binding);
        let at = self
            .0
            .iter()
            .position(|(a, b)| *a == action && kind(b))
            .or_else(|| self.0.iter().position(|(a, _)| *a == action))
            .unwrap_or(self.0.len());
        // None of the kind stands before `at`: removing them moves nothing
        // before it.
        self.0
            .retain(|(a, b)| !(*a == action && kind(b) && !CANCEL.contains(b)));
        self.0.insert(at.min(self.0.len()), (action, binding));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputDevice;

    #[test]
    fn a_free_key_is_given_and_a_clashing_one_refused() {
        let mut bindings = Bindings::default();
        bindings
            .rebind(Action::Interact, Binding::Key(KeyCode::KeyK))
            .unwrap();
        assert_eq!(bindings.label(Action::Interact, InputDevice::Keyboard), "K");
        assert_eq!(
            bindings.label(Action::Interact, InputDevice::Gamepad),
            "A",
            "the gamepad's binding stays"
        );
        // C raises the camera while exploring, where Interact means something.
        assert_eq!(
            bindings.rebind(Action::Interact, Binding::Key(KeyCode::KeyC)),
            Err(Refused::Taken {
                input: "C".into(),
                on: InputDevice::Keyboard,
                by: Action::Camera
            })
        );
        // Tab opens the album and skips lines: never in the same context.
        assert_eq!(
            bindings.rebind(Action::Skip, Binding::Key(KeyCode::KeyK)),
            Err(Refused::Taken {
                input: "K".into(),
                on: InputDevice::Keyboard,
                by: Action::Interact
            })
        );
        assert!(matches!(
            bindings.rebind(Action::Pause, Binding::Key(KeyCode::Escape)),
            Err(Refused::NotAllowed(_))
        ));
    }

    #[test]
    fn the_kept_choices_rebuild_the_same_bindings() {
        let mut rebound = Bindings::default();
        rebound
            .rebind(Action::Camera, Binding::Key(KeyCode::KeyF))
            .unwrap();
        rebound
            .rebind(Action::Camera, Binding::Pad(GamepadButton::LeftThumb))
            .unwrap();
        let kept = Bindings::with_choices(
            &[
                (Action::Camera, "KeyF".into()),
                (Action::Album, "NoSuchKey".into()),
            ],
            &[
                (Action::Camera, "LeftThumb".into()),
                (Action::Album, "NoSuchButton".into()),
            ],
        );
        assert_eq!(kept.0, rebound.0, "the same bindings, in the same order");
        assert_eq!(kept.label(Action::Camera, InputDevice::Keyboard), "F");
        assert_eq!(kept.label(Action::Camera, InputDevice::Gamepad), "LS");
        assert_eq!(kept.label(Action::Album, InputDevice::Keyboard), "Tab");
        assert_eq!(kept.label(Action::Album, InputDevice::Gamepad), "Y");
        assert_eq!(key_named("KeyF"), Some(KeyCode::KeyF));
    }

    #[test]
    fn a_button_replaces_the_actions_buttons_and_keeps_its_keys_and_stick() {
        let mut bindings = Bindings::default();
        // X is the careful step's, and both mean something while exploring.
        assert_eq!(
            bindings.rebind(Action::Interact, Binding::Pad(GamepadButton::West)),
            Err(Refused::Taken {
                input: "X".into(),
                on: InputDevice::Gamepad,
                by: Action::Careful
            })
        );
        assert_eq!(
            Refused::Taken {
                input: "X".into(),
                on: InputDevice::Gamepad,
                by: Action::Careful
            }
            .to_string(),
            "X is already Careful's: choose another button"
        );
        bindings
            .rebind(Action::Up, Binding::Pad(GamepadButton::RightThumb))
            .unwrap();
        let up: Vec<Binding> = bindings
            .iter()
            .filter(|(a, _)| *a == Action::Up)
            .map(|(_, b)| b)
            .collect();
        assert_eq!(
            up,
            [
                Binding::Key(KeyCode::ArrowUp),
                Binding::Key(KeyCode::KeyW),
                Binding::Pad(GamepadButton::RightThumb),
                Binding::Stick(super::super::StickDirection::Up),
            ]
        );
        // Start cancels a choice; it cannot be chosen.
        assert!(matches!(
            bindings.rebind(Action::Album, Binding::Pad(GamepadButton::Start)),
            Err(Refused::NotAllowed(_))
        ));
    }

    #[test]
    fn escape_and_start_still_pause_whatever_key_and_button_the_pause_is_given() {
        let mut bindings = Bindings::default();
        bindings
            .rebind(Action::Pause, Binding::Key(KeyCode::KeyQ))
            .unwrap();
        bindings
            .rebind(Action::Pause, Binding::Pad(GamepadButton::Select))
            .unwrap();
        let pause: Vec<Binding> = bindings
            .iter()
            .filter(|(a, _)| *a == Action::Pause)
            .map(|(_, b)| b)
            .collect();
        assert_eq!(
            pause,
            [
                Binding::Key(KeyCode::KeyQ),
                Binding::Key(KeyCode::Escape),
                Binding::Pad(GamepadButton::Select),
                Binding::Pad(GamepadButton::Start),
            ]
        );
        assert_eq!(bindings.label(Action::Pause, InputDevice::Keyboard), "Q");
    }
}
