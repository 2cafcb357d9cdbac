//! The shutter: in the viewfinder it spends a frame of film, judges what
//! the frame holds, keeps the photograph in the album (the story state),
//! marks the level's shot-list goals it meets and sets their flags. An
//! empty roll clicks dry and says so. Where a renderer runs, the picture
//! itself is captured (see `capture`).

use bevy::prelude::*;

use super::dials::read_frame;
use super::exposure::{f_number, seconds};
use super::judge::{CameraView, Occluder, Shot, SubjectView, judge};
use super::viewfinder::Viewfinder;
use crate::audio::{PlaySfx, Sfx};
use crate::content::schema::{Area, Level, ShotTarget};
use crate::input::{Action, ActionState, InputContext};
use crate::levels::{ActiveLevel, NightData};
use crate::settings::Settings;
use crate::states::{PausableSystems, Screen};
use crate::story::{CameraRecord, MotionSystems, PhotoRecord, StoryState, rates};
use crate::world::{Occluding, PhotoSubject};

/// A photograph was taken: its number on the roll (its record is the
/// album's last).
#[derive(Event, Debug, Clone, PartialEq)]
pub struct PhotoTaken {
    /// Its number on the roll.
    pub number: u32,
    /// The frame, in level pixels.
    pub frame: Area,
}

/// The step a subject's speed is measured over, in seconds.
const SPEED_STEP: f32 = 0.05;

/// The shutter was pressed with no film left.
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollFinished;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        shoot
            .after(super::overlay::ViewfinderSystems)
            .after(MotionSystems)
            .in_set(PausableSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

fn shoot(
    actions: Res<ActionState>,
    viewfinder: Res<Viewfinder>,
    level: ActiveLevel,
    data: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    subjects: Query<(&PhotoSubject, Option<&Visibility>)>,
    occluders: Query<&Occluding>,
    settings: Res<Settings>,
    mut sfx: MessageWriter<PlaySfx>,
    mut commands: Commands,
) {
    if actions.context() != InputContext::Viewfinder || !actions.just_pressed(Action::Shutter) {
        return;
    }
    let (Some(level), Some(story), Some(mut state)) = (level.get(), &data.story, state) else {
        return;
    };
    if state.film_left(story) == 0 {
        sfx.write(PlaySfx(Sfx::DryClick));
        commands.trigger(RollFinished);
        return;
    }
    let frame = viewfinder.frame(state.place.at.into(), level);
    // What moves is judged where it is at this instant, and its speed kept.
    let rates = rates(story, &state, actions.context());
    let place =
        |area: &Area, moves: &Option<String>| state.placement(level, moves.as_deref()).area(area);
    let velocity = |area: &Area, moves: &Option<String>| {
        let ahead = state.placement_ahead(level, moves.as_deref(), SPEED_STEP, rates);
        let (now, then) = (place(area, moves).centre(), ahead.area(area).centre());
        ((then.0 - now.0) / SPEED_STEP, (then.1 - now.1) / SPEED_STEP)
    };
    // A person who is not there (hidden) is not in the photograph.
    let views: Vec<SubjectView> = subjects
        .iter()
        .filter(|(_, shown)| shown.is_none_or(|v| *v != Visibility::Hidden))
        .map(|(s, _)| SubjectView {
            key: &s.key,
            name: &s.name,
            tags: &s.subject.tags,
            area: place(&s.subject.area, &s.subject.moves),
            facing: s.subject.facing,
            depth: s.subject.depth,
            moments: &s.subject.moments,
            velocity: velocity(&s.subject.area, &s.subject.moves),
        })
        .collect();
    let hiders: Vec<Occluder> = occluders
        .iter()
        .map(|o| Occluder {
            area: place(&o.area, &o.moves),
            depth: o.depth,
        })
        .collect();
    // Metered and set at this instant; braced in the careful stance.
    let placed = views.iter().map(|v| (v.area, v.depth));
    let reading = read_frame(&viewfinder, &frame, story, level, &state, &settings, placed);
    let braced = actions.pressed(Action::Careful);
    let judged = judge(&Shot {
        frame,
        camera_x: state.place.at.0,
        time: state.time(),
        subjects: &views,
        occluders: &hiders,
        camera: Some(CameraView {
            seconds: seconds(reading.tv),
            f_number: f_number(reading.av),
            focal: viewfinder.focal_length(),
            focus: reading.focus,
            braced,
            stops: reading.stops,
        }),
    });
    let number = state.album.len() as u32 + 1;
    let record = PhotoRecord {
        number,
        level: level.id.clone(),
        at: state.time(),
        frame,
        focal: viewfinder.focal_length(),
        score: judged.score,
        subjects: judged.subjects,
        image: None,
        developed: None,
        waiting: false,
        camera: Some(CameraRecord {
            tv: reading.tv,
            av: reading.av,
            focus: reading.focus,
            film: reading.film.id.to_owned(),
            iso: reading.film.iso,
            braced,
            auto: reading.auto,
            light: reading.light,
            stops: reading.stops,
        }),
    };
    meet_goals(level, &record, &mut state);
    state.album.push(record);
    sfx.write(PlaySfx(Sfx::Shutter));
    sfx.write(PlaySfx(Sfx::FilmAdvance));
    commands.trigger(PhotoTaken { number, frame });
}

/// Sets the flag of each of `level`'s shot-list goals that `photo` meets.
fn meet_goals(level: &Level, photo: &PhotoRecord, state: &mut StoryState) {
    for goal in &level.shot_list {
        let met = photo.subjects.iter().any(|s| {
            s.score >= goal.min_score
                && match &goal.target {
                    ShotTarget::Subject(id) => level
                        .subjects
                        .iter()
                        .find(|subject| subject.id == *id)
                        .is_some_and(|subject| subject.recorded_as(&level.id).0 == s.key),
                    ShotTarget::Tag(tag) => s.tags.contains(tag),
                }
        });
        if met && !state.flags.contains(&goal.sets_flag) {
            state.flags.insert(goal.sets_flag.clone());
        }
    }
}
