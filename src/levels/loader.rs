//! Bevy asset loaders for `*.level.ron` and `story.ron`. A file with errors
//! fails to load (on a hot reload the last good version stays in play), and
//! its problems go on the [`ProblemBoard`] until the file is fixed.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;

use super::files::{Checked, Roots, read_level, read_story};
use super::schema::{Level, Story};
use super::validate::Located;
use crate::data::{Diagnostic, text_from_bytes};

/// A loaded level, with what is needed to place problems found later.
#[derive(Asset, TypePath, Debug)]
pub struct LevelAsset {
    /// The level's data.
    pub level: Level,
    /// Its file and the positions of its values.
    pub located: Located,
}

/// The loaded story file.
#[derive(Asset, TypePath, Debug)]
pub struct StoryAsset {
    /// The story's data.
    pub story: Story,
    /// Its file and the positions of its values.
    pub located: Located,
}

/// The problems of each data file as last loaded, and those between files.
/// Shared with the loaders, which run on other threads.
#[derive(Resource, Clone, Default)]
pub struct ProblemBoard(Arc<Mutex<Board>>);

#[derive(Default)]
struct Board {
    files: BTreeMap<PathBuf, Vec<Diagnostic>>,
    references: Vec<Diagnostic>,
    version: u64,
}

impl ProblemBoard {
    /// Replaces the problems of `file` (none: the file is fine).
    pub fn set(&self, file: &Path, problems: Vec<Diagnostic>) {
        if let Ok(mut board) = self.0.lock() {
            if problems.is_empty() {
                board.files.remove(file);
            } else {
                board.files.insert(file.to_path_buf(), problems);
            }
            board.version += 1;
        }
    }

    /// Replaces the problems found between files.
    pub fn set_references(&self, problems: Vec<Diagnostic>) {
        if let Ok(mut board) = self.0.lock() {
            board.references = problems;
            board.version += 1;
        }
    }

    /// Every problem, by file, and a number that changes with them.
    pub fn all(&self) -> (u64, Vec<Diagnostic>) {
        self.0
            .lock()
            .map(|board| {
                let files = board.files.values().flatten();
                let all = files.chain(&board.references).cloned().collect();
                (board.version, all)
            })
            .unwrap_or_default()
    }
}

/// Why a data file did not load: its problems, one per line.
#[derive(Debug)]
pub struct LoadProblems(pub Vec<Diagnostic>);

impl fmt::Display for LoadProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for LoadProblems {}

/// Reads the bytes behind `load_context` and hands their text to `read`,
/// recording the outcome on the board.
async fn load_checked<T>(
    roots: &Roots,
    board: &ProblemBoard,
    reader: &mut dyn Reader,
    load_context: &LoadContext<'_>,
    read: impl FnOnce(&Path, &str) -> Result<Checked<T>, Diagnostic>,
) -> Result<(T, Located), LoadProblems> {
    let relative = load_context.path().path().to_path_buf();
    let file = roots.resolve(&relative).unwrap_or(relative);
    let mut bytes = Vec::new();
    let result = match reader.read_to_end(&mut bytes).await {
        Err(error) => Err(vec![Diagnostic::error(
            &file,
            None,
            format!("cannot read: {error}"),
        )]),
        Ok(_) => text_from_bytes(&file, &bytes)
            .and_then(|text| read(&file, text))
            .map_err(|d| vec![d])
            .and_then(|checked| {
                if checked.has_errors() {
                    Err(checked.problems)
                } else {
                    Ok(checked)
                }
            }),
    };
    match result {
        Ok(checked) => {
            board.set(&file, checked.problems);
            Ok((checked.value, checked.located))
        }
        Err(problems) => {
            board.set(&file, problems.clone());
            Err(LoadProblems(problems))
        }
    }
}

/// Loads `*.level.ron` files.
#[derive(TypePath)]
pub struct LevelLoader {
    /// Where files are, to name them in messages.
    pub roots: Roots,
    /// Where problems go.
    pub board: ProblemBoard,
}

impl AssetLoader for LevelLoader {
    type Asset = LevelAsset;
    type Settings = ();
    type Error = LoadProblems;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<LevelAsset, LoadProblems> {
        let (level, located) =
            load_checked(&self.roots, &self.board, reader, load_context, read_level).await?;
        Ok(LevelAsset { level, located })
    }

    fn extensions(&self) -> &[&str] {
        &["level.ron"]
    }
}

/// Loads `story.ron`.
#[derive(TypePath)]
pub struct StoryLoader {
    /// Where files are, to name them in messages.
    pub roots: Roots,
    /// Where problems go.
    pub board: ProblemBoard,
}

impl AssetLoader for StoryLoader {
    type Asset = StoryAsset;
    type Settings = ();
    type Error = LoadProblems;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<StoryAsset, LoadProblems> {
        let (story, located) =
            load_checked(&self.roots, &self.board, reader, load_context, read_story).await?;
        Ok(StoryAsset { story, located })
    }

    fn extensions(&self) -> &[&str] {
        // Bevy matches from the first dot: `story.ron` has the extension `ron`.
        &["ron"]
    }
}
