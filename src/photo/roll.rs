//! The developed roll, at the night's ending: once every picture of the
//! night is on disk, each is changed as the ending says (`<photo>-changed.png`
//! beside the original, which stays as it was) and a contact sheet of every
//! frame is made (`night-<night>-contact-sheet.png`), off the main thread.
//! The ending screen shows the sheet ([`DevelopedRoll`]). Headless there
//! are no pictures, and nothing to develop.

use std::path::{Path, PathBuf};
use std::time::Instant;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use image::RgbaImage;

use super::capture::{PIXELS_PER_POINT, PhotoFolder, PicturesInFlight, free_path};
use super::develop::{self, SheetFrame};
use crate::levels::NightData;
use crate::levels::schema::AlbumChange;
use crate::states::Screen;
use crate::story::StoryState;

/// The roll, developed: the contact sheet to show. Present on the ending
/// screen once it is done ([`RollDeveloped`] says where the files went).
#[derive(Resource, Debug, Clone)]
pub struct DevelopedRoll {
    /// The contact sheet, as an image the interface can show.
    pub sheet: Handle<Image>,
}

/// The roll has been developed.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct RollDeveloped {
    /// Frames on the contact sheet.
    pub frames: usize,
    /// How the photographs changed.
    pub change: AlbumChange,
    /// The contact sheet's file.
    pub sheet: PathBuf,
    /// The changed photographs' files.
    pub changed: Vec<PathBuf>,
    /// Milliseconds it took, off the main thread.
    pub millis: f64,
}

/// The roll being developed.
#[derive(Component)]
struct Developing {
    task: Task<Result<Developed, String>>,
    change: AlbumChange,
    frames: usize,
    started: Instant,
}

/// What developing made.
struct Developed {
    sheet: RgbaImage,
    sheet_path: PathBuf,
    /// Each changed picture's file, by the photograph's number.
    changed: Vec<(u32, PathBuf)>,
}

/// The most seconds the roll waits for pictures still on their way.
const MOST_WAIT_SECONDS: f32 = 5.0;

/// Whether developing has begun this ending, and how long it has waited.
#[derive(Resource, Default)]
struct Begun {
    begun: bool,
    waited: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Begun>()
        .add_systems(
            Update,
            (begin_developing, finish_developing)
                .chain()
                .run_if(in_state(Screen::Ending)),
        )
        .add_systems(OnExit(Screen::Ending), |mut commands: Commands| {
            commands.remove_resource::<DevelopedRoll>();
            commands.insert_resource(Begun::default());
        });
}

/// Once no picture is on its way to disk (or after a few seconds), develops
/// the night's roll.
fn begin_developing(
    time: Res<Time<Real>>,
    mut begun: ResMut<Begun>,
    flight: Res<PicturesInFlight>,
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    folder: Option<Res<PhotoFolder>>,
    mut commands: Commands,
) {
    begun.waited += time.delta_secs();
    if begun.begun || (flight.0 > 0 && begun.waited < MOST_WAIT_SECONDS) {
        return;
    }
    begun.begun = true;
    let (Some(state), Some(folder)) = (state, folder) else {
        return;
    };
    if state.album.iter().all(|p| p.image.is_none()) {
        return;
    }
    let change = data
        .story
        .as_ref()
        .zip(state.ending.as_ref())
        .and_then(|(story, id)| story.endings.iter().find(|e| e.id == *id))
        .map(|e| e.album)
        .unwrap_or_default();
    let frames: Vec<(u32, Option<PathBuf>)> = state
        .album
        .iter()
        .map(|p| (p.number, p.image.as_ref().map(PathBuf::from)))
        .collect();
    let (count, night, folder) = (frames.len(), state.night, folder.0.clone());
    let task = AsyncComputeTaskPool::get()
        .spawn(async move { develop_roll(&frames, change, &folder, night) });
    commands.spawn((
        Name::new("Developing the roll"),
        Developing {
            task,
            change,
            frames: count,
            started: Instant::now(),
        },
        DespawnOnExit(Screen::Ending),
    ));
}

/// Changes each picture of `frames` by `change` and writes it beside its
/// original, then makes and writes the contact sheet of them all. A picture
/// that cannot be read is left blank on the sheet.
fn develop_roll(
    frames: &[(u32, Option<PathBuf>)],
    change: AlbumChange,
    folder: &Path,
    night: u64,
) -> Result<Developed, String> {
    let mut pictures: Vec<(u32, Option<RgbaImage>)> = Vec::new();
    let mut changed = Vec::new();
    for (number, original) in frames {
        let picture = original.as_ref().and_then(|path| match image::open(path) {
            Ok(picture) => Some((path, picture.to_rgba8())),
            Err(why) => {
                warn!("{}: cannot develop it: {why}", path.display());
                None
            }
        });
        let Some((path, picture)) = picture else {
            pictures.push((*number, None));
            continue;
        };
        let after = develop::changed(&picture, change, PIXELS_PER_POINT as u32);
        let stem = path.file_stem().map_or_else(
            || format!("night-{night}-{number:02}"),
            |s| s.to_string_lossy().into_owned(),
        );
        let target = free_path(path.parent().unwrap_or(folder), &format!("{stem}-changed"));
        after
            .save_with_format(&target, image::ImageFormat::Png)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        changed.push((*number, target));
        pictures.push((*number, Some(after)));
    }
    let sheet_frames: Vec<SheetFrame> = pictures
        .iter()
        .map(|(number, picture)| SheetFrame {
            number: *number,
            picture: picture.as_ref(),
        })
        .collect();
    let sheet = develop::contact_sheet(&sheet_frames);
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot make the folder {}: {e}", folder.display()))?;
    let sheet_path = free_path(folder, &format!("night-{night}-contact-sheet"));
    sheet
        .save_with_format(&sheet_path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write {}: {e}", sheet_path.display()))?;
    Ok(Developed {
        sheet,
        sheet_path,
        changed,
    })
}

/// Shows the developed roll, and notes each changed picture's file in the
/// night's album (the kept night follows, for the title's album).
fn finish_developing(
    mut developing: Query<(Entity, &mut Developing)>,
    images: Option<ResMut<Assets<Image>>>,
    mut state: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    let Some(mut images) = images else {
        return;
    };
    for (entity, mut job) in &mut developing {
        let Some(result) = check_ready(&mut job.task) else {
            continue;
        };
        commands.entity(entity).despawn();
        match result {
            Ok(developed) => {
                let millis = job.started.elapsed().as_secs_f64() * 1e3;
                info!(
                    "the roll developed in {millis:.0} ms: {}",
                    developed.sheet_path.display()
                );
                let mut sheet = Image::from_dynamic(
                    image::DynamicImage::ImageRgba8(developed.sheet),
                    true,
                    RenderAssetUsages::RENDER_WORLD,
                );
                sheet.sampler = ImageSampler::linear();
                if let Some(state) = state.as_mut() {
                    for (number, path) in &developed.changed {
                        if let Some(photo) = state.album.iter_mut().find(|p| p.number == *number) {
                            photo.developed = Some(path.to_string_lossy().into_owned());
                        }
                    }
                }
                commands.trigger(RollDeveloped {
                    frames: job.frames,
                    change: job.change,
                    sheet: developed.sheet_path,
                    changed: developed
                        .changed
                        .into_iter()
                        .map(|(_, path)| path)
                        .collect(),
                    millis,
                });
                commands.insert_resource(DevelopedRoll {
                    sheet: images.add(sheet),
                });
            }
            Err(why) => warn!("the roll could not be developed: {why}"),
        }
    }
}
