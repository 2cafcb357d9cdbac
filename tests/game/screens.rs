//! Screens and menus as a player meets them.

use bevy::input::ButtonState;
use bevy::prelude::*;
use long_exposure::input::{Action, InputDevice};
use long_exposure::loading::LoadingProgress;
use long_exposure::states::Screen;
use long_exposure::testing::{Harness, HeadlessConfig};
use long_exposure::ui::menu::Menu;

use super::support::{menu_items, send_key};

fn harness() -> Harness {
    Harness::new(HeadlessConfig::default())
}

fn selected(harness: &mut Harness) -> usize {
    let world = harness.app().world_mut();
    world
        .query::<&Menu>()
        .single(world)
        .map(|m| m.selected)
        .unwrap()
}

fn virtual_seconds(harness: &mut Harness) -> f32 {
    harness
        .app()
        .world()
        .resource::<Time<Virtual>>()
        .elapsed_secs()
}

fn traced(harness: &Harness, text: &str) -> bool {
    harness.trace().iter().any(|line| line.text == text)
}

#[test]
fn boots_to_the_title_with_its_menu() {
    let mut harness = harness();
    assert_eq!(harness.screen(), Some(Screen::Title));
    assert_eq!(
        menu_items(&mut harness),
        ["New game", "Album", "Settings", "Quit"]
    );
    assert_eq!(selected(&mut harness), 0);
}

#[test]
fn new_game_starts_the_night_and_clears_the_title() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    assert_eq!(harness.screen(), Some(Screen::Playing));
    assert!(traced(&harness, "screen: Title -> Playing"));
    assert!(traced(&harness, "sound: MenuConfirm"));
    // The title's menu is gone with the title screen.
    assert!(menu_items(&mut harness).is_empty());
}

#[test]
fn the_menu_selection_moves_and_wraps_and_quit_quits() {
    let mut harness = harness();
    harness.press(Action::Down);
    assert_eq!(selected(&mut harness), 1);
    assert!(traced(&harness, "sound: MenuMove"));
    harness.press(Action::Down);
    harness.press(Action::Down);
    harness.press(Action::Down);
    assert_eq!(selected(&mut harness), 0, "wraps past the last item");
    harness.press(Action::Up);
    assert_eq!(selected(&mut harness), 3, "wraps past the first item");
    assert!(harness.app().should_exit().is_none());
    harness.press(Action::Confirm);
    assert!(
        harness.app().should_exit().is_some(),
        "Quit asks the app to exit"
    );
    assert_eq!(harness.screen(), Some(Screen::Title));
}

#[test]
fn pausing_stops_the_night_and_resuming_restarts_it() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    harness.frames(30);
    let before = virtual_seconds(&mut harness);
    assert!(before > 0.4, "time runs while playing: {before}");

    harness.press(Action::Pause);
    assert!(harness.paused());
    assert_eq!(
        menu_items(&mut harness),
        ["Resume", "Album", "Save", "Settings", "Quit to title"]
    );
    let paused_at = virtual_seconds(&mut harness);
    harness.frames(120);
    assert_eq!(
        virtual_seconds(&mut harness),
        paused_at,
        "no time passes while paused"
    );

    harness.press(Action::Pause);
    assert!(!harness.paused());
    harness.frames(60);
    let after = virtual_seconds(&mut harness);
    assert!(
        (after - paused_at - 1.0).abs() < 0.02,
        "time runs again: {after}"
    );
}

#[test]
fn back_and_the_resume_item_both_close_the_pause_menu() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    harness.press(Action::Pause);
    harness.press(Action::Back);
    assert!(!harness.paused());
    harness.press(Action::Pause);
    harness.press(Action::Confirm); // "Resume"
    assert!(!harness.paused());
    assert!(traced(&harness, "pause: Paused -> Running"));
}

#[test]
fn quitting_to_the_title_from_pause_leaves_time_running() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    harness.press(Action::Pause);
    harness.press(Action::Up); // the selection wraps to the last item
    harness.press(Action::Confirm); // "Quit to title", which asks first
    assert_eq!(harness.screen(), Some(Screen::Playing));
    harness.press(Action::Down);
    harness.press(Action::Confirm); // "Quit without saving"
    assert_eq!(harness.screen(), Some(Screen::Title));
    assert!(!harness.paused());
    assert_eq!(
        menu_items(&mut harness),
        ["Continue", "New game", "Album", "Settings", "Quit"],
        "the chapter's save, kept while the game runs"
    );
    let at = virtual_seconds(&mut harness);
    harness.frames(10);
    assert!(
        virtual_seconds(&mut harness) > at,
        "time runs again after leaving a paused game"
    );
}

#[test]
fn the_escape_key_pauses_through_the_default_bindings() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    send_key(&mut harness, KeyCode::Escape, ButtonState::Pressed);
    harness.frames(2);
    assert!(harness.paused());
    send_key(&mut harness, KeyCode::Escape, ButtonState::Released);
    harness.frames(2);
    assert!(harness.paused(), "letting go of the key does not resume");
}

#[test]
fn the_ending_leads_back_to_the_title() {
    let mut harness = harness();
    harness
        .app()
        .world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Ending);
    harness.frames(1);
    assert_eq!(harness.screen(), Some(Screen::Ending));
    assert_eq!(menu_items(&mut harness), ["Back to title"]);
    harness.press(Action::Confirm);
    assert_eq!(harness.screen(), Some(Screen::Title));
}

#[test]
fn a_key_tapped_between_two_frames_still_counts() {
    let mut harness = harness();
    harness.press(Action::Confirm);
    send_key(&mut harness, KeyCode::KeyP, ButtonState::Pressed);
    send_key(&mut harness, KeyCode::KeyP, ButtonState::Released);
    harness.frames(2);
    assert!(harness.paused());
}

#[test]
fn menu_prompts_name_the_keys_of_the_device_used_last() {
    let mut harness = harness();
    let hints = |harness: &mut Harness| {
        let world = harness.app().world_mut();
        let mut texts = world.query::<&Text>();
        texts
            .iter(world)
            .map(|t| t.0.clone())
            .filter(|t| t.contains("choose"))
            .collect::<Vec<_>>()
    };
    assert_eq!(hints(&mut harness), ["Up/Down choose   Enter confirm"]);
    harness
        .app()
        .world_mut()
        .insert_resource(InputDevice::Gamepad);
    harness.frames(1);
    assert_eq!(
        hints(&mut harness),
        ["D-pad up/D-pad down choose   A confirm"]
    );
    harness.press(Action::Confirm);
    harness.press(Action::Pause);
    assert!(
        hints(&mut harness)
            .contains(&"D-pad up/D-pad down choose   A confirm   Start/B resume".to_owned()),
        "{:?}",
        hints(&mut harness)
    );
}

#[test]
fn the_title_shows_loading_until_every_file_is_in() {
    let mut app = long_exposure::testing::headless_app(&HeadlessConfig::default());
    app.update();
    let loading = |app: &mut App| {
        let world = app.world_mut();
        let mut texts = world.query::<(&Text, &InheritedVisibility)>();
        texts
            .iter(world)
            .find(|(t, _)| t.0.starts_with("Loading the night"))
            .map(|(t, _)| t.0.clone())
    };
    let first = loading(&mut app).expect("a loading line at the start");
    let progress = *app.world().resource::<LoadingProgress>();
    assert!(
        progress.total >= 10,
        "story, levels and dialogues: {progress:?}"
    );
    assert!(
        first.contains(&format!("of {} files", progress.total)),
        "{first}"
    );
    let mut harness = harness();
    harness.frames(1);
    let progress = *harness.world().resource::<LoadingProgress>();
    assert!(progress.finished(), "{progress:?}");
    let world = harness.app().world_mut();
    let mut lines = world.query::<(&Name, &Visibility)>();
    let hidden = lines
        .iter(world)
        .find(|(n, _)| n.as_str() == "Loading")
        .map(|(_, v)| *v);
    assert_eq!(hidden, Some(Visibility::Hidden));
}

#[test]
fn a_resting_pointer_takes_no_selection_and_a_moving_one_does() {
    let mut harness = harness();
    harness.frames(2);
    // The Album button's item.
    let album = {
        let world = harness.app().world_mut();
        let mut named = world.query::<(&Name, &Children)>();
        named
            .iter(world)
            .find(|(n, _)| n.as_str() == "Album")
            .map(|(_, children)| children[0])
            .unwrap()
    };
    let point = |harness: &mut Harness, x: f32| {
        harness.app().world_mut().write_message(CursorMoved {
            window: Entity::PLACEHOLDER,
            position: Vec2::new(x, 360.0),
            delta: None,
        });
        harness.frames(1);
    };
    // The window opens with the pointer resting over Album.
    harness
        .app()
        .world_mut()
        .entity_mut(album)
        .insert(Interaction::Hovered);
    point(&mut harness, 640.0);
    harness.frames(2);
    assert_eq!(selected(&mut harness), 0, "New game stays selected");

    // Gamepad prompts give way to the keyboard's once the mouse moves, and
    // the item under it is selected.
    harness
        .app()
        .world_mut()
        .insert_resource(InputDevice::Gamepad);
    point(&mut harness, 650.0);
    assert_eq!(selected(&mut harness), 1, "Album, under the moving pointer");
    assert_eq!(
        *harness.world().resource::<InputDevice>(),
        InputDevice::Keyboard
    );
}

/// Every page stands alone: one menu is on screen at a time, Back walks
/// back the way it came, and resuming from a page deep inside the pause
/// menu closes every page, so pausing again opens the pause menu itself.
#[test]
fn menu_pages_replace_each_other_and_resuming_closes_them_all() {
    let mut harness = harness();
    let menus = |harness: &mut Harness| {
        let world = harness.app().world_mut();
        world.query::<&Menu>().iter(world).count()
    };
    harness.select("Settings").unwrap();
    assert!(menu_items(&mut harness).contains(&"Controls".to_owned()));
    assert_eq!(
        menus(&mut harness),
        1,
        "the settings replace the title's menu"
    );
    harness.press(Action::Back);
    harness.frames(1);
    assert_eq!(
        menu_items(&mut harness)[0],
        "New game",
        "Back returns to the title"
    );
    assert_eq!(menus(&mut harness), 1);

    harness.select("New game").unwrap();
    harness.press(Action::Pause);
    harness.select("Settings").unwrap();
    harness.select("Controls").unwrap();
    assert_eq!(menus(&mut harness), 1, "the controls replace the settings");
    harness.press(Action::Back);
    harness.frames(1);
    assert!(menu_items(&mut harness).contains(&"Controls".to_owned()));
    harness.press(Action::Pause);
    assert!(!harness.paused());
    assert_eq!(menus(&mut harness), 0, "resuming closes every page");
    harness.press(Action::Pause);
    assert_eq!(
        menu_items(&mut harness),
        ["Resume", "Album", "Save", "Settings", "Quit to title"]
    );
}
