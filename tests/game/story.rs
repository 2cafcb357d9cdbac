//! The night's spine as a player meets it: conditions on what can be done,
//! one press meaning one thing, a clock that serves the story, chapters, and
//! level changes drawn cleanly.

use bevy::prelude::*;
use long_exposure::explore::Lev;
use long_exposure::input::Action;
use long_exposure::states::Screen;
use long_exposure::story::StoryState;
use long_exposure::testing::Harness;
use long_exposure::world::LevelLight;

use super::support::{headless, shipped, tap_key};

/// A new game in the warehouse, the chapter card gone.
fn new_game() -> Harness {
    let mut harness = headless(shipped());
    harness.select("New game").unwrap();
    harness.frames(harness.frames_in(3.5));
    harness
}

fn clock(harness: &Harness) -> String {
    harness.world().resource::<StoryState>().time().to_string()
}

fn minutes(harness: &Harness) -> f64 {
    harness.world().resource::<StoryState>().minutes
}

fn traced(harness: &Harness, text: &str) -> bool {
    harness.trace().iter().any(|line| line.text.contains(text))
}

fn wait(harness: &mut Harness, seconds: f32) {
    harness.frames(harness.frames_in(seconds));
}

/// Whether the warehouse's light at `at` (the phone's glow) is shown.
fn glowing(harness: &mut Harness, at: (f32, f32)) -> bool {
    let level = harness
        .world()
        .resource::<long_exposure::levels::NightData>();
    let index = level
        .level("warehouse")
        .and_then(|l| {
            l.lights
                .iter()
                .position(|light| light.at.0 == at.0 && light.at.1 == at.1)
        })
        .expect("the phone's glow");
    let world = harness.app().world_mut();
    let mut lights = world.query::<(&LevelLight, &Visibility)>();
    lights
        .iter(world)
        .any(|(light, shown)| light.index == index && *shown != Visibility::Hidden)
}

#[test]
fn the_phone_cannot_be_answered_before_it_rings_and_glows_while_it_rings() {
    let phone = (250.0, 22.0);
    let mut harness = new_game();
    assert!(!glowing(&mut harness, phone), "dark before it rings");
    harness.walk_to(250.0).unwrap();
    harness.press(Action::Interact);
    assert!(traced(&harness, "inspect: silent_phone"));
    assert!(!traced(&harness, "dialogue: phone_call"));
    harness.press(Action::Interact); // close the text
    harness
        .wait_until(
            &long_exposure::testing::script::Expectation::Flag("phone_rang".into()),
            60.0,
        )
        .unwrap();
    harness.frames(1);
    assert!(traced(&harness, "sound: PhoneRing"), "its bell");
    assert!(glowing(&mut harness, phone), "it glows while it rings");
    harness.press(Action::Interact);
    assert!(traced(&harness, "dialogue: phone_call"));
    let state = harness.world().resource::<StoryState>();
    assert!(state.flags.contains("phone_answered"));
    harness.frames(1);
    assert!(!glowing(&mut harness, phone), "answered, it is dark again");
}

#[test]
fn enter_in_a_menu_does_not_interact_and_up_in_a_menu_does_not_climb() {
    let mut harness = new_game();
    // Lev stands at the mirror (an interactable) and at nothing to climb.
    harness.press(Action::Pause);
    tap_key(&mut harness, KeyCode::Enter); // "Resume" (Enter is also bound to interact)
    wait(&mut harness, 0.5);
    assert!(!harness.paused());
    assert!(
        !traced(&harness, "inspect: mirror"),
        "Enter resumed, and only resumed"
    );
    // At the foot of the stairs, Up in the pause menu moves the selection.
    harness.walk_to(96.0).unwrap();
    let foot = harness.lev().unwrap().position;
    harness.press(Action::Pause);
    tap_key(&mut harness, KeyCode::ArrowUp);
    tap_key(&mut harness, KeyCode::ArrowUp);
    harness.press(Action::Pause);
    wait(&mut harness, 1.0);
    let lev = harness.lev().unwrap();
    assert_eq!(lev.position, foot, "he did not climb");
    // Out of the menu, Enter interacts and does not confirm anything.
    harness.walk_to(40.0).unwrap();
    tap_key(&mut harness, KeyCode::Enter);
    assert!(traced(&harness, "inspect: mirror"));
    assert_eq!(harness.screen(), Some(Screen::Playing));
}

#[test]
fn the_clock_stands_still_in_text_menus_and_the_pause_and_runs_while_exploring() {
    let mut harness = new_game();
    let before = minutes(&harness);
    wait(&mut harness, 4.0);
    let walked = minutes(&harness);
    assert!(
        (walked - before - 2.0).abs() < 0.05,
        "4 s of play is 2 minutes: {before} -> {walked}"
    );
    harness.press(Action::Interact); // the mirror's text
    let reading = minutes(&harness);
    wait(&mut harness, 10.0);
    assert_eq!(minutes(&harness), reading, "reading holds the clock");
    harness.press(Action::Back);
    harness.press(Action::Pause);
    wait(&mut harness, 10.0);
    let paused = minutes(&harness);
    assert!((paused - reading).abs() < 0.05, "the pause holds the clock");
    harness.press(Action::Pause);
    wait(&mut harness, 2.0);
    assert!(minutes(&harness) > paused + 0.9, "exploring again, it runs");
}

#[test]
fn a_chapter_that_holds_the_clock_does_not_pass_its_hold() {
    let mut harness = new_game();
    wait(&mut harness, 120.0); // an hour of night at this pace
    assert_eq!(clock(&harness), "23:20", "the warehouse holds at 23:20");
    assert!(traced(&harness, "story: phone_rings"));
}

#[test]
fn after_a_level_change_lev_is_drawn_at_the_spawn_point_from_the_first_frame() {
    let mut harness = new_game();
    wait(&mut harness, 41.0); // the phone rings and the door opens
    harness.walk_to(612.0).unwrap();
    harness.press(Action::Interact);
    let mut drawn = Vec::new();
    for _ in 0..harness.frames_in(1.0) {
        harness.frames(1);
        let level = harness.level();
        let world = harness.app().world_mut();
        let at = world
            .query_filtered::<&Transform, With<Lev>>()
            .single(world)
            .unwrap()
            .translation
            .truncate();
        drawn.push((level, at));
    }
    let first = drawn
        .iter()
        .find(|(level, _)| level.as_deref() == Some("streets"))
        .expect("he reached the streets");
    assert_eq!(
        first.1,
        Vec2::new(40.0, 64.0),
        "drawn at the spawn point at once"
    );
}

#[test]
fn the_next_chapter_begins_on_arrival_and_moves_the_clock_on() {
    let mut harness = new_game();
    wait(&mut harness, 41.0);
    harness.walk_to(612.0).unwrap();
    harness.press(Action::Interact);
    wait(&mut harness, 1.0);
    let state = harness.world().resource::<StoryState>();
    assert_eq!(state.chapter, "streets");
    assert_eq!(state.visits.get("streets"), Some(&1));
    assert_eq!(clock(&harness), "23:30");
    assert!(traced(&harness, "chapter: streets (II. The streets)"));
}
