//! The player's settings, part of the base: every capability reads
//! [`Settings`] and applies what concerns it at once (audio its volumes,
//! dialogue its text speed, the interface text size and captions). They are
//! kept in `settings.ron` in the player's data folder, written whole
//! whenever they change. A file that cannot be read is reported, set aside
//! as `settings.unreadable.ron` (never over an earlier one) and replaced by
//! the defaults; nothing else in the folder (the saves) is touched.

mod values;

pub use values::{Row, SETTINGS_VERSION, Settings, TextSize, TextSpeed, WindowMode};

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::data::{self, kept};
use crate::input::{BindingSystems, Bindings};

/// Where the settings are kept between runs; without it (headless runs with
/// no `--data-dir`) they last as long as the game runs.
#[derive(Resource, Debug, Clone)]
pub struct SettingsFile(pub PathBuf);

/// Why the settings file could not be used, for the title to say.
#[derive(Resource, Debug, Default, Clone)]
pub struct SettingsProblem(pub Option<String>);

impl SettingsFile {
    /// `settings.ron` in the player's data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        kept::player_folder(data_dir).map(|folder| Self(folder.join("settings.ron")))
    }

    /// The settings the file holds (the defaults when there is none), and
    /// why it could not be used if it could not: then it is set aside and
    /// the defaults take its place.
    pub fn read(&self) -> (Settings, Option<String>) {
        if !self.0.exists() {
            return (Settings::default(), None);
        }
        match data::read_ron::<Settings>(&self.0) {
            Ok(settings) => (settings.clamped(), None),
            Err(diagnostic) => {
                let kept = match kept::set_aside(&self.0) {
                    Ok(aside) => format!("kept as {}", aside.display()),
                    Err(e) => format!("left as it is ({e})"),
                };
                let problem = format!("{diagnostic}\nThe defaults are used; the file is {kept}.");
                (Settings::default(), Some(problem))
            }
        }
    }

    /// Keeps the game's settings in this file, reading what it holds now.
    pub fn insert_into(self, world: &mut World) {
        let (settings, problem) = self.read();
        if let Some(problem) = &problem {
            warn!("the settings cannot be read: {problem}");
        }
        world.insert_resource(settings);
        world.insert_resource(SettingsProblem(problem));
        world.insert_resource(self);
    }

    /// Writes `settings` whole.
    pub fn write(&self, settings: &Settings) -> Result<(), String> {
        kept::write_whole(&self.0, &kept::to_ron(settings)?)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .init_resource::<SettingsProblem>()
        .add_systems(
            PreUpdate,
            use_the_players_choices
                .run_if(resource_changed::<Settings>)
                .in_set(BindingSystems),
        )
        .add_systems(Last, keep_changed_settings);
}

/// The player's own keys and buttons, from the settings, over the
/// defaults.
fn use_the_players_choices(settings: Res<Settings>, mut bindings: ResMut<Bindings>) {
    *bindings = Bindings::with_choices(&settings.keys, &settings.buttons);
}

/// Settings the player changed are written at once; the first time they
/// cannot be, the player is told.
fn keep_changed_settings(
    settings: Res<Settings>,
    file: Option<Res<SettingsFile>>,
    mut told: Local<bool>,
    mut commands: Commands,
) {
    if !settings.is_changed() || settings.is_added() {
        return;
    }
    if let Some(file) = file
        && let Err(problem) = file.write(&settings)
    {
        warn!("the settings could not be kept: {problem}");
        if !std::mem::replace(&mut *told, true) {
            commands.trigger(kept::Notice(format!(
                "The settings could not be kept ({problem}): they apply until the game closes."
            )));
        }
    }
}
