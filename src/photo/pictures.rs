//! Tonight's pictures on their way to disk. Each captured picture is
//! written off the main thread into the photos folder; where that cannot
//! be written, into the spare folder in the player's data folder; where
//! neither can, it is held in memory while the game runs. The player is
//! told which and why, and every few seconds (and when a night is picked
//! up again) a held picture is written again and a spare one brought into
//! the photos folder. The story state notes where each picture is
//! (`image`, `waiting`), so a save records what still waits. When the game
//! quits, the pictures on their way are finished first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures::check_ready};
use image::RgbaImage;

use super::keeping::{Note, Placed, SPARE_FOLDER, Shelves};
use super::words;
use crate::data::kept::Notice;
use crate::data::kept::player_folder;
use crate::levels::NightData;
use crate::states::{Quitting, Screen, quitting};
use crate::story::StoryState;

/// How often pictures that wait are tried again.
const RETRY_EVERY: Duration = Duration::from_secs(10);

/// Where photographs are written, where a renderer runs.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct PhotoFolder(pub PathBuf);

impl PhotoFolder {
    /// The photos folder for `--data-dir DIR` (`DIR/photos`), else the
    /// platform's pictures folder (`Long Exposure` inside it), else the
    /// user data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        if let Some(dir) = data_dir {
            return Some(Self(dir.join("photos")));
        }
        let pictures = directories::UserDirs::new()
            .and_then(|dirs| dirs.picture_dir().map(|p| p.join("Long Exposure")));
        let data = || player_folder(None).map(|d| d.join("photos"));
        pictures.or_else(data).map(Self)
    }
}

/// A photograph's picture was captured: its pixels, to be kept.
#[derive(Event, Debug, Clone)]
pub struct PictureCaptured {
    /// The night it belongs to ([`StoryState::night`]).
    pub night: u64,
    /// Its number on the roll.
    pub number: u32,
    /// Its pixels.
    pub picture: Arc<RgbaImage>,
}

/// Where pictures go when the photos folder cannot be written: a folder
/// in the player's data folder.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct SpareFolder(pub PathBuf);

impl SpareFolder {
    /// `waiting-photos` in the player's data folder.
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        player_folder(data_dir).map(|folder| Self(folder.join(SPARE_FOLDER)))
    }
}

/// A photograph's picture was kept: where (`None`: held in memory, no
/// folder would take it), whether it still waits for the photos folder,
/// why it waits, and how long after it was captured it got there.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct PictureKept {
    /// The night it belongs to.
    pub night: u64,
    /// Its number on the roll.
    pub number: u32,
    /// Its file.
    pub path: Option<PathBuf>,
    /// Whether it has yet to reach the photos folder.
    pub waiting: bool,
    /// Why it waits.
    pub why: Option<String>,
    /// Milliseconds from its capture to here.
    pub millis: f64,
}

/// Pictures no folder would take, held while the game runs, by night and
/// number: the album shows them and the roll develops them.
#[derive(Resource, Debug, Default)]
pub(super) struct HeldPictures(pub(super) BTreeMap<(u64, u32), Arc<RgbaImage>>);

/// A picture being written.
#[derive(Component)]
pub(super) struct Writing {
    pub(super) picture: OnItsWay,
    task: Task<Placed>,
}

/// A picture on its way to disk.
#[derive(Debug, Clone)]
pub(super) struct OnItsWay {
    pub(super) night: u64,
    number: u32,
    picture: Arc<RgbaImage>,
    began: Instant,
    /// Whether it waited before (then its arrival is told).
    again: bool,
    /// Its PNG's text chunks: when, where, of what, how exposed.
    notes: Vec<Note>,
}

impl OnItsWay {
    /// Picture `number` of `night` setting off now; `again` when it waited
    /// before.
    fn new(
        night: u64,
        number: u32,
        picture: Arc<RgbaImage>,
        again: bool,
        notes: Vec<Note>,
    ) -> Self {
        Self {
            night,
            number,
            picture,
            began: Instant::now(),
            again,
            notes,
        }
    }
}

/// When pictures that wait are tried again: every so often, and at once
/// when asked (`now`).
#[derive(Resource, Debug)]
struct Retry {
    every: Timer,
    now: bool,
}

impl Default for Retry {
    fn default() -> Self {
        Self {
            every: Timer::new(RETRY_EVERY, TimerMode::Repeating),
            now: false,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HeldPictures>()
        .init_resource::<Retry>()
        .add_observer(write_captured)
        .add_observer(note_kept)
        // Continuing a night tries what waits at once.
        .add_systems(OnEnter(Screen::Playing), |mut retry: ResMut<Retry>| {
            retry.now = true;
        })
        .add_systems(Update, (finish_writing, retry_waiting).chain())
        .add_systems(
            Last,
            finish_on_quitting.in_set(Quitting::Finish).run_if(quitting),
        );
}

/// The shelves pictures are kept on, where the game writes pictures.
pub(super) fn shelves(
    photos: Option<&PhotoFolder>,
    spare: Option<&SpareFolder>,
) -> Option<Shelves> {
    photos.map(|photos| Shelves {
        photos: photos.0.clone(),
        spare: spare.map(|s| s.0.clone()),
    })
}

/// A photograph's file name without its extension: `night-<n>-<nn>`.
pub(super) fn stem(night: u64, number: u32) -> String {
    format!("night-{night}-{number:02}")
}

/// The text chunks of picture `number` of `night`, from its record in the
/// night in play (none when that night is not in play).
fn notes_of(state: Option<&StoryState>, data: &NightData, night: u64, number: u32) -> Vec<Note> {
    let Some(photo) = state
        .filter(|s| s.night == night)
        .and_then(|s| s.album.iter().find(|p| p.number == number))
    else {
        return Vec::new();
    };
    let place = data
        .level(&photo.level)
        .map_or(photo.level.as_str(), |l| l.name.as_str());
    words::notes(photo, place)
}

fn write_captured(
    captured: On<PictureCaptured>,
    photos: Option<Res<PhotoFolder>>,
    spare: Option<Res<SpareFolder>>,
    state: Option<Res<StoryState>>,
    data: Res<NightData>,
    mut commands: Commands,
) {
    let Some(shelves) = shelves(photos.as_deref(), spare.as_deref()) else {
        return;
    };
    let (night, number) = (captured.night, captured.number);
    let notes = notes_of(state.as_deref(), &data, night, number);
    let picture = OnItsWay::new(night, number, captured.picture.clone(), false, notes);
    commands.spawn(write(shelves, picture));
}

/// `picture` written off the main thread.
fn write(shelves: Shelves, picture: OnItsWay) -> impl Bundle {
    let (pixels, name) = (picture.picture.clone(), stem(picture.night, picture.number));
    let notes = picture.notes.clone();
    let task =
        AsyncComputeTaskPool::get().spawn(async move { shelves.place(&pixels, &name, &notes) });
    (Name::new("Writing a photograph"), Writing { picture, task })
}

fn finish_writing(
    mut writing: Query<(Entity, &mut Writing)>,
    mut held: ResMut<HeldPictures>,
    mut commands: Commands,
) {
    for (entity, mut job) in &mut writing {
        if let Some(placed) = check_ready(&mut job.task) {
            commands.entity(entity).despawn();
            landed(&job.picture, placed, &mut held, &mut commands);
        }
    }
}

/// Says where a written picture went, and holds it where it went nowhere.
fn landed(job: &OnItsWay, placed: Placed, held: &mut HeldPictures, commands: &mut Commands) {
    let key = (job.night, job.number);
    let number = job.number;
    let millis = job.began.elapsed().as_secs_f64() * 1e3;
    let was_held = held.0.remove(&key).is_some();
    let (path, waiting, why) = match placed {
        Placed::Photos(path) => {
            if job.again {
                commands.trigger(Notice(format!(
                    "Photograph {number} is in the photos folder now: {}.",
                    path.display()
                )));
            }
            (Some(path), false, None)
        }
        Placed::Spare { path, why } => {
            warn!("photograph {number} kept in {}: {why}", path.display());
            commands.trigger(Notice(format!(
                "Photograph {number} could not go to the photos folder ({why}). It is kept in {} \
                 and moved there once the folder can be written.",
                path.display()
            )));
            (Some(path), true, Some(why))
        }
        Placed::Nowhere(why, also) => {
            let also = also.map_or_else(String::new, |a| format!("; {a}"));
            warn!("photograph {number} was not saved: {why}{also}");
            if !was_held {
                commands.trigger(Notice(format!(
                    "Photograph {number} could not be written ({why}). It is kept while the game \
                     runs and written as soon as the disk allows."
                )));
            }
            held.0.insert(key, job.picture.clone());
            (None, true, Some(format!("{why}{also}")))
        }
    };
    commands.trigger(PictureKept {
        night: job.night,
        number,
        path,
        waiting,
        why,
        millis,
    });
}

/// The night in play notes where its pictures are.
fn note_kept(kept: On<PictureKept>, state: Option<ResMut<StoryState>>) {
    if let Some(mut state) = state.filter(|s| s.night == kept.night) {
        state.picture_kept(kept.number, kept.path.as_deref(), kept.waiting);
    }
}

/// Every so often: writes the held pictures again, and brings the night's
/// pictures kept in the spare folder into the photos folder.
fn retry_waiting(
    time: Res<Time<Real>>,
    mut retry: ResMut<Retry>,
    held: Res<HeldPictures>,
    writing: Query<&Writing>,
    state: Option<Res<StoryState>>,
    data: Res<NightData>,
    photos: Option<Res<PhotoFolder>>,
    spare: Option<Res<SpareFolder>>,
    mut commands: Commands,
) {
    let due = retry.every.tick(time.delta()).just_finished();
    if !std::mem::take(&mut retry.now) && !due {
        return;
    }
    let Some(shelves) = shelves(photos.as_deref(), spare.as_deref()) else {
        return;
    };
    for ((night, number), picture) in &held.0 {
        let on_its_way = |w: &Writing| w.picture.night == *night && w.picture.number == *number;
        if !writing.iter().any(on_its_way) {
            let notes = notes_of(state.as_deref(), &data, *night, *number);
            let again = OnItsWay::new(*night, *number, picture.clone(), true, notes);
            commands.spawn(write(shelves.clone(), again));
        }
    }
    let Some(state) = state else {
        return;
    };
    for photo in state.album.iter().filter(|p| p.waiting) {
        let Some(from) = photo.image.as_ref().map(PathBuf::from) else {
            continue;
        };
        if let Ok(path) = shelves.bring_in(&from) {
            commands.trigger(Notice(format!(
                "Photograph {} is in the photos folder now: {}.",
                photo.number,
                path.display()
            )));
            commands.trigger(PictureKept {
                night: state.night,
                number: photo.number,
                path: Some(path),
                waiting: false,
                why: None,
                millis: 0.0,
            });
        }
    }
}

/// The game is quitting: every picture on its way is finished first, and
/// a held one tried once more.
pub(super) fn finish_on_quitting(
    mut writing: Query<(Entity, &mut Writing)>,
    mut held: ResMut<HeldPictures>,
    state: Option<Res<StoryState>>,
    data: Res<NightData>,
    photos: Option<Res<PhotoFolder>>,
    spare: Option<Res<SpareFolder>>,
    mut commands: Commands,
) {
    for (entity, mut job) in &mut writing {
        let placed = block_on(&mut job.task);
        commands.entity(entity).despawn();
        landed(&job.picture, placed, &mut held, &mut commands);
    }
    let Some(shelves) = shelves(photos.as_deref(), spare.as_deref()) else {
        return;
    };
    let last: Vec<OnItsWay> = held
        .0
        .iter()
        .map(|((night, number), picture)| {
            let notes = notes_of(state.as_deref(), &data, *night, *number);
            OnItsWay::new(*night, *number, picture.clone(), true, notes)
        })
        .collect();
    for picture in last {
        let name = stem(picture.night, picture.number);
        let placed = shelves.place(&picture.picture, &name, &picture.notes);
        if !matches!(placed, Placed::Nowhere(..)) {
            landed(&picture, placed, &mut held, &mut commands);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_puts_the_photos_folder_under_it() {
        let folder = PhotoFolder::choose(Some(Path::new("/tmp/le"))).unwrap();
        assert_eq!(folder.0, Path::new("/tmp/le/photos"));
        let spare = SpareFolder::choose(Some(Path::new("/tmp/le"))).unwrap();
        assert_eq!(spare.0, Path::new("/tmp/le/waiting-photos"));
    }
}
