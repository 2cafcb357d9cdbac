//! How long a first night takes a player, estimated from the shipped ending
//! playthroughs: each is played headless, and to its game time (walking at
//! Lev's pace, climbing, the phone's wait) is added what a player spends
//! where a script spends a frame: reading each line and text at a normal
//! pace, deciding at each choice, composing each photograph. The estimate
//! of a first night is the route of `first-night`, a curious player who
//! reads every text and hears every talk out; the quicker endings' routes
//! are the least a night can take. A last figure adds what the levels offer
//! beyond a route: texts not read, people not met, shots of the list not
//! taken.

use std::collections::BTreeSet;
use std::path::Path;

use crate::content::schema::{Interaction, Then};
use crate::content::{Roots, files};
use crate::settings::TextSpeed;
use crate::testing::script::Script;
use crate::testing::{Harness, HeadlessConfig};

/// Words a minute a player reads on screen.
const READING_WORDS_PER_MINUTE: f64 = 200.0;
/// Seconds to press on once a text is read.
const PRESS_SECONDS: f64 = 0.6;
/// Seconds a player weighs a choice.
const CHOOSING_SECONDS: f64 = 5.0;
/// Seconds to raise the camera, frame, zoom and shoot.
const COMPOSING_SECONDS: f64 = 12.0;
/// The shipped playthroughs that end a night; the first is a curious
/// player's first night, the estimate.
pub const ENDINGS: [&str; 5] = [
    "first-night",
    "whole-night",
    "ending-piece-of-himself",
    "ending-the-reflection",
    "ending-the-unspoken",
];

/// Seconds a player spends on `text`: typed out at the text speed or read
/// at [`READING_WORDS_PER_MINUTE`], whichever is slower, then a press.
fn reading_seconds(text: &str) -> f64 {
    let words = text.split_whitespace().count() as f64;
    let read = words * 60.0 / READING_WORDS_PER_MINUTE;
    let speed = TextSpeed::default()
        .letters_per_second()
        .unwrap_or(f32::INFINITY);
    let typed = text.chars().count() as f64 / f64::from(speed);
    read.max(typed) + PRESS_SECONDS
}

/// One playthrough's night, in seconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NightLength {
    /// The playthrough's name.
    pub name: String,
    /// Game time from New game to the ending.
    pub played: f64,
    /// Reading the lines and texts shown.
    pub reading: f64,
    /// Deciding at the choices.
    pub choosing: f64,
    /// Composing the photographs.
    pub composing: f64,
    /// What the levels offer that the route left: texts, talks, shots.
    pub the_rest: f64,
}

impl NightLength {
    /// The night along the playthrough's route.
    pub fn route(&self) -> f64 {
        self.played + self.reading + self.choosing + self.composing
    }
}

/// Plays each of [`ENDINGS`] (from `playthroughs/` beside the levels) and
/// estimates its night's length.
pub fn first_night(roots: &Roots) -> Result<Vec<NightLength>, String> {
    ENDINGS
        .iter()
        .map(|name| night_length(roots, name))
        .collect()
}

/// Plays the shipped playthrough `name` (from `playthroughs/` beside the
/// levels) headless and estimates its night's length.
pub fn night_length(roots: &Roots, name: &str) -> Result<NightLength, String> {
    let folder = roots
        .base
        .parent()
        .unwrap_or(Path::new("."))
        .join("playthroughs");
    let script =
        Script::load(&folder.join(format!("{name}.ron"))).map_err(|problem| problem.to_string())?;
    let mut harness = Harness::new(HeadlessConfig {
        roots: roots.clone(),
        ..Default::default()
    });
    harness
        .run(&script, |_| {})
        .map_err(|failure| format!("{name}: {failure}"))?;
    let texts: Vec<&str> = harness.trace().iter().map(|l| l.text.as_str()).collect();
    let mut length = along(&texts);
    length.name = name.to_owned();
    length.played = played(&harness);
    length.the_rest = the_rest(roots, &texts);
    Ok(length)
}

/// Game seconds from New game to the ending screen.
fn played(harness: &Harness) -> f64 {
    let at = |text: &str| {
        harness
            .trace()
            .iter()
            .find(|l| l.text == text)
            .map(|l| l.seconds)
    };
    match (
        at("screen: Title -> Playing"),
        at("screen: Playing -> Ending"),
    ) {
        (Some(start), Some(end)) => end - start,
        _ => 0.0,
    }
}

/// Reading, choosing and composing along a run's trace lines.
fn along(trace: &[&str]) -> NightLength {
    let mut length = NightLength::default();
    for text in trace {
        if let Some(line) = text.strip_prefix("line: ") {
            // `dialogue/line: Speaker: words`: what is read (the speaker's
            // name and the words) is after the id.
            let said = line.split_once(": ").map_or(line, |(_, said)| said);
            length.reading += reading_seconds(said);
        } else if let Some(inspected) = text.strip_prefix("inspect: ") {
            let said = inspected
                .split_once(": ")
                .map_or(inspected, |(_, said)| said);
            length.reading += reading_seconds(said);
        } else if text.starts_with("choices: ") {
            length.choosing += CHOOSING_SECONDS;
        } else if text.starts_with("photo: ") && text.contains(" scored ") {
            length.composing += COMPOSING_SECONDS;
        }
    }
    length
}

/// What the levels offer that a run's trace did not show: every text not
/// inspected, the first node of every conversation not had, and a shot of
/// every goal of the list not met.
fn the_rest(roots: &Roots, trace: &[&str]) -> f64 {
    let set = files::load_all(roots);
    let seen = |prefix: &str| -> BTreeSet<String> {
        trace
            .iter()
            .filter_map(|t| t.strip_prefix(prefix))
            .map(|t| t.split([':', ' ']).next().unwrap_or_default().to_owned())
            .collect()
    };
    let (inspected, talked, flags) = (seen("inspect: "), seen("dialogue: "), seen("flag: "));
    let mut seconds = 0.0;
    for level in &set.levels {
        for thing in &level.interactables {
            if let Interaction::Inspect(text) = &thing.action
                && !inspected.contains(&thing.id)
            {
                seconds += reading_seconds(text);
            }
        }
        let goals = level
            .shot_list
            .iter()
            .filter(|g| !flags.contains(&g.sets_flag));
        seconds += goals.count() as f64 * COMPOSING_SECONDS;
    }
    for dialogue in set.dialogues.iter().filter(|d| !talked.contains(&d.id)) {
        let Some(first) = dialogue.nodes.first() else {
            continue;
        };
        seconds += first
            .lines
            .iter()
            .map(|l| reading_seconds(&l.text))
            .sum::<f64>();
        if let Then::Choose(_) = first.then {
            seconds += CHOOSING_SECONDS;
        }
    }
    seconds
}

/// The lengths as a table, in minutes and seconds.
pub fn report(lengths: &[NightLength]) -> String {
    let clock = |seconds: f64| {
        let whole = seconds.round() as u64;
        format!("{}:{:02}", whole / 60, whole % 60)
    };
    let mut out = format!(
        "reading {READING_WORDS_PER_MINUTE} words a minute (or the typing, if slower) and \
         {PRESS_SECONDS} s to press on, {CHOOSING_SECONDS} s a choice, {COMPOSING_SECONDS} s a photograph\n\
         {:<24} {:>7} {:>8} {:>8} {:>7} {:>7} {:>9} {:>9}\n",
        "playthrough", "played", "reading", "choices", "photos", "route", "the rest", "thorough"
    );
    for l in lengths {
        out += &format!(
            "{:<24} {:>7} {:>8} {:>8} {:>7} {:>7} {:>9} {:>9}\n",
            l.name,
            clock(l.played),
            clock(l.reading),
            clock(l.choosing),
            clock(l.composing),
            clock(l.route()),
            clock(l.the_rest),
            clock(l.route() + l.the_rest)
        );
    }
    let quickest = lengths.iter().map(NightLength::route).reduce(f64::min);
    if let (Some(curious), Some(quickest)) = (lengths.first(), quickest) {
        out += &format!(
            "a first night, as {} plays it: {}; the quickest route to an ending: {}\n",
            curious.name,
            clock(curious.route()),
            clock(quickest)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_takes_the_slower_of_typing_and_reading_then_a_press() {
        // Ten words of 45 letters: typed in 1 s, read in 3 s.
        let ten = "one two three four five six seven eight nine ten";
        assert!((reading_seconds(ten) - (3.0 + PRESS_SECONDS)).abs() < 1e-9);
        let trace = [
            "line: stranger/who: Lev: Who are you?",
            "choices: stranger: a \"A.\" | b \"B.\"",
            "photo: 1 at 23:01 scored 58: warehouse/mirror 58",
            "photo: 1 frame (0, 4.7, 61, 40.7) at 85 mm",
            "inspect: note: Call Katya.",
        ];
        let length = along(&trace);
        // The speaker's name is read with the line.
        let said = reading_seconds("Lev: Who are you?") + reading_seconds("Call Katya.");
        assert!((length.reading - said).abs() < 1e-9);
        assert_eq!(length.choosing, CHOOSING_SECONDS);
        assert_eq!(
            length.composing, COMPOSING_SECONDS,
            "one photograph, two lines of it"
        );
    }
}
