//! Where the player's files are kept: photographs, the lines seen, the
//! nights played, the saves and the settings.

use std::path::Path;

use bevy::prelude::*;

use crate::dialogue::SeenLinesFile;
use crate::photo::{PhotoFolder, SpareFolder};
use crate::save::SaveFile;
use crate::settings::{Settings, SettingsFile};
use crate::story::NightsFile;

/// Where a run keeps what it writes: photographs, the lines seen, the
/// nights played, the saves and the settings.
#[derive(Debug, Clone, Default)]
pub struct PlayerFiles {
    /// Where photographs are written.
    pub photos: Option<PhotoFolder>,
    /// Where they go when the photos folder cannot be written.
    pub spare: Option<SpareFolder>,
    /// Where the lines seen are kept between runs.
    pub seen_lines: Option<SeenLinesFile>,
    /// Where the nights played (their endings) are kept between runs.
    pub nights: Option<NightsFile>,
    /// Where the night is saved.
    pub saves: Option<SaveFile>,
    /// Where the settings are kept.
    pub settings: Option<SettingsFile>,
}

impl PlayerFiles {
    /// Under `--data-dir DIR`, else in the platform's folders.
    pub fn choose(data_dir: Option<&Path>) -> Self {
        Self {
            photos: PhotoFolder::choose(data_dir),
            spare: SpareFolder::choose(data_dir),
            seen_lines: SeenLinesFile::choose(data_dir),
            nights: NightsFile::choose(data_dir),
            saves: SaveFile::choose(data_dir),
            settings: SettingsFile::choose(data_dir),
        }
    }

    /// Has `app` keep its files here; a photos folder set in the settings
    /// file takes the place of the one chosen.
    pub fn insert_into(self, app: &mut App) {
        if let Some(settings) = self.settings {
            settings.insert_into(app.world_mut());
        }
        let chosen = (app.world().get_resource::<Settings>()).and_then(|s| s.photos_folder.clone());
        if let Some(photos) = chosen.map(PhotoFolder).or(self.photos) {
            app.insert_resource(photos);
        }
        if let Some(spare) = self.spare {
            app.insert_resource(spare);
        }
        if let Some(nights) = self.nights {
            nights.insert_into(app.world_mut());
        }
        if let Some(seen_lines) = self.seen_lines {
            seen_lines.insert_into(app.world_mut());
        }
        if let Some(saves) = self.saves {
            saves.insert_into(app.world_mut());
        }
    }
}
