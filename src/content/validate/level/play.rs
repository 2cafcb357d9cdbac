//! What a level asks of the player and the story: its subjects and shot
//! list, its interactables, its triggers and every condition and effect in
//! it, each checked on its own.

use super::{LevelCheck, MAX_EVERY, MIN_EVERY};
use crate::content::schema::{Condition, Interaction, ShotTarget};
use crate::content::validate::uses::{self, Use};
use crate::data::suggest;

impl LevelCheck<'_> {
    pub(super) fn subjects(&mut self) {
        let subjects = &self.level.subjects;
        self.findings
            .unique("subjects", subjects.iter().map(|s| s.id.as_str()));
        for (i, subject) in subjects.iter().enumerate() {
            self.area(format!("subjects[{i}].area"), &subject.area);
            if subject.name.trim().is_empty() {
                self.findings
                    .error(format!("subjects[{i}].name"), "the name is empty");
            }
            for (j, moment) in subject.moments.iter().enumerate() {
                if moment.to <= moment.from {
                    let path = format!("subjects[{i}].moments[{j}].to");
                    let (from, to) = (moment.from, moment.to);
                    let message = format!("the moment must end after it begins ({from} to {to})");
                    self.findings.error(path, message);
                }
                if moment.while_moving && subject.moves.is_none() {
                    let path = format!("subjects[{i}].moments[{j}].while_moving");
                    let message = format!(
                        "`{}` never moves, so a moment while it moves is never on: give the subject `moves`",
                        subject.id
                    );
                    self.findings.error(path, message);
                }
            }
        }
    }

    pub(super) fn interactables(&mut self) {
        let things = &self.level.interactables;
        self.findings
            .unique("interactables", things.iter().map(|x| x.id.as_str()));
        for (i, thing) in things.iter().enumerate() {
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
    }

    /// Checks the level's triggers: unique ids, each doing something, a
    /// sensible repeat.
    pub(super) fn triggers(&mut self) {
        let triggers = &self.level.triggers;
        self.findings
            .unique("triggers", triggers.iter().map(|t| t.id.as_str()));
        for (i, trigger) in triggers.iter().enumerate() {
            match &trigger.event {
                Some(event) if event.trim().is_empty() => {
                    self.findings
                        .error(format!("triggers[{i}].event"), "the event is empty");
                }
                None if trigger.effects.is_empty() => {
                    let message = "the trigger does nothing: give it an event or effects";
                    self.findings.warning(format!("triggers[{i}]"), message);
                }
                _ => {}
            }
            if let Some(every) = trigger.every
                && !(MIN_EVERY..=MAX_EVERY).contains(&every)
            {
                let message = format!(
                    "every {every} seconds: give {MIN_EVERY} to {MAX_EVERY} seconds of play"
                );
                self.findings.error(format!("triggers[{i}].every"), message);
            }
        }
    }

    /// Each condition and effect on its own: areas inside the level, and
    /// what holds wherever it is written (names, times in order).
    pub(super) fn conditions_and_effects(&mut self) {
        for (path, used) in uses::in_level(self.level) {
            if let Use::Condition(Condition::Area(area)) = used {
                self.area(format!("{path}[0]"), area);
            }
            uses::check_alone(&mut self.findings, &path, used);
        }
    }

    pub(super) fn shot_list(&mut self) {
        let level = self.level;
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
                    let ids: Vec<&str> = level.subjects.iter().map(|s| s.id.as_str()).collect();
                    let hint = suggest::hint(id, &ids, "subjects here");
                    let message = format!("no subject `{id}` in this level{hint}");
                    self.findings.error(format!("{path}.target[0]"), message);
                }
                ShotTarget::Tag(tag) if !level.subjects.iter().any(|s| s.tags.contains(tag)) => {
                    let mut tags: Vec<&str> = level
                        .subjects
                        .iter()
                        .flat_map(|s| s.tags.iter().map(String::as_str))
                        .collect();
                    tags.sort_unstable();
                    tags.dedup();
                    let hint = suggest::hint(tag, &tags, "tags here");
                    let message = format!("no subject in this level has the tag `{tag}`{hint}");
                    self.findings.error(format!("{path}.target[0]"), message);
                }
                _ => {}
            }
        }
    }
}
