//! The level, story and dialogue file formats: the serde types a
//! `*.level.ron`, `story.ron` or `dialogue/*.dialogue.ron` file is read
//! into. `levels/README.md` documents every field.
//!
//! Units: positions and sizes in virtual pixels (the screen is 320x180),
//! x to the right and y up from the level's bottom-left corner; in-game times
//! as `"HH:MM"` on the night's clock.
//!
//! Conditions and effects ([`logic`]) are one language shared by triggers,
//! interactables, doors, chapters, endings and dialogue.

mod dialogue;
mod level;
mod logic;
mod motion;
mod story;
pub mod template;
mod units;

pub use dialogue::*;
pub use level::*;
pub use logic::*;
pub use motion::*;
pub use story::*;
pub use units::*;
