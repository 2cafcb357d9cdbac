//! Settings: changed on their page from the title or the pause menu,
//! applied at once, kept across runs; a broken file reported and replaced
//! by the defaults without touching the saves.

use std::fs;

use bevy::prelude::*;
use long_exposure::input::{Action, Bindings, InputDevice};
use long_exposure::settings::{Settings, TextSize, TextSpeed};
use long_exposure::story::Travel;
use long_exposure::testing::Harness;

use super::support::{
    TempDir, game_in, menu_items, on_screen, plug_in_gamepad, steps, tap_button, tap_key, times,
};

fn settings(harness: &Harness) -> Settings {
    harness.world().resource::<Settings>().clone()
}

fn set(harness: &mut Harness, settings: Settings) {
    harness.app().world_mut().insert_resource(settings);
}

#[test]
fn settings_changed_on_their_page_are_kept_across_runs() {
    let folder = TempDir::new("settings");
    let mut game = game_in(folder.path());
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );
    steps(&mut game, r#"Select("Settings")"#);
    let rows = menu_items(&mut game);
    assert_eq!(
        rows.len(),
        15,
        "thirteen settings, Controls and Back: {rows:?}"
    );
    assert_eq!(rows[0], "Volume");
    // Chosen, a row moves to its next value; Left and Right step it.
    steps(&mut game, r#"Select("Captions"), Select("Text speed")"#);
    assert!(!settings(&game).captions);
    assert_eq!(settings(&game).text_speed, TextSpeed::Fast);
    steps(
        &mut game,
        "Press(Right), Press(Down), Press(Left), Press(Left)",
    );
    assert_eq!(settings(&game).text_speed, TextSpeed::WholeLines);
    assert_eq!(settings(&game).text_size, TextSize::Large, "wrapped back");
    assert!(on_screen(&mut game).contains("Text speed: Whole lines at once"));
    steps(&mut game, "Press(Back)");
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );
    let kept = fs::read_to_string(folder.path().join("settings.ron")).unwrap();
    assert!(kept.contains("captions: false"), "{kept}");

    let again = game_in(folder.path());
    let now = settings(&again);
    assert!(!now.captions);
    assert_eq!(now.text_speed, TextSpeed::WholeLines);
    assert_eq!(now.text_size, TextSize::Large);
}

#[test]
fn the_pause_menu_opens_the_settings_and_back_returns_to_it() {
    let folder = TempDir::new("pause-settings");
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(1), Press(Pause), Select("Settings"),
           Select("Reduce motion"), Press(Back), Expect(Paused(true))"#,
    );
    assert!(settings(&game).reduce_motion);
    assert_eq!(
        menu_items(&mut game),
        ["Resume", "Album", "Save", "Settings", "Quit to title"]
    );
}

#[test]
fn a_broken_settings_file_is_reported_and_replaced_by_the_defaults() {
    let folder = TempDir::new("broken-settings");
    let mut first = game_in(folder.path());
    steps(
        &mut first,
        r#"Select("New game"), WaitUntil(Happened("saved (Chapter)"), 2)"#,
    );
    let save = fs::read(folder.path().join("save.ron")).unwrap();
    folder.write("settings.ron", "Settings(captions: maybe)");
    let mut game = game_in(folder.path());
    let shown = on_screen(&mut game);
    assert!(shown.contains("The settings could not be read."), "{shown}");
    assert!(shown.contains("settings.ron:1:20"), "{shown}");
    assert_eq!(settings(&game), Settings::default());
    assert_eq!(
        fs::read_to_string(folder.path().join("settings.unreadable.ron")).unwrap(),
        "Settings(captions: maybe)",
        "set aside, not lost"
    );
    assert_eq!(fs::read(folder.path().join("save.ron")).unwrap(), save);
    assert_eq!(menu_items(&mut game)[0], "Continue");
}

/// The night at the phone as it rings, with `settings`.
fn phone_ringing(settings: Settings) -> Harness {
    let folder = TempDir::new("captions");
    let mut game = game_in(folder.path());
    set(&mut game, settings);
    steps(
        &mut game,
        r#"Select("New game"), WaitUntil(Flag("phone_rang"), 60), WaitFrames(2)"#,
    );
    game
}

#[test]
fn a_caption_shows_when_the_phone_rings_with_captions_on_and_not_off() {
    let mut on = phone_ringing(Settings::default());
    assert!(
        on_screen(&mut on).contains("[A telephone rings]"),
        "{}",
        on_screen(&mut on)
    );
    // Captions belong to the night: leaving it takes them away.
    steps(
        &mut on,
        r#"Press(Pause), Select("Quit to title"), Select("Quit without saving"), Expect(Screen(Title))"#,
    );
    assert!(!on_screen(&mut on).contains("[A telephone rings]"));
    let mut off = phone_ringing(Settings {
        captions: false,
        ..Settings::default()
    });
    assert_eq!(times(&off, "sound: PhoneRing"), 1);
    assert!(!on_screen(&mut off).contains("[A telephone rings]"));
}

#[test]
fn whole_lines_show_at_once_and_text_grows_with_its_size() {
    let folder = TempDir::new("text");
    let mut game = game_in(folder.path());
    let title_size = |game: &mut Harness| {
        let world = game.app().world_mut();
        let mut texts = world.query::<(&Text, &TextFont)>();
        texts
            .iter(world)
            .find(|(t, _)| t.0 == "LONG EXPOSURE")
            .map(|(_, f)| f.font_size)
    };
    assert_eq!(title_size(&mut game), Some(FontSize::Px(64.0)));
    set(
        &mut game,
        Settings {
            text_size: TextSize::Largest,
            text_speed: TextSpeed::WholeLines,
            ..Settings::default()
        },
    );
    game.frames(1);
    assert_eq!(title_size(&mut game), Some(FontSize::Px(96.0)));
    steps(
        &mut game,
        r#"Select("New game"), WaitSeconds(3.5), WalkTo(250),
           WaitUntil(Flag("phone_rang"), 60), Press(Interact), WaitFrames(2)"#,
    );
    let line = game
        .trace()
        .iter()
        .find_map(|l| l.text.strip_prefix("line: phone_call/receiver: "))
        .map(|l| l.split(": ").last().unwrap_or(l).to_owned())
        .unwrap();
    let world = game.app().world_mut();
    let mut spans = world.query::<&TextSpan>();
    let spans: Vec<String> = spans.iter(world).map(|s| s.0.clone()).collect();
    assert!(spans.contains(&line), "whole at once: {line} in {spans:?}");
}

/// The level Lev is in after a journey to the streets is asked for and
/// `frames` frames pass, with `settings`.
fn level_after_travel(settings: Settings, frames: u32) -> Option<String> {
    let folder = TempDir::new("motion");
    let mut game = game_in(folder.path());
    set(&mut game, settings);
    steps(&mut game, r#"Select("New game"), WaitSeconds(4)"#);
    game.app().world_mut().trigger(Travel {
        level: "streets".into(),
        spawn: "from_warehouse".into(),
    });
    game.frames(frames);
    game.level()
}

#[test]
fn reduce_motion_cuts_between_levels_instead_of_fading() {
    let reduced = Settings {
        reduce_motion: true,
        ..Settings::default()
    };
    assert_eq!(level_after_travel(reduced, 3).as_deref(), Some("streets"));
    assert_eq!(
        level_after_travel(Settings::default(), 3).as_deref(),
        Some("warehouse"),
        "a fade takes 0.6 s"
    );
}

fn key_of(harness: &Harness, action: Action) -> String {
    harness
        .world()
        .resource::<Bindings>()
        .label(action, InputDevice::Keyboard)
}

#[test]
fn a_key_given_on_the_controls_page_works_and_a_clashing_one_is_refused() {
    let folder = TempDir::new("controls");
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"Select("Settings"), Select("Controls"), Select("Interact")"#,
    );
    assert!(
        on_screen(&mut game).contains("Interact: press it now")
            && on_screen(&mut game).contains("Escape or Start cancels."),
        "{}",
        on_screen(&mut game)
    );
    tap_key(&mut game, KeyCode::KeyK);
    game.frames(1);
    assert_eq!(key_of(&game, Action::Interact), "K");
    assert!(on_screen(&mut game).contains("Interact: K"));
    assert!(on_screen(&mut game).contains("Controls: keyboard"));

    // K is Interact's now: the camera cannot have it too.
    steps(&mut game, r#"Select("Camera")"#);
    tap_key(&mut game, KeyCode::KeyK);
    game.frames(1);
    assert!(
        on_screen(&mut game).contains("K is already Interact's: choose another key."),
        "{}",
        on_screen(&mut game)
    );
    assert_eq!(key_of(&game, Action::Camera), "C");
    // Escape cancels a wait and leaves the key as it was.
    steps(&mut game, r#"Select("Camera")"#);
    tap_key(&mut game, KeyCode::Escape);
    assert_eq!(key_of(&game, Action::Camera), "C");
    assert!(on_screen(&mut game).contains("Camera: kept as it was."));

    steps(&mut game, "Press(Back), Press(Back)");
    assert_eq!(
        menu_items(&mut game),
        ["New game", "Album", "Settings", "Quit"]
    );
    let kept = fs::read_to_string(folder.path().join("settings.ron")).unwrap();
    assert!(kept.contains("(Interact, \"KeyK\")"), "{kept}");

    // The next run plays with K.
    let mut again = game_in(folder.path());
    assert_eq!(key_of(&again, Action::Interact), "K");
    steps(&mut again, r#"Select("New game"), WaitSeconds(3.5)"#);
    tap_key(&mut again, KeyCode::KeyE);
    assert_eq!(times(&again, "inspect: mirror"), 0, "E no longer interacts");
    tap_key(&mut again, KeyCode::KeyK);
    assert_eq!(times(&again, "inspect: mirror"), 1);
}

#[test]
fn a_gamepad_button_given_on_the_controls_page_works_and_a_clashing_one_is_refused() {
    let folder = TempDir::new("pad-controls");
    let mut game = game_in(folder.path());
    let pad = plug_in_gamepad(&mut game);
    steps(
        &mut game,
        r#"Select("Settings"), Select("Controls"), Select("Interact")"#,
    );
    // X is the careful step's, and both mean something while exploring.
    tap_button(&mut game, pad, GamepadButton::West);
    assert!(
        on_screen(&mut game).contains("X is already Careful's: choose another button."),
        "{}",
        on_screen(&mut game)
    );
    steps(&mut game, r#"Select("Interact")"#);
    tap_button(&mut game, pad, GamepadButton::LeftThumb);
    assert!(
        on_screen(&mut game).contains("Interact: LS")
            && on_screen(&mut game).contains("Controls: gamepad"),
        "{}",
        on_screen(&mut game)
    );
    // Start cancels a wait.
    steps(&mut game, r#"Select("Camera")"#);
    tap_button(&mut game, pad, GamepadButton::Start);
    assert!(on_screen(&mut game).contains("Camera: kept as it was."));
    steps(&mut game, "Press(Back), Press(Back)");
    let kept = fs::read_to_string(folder.path().join("settings.ron")).unwrap();
    assert!(kept.contains("(Interact, \"LeftThumb\")"), "{kept}");

    // The next run interacts with the left stick's press, not with A.
    let mut again = game_in(folder.path());
    let pad = plug_in_gamepad(&mut again);
    steps(&mut again, r#"Select("New game"), WaitSeconds(3.5)"#);
    tap_button(&mut again, pad, GamepadButton::South);
    assert_eq!(times(&again, "inspect: mirror"), 0, "A no longer interacts");
    tap_button(&mut again, pad, GamepadButton::LeftThumb);
    assert_eq!(times(&again, "inspect: mirror"), 1);
    assert_eq!(
        *again.world().resource::<InputDevice>(),
        InputDevice::Gamepad,
        "prompts follow the gamepad"
    );
}

#[test]
fn down_moves_through_the_settings_rows_in_reading_order() {
    let folder = TempDir::new("order");
    let mut game = game_in(folder.path());
    steps(
        &mut game,
        r#"WaitSeconds(2), Select("Settings"), Press(Down), Press(Down), Press(Down), Press(Down)"#,
    );
    let world = game.app().world_mut();
    let (items, selected) = long_exposure::ui::menu::open_menu(world).unwrap();
    assert_eq!(items[selected], "Text speed", "{items:?}");
}
