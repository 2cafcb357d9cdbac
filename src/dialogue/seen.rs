//! The lines the player has seen, on this night and earlier ones, so that
//! a line seen before can be skipped. In windowed play they are kept
//! between runs in `seen-lines.ron` in the data folder; a file that cannot
//! be read is reported and left as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::{DialogueEnded, LineShown};
use crate::data::read_ron;

/// How many times each line (`dialogue/line`) was shown; a line read on an
/// earlier run counts once.
#[derive(Resource, Debug, Default)]
pub struct SeenLines {
    shown: BTreeMap<String, u32>,
}

impl SeenLines {
    /// Whether the line `key` (`dialogue/line`) was shown before the time
    /// it is being shown now.
    pub fn seen_before(&self, key: &str) -> bool {
        self.shown.get(key).is_some_and(|n| *n >= 2)
    }
}

/// Where seen lines are kept between runs; without it they are forgotten
/// when the game closes (headless runs).
#[derive(Resource, Debug, Clone)]
pub struct SeenLinesFile {
    /// The file.
    pub path: PathBuf,
    /// Whether it could not be read: then it is never written over.
    pub unreadable: bool,
}

impl SeenLinesFile {
    /// The file for `--data-dir DIR` (`DIR/seen-lines.ron`), else in the
    /// platform's data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        let folder = match data_dir {
            Some(dir) => dir.to_path_buf(),
            None => directories::ProjectDirs::from("", "", "long-exposure")?
                .data_dir()
                .to_path_buf(),
        };
        Some(Self {
            path: folder.join("seen-lines.ron"),
            unreadable: false,
        })
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SeenLines>()
        .add_systems(Startup, read_seen_lines)
        .add_observer(count_shown)
        .add_observer(write_seen_lines);
}

fn read_seen_lines(file: Option<ResMut<SeenLinesFile>>, mut seen: ResMut<SeenLines>) {
    let Some(mut file) = file else {
        return;
    };
    if !file.path.exists() {
        return;
    }
    match read_ron::<Vec<String>>(&file.path) {
        Ok(lines) => seen.shown.extend(lines.into_iter().map(|l| (l, 1))),
        Err(problem) => {
            warn!("{problem} (lines seen before will not be skippable; the file is left as it is)");
            file.unreadable = true;
        }
    }
}

fn count_shown(shown: On<LineShown>, mut seen: ResMut<SeenLines>) {
    let key = format!("{}/{}", shown.dialogue, shown.line.id);
    *seen.shown.entry(key).or_insert(0) += 1;
}

fn write_seen_lines(_: On<DialogueEnded>, file: Option<Res<SeenLinesFile>>, seen: Res<SeenLines>) {
    let Some(file) = file.filter(|f| !f.unreadable) else {
        return;
    };
    let lines: Vec<&String> = seen.shown.keys().collect();
    let written = ron::ser::to_string_pretty(&lines, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())
        .and_then(|text| {
            if let Some(folder) = file.path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
            }
            std::fs::write(&file.path, text).map_err(|e| e.to_string())
        });
    if let Err(problem) = written {
        warn!(
            "{}: cannot keep the lines seen: {problem}",
            file.path.display()
        );
    }
}
