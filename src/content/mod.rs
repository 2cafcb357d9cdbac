//! The night's content as moddable RON data, in plain Rust (Bevy's math
//! types aside, and its rule for where the game's folder is): the schema of
//! levels, the story and dialogues ([`schema`]), reading them with positions
//! ([`files`]) from the game's folder and a mod's ([`roots`], or the files
//! built in, [`embedded`]), the sprite names levels may use ([`sprites`]),
//! and every check of them ([`validate`]). It imports no renderer, no UI and
//! no capability: `long-exposure validate` and unit tests drive it with no
//! `App`. Loading it into the game is [`crate::levels`]'s job; drawing a
//! level is [`crate::world`]'s.

pub mod embedded;
pub mod files;
pub mod films;
pub mod light;
pub mod roots;
pub mod schema;
pub mod sprites;
pub mod validate;

pub use roots::Roots;
