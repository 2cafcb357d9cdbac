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
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::album::AlbumImages;
use super::exposure::{FIRST_FILM, film};
use super::film::expose;
use super::pictures::PictureCaptured;
use super::shutter::PhotoTaken;
use crate::data::kept::Notice;
use crate::states::{MIRROR_LAYER, Screen, WORLD_LAYER};
use crate::story::StoryState;
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

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ToCapture>().add_observer(capture);
}

/// Draws the photograph's frame with a camera of its own and captures it.
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
    let number = taken.number;
    let night = state.map_or(0, |s| s.night);
    commands.spawn(Screenshot::image(target)).observe(
        move |captured: On<ScreenshotCaptured>,
              mut to_capture: ResMut<ToCapture>,
              state: Option<Res<StoryState>>,
              mut images: ResMut<Assets<Image>>,
              mut album: ResMut<AlbumImages>,
              mut commands: Commands| {
            commands.entity(camera).try_despawn();
            to_capture.0 = to_capture.0.saturating_sub(1);
            match captured.image.clone().try_into_dynamic() {
                Ok(picture) => {
                    // The film records it as it was exposed; the album
                    // shows what the film holds.
                    let photo = state
                        .as_ref()
                        .and_then(|s| s.album.iter().find(|p| p.number == number));
                    let mut picture = picture.into_rgba8();
                    if let Some(camera) = photo.and_then(|p| p.camera.as_ref()) {
                        let film = film(&camera.film).unwrap_or(FIRST_FILM);
                        let seed = (night as u32) ^ number.wrapping_mul(2_654_435_761);
                        picture =
                            expose(&picture, camera.stops, &film, PIXELS_PER_POINT as u32, seed);
                        let shown = Image::from_dynamic(
                            picture.clone().into(),
                            true,
                            RenderAssetUsages::RENDER_WORLD,
                        );
                        album.0.insert(number, images.add(shown));
                    }
                    commands.trigger(PictureCaptured {
                        night,
                        number,
                        picture: Arc::new(picture),
                    });
                }
                Err(why) => {
                    warn!("photograph {number}: the picture could not be read: {why}");
                    commands.trigger(Notice(format!(
                        "Photograph {number} has no picture: the screen could not be read ({why})."
                    )));
                }
            }
        },
    );
}
