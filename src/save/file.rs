//! A saved night on disk, in plain Rust: the versioned RON of the story
//! state, read back with a message a player can act on when it cannot be,
//! and written whole with the save before it kept as a backup.
//!
//! The folder holds `save.ron` (the latest) and `save.backup.ron` (the one
//! before it). A write goes to `save.ron.new`, flushed, then renamed over
//! `save.ron`: an interrupted write leaves a `.new` file that is never read,
//! and the good save stays.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::{self, kept};
use crate::story::{STORY_STATE_VERSION, StoryState};

/// The version of the save's shape; a save of a newer one is refused.
pub const SAVE_VERSION: u32 = 1;

/// What a save holds: the whole story state, and when and why it was taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Save")]
pub struct Save {
    /// [`SAVE_VERSION`] when written.
    pub version: u32,
    /// When it was written, in seconds since 1970.
    pub written: u64,
    /// Why it was taken.
    pub reason: SaveReason,
    /// The night as it stood.
    pub state: StoryState,
}

/// Why a save was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveReason {
    /// A chapter began.
    Chapter,
    /// The player saved from the pause menu.
    Player,
    /// The game was quit in the middle of the night.
    Quit,
    /// The night came to its ending: kept as the backup, whole, for the
    /// album; never continued.
    Ended,
}

impl Save {
    /// A save of `state` taken now for `reason`.
    pub fn now(state: &StoryState, reason: SaveReason) -> Self {
        Self {
            version: SAVE_VERSION,
            written: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            reason,
            state: state.clone(),
        }
    }
}

/// Why a save cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// It cannot be read: `file:line:column: message`.
    Broken(String),
    /// A newer version of the game wrote it.
    Newer {
        /// The file.
        file: PathBuf,
        /// The version it was written in.
        version: u32,
    },
}

impl fmt::Display for SaveProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Broken(why) => write!(f, "{why}"),
            Self::Newer { file, version } => write!(
                f,
                "{}: a newer version of Long Exposure wrote this save (version {version}; \
                 this one reads up to {SAVE_VERSION})",
                file.display()
            ),
        }
    }
}

/// Just the version of a save, read before the rest: a newer save may not
/// have the shape this version knows.
#[derive(Deserialize)]
#[serde(rename = "Save")]
struct VersionOnly {
    version: u32,
}

/// `save` as the text written to disk.
pub fn encode(save: &Save) -> Result<String, String> {
    kept::to_ron(save)
}

/// The save in `text`, read from `file` (named in messages).
pub fn decode(file: &Path, text: &str) -> Result<Save, SaveProblem> {
    let newer = |version| SaveProblem::Newer {
        file: file.to_path_buf(),
        version,
    };
    if let Ok(VersionOnly { version }) = data::parse_ron(file, text)
        && version > SAVE_VERSION
    {
        return Err(newer(version));
    }
    let save: Save = data::parse_ron(file, text).map_err(|d| SaveProblem::Broken(d.to_string()))?;
    if save.state.version > STORY_STATE_VERSION {
        return Err(newer(save.state.version));
    }
    Ok(save)
}

/// What one save file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Slot {
    /// Nothing: no save yet.
    #[default]
    Empty,
    /// A save that can be continued.
    Ready(Box<Save>),
    /// A save that cannot be used, and why.
    Unusable(SaveProblem),
}

impl Slot {
    /// The save, if it can be continued.
    pub fn save(&self) -> Option<&Save> {
        match self {
            Self::Ready(save) => Some(save),
            _ => None,
        }
    }
}

/// The folder the saves are kept in, and their files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFolder(pub PathBuf);

impl SaveFolder {
    /// The latest save.
    pub fn latest(&self) -> PathBuf {
        self.0.join("save.ron")
    }

    /// The save before it.
    pub fn backup(&self) -> PathBuf {
        self.0.join("save.backup.ron")
    }

    /// Reads the save at `path`: empty when there is none.
    pub fn read(path: &Path) -> Slot {
        if !path.exists() {
            return Slot::Empty;
        }
        match data::read_text(path) {
            Ok(text) => match decode(path, &text) {
                Ok(save) => Slot::Ready(Box::new(save)),
                Err(problem) => Slot::Unusable(problem),
            },
            Err(diagnostic) => Slot::Unusable(SaveProblem::Broken(diagnostic.to_string())),
        }
    }

    /// Writes `save` as the latest, the one it replaces (`previous`, as it
    /// was read) becoming the backup. A latest save that could not be read
    /// never replaces a good backup: it is set aside instead.
    pub fn write(&self, save: &Save, previous: &Slot) -> Result<(), String> {
        match previous {
            Slot::Ready(previous) => kept::write_whole(&self.backup(), &encode(previous)?)?,
            Slot::Unusable(_) if self.latest().exists() => {
                kept::set_aside(&self.latest())?;
            }
            _ => {}
        }
        kept::write_whole(&self.latest(), &encode(save)?)
    }

    /// The folder that keeps every night that came to its ending, a file
    /// each (`nights/night-<n>.ron`), for the title's album.
    pub fn ended(&self) -> PathBuf {
        self.0.join("nights")
    }

    /// Every ended night kept, newest first, and why any file among them
    /// cannot be read: such a file is set aside (`night-<n>.unreadable.ron`)
    /// so that nothing writes over it, and the problem says where it went.
    pub fn read_ended(&self) -> (Vec<Save>, Vec<String>) {
        let Ok(entries) = std::fs::read_dir(self.ended()) else {
            return (Vec::new(), Vec::new());
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .filter(|path| !kept::is_set_aside(path))
            .collect();
        files.sort();
        let (mut nights, mut problems) = (Vec::new(), Vec::new());
        for file in files {
            match SaveFolder::read(&file) {
                Slot::Ready(save) => nights.push(*save),
                Slot::Unusable(problem) => problems.push(match kept::set_aside(&file) {
                    Ok(aside) => format!("{problem} (set aside as {})", kept::file_name(&aside)),
                    Err(why) => format!("{problem} (left as it is: {why})"),
                }),
                Slot::Empty => {}
            }
        }
        nights.sort_by_key(|save| std::cmp::Reverse((save.state.night, save.written)));
        (nights, problems)
    }

    /// Puts an ended night by: kept among the ended nights and written
    /// whole as the backup, and the latest save (one of that night)
    /// removed, or set aside where it could not be read, so that nothing
    /// offers to continue it.
    pub fn put_by(&self, ended: &Save, latest: &Slot) -> Result<(), String> {
        self.keep_ended(ended, true)?;
        match latest {
            Slot::Empty => Ok(()),
            Slot::Ready(_) => std::fs::remove_file(self.latest())
                .map_err(|e| format!("{}: {e}", self.latest().display())),
            Slot::Unusable(_) => kept::set_aside(&self.latest()).map(|_| ()),
        }
    }

    /// The file that keeps the ended night `night`.
    fn ended_night(&self, night: u64) -> PathBuf {
        self.ended().join(format!("night-{night}.ron"))
    }

    /// Writes the ended night `ended` whole among the ended nights, and as
    /// the backup too where `backup` (the backup is of that night).
    pub fn keep_ended(&self, ended: &Save, backup: bool) -> Result<(), String> {
        let text = encode(ended)?;
        kept::write_whole(&self.ended_night(ended.state.night), &text)?;
        if backup {
            kept::write_whole(&self.backup(), &text)?;
        }
        Ok(())
    }
}
