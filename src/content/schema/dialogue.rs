//! The dialogue file format: `dialogue/<id>.dialogue.ron`, one conversation
//! per file. A conversation is a graph of nodes; each node says its lines in
//! order and then ends, goes on to another node, branches on a condition or
//! offers Lev a choice. Lines and choices carry stable ids the author
//! writes: saves, the history, skipping lines seen before and, later,
//! translations all key on them.
//!
//! ```ron
//! Dialogue(
//!     id: "phone_call",
//!     speakers: [(id: "caller", name: "Unknown number", portrait: "phone", voice: Phone)],
//!     nodes: [
//!         (
//!             id: "ring",
//!             lines: [(id: "hello", by: "caller", text: "Lev.")],
//!             then: Choose([
//!                 (id: "ask", text: "Who is this?", next: Go("who")),
//!                 (id: "hang_up", text: "Hang up.", next: End),
//!             ]),
//!         ),
//!     ],
//! )
//! ```

use serde::{Deserialize, Serialize};

use super::{Condition, Effect};

/// One conversation, read from `dialogue/<id>.dialogue.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dialogue {
    /// The dialogue's id: its file name without `.dialogue.ron`.
    pub id: String,
    /// Who speaks in it (Lev too, when he speaks).
    pub speakers: Vec<Speaker>,
    /// The nodes; the conversation begins at the first.
    pub nodes: Vec<DialogueNode>,
}

/// Someone who speaks in a dialogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// What lines name them by (`by: "lev"`); unique within the dialogue.
    pub id: String,
    /// The name shown over their lines.
    pub name: String,
    /// The sprite shown as their portrait (levels/README.md lists them).
    #[serde(default)]
    pub portrait: Option<String>,
    /// The blip their text makes as it types out.
    #[serde(default)]
    pub voice: Voice,
}

/// The sound a speaker's text makes as it types out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Voice {
    /// A low, soft blip.
    Low,
    /// A blip in the middle.
    #[default]
    Middle,
    /// A high, quick blip.
    High,
    /// A thin voice down a phone line.
    Phone,
    /// No sound.
    Silent,
}

/// One node of the conversation: its lines, then what comes next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogueNode {
    /// Unique within the dialogue; `Go("id")` leads here.
    pub id: String,
    /// What is said, in order.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// What comes after the last line.
    pub then: Then,
}

/// One line of the conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Unique within the dialogue (lines and choices together), and kept
    /// when the text changes: saves and the history key on it.
    pub id: String,
    /// The speaker's id; none: narration.
    #[serde(default)]
    pub by: Option<String>,
    /// What is said. `{name}` shows a variable or an album fact (see
    /// levels/README.md); `{{` and `}}` are braces.
    pub text: String,
    /// Said only while this holds; skipped otherwise.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Applied to the story as the line is shown, in order.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// What comes after a node's lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Then {
    /// The conversation ends.
    End,
    /// It goes on at the node with this id.
    Go(String),
    /// Lev chooses what to say.
    Choose(Vec<Choice>),
    /// It goes on as the first arm whose condition holds says.
    Branch(Vec<Arm>),
}

/// Where a choice or an arm leads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Next {
    /// The conversation ends.
    End,
    /// It goes on at the node with this id.
    Go(String),
}

/// One thing Lev may say.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the dialogue (lines and choices together).
    pub id: String,
    /// What the choice says.
    pub text: String,
    /// Available only while this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Shown greyed when unavailable (otherwise hidden).
    #[serde(default)]
    pub greyed: bool,
    /// Applied to the story when chosen, in order.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Where it leads.
    pub next: Next,
}

/// One arm of a branch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    /// Taken when this holds (none: always); the last arm should have none.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Where it leads.
    pub next: Next,
}

impl Dialogue {
    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&DialogueNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The speaker with `id`.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The node holding the line with `id`, and the line's index in it.
    pub fn find_line(&self, id: &str) -> Option<(&DialogueNode, usize)> {
        self.nodes
            .iter()
            .find_map(|n| n.lines.iter().position(|l| l.id == id).map(|i| (n, i)))
    }
}

impl Then {
    /// Every node this leads to directly.
    pub fn targets(&self) -> Vec<&str> {
        match self {
            Then::End => Vec::new(),
            Then::Go(id) => vec![id.as_str()],
            Then::Choose(choices) => choices.iter().filter_map(|c| c.next.target()).collect(),
            Then::Branch(arms) => arms.iter().filter_map(|a| a.next.target()).collect(),
        }
    }
}

impl Next {
    /// The node it leads to (none: the end).
    pub fn target(&self) -> Option<&str> {
        match self {
            Next::Go(id) => Some(id),
            Next::End => None,
        }
    }
}
