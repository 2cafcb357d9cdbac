//! The scripted-input format: a RON file of steps that press actions, wait,
//! and expect things of the game. See `playthroughs/README.md` for the
//! format's documentation and examples.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::schema::{ClockTime, Compare};
use crate::data::{Diagnostic, SpanIndex, parse_ron, read_text};
use crate::input::Action;
use crate::states::Screen;

/// The longest wait a script may ask for, in seconds of play: longer than
/// any night, short enough that a mistyped wait cannot hang a run.
pub const MAX_WAIT_SECONDS: f32 = 3600.0;
/// The most frames a script may wait in one step (an hour at 60 frames a
/// second).
const MAX_WAIT_FRAMES: u32 = 216_000;

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
    /// Pick the open menu's item, or the conversation's choice, with this
    /// text, as a player would: move the selection to it and confirm. A
    /// choice may be named by its id too.
    Select(String),
    /// In a conversation, press `Interact` as a reader does (once to finish
    /// typing a line, once to go on) until it shows choices or ends; fails
    /// when no conversation is open, or after 200 lines.
    ReadOn,
    /// Let frames pass until the expectation holds, failing after this
    /// many seconds.
    WaitUntil(Expectation, f32),
    /// With the camera raised, put the frame's centre at this point of the
    /// level (as the mouse would), as near as Lev can reach.
    Aim(f32, f32),
    /// With the camera raised, set the focal length in millimetres (one of
    /// 24, 35, 50, 70, 85).
    Zoom(u32),
    /// Set the shutter speed by hand, as a camera's dial writes it
    /// (`Shutter("1/60")`, `Shutter("4 s")`): the camera goes to manual.
    Shutter(String),
    /// Set the aperture by hand, an f-number on the ring (`Aperture(2.8)`):
    /// the camera goes to manual.
    Aperture(f32),
    /// Give the shutter and aperture back to the automatic mode.
    AutoExposure,
    /// Hold the focus at a stop of the ring (`Focus("2 m")`, `Focus("inf")`)
    /// or give it back to the autofocus (`Focus("auto")`).
    Focus(String),
    /// Load the film with this id for the rest of the night
    /// (`Film("tasma-64")`).
    Film(String),
    /// In a window, save what it shows as a PNG at this path (relative to
    /// the folder the game runs in), waiting until it is written.
    Screenshot(String),
    /// Fail the script unless this holds now.
    Expect(Expectation),
    /// Close the game's window as a player closing it would (headless,
    /// where there is none, quit the game): the script ends there.
    CloseWindow,
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
    /// No line printed so far contains this text.
    NotHappened(String),
    /// Exactly this many lines printed so far contain the text.
    HappenedTimes(String, u32),
    /// This story flag is set.
    Flag(String),
    /// This story flag is not set.
    NotFlag(String),
    /// The story variable compares so: `Var("fears", AtLeast(2))`.
    Var(String, Compare),
    /// The night is in the chapter with this id.
    Chapter(String),
    /// The night's clock has not reached this time.
    Before(ClockTime),
    /// The night's clock has reached this time.
    After(ClockTime),
    /// The night has come to this ending.
    Ending(String),
    /// The album holds this many photographs.
    Photos(u32),
    /// Some photograph shows this subject (`level/subject`) with at least
    /// this score.
    PhotoOf(String, u32),
    /// The last photograph does not show this subject (`level/subject`):
    /// it had gone, or something hid it.
    NotInLastPhoto(String),
    /// The subject `level/subject` has its centre at `(x, y)`, each within
    /// the fourth number, where its motion puts it now:
    /// `SubjectAt("streets/tram", 990, 78, 0.5)`.
    SubjectAt(String, f32, f32, f32),
    /// The last photograph was exposed this many stops from right
    /// (negative: dark), within the second number: `Exposed(-2, 0.5)`.
    Exposed(f32, f32),
    /// The subject `level/subject` came out sharp (`true`: smeared a
    /// virtual pixel or less) in the last photograph, or not (`false`).
    Sharp(String, bool),
    /// This many frames are left on the roll.
    FilmLeft(u32),
    /// The shot-list goal with this id (in any level) is done.
    GoalDone(String),
    /// A conversation is open (`true`) or none is (`false`).
    DialogueOpen(bool),
    /// The conversation shows the line `dialogue/line` now.
    Line(String),
    /// The conversation offers the choice `dialogue/choice` now, and it
    /// can be chosen.
    Choice(String),
}

impl Script {
    /// Parses a script from `text`; `file` names it in error messages.
    /// Waits that are not finite, negative or longer than
    /// [`MAX_WAIT_SECONDS`] are refused at their position.
    pub fn parse(file: &Path, text: &str) -> Result<Self, Diagnostic> {
        let script: Script = parse_ron(file, text)?;
        for (index, step) in script.steps.iter().enumerate() {
            if let Some(problem) = step.wait_problem() {
                let position = SpanIndex::build(text).find(&format!("steps[{index}]"));
                return Err(Diagnostic::error(file, position, problem));
            }
        }
        Ok(script)
    }

    /// Reads and parses the script at `path`.
    pub fn load(path: &Path) -> Result<Self, Diagnostic> {
        Self::parse(path, &read_text(path)?)
    }
}

impl Step {
    /// What is wrong with this step's wait, if it waits too long or not at all.
    fn wait_problem(&self) -> Option<String> {
        let seconds = match self {
            Step::WaitFrames(frames) if *frames > MAX_WAIT_FRAMES => {
                return Some(format!(
                    "a wait of {frames} frames is longer than any night: wait at most {MAX_WAIT_FRAMES}"
                ));
            }
            Step::WaitSeconds(seconds) | Step::WaitUntil(_, seconds) => *seconds,
            _ => return None,
        };
        (!(0.0..=MAX_WAIT_SECONDS).contains(&seconds)).then(|| {
            format!(
                "a wait of {seconds} seconds: give 0 to {MAX_WAIT_SECONDS} (longer than any night)"
            )
        })
    }
}
