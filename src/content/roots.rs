//! Where level data comes from: the base `levels/` folder and a mods folder
//! whose files override the base's by relative path. No path may reach
//! outside those roots: `..`, absolute paths and links are refused. A scan
//! of the roots lists the data files the game reads and warns of `.ron`
//! files it would not read.

use std::path::{Component, Path, PathBuf};

use crate::data::{Diagnostic, Severity, suggest};

/// The story file's name, at the top of the levels folder.
pub const STORY_FILE: &str = "story.ron";
/// The ending of every level file's name.
pub const LEVEL_SUFFIX: &str = ".level.ron";
/// The folder of dialogue files.
pub const DIALOGUE_FOLDER: &str = "dialogue";
/// The ending of every dialogue file's name.
pub const DIALOGUE_SUFFIX: &str = ".dialogue.ron";

/// How deep a scan looks into a data folder's subfolders.
const SCAN_DEPTH: usize = 4;
/// How many entries a scan looks at in all, so a huge folder cannot stall it.
const SCAN_ENTRIES: usize = 10_000;

/// The folders data is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roots {
    /// The game's own `levels/` folder.
    pub base: PathBuf,
    /// A folder whose files replace the base's of the same relative path.
    pub mods: Option<PathBuf>,
}

/// The data files found in the roots, and what is wrong with the folders.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every data file the game reads (the story, the levels and the
    /// dialogues), mods overriding the base by relative path, sorted by it.
    pub files: Vec<PathBuf>,
    /// Links, a missing story, and `.ron` files the game does not read.
    pub problems: Vec<Diagnostic>,
}

impl Roots {
    /// The roots the command line names, with the defaults for those it
    /// leaves out. Folders it names are relative to the current folder and
    /// must exist; the default mods folder need not.
    pub fn from_args(levels: Option<&Path>, mods: Option<&Path>) -> Result<Self, String> {
        let named = |flag: &str, folder: &Path| {
            let absolute = std::path::absolute(folder)
                .map_err(|error| format!("{flag} {}: {error}", folder.display()))?;
            if absolute.is_dir() {
                Ok(absolute)
            } else {
                Err(format!(
                    "{flag} {}: there is no such folder ({})",
                    folder.display(),
                    absolute.display()
                ))
            }
        };
        Ok(Self {
            base: match levels {
                Some(folder) => named("--levels", folder)?,
                None => Self::default_base(),
            },
            mods: match mods {
                Some(folder) => Some(named("--mods", folder)?),
                None => Self::default_mods(),
            },
        })
    }

    /// The game's `levels/` folder: beside `Cargo.toml` under cargo, else
    /// beside the executable (the same rule as Bevy's `assets/`), else in
    /// the current folder, else the copy built into the binary (the `embed`
    /// feature, see [`super::embedded`]).
    pub fn default_base() -> PathBuf {
        let beside = bevy::asset::io::file::FileAssetReader::get_base_path().join("levels");
        let here = std::path::absolute("levels").unwrap_or_default();
        if beside.is_dir() {
            beside
        } else if here.is_dir() {
            here
        } else {
            super::embedded::unpacked_levels().unwrap_or(beside)
        }
    }

    /// The game's `assets/` folder (its generated art and sounds): beside
    /// the data folder.
    pub fn assets(&self) -> PathBuf {
        self.base
            .parent()
            .map_or_else(|| PathBuf::from("assets"), |game| game.join("assets"))
    }

    /// The player's mods folder: `mods/` in the platform's user data
    /// directory (`~/.local/share/long-exposure/mods` on Linux).
    fn default_mods() -> Option<PathBuf> {
        crate::data::kept::game_folders().map(|d| d.data_dir().join("mods"))
    }

    /// The file that serves `relative`: the mod's if there is one, else the
    /// base's. Refuses paths that could leave the roots.
    pub fn resolve(&self, relative: &Path) -> Result<PathBuf, String> {
        check_relative_path(&relative.to_string_lossy())?;
        for root in self.roots() {
            let full = root.join(relative);
            if full.exists() {
                refuse_links(root, relative)?;
                return Ok(full);
            }
        }
        Ok(self.base.join(relative))
    }

    /// The mods folder, if any, then the base folder.
    fn roots(&self) -> impl Iterator<Item = &PathBuf> {
        self.mods.iter().chain([&self.base])
    }

    /// Lists the data files and checks what else lies in the folders.
    pub fn scan(&self) -> Scan {
        let mut names: Vec<String> = Vec::new();
        let mut problems = Vec::new();
        for root in self.roots() {
            let mut budget = SCAN_ENTRIES;
            for (relative, full) in ron_files(root, &mut budget) {
                match kind_of(&relative) {
                    Kind::Data | Kind::Dialogue if is_link(&full) => {
                        let message = "links are not followed: copy the file here instead".into();
                        problems.push(Diagnostic::error(&full, None, message));
                    }
                    Kind::Data | Kind::Dialogue => {
                        if !names.contains(&relative) {
                            names.push(relative);
                        }
                    }
                    Kind::Unread(why) => problems.push(Diagnostic {
                        severity: Severity::Warning,
                        file: full,
                        position: None,
                        message: format!("the game does not read this file: {why}"),
                    }),
                }
            }
        }
        if !names.iter().any(|n| n == STORY_FILE) {
            let message = format!("there is no {STORY_FILE}: the game cannot start");
            problems.push(Diagnostic::error(&self.base, None, message));
        }
        names.sort();
        let files = names
            .iter()
            .filter_map(|name| self.resolve(Path::new(name)).ok())
            .collect();
        Scan { files, problems }
    }
}

/// What a `.ron` file in a data folder is to the game.
enum Kind {
    /// `story.ron` or a level, at the top of the folder.
    Data,
    /// A dialogue file in `dialogue/`.
    Dialogue,
    /// A file the game does not read, and what the modder may have meant.
    Unread(String),
}

/// What the game makes of the `.ron` file at `relative` (with `/`).
fn kind_of(relative: &str) -> Kind {
    let (folder, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    let top = folder.is_empty();
    if top && (name == STORY_FILE || is_level_name(name)) {
        return Kind::Data;
    }
    if folder == DIALOGUE_FOLDER
        && name.len() > DIALOGUE_SUFFIX.len()
        && name.ends_with(DIALOGUE_SUFFIX)
    {
        return Kind::Dialogue;
    }
    let stem = name.split('.').next().unwrap_or(name);
    let meant = if name.len() > DIALOGUE_SUFFIX.len() && name.ends_with(DIALOGUE_SUFFIX) {
        format!(
            "dialogue files belong in `{DIALOGUE_FOLDER}/`: move it to `{DIALOGUE_FOLDER}/{name}`"
        )
    } else if !top && (name == STORY_FILE || is_level_name(name)) {
        format!("data files must sit at the top of the folder: move it to `{name}`")
    } else if suggest::nearest(name, [STORY_FILE]).is_some() {
        format!("did you mean `{STORY_FILE}`?")
    } else if folder == DIALOGUE_FOLDER {
        format!("did you mean `{DIALOGUE_FOLDER}/{stem}{DIALOGUE_SUFFIX}`?")
    } else {
        format!("did you mean `{stem}{LEVEL_SUFFIX}`? (levels end in `{LEVEL_SUFFIX}`)")
    };
    Kind::Unread(meant)
}

fn is_level_name(name: &str) -> bool {
    name.len() > LEVEL_SUFFIX.len() && name.ends_with(LEVEL_SUFFIX)
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The `.ron` files under `root` (not hidden, not through linked folders),
/// by their path relative to it with `/` between folders, and in full.
fn ron_files(root: &Path, budget: &mut usize) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let mut folders = vec![(String::new(), root.to_path_buf(), 0)];
    while let Some((prefix, folder, depth)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            if *budget == 0 {
                return found;
            }
            *budget -= 1;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = format!("{prefix}{name}");
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && depth < SCAN_DEPTH {
                folders.push((format!("{relative}/"), entry.path(), depth + 1));
            } else if !kind.is_dir() && name.ends_with(".ron") {
                found.push((relative, entry.path()));
            }
        }
    }
    found.sort();
    found
}

/// Checks that a path from a data file stays inside the roots: relative,
/// no `..`, no empty or `.` parts, forward slashes.
pub fn check_relative_path(path: &str) -> Result<(), String> {
    let refuse = |why: &str| Err(format!("the path `{path}` {why}"));
    if path.is_empty() {
        return refuse("is empty");
    }
    if path.contains('\\') {
        return refuse("uses `\\`: separate folders with `/`");
    }
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('/') {
        return refuse("is absolute: give it relative to the levels folder");
    }
    for component in p.components() {
        match component {
            Component::Normal(_) => {}
            Component::ParentDir => return refuse("leaves the levels folder with `..`"),
            _ => return refuse("has a part that is not a plain name"),
        }
    }
    Ok(())
}

/// Refuses `relative` under `root` when any part of it is a link.
fn refuse_links(root: &Path, relative: &Path) -> Result<(), String> {
    let mut at = root.to_path_buf();
    for component in relative.components() {
        at.push(component);
        if is_link(&at) {
            let shown = relative.display();
            return Err(format!(
                "the path `{shown}` goes through a link, which is not followed"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unread(relative: &str) -> String {
        match kind_of(relative) {
            Kind::Unread(why) => why,
            Kind::Data => "data".into(),
            Kind::Dialogue => "dialogue".into(),
        }
    }

    #[test]
    fn data_files_are_the_story_and_levels_at_the_top_and_dialogues() {
        assert_eq!(unread("story.ron"), "data");
        assert_eq!(unread("rooftop.level.ron"), "data");
        assert_eq!(unread("dialogue/stranger.dialogue.ron"), "dialogue");
        assert_eq!(
            unread("rooftop.ron"),
            "did you mean `rooftop.level.ron`? (levels end in `.level.ron`)"
        );
        assert_eq!(unread("Story.ron"), "did you mean `story.ron`?");
        assert_eq!(unread("stroy.ron"), "did you mean `story.ron`?");
        assert_eq!(
            unread("levels/rooftop.level.ron"),
            "data files must sit at the top of the folder: move it to `rooftop.level.ron`"
        );
        assert_eq!(
            unread("stranger.dialogue.ron"),
            "dialogue files belong in `dialogue/`: move it to `dialogue/stranger.dialogue.ron`"
        );
        assert_eq!(
            unread("dialogue/stranger.ron"),
            "did you mean `dialogue/stranger.dialogue.ron`?"
        );
    }
}
