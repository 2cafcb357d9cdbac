//! The settings page ([`Menu::Settings`]), opened from the title and the
//! pause menu in place of their menu: every setting a row that shows its value, stepped with
//! Left/Right or chosen (Enter, (A), a click) to move on to the next value,
//! applied at once and kept. `Back` returns to the menu that opened it.

use bevy::prelude::*;

use super::{Menu, home};
use crate::input::{Action, ActionState};
use crate::settings::{Row, Settings};
use crate::states::Screen;
use crate::ui::menu::{self, Activate, MenuItem, SelectionMarker, items_of};
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// The text of a row, which shows its value.
#[derive(Component)]
struct RowText;

/// The page's help line.
const SETTINGS_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Left, Action::Right, Action::Confirm], "change"),
    (&[Action::Back], "back"),
];

/// Rows in the first of the page's two columns.
const FIRST_COLUMN: usize = 6;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Menu::Settings), open)
        .add_observer(step_chosen_row)
        .add_systems(
            Update,
            (step_selected_row, close_on_back, show_values)
                .chain()
                .run_if(in_state(Menu::Settings)),
        );
}

fn open(settings: Res<Settings>, mut commands: Commands) {
    let column = |rows: &[Row]| {
        let settings = settings.clone();
        widget::column_of(rows.to_vec(), move |row| row_item(row, &settings))
    };
    let (first, second) = Row::ALL.split_at(FIRST_COLUMN);
    commands.spawn((
        widget::screen_root("Settings"),
        DespawnOnExit(Menu::Settings),
        BackgroundColor(theme::NIGHT),
        children![
            widget::label("Settings", theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::two_column_menu(
                column(first),
                column(second),
                (
                    Node {
                        column_gap: px(24),
                        ..default()
                    },
                    children![
                        widget::button("Controls", open_controls),
                        widget::button("Back", close),
                    ],
                ),
            ),
            action_hint(SETTINGS_HINT),
        ],
    ));
}

/// The controls page, in place of this one.
fn open_controls(_: On<Activate>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(Menu::Controls);
}

/// One row: the selection marker and its label with its value.
fn row_item(row: Row, settings: &Settings) -> impl Bundle + use<> {
    (
        Name::new(row.label()),
        row,
        widget::menu_item(400.0, 4.0),
        children![
            (
                SelectionMarker,
                widget::label(">", theme::READING_SIZE, theme::SODIUM)
            ),
            (
                RowText,
                widget::label(row.text(settings), theme::READING_SIZE, theme::PAPER)
            ),
        ],
    )
}

/// Choosing a row moves it to its next value.
fn step_chosen_row(activate: On<Activate>, rows: Query<&Row>, mut settings: ResMut<Settings>) {
    if let Ok(row) = rows.get(activate.entity) {
        row.step(&mut settings, true);
    }
}

/// Left and Right step the selected row back and forward.
fn step_selected_row(
    actions: Res<ActionState>,
    menus: Query<(Entity, &menu::Menu)>,
    children: Query<&Children>,
    items: Query<(), With<MenuItem>>,
    rows: Query<&Row>,
    mut settings: ResMut<Settings>,
) {
    let forward = actions.just_pressed(Action::Right);
    if !(forward || actions.just_pressed(Action::Left)) {
        return;
    }
    for (menu, state) in &menus {
        let selected = items_of(menu, &children, &items)
            .get(state.selected)
            .copied();
        if let Some(row) = selected.and_then(|item| rows.get(item).ok()) {
            row.step(&mut settings, forward);
        }
    }
}

/// `Back` (Esc, (B)) closes the page.
fn close_on_back(
    actions: Res<ActionState>,
    screen: Res<State<Screen>>,
    mut menu: ResMut<NextState<Menu>>,
) {
    if actions.just_pressed(Action::Back) {
        menu.set(home(&screen));
    }
}

/// Back to the menu that opened the page.
fn close(_: On<Activate>, screen: Res<State<Screen>>, mut menu: ResMut<NextState<Menu>>) {
    menu.set(home(&screen));
}

/// Each row shows its value as it changes.
fn show_values(
    settings: Res<Settings>,
    rows: Query<(&Row, &Children)>,
    mut texts: Query<&mut Text, With<RowText>>,
) {
    if !settings.is_changed() {
        return;
    }
    for (row, children) in &rows {
        for child in children {
            if let Ok(mut text) = texts.get_mut(*child) {
                let shown = row.text(&settings);
                if text.0 != shown {
                    text.0 = shown;
                }
            }
        }
    }
}
