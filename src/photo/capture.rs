//! Real pixels: where a renderer runs, each photograph's frame is drawn
//! once more by a camera of its own that sees only the world (not the
//! viewfinder's overlay, Lev, the HUD or any UI), captured with Bevy's
//! `Screenshot` of that render target, encoded to PNG off the main thread
//! and written as `<photos folder>/<night>-<number>.png`, never over another
//! file. The picture stays in memory for the album's thumbnails. A picture
//! that cannot be written is reported on screen and in the log, and the
//! night goes on. Headless, there is no renderer: the record is kept
//! without an image.

use std::path::{Path, PathBuf};
use std::time::Instant;

use bevy::camera::visibility::RenderLayers;
use bevy::camera::{RenderTarget, ScalingMode};
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::album::AlbumImages;
use super::shutter::PhotoTaken;
use crate::data::kept::player_folder;
use crate::states::{MIRROR_LAYER, Screen, WORLD_LAYER};
use crate::story::StoryState;
use crate::ui::{theme, widget};

/// Image pixels per virtual pixel of a photograph (the window's scale).
pub const PIXELS_PER_POINT: f32 = 4.0;
/// Seconds a notice about a photograph stays on screen.
const NOTICE_SECONDS: f32 = 4.0;

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

/// The camera drawing one photograph's picture.
#[derive(Component)]
struct Developing;

/// How many pictures are on their way to disk (captured or being
/// written): the developed roll waits for them.
#[derive(Resource, Debug, Default)]
pub(super) struct PicturesInFlight(pub(super) u32);

/// A picture being written to disk.
#[derive(Component)]
struct Writing {
    number: u32,
    task: Task<Result<PathBuf, String>>,
    shutter: Instant,
}

/// A photograph's picture is on disk: where, and how long after the
/// shutter it got there.
#[derive(Event, Debug, Clone, PartialEq)]
pub struct PhotoDeveloped {
    /// The photograph's number on the roll.
    pub number: u32,
    /// The file written.
    pub path: PathBuf,
    /// Milliseconds from the shutter to the file on disk.
    pub millis: f64,
}

/// A notice about the photographs on screen, with its time left.
#[derive(Component)]
struct Notice(Timer);

pub(super) fn plugin(app: &mut App) {
    // A picture taken just before the night ends is written during the
    // ending: the roll is developed with it.
    app.init_resource::<PicturesInFlight>()
        .add_systems(
            OnEnter(Screen::Playing),
            |mut flight: ResMut<PicturesInFlight>| {
                flight.0 = 0;
            },
        )
        .add_observer(develop)
        .add_systems(
            Update,
            (
                finish_writing.run_if(in_state(Screen::Playing).or_else(in_state(Screen::Ending))),
                fade_notices.run_if(in_state(Screen::Playing)),
            ),
        );
}

/// Draws the photograph's frame with a camera of its own and captures it.
fn develop(
    taken: On<PhotoTaken>,
    images: Option<ResMut<Assets<Image>>>,
    folder: Option<Res<PhotoFolder>>,
    state: Option<Res<StoryState>>,
    mut album: ResMut<AlbumImages>,
    mut flight: ResMut<PicturesInFlight>,
    mut commands: Commands,
) {
    let Some(mut images) = images else {
        return;
    };
    if folder.is_some() {
        flight.0 += 1;
    }
    let frame = taken.frame;
    let size = (Vec2::new(frame.w, frame.h) * PIXELS_PER_POINT)
        .round()
        .max(Vec2::ONE)
        .as_uvec2();
    let target = images.add(Image::new_target_texture(
        size.x,
        size.y,
        TextureFormat::Rgba8UnormSrgb,
        None,
    ));
    album.0.insert(taken.number, target.clone());
    let centre = Vec2::from(frame.centre());
    let camera = commands
        .spawn((
            Name::new("Photograph"),
            Developing,
            Camera2d,
            Camera {
                order: -1,
                clear_color: ClearColorConfig::Custom(theme::NIGHT),
                ..default()
            },
            RenderTarget::Image(target.clone().into()),
            Msaa::Off,
            Projection::Orthographic(OrthographicProjection {
                scaling_mode: ScalingMode::Fixed {
                    width: frame.w,
                    height: frame.h,
                },
                ..OrthographicProjection::default_2d()
            }),
            Transform::from_translation(centre.extend(0.0)),
            RenderLayers::from_layers(&[WORLD_LAYER, MIRROR_LAYER]),
            DespawnOnExit(Screen::Playing),
        ))
        .id();
    let number = taken.number;
    let shutter = Instant::now();
    let night = state.map_or(0, |s| s.night);
    let folder = folder.map(|f| f.0.clone());
    commands.spawn(Screenshot::image(target)).observe(
        move |captured: On<ScreenshotCaptured>, mut commands: Commands| {
            commands.entity(camera).try_despawn();
            let Some(folder) = folder.clone() else {
                return;
            };
            let image = captured.image.clone();
            let task = AsyncComputeTaskPool::get()
                .spawn(async move { write_png(image, &folder, night, number) });
            commands.spawn((
                Name::new("Writing a photograph"),
                Writing {
                    number,
                    task,
                    shutter,
                },
            ));
        },
    );
}

/// Encodes `image` as PNG and writes it under `folder`, never over a file.
fn write_png(image: Image, folder: &Path, night: u64, number: u32) -> Result<PathBuf, String> {
    let rgba = image
        .try_into_dynamic()
        .map_err(|e| format!("the picture could not be read: {e}"))?
        .to_rgba8();
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot make the folder {}: {e}", folder.display()))?;
    let path = free_path(folder, &format!("night-{night}-{number:02}"));
    rgba.save_with_format(&path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// `<folder>/<stem>.png`, or with `-2`, `-3`... if taken: never a file
/// that exists.
pub(super) fn free_path(folder: &Path, stem: &str) -> PathBuf {
    let mut path = folder.join(format!("{stem}.png"));
    let mut copy = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{copy}.png"));
        copy += 1;
    }
    path
}

/// Records where each finished picture went, or says why it is not there.
fn finish_writing(
    mut writing: Query<(Entity, &mut Writing)>,
    state: Option<ResMut<StoryState>>,
    mut flight: ResMut<PicturesInFlight>,
    mut commands: Commands,
) {
    let mut state = state;
    for (entity, mut job) in &mut writing {
        let Some(result) = check_ready(&mut job.task) else {
            continue;
        };
        commands.entity(entity).despawn();
        flight.0 = flight.0.saturating_sub(1);
        match result {
            Ok(path) => {
                let millis = job.shutter.elapsed().as_secs_f64() * 1e3;
                info!(
                    "photograph {} written to {} ({millis:.0} ms after the shutter)",
                    job.number,
                    path.display()
                );
                commands.trigger(PhotoDeveloped {
                    number: job.number,
                    path: path.clone(),
                    millis,
                });
                if let Some(state) = state.as_mut()
                    && let Some(photo) = state.album.iter_mut().find(|p| p.number == job.number)
                {
                    photo.image = Some(path.to_string_lossy().into_owned());
                }
            }
            Err(why) => {
                warn!("photograph {} was not saved: {why}", job.number);
                let text = format!("Photograph {} was not saved: {why}", job.number);
                commands.spawn((
                    Name::new("Photograph notice"),
                    Notice(Timer::from_seconds(NOTICE_SECONDS, TimerMode::Once)),
                    Node {
                        position_type: PositionType::Absolute,
                        top: px(60),
                        width: percent(100),
                        justify_content: JustifyContent::Center,
                        ..default()
                    },
                    DespawnOnExit(Screen::Playing),
                    children![widget::panel_text(text)],
                ));
            }
        }
    }
}

fn fade_notices(
    time: Res<Time>,
    mut notices: Query<(Entity, &mut Notice)>,
    mut commands: Commands,
) {
    for (entity, mut notice) in &mut notices {
        if notice.0.tick(time.delta()).is_finished() {
            commands.entity(entity).despawn();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photograph_never_overwrites_a_file() {
        let folder =
            std::env::temp_dir().join(format!("long-exposure-photos-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let first = free_path(&folder, "night-7-03");
        assert_eq!(first, folder.join("night-7-03.png"));
        std::fs::write(&first, b"taken").unwrap();
        assert_eq!(
            free_path(&folder, "night-7-03"),
            folder.join("night-7-03-2.png")
        );
        assert_eq!(
            free_path(&folder, "night-7-04"),
            folder.join("night-7-04.png")
        );
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn data_dir_puts_the_photos_folder_under_it() {
        let folder = PhotoFolder::choose(Some(Path::new("/tmp/le"))).unwrap();
        assert_eq!(folder.0, Path::new("/tmp/le/photos"));
    }
}
