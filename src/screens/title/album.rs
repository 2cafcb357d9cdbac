//! The title's album, in place of the menu: the roll of the night Continue
//! picks up, else of the last night that came to its ending.

use bevy::prelude::*;

use super::{TitleMenu, show_title_menu, where_saved};
use crate::levels::NightData;
use crate::photo::{AlbumClosed, OpenAlbum};
use crate::save::Saves;
use crate::states::Screen;
use crate::ui::menu::Activate;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(album_closed);
}

/// Opens the album on the kept night.
pub(super) fn open_album(
    _: On<Activate>,
    saves: Res<Saves>,
    data: Res<NightData>,
    menu: Query<Entity, With<TitleMenu>>,
    mut commands: Commands,
) {
    for entity in &menu {
        commands.entity(entity).despawn();
    }
    let kept = saves.kept_night();
    let called = match kept {
        Some(save) if save.state.ending.is_some() => {
            format!("The last night, ended at {}", save.state.time())
        }
        Some(save) => format!("The saved night: {}", where_saved(save, &data)),
        None => "The album".to_owned(),
    };
    commands.trigger(OpenAlbum::Kept {
        night: kept.map(|save| Box::new(save.state.clone())),
        called,
    });
}

/// The menu again once the album closes.
fn album_closed(_: On<AlbumClosed>, screen: Res<State<Screen>>, mut commands: Commands) {
    if *screen.get() == Screen::Title {
        commands.run_system_cached(show_title_menu);
    }
}
