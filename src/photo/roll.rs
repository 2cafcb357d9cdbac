//! The darkroom: a night's roll developed once it came to its ending. Each
//! picture is changed as the ending says (`<photo>-changed.png`, the
//! original kept as it was) and a contact sheet of every frame is made
//! (`night-<night>-contact-sheet.png`), off the main thread and whatever
//! the screen: leaving the ending at once does not stop it, quitting the
//! game finishes it first, and a roll a killed process left undeveloped is
//! asked for again when the game next starts ([`DevelopRoll`]). A roll
//! that cannot be developed says why, and is tried again at the next
//! start. Headless there are no pictures, and nothing to develop.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Instant;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures::check_ready};

use super::capture::ToCapture;
use super::developing::{Developed, Ingredients, develop_roll};
use super::keeping::Shelves;
use super::pictures::{self, HeldPictures, PhotoFolder, PictureKept, SpareFolder, Writing};
use crate::content::schema::{AlbumChange, Story};
use crate::data::kept::Notice;
use crate::levels::{DataStatus, NightData};
use crate::states::{Quitting, Screen, quitting};
use crate::story::StoryState;

/// The longest a roll waits for pictures still on their way (wall-clock
/// time: writing them is work off the main thread, however fast frames
/// run).
const MOST_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Asks for a night's roll to be developed: the night as it ended. A roll
/// already developed, or one this run is developing, is left as it is.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct DevelopRoll(pub Box<StoryState>);

/// A night's roll is being developed.
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollDeveloping {
    /// The night.
    pub night: u64,
    /// Its frames.
    pub frames: usize,
}

/// A night's roll has been developed.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct RollDeveloped {
    /// The night.
    pub night: u64,
    /// Frames on the contact sheet.
    pub frames: usize,
    /// How the photographs changed.
    pub change: AlbumChange,
    /// The contact sheet's file.
    pub sheet: PathBuf,
    /// Each changed photograph's file, by its number.
    pub changed: Vec<(u32, PathBuf)>,
    /// Milliseconds it took, off the main thread.
    pub millis: f64,
}

/// The roll developed last, its contact sheet as an image the interface
/// can show.
#[derive(Resource, Debug, Clone)]
pub struct DevelopedRoll {
    /// The night.
    pub night: u64,
    /// The contact sheet.
    pub sheet: Handle<Image>,
}

/// The rolls waiting, the one being developed, and what became of those
/// this run tried.
#[derive(Resource, Debug, Default)]
pub struct Darkroom {
    waiting: VecDeque<Waiting>,
    running: Option<Running>,
    developed: BTreeSet<u64>,
    failed: BTreeMap<u64, String>,
}

/// A roll waiting its turn.
#[derive(Debug)]
struct Waiting {
    night: StoryState,
    since: Instant,
}

/// The roll being developed.
#[derive(Debug)]
struct Running {
    roll: Roll,
    task: Task<Result<Developed, String>>,
}

/// A roll begun.
#[derive(Debug, Clone)]
struct Roll {
    night: u64,
    frames: usize,
    change: AlbumChange,
    /// Where its originals are, for a failure to say.
    originals: String,
    started: Instant,
}

impl Darkroom {
    /// Whether a roll is waiting or being developed.
    pub fn busy(&self) -> bool {
        self.running.is_some() || !self.waiting.is_empty()
    }

    /// Why the roll of `night` could not be developed, if it could not.
    pub fn failure(&self, night: u64) -> Option<&str> {
        self.failed.get(&night).map(String::as_str)
    }

    /// Whether the roll of `night` is waiting or being developed.
    fn has(&self, night: u64) -> bool {
        self.running.as_ref().is_some_and(|r| r.roll.night == night)
            || self.waiting.iter().any(|w| w.night.night == night)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Darkroom>()
        .add_observer(queue)
        .add_observer(follow_pictures)
        .add_observer(note_developed)
        .add_systems(OnEnter(Screen::Ending), develop_tonight)
        .add_systems(Update, (begin_developing, finish_developing).chain())
        .add_systems(
            Last,
            finish_on_quitting
                .after(pictures::finish_on_quitting)
                .in_set(Quitting::Finish)
                .run_if(quitting),
        );
}

/// The night that just ended asks for its roll.
fn develop_tonight(state: Option<Res<StoryState>>, mut commands: Commands) {
    if let Some(state) = state {
        commands.trigger(DevelopRoll(Box::new(state.clone())));
    }
}

/// Queues a roll that asks, once its night ended: one with a picture kept,
/// or one whose pictures are still on their way (written off the main
/// thread, they can land after the ending began).
fn queue(
    request: On<DevelopRoll>,
    to_capture: Res<ToCapture>,
    writing: Query<&Writing>,
    mut darkroom: ResMut<Darkroom>,
) {
    let night = &request.0;
    let to_develop = night.roll_to_develop()
        || (night.ending.is_some()
            && night.contact_sheet.is_none()
            && on_its_way(night.night, &to_capture, &writing));
    if !to_develop || darkroom.has(night.night) || darkroom.developed.contains(&night.night) {
        return;
    }
    darkroom.failed.remove(&night.night);
    darkroom.waiting.push_back(Waiting {
        night: (**night).clone(),
        since: Instant::now(),
    });
}

/// A picture of a waiting roll that lands is developed from where it went.
fn follow_pictures(kept: On<PictureKept>, mut darkroom: ResMut<Darkroom>) {
    for waiting in darkroom.waiting.iter_mut() {
        if waiting.night.night == kept.night {
            waiting
                .night
                .picture_kept(kept.number, kept.path.as_deref(), kept.waiting);
        }
    }
}

/// The night in play notes its developed roll.
fn note_developed(developed: On<RollDeveloped>, state: Option<ResMut<StoryState>>) {
    if let Some(mut state) = state.filter(|s| s.night == developed.night) {
        state.roll_developed(&developed.changed, &developed.sheet);
    }
}

/// What developing `night` takes (the pictures held, the change its
/// ending says), and the roll begun.
fn begin(
    night: &StoryState,
    shelves: Shelves,
    story: Option<&Story>,
    held: &HeldPictures,
) -> (Ingredients, Roll) {
    let change = story
        .zip(night.ending.as_ref())
        .and_then(|(story, id)| story.endings.iter().find(|e| e.id == *id))
        .map(|e| e.album)
        .unwrap_or_default();
    let ingredients = Ingredients {
        shelves,
        change,
        held: held
            .0
            .iter()
            .filter(|((n, _), _)| *n == night.night)
            .map(|((_, number), picture)| (*number, picture.clone()))
            .collect(),
    };
    let roll = Roll {
        night: night.night,
        frames: night.album.len(),
        change,
        originals: originals(night, &ingredients.held),
        started: Instant::now(),
    };
    (ingredients, roll)
}

/// Where the originals of `night` are: the folders of their files, and
/// whether some are held in memory.
fn originals(night: &StoryState, held: &BTreeMap<u32, std::sync::Arc<image::RgbaImage>>) -> String {
    let mut places: Vec<String> = Vec::new();
    for photo in &night.album {
        let folder = photo
            .image
            .as_ref()
            .and_then(|p| Path::new(p).parent().map(|f| format!("in {}", f.display())));
        let place = folder.or_else(|| {
            held.contains_key(&photo.number)
                .then(|| "held in memory while the game runs".to_owned())
        });
        if let Some(place) = place.filter(|p| !places.contains(p)) {
            places.push(place);
        }
    }
    if places.is_empty() {
        "nowhere: no picture of it was kept".to_owned()
    } else {
        places.join(" and ")
    }
}

/// Once no picture of it is on its way (or after a few seconds), begins
/// developing the first roll waiting.
fn begin_developing(
    mut darkroom: ResMut<Darkroom>,
    to_capture: Res<ToCapture>,
    writing: Query<&Writing>,
    held: Res<HeldPictures>,
    data: Res<NightData>,
    status: Res<DataStatus>,
    photos: Option<Res<PhotoFolder>>,
    spare: Option<Res<SpareFolder>>,
    mut commands: Commands,
) {
    // The change is the ending's: the story must have been read.
    if darkroom.running.is_some() || *status == DataStatus::Loading {
        return;
    }
    let Some(first) = darkroom.waiting.front() else {
        return;
    };
    let night = first.night.night;
    if on_its_way(night, &to_capture, &writing) && first.since.elapsed() < MOST_WAIT {
        return;
    }
    let Some(shelves) = pictures::shelves(photos.as_deref(), spare.as_deref()) else {
        return;
    };
    let Some(waiting) = darkroom.waiting.pop_front() else {
        return;
    };
    let (ingredients, roll) = begin(&waiting.night, shelves, data.story.as_ref(), &held);
    let frames = waiting.night.album;
    let task = AsyncComputeTaskPool::get()
        .spawn(async move { develop_roll(&frames, &ingredients, night) });
    info!(
        "developing the roll of night {night}: {} frames",
        roll.frames
    );
    commands.trigger(RollDeveloping {
        night,
        frames: roll.frames,
    });
    darkroom.running = Some(Running { roll, task });
}

/// Whether a picture of `night` is still to be captured or written.
fn on_its_way(night: u64, to_capture: &ToCapture, writing: &Query<&Writing>) -> bool {
    to_capture.0 > 0 || writing.iter().any(|w| w.picture.night == night)
}

/// Says what became of the roll being developed, once it is done.
fn finish_developing(
    mut darkroom: ResMut<Darkroom>,
    mut images: Option<ResMut<Assets<Image>>>,
    mut commands: Commands,
) {
    // Looking does not change the darkroom: what shows it redraws only
    // when a roll is done.
    let Some(running) = darkroom.bypass_change_detection().running.as_mut() else {
        return;
    };
    let Some(result) = check_ready(&mut running.task) else {
        return;
    };
    if let Some(running) = darkroom.running.take() {
        let images = images.as_deref_mut();
        done(&mut darkroom, running.roll, result, images, &mut commands);
    }
}

/// Announces a developed roll and shows its sheet, or says why it failed.
fn done(
    darkroom: &mut Darkroom,
    roll: Roll,
    result: Result<Developed, String>,
    images: Option<&mut Assets<Image>>,
    commands: &mut Commands,
) {
    let night = roll.night;
    match result {
        Ok(developed) => {
            let millis = roll.started.elapsed().as_secs_f64() * 1e3;
            info!(
                "the roll developed in {millis:.0} ms: {}",
                developed.sheet_path.display()
            );
            darkroom.developed.insert(night);
            if let Some(images) = images {
                let mut sheet = Image::from_dynamic(
                    image::DynamicImage::ImageRgba8(developed.sheet),
                    true,
                    RenderAssetUsages::RENDER_WORLD,
                );
                sheet.sampler = ImageSampler::linear();
                commands.insert_resource(DevelopedRoll {
                    night,
                    sheet: images.add(sheet),
                });
            }
            commands.trigger(RollDeveloped {
                night,
                frames: roll.frames,
                change: roll.change,
                sheet: developed.sheet_path,
                changed: developed.changed,
                millis,
            });
        }
        Err(why) => {
            warn!("the roll of night {night} could not be developed: {why}");
            let told = format!(
                "The roll could not be developed: {why}. The photographs are kept as they were \
                 taken, {}; it is tried again when the game next starts.",
                roll.originals
            );
            commands.trigger(Notice(told.clone()));
            darkroom.failed.insert(night, told);
        }
    }
}

/// The game is quitting: the roll being developed, and every roll
/// waiting, is finished first.
fn finish_on_quitting(
    mut darkroom: ResMut<Darkroom>,
    held: Res<HeldPictures>,
    data: Res<NightData>,
    photos: Option<Res<PhotoFolder>>,
    spare: Option<Res<SpareFolder>>,
    mut images: Option<ResMut<Assets<Image>>>,
    mut commands: Commands,
) {
    if let Some(mut running) = darkroom.running.take() {
        let result = block_on(&mut running.task);
        let images = images.as_deref_mut();
        done(&mut darkroom, running.roll, result, images, &mut commands);
    }
    let Some(shelves) = pictures::shelves(photos.as_deref(), spare.as_deref()) else {
        return;
    };
    while let Some(waiting) = darkroom.waiting.pop_front() {
        let (ingredients, roll) =
            begin(&waiting.night, shelves.clone(), data.story.as_ref(), &held);
        let result = develop_roll(&waiting.night.album, &ingredients, roll.night);
        let images = images.as_deref_mut();
        done(&mut darkroom, roll, result, images, &mut commands);
    }
}
