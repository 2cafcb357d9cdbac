//! The headless harness: the real game plugins with no window, renderer or
//! sound card, stepped at a fixed time step and driven by scripted input.
//!
//! `long-exposure --headless --script FILE`, the system tests and the
//! benchmarks all use [`Harness`], so a modder checks a mod exactly as the
//! test suite checks the game.

mod checks;
mod harness;
mod player;
pub mod script;
mod trace;
mod walk;

pub use harness::{Executor, Failure, Harness, HeadlessConfig, StepFailure, headless_app};
pub use player::{Progress, ScriptPlayer};
pub use trace::{Trace, TraceLine};
