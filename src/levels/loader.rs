//! Bevy asset loaders for `*.level.ron` and `story.ron`. A file with errors
//! fails to load (on a hot reload the last good version stays in play), and
//! its problems go on the [`ProblemBoard`] until the file is fixed.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
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

    /// A number that changes whenever the problems do: read [`Self::all`]
    /// only when it has changed.
    pub fn version(&self) -> u64 {
        self.0.lock().map(|board| board.version).unwrap_or_default()
    }

    /// Every problem, by file.
    pub fn all(&self) -> Vec<Diagnostic> {
        self.0
            .lock()
            .map(|board| {
                let files = board.files.values().flatten();
                files.chain(&board.references).cloned().collect()
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

/// An asset read from a data file: how its file is read and checked.
pub trait DataAsset: Asset + Sized {
    /// The parsed data.
    type Data;
    /// The file-name endings it loads (Bevy matches from the first dot).
    const EXTENSIONS: &'static [&'static str];
    /// Parses and checks a file's text.
    fn read(file: &Path, text: &str) -> Result<Checked<Self::Data>, Diagnostic>;
    /// The asset from data free of errors.
    fn new(data: Self::Data, located: Located) -> Self;
}

impl DataAsset for LevelAsset {
    type Data = Level;
    const EXTENSIONS: &'static [&'static str] = &["level.ron"];

    fn read(file: &Path, text: &str) -> Result<Checked<Level>, Diagnostic> {
        read_level(file, text)
    }

    fn new(level: Level, located: Located) -> Self {
        Self { level, located }
    }
}

impl DataAsset for StoryAsset {
    type Data = Story;
    // `story.ron` has the extension `ron`.
    const EXTENSIONS: &'static [&'static str] = &["ron"];

    fn read(file: &Path, text: &str) -> Result<Checked<Story>, Diagnostic> {
        read_story(file, text)
    }

    fn new(story: Story, located: Located) -> Self {
        Self { story, located }
    }
}

/// Loads one kind of data file, refusing it when it has errors.
#[derive(TypePath)]
pub struct DataLoader<A: DataAsset> {
    roots: Roots,
    board: ProblemBoard,
    asset: PhantomData<fn() -> A>,
}

impl<A: DataAsset> DataLoader<A> {
    /// A loader naming files from `roots` and posting problems on `board`.
    pub fn new(roots: Roots, board: ProblemBoard) -> Self {
        Self {
            roots,
            board,
            asset: PhantomData,
        }
    }
}

impl<A: DataAsset> AssetLoader for DataLoader<A> {
    type Asset = A;
    type Settings = ();
    type Error = LoadProblems;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<A, LoadProblems> {
        let (data, located) =
            load_checked(&self.roots, &self.board, reader, load_context, A::read).await?;
        Ok(A::new(data, located))
    }

    fn extensions(&self) -> &[&str] {
        A::EXTENSIONS
    }
}
