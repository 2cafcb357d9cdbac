//! A script's hands on the camera's dials and film, and its questions of
//! how the last photograph was exposed and how sharp it came out.

use bevy::prelude::*;

use super::script::{Expectation, Step};
use crate::photo::Viewfinder;
use crate::photo::exposure::{
    FILMS, FOCUS_DISTANCES, film, focus_label, is_sharp, parse_aperture, parse_shutter,
};
use crate::photo::words::{settings_line, sharpness_line};
use crate::settings::Settings;
use crate::story::{PhotoRecord, StoryState};

/// Sets what `step` sets: a dial by hand (the camera going to manual), the
/// automatic mode back, the focus, or the film.
pub(super) fn set(world: &mut World, step: &Step) -> Result<(), String> {
    match step {
        Step::Shutter(label) => {
            let tv = parse_shutter(label).ok_or_else(|| {
                format!("no shutter speed `{label}`: give one from \"1/1000\" to \"30 s\"")
            })?;
            world.resource_mut::<Settings>().manual_exposure = true;
            world.resource_mut::<Viewfinder>().tv = tv;
        }
        Step::Aperture(n) => {
            let av = parse_aperture(*n).ok_or_else(|| {
                format!("no aperture f/{n}: give one of 1.4, 2, 2.8, 4, 5.6, 8, 11, 16")
            })?;
            world.resource_mut::<Settings>().manual_exposure = true;
            world.resource_mut::<Viewfinder>().av = av;
        }
        Step::AutoExposure => world.resource_mut::<Settings>().manual_exposure = false,
        Step::Focus(label) => {
            let stop = focus_stop(label)?;
            world.resource_mut::<Viewfinder>().focus = stop;
        }
        Step::Film(id) => {
            let loaded = film(id).ok_or_else(|| {
                let all: Vec<&str> = FILMS.iter().map(|f| f.id).collect();
                format!("no film `{id}`: give one of {}", all.join(", "))
            })?;
            let mut state = world
                .get_resource_mut::<StoryState>()
                .ok_or("no night is being played to load the film into")?;
            state.film = Some(loaded.id.to_owned());
        }
        other => return Err(format!("{other:?} does not set the camera")),
    }
    Ok(())
}

/// The focus ring's stop a script names: `"auto"`, `"inf"`, `"2 m"`.
fn focus_stop(label: &str) -> Result<Option<usize>, String> {
    let wanted = label.trim();
    if wanted == "auto" {
        return Ok(None);
    }
    let metres = wanted.trim_end_matches('m').trim();
    FOCUS_DISTANCES
        .iter()
        .position(|d| focus_label(*d).trim_end_matches('m').trim() == metres)
        .map(Some)
        .ok_or_else(|| {
            let all: Vec<String> = FOCUS_DISTANCES.iter().map(|d| focus_label(*d)).collect();
            format!(
                "no focus stop `{label}`: give \"auto\" or one of {}",
                all.join(", ")
            )
        })
}

/// Whether `expectation` of the last photograph (`last`) holds, and what
/// was found.
pub(super) fn check_last_photo(
    last: Option<&PhotoRecord>,
    expectation: &Expectation,
) -> (bool, String) {
    let Some((photo, camera)) = last.and_then(|p| p.camera.as_ref().map(|c| (p, c))) else {
        return (
            false,
            "no photograph taken with the camera's settings".into(),
        );
    };
    match expectation {
        Expectation::Exposed(stops, within) => (
            (camera.stops - stops).abs() <= *within,
            format!(
                "photograph {}: {:+.2} stops, {}",
                photo.number,
                camera.stops,
                settings_line(camera)
            ),
        ),
        Expectation::Sharp(key, sharp) => match photo.subjects.iter().find(|s| s.key == *key) {
            Some(subject) => {
                let smear = subject.smear.unwrap_or_default();
                (
                    is_sharp(smear.total()) == *sharp,
                    format!(
                        "`{key}` {} ({:.1} px)",
                        sharpness_line(&smear, camera, photo.focal),
                        smear.total()
                    ),
                )
            }
            None => (
                false,
                format!("photograph {} does not show `{key}`", photo.number),
            ),
        },
        other => (
            false,
            format!("{other:?} is not asked of the last photograph"),
        ),
    }
}
