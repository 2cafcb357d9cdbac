//! Exploration as a player meets it: walking, walls, ladders, exits,
//! interaction, people, the night clock and its triggers.

use bevy::prelude::*;
use long_exposure::content::schema::Facing;
use long_exposure::explore::motion::{self, Footing};
use long_exposure::explore::{Body, Lev};
use long_exposure::input::Action;
use long_exposure::levels::{ActiveLevel, CurrentLevel};
use long_exposure::states::{VIEW, ViewCamera};
use long_exposure::testing::{Harness, HeadlessConfig};
use long_exposure::world::Person;
use long_exposure::world::rain::Raindrop;

use super::support::{TempDir, headless, modded, on_screen, shipped_with, times};

/// A new game at `fps` simulated frames per second, in the warehouse.
fn new_game(fps: u32) -> Harness {
    let mut harness = Harness::new(HeadlessConfig {
        fps,
        ..Default::default()
    });
    harness.press(Action::Confirm);
    assert_eq!(harness.level().as_deref(), Some("warehouse"));
    harness
}

fn body(harness: &mut Harness) -> motion::Body {
    harness.lev().expect("Lev is in a level")
}

/// Puts Lev at `at` in the current level, standing on whatever is there.
fn place(harness: &mut Harness, at: Vec2) {
    let world = harness.app().world_mut();
    let level = world
        .run_system_once(|level: ActiveLevel| level.get().cloned())
        .unwrap()
        .unwrap();
    let mut lev = world.query_filtered::<&mut Body, With<Lev>>();
    lev.single_mut(world).unwrap().0 = motion::Body::standing_at(&level, at);
}

fn hold_for(harness: &mut Harness, action: Action, seconds: f32) {
    harness.hold(action);
    harness.frames(harness.frames_in(seconds));
    harness.release(action);
    harness.frames(harness.frames_in(0.5));
}

fn traced(harness: &Harness, text: &str) -> bool {
    harness.trace().iter().any(|line| line.text.contains(text))
}

use bevy::ecs::system::RunSystemOnce;

#[test]
fn lev_walks_across_the_warehouse_floor_with_footsteps_on_concrete() {
    let mut harness = new_game(60);
    assert_eq!(body(&mut harness).position, Vec2::new(40.0, 16.0));
    hold_for(&mut harness, Action::Right, 2.0);
    let after = body(&mut harness);
    assert!(after.position.x > 150.0, "walked to {}", after.position.x);
    assert_eq!(after.position.y, 16.0);
    assert_eq!(after.velocity.x, 0.0, "stopped after letting go");
    assert!(traced(&harness, "sound: Footstep(Concrete)"));
}

#[test]
fn the_careful_step_covers_less_ground() {
    let mut harness = new_game(60);
    harness.hold(Action::Careful);
    hold_for(&mut harness, Action::Right, 2.0);
    let x = body(&mut harness).position.x;
    assert!(x > 60.0 && x < 110.0, "careful steps to {x}");
}

#[test]
fn a_wall_stops_him() {
    let mut harness = new_game(60);
    hold_for(&mut harness, Action::Left, 3.0);
    assert_eq!(body(&mut harness).position.x, 8.0 + motion::HALF_WIDTH);
}

#[test]
fn he_climbs_the_ladder_to_the_catwalk() {
    let mut harness = new_game(60);
    place(&mut harness, Vec2::new(545.0, 16.0));
    hold_for(&mut harness, Action::Up, 3.0);
    let after = body(&mut harness);
    assert_eq!(after.position, Vec2::new(548.0, 96.0));
    assert!(
        matches!(after.footing, Footing::Floor(_)),
        "{:?}",
        after.footing
    );
    assert!(traced(&harness, "sound: Footstep(Metal)"));
}

#[test]
fn he_climbs_the_stairs_to_the_west_catwalk() {
    let mut harness = new_game(60);
    place(&mut harness, Vec2::new(98.0, 16.0));
    hold_for(&mut harness, Action::Up, 3.0);
    assert_eq!(body(&mut harness).position, Vec2::new(176.0, 96.0));
}

#[test]
fn the_loading_bay_door_is_shut_until_the_phone_rings_then_leads_to_the_streets() {
    let mut harness = new_game(60);
    place(&mut harness, Vec2::new(612.0, 16.0));
    harness.frames(2);
    harness.press(Action::Interact);
    harness.frames(harness.frames_in(1.0));
    assert_eq!(
        harness.level().as_deref(),
        Some("warehouse"),
        "the door is locked"
    );
    assert!(traced(&harness, "inspect: to_streets: Not yet."));
    harness.press(Action::Interact); // closes the text
    // 23:00 to 23:20 at half a game minute a second.
    harness.frames(harness.frames_in(41.0));
    assert!(traced(&harness, "story: phone_rings"));
    // The door names where it leads, as that place names itself.
    assert!(
        on_screen(&mut harness).contains("Go through to the streets"),
        "{}",
        on_screen(&mut harness)
    );
    harness.press(Action::Interact);
    harness.frames(harness.frames_in(1.0));
    assert_eq!(harness.level().as_deref(), Some("streets"));
    let current = harness.app().world().resource::<CurrentLevel>().clone();
    assert_eq!(current.spawn, "from_warehouse");
    assert_eq!(body(&mut harness).position, Vec2::new(40.0, 64.0));
    assert!(traced(
        &harness,
        "level: streets (arrived at from_warehouse)"
    ));
}

#[test]
fn the_same_walk_ends_in_the_same_place_at_30_60_and_144_frames_per_second() {
    let ends: Vec<f32> = [30, 60, 144]
        .into_iter()
        .map(|fps| {
            let mut harness = new_game(fps);
            hold_for(&mut harness, Action::Right, 1.5);
            body(&mut harness).position.x
        })
        .collect();
    for x in &ends {
        assert!((x - ends[0]).abs() <= 1.0, "ends at {ends:?}");
    }
}

#[test]
fn inspecting_works_in_reach_and_not_out_of_it() {
    let mut harness = new_game(60);
    place(&mut harness, Vec2::new(200.0, 16.0));
    harness.frames(2);
    harness.press(Action::Interact);
    assert!(!traced(&harness, "inspect: "), "nothing in reach at x 200");
    place(&mut harness, Vec2::new(30.0, 16.0));
    harness.frames(2);
    harness.press(Action::Interact);
    assert!(traced(
        &harness,
        "inspect: mirror: The crack splits my face in two."
    ));
}

#[test]
fn the_phone_rings_at_twenty_past_eleven() {
    let mut harness = new_game(60);
    // 23:00 to 23:20 at half a game minute per second: 40 seconds.
    harness.frames(harness.frames_in(39.0));
    assert!(!traced(&harness, "story: phone_rings"));
    harness.frames(harness.frames_in(2.0));
    assert!(traced(
        &harness,
        "story: phone_rings (from warehouse/phone_rings)"
    ));
    // It rings on, every nine seconds, until Lev picks it up.
    let rings = |harness: &Harness| times(harness, "sound: PhoneRing");
    assert_eq!(rings(&harness), 1);
    harness.frames(harness.frames_in(19.0));
    assert_eq!(
        rings(&harness),
        3,
        "rung again at nine and eighteen seconds"
    );
    place(&mut harness, Vec2::new(250.0, 16.0));
    harness.frames(2);
    harness.press(Action::Interact);
    assert!(traced(&harness, "dialogue: phone_call"));
    let answered = rings(&harness);
    harness.frames(harness.frames_in(20.0));
    assert_eq!(rings(&harness), answered, "no ring once answered");
}

#[test]
fn a_person_turns_to_face_lev_and_asks_for_their_dialogue() {
    let mut harness = new_game(60);
    let world = harness.app().world_mut();
    world.insert_resource(CurrentLevel::arriving("streets", "from_warehouse"));
    harness.frames(2);
    assert_eq!(harness.level().as_deref(), Some("streets"));
    // The night-shift worker stands at x 310 facing left; Lev comes from the right.
    place(&mut harness, Vec2::new(318.0, 64.0));
    harness.frames(2);
    harness.press(Action::Interact);
    assert!(traced(&harness, "dialogue: night_worker"));
    let world = harness.app().world_mut();
    let facing = world
        .query::<&Person>()
        .iter(world)
        .find(|p| p.id == "night_worker")
        .map(|p| p.facing);
    assert_eq!(facing, Some(Facing::Right));
}

/// Each raindrop's place and opacity.
fn raindrops(harness: &mut Harness) -> Vec<(Vec2, f32)> {
    let world = harness.app().world_mut();
    world
        .query_filtered::<(&Transform, &Sprite), With<Raindrop>>()
        .iter(world)
        .map(|(t, s)| (t.translation.truncate(), s.color.alpha()))
        .collect()
}

#[test]
fn rain_falls_over_the_streets_view_and_shines_in_the_lamps() {
    let mut harness = new_game(60);
    assert!(raindrops(&mut harness).is_empty(), "the warehouse is dry");
    let world = harness.app().world_mut();
    world.insert_resource(CurrentLevel::arriving("streets", "from_warehouse"));
    harness.frames(2);
    let before = raindrops(&mut harness);
    assert_eq!(before.len(), 90, "the streets' rain: drops 90");
    harness.frames(harness.frames_in(1.5));
    let after = raindrops(&mut harness);
    let world = harness.app().world_mut();
    let view = world
        .query_filtered::<&Transform, With<ViewCamera>>()
        .single(world)
        .unwrap()
        .translation
        .truncate();
    for (at, _) in &after {
        let off = (*at - view).abs();
        assert!(
            off.x <= VIEW.x / 2.0 + 24.0 && off.y <= VIEW.y / 2.0 + 12.0,
            "a drop at {at} stays around the view at {view}"
        );
    }
    assert_ne!(before, after, "the rain falls");
    // The lamps light the drops that fall through them: some shine, most
    // are faint.
    let alphas: Vec<f32> = after.iter().map(|(_, a)| *a).collect();
    let faint = alphas.iter().cloned().fold(f32::INFINITY, f32::min);
    let bright = alphas.iter().cloned().fold(0.0, f32::max);
    assert!(bright > faint * 2.0, "lit {bright}, unlit {faint}");
    assert!(alphas.iter().filter(|a| **a == faint).count() > alphas.len() / 2);
}

#[test]
fn nothing_moves_while_paused() {
    let mut harness = new_game(60);
    harness.press(Action::Pause);
    hold_for(&mut harness, Action::Right, 1.0);
    assert_eq!(body(&mut harness).position, Vec2::new(40.0, 16.0));
}

#[test]
fn walking_into_the_light_fires_its_area_trigger_once() {
    let mut harness = new_game(60);
    place(&mut harness, Vec2::new(330.0, 16.0));
    harness.frames(5);
    place(&mut harness, Vec2::new(200.0, 16.0));
    harness.frames(5);
    place(&mut harness, Vec2::new(330.0, 16.0));
    harness.frames(5);
    let fired = harness
        .trace()
        .iter()
        .filter(|l| l.text == "story: stood_in_light (from warehouse/stood_in_light)")
        .count();
    assert_eq!(
        fired, 1,
        "a trigger fires once unless its data says otherwise"
    );
}

/// The game on the title, with the warehouse file changed by `edit` (as a
/// mod in a fresh folder, removed when the returned folder drops).
fn with_modded_warehouse(name: &str, edit: impl Fn(&str) -> String) -> (Harness, TempDir) {
    let mods = TempDir::new(name);
    mods.write(
        "warehouse.level.ron",
        shipped_with("warehouse.level.ron", edit),
    );
    (headless(modded(mods.path())), mods)
}

#[test]
fn a_flag_trigger_fires_when_its_flag_is_set() {
    let (mut harness, _mods) = with_modded_warehouse("flag", |text| {
        let trigger = r#"(id: "remember", when: Flag("shot_mirror"), event: "mirror_remembered"),"#;
        text.replacen("triggers: [", &format!("triggers: [\n        {trigger}"), 1)
    });
    harness.press(Action::Confirm);
    harness.frames(10);
    assert!(!traced(&harness, "story: mirror_remembered"));
    let world = harness.app().world_mut();
    world
        .resource_mut::<long_exposure::story::StoryState>()
        .flags
        .insert("shot_mirror".into());
    harness.frames(2);
    assert!(traced(
        &harness,
        "story: mirror_remembered (from warehouse/remember)"
    ));
}

#[test]
fn each_place_has_its_own_ambience_and_music() {
    let mut harness = new_game(60);
    let world = harness.app().world_mut();
    world.insert_resource(CurrentLevel::arriving("streets", "from_warehouse"));
    harness.frames(2);
    let ambiences: Vec<&str> = harness
        .trace()
        .iter()
        .filter_map(|l| l.text.strip_prefix("ambience: "))
        .collect();
    assert_eq!(
        ambiences,
        ["Rain", "Drips", "Rain"],
        "title, warehouse, streets"
    );
}

#[test]
fn a_levels_pixel_scale_zooms_the_view_and_the_title_resets_it() {
    let (mut harness, _mods) = with_modded_warehouse("zoom", |text| {
        text.replacen("    bounds:", "    pixel_scale: 2,\n    bounds:", 1)
    });
    let scale = |harness: &mut Harness| {
        let world = harness.app().world_mut();
        match world.query::<&Projection>().single(world).unwrap() {
            Projection::Orthographic(ortho) => ortho.scale,
            _ => f32::NAN,
        }
    };
    assert_eq!(scale(&mut harness), 1.0);
    harness.press(Action::Confirm);
    harness.frames(2);
    assert_eq!(scale(&mut harness), 0.5);
    harness.press(Action::Pause);
    harness.select("Quit to title").unwrap();
    harness.select("Quit without saving").unwrap();
    assert_eq!(scale(&mut harness), 1.0);
}
