//! Real pixels: where a renderer runs, each photograph's frame is drawn
//! once more by a camera of its own that sees only the world (not the
//! viewfinder's overlay, Lev, the HUD or any UI), captured with Bevy's
//! `Screenshot` of that render target, and handed on as a
//! [`PictureCaptured`] to be kept on disk (see `pictures`), as the film
//! recorded it (see `film`: the stops it was off, the film's colour and
//! grain); the album shows that picture too. Headless, there is no
//! renderer: the record is kept without an image.

use std::sync::Arc;

use bevy::asset::RenderAssetUsages;
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{RenderTarget, ScalingMode};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::album::AlbumImages;
use super::exposure::{FIRST_FILM, film, seconds, shake};
use super::film::{Exposure, expose};
use super::pictures::PictureCaptured;
use super::shutter::PhotoTaken;
use crate::data::kept::Notice;
use crate::states::{MIRROR_LAYER, PausableSystems, Quitting, Screen, WORLD_LAYER, quitting};
use crate::story::{MotionSystems, StoryState};
use crate::ui::theme;

/// Image pixels per virtual pixel of a photograph (the window's scale).
pub const PIXELS_PER_POINT: f32 = 4.0;

/// The camera drawing one photograph's picture.
#[derive(Component)]
struct Capturing;

/// How many pictures the renderer has still to capture: the developed
/// roll waits for them.
#[derive(Resource, Debug, Default)]
pub(super) struct ToCapture(pub(super) u32);

/// A photograph being exposed: its camera, how long the shutter stays open
/// yet, and the frames gathered.
#[derive(Component)]
struct Exposing {
    night: u64,
    number: u32,
    camera: Entity,
    target: Handle<Image>,
    /// The frame's centre, which the shake moves the camera about.
    centre: Vec2,
    /// How far shaking hands move it, end to end, in virtual pixels.
    shake: f32,
    /// Seconds the shutter is open in all, and open so far.
    seconds: f32,
    open: f32,
    asked: u32,
    gathered: Exposure,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ToCapture>()
        .add_observer(capture)
        .add_systems(
            Update,
            keep_exposing
                .after(MotionSystems)
                .in_set(PausableSystems)
                .run_if(in_state(Screen::Playing)),
        )
        // A night that ends as the shutter is open keeps what it gathered.
        .add_systems(Update, finish_exposures)
        // Quitting closes every open shutter first, before the pictures on
        // their way are finished.
        .add_systems(
            Last,
            close_on_quitting
                .before(super::pictures::finish_on_quitting)
                .in_set(Quitting::Finish)
                .run_if(quitting),
        );
}

/// Opens the shutter: a camera of the photograph's own draws its frame,
/// captured each frame while the shutter is open.
fn capture(
    taken: On<PhotoTaken>,
    images: Option<ResMut<Assets<Image>>>,
    state: Option<Res<StoryState>>,
    mut album: ResMut<AlbumImages>,
    mut to_capture: ResMut<ToCapture>,
    mut commands: Commands,
) {
    let Some(mut images) = images else {
        return;
    };
    to_capture.0 += 1;
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
            Capturing,
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
    let record = state
        .as_ref()
        .and_then(|s| s.album.iter().find(|p| p.number == taken.number))
        .and_then(|p| p.camera.as_ref().map(|c| (c.clone(), p.focal)));
    let (seconds, shake) = record.map_or((0.0, 0.0), |(camera, focal)| {
        let open = seconds(camera.tv);
        (open, shake(open, focal, camera.braced))
    });
    let mut exposing = Exposing {
        night: state.map_or(0, |s| s.night),
        number: taken.number,
        camera,
        target,
        centre,
        shake,
        seconds,
        open: 0.0,
        asked: 0,
        gathered: Exposure::new(size.x, size.y),
    };
    // The first frame now: the night may end on this very photograph.
    let exposing_entity = commands.spawn_empty().id();
    ask_for_frame(&mut exposing, exposing_entity, &mut commands);
    commands
        .entity(exposing_entity)
        .insert((Name::new("Exposing a photograph"), exposing));
}

/// Asks the renderer for the frame the camera draws now, to be gathered.
fn ask_for_frame(exposing: &mut Exposing, entity: Entity, commands: &mut Commands) {
    exposing.asked += 1;
    commands
        .spawn(Screenshot::image(exposing.target.clone()))
        .observe(
            move |captured: On<ScreenshotCaptured>,
                  mut exposures: Query<&mut Exposing>,
                  mut commands: Commands| {
                let Ok(mut exposing) = exposures.get_mut(entity) else {
                    return;
                };
                match captured.image.clone().try_into_dynamic() {
                    Ok(frame) => exposing.gathered.add(&frame.into_rgba8()),
                    Err(why) => {
                        let number = exposing.number;
                        warn!("photograph {number}: a frame could not be read: {why}");
                        commands.trigger(Notice(format!(
                        "Photograph {number} lost a frame: the screen could not be read ({why})."
                    )));
                        // Counted, so the photograph still finishes.
                        exposing.asked -= 1;
                    }
                }
            },
        );
}

/// While the shutter is open, the night goes on and each frame is
/// gathered; the camera wanders as shaking hands move it.
fn keep_exposing(
    time: Res<Time>,
    mut exposures: Query<(Entity, &mut Exposing)>,
    mut cameras: Query<&mut Transform, With<Capturing>>,
    mut commands: Commands,
) {
    for (entity, mut exposing) in &mut exposures {
        exposing.open += time.delta_secs();
        if exposing.open >= exposing.seconds {
            continue;
        }
        let Ok(mut transform) = cameras.get_mut(exposing.camera) else {
            continue;
        };
        let along = exposing.open / exposing.seconds.max(f32::EPSILON);
        let seed = exposing.number as f32;
        let wander = Vec2::new(
            (std::f32::consts::TAU * 0.7 * along + seed).sin(),
            0.6 * (std::f32::consts::TAU * 1.1 * along + 2.0 * seed).sin(),
        ) * exposing.shake
            / 2.0;
        transform.translation = (exposing.centre + wander).extend(0.0);
        ask_for_frame(&mut exposing, entity, &mut commands);
    }
}

/// A photograph whose shutter has closed (or whose camera is gone with the
/// night's end) and whose frames have all come back is developed onto its
/// film and kept.
fn finish_exposures(
    exposures: Query<(Entity, &Exposing)>,
    cameras: Query<(), With<Capturing>>,
    mut onto_film: OntoFilm,
) {
    for (entity, exposing) in &exposures {
        let closed = exposing.open >= exposing.seconds || !cameras.contains(exposing.camera);
        if closed && exposing.gathered.frames() >= exposing.asked {
            onto_film.develop(entity, exposing);
        }
    }
}

/// The game is quitting: each open shutter closes on what it gathered.
fn close_on_quitting(exposures: Query<(Entity, &Exposing)>, mut onto_film: OntoFilm) {
    for (entity, exposing) in &exposures {
        onto_film.develop(entity, exposing);
    }
}

/// What developing a gathered exposure needs.
#[derive(SystemParam)]
struct OntoFilm<'w, 's> {
    state: Option<Res<'w, StoryState>>,
    // Headless there are no images, and nothing is ever exposed.
    images: Option<ResMut<'w, Assets<Image>>>,
    album: ResMut<'w, AlbumImages>,
    to_capture: ResMut<'w, ToCapture>,
    commands: Commands<'w, 's>,
}

impl OntoFilm<'_, '_> {
    /// Puts what `exposing` gathered onto its film and keeps it: the album
    /// shows it and it goes to disk.
    fn develop(&mut self, entity: Entity, exposing: &Exposing) {
        self.commands.entity(entity).despawn();
        self.commands.entity(exposing.camera).try_despawn();
        self.to_capture.0 = self.to_capture.0.saturating_sub(1);
        let (night, number) = (exposing.night, exposing.number);
        if exposing.gathered.frames() == 0 {
            return;
        }
        let mut picture = exposing.gathered.mean();
        let photo = self
            .state
            .as_ref()
            .and_then(|s| s.album.iter().find(|p| p.number == number));
        if let Some(camera) = photo.and_then(|p| p.camera.as_ref()) {
            let film = film(&camera.film).unwrap_or(FIRST_FILM);
            let seed = (night as u32) ^ number.wrapping_mul(2_654_435_761);
            picture = expose(&picture, camera.stops, &film, PIXELS_PER_POINT as u32, seed);
        }
        if let Some(images) = self.images.as_mut() {
            let shown = Image::from_dynamic(
                picture.clone().into(),
                true,
                RenderAssetUsages::RENDER_WORLD,
            );
            self.album.0.insert(number, images.add(shown));
        }
        info!(
            "photograph {number}: {} frames over {:.2} s",
            exposing.gathered.frames(),
            exposing.open.min(exposing.seconds)
        );
        self.commands.trigger(PictureCaptured {
            night,
            number,
            picture: Arc::new(picture),
        });
    }
}
