//! What each file uses: every condition and effect in a level, a dialogue
//! or the story, with the path where it is written, and the checks a use
//! needs no other file for (empty names, areas, times in order). What holds
//! between the files is [`super::between`]'s.

use super::Findings;
use crate::content::schema::{ChapterEnd, Condition, Dialogue, Effect, Level, Start, Story, Then};

/// A condition or effect of the data, where it is written.
#[derive(Clone, Copy, Debug)]
pub(super) enum Use<'a> {
    /// A condition (each one inside `All`, `Any` and `Not` too).
    Condition(&'a Condition),
    /// An effect.
    Effect(&'a Effect),
}

/// Every condition and effect of `level`, by path.
pub(super) fn in_level(level: &Level) -> Vec<(String, Use<'_>)> {
    let mut uses = Vec::new();
    for (i, trigger) in level.triggers.iter().enumerate() {
        condition(&mut uses, format!("triggers[{i}].when"), &trigger.when);
        effects(
            &mut uses,
            &format!("triggers[{i}].effects"),
            &trigger.effects,
        );
    }
    for (i, thing) in level.interactables.iter().enumerate() {
        if let Some(when) = &thing.when {
            condition(&mut uses, format!("interactables[{i}].when"), when);
        }
        effects(
            &mut uses,
            &format!("interactables[{i}].effects"),
            &thing.effects,
        );
    }
    for (i, light) in level.lights.iter().enumerate() {
        if let Some(when) = &light.when {
            condition(&mut uses, format!("lights[{i}].when"), when);
        }
    }
    for (i, npc) in level.npcs.iter().enumerate() {
        if let Some(when) = &npc.when {
            condition(&mut uses, format!("npcs[{i}].when"), when);
        }
    }
    for (i, motion) in level.motions.iter().enumerate() {
        if let Start::When(when) = &motion.start {
            condition(&mut uses, format!("motions[{i}].start[0]"), when);
        }
    }
    for (i, exit) in level.exits.iter().enumerate() {
        if let Some(lock) = &exit.locked {
            condition(&mut uses, format!("exits[{i}].locked.until"), &lock.until);
        }
    }
    uses
}

/// Every condition and effect of `dialogue` (its lines', choices' and
/// arms'), by path.
pub(super) fn in_dialogue(dialogue: &Dialogue) -> Vec<(String, Use<'_>)> {
    let mut uses = Vec::new();
    for (i, node) in dialogue.nodes.iter().enumerate() {
        for (j, line) in node.lines.iter().enumerate() {
            let path = format!("nodes[{i}].lines[{j}]");
            if let Some(when) = &line.when {
                condition(&mut uses, format!("{path}.when"), when);
            }
            effects(&mut uses, &format!("{path}.effects"), &line.effects);
        }
        match &node.then {
            Then::Choose(choices) => {
                for (k, choice) in choices.iter().enumerate() {
                    let path = format!("nodes[{i}].then[0][{k}]");
                    if let Some(when) = &choice.when {
                        condition(&mut uses, format!("{path}.when"), when);
                    }
                    effects(&mut uses, &format!("{path}.effects"), &choice.effects);
                }
            }
            Then::Branch(arms) => {
                for (k, arm) in arms.iter().enumerate() {
                    if let Some(when) = &arm.when {
                        condition(&mut uses, format!("nodes[{i}].then[0][{k}].when"), when);
                    }
                }
            }
            Then::End | Then::Go(_) => {}
        }
    }
    uses
}

/// Checks a condition or effect on its own, wherever it is written: names
/// not empty, times in order.
pub(super) fn check_alone(f: &mut Findings, path: &str, used: Use<'_>) {
    match used {
        Use::Condition(Condition::Between(from, to)) if to <= from => {
            let message = format!("{to} is not after {from}: give the earlier time first");
            f.error(format!("{path}[1]"), message);
        }
        Use::Condition(
            Condition::Flag(name)
            | Condition::Var(name, _)
            | Condition::Visits(name, _)
            | Condition::Visited(name, _)
            | Condition::Chapter(name)
            | Condition::Photographed(name)
            | Condition::BestScore(name, _)
            | Condition::PhotosTagged(name, _),
        )
        | Use::Effect(
            Effect::SetFlag(name)
            | Effect::ClearFlag(name)
            | Effect::Set(name, _)
            | Effect::Add(name, _)
            | Effect::Event(name)
            | Effect::Dialogue(name),
        ) if name.trim().is_empty() => {
            f.error(format!("{path}[0]"), "the name is empty");
        }
        _ => {}
    }
}

/// Every condition of `story` (its endings'), by path.
pub(super) fn in_story(story: &Story) -> Vec<(String, Use<'_>)> {
    let mut uses = Vec::new();
    for (i, ending) in story.endings.iter().enumerate() {
        if let Some(when) = &ending.when {
            condition(&mut uses, format!("endings[{i}].when"), when);
        }
    }
    uses
}

/// The flag a chapter's end waits for, by path.
pub(super) fn chapter_flags(story: &Story) -> impl Iterator<Item = (String, &str)> {
    story
        .chapters
        .iter()
        .enumerate()
        .filter_map(|(i, chapter)| match &chapter.ends {
            Some(ChapterEnd::Flag(flag)) => Some((format!("chapters[{i}].ends[0]"), flag.as_str())),
            _ => None,
        })
}

fn condition<'a>(uses: &mut Vec<(String, Use<'a>)>, path: String, condition: &'a Condition) {
    match condition {
        Condition::Not(inner) => self::condition(uses, format!("{path}[0]"), inner),
        Condition::All(list) | Condition::Any(list) | Condition::Count(list, _) => {
            for (i, inner) in list.iter().enumerate() {
                self::condition(uses, format!("{path}[0][{i}]"), inner);
            }
        }
        _ => {}
    }
    uses.push((path, Use::Condition(condition)));
}

fn effects<'a>(uses: &mut Vec<(String, Use<'a>)>, path: &str, effects: &'a [Effect]) {
    for (i, effect) in effects.iter().enumerate() {
        uses.push((format!("{path}[{i}]"), Use::Effect(effect)));
    }
}
