//! Menus that work the same with keyboard, gamepad, mouse and scripts.
//!
//! A [`Menu`] holds the index of its selected [`MenuItem`]; items are found
//! among its descendants in spawn order. `Up`/`Down` move the selection,
//! `Confirm` or a click triggers [`Activate`] on the item, which the item's
//! own observer (see [`super::widget::button`]) turns into a command.

use bevy::prelude::*;

use super::theme;
use crate::audio::{PlaySfx, Sfx};
use crate::input::{Action, ActionState, PointerMoved};

/// A list of selectable items; the number is the selected item's index.
#[derive(Component, Debug, Default)]
pub struct Menu {
    /// Index of the selected item, in spawn order.
    pub selected: usize,
}

/// A selectable entry of the enclosing [`Menu`].
#[derive(Component, Debug)]
pub struct MenuItem;

/// The part of an item shown only while it is selected.
#[derive(Component, Debug)]
pub struct SelectionMarker;

/// Triggered on a [`MenuItem`] when the player chooses it.
#[derive(EntityEvent, Debug)]
pub struct Activate {
    /// The chosen item.
    pub entity: Entity,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (navigate_with_actions, navigate_with_mouse, show_selection).chain(),
    );
}

/// The items of `menu`, in the order they were spawned (depth first, so
/// items in nested columns come in reading order).
pub fn items_of(
    menu: Entity,
    children: &Query<&Children>,
    items: &Query<(), With<MenuItem>>,
) -> Vec<Entity> {
    children
        .iter_descendants_depth_first(menu)
        .filter(|&entity| items.contains(entity))
        .collect()
}

fn navigate_with_actions(
    actions: Res<ActionState>,
    mut menus: Query<(Entity, &mut Menu)>,
    children: Query<&Children>,
    items: Query<(), With<MenuItem>>,
    mut sfx: MessageWriter<PlaySfx>,
    mut commands: Commands,
) {
    for (menu_entity, mut menu) in &mut menus {
        let entries = items_of(menu_entity, &children, &items);
        if entries.is_empty() {
            continue;
        }
        let count = entries.len();
        if actions.just_pressed(Action::Down) {
            menu.selected = (menu.selected + 1) % count;
            sfx.write(PlaySfx(Sfx::MenuMove));
        }
        if actions.just_pressed(Action::Up) {
            menu.selected = (menu.selected + count - 1) % count;
            sfx.write(PlaySfx(Sfx::MenuMove));
        }
        if actions.just_pressed(Action::Confirm) {
            let entity = entries[menu.selected.min(count - 1)];
            sfx.write(PlaySfx(Sfx::MenuConfirm));
            commands.trigger(Activate { entity });
        }
    }
}

/// A click activates an item; hovering selects it while the mouse moves.
fn navigate_with_mouse(
    interactions: Query<(Entity, Ref<Interaction>), With<MenuItem>>,
    pointer: Res<PointerMoved>,
    parents: Query<&ChildOf>,
    mut menus: Query<&mut Menu>,
    children: Query<&Children>,
    items: Query<(), With<MenuItem>>,
    mut sfx: MessageWriter<PlaySfx>,
    mut commands: Commands,
) {
    for (entity, interaction) in &interactions {
        let pressed = *interaction == Interaction::Pressed && interaction.is_changed();
        let hovered = *interaction == Interaction::Hovered && pointer.0;
        if !pressed && !hovered {
            continue;
        }
        let Some(menu_entity) = parents
            .iter_ancestors(entity)
            .find(|&ancestor| menus.contains(ancestor))
        else {
            continue;
        };
        let Ok(mut menu) = menus.get_mut(menu_entity) else {
            continue;
        };
        let entries = items_of(menu_entity, &children, &items);
        let Some(index) = entries.iter().position(|&e| e == entity) else {
            continue;
        };
        if pressed {
            menu.selected = index;
            sfx.write(PlaySfx(Sfx::MenuConfirm));
            commands.trigger(Activate { entity });
        } else if menu.selected != index {
            menu.selected = index;
            sfx.write(PlaySfx(Sfx::MenuMove));
        }
    }
}

fn show_selection(
    menus: Query<(Entity, &Menu), Changed<Menu>>,
    children: Query<&Children>,
    items: Query<(), With<MenuItem>>,
    mut borders: Query<&mut BorderColor>,
    mut markers: Query<&mut Visibility, With<SelectionMarker>>,
) {
    for (menu_entity, menu) in &menus {
        for (index, item) in items_of(menu_entity, &children, &items)
            .into_iter()
            .enumerate()
        {
            let selected = index == menu.selected;
            if let Ok(mut border) = borders.get_mut(item) {
                *border = BorderColor::all(if selected { theme::SODIUM } else { Color::NONE });
            }
            for child in children.iter_descendants(item) {
                if let Ok(mut visibility) = markers.get_mut(child) {
                    *visibility = if selected {
                        Visibility::Inherited
                    } else {
                        Visibility::Hidden
                    };
                }
            }
        }
    }
}

/// The open menu's item labels, in order, and the index of the selected one
/// (for scripts that pick an item by its text).
pub fn open_menu(world: &mut World) -> Option<(Vec<String>, usize)> {
    let mut menus = world.query::<(Entity, &Menu)>();
    let (menu, selected) = menus.iter(world).next().map(|(e, m)| (e, m.selected))?;
    let mut children = world.query::<&Children>();
    let mut items = world.query_filtered::<&ChildOf, With<MenuItem>>();
    let mut names = world.query::<&Name>();
    let mut stack = vec![menu];
    let mut labels = Vec::new();
    while let Some(entity) = stack.pop() {
        if let Ok(parent) = items.get(world, entity) {
            // The item's own name, else that of the button around it.
            let label = names
                .get(world, entity)
                .or_else(|_| names.get(world, parent.parent()))
                .map(|n| n.as_str().to_owned());
            labels.push(label.unwrap_or_default());
        }
        if let Ok(kids) = children.get(world, entity) {
            stack.extend(kids.iter().rev());
        }
    }
    Some((labels, selected))
}
