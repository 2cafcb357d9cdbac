//! Shared look and menu behaviour: the palette, text and button helpers,
//! menus driven by actions (keyboard, gamepad, script) and by the mouse,
//! text scaled to the window and the player's settings, captions, and
//! notices about what the player made.

pub mod captions;
pub mod menu;
pub mod notices;
pub mod prompts;
pub mod readable;
pub mod theme;
pub mod widget;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        menu::plugin,
        readable::plugin,
        captions::plugin,
        notices::plugin,
        prompts::plugin,
    ));
}
