//! Spawn helpers for the UI: each returns an `impl Bundle` for `spawn` or `children!`.

use bevy::ecs::spawn::SpawnWith;
use bevy::ecs::system::IntoObserverSystem;
use bevy::prelude::*;

use super::menu::{Activate, Menu, MenuItem, SelectionMarker};
use super::theme;

/// A full-screen root node that centres its children in a column.
pub fn screen_root(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(16),
            ..default()
        },
    )
}

/// A line of text in the given size and colour.
pub fn label(text: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont::from_font_size(size),
        TextColor(color),
    )
}

/// A small line of help text on a solid panel, readable over any scene.
pub fn hint(text: impl Into<String>) -> impl Bundle {
    hint_panel(hint_label(text))
}

/// The panel of a help line, holding `line`.
pub fn hint_panel(line: impl Bundle) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(12), px(4)),
            ..default()
        },
        BackgroundColor(theme::PANEL),
        Children::spawn_one(line),
    )
}

/// The text of a help line.
pub fn hint_label(text: impl Into<String>) -> impl Bundle {
    label(text, theme::SMALL_SIZE, theme::DIM)
}

/// A block of text to read, on a solid panel, at most 720 pixels wide.
pub fn panel_text(text: impl Into<String>) -> impl Bundle {
    text_panel(text, theme::READING_SIZE)
}

/// [`panel_text`] in the small size, for details.
pub fn panel_text_small(text: impl Into<String>) -> impl Bundle {
    text_panel(text, theme::SMALL_SIZE)
}

fn text_panel(text: impl Into<String>, size: f32) -> impl Bundle {
    (
        Node {
            max_width: px(720),
            padding: UiRect::all(px(12)),
            ..default()
        },
        BackgroundColor(theme::PANEL),
        children![label(text, size, theme::PAPER)],
    )
}

/// A vertical menu on a solid panel. Give it [`button`]s as children.
pub fn menu(children: impl Bundle) -> impl Bundle {
    (
        Name::new("Menu"),
        Menu::default(),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Stretch,
            row_gap: px(8),
            padding: UiRect::all(px(16)),
            ..default()
        },
        BackgroundColor(theme::PANEL),
        children,
    )
}

/// A menu button: a ">" marker (shown when selected, so selection never
/// relies on colour alone) and a label. `action` observes its [`Activate`].
pub fn button<B, M, I>(text: &'static str, action: I) -> impl Bundle
where
    B: Bundle,
    I: IntoObserverSystem<Activate, B, M>,
{
    let action = IntoObserverSystem::into_system(action);
    (
        Name::new(text),
        Node::default(),
        Children::spawn(SpawnWith(move |parent: &mut ChildSpawner| {
            parent
                .spawn((
                    menu_item(280.0, 6.0),
                    children![
                        (SelectionMarker, label(">", theme::BODY_SIZE, theme::SODIUM)),
                        label(text, theme::BODY_SIZE, theme::PAPER),
                    ],
                ))
                .observe(action);
        })),
    )
}

/// A selectable item of a [`menu`], at least `min_width` wide with
/// `padding` above and below; its border shows when it is selected. Give
/// it a [`SelectionMarker`] and a label as children.
pub fn menu_item(min_width: f32, padding: f32) -> impl Bundle {
    (
        Button,
        MenuItem,
        Node {
            min_width: px(min_width),
            padding: UiRect::axes(px(16), px(padding)),
            column_gap: px(12),
            border: UiRect::all(px(2)),
            ..default()
        },
        BorderColor::all(Color::NONE),
    )
}

/// A column of menu items, one spawned by `item` for each of `items`.
pub fn column_of<T, B>(items: Vec<T>, item: impl Fn(T) -> B + Send + Sync + 'static) -> impl Bundle
where
    T: Send + Sync + 'static,
    B: Bundle,
{
    (
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(4),
            ..default()
        },
        Children::spawn(SpawnWith(move |parent: &mut ChildSpawner| {
            for each in items {
                parent.spawn(item(each));
            }
        })),
    )
}

/// A menu on a panel whose items stand in two columns side by side, with
/// `below` (its own buttons) under them.
pub fn two_column_menu(first: impl Bundle, second: impl Bundle, below: impl Bundle) -> impl Bundle {
    (
        Name::new("Menu"),
        Menu::default(),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(8),
            padding: UiRect::all(px(16)),
            ..default()
        },
        BackgroundColor(theme::PANEL),
        children![
            (
                Node {
                    column_gap: px(24),
                    ..default()
                },
                children![first, second],
            ),
            below,
        ],
    )
}
