//! The scripted-input format: a RON file of steps that press actions, wait,
//! and expect things of the game. See `playthroughs/README.md` for the
//! format's documentation and examples.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::data::{Diagnostic, parse_ron, read_ron};
use crate::input::Action;
use crate::screens::Screen;

/// A scripted playthrough: steps run in order, each after the last finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// What the script checks, for people reading it.
    #[serde(default)]
    pub description: String,
    /// The steps, run in order.
    pub steps: Vec<Step>,
}

/// One step of a script.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// Let this many frames pass.
    WaitFrames(u32),
    /// Let this much game time pass, rounded to whole frames.
    WaitSeconds(f32),
    /// Press and let go of an action: down for one frame, up for the next.
    Press(Action),
    /// Hold an action down until a `Release` of it.
    Hold(Action),
    /// Let go of a held action (takes effect on the next frame).
    Release(Action),
    /// Walk Lev left or right to this x, as a player would, until he stands
    /// within half a pixel of it; fails if something stops him.
    WalkTo(f32),
    /// Fail the script unless this holds now.
    Expect(Expectation),
}

/// Something a script can require of the game at a given moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expectation {
    /// The game is on this screen.
    Screen(Screen),
    /// The game is paused (`true`) or running (`false`) while playing.
    Paused(bool),
    /// Lev is in the level with this id, and it is built.
    Level(String),
    /// The game has been asked to quit.
    Exited,
    /// Some line printed so far contains this text, for example
    /// `"story: phone_rings"` or `"inspect: mirror"`.
    Happened(String),
    /// Lev's feet are at `(x, y)`, each within the third number.
    At(f32, f32, f32),
}

impl Script {
    /// Parses a script from `text`; `file` names it in error messages.
    pub fn parse(file: &Path, text: &str) -> Result<Self, Diagnostic> {
        parse_ron(file, text)
    }

    /// Reads and parses the script at `path`.
    pub fn load(path: &Path) -> Result<Self, Diagnostic> {
        read_ron(path)
    }
}
