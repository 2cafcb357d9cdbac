//! Checks of what files say about each other: the levels and spawn points
//! that exits and the story name, dialogue ids and files, times outside
//! the night, and levels nothing leads to.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use super::arrival::spawn_problem;
use super::uses::{self, Use};
use super::{Finding, Findings, Located, Owner};
use crate::content::roots::DIALOGUE_SUFFIX;
use crate::content::schema::{
    ClockTime, Condition, Dialogue, Effect, Interaction, Level, Motion, Start, Story,
};
use crate::data::{Diagnostic, Severity, suggest};

/// The night's files as read, each with its [`Located`] to place the
/// problems found in it, for the checks between them.
#[derive(Default)]
pub struct NightFiles<'a> {
    /// The story, if it could be read.
    pub story: Option<(&'a Story, &'a Located)>,
    /// The levels that could be read.
    pub levels: Vec<(&'a Level, &'a Located)>,
    /// The dialogues that could be read.
    pub dialogues: Vec<(&'a Dialogue, &'a Located)>,
    /// Ids of levels whose files exist but could not be read: they are not
    /// reported as unknown.
    pub unreadable_levels: Vec<String>,
    /// Ids of dialogues whose files exist but could not be read.
    pub unreadable_dialogues: Vec<String>,
}

/// Checks what files say about each other: levels and spawn points that
/// exits and the story name, exits into walls, dialogue ids and files,
/// levels nothing leads to, times outside the night, and what the night's
/// conditions and effects say of each other.
pub fn check_references(files: &NightFiles) -> Vec<Diagnostic> {
    let levels: Vec<&Level> = files.levels.iter().map(|(level, _)| *level).collect();
    let dialogues: Vec<&Dialogue> = files.dialogues.iter().map(|(d, _)| *d).collect();
    let night = Night {
        story: files.story.map(|(s, _)| s),
        levels: &levels,
        by_id: levels.iter().map(|l| (l.id.as_str(), *l)).collect(),
        dialogues: &dialogues,
        files,
    };
    night
        .findings()
        .into_iter()
        .filter_map(|(owner, finding)| {
            let located = match owner {
                Owner::Story => files.story.map(|(_, located)| located),
                Owner::Level(id) => files
                    .levels
                    .iter()
                    .find(|(l, _)| l.id == id)
                    .map(|(_, at)| *at),
                Owner::Dialogue(id) => files
                    .dialogues
                    .iter()
                    .find(|(d, _)| d.id == id)
                    .map(|(_, at)| *at),
            };
            located.map(|located| located.diagnostic(finding))
        })
        .collect()
}

/// The files of the night, to look things up across them.
struct Night<'a> {
    story: Option<&'a Story>,
    levels: &'a [&'a Level],
    by_id: HashMap<&'a str, &'a Level>,
    dialogues: &'a [&'a Dialogue],
    files: &'a NightFiles<'a>,
}

impl<'a> Night<'a> {
    fn findings(&self) -> Vec<(Owner, Finding)> {
        let mut out = Vec::new();
        for level in self.levels {
            let mut f = Findings::default();
            self.exits(&mut f, level);
            if let Some(story) = self.story {
                dialogues(&mut f, story, level);
                times(&mut f, story, level);
            }
            self.reached(&mut f, level);
            out.extend(f.0.into_iter().map(|f| (Owner::Level(level.id.clone()), f)));
        }
        if let Some(story) = self.story {
            let mut f = Findings::default();
            for (i, chapter) in story.chapters.iter().enumerate() {
                let path = format!("chapters[{i}]");
                self.arrival(&mut f, &path, &chapter.level, &chapter.spawn, "spawn");
            }
            self.dialogue_files(&mut f, story);
            out.extend(f.0.into_iter().map(|f| (Owner::Story, f)));
            out.extend(self.started(story));
            let unreadable = (
                self.files.unreadable_levels.as_slice(),
                self.files.unreadable_dialogues.as_slice(),
            );
            let between =
                super::between::Between::new(story, self.levels, self.dialogues, unreadable);
            out.extend(between.findings());
        }
        out
    }

    /// Whether a level with this id exists, readable or not.
    fn known(&self, id: &str) -> bool {
        self.by_id.contains_key(id) || self.files.unreadable_levels.iter().any(|u| u == id)
    }

    /// Each dialogue the story lists has its file.
    fn dialogue_files(&self, f: &mut Findings, story: &Story) {
        for (i, id) in story.dialogues.iter().enumerate() {
            let read = self.dialogues.iter().any(|d| d.id == *id);
            let unreadable = self.files.unreadable_dialogues.contains(id);
            if !read && !unreadable {
                let message =
                    format!("there is no dialogue/{id}{DIALOGUE_SUFFIX} for the dialogue `{id}`");
                f.error(format!("dialogues[{i}]"), message);
            }
        }
    }

    /// Warns of dialogue files nothing starts: no person, interactable or
    /// effect names them, or the story does not list them.
    fn started(&self, story: &Story) -> Vec<(Owner, Finding)> {
        // What an unreadable level starts cannot be known.
        if !self.files.unreadable_levels.is_empty() {
            return Vec::new();
        }
        let mut named: Vec<&str> = Vec::new();
        for level in self.levels {
            named.extend(level.npcs.iter().filter_map(|n| n.dialogue.as_deref()));
            named.extend(level.interactables.iter().filter_map(|t| match &t.action {
                Interaction::Dialogue(id) => Some(id.as_str()),
                Interaction::Inspect(_) => None,
            }));
            named.extend(super::uses::in_level(level).into_iter().filter_map(
                |(_, used)| match used {
                    Use::Effect(Effect::Dialogue(id)) => Some(id.as_str()),
                    _ => None,
                },
            ));
        }
        let mut out = Vec::new();
        for (dialogue, located) in &self.files.dialogues {
            let id = dialogue.id.as_str();
            // A file whose id is not its name has that error already.
            let named_for_it = located
                .file
                .file_name()
                .is_some_and(|name| name.to_string_lossy() == format!("{id}{DIALOGUE_SUFFIX}"));
            if !named_for_it {
                continue;
            }
            // A level naming a dialogue story.ron does not list is an error
            // of that level already.
            if named.contains(&id) {
                continue;
            }
            let listed = story.dialogues.iter().any(|d| d == id);
            let message = format!(
                "nothing starts the dialogue `{id}`: give a person `dialogue: \"{id}\"`, \
                 an interactable `action: Dialogue(\"{id}\")` or use a `Dialogue(\"{id}\")` effect{}",
                if listed {
                    ""
                } else {
                    ", and list it in story.ron's `dialogues`"
                }
            );
            let finding = Finding {
                severity: Severity::Warning,
                path: "id".into(),
                message,
            };
            out.push((Owner::Dialogue(id.to_owned()), finding));
        }
        out
    }

    /// Reports `id` at `path` unless it names a level, suggesting the
    /// nearest id; returns whether it is known.
    fn level_known(&self, f: &mut Findings, path: String, id: &str) -> bool {
        if self.known(id) {
            return true;
        }
        let mut ids: Vec<&str> = self.by_id.keys().copied().collect();
        ids.extend(self.files.unreadable_levels.iter().map(String::as_str));
        ids.sort_unstable();
        let hint = suggest::hint(id, &ids, "levels");
        f.error(path, format!("unknown level `{id}`{hint}"));
        false
    }

    fn exits(&self, f: &mut Findings, level: &Level) {
        for (i, exit) in level.exits.iter().enumerate() {
            let path = format!("exits[{i}]");
            self.arrival(f, &path, &exit.to_level, &exit.to_spawn, "to_spawn");
        }
    }

    /// Checks that `level` exists and, if readable, has a spawn point
    /// `spawn` clear of walls; `path` is where the arrival is written.
    fn arrival(&self, f: &mut Findings, path: &str, level: &str, spawn: &str, spawn_field: &str) {
        let level_field = if spawn_field == "spawn" {
            "level"
        } else {
            "to_level"
        };
        if !self.level_known(f, format!("{path}.{level_field}"), level) {
            return;
        }
        let Some(target) = self.by_id.get(level) else {
            return;
        };
        if let Some(message) = spawn_problem(target, spawn) {
            f.error(format!("{path}.{spawn_field}"), message);
        }
    }

    /// Warns of a level that nothing leads to: no chapter begins in it, no
    /// exit of another level leads there and no `GoTo` effect (of a
    /// level, a dialogue or the story) takes Lev there.
    fn reached(&self, f: &mut Findings, level: &Level) {
        let Some(story) = self.story else {
            return;
        };
        let id = level.id.as_str();
        let named = story.chapters.iter().any(|c| c.level == id);
        let entered = self
            .levels
            .iter()
            .filter(|other| other.id != id)
            .any(|other| other.exits.iter().any(|e| e.to_level == id));
        if !(named || entered || self.gone_to(id)) {
            let message = format!(
                "nothing leads to the level `{id}`: give another level an exit to it, \
                 begin a chapter of story.ron in it, or take Lev there with a GoTo effect"
            );
            f.warning("id", message);
        }
    }

    /// Whether a `GoTo` effect anywhere in the night leads to the level `id`.
    fn gone_to(&self, id: &str) -> bool {
        let goes = |(_, used): (String, Use<'_>)| matches!(used, Use::Effect(Effect::GoTo(to, _)) if to == id);
        self.story
            .is_some_and(|story| uses::in_story(story).into_iter().any(goes))
            || self
                .levels
                .iter()
                .any(|l| uses::in_level(l).into_iter().any(goes))
            || self
                .dialogues
                .iter()
                .any(|d| uses::in_dialogue(d).into_iter().any(goes))
    }
}

/// Dialogue ids that levels name must be listed in the story.
fn dialogues(f: &mut Findings, story: &Story, level: &Level) {
    let known: HashSet<&str> = story.dialogues.iter().map(String::as_str).collect();
    let listed: Vec<&str> = story.dialogues.iter().map(String::as_str).collect();
    let mut dialogue = |path: String, id: &str| {
        if !known.contains(id) {
            let message = match suggest::nearest(id, listed.iter().copied()) {
                Some(near) => format!("unknown dialogue `{id}`: did you mean `{near}`?"),
                None => format!(
                    "unknown dialogue `{id}`: story.ron lists no such dialogue{}",
                    suggest::hint(id, &listed, "it lists")
                ),
            };
            f.error(path, message);
        }
    };
    for (i, thing) in level.interactables.iter().enumerate() {
        if let Interaction::Dialogue(id) = &thing.action {
            dialogue(format!("interactables[{i}].action[0]"), id);
        }
    }
    for (i, npc) in level.npcs.iter().enumerate() {
        if let Some(id) = &npc.dialogue {
            dialogue(format!("npcs[{i}].dialogue"), id);
        }
    }
}

/// Times in conditions and subjects' moments should fall within the night:
/// the clock never shows the others.
fn times(f: &mut Findings, story: &Story, level: &Level) {
    // With dawn before the start (an error of the story), every time would
    // be outside the night: say nothing of them.
    let night = story.clock.start..=story.clock.dawn;
    if night.is_empty() {
        return;
    }
    let mut outside = |path: String, time: ClockTime| {
        if !night.contains(&time) {
            let (start, dawn) = (night.start(), night.end());
            f.warning(
                path,
                format!("{time} is outside the night ({start} to {dawn})"),
            );
        }
    };
    for (path, used) in super::uses::in_level(level) {
        match used {
            Use::Condition(Condition::Before(time) | Condition::After(time)) => {
                outside(format!("{path}[0]"), *time);
            }
            Use::Condition(Condition::Between(from, to)) => {
                outside(format!("{path}[0]"), *from);
                outside(format!("{path}[1]"), *to);
            }
            _ => {}
        }
    }
    for (i, subject) in level.subjects.iter().enumerate() {
        for (j, moment) in subject.moments.iter().enumerate() {
            let path = format!("subjects[{i}].moments[{j}]");
            outside(format!("{path}.from"), moment.from);
            outside(format!("{path}.to"), moment.to);
        }
    }
    for (i, motion) in level.motions.iter().enumerate() {
        if let Start::Clock(from) = motion.start {
            never_seen(f, &night, format!("motions[{i}].start[0]"), from, motion);
        }
    }
}

/// A warning when a motion on the clock from `from` never moves within
/// the night: it is over before the night begins, or due after dawn.
fn never_seen(
    f: &mut Findings,
    night: &RangeInclusive<ClockTime>,
    path: String,
    from: ClockTime,
    motion: &Motion,
) {
    let begins = from.minutes_into_night() as f32;
    let ends = match motion.every {
        Some(_) => f32::INFINITY,
        None => begins + motion.length() / 60.0,
    };
    let (start, dawn) = (*night.start(), *night.end());
    if begins > dawn.minutes_into_night() as f32 || ends < start.minutes_into_night() as f32 {
        let until = ClockTime::from_minutes(f64::from(ends.min(24.0 * 60.0)));
        let when = if until == from {
            format!("at {from}")
        } else {
            format!("from {from} to {until}")
        };
        let message = format!(
            "it moves {when}, never in the night ({start} to {dawn}): start it on a time the night's clock reaches"
        );
        f.warning(path, message);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const STORY: &str = r#"Story(
        film_roll: 24,
        clock: (start: "23:00", dawn: "05:30", minutes_per_second: 0.5),
        chapters: [(id: "one", title: "One", level: "street", spawn: "start", ends: Some(Flag("up")))],
        endings: [(id: "dawn", title: "Dawn", summary: "It ends.")],
    )"#;

    /// A street whose hatch takes Lev to the roof's spawn point `to`.
    fn street(to: &str) -> String {
        format!(
            r#"Level(id: "street", name: "The street", bounds: (x: 0, y: 0, w: 320, h: 180),
            floors: [(x: 8, y: 16, width: 304)], spawns: [(id: "start", at: (40, 16))],
            interactables: [(id: "hatch", area: (x: 30, y: 16, w: 20, h: 20), prompt: "Climb",
                action: Inspect("Up."), effects: [GoTo("roof", "{to}"), SetFlag("up")])])"#
        )
    }

    /// A roof that no exit and no chapter leads to, with a spawn point in
    /// its wall.
    const ROOF: &str = r#"Level(id: "roof", name: "The roof", bounds: (x: 0, y: 0, w: 320, h: 180),
        floors: [(x: 8, y: 16, width: 304)], walls: [(x: 0, y: 0, w: 8, h: 180)],
        spawns: [(id: "hatch", at: (40, 16)), (id: "vent", at: (4, 16))])"#;

    /// What the references say of the story, the street leading to `to` and the roof.
    fn problems(to: &str) -> Vec<String> {
        let (street_text, story_text) = (street(to), STORY);
        let story: Story = ron::from_str(story_text).expect("the test's story reads");
        let street: Level = ron::from_str(&street_text).expect("the test's street reads");
        let roof: Level = ron::from_str(ROOF).expect("the test's roof reads");
        let at = |name: &str, text: &str| Located::new(Path::new(name), text);
        let (story_at, street_at, roof_at) = (
            at("story.ron", story_text),
            at("street.level.ron", &street_text),
            at("roof.level.ron", ROOF),
        );
        let files = NightFiles {
            story: Some((&story, &story_at)),
            levels: vec![(&street, &street_at), (&roof, &roof_at)],
            ..Default::default()
        };
        check_references(&files)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_level_only_a_go_to_leads_to_is_reached() {
        let problems = problems("hatch");
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_go_to_into_a_wall_is_an_error_as_an_exit_into_one_is() {
        let problems = problems("vent");
        assert_eq!(problems.len(), 1, "{}", problems.join("\n"));
        assert!(
            problems[0].starts_with("street.level.ron:")
                && problems[0].ends_with(
                    "error: leads into a wall: spawn point `vent` of `roof` is inside one"
                ),
            "{}",
            problems[0]
        );
    }
}
