//! How a script run ends: why it stopped short ([`Failure`]), and the
//! verdict printed for it.

use std::fmt;
use std::io::Write;

use crate::data::Diagnostic;

/// Why a script run stopped short.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The data has errors, so the game would not play it: no step ran.
    Data(Vec<Diagnostic>),
    /// A step did not go as expected.
    Step(StepFailure),
}

/// A step of a script that did not go as expected.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFailure {
    /// 1-based number of the failing step.
    pub step: usize,
    /// The step as written in RON.
    pub step_text: String,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Data(errors) => write!(
                f,
                "the data has {} error{}, so no step ran (`long-exposure validate` lists them)",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
            Failure::Step(failure) => write!(
                f,
                "step {} `{}` failed: {}",
                failure.step, failure.step_text, failure.message
            ),
        }
    }
}

/// Prints how a run of the script `name` of `steps` steps ended: on stdout
/// that every step passed, else on stderr the data's errors and the step
/// that failed. Returns whether it passed. A closed stdout (`| head`) does
/// not stop anything.
pub fn print_verdict(name: &str, steps: usize, result: &Result<(), Failure>) -> bool {
    match result {
        Ok(()) => {
            let _ = writeln!(std::io::stdout(), "{name}: all {steps} steps passed");
            true
        }
        Err(failure) => {
            if let Failure::Data(errors) = failure {
                for error in errors {
                    eprintln!("{error}");
                }
            }
            eprintln!("{name}: {failure}");
            false
        }
    }
}
