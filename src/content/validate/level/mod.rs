//! Checks of one level file that need no other file, one small check per
//! kind of problem, run in turn by [`check`]: here its place (bounds,
//! floors, walls, exits, props, lights, rain, spawn points), in [`motion`]
//! what moves and how, in [`play`]
//! what it asks of the player and the story (subjects, interactables,
//! triggers, conditions and effects, the shot list).

mod motion;
mod play;

use super::{
    Finding, Findings, MAX_DROPS, MAX_LEVEL_SIZE, MAX_LIGHT_RADIUS, MAX_SKYLINE, NOT_FINITE,
};
use crate::content::schema::{Area, Level, Paint, Point};
use crate::content::sprites;
use crate::data::suggest;

/// The shortest repeat a trigger may have, in seconds of play.
const MIN_EVERY: f32 = 0.5;
/// The longest repeat a trigger may have, in seconds of play.
const MAX_EVERY: f32 = 600.0;

/// Checks one level on its own; `file_stem` is its file name without
/// `.level.ron`, which its id must match.
pub(super) fn check(level: &Level, file_stem: &str) -> Vec<Finding> {
    let mut check = LevelCheck {
        level,
        findings: Findings::default(),
    };
    check.id(file_stem);
    // Everything else is placed within the bounds: without good ones, stop.
    if check.bounds() {
        check.pixel_scale();
        check.background();
        check.floors();
        check.walls_stairs_and_ladders();
        check.exits();
        check.props_and_people();
        check.lights();
        check.motions();
        check.rain();
        check.subjects();
        check.interactables();
        check.triggers();
        check.conditions_and_effects();
        check.spawns();
        check.shot_list();
    }
    check.findings.0
}

/// Checks of one level that need no other file.
struct LevelCheck<'a> {
    level: &'a Level,
    findings: Findings,
}

impl LevelCheck<'_> {
    fn id(&mut self, file_stem: &str) {
        let id = &self.level.id;
        if id != file_stem {
            let message = format!("the id `{id}` must match the file name `{file_stem}`");
            self.findings.error("id", message);
        }
    }

    /// Whether the bounds are usable; spawning and drawing grow with the
    /// level's size, so sizes that would stall the game are refused.
    fn bounds(&mut self) -> bool {
        let b = self.level.bounds;
        if ![b.x, b.y, b.w, b.h].iter().all(|n| n.is_finite()) || b.w <= 0.0 || b.h <= 0.0 {
            let message = "bounds need finite numbers and a width and height above 0";
            self.findings.error("bounds", message);
            return false;
        }
        if b.w > MAX_LEVEL_SIZE.x || b.h > MAX_LEVEL_SIZE.y {
            let (w, h) = (MAX_LEVEL_SIZE.x, MAX_LEVEL_SIZE.y);
            let message = format!("the level is too large: at most {w} wide and {h} high");
            self.findings.error("bounds", message);
            return false;
        }
        true
    }

    fn pixel_scale(&mut self) {
        let scale = self.level.pixel_scale;
        if !(1..=4).contains(&scale) {
            let message = format!("pixel_scale {scale} must be 1 to 4");
            self.findings.error("pixel_scale", message);
        }
    }

    fn background(&mut self) {
        let top = self.level.bounds.h.min(MAX_SKYLINE);
        let f = &mut self.findings;
        for (i, layer) in self.level.background.iter().enumerate() {
            let path = format!("background[{i}]");
            f.in_range(format!("{path}.parallax"), layer.parallax, 0.0, 1.0);
            match &layer.paint {
                Paint::Skyline { min, max, lit, .. } => {
                    f.in_range(format!("{path}.paint.lit"), *lit, 0.0, 1.0);
                    f.in_range(format!("{path}.paint.min"), *min, 0.0, top);
                    f.in_range(format!("{path}.paint.max"), *max, *min, top.max(*min));
                }
                Paint::Image(file) => {
                    if let Err(problem) = crate::content::roots::check_relative_path(file) {
                        f.error(format!("{path}.paint[0]"), problem);
                    }
                }
                Paint::Art(name) => {
                    let path = format!("{path}.paint[0]");
                    known(f, path, "picture", name, sprites::BACKDROPS);
                }
                Paint::Gradient(..) => {}
            }
        }
        if let Some(tiles) = &self.level.tiles {
            known(f, "tiles".into(), "tile set", tiles, sprites::TILE_SETS);
        }
    }

    fn floors(&mut self) {
        if self.level.floors.is_empty() {
            let message = "the level has no floors: Lev has nothing to stand on";
            self.findings.warning("floors", message);
        }
        for (i, floor) in self.level.floors.iter().enumerate() {
            let path = format!("floors[{i}]");
            self.findings.positive(format!("{path}.width"), floor.width);
            self.point(path.clone(), (floor.x, floor.y));
            self.point(format!("{path}.width"), (floor.x + floor.width, floor.y));
        }
    }

    fn walls_stairs_and_ladders(&mut self) {
        let level = self.level;
        for (i, wall) in level.walls.iter().enumerate() {
            self.area(format!("walls[{i}]"), wall);
        }
        let above = "the top must be above the bottom";
        for (i, stairs) in level.stairs.iter().enumerate() {
            self.point(format!("stairs[{i}].bottom"), stairs.bottom);
            self.point(format!("stairs[{i}].top"), stairs.top);
            if stairs.top.1 <= stairs.bottom.1 {
                self.findings.error(format!("stairs[{i}].top"), above);
            }
        }
        for (i, ladder) in level.ladders.iter().enumerate() {
            self.point(format!("ladders[{i}].bottom"), (ladder.x, ladder.bottom));
            self.point(format!("ladders[{i}].top"), (ladder.x, ladder.top));
            if ladder.top <= ladder.bottom {
                self.findings.error(format!("ladders[{i}].top"), above);
            }
        }
    }

    fn exits(&mut self) {
        let exits = &self.level.exits;
        self.findings
            .unique("exits", exits.iter().map(|e| e.id.as_str()));
        for (i, exit) in exits.iter().enumerate() {
            self.area(format!("exits[{i}].area"), &exit.area);
            if exit
                .locked
                .as_ref()
                .is_some_and(|l| l.says.trim().is_empty())
            {
                let path = format!("exits[{i}].locked.says");
                self.findings
                    .error(path, "a locked exit needs a line saying why");
            }
        }
    }

    fn props_and_people(&mut self) {
        let level = self.level;
        for (i, prop) in level.props.iter().enumerate() {
            self.sprite(format!("props[{i}].sprite"), &prop.sprite);
            self.point(format!("props[{i}].at"), prop.at);
            if !prop.depth.is_finite() {
                self.findings.error(format!("props[{i}].depth"), NOT_FINITE);
            }
        }
        self.findings
            .unique("npcs", level.npcs.iter().map(|n| n.id.as_str()));
        for (i, npc) in level.npcs.iter().enumerate() {
            self.sprite(format!("npcs[{i}].sprite"), &npc.sprite);
            self.point(format!("npcs[{i}].at"), npc.at);
        }
    }

    fn lights(&mut self) {
        for (i, light) in self.level.lights.iter().enumerate() {
            let path = format!("lights[{i}]");
            self.point(format!("{path}.at"), light.at);
            let f = &mut self.findings;
            f.positive(format!("{path}.radius"), light.radius);
            if light.radius.is_finite() && light.radius > MAX_LIGHT_RADIUS {
                let message = format!("a light reaches at most {MAX_LIGHT_RADIUS} pixels");
                f.error(format!("{path}.radius"), message);
            }
            f.in_range(format!("{path}.intensity"), light.intensity, 0.0, 4.0);
            if let Some(flicker) = light.flicker {
                f.positive(format!("{path}.flicker.every"), flicker.every);
                f.in_range(format!("{path}.flicker.depth"), flicker.depth, 0.0, 1.0);
            }
        }
    }

    fn rain(&mut self) {
        if let Some(rain) = self.level.rain {
            let f = &mut self.findings;
            f.in_range(
                "rain.drops".into(),
                rain.drops as f32,
                1.0,
                MAX_DROPS as f32,
            );
            f.in_range("rain.wind".into(), rain.wind, -1.0, 1.0);
        }
    }

    fn spawns(&mut self) {
        let level = self.level;
        if level.spawns.is_empty() {
            let message = "the level needs at least one spawn point";
            self.findings.error("spawns", message);
        }
        self.findings
            .unique("spawns", level.spawns.iter().map(|s| s.id.as_str()));
        for (i, spawn) in level.spawns.iter().enumerate() {
            let path = format!("spawns[{i}].at");
            self.point(path.clone(), spawn.at);
            if level.walls.iter().any(|wall| wall.contains(spawn.at)) {
                self.findings
                    .error(path, "the spawn point is inside a wall");
            } else if !stands_on_something(level, spawn.at) {
                let message = "the spawn point is not on a floor: Lev will fall";
                self.findings.warning(path, message);
            }
        }
    }

    pub(super) fn point(&mut self, path: String, (x, y): Point) {
        if !(x.is_finite() && y.is_finite()) {
            self.findings.error(path, NOT_FINITE);
        } else if let Some(crossed) = crossed(self.level.bounds, (x, y), (x, y), "") {
            let bounds = shown_bounds(self.level.bounds);
            let message = format!("({x}, {y}) is outside the level's bounds ({bounds}): {crossed}");
            self.findings.error(path, message);
        }
    }

    pub(super) fn area(&mut self, path: String, area: &Area) {
        let numbers = [area.x, area.y, area.w, area.h];
        if !numbers.iter().all(|n| n.is_finite()) {
            self.findings.error(path, NOT_FINITE);
        } else if area.w <= 0.0 || area.h <= 0.0 {
            self.findings
                .error(path, "width and height must be greater than 0");
        } else if let Some(crossed) = crossed(
            self.level.bounds,
            (area.x, area.y),
            (area.x + area.w, area.y + area.h),
            "its ",
        ) {
            let bounds = shown_bounds(self.level.bounds);
            let message =
                format!("the area reaches outside the level's bounds ({bounds}): {crossed}");
            self.findings.error(path, message);
        }
    }

    pub(super) fn sprite(&mut self, path: String, name: &str) {
        if sprites::find(name).is_none() {
            let names: Vec<&str> = sprites::SPRITES.iter().map(|s| s.name).collect();
            let hint = match suggest::hint(name, &names, "sprites") {
                hint if hint.is_empty() => " (levels/README.md lists the sprite names)".into(),
                hint => hint,
            };
            self.findings
                .error(path, format!("unknown sprite `{name}`{hint}"));
        }
    }
}

/// An error unless `name` is one of `names` (the generated art's).
fn known(f: &mut Findings, path: String, what: &str, name: &str, names: &[&str]) {
    if !names.contains(&name) {
        let hint = suggest::hint(name, names, &format!("{what}s"));
        f.error(path, format!("unknown {what} `{name}`{hint}"));
    }
}

/// Whether `at` is on a floor or a flight of stairs (within half a pixel).
fn stands_on_something(level: &Level, (x, y): Point) -> bool {
    let on_stairs = level.stairs.iter().any(|s| {
        let (low, high) = if s.bottom.0 <= s.top.0 {
            (s.bottom, s.top)
        } else {
            (s.top, s.bottom)
        };
        let t = if high.0 > low.0 {
            (x - low.0) / (high.0 - low.0)
        } else {
            0.0
        };
        x >= low.0 && x <= high.0 && (y - (low.1 + t * (high.1 - low.1))).abs() <= 0.5
    });
    level.floor_at((x, y)).is_some() || on_stairs
}

/// `x 0 to 320, y 0 to 180`.
fn shown_bounds(b: Area) -> String {
    format!("x {} to {}, y {} to {}", b.x, b.x + b.w, b.y, b.y + b.h)
}

/// Which edges of `bounds` the box from `low` to `high` crosses, in words
/// (`x 400 is past the right edge`); `whose` prefixes each side of the box
/// (`its `), none for a point. `None` when it lies inside.
fn crossed(bounds: Area, low: Point, high: Point, whose: &str) -> Option<String> {
    let point = low == high;
    let side = |name: &str, axis: &str, value: f32| {
        if point {
            format!("{axis} {value}")
        } else {
            format!("{whose}{name} edge, {axis} {value},")
        }
    };
    let (right, top) = (bounds.x + bounds.w, bounds.y + bounds.h);
    let mut crossings = Vec::new();
    if low.0 < bounds.x {
        crossings.push(format!(
            "{} is past the left edge",
            side("left", "x", low.0)
        ));
    }
    if high.0 > right {
        crossings.push(format!(
            "{} is past the right edge",
            side("right", "x", high.0)
        ));
    }
    if low.1 < bounds.y {
        crossings.push(format!(
            "{} is below the bottom",
            side("bottom", "y", low.1)
        ));
    }
    if high.1 > top {
        crossings.push(format!("{} is above the top", side("top", "y", high.1)));
    }
    (!crossings.is_empty()).then(|| crossings.join(" and "))
}
