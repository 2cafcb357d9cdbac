//! Reading data files and judging them together: each file parsed and
//! checked on its own, then what the files say about each other. The game's
//! loaders and `long-exposure validate` run the same functions, so they
//! agree on every problem.

use std::path::Path;

use super::roots::{DIALOGUE_SUFFIX, LEVEL_SUFFIX, Roots, STORY_FILE, check_relative_path};
use super::schema::{Arrival, Dialogue, Level, Paint, Story};
use super::validate::{self, Located, NightFiles};
use crate::data::{Diagnostic, parse_ron, read_text, suggest};

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

/// The dialogue id a file name stands for: `phone_call` for
/// `dialogue/phone_call.dialogue.ron`.
pub fn dialogue_stem(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_string_lossy();
    name.strip_suffix(DIALOGUE_SUFFIX).map(str::to_owned)
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

/// Parses and checks a dialogue file; `Err` when it is not valid RON for a
/// dialogue.
pub fn read_dialogue(file: &Path, text: &str) -> Result<Checked<Dialogue>, Diagnostic> {
    let dialogue: Dialogue = parse_ron(file, text)?;
    let stem = dialogue_stem(file).unwrap_or_default();
    let findings = validate::check_dialogue(&dialogue, &stem);
    Ok(checked(dialogue, file, text, findings))
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

/// Parses and checks a level file as the game reads it from `roots`: on
/// its own, and that its background images exist.
pub fn read_level_file(
    roots: &Roots,
    file: &Path,
    text: &str,
) -> Result<Checked<Level>, Diagnostic> {
    let mut level = read_level(file, text)?;
    let images = check_images(roots, &level.value, &level.located);
    level.problems.extend(images);
    Ok(level)
}

/// Checks what the files say about each other. `unreadable` lists the
/// level and dialogue files that exist but could not be parsed: they are
/// not unknown. A level or dialogue whose id is not its file name still is
/// that file, so references to its file name are not unknown either.
pub fn cross_check(
    story: Option<&Checked<Story>>,
    levels: &[&Checked<Level>],
    dialogues: &[&Checked<Dialogue>],
    unreadable: &[&Path],
) -> Vec<Diagnostic> {
    let misnamed = levels
        .iter()
        .filter_map(|l| level_stem(&l.located.file).filter(|stem| *stem != l.value.id));
    let files =
        NightFiles {
            story: story.map(|s| (&s.value, &s.located)),
            levels: levels.iter().map(|l| (&l.value, &l.located)).collect(),
            dialogues: dialogues.iter().map(|d| (&d.value, &d.located)).collect(),
            unreadable_levels: unreadable
                .iter()
                .filter_map(|file| level_stem(file))
                .chain(misnamed)
                .collect(),
            unreadable_dialogues: unreadable
                .iter()
                .filter_map(|file| dialogue_stem(file))
                .chain(dialogues.iter().filter_map(|d| {
                    dialogue_stem(&d.located.file).filter(|stem| *stem != d.value.id)
                }))
                .collect(),
        };
    validate::check_references(&files)
}

/// Puts problems in the order `validate` prints them: by file, then position.
pub fn sort_problems(problems: &mut [Diagnostic]) {
    problems.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
}

/// Everything read from the roots: the data and every problem.
#[derive(Debug, Default)]
pub struct DataSet {
    /// The story, if it was readable and free of errors.
    pub story: Option<Story>,
    /// The levels that were readable and free of errors of their own.
    pub levels: Vec<Level>,
    /// The dialogues that were readable and free of errors of their own.
    pub dialogues: Vec<Dialogue>,
    /// Every problem found, errors and warnings, by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl DataSet {
    /// Whether any problem is an error: then the game plays none of it.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

impl DataSet {
    /// The arrival `LEVEL[:SPAWN]` names (as `--start` gives it), checked
    /// against the levels read; without a spawn point, the level's first.
    pub fn arrival(&self, spec: &str) -> Result<Arrival, String> {
        let (id, spawn) = match spec.split_once(':') {
            Some((id, spawn)) => (id, Some(spawn)),
            None => (spec, None),
        };
        let Some(level) = self.levels.iter().find(|l| l.id == id) else {
            let broken = self
                .diagnostics
                .iter()
                .any(|d| d.is_error() && level_stem(&d.file).as_deref() == Some(id));
            if broken {
                return Err(format!(
                    "the level `{id}` has errors (`long-exposure validate` lists them)"
                ));
            }
            let mut ids: Vec<&str> = self.levels.iter().map(|l| l.id.as_str()).collect();
            ids.sort_unstable();
            return Err(format!(
                "there is no level `{id}`{}",
                suggest::hint(id, &ids, "levels")
            ));
        };
        let ids: Vec<&str> = level.spawns.iter().map(|s| s.id.as_str()).collect();
        let spawn = match spawn {
            Some(spawn) if ids.contains(&spawn) => spawn,
            Some(spawn) => {
                let hint = suggest::hint(spawn, &ids, "its spawn points");
                return Err(format!("level `{id}` has no spawn point `{spawn}`{hint}"));
            }
            None => ids.first().copied().unwrap_or_default(),
        };
        Ok(Arrival {
            level: id.to_owned(),
            spawn: spawn.to_owned(),
        })
    }
}

/// Reads, parses and checks every data file under `roots`, then what the
/// files say about each other. This is what `long-exposure validate` runs,
/// and what the game runs over its loaded files. A file with errors of its
/// own still takes part in the checks between files, and one that cannot
/// be parsed still counts as existing, so one mistake is reported once.
pub fn load_all(roots: &Roots) -> DataSet {
    let scan = roots.scan();
    let mut diagnostics = scan.problems;
    let mut story: Option<Checked<Story>> = None;
    let mut levels: Vec<Checked<Level>> = Vec::new();
    let mut dialogues: Vec<Checked<Dialogue>> = Vec::new();
    let mut unreadable = Vec::new();
    for file in &scan.files {
        let read = read_text(file).and_then(|text| {
            if file.ends_with(STORY_FILE) {
                story = Some(read_story(file, &text)?);
            } else if dialogue_stem(file).is_some() {
                dialogues.push(read_dialogue(file, &text)?);
            } else {
                levels.push(read_level_file(roots, file, &text)?);
            }
            Ok(())
        });
        if let Err(problem) = read {
            diagnostics.push(problem);
            unreadable.push(file.as_path());
        }
    }
    diagnostics.extend(story.iter().flat_map(|s| s.problems.iter().cloned()));
    diagnostics.extend(levels.iter().flat_map(|l| l.problems.iter().cloned()));
    diagnostics.extend(dialogues.iter().flat_map(|d| d.problems.iter().cloned()));
    let level_refs: Vec<&Checked<Level>> = levels.iter().collect();
    let dialogue_refs: Vec<&Checked<Dialogue>> = dialogues.iter().collect();
    diagnostics.extend(cross_check(
        story.as_ref(),
        &level_refs,
        &dialogue_refs,
        &unreadable,
    ));
    sort_problems(&mut diagnostics);
    DataSet {
        story: story.filter(|s| !s.has_errors()).map(|s| s.value),
        levels: levels
            .into_iter()
            .filter(|l| !l.has_errors())
            .map(|l| l.value)
            .collect(),
        dialogues: dialogues
            .into_iter()
            .filter(|d| !d.has_errors())
            .map(|d| d.value)
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
