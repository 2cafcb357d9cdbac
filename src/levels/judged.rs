//! The night's data as the game plays it. Every data file the roots hold is
//! loaded as an asset; whenever one changes, the judge checks them together
//! exactly as `long-exposure validate` does, and only a set of files free of
//! errors becomes the [`NightData`] the game plays. A file saved with an
//! error leaves the last good set in play; data with errors from the start
//! means no new game can begin, and the problem panel says why.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bevy::asset::{AssetLoadFailedEvent, LoadState};
use bevy::prelude::*;

use super::{DataRoots, DialogueAsset, LevelAsset, ProblemBoard, StoryAsset, source};
use crate::content::files::{self, Checked, dialogue_stem};
use crate::content::roots::{DIALOGUE_FOLDER, LEVEL_SUFFIX, STORY_FILE};
use crate::content::schema::{Arrival, ClockTime, Dialogue, Level, Story};
use crate::content::validate::Finding;
use crate::data::{Diagnostic, Severity};
use crate::loading::StartupAssets;

/// The night's data free of errors: what the game plays.
#[derive(Resource, Debug, Default, PartialEq)]
pub struct NightData {
    /// The story; `None` until a set of files free of errors has loaded.
    pub story: Option<Story>,
    /// Every level of the data folders, by id, whether or not a chapter
    /// names it.
    pub levels: BTreeMap<String, Level>,
    /// Every dialogue of the data folders, by id.
    pub dialogues: BTreeMap<String, Dialogue>,
}

impl NightData {
    /// The level with `id`.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.get(id)
    }

    /// The dialogue with `id`.
    pub fn dialogue(&self, id: &str) -> Option<&Dialogue> {
        self.dialogues.get(id)
    }
}

/// Whether the data files are still loading or have been judged.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum DataStatus {
    /// A file is loading: nothing is decided yet.
    #[default]
    Loading,
    /// Every file has loaded or failed, and the set has been judged.
    Judged,
}

/// Where a new game begins when the command line says so (`--start`,
/// `--at`) instead of the story's start; with an arrival, the game skips
/// the title once.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct StartOverride {
    /// The level and spawn point to begin at.
    pub arrival: Option<Arrival>,
    /// The night's clock at the beginning.
    pub at: Option<ClockTime>,
}

/// What the night in play stands on (the story fills it in): the chapter
/// it is in and the level Lev is in. A set of files without them is not
/// played while the night goes on (it could not go on in it): the last
/// good set stays, and the problem panel says why.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct InPlay {
    /// The chapter's id.
    pub chapter: Option<String>,
    /// The level's id.
    pub level: Option<String>,
}

/// The handles of every data file found in the roots.
#[derive(Resource, Debug, Default)]
struct DataFiles {
    /// `story.ron`, if the roots have one.
    story: Option<Handle<StoryAsset>>,
    /// Each level file, by its name in the roots.
    levels: Vec<(String, Handle<LevelAsset>)>,
    /// Each dialogue file, by its path in the roots (`dialogue/x.dialogue.ron`).
    dialogues: Vec<(String, Handle<DialogueAsset>)>,
    /// Errors of the folders themselves (links, no story).
    folder_errors: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NightData>()
        .init_resource::<InPlay>()
        .init_resource::<DataStatus>()
        .init_resource::<DataFiles>()
        .add_systems(Startup, scan)
        .add_systems(Update, (rescan_on_change, judge).chain());
}

/// Lists the data files and loads every one not loaded yet; posts the
/// folders' problems.
fn scan(
    roots: Res<DataRoots>,
    board: Res<ProblemBoard>,
    assets: Res<AssetServer>,
    mut files: ResMut<DataFiles>,
    mut startup: ResMut<StartupAssets>,
) {
    let scan = roots.0.scan();
    files.folder_errors = scan.problems.iter().any(Diagnostic::is_error);
    board.set_folders(scan.problems);
    // A file gone from both folders is gone from the data.
    let names: Vec<String> = scan
        .files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let found = |name: &str| {
        let name = name.rsplit('/').next().unwrap_or(name);
        names.iter().any(|n| n == name)
    };
    let had = files.levels.len() + files.dialogues.len();
    files.levels.retain(|(name, _)| found(name));
    files.dialogues.retain(|(name, _)| found(name));
    if files.levels.len() + files.dialogues.len() < had {
        info!("a data file is gone: the data is judged without it");
    }
    for file in scan.files {
        let Some(name) = file.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if dialogue_stem(&file).is_some() {
            let name = format!("{DIALOGUE_FOLDER}/{name}");
            if !files.dialogues.iter().any(|(n, _)| *n == name) {
                let path = format!("{}://{name}", source::SOURCE);
                let handle = assets.load(path);
                startup.wait_for(handle.clone());
                files.dialogues.push((name, handle));
            }
            continue;
        }
        let path = format!("{}://{name}", source::SOURCE);
        if name == STORY_FILE {
            if files.story.is_none() {
                let handle = assets.load(path);
                startup.wait_for(handle.clone());
                files.story = Some(handle);
            }
        } else if !files.levels.iter().any(|(n, _)| *n == name) {
            let handle = assets.load(path);
            startup.wait_for(handle.clone());
            files.levels.push((name, handle));
        }
    }
}

/// A changed data file may come with new ones (a level added while the game
/// runs), or one may be gone: look again.
fn rescan_on_change(
    mut levels: MessageReader<AssetEvent<LevelAsset>>,
    mut stories: MessageReader<AssetEvent<StoryAsset>>,
    mut dialogues: MessageReader<AssetEvent<DialogueAsset>>,
    failures: (
        MessageReader<AssetLoadFailedEvent<LevelAsset>>,
        MessageReader<AssetLoadFailedEvent<DialogueAsset>>,
    ),
    roots: Res<DataRoots>,
    board: Res<ProblemBoard>,
    assets: Res<AssetServer>,
    files: ResMut<DataFiles>,
    startup: ResMut<StartupAssets>,
) {
    // A file that fails to load again may be gone (deleted while the game
    // runs): look again too.
    let (mut level_failures, mut dialogue_failures) = failures;
    let modified = levels.read().filter(|e| modified(e)).count()
        + stories.read().filter(|e| modified(e)).count()
        + dialogues.read().filter(|e| modified(e)).count()
        + level_failures.read().count()
        + dialogue_failures.read().count();
    if modified > 0 {
        scan(roots, board, assets, files, startup);
    }
}

fn modified<A: Asset>(event: &AssetEvent<A>) -> bool {
    matches!(event, AssetEvent::Modified { .. })
}

/// Judges the data files together whenever one has loaded, changed or
/// failed, and plays them if they are free of errors.
fn judge(
    mut level_events: MessageReader<AssetEvent<LevelAsset>>,
    mut story_events: MessageReader<AssetEvent<StoryAsset>>,
    mut dialogue_events: MessageReader<AssetEvent<DialogueAsset>>,
    mut level_failures: MessageReader<AssetLoadFailedEvent<LevelAsset>>,
    mut story_failures: MessageReader<AssetLoadFailedEvent<StoryAsset>>,
    mut dialogue_failures: MessageReader<AssetLoadFailedEvent<DialogueAsset>>,
    files: Res<DataFiles>,
    roots: Res<DataRoots>,
    server: Res<AssetServer>,
    assets: (
        Res<Assets<StoryAsset>>,
        Res<Assets<LevelAsset>>,
        Res<Assets<DialogueAsset>>,
    ),
    board: Res<ProblemBoard>,
    in_play: Res<InPlay>,
    mut status: ResMut<DataStatus>,
    mut night: ResMut<NightData>,
) {
    let (stories, levels, dialogues) = assets;
    let changed = level_events.read().count()
        + story_events.read().count()
        + dialogue_events.read().count()
        + level_failures.read().count()
        + story_failures.read().count()
        + dialogue_failures.read().count()
        > 0;
    if !changed && !files.is_changed() && !in_play.is_changed() && *status == DataStatus::Judged {
        return;
    }
    let mut loading = false;
    let mut unreadable: Vec<PathBuf> = Vec::new();
    let mut read = |name: &str, state: Option<LoadState>| match state {
        Some(LoadState::Loaded) => true,
        Some(LoadState::Failed(_)) => {
            unreadable.push(roots.0.resolve(Path::new(name)).unwrap_or_default());
            false
        }
        _ => {
            loading = true;
            false
        }
    };
    let story: Option<&Checked<Story>> = files.story.as_ref().and_then(|handle| {
        read(STORY_FILE, server.get_load_state(handle))
            .then(|| stories.get(handle).map(|a| &a.0))
            .flatten()
    });
    let level_reads: Vec<&Checked<Level>> = files
        .levels
        .iter()
        .filter(|(name, handle)| read(name, server.get_load_state(handle)))
        .filter_map(|(_, handle)| levels.get(handle).map(|a| &a.0))
        .collect();
    let dialogue_reads: Vec<&Checked<Dialogue>> = files
        .dialogues
        .iter()
        .filter(|(name, handle)| read(name, server.get_load_state(handle)))
        .filter_map(|(_, handle)| dialogues.get(handle).map(|a| &a.0))
        .collect();
    status.set_if_neq(if loading {
        DataStatus::Loading
    } else {
        DataStatus::Judged
    });
    if loading {
        return;
    }
    let unreadable: Vec<&Path> = unreadable.iter().map(PathBuf::as_path).collect();
    let mut references = files::cross_check(story, &level_reads, &dialogue_reads, &unreadable);
    references.extend(missing_in_play(&in_play, story, &level_reads, &roots));
    let clean = !files.folder_errors
        && unreadable.is_empty()
        && !references.iter().any(Diagnostic::is_error)
        && story.is_some_and(|s| !s.has_errors())
        && level_reads.iter().all(|l| !l.has_errors())
        && dialogue_reads.iter().all(|d| !d.has_errors());
    board.set_references(references);
    if let (true, Some(story)) = (clean, story) {
        night.set_if_neq(NightData {
            story: Some(story.value.clone()),
            levels: level_reads
                .iter()
                .map(|l| (l.value.id.clone(), l.value.clone()))
                .collect(),
            dialogues: dialogue_reads
                .iter()
                .map(|d| (d.value.id.clone(), d.value.clone()))
                .collect(),
        });
    }
}

/// What the night in play stands on that `story` and `levels` no longer
/// have, each an error: the chapter it is in, the level Lev is in.
fn missing_in_play(
    in_play: &InPlay,
    story: Option<&Checked<Story>>,
    levels: &[&Checked<Level>],
    roots: &DataRoots,
) -> Vec<Diagnostic> {
    let mut missing = Vec::new();
    let keep = "the last good version stays in play until it is back, or a new night begins";
    if let (Some(chapter), Some(story)) = (&in_play.chapter, story)
        && !story.value.chapters.iter().any(|c| c.id == *chapter)
    {
        missing.push(story.located.diagnostic(Finding {
            severity: Severity::Error,
            path: "chapters".into(),
            message: format!(
                "the night in play is in the chapter `{chapter}`, which is gone from the \
                 chapters: {keep}"
            ),
        }));
    }
    if let Some(level) = &in_play.level
        && !levels.iter().any(|l| l.value.id == *level)
    {
        let file = format!("{level}{LEVEL_SUFFIX}");
        let path = roots
            .0
            .resolve(Path::new(&file))
            .unwrap_or_else(|_| file.into());
        missing.push(Diagnostic::error(
            &path,
            None,
            format!("Lev is in the level `{level}`, whose file is gone: {keep}"),
        ));
    }
    missing
}
