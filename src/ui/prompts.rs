//! Help lines that name the player's own keys or buttons, of the device
//! used last, everywhere a player is told what to press (menus, the chapter
//! card, the viewfinder, the album, dialogue, the ending):
//! `Up/Down choose   Enter confirm` with a keyboard,
//! `D-pad up/D-pad down choose   A confirm` once a gamepad is used. They
//! follow the bindings and change as soon as the player changes device.

use bevy::prelude::*;

use super::widget;
use crate::input::{Action, Bindings, InputDevice};

/// What a help line says: for each part, the actions it names and what
/// they do.
#[derive(Component, Debug, Clone, Copy)]
pub struct ActionHint(pub &'static [(&'static [Action], &'static str)]);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, show_action_hints);
}

/// Choosing in a menu: up and down, and confirm.
pub const MENU_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Confirm], "confirm"),
];

/// Choosing in a menu that `Back` leaves.
pub const MENU_BACK_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Confirm], "confirm"),
    (&[Action::Back], "back"),
];

/// A help line on a panel naming the player's keys for `parts`.
pub fn action_hint(parts: &'static [(&'static [Action], &'static str)]) -> impl Bundle {
    widget::hint_panel(hint_line(parts))
}

/// A help line naming the player's keys for `parts`, for a panel of its
/// own (the dialogue box).
pub fn hint_line(parts: &'static [(&'static [Action], &'static str)]) -> impl Bundle {
    (ActionHint(parts), widget::hint_label(""))
}

/// The help line's text for `parts`, on `device`, with `bindings`.
pub fn describe(parts: &[(&[Action], &str)], bindings: &Bindings, device: InputDevice) -> String {
    parts
        .iter()
        .map(|(actions, what)| {
            let keys: Vec<String> = actions.iter().map(|a| bindings.label(*a, device)).collect();
            format!("{} {what}", keys.join("/"))
        })
        .collect::<Vec<_>>()
        .join("   ")
}

fn show_action_hints(
    device: Res<InputDevice>,
    bindings: Res<Bindings>,
    mut hints: Query<(Ref<ActionHint>, &mut Text)>,
) {
    let all = device.is_changed() || bindings.is_changed();
    for (hint, mut text) in &mut hints {
        if all || hint.is_added() {
            text.0 = describe(hint.0, &bindings, *device);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_help_line_names_the_keys_of_the_device_used_last() {
        let parts: &[(&[Action], &str)] = &[
            (&[Action::Up, Action::Down], "choose"),
            (&[Action::Confirm], "confirm"),
        ];
        let bindings = Bindings::default();
        assert_eq!(
            describe(parts, &bindings, InputDevice::Keyboard),
            "Up/Down choose   Enter confirm"
        );
        assert_eq!(
            describe(parts, &bindings, InputDevice::Gamepad),
            "D-pad up/D-pad down choose   A confirm"
        );
    }
}
