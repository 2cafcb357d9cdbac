//! Text Lev reads (an inspected thing, a locked door's note): shown above
//! the prompt, holding input and the night's clock until it is closed, and
//! announced to the story as [`Inspected`].

use bevy::prelude::*;

use crate::input::{Action, ActionState, ClaimsInput, InputContext};
use crate::story::Inspected;
use crate::ui::widget;

/// The column at the bottom of the screen holding what Lev reads and the prompt.
#[derive(Component)]
pub(super) struct PromptBar;

/// The text being read, above the prompt.
#[derive(Component)]
pub(super) struct Reading;

/// Shows `text` to read (what `id` says) above the prompt, holding input
/// until it is closed, and announces what was read.
pub(super) fn show_text(commands: &mut Commands, id: &str, text: &str) {
    let (id, text) = (id.to_owned(), text.to_owned());
    commands.queue(move |world: &mut World| {
        let mut bar = world.query_filtered::<Entity, With<PromptBar>>();
        let Ok(bar) = bar.single(world) else {
            return;
        };
        let mut open = world.query_filtered::<Entity, With<Reading>>();
        for entity in open.iter(world).collect::<Vec<_>>() {
            world.despawn(entity);
        }
        // Above the prompt, which then says how to close it.
        let reading = world
            .spawn((
                Name::new("Reading"),
                Reading,
                ClaimsInput(InputContext::Reading),
                widget::panel_text(text.clone()),
            ))
            .id();
        world.entity_mut(bar).insert_children(0, &[reading]);
        world.trigger(Inspected { id, text });
    });
}

/// The text closes on `Interact`, `Confirm` or `Back`.
pub(super) fn close_reading(
    actions: Res<ActionState>,
    reading: Query<Entity, With<Reading>>,
    mut commands: Commands,
) {
    let close = [Action::Interact, Action::Confirm, Action::Back];
    if actions.context() == InputContext::Reading && close.iter().any(|a| actions.just_pressed(*a))
    {
        for entity in &reading {
            commands.entity(entity).despawn();
        }
    }
}
