//! The conversation on screen: the speaker's portrait and name, the line
//! typed out at the text speed with its voice, the lines before it (Up and
//! Down scroll back through them), and Lev's choices, greyed and marked
//! where unavailable. It shows whatever the story state says the
//! conversation shows, so a resumed save or a changed file needs nothing
//! more; input goes back through [`Converse`](super::Converse). The box
//! and its state are here; [`typing`], [`answer`] (input) and [`drawing`]
//! are its jobs, as bevy_yarnspinner's example UI splits them. While it is open it owns
//! input: exploring, the clock and the camera wait.

mod answer;
mod drawing;
mod typing;

use bevy::prelude::*;

use super::runner::{self, Shown};
use crate::content::schema::Dialogue;
use crate::input::{ClaimsInput, InputContext};
use crate::levels::NightData;
use crate::states::{PausableSystems, Screen};
use crate::story::StoryState;
use crate::ui::theme;
use answer::answer_input;
use drawing::redraw;
use typing::{show_typing, type_out};

/// Seconds choices are shown before a press can choose: a press meant for
/// the line before never picks a choice unread.
pub const CHOICE_GRACE: f32 = 0.25;

/// The conversation's box, and where the player is in it.
#[derive(Component, Debug, Default)]
pub struct DialogueBox {
    /// The id of the line being typed, and how many characters show.
    typing: Option<(String, f32)>,
    /// The selected choice, by index among those shown.
    selected: usize,
    /// How many lines back the history is scrolled.
    scroll: usize,
    /// Seconds the choices shown now have been shown.
    choosing: f32,
    /// What the content was drawn from, to redraw only on change.
    drawn: String,
}

pub(super) fn plugin(app: &mut App) {
    // The box (and its claim on input) opens after everything of the
    // frame, so a conversation started anywhere in `Update` (a trigger, an
    // effect) owns input from the next frame on: no press reaches the
    // exploring in between.
    app.add_systems(
        Update,
        (
            (type_out, answer_input).chain().in_set(PausableSystems),
            redraw,
            show_typing,
        )
            .chain()
            .run_if(in_state(Screen::Playing)),
    )
    .add_systems(PostUpdate, open_and_close.run_if(in_state(Screen::Playing)));
}

/// What the conversation in progress shows, with its dialogue.
pub(super) fn current<'a>(
    night: &'a NightData,
    state: Option<&StoryState>,
) -> Option<(&'a Dialogue, Shown)> {
    let state = state?;
    let dialogue = night.dialogue(&state.dialogue.as_ref()?.dialogue)?;
    Some((dialogue, runner::shown(dialogue, state)))
}

/// Opens the box when a conversation is in progress, closes it after.
fn open_and_close(
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    boxes: Query<Entity, With<DialogueBox>>,
    mut commands: Commands,
) {
    let running = current(&night, state.as_deref()).is_some_and(|(_, s)| s != Shown::Ended);
    match (running, boxes.single()) {
        (true, Err(_)) => {
            commands.spawn(dialogue_box());
        }
        (false, Ok(entity)) => commands.entity(entity).despawn(),
        _ => {}
    }
}

fn dialogue_box() -> impl Bundle {
    (
        Name::new("Dialogue"),
        DialogueBox::default(),
        ClaimsInput(InputContext::Dialogue),
        Button,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(16),
            left: percent(8),
            width: percent(84),
            min_height: px(190),
            padding: UiRect::all(px(16)),
            column_gap: px(16),
            border: UiRect::all(px(2)),
            ..default()
        },
        BorderColor::all(theme::DIM),
        // Solid, so the text reads over any scene.
        BackgroundColor(theme::NIGHT),
        GlobalZIndex(30),
        DespawnOnExit(Screen::Playing),
    )
}

/// The choices shown now, the index of the selected one, and whether a
/// press would choose yet (see [`CHOICE_GRACE`]): for scripts that pick a
/// choice by its text.
pub fn open_choices(world: &mut World) -> Option<(Vec<runner::ShownChoice>, usize, bool)> {
    let mut boxes = world.query::<&DialogueBox>();
    let view = boxes.single(world).ok()?;
    let (selected, ready) = (view.selected, view.choosing >= CHOICE_GRACE);
    let (_, shown) = current(
        world.get_resource::<NightData>()?,
        world.get_resource::<StoryState>(),
    )?;
    match shown {
        Shown::Choices(choices) => Some((choices, selected, ready)),
        _ => None,
    }
}
