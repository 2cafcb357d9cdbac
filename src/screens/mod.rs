//! What each screen shows: the title, the night being played, the pause
//! menu and the ending. The states themselves are the base's
//! ([`crate::states`]); each screen spawns its entities with
//! `DespawnOnExit`, so leaving a screen cleans up after it.

mod controls;
mod ending;
mod pause;
mod playing;
mod settings;
mod title;
mod view;

use bevy::prelude::*;

use crate::ui::theme;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(theme::NIGHT)).add_plugins((
        view::plugin,
        title::plugin,
        playing::plugin,
        pause::plugin,
        settings::plugin,
        controls::plugin,
        ending::plugin,
    ));
}
