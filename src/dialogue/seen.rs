//! The lines the player has seen, on this night and earlier ones, so that
//! a line seen before can be skipped. In windowed play they are kept
//! between runs in `seen-lines.ron` in the data folder; a file that cannot
//! be read is reported and left as it is.

use std::collections::BTreeMap;
use std::path::Path;

use bevy::prelude::*;

use super::{DialogueEnded, LineShown};
use crate::data::kept::{KeptFile, KeptProblems};

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

/// Where seen lines are kept between runs (`seen-lines.ron` in the
/// player's data folder); without it they are forgotten when the game
/// closes (headless runs).
#[derive(Resource, Debug, Clone)]
pub struct SeenLinesFile(pub KeptFile);

impl SeenLinesFile {
    /// `seen-lines.ron` in the player's data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        KeptFile::choose(data_dir, "seen-lines.ron").map(Self)
    }

    /// Keeps the lines seen in this file, reading what it holds now (a
    /// file that cannot be read is set aside, and the title says so).
    pub fn insert_into(mut self, world: &mut World) {
        if let Some(lines) = self.0.read::<Vec<String>>() {
            world.insert_resource(SeenLines {
                shown: lines.into_iter().map(|l| (l, 1)).collect(),
            });
        }
        KeptProblems::add(world, self.0.problem.clone());
        world.insert_resource(self);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SeenLines>()
        .add_observer(count_shown)
        .add_observer(write_seen_lines);
}

fn count_shown(shown: On<LineShown>, mut seen: ResMut<SeenLines>) {
    let key = format!("{}/{}", shown.dialogue, shown.line.id);
    *seen.shown.entry(key).or_insert(0) += 1;
}

fn write_seen_lines(_: On<DialogueEnded>, file: Option<Res<SeenLinesFile>>, seen: Res<SeenLines>) {
    let Some(file) = file else {
        return;
    };
    let lines: Vec<&String> = seen.shown.keys().collect();
    if let Err(problem) = file.0.write(&lines) {
        warn!("cannot keep the lines seen: {problem}");
    }
}
