//! The two cameras: the view draws the world at the virtual resolution
//! into a small picture, and the window's camera shows that picture scaled
//! up once by a whole number, with the interface drawn over it at the
//! window's own resolution. Pixels the world covers cost a sixteenth of
//! what they would at 1280x720, so lamps, glows and the night's darkness
//! are nearly free, and every virtual pixel is the same size on screen.

use bevy::camera::visibility::RenderLayers;
use bevy::camera::{RenderTarget, ScalingMode};
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::window::PrimaryWindow;

use crate::states::{
    OVERLAY_LAYER, PHOTOGRAPHER_LAYER, SCREEN_LAYER, VIEW, VIRTUAL_HEIGHT, ViewCamera,
    ViewOnScreen, WORLD_LAYER,
};
use crate::ui::theme;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ViewOnScreen>()
        .add_systems(Startup, spawn_cameras)
        .add_systems(PostUpdate, fit_to_window);
}

/// The picture the view draws into, shown by the window's camera.
#[derive(Component, Debug)]
struct ViewPicture;

/// The window's camera.
#[derive(Component, Debug)]
struct WindowCamera;

/// How the view sees the world: [`VIRTUAL_HEIGHT`] pixels tall.
fn view_projection() -> Projection {
    Projection::Orthographic(OrthographicProjection {
        scaling_mode: ScalingMode::FixedVertical {
            viewport_height: VIRTUAL_HEIGHT,
        },
        ..OrthographicProjection::default_2d()
    })
}

/// The view and, where there is a renderer, its picture and the window's
/// camera. Without one (headless) the view alone stands, to be followed.
fn spawn_cameras(mut commands: Commands, images: Option<ResMut<Assets<Image>>>) {
    // The world, Lev and the viewfinder's overlay (a photograph's camera
    // sees only the world).
    let layers = RenderLayers::from_layers(&[WORLD_LAYER, PHOTOGRAPHER_LAYER, OVERLAY_LAYER]);
    let Some(mut images) = images else {
        commands.spawn((
            Name::new("View"),
            ViewCamera,
            Camera2d,
            layers,
            view_projection(),
        ));
        return;
    };
    let size = VIEW.as_uvec2();
    let picture = images.add(Image::new_target_texture(
        size.x,
        size.y,
        TextureFormat::Rgba8UnormSrgb,
        None,
    ));
    commands.spawn((
        Name::new("View"),
        ViewCamera,
        Camera2d,
        Camera {
            order: -10,
            clear_color: ClearColorConfig::Custom(theme::NIGHT),
            ..default()
        },
        RenderTarget::Image(picture.clone().into()),
        Msaa::Off,
        layers,
        view_projection(),
    ));
    commands.spawn((
        Name::new("Window camera"),
        WindowCamera,
        Camera2d,
        Camera {
            clear_color: ClearColorConfig::Custom(Color::BLACK),
            ..default()
        },
        Msaa::Off,
        IsDefaultUiCamera,
        RenderLayers::layer(SCREEN_LAYER),
    ));
    commands.spawn((
        Name::new("The view, scaled up"),
        ViewPicture,
        Sprite {
            image: picture,
            custom_size: Some(VIEW),
            ..default()
        },
        RenderLayers::layer(SCREEN_LAYER),
    ));
}

/// Scales the view's picture to the window whenever the window changes.
/// Where the picture covers the whole window, the window is not cleared
/// first: on a renderer that fills pixels on the CPU, that is a whole
/// screen of writes saved every frame.
fn fit_to_window(
    window: Query<&Window, (With<PrimaryWindow>, Changed<Window>)>,
    mut placed: ResMut<ViewOnScreen>,
    mut picture: Query<&mut Sprite, With<ViewPicture>>,
    mut camera: Query<&mut Camera, With<WindowCamera>>,
) {
    let (Ok(window), Ok(mut sprite), Ok(mut camera)) =
        (window.single(), picture.single_mut(), camera.single_mut())
    else {
        return;
    };
    let fit = ViewOnScreen::fitting(window.size());
    if *placed != fit || sprite.custom_size != Some(VIEW * fit.scale) {
        sprite.custom_size = Some(VIEW * fit.scale);
        *placed = fit;
        let covered = fit.corner == Vec2::ZERO && VIEW * fit.scale == window.size();
        camera.clear_color = if covered {
            ClearColorConfig::None
        } else {
            ClearColorConfig::Custom(Color::BLACK)
        };
    }
}
