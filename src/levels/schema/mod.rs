//! The level and story file formats: the serde types a `*.level.ron` or
//! `story.ron` file is read into. `levels/README.md` documents every field.
//!
//! Units: positions and sizes in virtual pixels (the screen is 320x180),
//! x to the right and y up from the level's bottom-left corner; in-game times
//! as `"HH:MM"` on the night's clock.
//!
//! Conditions and effects ([`logic`]) are one language shared by triggers,
//! interactables, doors, chapters, endings and, later, dialogue.

mod level;
mod logic;
mod story;
mod units;

pub use level::*;
pub use logic::*;
pub use story::*;
pub use units::*;
