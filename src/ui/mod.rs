//! Shared look and menu behaviour: the palette, text and button helpers, and
//! menus driven by actions (keyboard, gamepad, script) and by the mouse.

pub mod menu;
pub mod theme;
pub mod widget;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(menu::plugin);
}
