//! The night as a whole, read from `story.ron`.

use serde::{Deserialize, Serialize};

use super::{ClockTime, Condition};

/// The night as a whole, read from `story.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Frames on the film roll.
    pub film_roll: u32,
    /// How the night's clock runs.
    pub clock: ClockSettings,
    /// The chapters, in order: a new game begins in the first.
    pub chapters: Vec<Chapter>,
    /// Ids of the night's dialogues; each lives in `dialogue/<id>.dialogue.ron`.
    #[serde(default)]
    pub dialogues: Vec<String>,
    /// The possible endings.
    pub endings: Vec<Ending>,
}

/// A level and a spawn point in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrival {
    /// Level id.
    pub level: String,
    /// Spawn point id in that level.
    pub spawn: String,
}

/// How the night's clock runs. It runs only while Lev is free to act (not
/// in menus, text, dialogue, the album or a fade).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockSettings {
    /// The time a new game begins, unless the first chapter says another.
    pub start: ClockTime,
    /// Dawn: the clock stops here.
    pub dawn: ClockTime,
    /// In-game minutes that pass per second of play.
    pub minutes_per_second: f32,
    /// How fast the clock runs while the camera is raised, as a share of
    /// its pace (0 stops it, 1 runs it at full pace).
    #[serde(default = "half")]
    pub viewfinder: f32,
}

fn half() -> f32 {
    0.5
}

/// One chapter of the night: where it begins, its clock, and what ends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Unique id.
    pub id: String,
    /// Title shown on the chapter card.
    pub title: String,
    /// The level the chapter begins in.
    pub level: String,
    /// The spawn point in it where Lev begins the chapter, unless he is
    /// already in the level (he walked in through an exit).
    pub spawn: String,
    /// The clock when the chapter begins; a clock already later is kept.
    #[serde(default)]
    pub clock: Option<ClockTime>,
    /// The clock stops at this time until the chapter ends.
    #[serde(default)]
    pub hold: Option<ClockTime>,
    /// What ends the chapter; an `EndChapter` effect also does.
    #[serde(default)]
    pub ends: Option<ChapterEnd>,
}

/// What ends a chapter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ChapterEnd {
    /// This story event fires.
    Event(String),
    /// This story flag is set.
    Flag(String),
    /// Lev arrives in this level through an exit.
    Exit(String),
}

/// One of the endings. The night ends in the first whose condition holds;
/// the last should have none, so that one always does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Unique id.
    pub id: String,
    /// Title shown at the end.
    pub title: String,
    /// What happens, in a sentence or two.
    pub summary: String,
    /// When this ending is the one; none: always.
    #[serde(default)]
    pub when: Option<Condition>,
    /// How every photograph of the night changes at this ending.
    #[serde(default)]
    pub album: AlbumChange,
}

/// How the night's photographs change at its ending: each comes to hold a
/// piece of Lev. The originals stay as they were, beside the changed ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlbumChange {
    /// Lev's dark figure stands in every frame, on its right third.
    #[default]
    Figure,
    /// Lev's reflection, faint as in glass, over the middle of every frame.
    Reflection,
    /// Lev's long shadow stands at the left edge of every frame.
    Shadow,
    /// Dawn's pink and gold over every frame, and Lev small in its corner.
    Dawn,
}
