//! The menus, as a state ([`Menu`]), as the bevy_new_2d template has them:
//! the pause menu and its question before quitting, the settings and the
//! controls pages. Each page spawns on entering its `Menu` and despawns on
//! leaving it (`DespawnOnExit(Menu::…)`); going from one page to another
//! is setting the next `Menu`. The title's own pages (its menu, the
//! question before a new night, the album) are the title screen's, and
//! take their turn in the same state.

mod controls;
mod pause;
mod settings;

use bevy::prelude::*;
use bevy::state::state::FreelyMutableState;

use crate::states::{Pause, Screen};

/// Which menu page is open. It exists on the title (where it begins at
/// [`Menu::Main`]) and while the night is paused (beginning at
/// [`Menu::Pause`]), and at no other time, so leaving the title or
/// resuming the night closes every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Menu {
    /// The title's menu.
    Main,
    /// The title's question before a new night over a saved one.
    NewNight,
    /// The title's album of the nights kept.
    Album,
    /// The pause menu.
    Pause,
    /// The question before quitting to the title.
    QuitQuestion,
    /// The settings page.
    Settings,
    /// The controls page, opened from the settings.
    Controls,
}

impl SubStates for Menu {
    type SourceStates = (Screen, Option<Pause>);

    fn should_exist((screen, pause): (Screen, Option<Pause>)) -> Option<Self> {
        match (screen, pause) {
            (Screen::Title, _) => Some(Menu::Main),
            (Screen::Playing, Some(Pause::Paused)) => Some(Menu::Pause),
            _ => None,
        }
    }
}

impl States for Menu {
    const DEPENDENCY_DEPTH: usize = <Menu as SubStates>::SourceStates::SET_DEPENDENCY_DEPTH + 1;
}

impl FreelyMutableState for Menu {}

/// The menu a page opened from the title or the pause menu returns to.
fn home(screen: &State<Screen>) -> Menu {
    if *screen.get() == Screen::Title {
        Menu::Main
    } else {
        Menu::Pause
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_sub_state::<Menu>()
        .add_plugins((pause::plugin, settings::plugin, controls::plugin));
}
