//! The controls page ([`Menu::Controls`]), opened from the settings: each action with its key,
//! or its gamepad button once a gamepad is the device used last (the page
//! follows the device, as every prompt does, and so fits the largest text
//! at 1280x800). Choosing one waits for the next key or button pressed and
//! gives it to the action, or says which action already has it and keeps
//! the old one. Escape or Start cancels the wait; `Back` returns to the
//! settings.

use bevy::prelude::*;

use super::Menu;
use crate::input::rebind::{CANCEL, REBINDABLE, action_name, kept_name};
use crate::input::{
    Action, ActionState, Binding, Bindings, ClaimsInput, InputContext, InputDevice,
};
use crate::settings::Settings;
use crate::ui::menu::{Activate, SelectionMarker};
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// The controls page.
#[derive(Component)]
struct ControlsPage;

/// A row of the page: the action it binds.
#[derive(Component, Clone, Copy)]
struct ControlRow(Action);

/// The text of a row.
#[derive(Component)]
struct ControlText;

/// The line that says what became of the last key pressed.
#[derive(Component)]
struct ControlsNotice;

/// The action waiting for its key.
#[derive(Resource, Debug, Clone, Copy)]
struct Listening(Action);

/// Rows in the first of the page's two columns.
const FIRST_COLUMN: usize = 8;

/// The page's help line.
const CONTROLS_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Confirm], "change"),
    (&[Action::Back], "back"),
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Menu::Controls), open)
        .add_systems(OnExit(Menu::Controls), |mut commands: Commands| {
            commands.remove_resource::<Listening>();
        })
        .add_observer(listen)
        .add_systems(
            Update,
            (take_key, close_on_back, show_keys)
                .chain()
                .run_if(in_state(Menu::Controls)),
        );
}

fn open(bindings: Res<Bindings>, device: Res<InputDevice>, mut commands: Commands) {
    let device = *device;
    let column = |actions: &[Action]| {
        let bindings = bindings.clone();
        widget::column_of(actions.to_vec(), move |action| {
            row_item(action, &bindings, device)
        })
    };
    let (first, second) = REBINDABLE.split_at(FIRST_COLUMN);
    commands.spawn((
        widget::screen_root("Controls"),
        ControlsPage,
        DespawnOnExit(Menu::Controls),
        BackgroundColor(theme::NIGHT),
        children![
            (
                ControlsDevice,
                widget::label(device_line(device), theme::TITLE_SIZE * 0.5, theme::PAPER)
            ),
            widget::two_column_menu(column(first), column(second), widget::button("Back", close),),
            (
                ControlsNotice,
                widget::label(
                    "Each shows on the device used last.",
                    theme::SMALL_SIZE,
                    theme::SODIUM
                )
            ),
            action_hint(CONTROLS_HINT),
        ],
    ));
}

/// The page's heading: whose inputs the rows show.
#[derive(Component)]
struct ControlsDevice;

/// The heading on `device`.
fn device_line(device: InputDevice) -> &'static str {
    match device {
        InputDevice::Keyboard => "Controls: keyboard",
        InputDevice::Gamepad => "Controls: gamepad",
    }
}

/// The row's text: the action and its key or button on `device`.
fn row_text(
    action: Action,
    bindings: &Bindings,
    device: InputDevice,
    listening: Option<Action>,
) -> String {
    if listening == Some(action) {
        format!("{}: press it now", action_name(action))
    } else {
        let input = bindings.label(action, device);
        format!("{}: {input}", action_name(action))
    }
}

fn row_item(action: Action, bindings: &Bindings, device: InputDevice) -> impl Bundle + use<> {
    (
        Name::new(action_name(action)),
        ControlRow(action),
        widget::menu_item(360.0, 2.0),
        children![
            (
                SelectionMarker,
                widget::label(">", theme::READING_SIZE, theme::SODIUM)
            ),
            (
                ControlText,
                widget::label(
                    row_text(action, bindings, device, None),
                    theme::READING_SIZE,
                    theme::PAPER
                )
            ),
        ],
    )
}

/// Choosing a row waits for its key; nothing else takes input meanwhile.
fn listen(
    activate: On<Activate>,
    rows: Query<&ControlRow>,
    pages: Query<Entity, With<ControlsPage>>,
    mut notice: Query<&mut Text, With<ControlsNotice>>,
    mut commands: Commands,
) {
    let Ok(row) = rows.get(activate.entity) else {
        return;
    };
    commands.insert_resource(Listening(row.0));
    for mut text in &mut notice {
        text.0 = format!(
            "Press a key or button for {}. Escape or Start cancels.",
            action_name(row.0)
        );
    }
    for page in &pages {
        commands
            .entity(page)
            .insert(ClaimsInput(InputContext::Listening));
    }
}

/// The next key or gamepad button pressed goes to the action waiting for
/// it, unless another action has it; Escape or Start cancels.
fn take_key(
    listening: Option<Res<Listening>>,
    keys: Res<ButtonInput<KeyCode>>,
    gamepads: Query<&Gamepad>,
    bindings: Res<Bindings>,
    mut settings: ResMut<Settings>,
    pages: Query<Entity, With<ControlsPage>>,
    mut notice: Query<&mut Text, With<ControlsNotice>>,
    mut commands: Commands,
) {
    // The press that chose the row is not the key.
    let Some(listening) = listening.filter(|l| !l.is_added()) else {
        return;
    };
    let pressed = keys.get_just_pressed().next().map(|&key| Binding::Key(key));
    let Some(pressed) = pressed.or_else(|| {
        gamepads
            .iter()
            .find_map(|pad| pad.get_just_pressed().next())
            .map(|&button| Binding::Pad(button))
    }) else {
        return;
    };
    let action = listening.0;
    let said = if CANCEL.contains(&pressed) {
        format!("{}: kept as it was.", action_name(action))
    } else {
        let mut rebound = bindings.clone();
        match rebound.rebind(action, pressed) {
            Ok(()) => {
                let kept = match pressed {
                    Binding::Pad(_) => &mut settings.buttons,
                    _ => &mut settings.keys,
                };
                kept.retain(|(a, _)| *a != action);
                kept.push((action, kept_name(pressed)));
                let named = rebound.label(action, pressed.device());
                format!("{}: {named}.", action_name(action))
            }
            Err(refused) => format!("{refused}."),
        }
    };
    for mut text in &mut notice {
        text.0 = said.clone();
    }
    commands.remove_resource::<Listening>();
    for page in &pages {
        commands.entity(page).remove::<ClaimsInput>();
    }
}

/// `Back` (Backspace, (B)) returns to the settings.
fn close_on_back(actions: Res<ActionState>, mut menu: ResMut<NextState<Menu>>) {
    if actions.just_pressed(Action::Back) {
        menu.set(Menu::Settings);
    }
}

/// Back to the settings.
fn close(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Settings);
}

/// Each row shows its key or button as it changes, on the device used
/// last, and the row waiting for one says so.
fn show_keys(
    bindings: Res<Bindings>,
    device: Res<InputDevice>,
    listening: Option<Res<Listening>>,
    mut shown: Local<Option<Action>>,
    rows: Query<(&ControlRow, &Children)>,
    mut texts: Query<&mut Text, With<ControlText>>,
    mut device_lines: Query<&mut Text, (With<ControlsDevice>, Without<ControlText>)>,
) {
    let now = listening.map(|l| l.0);
    if !bindings.is_changed() && !device.is_changed() && *shown == now {
        return;
    }
    *shown = now;
    for (row, children) in &rows {
        for child in children {
            if let Ok(mut text) = texts.get_mut(*child) {
                let wanted = row_text(row.0, &bindings, *device, now);
                if text.0 != wanted {
                    text.0 = wanted;
                }
            }
        }
    }
    for mut line in &mut device_lines {
        let wanted = device_line(*device);
        if line.0 != wanted {
            line.0 = wanted.to_owned();
        }
    }
}
