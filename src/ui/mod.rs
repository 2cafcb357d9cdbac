//! Shared look and menu behaviour: the palette, text and button helpers,
//! menus driven by actions (keyboard, gamepad, script) and by the mouse,
//! text scaled to the window and the player's settings, captions, notices
//! about what the player made, the problem board's panel and Lev's
//! wristwatch.

pub mod captions;
pub mod menu;
pub mod notices;
mod problem_board;
pub mod prompts;
pub mod readable;
pub mod theme;
pub mod widget;
mod wristwatch;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        menu::plugin,
        readable::plugin,
        captions::plugin,
        notices::plugin,
        prompts::plugin,
        problem_board::plugin,
        wristwatch::plugin,
    ));
}
