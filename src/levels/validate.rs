//! Checks of what level and story files mean, beyond their syntax: ids that
//! name nothing, things outside the level, exits into walls, numbers out of
//! range. Plain Rust over the parsed data; each problem carries the path of
//! the offending value, which [`Located`] turns into `file:line:column`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::schema::{Area, Condition, Interaction, Level, Paint, Point, ShotTarget, Story};
use super::sprites;
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

/// What is said of a number too large to use (RON reads `1e39` as infinity).
const NOT_FINITE: &str = "the number is too large to use";

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

/// Checks of one level that need no other file.
struct LevelCheck<'a> {
    level: &'a Level,
    findings: Findings,
}

impl LevelCheck<'_> {
    fn point(&mut self, path: String, (x, y): Point) {
        if !(x.is_finite() && y.is_finite()) {
            self.findings.error(path, NOT_FINITE);
        } else if !self.level.bounds.contains((x, y)) {
            self.findings
                .error(path, format!("({x}, {y}) is outside the level's bounds"));
        }
    }

    fn area(&mut self, path: String, area: &Area) {
        let numbers = [area.x, area.y, area.w, area.h];
        if !numbers.iter().all(|n| n.is_finite()) {
            self.findings.error(path, NOT_FINITE);
        } else if area.w <= 0.0 || area.h <= 0.0 {
            self.findings
                .error(path, "width and height must be greater than 0");
        } else if !self.level.bounds.encloses(area) {
            self.findings
                .error(path, "the area reaches outside the level's bounds");
        }
    }

    fn sprite(&mut self, path: String, name: &str) {
        if sprites::find(name).is_none() {
            self.findings.error(
                path,
                format!("unknown sprite `{name}` (see levels/README.md)"),
            );
        }
    }

    fn run(mut self, file_stem: &str) -> Vec<Finding> {
        let level = self.level;
        let f = &mut self.findings;
        if level.id != file_stem {
            f.error(
                "id",
                format!(
                    "the id `{}` must match the file name `{file_stem}`",
                    level.id
                ),
            );
        }
        let b = level.bounds;
        if ![b.x, b.y, b.w, b.h].iter().all(|n| n.is_finite()) || b.w <= 0.0 || b.h <= 0.0 {
            f.error(
                "bounds",
                "bounds need finite numbers and a width and height above 0",
            );
            return self.findings.0;
        }
        // Spawning and drawing grow with the level's size: refuse sizes that
        // would stall the game rather than play.
        if b.w > MAX_LEVEL_SIZE.x || b.h > MAX_LEVEL_SIZE.y {
            let (w, h) = (MAX_LEVEL_SIZE.x, MAX_LEVEL_SIZE.y);
            f.error(
                "bounds",
                format!("the level is too large: at most {w} wide and {h} high"),
            );
            return self.findings.0;
        }
        if !(1..=4).contains(&level.pixel_scale) {
            f.error(
                "pixel_scale",
                format!("pixel_scale {} must be 1 to 4", level.pixel_scale),
            );
        }
        for (i, layer) in level.background.iter().enumerate() {
            let path = format!("background[{i}]");
            f.in_range(format!("{path}.parallax"), layer.parallax, 0.0, 1.0);
            match &layer.paint {
                Paint::Skyline { min, max, lit, .. } => {
                    f.in_range(format!("{path}.paint.lit"), *lit, 0.0, 1.0);
                    let top = b.h.min(MAX_SKYLINE);
                    f.in_range(format!("{path}.paint.min"), *min, 0.0, top);
                    f.in_range(format!("{path}.paint.max"), *max, *min, top.max(*min));
                }
                Paint::Image(file) => {
                    if let Err(problem) = super::files::check_relative_path(file) {
                        f.error(format!("{path}.paint[0]"), problem);
                    }
                }
                Paint::Gradient(..) => {}
            }
        }
        if level.floors.is_empty() {
            f.warning(
                "floors",
                "the level has no floors: Lev has nothing to stand on",
            );
        }
        for (i, floor) in level.floors.iter().enumerate() {
            self.findings
                .positive(format!("floors[{i}].width"), floor.width);
            self.point(format!("floors[{i}]"), (floor.x, floor.y));
            self.point(
                format!("floors[{i}].width"),
                (floor.x + floor.width, floor.y),
            );
        }
        for (i, wall) in level.walls.iter().enumerate() {
            self.area(format!("walls[{i}]"), wall);
        }
        for (i, stairs) in level.stairs.iter().enumerate() {
            self.point(format!("stairs[{i}].bottom"), stairs.bottom);
            self.point(format!("stairs[{i}].top"), stairs.top);
            if stairs.top.1 <= stairs.bottom.1 {
                self.findings.error(
                    format!("stairs[{i}].top"),
                    "the top must be above the bottom",
                );
            }
        }
        for (i, ladder) in level.ladders.iter().enumerate() {
            self.point(format!("ladders[{i}].bottom"), (ladder.x, ladder.bottom));
            self.point(format!("ladders[{i}].top"), (ladder.x, ladder.top));
            if ladder.top <= ladder.bottom {
                self.findings.error(
                    format!("ladders[{i}].top"),
                    "the top must be above the bottom",
                );
            }
        }
        self.findings
            .unique("exits", level.exits.iter().map(|e| e.id.as_str()));
        for (i, exit) in level.exits.iter().enumerate() {
            self.area(format!("exits[{i}].area"), &exit.area);
        }
        for (i, prop) in level.props.iter().enumerate() {
            self.sprite(format!("props[{i}].sprite"), &prop.sprite);
            self.point(format!("props[{i}].at"), prop.at);
            if !prop.depth.is_finite() {
                self.findings.error(format!("props[{i}].depth"), NOT_FINITE);
            }
        }
        for (i, light) in level.lights.iter().enumerate() {
            let path = format!("lights[{i}]");
            self.point(format!("{path}.at"), light.at);
            let f = &mut self.findings;
            f.positive(format!("{path}.radius"), light.radius);
            f.in_range(format!("{path}.intensity"), light.intensity, 0.0, 4.0);
            if let Some(flicker) = light.flicker {
                f.positive(format!("{path}.flicker.every"), flicker.every);
                f.in_range(format!("{path}.flicker.depth"), flicker.depth, 0.0, 1.0);
            }
        }
        self.findings
            .unique("subjects", level.subjects.iter().map(|s| s.id.as_str()));
        for (i, subject) in level.subjects.iter().enumerate() {
            self.area(format!("subjects[{i}].area"), &subject.area);
            if subject.name.trim().is_empty() {
                self.findings
                    .error(format!("subjects[{i}].name"), "the name is empty");
            }
        }
        let ids = level.interactables.iter().map(|x| x.id.as_str());
        self.findings.unique("interactables", ids);
        for (i, thing) in level.interactables.iter().enumerate() {
            self.area(format!("interactables[{i}].area"), &thing.area);
            if thing.prompt.trim().is_empty() {
                self.findings
                    .error(format!("interactables[{i}].prompt"), "the prompt is empty");
            }
            if let Interaction::Inspect(text) = &thing.action
                && text.trim().is_empty()
            {
                let path = format!("interactables[{i}].action[0]");
                self.findings.error(path, "the inspect text is empty");
            }
        }
        self.findings
            .unique("triggers", level.triggers.iter().map(|t| t.id.as_str()));
        for (i, trigger) in level.triggers.iter().enumerate() {
            match &trigger.when {
                Condition::Area(area) => self.area(format!("triggers[{i}].when[0]"), area),
                Condition::Flag(flag) if flag.trim().is_empty() => {
                    self.findings
                        .error(format!("triggers[{i}].when[0]"), "the flag is empty");
                }
                _ => {}
            }
            if trigger.event.trim().is_empty() {
                self.findings
                    .error(format!("triggers[{i}].event"), "the event is empty");
            }
        }
        self.findings
            .unique("npcs", level.npcs.iter().map(|n| n.id.as_str()));
        for (i, npc) in level.npcs.iter().enumerate() {
            self.sprite(format!("npcs[{i}].sprite"), &npc.sprite);
            self.point(format!("npcs[{i}].at"), npc.at);
        }
        if level.spawns.is_empty() {
            self.findings
                .error("spawns", "the level needs at least one spawn point");
        }
        self.findings
            .unique("spawns", level.spawns.iter().map(|s| s.id.as_str()));
        for (i, spawn) in level.spawns.iter().enumerate() {
            self.point(format!("spawns[{i}].at"), spawn.at);
            if level.walls.iter().any(|wall| wall.contains(spawn.at)) {
                self.findings.error(
                    format!("spawns[{i}].at"),
                    "the spawn point is inside a wall",
                );
            } else if !stands_on_something(level, spawn.at) {
                let message = "the spawn point is not on a floor: Lev will fall";
                self.findings.warning(format!("spawns[{i}].at"), message);
            }
        }
        self.findings
            .unique("shot_list", level.shot_list.iter().map(|g| g.id.as_str()));
        for (i, goal) in level.shot_list.iter().enumerate() {
            let path = format!("shot_list[{i}]");
            if goal.min_score > 100 {
                let message = format!("min_score {} must be 0 to 100", goal.min_score);
                self.findings.error(format!("{path}.min_score"), message);
            }
            match &goal.target {
                ShotTarget::Subject(id) if !level.subjects.iter().any(|s| &s.id == id) => {
                    let message = format!("no subject `{id}` in this level");
                    self.findings.error(format!("{path}.target[0]"), message);
                }
                ShotTarget::Tag(tag) if !level.subjects.iter().any(|s| s.tags.contains(tag)) => {
                    let message = format!("no subject in this level has the tag `{tag}`");
                    self.findings.error(format!("{path}.target[0]"), message);
                }
                _ => {}
            }
        }
        self.findings.0
    }
}

/// Whether `at` is on a floor or a flight of stairs (within half a pixel).
fn stands_on_something(level: &Level, (x, y): Point) -> bool {
    let on_floor = level
        .floors
        .iter()
        .any(|f| (y - f.y).abs() <= 0.5 && x >= f.x && x <= f.x + f.width);
    let on_stairs = level.stairs.iter().any(|s| {
        let (low, high) = if s.bottom.0 <= s.top.0 {
            (s.bottom, s.top)
        } else {
            (s.top, s.bottom)
        };
        x >= low.0 && x <= high.0 && {
            let t = if high.0 > low.0 {
                (x - low.0) / (high.0 - low.0)
            } else {
                0.0
            };
            (y - (low.1 + t * (high.1 - low.1))).abs() <= 0.5
        }
    });
    on_floor || on_stairs
}

/// Checks one level on its own; `file_stem` is its file name without
/// `.level.ron`, which its id must match.
pub fn check_level(level: &Level, file_stem: &str) -> Vec<Finding> {
    LevelCheck {
        level,
        findings: Findings::default(),
    }
    .run(file_stem)
}

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
    for (i, chapter) in story.chapters.iter().enumerate() {
        if chapter.levels.is_empty() {
            f.error(format!("chapters[{i}].levels"), "the chapter has no levels");
        }
    }
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
    f.0
}

/// Which file a cross-file finding belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Owner {
    /// The story file.
    Story,
    /// The level with this id.
    Level(String),
}

/// Checks what files say about each other: levels and spawn points that
/// exits and the story name, exits into walls, dialogue ids, levels no
/// chapter uses, times outside the night. Each file comes with its
/// [`Located`], to place the problems found in it. `unreadable` names levels
/// whose files exist but could not be read: they are not reported as unknown.
pub fn check_references(
    story: Option<(&Story, &Located)>,
    levels: &[(&Level, &Located)],
    unreadable: &[String],
) -> Vec<Diagnostic> {
    let plain: Vec<&Level> = levels.iter().map(|(level, _)| *level).collect();
    reference_findings(story.map(|(s, _)| s), &plain, unreadable)
        .into_iter()
        .filter_map(|(owner, finding)| {
            let located = match owner {
                Owner::Story => story.map(|(_, located)| located),
                Owner::Level(id) => levels.iter().find(|(l, _)| l.id == id).map(|(_, at)| *at),
            };
            located.map(|located| located.diagnostic(finding))
        })
        .collect()
}

fn reference_findings(
    story: Option<&Story>,
    levels: &[&Level],
    unreadable: &[String],
) -> Vec<(Owner, Finding)> {
    let by_id: HashMap<&str, &Level> = levels.iter().map(|l| (l.id.as_str(), *l)).collect();
    let known = |id: &str| by_id.contains_key(id) || unreadable.iter().any(|u| u == id);
    let mut out = Vec::new();
    let mut level_findings = |id: &str, findings: Findings| {
        out.extend(
            findings
                .0
                .into_iter()
                .map(|f| (Owner::Level(id.to_owned()), f)),
        );
    };
    for level in levels {
        let mut f = Findings::default();
        for (i, exit) in level.exits.iter().enumerate() {
            let path = format!("exits[{i}]");
            if known(&exit.to_level) {
                arrival(
                    &mut f,
                    &by_id,
                    &path,
                    &exit.to_level,
                    &exit.to_spawn,
                    "to_spawn",
                );
            } else {
                f.error(
                    format!("{path}.to_level"),
                    format!("unknown level `{}`", exit.to_level),
                );
            }
        }
        if let Some(story) = story {
            let known: HashSet<&str> = story.dialogues.iter().map(String::as_str).collect();
            let mut dialogue = |path: String, id: &str| {
                if !known.contains(id) {
                    let message =
                        format!("unknown dialogue `{id}`: story.ron lists no such dialogue");
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
            // With dawn before the start (an error of the story), every
            // time would be outside the night: say nothing of them.
            let night = story.clock.start..=story.clock.dawn;
            for (i, trigger) in level.triggers.iter().enumerate() {
                if let Condition::Time(time) = trigger.when
                    && !night.is_empty()
                    && !night.contains(&time)
                {
                    let message = format!(
                        "{time} is outside the night ({} to {})",
                        night.start(),
                        night.end()
                    );
                    f.warning(format!("triggers[{i}].when[0]"), message);
                }
            }
            if !story.chapters.iter().any(|c| c.levels.contains(&level.id)) {
                f.warning(
                    "id",
                    format!("no chapter in story.ron uses the level `{}`", level.id),
                );
            }
        }
        level_findings(&level.id, f);
    }
    if let Some(story) = story {
        let mut f = Findings::default();
        let start = &story.start;
        if known(&start.level) {
            arrival(&mut f, &by_id, "start", &start.level, &start.spawn, "spawn");
        } else {
            f.error("start.level", format!("unknown level `{}`", start.level));
        }
        for (i, chapter) in story.chapters.iter().enumerate() {
            for (j, id) in chapter.levels.iter().enumerate() {
                if !known(id) {
                    f.error(
                        format!("chapters[{i}].levels[{j}]"),
                        format!("unknown level `{id}`"),
                    );
                }
            }
        }
        out.extend(f.0.into_iter().map(|f| (Owner::Story, f)));
    }
    out
}

/// Checks that `level`, if readable, has a spawn point `spawn` clear of walls.
fn arrival(
    f: &mut Findings,
    levels: &HashMap<&str, &Level>,
    path: &str,
    level: &str,
    spawn: &str,
    spawn_field: &str,
) {
    let Some(target) = levels.get(level) else {
        return;
    };
    let Some(point) = target.spawns.iter().find(|s| s.id == spawn) else {
        let message = format!("level `{level}` has no spawn point `{spawn}`");
        f.error(format!("{path}.{spawn_field}"), message);
        return;
    };
    if target.walls.iter().any(|wall| wall.contains(point.at)) {
        let message =
            format!("leads into a wall: spawn point `{spawn}` of `{level}` is inside one");
        f.error(format!("{path}.{spawn_field}"), message);
    }
}
