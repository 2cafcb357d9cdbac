//! What each screen shows: the title, the night being played, the ending,
//! and the view they are drawn in. The menus over them are
//! [`crate::menus`]'. The states themselves are the base's
//! ([`crate::states`]); each screen spawns its entities with
//! `DespawnOnExit`, so leaving a screen cleans up after it.

mod ending;
mod playing;
mod title;
mod view;

use bevy::prelude::*;

use crate::ui::theme;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(theme::NIGHT)).add_plugins((
        view::plugin,
        title::plugin,
        playing::plugin,
        ending::plugin,
    ));
}
