//! Expectations of the story: flags, variables, the chapter, the clock and
//! the ending, checked against the story state as the story itself reads it.

use super::Harness;
use super::script::Expectation;
use crate::levels::schema::Condition;
use crate::story::{StoryState, logic};

impl Harness {
    /// Whether a story expectation holds now; if not, what was found.
    pub(super) fn check_story(&self, expectation: &Expectation) -> Result<(), String> {
        let Some(state) = self.world().get_resource::<StoryState>() else {
            return Err(format!(
                "expected {expectation:?}; no night is being played"
            ));
        };
        let flags = || {
            let set: Vec<&str> = state.flags.iter().map(String::as_str).collect();
            format!("flags set: [{}]", set.join(", "))
        };
        let (holds, found) = match expectation {
            Expectation::Flag(flag) => (state.flags.contains(flag), flags()),
            Expectation::NotFlag(flag) => (!state.flags.contains(flag), flags()),
            Expectation::Var(name, compare) => {
                let condition = Condition::Var(name.clone(), compare.clone());
                let value = state
                    .variables
                    .get(name)
                    .map_or("never set".into(), super::trace::shown);
                (
                    logic::holds(&condition, state, ""),
                    format!("`{name}` is {value}"),
                )
            }
            Expectation::Chapter(id) => {
                (state.chapter == *id, format!("chapter `{}`", state.chapter))
            }
            Expectation::Before(time) => (!state.reached(*time), format!("clock {}", state.time())),
            Expectation::After(time) => (state.reached(*time), format!("clock {}", state.time())),
            Expectation::Ending(id) => (
                state.ending.as_deref() == Some(id.as_str()),
                format!("ending {:?}", state.ending),
            ),
            _ => return Err(format!("{expectation:?} is not about the story")),
        };
        if holds {
            Ok(())
        } else {
            let want = ron::to_string(expectation).unwrap_or_else(|_| format!("{expectation:?}"));
            Err(format!("expected {want}, found {found}"))
        }
    }
}
