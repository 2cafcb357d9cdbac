//! Rebinding keys, in plain Rust: the player gives an action a key of
//! their own; a key another action already uses where both mean something
//! (one press would do two things) is refused and named. The choices are
//! kept in the settings as `(action, key)` pairs over the defaults, each
//! key by its name (`KeyK`).

use bevy::prelude::*;

use super::bindings::key_name;
use super::{Action, Binding, Bindings, InputContext};

/// Every action a player can give a key of their own, in the order the
/// controls page shows them.
pub const REBINDABLE: [Action; 15] = [
    Action::Left,
    Action::Right,
    Action::Up,
    Action::Down,
    Action::Careful,
    Action::Interact,
    Action::Camera,
    Action::Shutter,
    Action::ZoomIn,
    Action::ZoomOut,
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
        Action::ZoomIn => "Zoom in",
        Action::ZoomOut => "Zoom out",
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

/// The key kept in the settings as `name` (`KeyK`), if it is one a player
/// may choose.
pub fn key_named(name: &str) -> Option<KeyCode> {
    KEYS.iter().copied().find(|k| format!("{k:?}") == name)
}

/// Why a key was not given to an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a key a player may choose (Escape cancels, for one).
    NotAllowed(String),
    /// Another action uses it where both mean something.
    Taken {
        /// The key, as printed on it.
        key: String,
        /// The action that has it.
        by: Action,
    },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotAllowed(key) => write!(f, "{key} cannot be chosen"),
            Refused::Taken { key, by } => {
                write!(f, "{key} is already {by:?}'s: choose another key")
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
    /// The default bindings with the player's `choices` over them: each
    /// chosen action's keys replaced by the one chosen (its mouse and
    /// gamepad bindings stay). A choice of an unknown key is left out.
    pub fn with_keys(choices: &[(Action, String)]) -> Bindings {
        let mut bindings = Bindings::default();
        for (action, name) in choices {
            if let Some(key) = key_named(name) {
                bindings.set_key(*action, key);
            }
        }
        bindings
    }

    /// Gives `action` the key `key` in place of its keys, unless another
    /// action uses the key where both mean something.
    pub fn rebind(&mut self, action: Action, key: KeyCode) -> Result<(), Refused> {
        if !KEYS.contains(&key) {
            return Err(Refused::NotAllowed(key_name(key)));
        }
        let taken = self
            .iter()
            .find(|(other, binding)| *binding == Binding::Key(key) && clash(action, *other));
        if let Some((by, _)) = taken {
            return Err(Refused::Taken {
                key: key_name(key),
                by,
            });
        }
        self.set_key(action, key);
        Ok(())
    }

    /// Replaces `action`'s keys with `key`, first among its bindings (the
    /// one prompts name).
    fn set_key(&mut self, action: Action, key: KeyCode) {
        let at = self.0.iter().position(|(a, _)| *a == action);
        self.0
            .retain(|(a, b)| !(*a == action && matches!(b, Binding::Key(_))));
        let at = at.unwrap_or(self.0.len()).min(self.0.len());
        self.0.insert(at, (action, Binding::Key(key)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputDevice;

    #[test]
    fn a_free_key_is_given_and_a_clashing_one_refused() {
        let mut bindings = Bindings::default();
        bindings.rebind(Action::Interact, KeyCode::KeyK).unwrap();
        assert_eq!(bindings.label(Action::Interact, InputDevice::Keyboard), "K");
        assert_eq!(
            bindings.label(Action::Interact, InputDevice::Gamepad),
            "A",
            "the gamepad's binding stays"
        );
        // C raises the camera while exploring, where Interact means something.
        assert_eq!(
            bindings.rebind(Action::Interact, KeyCode::KeyC),
            Err(Refused::Taken {
                key: "C".into(),
                by: Action::Camera
            })
        );
        // Tab opens the album and skips lines: never in the same context.
        assert_eq!(
            bindings.rebind(Action::Skip, KeyCode::KeyK),
            Err(Refused::Taken {
                key: "K".into(),
                by: Action::Interact
            })
        );
        assert!(matches!(
            bindings.rebind(Action::Pause, KeyCode::Escape),
            Err(Refused::NotAllowed(_))
        ));
    }

    #[test]
    fn the_kept_choices_rebuild_the_same_bindings() {
        let mut rebound = Bindings::default();
        rebound.rebind(Action::Camera, KeyCode::KeyF).unwrap();
        let kept = Bindings::with_keys(&[
            (Action::Camera, "KeyF".into()),
            (Action::Album, "NoSuchKey".into()),
        ]);
        assert_eq!(kept.label(Action::Camera, InputDevice::Keyboard), "F");
        assert_eq!(kept.label(Action::Album, InputDevice::Keyboard), "Tab");
        assert_eq!(key_named("KeyF"), Some(KeyCode::KeyF));
    }
}
