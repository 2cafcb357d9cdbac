//! Checks of one dialogue file that need no other file, one small check per
//! kind of problem, run in turn by [`check_dialogue`]: ids, speakers and
//! portraits, where each node leads, nodes nothing reaches, dead ends,
//! loops that say nothing, and the texts' facts.

use std::collections::{HashMap, HashSet};

use super::uses::{self, Use};
use super::{Finding, Findings};
use crate::content::schema::{Condition, Dialogue, DialogueNode, Next, Then, template};
use crate::content::sprites;
use crate::data::suggest;

/// Lines longer than this do not fit the dialogue box in one go.
const LONGEST_LINE: usize = 160;

/// Checks one dialogue on its own; `file_stem` is its file name without
/// `.dialogue.ron`, which its id must match.
pub fn check_dialogue(dialogue: &Dialogue, file_stem: &str) -> Vec<Finding> {
    let mut check = DialogueCheck {
        dialogue,
        findings: Findings::default(),
    };
    check.id(file_stem);
    check.speakers();
    check.ids();
    check.lines();
    check.targets();
    check.reached();
    check.dead_ends();
    check.silent_loops();
    check.conditions_and_effects();
    check.findings.0
}

struct DialogueCheck<'a> {
    dialogue: &'a Dialogue,
    findings: Findings,
}

impl DialogueCheck<'_> {
    fn id(&mut self, file_stem: &str) {
        let id = &self.dialogue.id;
        if id != file_stem {
            let message = format!("the id `{id}` must match the file name `{file_stem}`");
            self.findings.error("id", message);
        }
    }

    /// Speakers have ids, names, and portraits that exist.
    fn speakers(&mut self) {
        let ids = self.dialogue.speakers.iter().map(|s| s.id.as_str());
        self.findings.unique("speakers", ids);
        for (i, speaker) in self.dialogue.speakers.iter().enumerate() {
            if speaker.name.trim().is_empty() {
                self.findings
                    .error(format!("speakers[{i}].name"), "the name is empty");
            }
            if let Some(portrait) = &speaker.portrait
                && sprites::find(portrait).is_none()
            {
                let names: Vec<&str> = sprites::SPRITES.iter().map(|s| s.name).collect();
                let hint = match suggest::hint(portrait, &names, "sprites") {
                    hint if hint.is_empty() => " (levels/README.md lists the sprite names)".into(),
                    hint => hint,
                };
                let message = format!("unknown portrait `{portrait}`{hint}");
                self.findings
                    .error(format!("speakers[{i}].portrait"), message);
            }
        }
    }

    /// Node ids are unique; line and choice ids are unique together.
    fn ids(&mut self) {
        if self.dialogue.nodes.is_empty() {
            self.findings
                .error("nodes", "the dialogue needs at least one node");
        }
        let nodes = self.dialogue.nodes.iter().map(|n| n.id.as_str());
        self.findings.unique("nodes", nodes);
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (path, id, what) in said_ids(self.dialogue) {
            if id.trim().is_empty() {
                self.findings.error(path, "the id is empty");
            } else if let Some(first) = seen.get(id) {
                let message = format!(
                    "duplicate id `{id}`, already {first}: lines and choices need ids of their own"
                );
                self.findings.error(path, message);
            } else {
                seen.insert(id, what);
            }
        }
    }

    /// Lines name known speakers, say something that fits, and write their
    /// facts well; so do choices.
    fn lines(&mut self) {
        let speakers: Vec<&str> = self
            .dialogue
            .speakers
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        for (i, node) in self.dialogue.nodes.iter().enumerate() {
            for (j, line) in node.lines.iter().enumerate() {
                let path = format!("nodes[{i}].lines[{j}]");
                if let Some(by) = &line.by
                    && !speakers.contains(&by.as_str())
                {
                    let hint = suggest::hint(by, &speakers, "its speakers");
                    let message = format!("unknown speaker `{by}`{hint}");
                    self.findings.error(format!("{path}.by"), message);
                }
                self.text(format!("{path}.text"), &line.text);
            }
            if let Then::Choose(choices) = &node.then {
                for (k, choice) in choices.iter().enumerate() {
                    self.text(format!("nodes[{i}].then[0][{k}].text"), &choice.text);
                }
            }
        }
    }

    fn text(&mut self, path: String, text: &str) {
        if text.trim().is_empty() {
            self.findings.error(path, "the text is empty");
            return;
        }
        if let Err((_, message)) = template::parse(text) {
            self.findings.error(path, message);
            return;
        }
        let length = text.chars().count();
        if length > LONGEST_LINE {
            let message = format!(
                "{length} characters: lines over {LONGEST_LINE} do not fit the box, split it"
            );
            self.findings.warning(path, message);
        }
    }

    /// Every `Go` leads to a node that exists.
    fn targets(&mut self) {
        let ids: Vec<&str> = self.dialogue.nodes.iter().map(|n| n.id.as_str()).collect();
        let known: HashSet<&str> = ids.iter().copied().collect();
        for (i, node) in self.dialogue.nodes.iter().enumerate() {
            for (path, target) in leads(&node.then, &format!("nodes[{i}].then")) {
                if !known.contains(target) {
                    let hint = suggest::hint(target, &ids, "its nodes");
                    let message = format!("no node `{target}` to go to{hint}");
                    self.findings.error(path, message);
                }
            }
        }
    }

    /// Warns of nodes the first node never leads to.
    fn reached(&mut self) {
        let Some(first) = self.dialogue.nodes.first() else {
            return;
        };
        let by_id: HashMap<&str, &DialogueNode> = self
            .dialogue
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n))
            .collect();
        let mut reached: HashSet<&str> = HashSet::from([first.id.as_str()]);
        let mut todo = vec![first];
        while let Some(node) = todo.pop() {
            for target in node.then.targets() {
                if reached.insert(target)
                    && let Some(next) = by_id.get(target)
                {
                    todo.push(next);
                }
            }
        }
        for (i, node) in self.dialogue.nodes.iter().enumerate() {
            if !reached.contains(node.id.as_str()) {
                let message = format!(
                    "nothing leads to the node `{}`: the conversation begins at `{}` and never gets here",
                    node.id, first.id
                );
                self.findings.warning(format!("nodes[{i}].id"), message);
            }
        }
    }

    /// A node must end or lead on: no empty choice or branch, and a branch
    /// whose arms could all fail has no way on.
    fn dead_ends(&mut self) {
        for (i, node) in self.dialogue.nodes.iter().enumerate() {
            let path = format!("nodes[{i}].then");
            match &node.then {
                Then::Choose(choices) if choices.is_empty() => self.findings.error(
                    path,
                    "a dead end: no choices to make (give some, or `then: End`)",
                ),
                Then::Choose(choices) if choices.iter().all(|c| c.when.is_some()) => {
                    self.findings.warning(
                        path,
                        "every choice has a condition: when none holds, the conversation ends here",
                    );
                }
                Then::Branch(arms) if arms.is_empty() => self.findings.error(
                    path,
                    "a dead end: a branch with no arms (give some, or `then: End`)",
                ),
                Then::Branch(arms) if arms.last().is_some_and(|a| a.when.is_some()) => {
                    let last = arms.len() - 1;
                    self.findings.error(
                        format!("{path}[0][{last}].when"),
                        "a dead end when no arm's condition holds: leave the last arm without `when`",
                    );
                }
                _ => {}
            }
        }
    }

    /// Nodes without lines that lead round to themselves without a choice
    /// would go round for ever.
    fn silent_loops(&mut self) {
        let silent = |id: &str| {
            self.dialogue
                .node(id)
                .filter(|n| n.lines.is_empty() && !matches!(n.then, Then::Choose(_)))
        };
        for (i, node) in self.dialogue.nodes.iter().enumerate() {
            if silent(&node.id).is_none() {
                continue;
            }
            let mut seen: HashSet<&str> = HashSet::new();
            let mut todo: Vec<&str> = node.then.targets();
            let mut looped = false;
            while let Some(id) = todo.pop() {
                if id == node.id {
                    looped = true;
                    break;
                }
                if seen.insert(id)
                    && let Some(next) = silent(id)
                {
                    todo.extend(next.then.targets());
                }
            }
            if looped {
                let message = format!(
                    "the node `{}` leads back to itself without a line or a choice: it would go round for ever",
                    node.id
                );
                self.findings.error(format!("nodes[{i}].then"), message);
            }
        }
    }

    /// Each condition and effect on its own: names not empty, times in
    /// order, and no areas (a conversation stands nowhere).
    fn conditions_and_effects(&mut self) {
        for (path, used) in uses::in_dialogue(self.dialogue) {
            if let Use::Condition(Condition::Area(_)) = used {
                let message = "an area means nothing in a dialogue: only a level's own conditions know where Lev stands";
                self.findings.error(format!("{path}[0]"), message);
            }
            uses::check_alone(&mut self.findings, &path, used);
        }
    }
}

/// The path and id of every line and choice, in file order, and what it
/// is (`a line of node `ring``).
fn said_ids(dialogue: &Dialogue) -> Vec<(String, &str, String)> {
    let mut ids = Vec::new();
    for (i, node) in dialogue.nodes.iter().enumerate() {
        for (j, line) in node.lines.iter().enumerate() {
            let what = format!("a line of node `{}`", node.id);
            ids.push((format!("nodes[{i}].lines[{j}].id"), line.id.as_str(), what));
        }
        if let Then::Choose(choices) = &node.then {
            for (k, choice) in choices.iter().enumerate() {
                let what = format!("a choice of node `{}`", node.id);
                ids.push((
                    format!("nodes[{i}].then[0][{k}].id"),
                    choice.id.as_str(),
                    what,
                ));
            }
        }
    }
    ids
}

/// Where `then` leads by `Go`, with the path of each.
fn leads<'a>(then: &'a Then, path: &str) -> Vec<(String, &'a str)> {
    let next =
        |next: &'a Next, path: String| next.target().map(|id| (format!("{path}.next[0]"), id));
    match then {
        Then::End => Vec::new(),
        Then::Go(id) => vec![(format!("{path}[0]"), id.as_str())],
        Then::Choose(choices) => choices
            .iter()
            .enumerate()
            .filter_map(|(k, c)| next(&c.next, format!("{path}[0][{k}]")))
            .collect(),
        Then::Branch(arms) => arms
            .iter()
            .enumerate()
            .filter_map(|(k, a)| next(&a.next, format!("{path}[0][{k}]")))
            .collect(),
    }
}
