//! Playing a script one frame at a time, so that the same steps drive the
//! headless harness and the real game in a window. Before each frame the
//! player is ticked: it carries out steps until one needs frames to pass
//! (a wait, a press, a walk), and says when the script has finished and how.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::{PrimaryWindow, WindowCloseRequested};

use super::camera;
use super::checks::{self, check};
use super::script::{Expectation, MAX_WAIT_SECONDS, Script, Step};
use super::verdict::{Failure, StepFailure};
use super::walk::{self, Decision};
use crate::dialogue::open_choices;
use crate::input::{Action, ScriptedActions};
use crate::levels::{DataStatus, ProblemBoard};
use crate::story::StoryState;
use crate::ui::menu::open_menu;

/// How long a walk may make no progress before it gives up, in seconds.
const PATIENCE: f64 = 2.0;
/// How long a screenshot may take to be written, in seconds.
const SCREENSHOT_SECONDS: f64 = 10.0;

/// What a tick of the player comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// A frame must pass before the script goes on.
    Running,
    /// The script has finished: every step passed, or one failed.
    Finished(Result<(), Failure>),
}

/// A script being played.
#[derive(Resource, Debug)]
pub struct ScriptPlayer {
    script: Script,
    next: usize,
    doing: Option<Doing>,
    started: bool,
    /// The length of a frame where it is fixed (headless), else the last
    /// frame's.
    frame_seconds: Option<f64>,
}

/// A step that spans frames, and where it stands.
#[derive(Debug, Clone)]
enum Doing {
    /// Frames left to let pass.
    Frames(u32),
    /// Until the real clock reaches `until` (and the expectation holds, if
    /// there is one).
    Until {
        until: f64,
        expectation: Option<Expectation>,
    },
    /// An action pressed last frame, to let go this frame.
    Pressed(Action),
    /// An action let go, a frame to let pass.
    Released,
    /// Walking to an x.
    Walk {
        x: f32,
        until: f64,
        nearest: f32,
        nearer_at: f64,
    },
    /// Picking a menu item: looking for it.
    Select(String),
    /// Picking a menu item: the selection moving, to let go this frame.
    Moving { label: String, action: Action },
    /// Picking a menu item: the selection moved, a frame to let pass.
    Moved(String),
    /// A screenshot being written to this file.
    Screenshot { file: String, until: f64 },
    /// Reading a conversation on: presses made so far, and whether
    /// `Interact` is down this frame.
    Reading { presses: u32, down: bool },
}

/// The most presses [`Step::ReadOn`] makes: two per line.
const MOST_READING_PRESSES: u32 = 400;

impl ScriptPlayer {
    /// A player at the start of `script`.
    pub fn new(script: Script) -> Self {
        Self {
            script,
            next: 0,
            doing: None,
            started: false,
            frame_seconds: None,
        }
    }

    /// A player whose frames are all `seconds` long (headless).
    pub fn with_frames_of(mut self, seconds: f64) -> Self {
        self.frame_seconds = Some(seconds);
        self
    }

    /// Carries the script on as far as it goes before a frame must pass.
    /// It waits for the data to load first, and fails at once if the data
    /// has errors.
    pub fn tick(&mut self, world: &mut World) -> Progress {
        if !self.started {
            if *world.resource::<DataStatus>() == DataStatus::Loading {
                return Progress::Running;
            }
            let errors = world.resource::<ProblemBoard>().errors();
            if !errors.is_empty() {
                return Progress::Finished(Err(Failure::Data(errors)));
            }
            self.started = true;
        }
        loop {
            let result = match self.doing.take() {
                Some(doing) => self.go_on(world, doing),
                None => match self.script.steps.get(self.next).cloned() {
                    Some(step) => self.begin(world, &step),
                    None => return Progress::Finished(Ok(())),
                },
            };
            match result {
                Ok(Some(doing)) => {
                    self.doing = Some(doing);
                    return Progress::Running;
                }
                Ok(None) => self.next += 1,
                Err(message) => {
                    let step = &self.script.steps[self.next];
                    return Progress::Finished(Err(Failure::Step(StepFailure {
                        step: self.next + 1,
                        step_text: ron::to_string(step).unwrap_or_else(|_| format!("{step:?}")),
                        message,
                    })));
                }
            }
        }
    }

    /// Starts `step`: done at once (`None`) or spanning frames.
    fn begin(&mut self, world: &mut World, step: &Step) -> Result<Option<Doing>, String> {
        let now = seconds(world);
        Ok(match step {
            Step::WaitSeconds(s) | Step::WaitUntil(_, s)
                if !(0.0..=MAX_WAIT_SECONDS).contains(s) =>
            {
                return Err(format!(
                    "cannot wait {s} seconds: give 0 to {MAX_WAIT_SECONDS}"
                ));
            }
            Step::WaitFrames(0) => None,
            Step::WaitFrames(count) => Some(Doing::Frames(*count)),
            Step::WaitSeconds(s) => {
                let wait = Doing::Until {
                    until: now + f64::from(*s),
                    expectation: None,
                };
                return self.go_on(world, wait);
            }
            Step::WaitUntil(expectation, s) => {
                return self.go_on(
                    world,
                    Doing::Until {
                        until: now + f64::from(*s),
                        expectation: Some(expectation.clone()),
                    },
                );
            }
            Step::Press(action) => {
                hold(world, *action, true);
                Some(Doing::Pressed(*action))
            }
            Step::Hold(action) => {
                hold(world, *action, true);
                None
            }
            Step::Release(action) => {
                hold(world, *action, false);
                None
            }
            Step::Expect(expectation) => {
                check(world, expectation)?;
                None
            }
            Step::Aim(x, y) => {
                checks::aim(world, Vec2::new(*x, *y))?;
                None
            }
            Step::Zoom(millimetres) => {
                checks::zoom(world, *millimetres)?;
                None
            }
            Step::Shutter(_)
            | Step::Aperture(_)
            | Step::AutoExposure
            | Step::Focus(_)
            | Step::Film(_) => {
                camera::set(world, step)?;
                None
            }
            Step::WalkTo(x) if !x.is_finite() => return Err(format!("cannot walk to x {x}")),
            Step::WalkTo(x) => {
                let body = checks::lev(world).ok_or("Lev is not in a level")?;
                let distance = (x - body.position.x).abs();
                let walk = Doing::Walk {
                    x: *x,
                    until: now + f64::from(distance / crate::explore::motion::CAREFUL_SPEED) + 5.0,
                    nearest: distance,
                    nearer_at: now,
                };
                return self.go_on(world, walk);
            }
            Step::Select(label) => return self.go_on(world, Doing::Select(label.clone())),
            Step::ReadOn => {
                if !conversing(world) {
                    return Err("no conversation is open to read on".into());
                }
                let reading = Doing::Reading {
                    presses: 0,
                    down: false,
                };
                return self.go_on(world, reading);
            }
            Step::CloseWindow => {
                let mut windows = world.query_filtered::<Entity, With<PrimaryWindow>>();
                match windows.iter(world).next() {
                    Some(window) => {
                        world.write_message(WindowCloseRequested { window });
                    }
                    None => {
                        world.write_message(AppExit::Success);
                    }
                }
                None
            }
            Step::Screenshot(file) => {
                if !world.contains_resource::<Assets<Image>>() {
                    return Err(
                        "there is no window to take a screenshot of: run the script \
                                without --headless"
                            .into(),
                    );
                }
                // A file left from before must not pass for the new one.
                let _ = std::fs::remove_file(file);
                world
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(file.clone()));
                let mut cameras =
                    world.query_filtered::<&Transform, With<crate::states::ViewCamera>>();
                if let Ok(view) = cameras.single(world) {
                    let (x, y) = (view.translation.x, view.translation.y);
                    let text = format!("screenshot: {file}, the view centred at ({x}, {y})");
                    super::trace::push(world, text);
                }
                Some(Doing::Screenshot {
                    file: file.clone(),
                    until: now + SCREENSHOT_SECONDS,
                })
            }
        })
    }

    /// Carries a step on by a frame: done (`None`), or still going.
    fn go_on(&mut self, world: &mut World, doing: Doing) -> Result<Option<Doing>, String> {
        let now = seconds(world);
        // Half a frame's grace, so that waits of whole frames are exact.
        let frame = self
            .frame_seconds
            .unwrap_or_else(|| world.resource::<Time<Real>>().delta_secs_f64());
        let half_frame = frame / 2.0;
        Ok(match doing {
            Doing::Frames(1) => None,
            Doing::Frames(left) => Some(Doing::Frames(left - 1)),
            Doing::Until { until, expectation } => {
                let holds = expectation.as_ref().map(|e| check(world, e));
                match holds {
                    Some(Ok(())) => None,
                    Some(Err(why)) if now + half_frame >= until => {
                        return Err(format!("still not so after the wait: {why}"));
                    }
                    None if now + half_frame >= until => None,
                    _ => Some(Doing::Until { until, expectation }),
                }
            }
            Doing::Pressed(action) => {
                hold(world, action, false);
                Some(Doing::Released)
            }
            Doing::Released => None,
            Doing::Walk {
                x,
                until,
                nearest,
                nearer_at,
            } => {
                let Some(body) = checks::lev(world) else {
                    let_go(world);
                    return Err("Lev left the level".into());
                };
                let distance = (x - body.position.x).abs();
                let (nearest, nearer_at) = if distance < nearest - 0.05 {
                    (distance, now)
                } else {
                    (nearest, nearer_at)
                };
                if now >= until || now - nearer_at > PATIENCE {
                    let_go(world);
                    return Err(format!(
                        "Lev cannot get to x {x}: he stopped at x {} (a wall, the level's edge, \
                         or a ladder he is on is in the way)",
                        super::trace::rounded(body.position.x)
                    ));
                }
                let tolerance = walk::tolerance(frame);
                let (direction, careful) = match walk::decide(&body, x, tolerance) {
                    Decision::Arrived => {
                        let_go(world);
                        return Ok(None);
                    }
                    Decision::Coast => (0.0, false),
                    Decision::Walk { direction, careful } => (direction, careful),
                };
                hold(world, Action::Left, direction < 0.0);
                hold(world, Action::Right, direction > 0.0);
                hold(world, Action::Careful, careful);
                Some(Doing::Walk {
                    x,
                    until,
                    nearest,
                    nearer_at,
                })
            }
            Doing::Reading {
                presses,
                down: true,
            } => {
                hold(world, Action::Interact, false);
                Some(Doing::Reading {
                    presses,
                    down: false,
                })
            }
            Doing::Reading { presses, .. } => {
                if !conversing(world) || open_choices(world).is_some() {
                    return Ok(None);
                }
                if presses >= MOST_READING_PRESSES {
                    return Err(format!(
                        "the conversation still shows lines after {} of them",
                        MOST_READING_PRESSES / 2
                    ));
                }
                hold(world, Action::Interact, true);
                Some(Doing::Reading {
                    presses: presses + 1,
                    down: true,
                })
            }
            Doing::Select(label) => {
                let Some((index, selected)) = selectable(world, &label)? else {
                    // The choices are not ready for a press yet.
                    return Ok(Some(Doing::Select(label)));
                };
                let action = match selected.cmp(&index) {
                    std::cmp::Ordering::Equal => Action::Confirm,
                    std::cmp::Ordering::Less => Action::Down,
                    std::cmp::Ordering::Greater => Action::Up,
                };
                hold(world, action, true);
                Some(if action == Action::Confirm {
                    Doing::Pressed(action)
                } else {
                    Doing::Moving { label, action }
                })
            }
            Doing::Moving { label, action } => {
                hold(world, action, false);
                Some(Doing::Moved(label))
            }
            Doing::Moved(label) => return self.go_on(world, Doing::Select(label)),
            Doing::Screenshot { file, until } => {
                if std::path::Path::new(&file).is_file() {
                    None
                } else if now >= until {
                    return Err(format!("the screenshot {file} was not written"));
                } else {
                    Some(Doing::Screenshot { file, until })
                }
            }
        })
    }
}

/// The index of the open menu's item, or the conversation's choice,
/// called `label`, and the index of the one selected now (none: the
/// choices do not take a press yet).
fn selectable(world: &mut World, label: &str) -> Result<Option<(usize, usize)>, String> {
    if let Some((labels, selected)) = open_menu(world) {
        let Some(index) = labels.iter().position(|l| *l == label) else {
            let all: Vec<&str> = labels.iter().map(String::as_str).collect();
            return Err(format!(
                "the menu has no item `{label}`{}",
                crate::data::suggest::hint(label, &all, "items")
            ));
        };
        return Ok(Some((index, selected)));
    }
    let Some((choices, selected, ready)) = open_choices(world) else {
        return Err(format!("no menu or choice is open to select `{label}` in"));
    };
    let Some(index) = choices
        .iter()
        .position(|c| c.text == label || c.id == label)
    else {
        let all: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
        return Err(format!(
            "no choice `{label}`{}",
            crate::data::suggest::hint(label, &all, "choices")
        ));
    };
    if !choices[index].available {
        return Err(format!(
            "the choice `{label}` is greyed: it cannot be chosen now"
        ));
    }
    Ok(ready.then_some((index, selected)))
}

/// Whether a conversation is open.
fn conversing(world: &World) -> bool {
    world
        .get_resource::<StoryState>()
        .is_some_and(|state| state.dialogue.is_some())
}

/// Real seconds since the game started.
fn seconds(world: &World) -> f64 {
    world.resource::<Time<Real>>().elapsed_secs_f64()
}

/// Holds `action` down (or lets go) from the next frame on.
fn hold(world: &mut World, action: Action, down: bool) {
    let mut scripted = world.resource_mut::<ScriptedActions>();
    if down {
        scripted.held.insert(action);
    } else {
        scripted.held.remove(&action);
    }
}

fn let_go(world: &mut World) {
    for action in [Action::Left, Action::Right, Action::Careful] {
        hold(world, action, false);
    }
}
