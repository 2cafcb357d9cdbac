//! What holds between the files' conditions and effects (see
//! [`super::uses`] for finding them): flags read but never set, variables
//! of two kinds, unknown chapters, levels, spawn points and dialogues.

use super::arrival::spawn_problem;
use super::uses::{Use, chapter_flags, in_dialogue, in_level, in_story};
use super::{Finding, Owner};
use crate::content::films;
use crate::content::schema::template;
use crate::content::schema::template::{Fact, Piece};
use crate::content::schema::{Compare, Condition, Dialogue, Effect, Level, Story, Then};
use crate::data::{Severity, suggest};

/// What the night's conditions and effects say about each other: flags
/// read but never set, variables of two kinds, chapters, levels, spawn
/// points and dialogues that do not exist, areas where no one stands, and
/// chapters nothing ends.
pub(super) struct Between<'a> {
    story: &'a Story,
    levels: &'a [&'a Level],
    dialogues: &'a [&'a Dialogue],
    /// Ids of the levels and of the dialogues whose files could not be
    /// read: what they hold is not unknown, only unseen.
    unreadable: (&'a [String], &'a [String]),
    /// Every use, with the file it belongs to.
    uses: Vec<(Owner, String, Use<'a>)>,
}

impl<'a> Between<'a> {
    /// The uses of `story`, `levels` and `dialogues`.
    pub(super) fn new(
        story: &'a Story,
        levels: &'a [&'a Level],
        dialogues: &'a [&'a Dialogue],
        unreadable: (&'a [String], &'a [String]),
    ) -> Self {
        let mut uses: Vec<(Owner, String, Use<'a>)> = in_story(story)
            .into_iter()
            .map(|(path, used)| (Owner::Story, path, used))
            .collect();
        for level in levels {
            let owner = Owner::Level(level.id.clone());
            uses.extend(
                in_level(level)
                    .into_iter()
                    .map(|(p, u)| (owner.clone(), p, u)),
            );
        }
        for dialogue in dialogues {
            let owner = Owner::Dialogue(dialogue.id.clone());
            uses.extend(
                in_dialogue(dialogue)
                    .into_iter()
                    .map(|(p, u)| (owner.clone(), p, u)),
            );
        }
        Self {
            story,
            levels,
            dialogues,
            unreadable,
            uses,
        }
    }

    /// Every finding, with the file it belongs to.
    pub(super) fn findings(&self) -> Vec<(Owner, Finding)> {
        let mut out = Vec::new();
        self.flags(&mut out);
        self.variables(&mut out);
        self.names(&mut out);
        self.texts(&mut out);
        self.chapters_end(&mut out);
        out
    }

    /// The subjects of every level, as `level/subject`.
    fn subject_keys(&self) -> Vec<String> {
        self.levels
            .iter()
            .flat_map(|l| l.subjects.iter().map(move |s| s.recorded_as(&l.id).0))
            .collect()
    }

    /// Whether `key` (`file/thing`) belongs to a file in `unreadable`.
    fn unseen(key: &str, unreadable: &[String]) -> bool {
        key.split_once('/')
            .is_some_and(|(file, _)| unreadable.iter().any(|u| u == file))
    }

    /// Every tag of every subject, sorted.
    fn tags(&self) -> Vec<&'a str> {
        let mut tags: Vec<&str> = self
            .levels
            .iter()
            .flat_map(|l| {
                l.subjects
                    .iter()
                    .flat_map(|s| s.tags.iter().map(String::as_str))
            })
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// The facts dialogue texts show must exist: subjects, tags, and
    /// variables something sets.
    fn texts(&self, out: &mut Vec<(Owner, Finding)>) {
        let keys = self.subject_keys();
        let subjects: Vec<&str> = keys.iter().map(String::as_str).collect();
        let tags = self.tags();
        let mut set: Vec<&str> = self
            .uses
            .iter()
            .filter_map(|(_, _, used)| match used {
                Use::Effect(Effect::Set(name, _) | Effect::Add(name, _)) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        for dialogue in self.dialogues {
            let owner = Owner::Dialogue(dialogue.id.clone());
            for (path, text) in texts(dialogue) {
                let Ok(pieces) = template::parse(text) else {
                    continue;
                };
                for piece in pieces {
                    let (severity, message) = match piece {
                        Piece::Fact(Fact::Best(key))
                            if !subjects.contains(&key)
                                && !Self::unseen(key, self.unreadable.0) =>
                        {
                            (
                                Severity::Error,
                                format!(
                                    "unknown subject `{key}`{}",
                                    suggest::hint(key, &subjects, "subjects")
                                ),
                            )
                        }
                        Piece::Fact(Fact::Tagged(tag))
                            if !tags.contains(&tag) && self.unreadable.0.is_empty() =>
                        {
                            (
                                Severity::Error,
                                format!(
                                    "no subject of any level has the tag `{tag}`{}",
                                    suggest::hint(tag, &tags, "tags")
                                ),
                            )
                        }
                        Piece::Fact(Fact::Var(name)) if !set.contains(&name) => (
                            Severity::Warning,
                            format!(
                                "nothing sets the variable `{name}`: the text shows nothing there{}",
                                suggest::hint(name, &set, "variables set")
                            ),
                        ),
                        _ => continue,
                    };
                    let finding = Finding {
                        severity,
                        path: path.clone(),
                        message,
                    };
                    out.push((owner.clone(), finding));
                }
            }
        }
    }

    /// Flags read (by a condition or a chapter's end) that nothing sets;
    /// a file that could not be read may set them, unseen.
    fn flags(&self, out: &mut Vec<(Owner, Finding)>) {
        if !self.unreadable.0.is_empty() || !self.unreadable.1.is_empty() {
            return;
        }
        let mut set: Vec<&str> = self
            .levels
            .iter()
            .flat_map(|l| l.shot_list.iter().map(|g| g.sets_flag.as_str()))
            .collect();
        set.extend(self.uses.iter().filter_map(|(_, _, used)| match used {
            Use::Effect(Effect::SetFlag(flag)) => Some(flag.as_str()),
            _ => None,
        }));
        set.sort_unstable();
        set.dedup();
        let reads = self
            .uses
            .iter()
            .filter_map(|(owner, path, used)| match used {
                Use::Condition(Condition::Flag(flag)) => {
                    Some((owner.clone(), format!("{path}[0]"), flag.as_str()))
                }
                _ => None,
            });
        let chapter_reads =
            chapter_flags(self.story).map(|(path, flag)| (Owner::Story, path, flag));
        for (owner, path, flag) in reads.chain(chapter_reads) {
            if flag.trim().is_empty() || set.contains(&flag) {
                continue;
            }
            let hint = match suggest::nearest(flag, set.iter().copied()) {
                Some(near) => format!(": did you mean `{near}`?"),
                None => " (set it with a SetFlag effect or a shot goal's sets_flag)".into(),
            };
            let message = format!("the flag `{flag}` is read here but nothing sets it{hint}");
            out.push((owner, warning(path, message)));
        }
    }

    /// Each variable must hold one kind of value: the first use found
    /// decides, later uses of another kind are errors.
    fn variables(&self, out: &mut Vec<(Owner, Finding)>) {
        let mut kinds: Vec<(&str, &str)> = Vec::new();
        for (owner, path, used) in &self.uses {
            let (name, kind) = match used {
                Use::Effect(Effect::Set(name, value)) => (name, value.kind()),
                Use::Effect(Effect::Add(name, _)) => (name, "number"),
                Use::Condition(Condition::Var(name, Compare::Is(v) | Compare::IsNot(v))) => {
                    (name, v.kind())
                }
                Use::Condition(Condition::Var(name, _)) => (name, "number"),
                _ => continue,
            };
            match kinds.iter().find(|(n, _)| *n == name.as_str()) {
                None => kinds.push((name, kind)),
                Some((_, first)) if *first != kind => {
                    let message = format!(
                        "the variable `{name}` holds a {first} elsewhere: here it is used as a {kind}"
                    );
                    out.push((owner.clone(), error(format!("{path}[1]"), message)));
                }
                Some(_) => {}
            }
        }
    }

    /// Chapters, levels, spawn points, dialogues, subjects (`level/subject`)
    /// and tags named by conditions and effects must exist; areas mean
    /// nothing in the story's conditions.
    fn names(&self, out: &mut Vec<(Owner, Finding)>) {
        let chapters: Vec<&str> = self.story.chapters.iter().map(|c| c.id.as_str()).collect();
        let endings: Vec<&str> = self.story.endings.iter().map(|e| e.id.as_str()).collect();
        let mut levels: Vec<&str> = self.levels.iter().map(|l| l.id.as_str()).collect();
        levels.extend(self.unreadable.0.iter().map(String::as_str));
        levels.sort_unstable();
        let dialogues: Vec<&str> = self.story.dialogues.iter().map(String::as_str).collect();
        let keys = self.subject_keys();
        let subjects: Vec<&str> = keys.iter().map(String::as_str).collect();
        let tags = self.tags();
        let node_keys: Vec<String> = self
            .dialogues
            .iter()
            .flat_map(|d| d.nodes.iter().map(move |n| format!("{}/{}", d.id, n.id)))
            .collect();
        let mut nodes: Vec<&str> = node_keys.iter().map(String::as_str).collect();
        nodes.sort_unstable();
        let unknown = |what: &str, name: &str, known: &[&str], list: &str| {
            format!(
                "unknown {what} `{name}`{}",
                suggest::hint(name, known, list)
            )
        };
        for (owner, path, used) in &self.uses {
            let (at, message) = match used {
                Use::Condition(Condition::Chapter(id)) if !chapters.contains(&id.as_str()) => {
                    (0, unknown("chapter", id, &chapters, "chapters"))
                }
                Use::Condition(Condition::PastEnding(id))
                    if !endings.is_empty() && !endings.contains(&id.as_str()) =>
                {
                    (0, unknown("ending", id, &endings, "endings"))
                }
                Use::Condition(Condition::Visits(id, _)) if !levels.contains(&id.as_str()) => {
                    (0, unknown("level", id, &levels, "levels"))
                }
                Use::Effect(Effect::GoTo(id, _)) if !levels.contains(&id.as_str()) => {
                    (0, unknown("level", id, &levels, "levels"))
                }
                Use::Effect(Effect::GoTo(id, spawn)) => {
                    let problem = self.levels.iter().find(|l| l.id == *id);
                    match problem.and_then(|level| spawn_problem(level, spawn)) {
                        Some(message) => (1, message),
                        None => continue,
                    }
                }
                Use::Effect(Effect::LoadFilm(id)) if films::film(id).is_none() => {
                    let known: Vec<&str> = films::FILMS.iter().map(|f| f.id).collect();
                    (0, unknown("film", id, &known, "films"))
                }
                Use::Effect(Effect::Dialogue(id)) if !dialogues.contains(&id.as_str()) => {
                    (0, unknown("dialogue", id, &dialogues, "story.ron lists"))
                }
                Use::Condition(Condition::Photographed(key) | Condition::BestScore(key, _))
                    if !subjects.contains(&key.as_str())
                        && !Self::unseen(key, self.unreadable.0) =>
                {
                    (0, unknown("subject", key, &subjects, "subjects"))
                }
                Use::Condition(Condition::Visited(key, _))
                    if nodes.binary_search(&key.as_str()).is_err()
                        && !Self::unseen(key, self.unreadable.1) =>
                {
                    (0, unknown("dialogue node", key, &nodes, "dialogue nodes"))
                }
                Use::Condition(Condition::PhotosTagged(tag, _))
                    if !tags.contains(&tag.as_str()) && self.unreadable.0.is_empty() =>
                {
                    (0, format!("no subject of any level has the tag `{tag}`{}", suggest::hint(tag, &tags, "tags")))
                }
                Use::Condition(Condition::Area(_)) if *owner == Owner::Story => (
                    0,
                    "an area means nothing here: only a level's own conditions know where Lev stands"
                        .to_owned(),
                ),
                _ => continue,
            };
            out.push((owner.clone(), error(format!("{path}[{at}]"), message)));
        }
    }

    /// A chapter with no `ends` goes on until an `EndChapter` effect ends
    /// it: warn when there is none anywhere.
    fn chapters_end(&self, out: &mut Vec<(Owner, Finding)>) {
        let any_end = self
            .uses
            .iter()
            .any(|(_, _, used)| matches!(used, Use::Effect(Effect::EndChapter)));
        if any_end {
            return;
        }
        for (i, chapter) in self.story.chapters.iter().enumerate() {
            if chapter.ends.is_none() {
                let message =
                    "nothing ends this chapter: give it `ends`, or use an EndChapter effect";
                out.push((
                    Owner::Story,
                    warning(format!("chapters[{i}]"), message.into()),
                ));
            }
        }
    }
}

/// Every text of `dialogue` (lines' and choices'), by path.
fn texts(dialogue: &Dialogue) -> Vec<(String, &str)> {
    let mut texts = Vec::new();
    for (i, node) in dialogue.nodes.iter().enumerate() {
        for (j, line) in node.lines.iter().enumerate() {
            texts.push((format!("nodes[{i}].lines[{j}].text"), line.text.as_str()));
        }
        if let Then::Choose(choices) = &node.then {
            for (k, choice) in choices.iter().enumerate() {
                texts.push((
                    format!("nodes[{i}].then[0][{k}].text"),
                    choice.text.as_str(),
                ));
            }
        }
    }
    texts
}

fn error(path: String, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        path,
        message,
    }
}

fn warning(path: String, message: String) -> Finding {
    Finding {
        severity: Severity::Warning,
        path,
        message,
    }
}
