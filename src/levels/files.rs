//! Where level data comes from: the base `levels/` folder and a mods folder
//! whose files override the base's by relative path. No path may reach
//! outside those roots: `..`, absolute paths and links are refused.

use std::path::{Component, Path, PathBuf};

use super::schema::{Level, Paint, Story};
use super::validate::{self, Located};
use crate::data::{Diagnostic, parse_ron, read_text};

/// The story file's name, at the top of the levels folder.
pub const STORY_FILE: &str = "story.ron";
/// The ending of every level file's name.
pub const LEVEL_SUFFIX: &str = ".level.ron";

/// The folders data is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roots {
    /// The game's own `levels/` folder.
    pub base: PathBuf,
    /// A folder whose files replace the base's of the same relative path.
    pub mods: Option<PathBuf>,
}

impl Roots {
    /// The game's `levels/` folder: beside `Cargo.toml` under cargo, else
    /// beside the executable (the same rule as Bevy's `assets/`), else in
    /// the current folder.
    pub fn default_base() -> PathBuf {
        let beside = bevy::asset::io::file::FileAssetReader::get_base_path().join("levels");
        let here = std::path::absolute("levels").unwrap_or_default();
        if beside.is_dir() || !here.is_dir() {
            beside
        } else {
            here
        }
    }

    /// The player's mods folder: `mods/` in the platform's user data
    /// directory (`~/.local/share/long-exposure/mods` on Linux).
    pub fn default_mods() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "long-exposure").map(|d| d.data_dir().join("mods"))
    }

    /// The file that serves `relative`: the mod's if there is one, else the
    /// base's. Refuses paths that could leave the roots.
    pub fn resolve(&self, relative: &Path) -> Result<PathBuf, String> {
        check_relative_path(&relative.to_string_lossy())?;
        for root in self.mods.iter().chain([&self.base]) {
            let full = root.join(relative);
            if full.exists() {
                refuse_links(root, relative)?;
                return Ok(full);
            }
        }
        Ok(self.base.join(relative))
    }

    /// Every data file (the story and the levels), mods overriding the base
    /// by name, sorted; links are reported and skipped.
    pub fn data_files(&self) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let mut names = Vec::new();
        let mut problems = Vec::new();
        for root in self.mods.iter().chain([&self.base]) {
            let Ok(entries) = std::fs::read_dir(root) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !(name == STORY_FILE || name.ends_with(LEVEL_SUFFIX)) {
                    continue;
                }
                if entry.file_type().is_ok_and(|t| t.is_symlink()) {
                    let message = "links are not followed: copy the file here instead".into();
                    problems.push(Diagnostic::error(&entry.path(), None, message));
                } else if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names.sort();
        let files = names
            .iter()
            .filter_map(|name| self.resolve(Path::new(name)).ok())
            .collect();
        (files, problems)
    }
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
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            let shown = relative.display();
            return Err(format!(
                "the path `{shown}` goes through a link, which is not followed"
            ));
        }
    }
    Ok(())
}

/// A file parsed and checked on its own, with every problem found.
#[derive(Debug)]
pub struct Checked<T> {
    /// The parsed data.
    pub value: T,
    /// Its file and the positions of its values.
    pub located: Located,
    /// Errors and warnings of the file on its own.
    pub problems: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    /// Whether any problem is an error (the data must not be used).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Diagnostic::is_error)
    }
}

/// The level id a file name stands for: `warehouse` for `warehouse.level.ron`.
fn level_stem(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_string_lossy();
    name.strip_suffix(LEVEL_SUFFIX).map(str::to_owned)
}

/// Parses and checks a level file; `Err` when it is not valid RON for a level.
pub fn read_level(file: &Path, text: &str) -> Result<Checked<Level>, Diagnostic> {
    let level: Level = parse_ron(file, text)?;
    let stem = level_stem(file).unwrap_or_default();
    let findings = validate::check_level(&level, &stem);
    Ok(checked(level, file, text, findings))
}

/// Parses and checks the story file; `Err` when it is not valid RON for a story.
pub fn read_story(file: &Path, text: &str) -> Result<Checked<Story>, Diagnostic> {
    let story: Story = parse_ron(file, text)?;
    let findings = validate::check_story(&story);
    Ok(checked(story, file, text, findings))
}

fn checked<T>(value: T, file: &Path, text: &str, findings: Vec<validate::Finding>) -> Checked<T> {
    let located = Located::new(file, text);
    let problems = findings
        .into_iter()
        .map(|f| located.diagnostic(f))
        .collect();
    Checked {
        value,
        located,
        problems,
    }
}

/// Everything read from the roots: the usable data and every problem.
#[derive(Debug, Default)]
pub struct DataSet {
    /// The story, if it was readable and free of errors.
    pub story: Option<Story>,
    /// The levels that were readable and free of errors of their own.
    pub levels: Vec<Level>,
    /// Every problem found, errors and warnings, by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl DataSet {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads, parses and checks every data file under `roots`, then what the
/// files say about each other. This is what `long-exposure validate` runs.
/// A file with errors of its own still takes part in the checks between
/// files, and one that cannot be parsed still counts as existing, so one
/// mistake is reported once.
pub fn load_all(roots: &Roots) -> DataSet {
    let (files, mut diagnostics) = roots.data_files();
    let mut story: Option<Checked<Story>> = None;
    let mut levels: Vec<Checked<Level>> = Vec::new();
    let mut unreadable = Vec::new();
    if !files.iter().any(|f| f.ends_with(STORY_FILE)) {
        let message = format!("there is no {STORY_FILE}: the game cannot start");
        diagnostics.push(Diagnostic::error(&roots.base, None, message));
    }
    for file in files {
        let read = read_text(&file).and_then(|text| {
            if file.ends_with(STORY_FILE) {
                story = Some(read_story(&file, &text)?);
            } else {
                let mut level = read_level(&file, &text)?;
                level
                    .problems
                    .extend(check_images(roots, &level.value, &level.located));
                // A level whose id is not its file name still is that file:
                // references to the file name are not unknown.
                if let Some(stem) = level_stem(&file).filter(|s| *s != level.value.id) {
                    unreadable.push(stem);
                }
                levels.push(level);
            }
            Ok(())
        });
        if let Err(problem) = read {
            diagnostics.push(problem);
            unreadable.extend(level_stem(&file));
        }
    }
    diagnostics.extend(story.iter().flat_map(|s| s.problems.iter().cloned()));
    diagnostics.extend(levels.iter().flat_map(|l| l.problems.iter().cloned()));
    let placed: Vec<_> = levels.iter().map(|l| (&l.value, &l.located)).collect();
    let story_placed = story.as_ref().map(|s| (&s.value, &s.located));
    diagnostics.extend(validate::check_references(
        story_placed,
        &placed,
        &unreadable,
    ));
    diagnostics.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    DataSet {
        story: story.filter(|s| !s.has_errors()).map(|s| s.value),
        levels: levels
            .into_iter()
            .filter(|l| !l.has_errors())
            .map(|l| l.value)
            .collect(),
        diagnostics,
    }
}

/// Background images must exist inside the roots.
fn check_images(roots: &Roots, level: &Level, located: &Located) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (i, layer) in level.background.iter().enumerate() {
        // A path that could leave the roots was reported by `check_level`.
        let Paint::Image(path) = &layer.paint else {
            continue;
        };
        if check_relative_path(path).is_err() {
            continue;
        }
        let problem = match roots.resolve(Path::new(path)) {
            Ok(full) if full.is_file() => continue,
            Ok(_) => format!("no image `{path}` in the levels folder"),
            Err(problem) => problem,
        };
        problems.push(located.diagnostic(validate::Finding {
            severity: crate::data::Severity::Error,
            path: format!("background[{i}].paint[0]"),
            message: problem,
        }));
    }
    problems
}
