//! Checks of what level, story and dialogue files mean, beyond their syntax: ids that
//! name nothing, things outside the level, exits into walls, numbers out of
//! range. Plain Rust over the parsed data; each problem carries the path of
//! the offending value, which [`Located`] turns into `file:line:column`.

mod arrival;
mod between;
mod dialogue;
mod level;
mod references;
mod story;
mod uses;

pub use dialogue::check_dialogue;
pub use references::{NightFiles, check_references};
pub use story::check_story;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::schema::Level;
use crate::data::{Diagnostic, Severity, SpanIndex};

/// A problem at a path inside one file (`subjects[2].area`).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// Path of the offending value from the file's root.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// A file's name and the positions of its values, to place findings.
#[derive(Debug, Default)]
pub struct Located {
    /// The file, as shown in messages.
    pub file: PathBuf,
    spans: SpanIndex,
}

impl Located {
    /// Indexes the `text` of `file`.
    pub fn new(file: &Path, text: &str) -> Self {
        Self {
            file: file.to_path_buf(),
            spans: SpanIndex::build(text),
        }
    }

    /// The finding as a diagnostic at its value's line and column.
    pub fn diagnostic(&self, finding: Finding) -> Diagnostic {
        Diagnostic {
            severity: finding.severity,
            file: self.file.clone(),
            position: self.spans.find(&finding.path),
            message: finding.message,
        }
    }
}

/// The largest level, in virtual pixels (a hundred screens wide, fifty high).
pub const MAX_LEVEL_SIZE: bevy::math::Vec2 = bevy::math::Vec2::new(100_000.0, 10_000.0);
/// The tallest skyline building: its windows are drawn one by one.
pub const MAX_SKYLINE: f32 = 400.0;
/// The farthest a light reaches: its glow is a picture twice as wide.
pub const MAX_LIGHT_RADIUS: f32 = 400.0;
/// The most raindrops a level may ask for: each is a sprite.
pub const MAX_DROPS: u32 = 300;

/// What is said of a number too large to use (RON reads `1e39` as infinity).
const NOT_FINITE: &str = "the number is too large to use";

/// Which file a cross-file finding belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Owner {
    /// The story file.
    Story,
    /// The level with this id.
    Level(String),
    /// The dialogue with this id.
    Dialogue(String),
}

/// Collects findings.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, path.into(), message.into());
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, path.into(), message.into());
    }

    fn push(&mut self, severity: Severity, path: String, message: String) {
        self.0.push(Finding {
            severity,
            path,
            message,
        });
    }

    /// Reports every id after the first that repeats one before it.
    fn unique<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (index, id) in ids.enumerate() {
            if id.is_empty() {
                self.error(format!("{list}[{index}].id"), "the id is empty");
            } else if !seen.insert(id) {
                self.error(
                    format!("{list}[{index}].id"),
                    format!("duplicate id `{id}` in {list}"),
                );
            }
        }
    }

    fn in_range(&mut self, path: String, value: f32, low: f32, high: f32) {
        if !value.is_finite() {
            self.error(path, NOT_FINITE);
        } else if !(low..=high).contains(&value) {
            self.error(
                path,
                format!("{value} is out of range: give {low} to {high}"),
            );
        }
    }

    fn positive(&mut self, path: String, value: f32) {
        if !value.is_finite() {
            self.error(path, NOT_FINITE);
        } else if value <= 0.0 {
            self.error(path, format!("{value} must be greater than 0"));
        }
    }
}

/// Checks one level on its own; `file_stem` is its file name without
/// `.level.ron`, which its id must match.
pub fn check_level(level: &Level, file_stem: &str) -> Vec<Finding> {
    level::check(level, file_stem)
}
