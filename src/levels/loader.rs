//! Bevy asset loaders for `*.level.ron`, `story.ron` and
//! `dialogue/*.dialogue.ron`. Each file is read
//! as `validate` reads it, parsed and checked on its own; its problems go on
//! the [`ProblemBoard`] until the file is fixed. A file that cannot be
//! parsed fails to load; one that parses loads with its problems, and the
//! night's judge (see `night`) decides whether the game plays it.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;

use crate::content::files::{Checked, read_dialogue, read_level_file, read_story, sort_problems};
use crate::content::roots::Roots;
use crate::content::schema::{Dialogue, Level, Story};
use crate::data::{Diagnostic, text_from_bytes};

/// A level file as last parsed, with its own problems.
#[derive(Asset, TypePath, Debug)]
pub struct LevelAsset(pub Checked<Level>);

/// The story file as last parsed, with its own problems.
#[derive(Asset, TypePath, Debug)]
pub struct StoryAsset(pub Checked<Story>);

/// A dialogue file as last parsed, with its own problems.
#[derive(Asset, TypePath, Debug)]
pub struct DialogueAsset(pub Checked<Dialogue>);

/// The problems of each data file as last loaded, those between files, and
/// those of the folders, as `validate` would print them. Shared with the
/// loaders, which run on other threads.
#[derive(Resource, Clone, Default)]
pub struct ProblemBoard(Arc<Mutex<Board>>);

#[derive(Default)]
struct Board {
    files: BTreeMap<PathBuf, Vec<Diagnostic>>,
    references: Vec<Diagnostic>,
    folders: Vec<Diagnostic>,
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
        if let Ok(mut board) = self.0.lock()
            && board.references != problems
        {
            board.references = problems;
            board.version += 1;
        }
    }

    /// Replaces the problems found in the folders (see `Roots::scan`).
    pub fn set_folders(&self, problems: Vec<Diagnostic>) {
        if let Ok(mut board) = self.0.lock()
            && board.folders != problems
        {
            board.folders = problems;
            board.version += 1;
        }
    }

    /// A number that changes whenever the problems do: read [`Self::all`]
    /// only when it has changed.
    pub fn version(&self) -> u64 {
        self.0.lock().map(|board| board.version).unwrap_or_default()
    }

    /// Every problem, in the order `validate` prints them.
    pub fn all(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .0
            .lock()
            .map(|board| {
                let files = board.files.values().flatten();
                let others = board.references.iter().chain(&board.folders);
                files.chain(others).cloned().collect()
            })
            .unwrap_or_default();
        sort_problems(&mut all);
        all
    }

    /// Every error (problems that refuse the data).
    pub fn errors(&self) -> Vec<Diagnostic> {
        let mut all = self.all();
        all.retain(Diagnostic::is_error);
        all
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
/// recording the file's problems on the board.
async fn load_checked<T>(
    roots: &Roots,
    board: &ProblemBoard,
    reader: &mut dyn Reader,
    load_context: &LoadContext<'_>,
    read: impl FnOnce(&Roots, &Path, &str) -> Result<Checked<T>, Diagnostic>,
) -> Result<Checked<T>, LoadProblems> {
    let relative = load_context.path().path().to_path_buf();
    let file = roots.resolve(&relative).unwrap_or(relative);
    let mut bytes = Vec::new();
    let result = match reader.read_to_end(&mut bytes).await {
        Err(error) => Err(Diagnostic::error(
            &file,
            None,
            format!("cannot read the file: {error}"),
        )),
        Ok(_) => text_from_bytes(&file, &bytes).and_then(|text| read(roots, &file, text)),
    };
    match result {
        Ok(checked) => {
            board.set(&file, checked.problems.clone());
            Ok(checked)
        }
        Err(problem) => {
            board.set(&file, vec![problem.clone()]);
            Err(LoadProblems(vec![problem]))
        }
    }
}

/// An asset read from a data file: how its file is read and checked.
pub trait DataAsset: Asset + Sized {
    /// The parsed data.
    type Data;
    /// The file-name endings it loads (Bevy matches from the first dot).
    const EXTENSIONS: &'static [&'static str];
    /// Parses and checks a file's text, as `validate` does.
    fn read(roots: &Roots, file: &Path, text: &str) -> Result<Checked<Self::Data>, Diagnostic>;
    /// The asset from a parsed file.
    fn new(checked: Checked<Self::Data>) -> Self;
}

impl DataAsset for LevelAsset {
    type Data = Level;
    const EXTENSIONS: &'static [&'static str] = &["level.ron"];

    fn read(roots: &Roots, file: &Path, text: &str) -> Result<Checked<Level>, Diagnostic> {
        read_level_file(roots, file, text)
    }

    fn new(checked: Checked<Level>) -> Self {
        Self(checked)
    }
}

impl DataAsset for StoryAsset {
    type Data = Story;
    // `story.ron` has the extension `ron`.
    const EXTENSIONS: &'static [&'static str] = &["ron"];

    fn read(_: &Roots, file: &Path, text: &str) -> Result<Checked<Story>, Diagnostic> {
        read_story(file, text)
    }

    fn new(checked: Checked<Story>) -> Self {
        Self(checked)
    }
}

impl DataAsset for DialogueAsset {
    type Data = Dialogue;
    const EXTENSIONS: &'static [&'static str] = &["dialogue.ron"];

    fn read(_: &Roots, file: &Path, text: &str) -> Result<Checked<Dialogue>, Diagnostic> {
        read_dialogue(file, text)
    }

    fn new(checked: Checked<Dialogue>) -> Self {
        Self(checked)
    }
}

/// Loads one kind of data file, failing only when it cannot be parsed.
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
        let checked = load_checked(&self.roots, &self.board, reader, load_context, A::read).await?;
        Ok(A::new(checked))
    }

    fn extensions(&self) -> &[&str] {
        A::EXTENSIONS
    }
}
