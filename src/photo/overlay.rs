//! The viewfinder on screen: raising the camera gives input to the
//! viewfinder context (the clock slows, Lev only steps carefully), dims the
//! world outside a 3:2 frame and reads out the camera's settings, the meter
//! and the frames left (see `dials`). The frame moves within reach of Lev's
//! eye: Up and Down raise and lower it, the careful step with Left and
//! Right pans it (without it, Left and Right walk him carefully and the
//! frame goes with him), the mouse and the right stick move it anywhere in
//! reach; the dial buttons turn the chosen dial (the zoom first: the focal
//! lengths change the frame's size).

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::dials::read_frame;
use super::viewfinder::{Dial, EYE, Viewfinder};
use crate::input::{Action, ActionState, ClaimsInput, InputContext};
use crate::levels::{ActiveLevel, NightData};
use crate::settings::Settings;
use crate::states::{OVERLAY_LAYER, PausableSystems, Screen, VIEW, ViewCamera, ViewOnScreen};
use crate::story::{ClockSystems, StoryState};
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};
use crate::world::{LIGHT_Z, PhotoSubject};

/// How fast keys and the stick move the frame, pixels a second.
const AIM_SPEED: f32 = 90.0;
/// How dark the world is outside the frame.
const DIM: f32 = 0.75;

/// The overlay's root, which claims the viewfinder context while it exists.
#[derive(Component)]
struct Overlay;

/// One of the overlay's pieces: the four dim panes and the frame's edges.
#[derive(Component, Clone, Copy)]
enum Piece {
    /// Dark panes left, right, below and above the frame.
    Pane(usize),
    /// The frame's thin edges: left, right, bottom, top.
    Edge(usize),
}

/// The line showing the focal length and the frames left.
#[derive(Component)]
pub(super) struct CameraReadout;

pub(super) fn plugin(app: &mut App) {
    // The input plugin registers `CursorMoved` for headless runs too.
    // Raised before the clock runs: it slows from the frame of the press.
    app.init_resource::<Viewfinder>()
        .configure_sets(Update, ViewfinderSystems.before(ClockSystems))
        .add_systems(OnEnter(Screen::Playing), |mut v: ResMut<Viewfinder>| {
            *v = Viewfinder::default();
        })
        .add_systems(
            Update,
            (raise_and_lower, aim, dials, show)
                .chain()
                .in_set(ViewfinderSystems)
                .in_set(PausableSystems)
                .run_if(in_state(Screen::Playing)),
        );
}

/// Raises, aims and zooms the camera; the shutter fires after.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ViewfinderSystems;

/// The Camera action raises the camera while exploring, and lowers it
/// (as does Back) in the viewfinder; a conversation lowers it too.
fn raise_and_lower(
    actions: Res<ActionState>,
    mut viewfinder: ResMut<Viewfinder>,
    overlay: Query<Entity, With<Overlay>>,
    mut commands: Commands,
) {
    let lower = viewfinder.raised
        && (actions.just_pressed(Action::Camera)
            || actions.just_pressed(Action::Back)
            || actions.context() == InputContext::Dialogue);
    if actions.context() == InputContext::Exploring && actions.just_pressed(Action::Camera) {
        viewfinder.raised = true;
        spawn_overlay(&mut commands);
    } else if lower {
        viewfinder.raised = false;
        for entity in &overlay {
            commands.entity(entity).despawn();
        }
    }
}

fn spawn_overlay(commands: &mut Commands) {
    let layer = RenderLayers::layer(OVERLAY_LAYER);
    let dim = Color::BLACK.with_alpha(DIM);
    commands
        .spawn((
            Name::new("Viewfinder"),
            Overlay,
            ClaimsInput(InputContext::Viewfinder),
            Transform::default(),
            Visibility::default(),
            DespawnOnExit(Screen::Playing),
        ))
        .with_children(|root| {
            for i in 0..4 {
                root.spawn((
                    Piece::Pane(i),
                    Sprite::from_color(dim, Vec2::ONE),
                    layer.clone(),
                ));
                let edge = theme::PAPER.with_alpha(0.8);
                root.spawn((
                    Piece::Edge(i),
                    Sprite::from_color(edge, Vec2::ONE),
                    layer.clone(),
                ));
            }
        });
    commands.spawn((
        Name::new("Camera readout"),
        Overlay,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(12),
            width: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(4),
            ..default()
        },
        DespawnOnExit(Screen::Playing),
        children![
            (CameraReadout, widget::hint("")),
            action_hint(VIEWFINDER_HINT)
        ],
    ));
}

/// The viewfinder's help line.
const VIEWFINDER_HINT: &[(&[Action], &str)] = &[
    (&[Action::Shutter], "shoot"),
    (&[Action::DialUp, Action::DialDown], "turn"),
    (&[Action::Dial], "dial"),
    (&[Action::Careful], "brace"),
    (&[Action::Up, Action::Down], "aim"),
    (&[Action::Camera], "lower"),
];

/// Keys, the right stick and the mouse move the frame within reach.
fn aim(
    actions: Res<ActionState>,
    time: Res<Time>,
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    mut viewfinder: ResMut<Viewfinder>,
    mut cursor: MessageReader<CursorMoved>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<ViewCamera>>,
    placed: Res<ViewOnScreen>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        cursor.clear();
        return;
    };
    if !viewfinder.raised || actions.context() != InputContext::Viewfinder {
        cursor.clear();
        return;
    }
    let axis = |negative, positive| {
        f32::from(u8::from(actions.pressed(positive)))
            - f32::from(u8::from(actions.pressed(negative)))
    };
    let panning = if actions.pressed(Action::Careful) {
        axis(Action::Left, Action::Right)
    } else {
        0.0
    };
    let keys = Vec2::new(panning, axis(Action::Down, Action::Up));
    let mut offset = viewfinder.offset + (keys + actions.aim()) * AIM_SPEED * time.delta_secs();
    let eye = Vec2::from(state.place.at) + Vec2::new(0.0, EYE);
    if cursor.read().last().is_some()
        && let (Ok(window), Ok((camera, at))) = (window.single(), camera.single())
        && let Some(point) = window.cursor_position()
        && let Ok(world) = camera.viewport_to_world_2d(at, placed.to_view(point))
    {
        offset = world - eye;
    }
    if offset != viewfinder.offset {
        viewfinder.aim_at(offset, level);
    }
}

/// The dial button chooses the next dial; the dial buttons turn it.
fn dials(actions: Res<ActionState>, settings: Res<Settings>, mut viewfinder: ResMut<Viewfinder>) {
    if !viewfinder.raised {
        return;
    }
    if actions.just_pressed(Action::Dial) {
        viewfinder.dial = viewfinder.dial.next(settings.manual_exposure);
    }
    // A mode changed in the settings leaves no dial it passes by chosen.
    if !settings.manual_exposure && matches!(viewfinder.dial, Dial::Shutter | Dial::Aperture) {
        viewfinder.dial = Dial::Focus;
    }
    if actions.just_pressed(Action::DialUp) {
        viewfinder.turn(true);
    }
    if actions.just_pressed(Action::DialDown) {
        viewfinder.turn(false);
    }
}

/// Lays the overlay around the frame, and writes the readout.
fn show(
    actions: Res<ActionState>,
    mut viewfinder: ResMut<Viewfinder>,
    level: ActiveLevel,
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    settings: Res<Settings>,
    subjects: Query<(&PhotoSubject, Option<&Visibility>)>,
    mut pieces: Query<(&Piece, &mut Sprite, &mut Transform)>,
    readouts: Query<&Children, With<CameraReadout>>,
    mut texts: Query<&mut Text>,
) {
    let (Some(level), Some(state), Some(story)) = (level.get(), state, &data.story) else {
        return;
    };
    if !viewfinder.raised {
        return;
    }
    let frame = viewfinder.frame(state.place.at.into(), level);
    let (low, high) = (
        Vec2::new(frame.x, frame.y),
        Vec2::new(frame.x + frame.w, frame.y + frame.h),
    );
    // The panes reach a screen past the frame on every side.
    let far = VIEW * 2.0;
    for (piece, mut sprite, mut transform) in &mut pieces {
        let (corner, size) = match *piece {
            Piece::Pane(0) => (
                Vec2::new(low.x - far.x, low.y - far.y),
                Vec2::new(far.x, frame.h + far.y * 2.0),
            ),
            Piece::Pane(1) => (
                Vec2::new(high.x, low.y - far.y),
                Vec2::new(far.x, frame.h + far.y * 2.0),
            ),
            Piece::Pane(2) => (Vec2::new(low.x, low.y - far.y), Vec2::new(frame.w, far.y)),
            Piece::Pane(_) => (Vec2::new(low.x, high.y), Vec2::new(frame.w, far.y)),
            Piece::Edge(0) => (low - Vec2::X, Vec2::new(1.0, frame.h)),
            Piece::Edge(1) => (Vec2::new(high.x, low.y), Vec2::new(1.0, frame.h)),
            Piece::Edge(2) => (low - Vec2::Y, Vec2::new(frame.w, 1.0)),
            Piece::Edge(_) => (Vec2::new(low.x, high.y), Vec2::new(frame.w, 1.0)),
        };
        sprite.custom_size = Some(size);
        transform.translation = (corner + size / 2.0).extend(LIGHT_Z + 5.0);
    }
    let placed = subjects
        .iter()
        .filter(|(_, shown)| shown.is_none_or(|v| *v != Visibility::Hidden))
        .map(|(s, _)| {
            let area = state
                .placement(level, s.subject.moves.as_deref())
                .area(&s.subject.area);
            (area, s.subject.depth)
        });
    let reading = read_frame(&viewfinder, &frame, story, level, &state, &settings, placed);
    if reading.auto && (viewfinder.tv, viewfinder.av) != (reading.tv, reading.av) {
        (viewfinder.tv, viewfinder.av) = (reading.tv, reading.av);
    }
    let braced = actions.pressed(Action::Careful);
    let line = viewfinder.readout(&reading, state.film_left(story), braced);
    for children in &readouts {
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child)
                && text.0 != line
            {
                text.0.clone_from(&line);
            }
        }
    }
}
