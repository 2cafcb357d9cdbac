//! The night that moves: the tram on its path at any frame rate, the judge
//! reading it where it is, and what leaves the frame gone from it.

use bevy::math::Vec2;
use bevy::prelude::Time;
use long_exposure::audio::{Heard, MovingSounds};
use long_exposure::content::schema::{Arrival, ClockTime, MovingSound};
use long_exposure::content::{Roots, files};
use long_exposure::input::Action;
use long_exposure::levels::{NightData, StartOverride};
use long_exposure::story::{StoryState, SubjectShot};
use long_exposure::testing::script::Expectation;
use long_exposure::testing::{Harness, HeadlessConfig};
use long_exposure::world::Moving;

use super::levels::{copy_levels, wait_for};
use super::support::{
    TempDir, modded, on_screen, readme_blocks, repo_file, run_in, shipped, shipped_with, text,
};

/// Samples a second: every sixth of a second is a whole frame at 30, 60
/// and 144 frames a second.
const SAMPLES_A_SECOND: u32 = 6;

/// A new night begun in `level` at `spawn` at `at`, at `fps`.
fn begin(level: &str, spawn: &str, fps: u32, at: &str) -> Harness {
    begin_with(shipped(), false, level, spawn, fps, at)
}

/// A new night from the data at `roots` (watched for changes with
/// `watch`) begun in `level` at `spawn` at `at`, at `fps`.
fn begin_with(roots: Roots, watch: bool, level: &str, spawn: &str, fps: u32, at: &str) -> Harness {
    Harness::new(HeadlessConfig {
        fps,
        roots,
        watch,
        start: StartOverride {
            arrival: Some(Arrival {
                level: level.into(),
                spawn: spawn.into(),
            }),
            at: Some(ClockTime::try_from(at.to_owned()).unwrap()),
        },
        ..Default::default()
    })
}

/// A new night begun in the streets at the tower's end at `at`, at `fps`.
fn streets(fps: u32, at: &str) -> Harness {
    begin("streets", "from_tower", fps, at)
}

/// Where the subject `id` of `level` has its centre now, as its motion
/// puts it (the judge's).
fn centre(harness: &Harness, level: &str, id: &str) -> Vec2 {
    let world = harness.world();
    let state = world.resource::<StoryState>();
    let level = world.resource::<NightData>().level(level).unwrap();
    let subject = level.subjects.iter().find(|s| s.id == id).unwrap();
    let area = state
        .placement(level, subject.moves.as_deref())
        .area(&subject.area);
    Vec2::from(area.centre())
}

/// Where the tram's centre is now.
fn tram(harness: &Harness) -> Vec2 {
    centre(harness, "streets", "tram")
}

/// The frames run since the night began, from the game time gone by
/// (loading passes none).
fn frames_run(harness: &Harness, fps: u32) -> u32 {
    let elapsed = harness.world().resource::<Time>().elapsed_secs_f64();
    (elapsed * f64::from(fps)).round() as u32
}

/// Runs frames until `sixths` sixths of a second of game time have passed
/// since the start; `frames` counts the frames run so far.
fn until(harness: &mut Harness, frames: &mut u32, fps: u32, sixths: u32) {
    let target = sixths * fps / SAMPLES_A_SECOND;
    assert!(
        *frames <= target,
        "{frames} frames already run, past {target}"
    );
    harness.frames(target - *frames);
    *frames = target;
}

/// What a run at `fps` saw: the tram's centre and the night's clock at
/// each sixth of a second of one scripted walk, and the photograph's
/// subjects at one instant.
fn tram_run(fps: u32) -> (Vec<(f64, Vec2)>, Vec<SubjectShot>) {
    let mut harness = streets(fps, "23:29");
    let mut seen = Vec::new();
    let mut sample = |harness: &Harness| {
        let minutes = harness.world().resource::<StoryState>().minutes;
        seen.push((minutes, tram(harness)));
    };
    // A walk to the stop, however long it takes at this rate, then a
    // second of watching: the clock at its full pace.
    harness.walk_to(1000.0).unwrap();
    let mut frames = frames_run(&harness, fps);
    until(&mut harness, &mut frames, fps, 6 * SAMPLES_A_SECOND);
    for sixth in 6 * SAMPLES_A_SECOND + 1..=7 * SAMPLES_A_SECOND {
        until(&mut harness, &mut frames, fps, sixth);
        sample(&harness);
    }
    // The camera raised at a sample's instant: the clock's half pace.
    harness.hold(Action::Camera);
    until(&mut harness, &mut frames, fps, 7 * SAMPLES_A_SECOND + 1);
    harness.release(Action::Camera);
    until(&mut harness, &mut frames, fps, 7 * SAMPLES_A_SECOND + 2);
    sample(&harness);
    harness.zoom(35).unwrap();
    harness.aim(Vec2::new(990.0, 78.0)).unwrap();
    frames = frames_run(&harness, fps);
    until(&mut harness, &mut frames, fps, 9 * SAMPLES_A_SECOND);
    for sixth in 9 * SAMPLES_A_SECOND + 1..=11 * SAMPLES_A_SECOND {
        until(&mut harness, &mut frames, fps, sixth);
        sample(&harness);
    }
    // The shutter falls in the frame that ends at 11.5 s, at every rate.
    let shutter = 11 * SAMPLES_A_SECOND + SAMPLES_A_SECOND / 2;
    harness.frames(shutter * fps / SAMPLES_A_SECOND - 1 - frames);
    harness.hold(Action::Shutter);
    harness.frames(1);
    harness.release(Action::Shutter);
    sample(&harness);
    let state = harness.world().resource::<StoryState>();
    let photo = state.album.last().expect("a photograph was taken");
    (seen, photo.subjects.clone())
}

#[test]
fn the_tram_is_in_one_place_at_one_game_time_at_any_frame_rate_and_judged_the_same() {
    let (base, base_photo) = tram_run(60);
    // It came in from the east and was moving as the shutter fell.
    let first = base.first().unwrap().1;
    let last = base.last().unwrap().1;
    assert!(first.x > last.x + 20.0, "it moved west: {first} to {last}");
    let tram = base_photo.iter().find(|s| s.key == "streets/tram");
    let tram = tram.unwrap_or_else(|| panic!("the tram is in the photograph: {base_photo:?}"));
    assert!(tram.speed > 5.0, "caught moving: {} px/s", tram.speed);
    for fps in [30, 144] {
        let (seen, photo) = tram_run(fps);
        assert_eq!(seen.len(), base.len());
        for (i, ((minutes, at), (base_minutes, base_at))) in seen.iter().zip(&base).enumerate() {
            assert!(
                (minutes - base_minutes).abs() < 1e-3,
                "sample {i} at {fps} fps: clock {minutes} against {base_minutes}"
            );
            assert!(
                (*at - *base_at).abs().max_element() <= 0.5,
                "sample {i} at {fps} fps: the tram at {at}, at 60 fps {base_at}"
            );
        }
        let scores = |p: &[SubjectShot]| -> Vec<(String, u32)> {
            p.iter().map(|s| (s.key.clone(), s.score)).collect()
        };
        assert_eq!(
            scores(&photo),
            scores(&base_photo),
            "judged the same at {fps} fps"
        );
        let speed = photo
            .iter()
            .find(|s| s.key == "streets/tram")
            .unwrap()
            .speed;
        assert!(
            (speed - tram.speed).abs() < 1.0,
            "{speed} against {}",
            tram.speed
        );
    }
}

/// The camera raised at 35 mm, framing the tram stop from beside it.
fn frame_the_stop(harness: &mut Harness) {
    harness.walk_to(960.0).unwrap();
    harness.press(Action::Camera);
    harness.zoom(35).unwrap();
    harness.aim(Vec2::new(990.0, 78.0)).unwrap();
}

#[test]
fn a_photograph_of_the_tram_passing_scores_and_once_it_has_gone_it_is_not_in_the_frame() {
    let mut harness = streets(60, "23:29");
    harness.frames(harness.frames_in(4.0));
    // Before it comes the stop is empty: off past the east end.
    harness
        .check(&Expectation::SubjectAt(
            "streets/tram".into(),
            1230.0,
            78.0,
            0.5,
        ))
        .unwrap();
    frame_the_stop(&mut harness);
    harness
        .wait_until(
            &Expectation::SubjectAt("streets/tram".into(), 990.0, 78.0, 1.0),
            20.0,
        )
        .unwrap();
    harness.press(Action::Shutter);
    harness
        .check(&Expectation::PhotoOf("streets/tram".into(), 55))
        .unwrap();
    harness
        .check(&Expectation::GoalDone("shot_tram".into()))
        .unwrap();
    // Gone west over the bridge, past the level's end.
    harness
        .wait_until(
            &Expectation::SubjectAt("streets/tram".into(), -30.0, 78.0, 0.5),
            30.0,
        )
        .unwrap();
    harness.press(Action::Shutter);
    harness
        .check(&Expectation::NotInLastPhoto("streets/tram".into()))
        .unwrap();
    harness.check(&Expectation::Photos(2)).unwrap();
}

/// How the tram reaches Lev now.
fn tram_heard(harness: &Harness) -> Heard {
    let sounds = harness.world().resource::<MovingSounds>();
    let tram = sounds.sounds.iter().find(|s| s.motion == "tram").unwrap();
    assert_eq!(tram.sound, MovingSound::Tram);
    tram.heard
}

/// Runs until the tram's centre is at `x` or past it going west.
fn tram_reaches(harness: &mut Harness, x: f32) {
    for _ in 0..harness.frames_in(30.0) {
        if tram(harness).x <= x {
            return;
        }
        harness.frames(1);
    }
    panic!("the tram never reached x {x}: it is at {}", tram(harness));
}

#[test]
fn the_tram_is_heard_from_where_it_is_coming_in_standing_and_going_away() {
    let mut harness = streets(30, "23:29");
    harness.walk_to(960.0).unwrap();
    // Waiting past the east end, it is not heard: 270 pixels off, standing.
    let waiting = tram_heard(&harness);
    assert!(waiting.volume < 0.2 && waiting.pan > 0.5, "{waiting:?}");
    // Coming in from Lev's right, it grows loud in his right ear, and the
    // captions say so.
    tram_reaches(&mut harness, 1060.0);
    let coming = tram_heard(&harness);
    assert!(coming.volume > 0.75 && coming.pan > 0.2, "{coming:?}");
    assert!(on_screen(&mut harness).contains("[A tram rattles past]"));
    // At the stop, beside him, its motor idles: quieter than going.
    tram_reaches(&mut harness, 990.5);
    harness.frames(harness.frames_in(1.0));
    let standing = tram_heard(&harness);
    assert!(
        standing.volume <= 0.3 && standing.volume > 0.2,
        "{standing:?}"
    );
    assert!(standing.pan.abs() < 0.1, "{standing:?}");
    // Going away west it moves to his left ear and fades out.
    tram_reaches(&mut harness, 700.0);
    let going = tram_heard(&harness);
    assert!(going.pan < -0.5 && going.volume > 0.3, "{going:?}");
    tram_reaches(&mut harness, -30.0);
    assert!(
        tram_heard(&harness).volume < 0.05,
        "{:?}",
        tram_heard(&harness)
    );
}

#[test]
fn the_pigeons_lift_at_their_hour_fly_out_through_the_skylight_and_come_back_to_the_beam() {
    let mut harness = begin("warehouse", "start", 60, "23:14");
    let flock = |at: (f32, f32), tolerance: f32| {
        Expectation::SubjectAt("warehouse/pigeons".into(), at.0, at.1, tolerance)
    };
    // Asleep on the beam until 23:15, two seconds of play away.
    harness.frames(harness.frames_in(1.5));
    harness.check(&flock((466.0, 183.0), 0.5)).unwrap();
    // Up through the broken pane, out of sight over the roof...
    harness
        .wait_until(&flock((334.0, 283.0), 0.5), 8.0)
        .unwrap();
    harness
        .check(&Expectation::Happened("sound: PigeonsTakeOff".into()))
        .unwrap();
    // ...and back down the shaft to the beam, the flock's forty seconds later.
    harness
        .wait_until(&flock((466.0, 183.0), 0.5), 15.0)
        .unwrap();
    harness.frames(harness.frames_in(1.0));
    harness.check(&flock((466.0, 183.0), 0.5)).unwrap();
}

#[test]
fn the_failing_lamp_sways_on_its_chain_about_the_hook() {
    let mut harness = begin("warehouse", "start", 60, "23:01");
    let (mut least, mut most) = (f32::MAX, f32::MIN);
    for _ in 0..40 {
        harness.frames(harness.frames_in(0.1));
        let at = centre(&harness, "warehouse", "lamp");
        // On a circle about the hook: never further than the chain is long.
        let reach = (at - Vec2::new(240.0, 96.0)).length();
        assert!((reach - 28.0).abs() < 0.5, "{at} is {reach} from the hook");
        least = least.min(at.x);
        most = most.max(at.x);
    }
    assert!(most - least > 4.0, "it swings from x {least} to {most}");
}

#[test]
fn saving_a_changed_path_moves_what_goes_on_it_at_once() {
    let base = TempDir::new("path-reload");
    copy_levels(base.path());
    let roots = Roots {
        base: base.path().to_path_buf(),
        mods: None,
    };
    let mut harness = begin_with(roots, true, "streets", "from_tower", 60, "23:29");
    harness.frames(2);
    let tram_at = |x: f32| Expectation::SubjectAt("streets/tram".into(), x, 78.0, 0.5);
    harness.check(&tram_at(1230.0)).unwrap();
    // The tram now waits just east of the stop, not past the end.
    let file = base.path().join("streets.level.ron");
    let good = std::fs::read_to_string(&file).unwrap();
    let nearer = good.replacen("(t: 0, by: (240, 0)),", "(t: 0, by: (100, 0)),", 1);
    assert_ne!(nearer, good, "the tram's first key is in the file");
    std::fs::write(&file, nearer).unwrap();
    assert!(
        wait_for(&mut harness, |h| h.check(&tram_at(1090.0)).is_ok()),
        "the judge's tram moved with the save"
    );
    // And the world draws it there: the tram's sprite, 60 wide, centred.
    harness.frames(1);
    let world = harness.app().world_mut();
    let mut parts = world.query::<(&Moving, &bevy::prelude::Transform, &bevy::prelude::Name)>();
    let drawn: Vec<f32> = parts
        .iter(world)
        .filter(|(m, _, name)| m.motion == "tram" && name.as_str() == "Prop")
        .map(|(_, t, _)| t.translation.x)
        .collect();
    assert_eq!(drawn, [1090.0]);
}

#[test]
fn the_readme_car_crosses_the_street_with_its_lamps_validates_and_plays() {
    let work = TempDir::new("car");
    let [prop, lights, subject, motion, script] =
        readme_blocks("levels/README.md", "#### A car crossing the street");
    let streets = shipped_with("streets.level.ron", |s| {
        s.replacen("props: [\n", &format!("props: [\n{prop}"), 1)
            .replacen("lights: [\n", &format!("lights: [\n{lights}"), 1)
            .replacen("subjects: [\n", &format!("subjects: [\n{subject}"), 1)
            .replacen("motions: [\n", &format!("motions: [\n{motion}"), 1)
    });
    work.write("mods/streets.level.ron", &streets);
    work.write("car.ron", script);
    let set = files::load_all(&modded(&work.path().join("mods")));
    assert!(set.diagnostics.is_empty(), "{:#?}", set.diagnostics);
    let levels = repo_file("levels");
    let run = run_in(
        work.path(),
        &[
            "--headless",
            "--script",
            "car.ron",
            "--mods",
            "mods",
            "--levels",
            &levels.to_string_lossy(),
            "--start",
            "streets:from_tower",
            "--at",
            "23:35",
        ],
    );
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("streets/crossing_car"), "{stdout}");
}
