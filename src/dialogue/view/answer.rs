//! What the player answers: Confirm completes the line, then goes on; Up
//! and Down choose, or scroll back through what was said; holding Skip
//! passes lines seen before; the mouse hovers and clicks.

use bevy::prelude::*;

use super::drawing::{ChoiceRow, history};
use super::{CHOICE_GRACE, DialogueBox, current};
use crate::audio::{PlaySfx, Sfx};
use crate::dialogue::runner::Shown;
use crate::dialogue::{Converse, SeenLines};
use crate::input::{Action, ActionState, InputContext, PointerMoved};
use crate::levels::NightData;
use crate::story::StoryState;

/// Confirm completes the line, then goes on; Up and Down choose, or scroll
/// back through what was said; holding Skip passes lines seen before.
/// The mouse hovers and clicks choices, and a click on the box goes on.
pub(super) fn answer_input(
    actions: Res<ActionState>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    seen: Res<SeenLines>,
    mut boxes: Query<(&mut DialogueBox, Ref<Interaction>)>,
    rows: Query<(&ChoiceRow, Ref<Interaction>)>,
    pointer: Res<PointerMoved>,
    mut sfx: MessageWriter<PlaySfx>,
    mut commands: Commands,
) {
    if actions.context() != InputContext::Dialogue {
        return;
    }
    let (Ok((mut view, clicked)), Some((dialogue, shown))) =
        (boxes.single_mut(), current(&night, state.as_deref()))
    else {
        return;
    };
    let confirm = actions.just_pressed(Action::Confirm) || actions.just_pressed(Action::Interact);
    let history = state.as_ref().map_or(0, |s| history(s).len());
    match shown {
        Shown::Line(line) => {
            let length = line.text.chars().count() as f32;
            let typed = view.typing.as_ref().map_or(0.0, |(_, t)| *t);
            let key = format!("{}/{}", dialogue.id, line.id);
            let click = *clicked == Interaction::Pressed && clicked.is_changed();
            if actions.pressed(Action::Skip) && seen.seen_before(&key) {
                commands.trigger(Converse::Advance);
            } else if confirm || click {
                if typed < length {
                    view.typing = Some((line.id.clone(), length));
                } else {
                    view.scroll = 0;
                    commands.trigger(Converse::Advance);
                }
            } else if actions.just_pressed(Action::Up) && view.scroll + 1 < history {
                view.scroll += 1;
            } else if actions.just_pressed(Action::Down) && view.scroll > 0 {
                view.scroll -= 1;
            }
        }
        Shown::Choices(choices) => {
            let available: Vec<usize> = (0..choices.len())
                .filter(|i| choices[*i].available)
                .collect();
            let Some(at) = available
                .iter()
                .position(|i| *i == view.selected)
                .or(Some(0))
            else {
                return;
            };
            let count = available.len().max(1);
            let mut moved = None;
            if actions.just_pressed(Action::Down) {
                moved = available.get((at + 1) % count).copied();
            } else if actions.just_pressed(Action::Up) {
                moved = available.get((at + count - 1) % count).copied();
            }
            let ready = view.choosing >= CHOICE_GRACE;
            // Hovering selects while the mouse moves; a click chooses.
            for (row, interaction) in &rows {
                match *interaction {
                    Interaction::Hovered if choices[row.0].available && pointer.0 => {
                        moved = Some(row.0)
                    }
                    Interaction::Pressed
                        if choices[row.0].available && ready && interaction.is_changed() =>
                    {
                        commands.trigger(Converse::Choose(choices[row.0].id.clone()));
                    }
                    _ => {}
                }
            }
            if let Some(to) = moved.filter(|to| *to != view.selected) {
                view.selected = to;
                sfx.write(PlaySfx(Sfx::MenuMove));
            }
            if !available.contains(&view.selected) {
                view.selected = available.first().copied().unwrap_or(0);
            }
            if confirm
                && ready
                && let Some(choice) = choices.get(view.selected).filter(|c| c.available)
            {
                sfx.write(PlaySfx(Sfx::MenuConfirm));
                view.scroll = 0;
                commands.trigger(Converse::Choose(choice.id.clone()));
            }
        }
        Shown::Ended => {}
    }
}
