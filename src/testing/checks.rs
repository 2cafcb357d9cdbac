//! What a script can ask of the game, read from its world: the screen, the
//! pause, the level, where Lev stands, what the trace printed, the story
//! (flags, variables, the chapter, the clock, the ending), the camera
//! (photographs, film, goals) and the conversation, as the game itself
//! reads them; and aiming the camera.

use bevy::prelude::*;

use super::camera;
use super::script::Expectation;
use super::trace::{self, Trace};
use crate::content::schema::Condition;
use crate::dialogue::runner::{self, Shown};
use crate::explore::{Body, Lev, motion};
use crate::levels::CurrentLevel;
use crate::levels::NightData;
use crate::photo::{EYE, FOCAL_LENGTHS, Viewfinder};
use crate::states::{Pause, Screen};
use crate::story::{DialogueAt, StoryState, logic};

/// The current screen.
pub(super) fn screen(world: &World) -> Option<Screen> {
    world
        .get_resource::<State<Screen>>()
        .map(|state| *state.get())
}

/// The id of the level Lev is in, once it is built.
pub(super) fn level(world: &World) -> Option<String> {
    let current = world.get_resource::<CurrentLevel>()?;
    current.spawned.then(|| current.id.clone())
}

/// Whether the pause menu is open.
pub(super) fn paused(world: &World) -> bool {
    world
        .get_resource::<State<Pause>>()
        .is_some_and(|state| *state.get() == Pause::Paused)
}

/// Lev's body, while he is in a level.
pub(super) fn lev(world: &mut World) -> Option<motion::Body> {
    let mut query = world.query_filtered::<&Body, With<Lev>>();
    query.single(world).ok().map(|body| body.0)
}

/// How many lines printed so far contain `text`.
fn times(world: &World, text: &str) -> usize {
    world
        .get_resource::<Trace>()
        .map_or(0, |t| t.0.iter().filter(|l| l.text.contains(text)).count())
}

/// Whether the game has been asked to quit.
fn exited(world: &World) -> bool {
    world
        .get_resource::<Messages<AppExit>>()
        .is_some_and(|messages| {
            bevy::ecs::message::MessageCursor::<AppExit>::default()
                .read(messages)
                .len()
                > 0
        })
}

/// Whether `expectation` holds now; if not, says what was found instead.
pub(super) fn check(world: &mut World, expectation: &Expectation) -> Result<(), String> {
    match expectation {
        Expectation::Screen(want) => match screen(world) {
            Some(found) if found == *want => Ok(()),
            found => Err(format!("expected screen {want:?}, found {found:?}")),
        },
        Expectation::Paused(want) => match paused(world) {
            found if found == *want => Ok(()),
            found => Err(format!("expected paused = {want}, found paused = {found}")),
        },
        Expectation::Level(want) => match level(world) {
            Some(found) if found == *want => Ok(()),
            found => Err(format!("expected level `{want}`, found {found:?}")),
        },
        Expectation::Happened(text) => match times(world, text) {
            0 => Err(format!("expected a line containing `{text}`; none so far")),
            _ => Ok(()),
        },
        Expectation::NotHappened(text) => match times(world, text) {
            0 => Ok(()),
            n => Err(format!("expected no line containing `{text}`; found {n}")),
        },
        Expectation::HappenedTimes(text, want) => match times(world, text) {
            n if n == *want as usize => Ok(()),
            n => Err(format!(
                "expected {want} lines containing `{text}`; found {n}"
            )),
        },
        Expectation::Exited => match exited(world) {
            true => Ok(()),
            false => Err("expected the game to have quit, it is still running".into()),
        },
        Expectation::At(x, y, tolerance) => {
            let want = Vec2::new(*x, *y);
            match lev(world).map(|b| b.position) {
                Some(at) if (at - want).abs().max_element() <= *tolerance => Ok(()),
                Some(at) => Err(format!(
                    "expected Lev at {} within {tolerance}, found him at {}",
                    trace::point(want),
                    trace::point(at)
                )),
                None => Err("expected Lev in a level; he is not in one".into()),
            }
        }
        Expectation::SubjectAt(key, x, y, tolerance) => {
            let want = Vec2::new(*x, *y);
            match subject_centre(world, key)? {
                at if (at - want).abs().max_element() <= *tolerance => Ok(()),
                at => Err(format!(
                    "expected `{key}` at {} within {tolerance}, found it at {}",
                    trace::point(want),
                    trace::point(at)
                )),
            }
        }
        Expectation::Photos(_)
        | Expectation::PhotoOf(..)
        | Expectation::NotInLastPhoto(_)
        | Expectation::Exposed(..)
        | Expectation::Sharp(..)
        | Expectation::FilmLeft(_)
        | Expectation::GoalDone(_) => check_photos(world, expectation),
        Expectation::DialogueOpen(_) | Expectation::Line(_) | Expectation::Choice(_) => {
            check_dialogue(world, expectation)
        }
        _ => check_story(world, expectation),
    }
}

/// Where the subject `key` (`level/subject`) has its centre now, as its
/// motion puts it (the judge's place for it).
fn subject_centre(world: &World, key: &str) -> Result<Vec2, String> {
    let state = world
        .get_resource::<StoryState>()
        .ok_or_else(|| format!("expected `{key}` somewhere; no night is being played"))?;
    let data = world.resource::<NightData>();
    let (level, id) = key.split_once('/').unwrap_or(("", key));
    let level = data
        .level(level)
        .ok_or_else(|| format!("no level `{level}` for `{key}`: write `level/subject`"))?;
    let subject = level
        .subjects
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| format!("no subject `{id}` in level `{}`", level.id))?;
    let area = state
        .placement(level, subject.moves.as_deref())
        .area(&subject.area);
    Ok(Vec2::from(area.centre()))
}

/// Whether a story expectation holds now; if not, what was found.
fn check_story(world: &World, expectation: &Expectation) -> Result<(), String> {
    let Some(state) = world.get_resource::<StoryState>() else {
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
        Expectation::Chapter(id) => (state.chapter == *id, format!("chapter `{}`", state.chapter)),
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

/// Whether an expectation of the camera and the album holds now.
fn check_photos(world: &World, expectation: &Expectation) -> Result<(), String> {
    let (Some(state), Some(story)) = (
        world.get_resource::<StoryState>(),
        world.resource::<NightData>().story.as_ref(),
    ) else {
        return Err(format!(
            "expected {expectation:?}; no night is being played"
        ));
    };
    let album: Vec<String> = state
        .album
        .iter()
        .map(|p| {
            let best = p
                .subjects
                .first()
                .map_or("nothing".into(), |s| s.key.clone());
            format!("{} ({best} {})", p.number, p.score)
        })
        .collect();
    let (holds, found) = match expectation {
        Expectation::Photos(n) => (
            state.album.len() == *n as usize,
            format!("{} photographs", state.album.len()),
        ),
        Expectation::PhotoOf(key, score) => (
            state
                .album
                .iter()
                .flat_map(|p| &p.subjects)
                .any(|s| s.key == *key && s.score >= *score),
            format!("the album: [{}]", album.join(", ")),
        ),
        Expectation::NotInLastPhoto(key) => (
            state
                .album
                .last()
                .is_some_and(|p| p.subjects.iter().all(|s| s.key != *key)),
            match state.album.last() {
                Some(p) => format!("photograph {} shows [{}]", p.number, shown_subjects(p)),
                None => "no photograph yet".into(),
            },
        ),
        Expectation::Exposed(..) | Expectation::Sharp(..) => {
            camera::check_last_photo(state.album.last(), expectation)
        }
        Expectation::FilmLeft(n) => {
            let left = state.film_left(story);
            (left == *n, format!("{left} frames left"))
        }
        Expectation::GoalDone(id) => {
            let data = world.resource::<NightData>();
            let goal = data
                .levels
                .values()
                .flat_map(|l| &l.shot_list)
                .find(|g| g.id == *id);
            match goal {
                Some(goal) => (
                    state.flags.contains(&goal.sets_flag),
                    format!("its flag `{}` not set", goal.sets_flag),
                ),
                None => (false, format!("no shot-list goal `{id}` in any level")),
            }
        }
        _ => return Err(format!("{expectation:?} is not about photographs")),
    };
    if holds {
        Ok(())
    } else {
        let want = ron::to_string(expectation).unwrap_or_else(|_| format!("{expectation:?}"));
        Err(format!("expected {want}, found {found}"))
    }
}

/// The subjects a photograph shows, with their scores: `streets/tram 72`.
fn shown_subjects(photo: &crate::story::PhotoRecord) -> String {
    let shown: Vec<String> = photo
        .subjects
        .iter()
        .map(|s| format!("{} {}", s.key, s.score))
        .collect();
    shown.join(", ")
}

/// Whether an expectation of the conversation holds now.
fn check_dialogue(world: &World, expectation: &Expectation) -> Result<(), String> {
    let state = world.get_resource::<StoryState>();
    let position = state.and_then(|s| s.dialogue.clone());
    let dialogue = position
        .as_ref()
        .and_then(|p| world.resource::<NightData>().dialogue(&p.dialogue));
    let choices = match (dialogue, state) {
        (Some(dialogue), Some(state)) => match runner::shown(dialogue, state) {
            Shown::Choices(choices) => Some(choices),
            _ => None,
        },
        _ => None,
    };
    let found = match (&position, &choices) {
        (None, _) => "no conversation".to_owned(),
        (Some(p), Some(choices)) => {
            let shown: Vec<String> = choices
                .iter()
                .map(|c| {
                    let greyed = if c.available { "" } else { " (greyed)" };
                    format!("{}/{}{greyed}", p.dialogue, c.id)
                })
                .collect();
            format!("the choices [{}]", shown.join(", "))
        }
        (Some(p), None) => match &p.at {
            DialogueAt::Line(line) => format!("the line `{}/{line}`", p.dialogue),
            DialogueAt::Choosing => format!("`{}` choosing", p.dialogue),
        },
    };
    let holds = match expectation {
        Expectation::DialogueOpen(open) => position.is_some() == *open,
        Expectation::Line(key) => position.as_ref().is_some_and(
            |p| matches!(&p.at, DialogueAt::Line(line) if format!("{}/{line}", p.dialogue) == *key),
        ),
        Expectation::Choice(key) => position.as_ref().is_some_and(|p| {
            choices
                .iter()
                .flatten()
                .any(|c| c.available && format!("{}/{}", p.dialogue, c.id) == *key)
        }),
        _ => return Err(format!("{expectation:?} is not about dialogue")),
    };
    if holds {
        Ok(())
    } else {
        let want = ron::to_string(expectation).unwrap_or_else(|_| format!("{expectation:?}"));
        Err(format!("expected {want}, found {found}"))
    }
}

/// Puts the raised camera's frame centre at `at`, as near as Lev reaches.
pub(super) fn aim(world: &mut World, at: Vec2) -> Result<(), String> {
    let place = world.get_resource::<StoryState>().map(|s| s.place.clone());
    let level = place
        .as_ref()
        .and_then(|p| world.resource::<NightData>().level(&p.level).cloned());
    let (Some(place), Some(level)) = (place, level) else {
        return Err("Lev is not in a level".into());
    };
    let mut viewfinder = world.resource_mut::<Viewfinder>();
    if !viewfinder.raised {
        return Err("the camera is not raised: Press(Camera) first".into());
    }
    let eye = Vec2::from(place.at) + Vec2::new(0.0, EYE);
    viewfinder.aim_at(at - eye, &level);
    Ok(())
}

/// Sets the raised camera's focal length.
pub(super) fn zoom(world: &mut World, millimetres: u32) -> Result<(), String> {
    let Some(index) = FOCAL_LENGTHS.iter().position(|f| *f == millimetres) else {
        let all: Vec<String> = FOCAL_LENGTHS.iter().map(u32::to_string).collect();
        return Err(format!(
            "no {millimetres} mm lens: give one of {}",
            all.join(", ")
        ));
    };
    world.resource_mut::<Viewfinder>().focal = index;
    Ok(())
}
