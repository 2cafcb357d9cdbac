//! Saves: the night written out as it stands, and picked up again. A save is
//! the story state (the hub holds everything a save needs), taken when each
//! chapter begins, when the player saves from the pause menu and when the
//! game is quit in the middle of the night. Continuing puts the state back
//! and Lev where he stood: nothing the night did fires again, because what
//! has fired is part of the state.
//!
//! The files are kept in the player's data folder ([`SaveFile`]); without
//! one (a headless run with no `--data-dir`) saves last as long as the game
//! runs. The pure core ([`file`]) reads, checks and writes them.

pub mod file;

pub use file::{SAVE_VERSION, Save, SaveFolder, SaveProblem, SaveReason, Slot};

use std::path::Path;

use bevy::prelude::*;

use crate::data::kept::Notice;
use crate::data::kept::{KeptProblems, player_folder};
use crate::levels::{CurrentLevel, NightData};
use crate::photo::{DevelopRoll, PictureKept, RollDeveloped};
use crate::states::{Quitting, Screen, quitting};
use crate::story::{ChapterBegan, StoryState};

/// Where saves are kept between runs.
#[derive(Resource, Debug, Clone)]
pub struct SaveFile(pub SaveFolder);

impl SaveFile {
    /// The player's data folder (see [`player_folder`]).
    pub fn choose(data_dir: Option<&Path>) -> Option<Self> {
        player_folder(data_dir).map(|folder| Self(SaveFolder(folder)))
    }

    /// Keeps the game's saves in this folder, reading what it holds now
    /// (before the title shows, which offers Continue by it).
    pub fn insert_into(self, world: &mut World) {
        let (saves, problems) = Saves::read(&self.0);
        if let Some(problem) = saves.problem() {
            warn!("the save cannot be continued: {problem}");
        }
        KeptProblems::add(world, problems);
        world.insert_resource(saves);
        world.insert_resource(self);
    }
}

/// The saves the game knows of: the latest, the one before it, and the
/// nights that came to their endings.
#[derive(Resource, Debug, Default)]
pub struct Saves {
    /// The latest save.
    pub latest: Slot,
    /// The save before it.
    pub backup: Slot,
    /// Every night that came to its ending, newest first.
    pub ended: Vec<Save>,
}

impl Saves {
    /// The saves kept in `folder`, and why any ended night among them
    /// could not be read (it is set aside).
    pub fn read(folder: &SaveFolder) -> (Self, Vec<String>) {
        let (ended, problems) = folder.read_ended();
        for problem in &problems {
            warn!("an ended night cannot be shown in the album: {problem}");
        }
        let saves = Self {
            latest: SaveFolder::read(&folder.latest()),
            backup: SaveFolder::read(&folder.backup()),
            ended,
        };
        (saves, problems)
    }

    /// The save Continue picks up: the latest, or the backup when the
    /// latest cannot be used (`true` when it is the backup).
    pub fn to_continue(&self) -> Option<(&Save, bool)> {
        let going_on = |save: &&Save| save.state.ending.is_none();
        match (&self.latest, self.backup.save().filter(going_on)) {
            (Slot::Ready(save), _) => Some((save, false)),
            (Slot::Unusable(_), Some(backup)) => Some((backup, true)),
            _ => None,
        }
    }

    /// The nights whose rolls the title's album shows, newest first: the
    /// one Continue picks up, then every night that came to its ending (or
    /// the backup, where it is of an ended night kept before there were
    /// more).
    pub fn album_nights(&self) -> Vec<&Save> {
        let ended_backup = self.backup.save().filter(|s| s.state.ending.is_some());
        let ended: Vec<&Save> = match (self.ended.is_empty(), ended_backup) {
            (true, Some(backup)) => vec![backup],
            _ => self.ended.iter().collect(),
        };
        self.to_continue()
            .map(|(save, _)| save)
            .into_iter()
            .chain(ended)
            .collect()
    }

    /// Why the latest save cannot be used, if it cannot.
    pub fn problem(&self) -> Option<&SaveProblem> {
        match &self.latest {
            Slot::Unusable(problem) => Some(problem),
            _ => None,
        }
    }
}

/// Asks for the night to be saved now.
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveNight {
    /// Why.
    pub reason: SaveReason,
}

/// A save was written, or could not be (`problem`).
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct NightSaved {
    /// Why it was taken.
    pub reason: SaveReason,
    /// What went wrong writing it to disk, if anything did.
    pub problem: Option<String>,
}

/// Asks for the night to go on from the save Continue picks up
/// ([`Saves::to_continue`]).
#[derive(Event, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContinueNight;

/// A chapter began and is saved once Lev stands in its level.
#[derive(Resource, Debug, Default)]
struct ChapterToSave(Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Saves>()
        .init_resource::<ChapterToSave>()
        .add_observer(save_night)
        .add_observer(continue_night)
        .add_observer(
            |began: On<ChapterBegan>, mut to_save: ResMut<ChapterToSave>| {
                to_save.0 = Some(began.id.clone());
            },
        )
        .add_observer(keep_picture_of_ended_night)
        .add_observer(keep_roll_of_ended_night)
        .add_systems(Startup, develop_kept_rolls)
        .add_systems(
            PostUpdate,
            save_chapter_once_arrived.run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            OnExit(Screen::Playing),
            |mut to_save: ResMut<ChapterToSave>| {
                to_save.0 = None;
            },
        )
        .add_systems(
            Last,
            save_on_quitting.in_set(Quitting::Save).run_if(quitting),
        )
        .add_systems(OnEnter(Screen::Ending), put_by_the_ended_night);
}

/// A night that came to its ending is not continued: it is kept whole
/// among the ended nights and as the backup (its roll for the title's
/// album) as the ending begins, and the title offers a new night. What
/// comes of its pictures and its roll afterwards is kept with it.
fn put_by_the_ended_night(
    state: Option<Res<StoryState>>,
    file: Option<Res<SaveFile>>,
    mut saves: ResMut<Saves>,
) {
    let Some(state) = state.filter(|s| s.ending.is_some()) else {
        return;
    };
    let ended = Save::now(&state, SaveReason::Ended);
    if let Some(file) = file
        && let Err(problem) = file.0.put_by(&ended, &saves.latest)
    {
        warn!("the ended night could not be put by: {problem}");
    }
    saves.latest = Slot::Empty;
    saves
        .ended
        .retain(|kept| kept.state.night != ended.state.night);
    saves.ended.insert(0, ended.clone());
    saves.backup = Slot::Ready(Box::new(ended));
}

/// Every kept night whose roll was left undeveloped (the game closed or was
/// killed as it developed) is developed as the game starts.
fn develop_kept_rolls(saves: Res<Saves>, mut commands: Commands) {
    for night in saves.ended.iter().filter(|s| s.state.roll_to_develop()) {
        info!(
            "the roll of night {} was left undeveloped",
            night.state.night
        );
        commands.trigger(DevelopRoll(Box::new(night.state.clone())));
    }
}

fn keep_picture_of_ended_night(
    kept: On<PictureKept>,
    file: Option<Res<SaveFile>>,
    mut saves: ResMut<Saves>,
) {
    change_ended_night(&mut saves, file.as_deref(), kept.night, |state| {
        state.picture_kept(kept.number, kept.path.as_deref(), kept.waiting);
    });
}

fn keep_roll_of_ended_night(
    developed: On<RollDeveloped>,
    file: Option<Res<SaveFile>>,
    mut saves: ResMut<Saves>,
) {
    change_ended_night(&mut saves, file.as_deref(), developed.night, |state| {
        state.roll_developed(&developed.changed, &developed.sheet);
    });
}

/// Changes the kept ended night `night` (if there is one) by `change`, and
/// writes it again whole, as the backup too where the backup is of it.
fn change_ended_night(
    saves: &mut Saves,
    file: Option<&SaveFile>,
    night: u64,
    change: impl FnOnce(&mut StoryState),
) {
    let Some(ended) = saves.ended.iter_mut().find(|s| s.state.night == night) else {
        return;
    };
    change(&mut ended.state);
    let ended = ended.clone();
    let backup = saves
        .backup
        .save()
        .is_some_and(|b| b.state.night == night && b.state.ending.is_some());
    if backup {
        saves.backup = Slot::Ready(Box::new(ended.clone()));
    }
    if let Some(file) = file
        && let Err(problem) = file.0.keep_ended(&ended, backup)
    {
        warn!("the ended night could not be kept: {problem}");
    }
}

/// Saves the night in progress (not one that has come to its ending).
fn save_night(
    request: On<SaveNight>,
    state: Option<Res<StoryState>>,
    file: Option<Res<SaveFile>>,
    mut saves: ResMut<Saves>,
    mut commands: Commands,
) {
    let Some(state) = state.filter(|s| s.ending.is_none()) else {
        return;
    };
    let save = Save::now(&state, request.reason);
    let problem = file.and_then(|file| file.0.write(&save, &saves.latest).err());
    match &problem {
        Some(problem) => {
            warn!("the night could not be saved: {problem}");
            commands.trigger(Notice(format!(
                "The night could not be saved ({problem}). It plays on, and the next save tries \
                 again."
            )));
        }
        None => info!(
            "saved: {} at {} ({:?})",
            state.chapter,
            state.time(),
            request.reason
        ),
    }
    // What the game knows follows what was written (or would have been).
    let previous = std::mem::replace(&mut saves.latest, Slot::Ready(Box::new(save)));
    if previous.save().is_some() {
        saves.backup = previous;
    }
    commands.trigger(NightSaved {
        reason: request.reason,
        problem,
    });
}

/// The chapter that began is saved once Lev stands in its level (after the
/// journey there, if it begins elsewhere).
fn save_chapter_once_arrived(
    mut to_save: ResMut<ChapterToSave>,
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    level: Option<Res<CurrentLevel>>,
    mut commands: Commands,
) {
    let (Some(id), Some(state), Some(level)) = (&to_save.0, state, level) else {
        return;
    };
    let chapter_level = data
        .story
        .as_ref()
        .and_then(|s| s.chapters.iter().find(|c| &c.id == id))
        .map(|c| c.level.as_str());
    let arrived = level.spawned && state.place.level == level.id;
    if arrived && chapter_level.is_none_or(|l| l == level.id) {
        to_save.0 = None;
        commands.trigger(SaveNight {
            reason: SaveReason::Chapter,
        });
    }
}

/// Quitting the game in the middle of the night saves it first (once the
/// pictures on their way have landed, so that it names them).
fn save_on_quitting(screen: Option<Res<State<Screen>>>, mut commands: Commands) {
    if screen.is_some_and(|s| *s.get() == Screen::Playing) {
        commands.trigger(SaveNight {
            reason: SaveReason::Quit,
        });
    }
}

/// Puts the saved night back: the story state as it was, and Lev where he
/// stood, in the night being played.
fn continue_night(
    _: On<ContinueNight>,
    saves: Res<Saves>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    let Some((save, backup)) = saves.to_continue() else {
        return;
    };
    let state = save.state.clone();
    info!(
        "continuing {}: {} at {}",
        if backup {
            "from the backup"
        } else {
            "the night"
        },
        state.chapter,
        state.time()
    );
    commands.insert_resource(CurrentLevel::resuming(
        &state.place.level,
        state.place.at.into(),
    ));
    commands.insert_resource(state);
    next.set(Screen::Playing);
}

/// What would be lost by leaving the night `now` without saving, against
/// the `saved` one: `None` when nothing would be.
pub fn lost_since(saved: Option<&StoryState>, now: &StoryState) -> Option<String> {
    let Some(saved) = saved.filter(|s| s.night == now.night) else {
        return Some("The night has not been saved: all of it would be lost.".into());
    };
    if saved == now {
        return None;
    }
    let minutes = (now.minutes - saved.minutes).max(0.0).round() as u32;
    let photos = now.album.len().saturating_sub(saved.album.len());
    let mut lost = vec![match minutes {
        0 => "less than a minute of the night".to_owned(),
        1 => "1 minute of the night".to_owned(),
        n => format!("{n} minutes of the night"),
    }];
    if photos > 0 {
        lost.push(format!(
            "{photos} photograph{}",
            if photos == 1 { "" } else { "s" }
        ));
    }
    let talks = conversations_since(saved, now);
    if talks > 0 {
        lost.push(format!(
            "{talks} conversation{}",
            if talks == 1 { "" } else { "s" }
        ));
    }
    let last = lost.pop().unwrap_or_default();
    let all = if lost.is_empty() {
        last
    } else {
        format!("{} and {last}", lost.join(", "))
    };
    Some(format!(
        "Since the last save, at {}: {all} would be lost.",
        saved.time()
    ))
}

/// How many conversations went further since `saved`: the dialogues with
/// a node (`dialogue/node`) reached more often `now`.
fn conversations_since(saved: &StoryState, now: &StoryState) -> usize {
    let dialogue = |key: &str| key.split('/').next().unwrap_or(key).to_owned();
    now.node_visits
        .iter()
        .filter(|(node, count)| saved.node_visits.get(*node).is_none_or(|was| was < count))
        .map(|(node, _)| dialogue(node))
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

#[cfg(test)]
mod tests;
