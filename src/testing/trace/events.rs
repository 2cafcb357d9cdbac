//! The happenings the game announces as events (the story's, the
//! conversation's, photographs, saves, the roll, notices), a line each.

use bevy::prelude::*;

use super::{Recorder, rounded};
use crate::data::kept::Notice;
use crate::dialogue::{ChoiceMade, ChoicesShown, DialogueEffect, DialogueEnded, LineShown};
use crate::photo::words::{settings_line, subject_line};
use crate::photo::{PhotoTaken, PictureKept, RollDeveloped, RollDeveloping, RollFinished};
use crate::save::{ContinueNight, NightSaved, Saves};
use crate::story::{ChapterBegan, DialogueRequested, Inspected, StoryEvent, StoryState};

pub(super) fn plugin(app: &mut App) {
    app.add_observer(|event: On<StoryEvent>, mut recorder: Recorder| {
        recorder.push(format!("story: {} (from {})", event.name, event.source));
    })
    .add_observer(|event: On<Inspected>, mut recorder: Recorder| {
        recorder.push(format!("inspect: {}: {}", event.id, event.text));
    })
    .add_observer(|event: On<DialogueRequested>, mut recorder: Recorder| {
        recorder.push(format!("dialogue: {}", event.id));
    })
    .add_observer(|shown: On<LineShown>, mut recorder: Recorder| {
        let line = &shown.line;
        let by = line
            .name
            .as_ref()
            .map_or(String::new(), |n| format!("{n}: "));
        recorder.push(format!(
            "line: {}/{}: {by}{}",
            shown.dialogue, line.id, line.text
        ));
    })
    .add_observer(|shown: On<ChoicesShown>, mut recorder: Recorder| {
        let choices: Vec<String> = shown
            .choices
            .iter()
            .map(|c| {
                let greyed = if c.available { "" } else { " (greyed)" };
                format!("{} \"{}\"{greyed}", c.id, c.text)
            })
            .collect();
        recorder.push(format!(
            "choices: {}: {}",
            shown.dialogue,
            choices.join(" | ")
        ));
    })
    .add_observer(|made: On<ChoiceMade>, mut recorder: Recorder| {
        recorder.push(format!("chose: {}/{}", made.dialogue, made.choice));
    })
    .add_observer(|applied: On<DialogueEffect>, mut recorder: Recorder| {
        let effect =
            ron::to_string(&applied.effect).unwrap_or_else(|_| format!("{:?}", applied.effect));
        recorder.push(format!(
            "effect: {}/{}: {effect}",
            applied.dialogue, applied.source
        ));
    })
    .add_observer(|ended: On<DialogueEnded>, mut recorder: Recorder| {
        recorder.push(format!("dialogue ended: {}", ended.dialogue));
    })
    .add_observer(|event: On<ChapterBegan>, mut recorder: Recorder| {
        recorder.push(format!("chapter: {} ({})", event.id, event.title));
    })
    .add_observer(
        |saved: On<NightSaved>, state: Option<Res<StoryState>>, mut recorder: Recorder| {
            let Some(state) = state else {
                return;
            };
            let problem = saved
                .problem
                .as_ref()
                .map_or(String::new(), |p| format!(", not written: {p}"));
            recorder.push(format!(
                "saved ({:?}): {} at {}{problem}",
                saved.reason,
                state.chapter,
                state.time()
            ));
        },
    )
    .add_observer(
        |_: On<ContinueNight>, saves: Res<Saves>, mut recorder: Recorder| {
            if let Some((save, backup)) = saves.to_continue() {
                let state = &save.state;
                recorder.push(format!(
                    "continue{}: {} at {}, {} ({}, {})",
                    if backup { " from the backup" } else { "" },
                    state.chapter,
                    state.time(),
                    state.place.level,
                    state.place.at.0,
                    state.place.at.1
                ));
            }
        },
    )
    .add_observer(
        |taken: On<PhotoTaken>, state: Option<Res<StoryState>>, mut recorder: Recorder| {
            let Some(photo) = state.and_then(|s| s.album.last().cloned()) else {
                return;
            };
            let subjects: Vec<String> = photo
                .subjects
                .iter()
                .map(|s| format!("{} {}", s.key, s.score))
                .collect();
            let what = if subjects.is_empty() {
                "nothing".to_owned()
            } else {
                subjects.join(", ")
            };
            let f = photo.frame;
            recorder.push(format!(
                "photo: {} at {} scored {}: {what}",
                taken.number, photo.at, photo.score
            ));
            recorder.push(format!(
                "photo: {} frame ({}, {}, {}, {}) at {} mm",
                taken.number,
                rounded(f.x),
                rounded(f.y),
                rounded(f.w),
                rounded(f.h),
                photo.focal
            ));
            if let Some(camera) = &photo.camera {
                recorder.push(format!(
                    "photo: {} exposed {}",
                    taken.number,
                    settings_line(camera)
                ));
                for subject in &photo.subjects {
                    let line = subject_line(subject, &photo);
                    recorder.push(format!("photo: {} {} is {line}", taken.number, subject.key));
                }
            }
        },
    )
    .add_observer(|kept: On<PictureKept>, mut recorder: Recorder| {
        let why = kept.why.as_deref().unwrap_or("");
        recorder.push(match (&kept.path, kept.waiting) {
            (Some(path), false) => format!(
                "photo: {} written in {:.0} ms to {}",
                kept.number,
                kept.millis,
                path.display()
            ),
            (Some(path), true) => format!(
                "photo: {} kept in the spare folder, {}: {why}",
                kept.number,
                path.display()
            ),
            (None, _) => format!("photo: {} held in memory: {why}", kept.number),
        });
    })
    .add_observer(|developing: On<RollDeveloping>, mut recorder: Recorder| {
        recorder.push(format!(
            "roll: developing {} frames of night {}",
            developing.frames, developing.night
        ));
    })
    .add_observer(|notice: On<Notice>, mut recorder: Recorder| {
        recorder.push(format!("notice: {}", notice.0));
    })
    .add_observer(|developed: On<RollDeveloped>, mut recorder: Recorder| {
        recorder.push(format!(
            "roll: {} frames developed ({:?}, {} pictures changed) in {:.0} ms, contact sheet {}",
            developed.frames,
            developed.change,
            developed.changed.len(),
            developed.millis,
            developed.sheet.display()
        ));
    })
    .add_observer(|_: On<RollFinished>, mut recorder: Recorder| {
        recorder.push("photo: the roll is finished".into());
    });
}
