//! Checks of the story file that need no other file.

use std::collections::HashSet;

use super::{Finding, Findings};
use crate::content::schema::Story;

/// Checks the story file on its own.
pub fn check_story(story: &Story) -> Vec<Finding> {
    let mut f = Findings::default();
    if !(1..=72).contains(&story.film_roll) {
        f.error(
            "film_roll",
            format!("a roll of {} frames: give 1 to 72", story.film_roll),
        );
    }
    f.positive(
        "clock.minutes_per_second".into(),
        story.clock.minutes_per_second,
    );
    if story.clock.dawn <= story.clock.start {
        f.error("clock.dawn", "dawn must come after the start of the night");
    }
    if story.chapters.is_empty() {
        f.error("chapters", "the story needs at least one chapter");
    }
    f.unique("chapters", story.chapters.iter().map(|c| c.id.as_str()));
    chapter_clocks(&mut f, story);
    let mut seen = HashSet::new();
    for (i, id) in story.dialogues.iter().enumerate() {
        if !seen.insert(id) {
            f.error(
                format!("dialogues[{i}]"),
                format!("dialogue `{id}` is listed twice"),
            );
        }
    }
    match story.endings.len() {
        0 => f.error("endings", "the story needs at least one ending"),
        1 | 2 => f.warning(
            "endings",
            "fewer than three endings: the design asks for three",
        ),
        _ => {}
    }
    f.unique("endings", story.endings.iter().map(|e| e.id.as_str()));
    if let Some(last) = story.endings.len().checked_sub(1)
        && story.endings[last].when.is_some()
    {
        let message = "the last ending has a condition: when none holds, the night ends in none";
        f.warning(format!("endings[{last}].when"), message);
    }
    f.0
}

/// Each chapter's clock and hold fall within the night, the hold not
/// before the clock.
fn chapter_clocks(f: &mut Findings, story: &Story) {
    let night = story.clock.start..=story.clock.dawn;
    if night.is_empty() {
        return;
    }
    for (i, chapter) in story.chapters.iter().enumerate() {
        for (field, time) in [("clock", chapter.clock), ("hold", chapter.hold)] {
            if let Some(time) = time.filter(|t| !night.contains(t)) {
                let (start, dawn) = (night.start(), night.end());
                let message = format!("{time} is outside the night ({start} to {dawn})");
                f.error(format!("chapters[{i}].{field}"), message);
            }
        }
        if let (Some(clock), Some(hold)) = (chapter.clock, chapter.hold)
            && hold < clock
        {
            let message =
                format!("the chapter holds the clock at {hold}, before it begins at {clock}");
            f.error(format!("chapters[{i}].hold"), message);
        }
    }
}
