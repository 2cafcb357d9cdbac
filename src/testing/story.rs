//! Expectations of the story (flags, variables, the chapter, the clock, the
//! ending) and of the camera (photographs, film, goals), checked against
//! the story state as the game itself reads it; and aiming the camera.

use bevy::math::Vec2;

use super::Harness;
use super::script::Expectation;
use crate::levels::NightData;
use crate::levels::schema::Condition;
use crate::photo::{EYE, FOCAL_LENGTHS, Viewfinder};
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

impl Harness {
    /// Whether an expectation of the camera and the album holds now.
    pub(super) fn check_photos(&self, expectation: &Expectation) -> Result<(), String> {
        let world = self.world();
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

    /// Puts the raised camera's frame centre at `at`, as near as Lev reaches.
    pub fn aim(&mut self, at: Vec2) -> Result<(), String> {
        let world = self.app().world_mut();
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
    pub fn zoom(&mut self, millimetres: u32) -> Result<(), String> {
        let Some(index) = FOCAL_LENGTHS.iter().position(|f| *f == millimetres) else {
            let all: Vec<String> = FOCAL_LENGTHS.iter().map(u32::to_string).collect();
            return Err(format!(
                "no {millimetres} mm lens: give one of {}",
                all.join(", ")
            ));
        };
        self.app().world_mut().resource_mut::<Viewfinder>().focal = index;
        Ok(())
    }
}
