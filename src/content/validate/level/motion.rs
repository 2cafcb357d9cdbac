//! Checks of a level's motions: keys that can be followed (in time order,
//! finite, a loop no shorter than its keys), what moves with each (a
//! motion the level has, each motion carrying something), and where the
//! keys take what they carry (within the level, or past an edge by no more
//! than the size of all it carries together, to come in from out of sight).

use super::{LevelCheck, shown_bounds};
use crate::content::schema::{Area, Key, Motion, Placement, Point};
use crate::content::sprites;
use crate::data::suggest;

/// Something that goes with a motion, as the checks see it: where it is
/// written, where the level puts its centre, and its size (a light's
/// reach; none for a sprite the game does not have, an error of its own).
struct Carried {
    path: String,
    centre: Point,
    reach: Option<f32>,
}

impl LevelCheck<'_> {
    /// Checks every motion and every `moves` that names one.
    pub(super) fn motions(&mut self) {
        let level = self.level;
        self.findings
            .unique("motions", level.motions.iter().map(|m| m.id.as_str()));
        for (i, motion) in level.motions.iter().enumerate() {
            self.keys(i, motion);
            if let Some(pivot) = motion.pivot {
                self.point(format!("motions[{i}].pivot"), pivot);
            }
        }
        let carried = self.carried();
        for (i, motion) in level.motions.iter().enumerate() {
            let mine: Vec<&Carried> = carried
                .iter()
                .filter(|(id, _)| id == &motion.id)
                .map(|(_, c)| c)
                .collect();
            if mine.is_empty() {
                let message = format!(
                    "nothing moves with `{}`: give a prop, light, subject or person `moves: \"{}\"`",
                    motion.id, motion.id
                );
                self.findings.warning(format!("motions[{i}].id"), message);
            }
            self.keys_within_level(i, motion, &mine);
        }
        let ids: Vec<&str> = level.motions.iter().map(|m| m.id.as_str()).collect();
        for (id, thing) in &carried {
            if level.motion(id).is_none() {
                let hint = match suggest::hint(id, &ids, "motions here") {
                    hint if hint.is_empty() => ": add it to the level's `motions`".into(),
                    hint => hint,
                };
                let message = format!("no motion `{id}` in this level{hint}");
                self.findings
                    .error(format!("{}.moves", thing.path), message);
            }
        }
    }

    /// The keys of motion `i` on their own: one at least, finite, in time
    /// order, and a loop no shorter than they are.
    fn keys(&mut self, i: usize, motion: &Motion) {
        let f = &mut self.findings;
        if motion.keys.is_empty() {
            let message = "a motion needs at least one key: `keys: [(t: 0, by: (0, 0))]`";
            f.error(format!("motions[{i}].keys"), message);
            return;
        }
        let mut before: Option<f32> = None;
        for (k, key) in motion.keys.iter().enumerate() {
            let path = format!("motions[{i}].keys[{k}]");
            let Key { t, by, turn, .. } = *key;
            if ![t, by.0, by.1, turn].iter().all(|n| n.is_finite()) {
                f.error(path, "a key needs finite numbers");
                continue;
            }
            if t < 0.0 {
                let message = format!("t {t} is before the motion starts: give 0 or more seconds");
                f.error(format!("{path}.t"), message);
            }
            if let Some(previous) = before.filter(|&p| t < p) {
                let message = format!(
                    "t {t} comes before the key before it (t {previous}): keys go in time order"
                );
                f.error(format!("{path}.t"), message);
            }
            before = Some(before.map_or(t, |p| p.max(t)));
        }
        if let Some(every) = motion.every {
            let path = format!("motions[{i}].every");
            let length = motion.length();
            if !every.is_finite() || every <= 0.0 {
                f.error(path, format!("{every} must be a number of seconds above 0"));
            } else if every < length {
                let message = format!(
                    "it starts over every {every} s, before its last key (t {length}): give `every` of {length} or more"
                );
                f.error(path, message);
            }
        }
    }

    /// Each key takes what motion `i` carries past an edge of the level by
    /// no more than the size of all it carries together (the largest
    /// thing's, and how far apart their centres are): a car may come in
    /// from out of sight, its headlight and tail-light with it.
    fn keys_within_level(&mut self, i: usize, motion: &Motion, carried: &[&Carried]) {
        let bounds = self.level.bounds;
        let carried: Vec<&Carried> = carried
            .iter()
            .copied()
            .filter(|c| c.reach.is_some())
            .collect();
        let largest = carried.iter().filter_map(|c| c.reach).fold(0.0, f32::max);
        let spread = |along: fn(&Point) -> f32| {
            let values = carried.iter().map(|c| along(&c.centre));
            let (low, high) = values.fold((f32::MAX, f32::MIN), |(l, h), v| (l.min(v), h.max(v)));
            (high - low).max(0.0)
        };
        let reach = (largest + spread(|p| p.0).max(spread(|p| p.1))).round();
        let room = Area {
            x: bounds.x - reach,
            y: bounds.y - reach,
            w: bounds.w + 2.0 * reach,
            h: bounds.h + 2.0 * reach,
        };
        for (k, key) in motion.keys.iter().enumerate() {
            let placement = Placement {
                by: key.by,
                turn: key.turn,
                pivot: motion.pivot,
            };
            let far = carried.iter().find_map(|thing| {
                let (x, y) = placement.centre(thing.centre);
                (x.is_finite() && y.is_finite() && !room.contains((x, y)))
                    .then_some((thing, (x, y)))
            });
            if let Some((thing, (x, y))) = far {
                let message = format!(
                    "this key takes {} to ({x:.0}, {y:.0}), off the level ({}): a motion may take what it moves past an edge by no more than the size of all it moves together ({reach} pixels)",
                    thing.path,
                    shown_bounds(bounds)
                );
                self.findings
                    .error(format!("motions[{i}].keys[{k}]"), message);
            }
        }
    }

    /// Everything in the level that names a motion, by the motion's id.
    fn carried(&self) -> Vec<(String, Carried)> {
        let level = self.level;
        let size = |name: &str| sprites::find(name).map(|s| s.size);
        let mut carried = Vec::new();
        let mut add = |moves: &Option<String>, path: String, centre: Point, reach: Option<f32>| {
            if let Some(id) = moves {
                carried.push((
                    id.clone(),
                    Carried {
                        path,
                        centre,
                        reach,
                    },
                ));
            }
        };
        let sprite = |name: &str, at: Point| match size(name) {
            Some((w, h)) => ((at.0, at.1 + h / 2.0), Some(w.max(h))),
            None => (at, None),
        };
        for (i, prop) in level.props.iter().enumerate() {
            let (centre, reach) = sprite(&prop.sprite, prop.at);
            add(&prop.moves, format!("props[{i}]"), centre, reach);
        }
        for (i, npc) in level.npcs.iter().enumerate() {
            let (centre, reach) = sprite(&npc.sprite, npc.at);
            add(&npc.moves, format!("npcs[{i}]"), centre, reach);
        }
        for (i, light) in level.lights.iter().enumerate() {
            add(
                &light.moves,
                format!("lights[{i}]"),
                light.at,
                Some(light.radius),
            );
        }
        for (i, subject) in level.subjects.iter().enumerate() {
            let reach = Some(subject.area.w.max(subject.area.h));
            let path = format!("subjects[{i}]");
            add(&subject.moves, path, subject.area.centre(), reach);
        }
        carried
    }
}
