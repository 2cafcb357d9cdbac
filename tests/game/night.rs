//! The night's story as players live it: the figure at the tower answers
//! what this player did (golden transcripts of two shipped playthroughs),
//! photographing the figure records Lev himself, and a second night
//! remembers the first, in the game and in `nights.ron`. Under Xvfb, the
//! mirror photograph's pixels show Lev where the figure stood, and the
//! developed roll holds a changed copy of each photograph and a numbered
//! contact sheet. A curious player's first night takes 20 to 30 minutes.

use std::collections::BTreeSet;
use std::fs;

use long_exposure::bench::night_length as night;
use long_exposure::content::schema::{MIRROR_KEY, MIRROR_NAME};
use long_exposure::content::{files, sprites};
use long_exposure::data::kept::KeptFile;
use long_exposure::photo::develop;
use long_exposure::story::{NightsFile, PastNights};
use long_exposure::testing::script::{Expectation, Script, Step};
use long_exposure::testing::{Harness, HeadlessConfig, headless_app};

use super::support::{
    TempDir, assert_golden, first_photograph, headless, repo_file, shipped, transcript,
};

/// The shipped playthrough `name`.
fn playthrough(name: &str) -> Script {
    Script::load(&repo_file(&format!("playthroughs/{name}.ron"))).unwrap()
}

/// Plays `script` (named `name`) in `harness` to its end.
fn play(harness: &mut Harness, name: &str, script: &Script) {
    if let Err(failure) = harness.run(script, |_| {}) {
        panic!("{name}: {failure}");
    }
}

/// Plays the shipped playthrough `name` in `harness`.
fn played(harness: &mut Harness, name: &str) {
    play(harness, name, &playthrough(name));
}

/// The ids of the stranger's lines in `transcript`.
fn stranger_lines(transcript: &str) -> BTreeSet<&str> {
    transcript
        .lines()
        .filter_map(|l| l.strip_prefix("line: stranger/"))
        .filter_map(|l| l.split(':').next())
        .collect()
}

#[test]
fn the_figure_answers_what_this_player_did() {
    let mut heard = Vec::new();
    for ending in ["piece_of_himself", "the_unspoken"] {
        let mut harness = headless(shipped());
        played(
            &mut harness,
            &format!("ending-{}", ending.replace('_', "-")),
        );
        let found = transcript(&harness, "stranger");
        assert_golden(&found, &format!("stranger-{ending}.txt"));
        heard.push(found);
    }
    let (open, closed) = (stranger_lines(&heard[0]), stranger_lines(&heard[1]));
    let differ: Vec<&&str> = open.symmetric_difference(&closed).collect();
    assert!(
        differ.len() >= 10,
        "two different nights should hear at least ten different lines: {differ:?}"
    );
    for (night, line) in [
        (&open, "you_asked"),
        (&open, "magazines"),
        (&open, "best"),
        (&open, "mirror_taken"),
        (&closed, "no_frames"),
        (&closed, "mirror_missed"),
        (&closed, "nobody_met"),
    ] {
        assert!(night.contains(line), "`{line}` in {night:?}");
    }
}

#[test]
fn a_curious_first_night_takes_twenty_to_thirty_minutes() {
    // The estimate reads every line at 200 words a minute: it fails when
    // content is cut or the curious walk stops seeing what the levels offer.
    let curious = night::night_length(&shipped(), night::ENDINGS[0]).unwrap();
    let minutes = curious.route() / 60.0;
    assert!(
        (20.0..=30.0).contains(&minutes),
        "{minutes:.1} minutes: {curious:?}"
    );
    assert!(
        curious.the_rest < 60.0,
        "the curious night leaves under a minute of the levels unseen: {curious:?}"
    );
}

#[test]
fn photographing_the_figure_records_lev_himself() {
    let set = files::load_all(&shipped());
    let tower = set.levels.iter().find(|l| l.id == "clock_tower").unwrap();
    let figure = tower.subjects.iter().find(|s| s.id == "stranger").unwrap();
    assert_eq!(
        figure.recorded_as(&tower.id),
        (MIRROR_KEY.to_owned(), MIRROR_NAME.to_owned())
    );
    let mut harness = headless(shipped());
    played(&mut harness, "ending-piece-of-himself");
    let photo = harness
        .trace()
        .iter()
        .find(|l| l.text.starts_with("photo: 3 at"))
        .map(|l| l.text.clone())
        .unwrap_or_default();
    // `photo: 3 at 00:00 scored 74: lev 74`: its subjects, best first.
    let subjects = photo.split(": ").nth(2).unwrap_or_default();
    assert!(
        subjects.starts_with(&format!("{MIRROR_KEY} ")),
        "the third photograph is of Lev: {photo}"
    );
    assert!(
        !photo.contains("clock_tower/stranger"),
        "the figure itself is never in the album: {photo}"
    );
}

#[test]
fn a_second_night_remembers_the_first_and_keeps_it_in_nights_ron() {
    let folder = TempDir::new("nights");
    let mut harness = headless(shipped());
    NightsFile(KeptFile::choose(Some(folder.path()), "nights.ron").unwrap())
        .insert_into(harness.app().world_mut());
    played(&mut harness, "ending-the-unspoken");
    let first = transcript(&harness, "stranger");
    assert!(!first.contains("stranger/again"), "{first}");
    assert!(!first.contains("been_here"), "{first}");

    // The same game, a second night (whose trace counts the first's
    // chapters too).
    let mut again = playthrough("ending-the-unspoken");
    again
        .steps
        .retain(|s| !matches!(s, Step::Expect(Expectation::HappenedTimes(..))));
    play(&mut harness, "the second night", &again);
    let both = transcript(&harness, "stranger");
    let second = &both[first.len()..];
    assert!(second.contains("line: stranger/again"), "{second}");
    assert!(second.contains("line: stranger/last_unspoken"), "{second}");
    assert!(
        second.contains("been_here \"I've been here before.\""),
        "a choice the first night did not have: {second}"
    );
    let kept = fs::read_to_string(folder.path().join("nights.ron")).unwrap();
    assert!(
        kept.contains("\"the_unspoken\",") && kept.matches("the_unspoken").count() == 2,
        "{kept}"
    );

    // A new run reads it back before the title.
    let mut app = headless_app(&HeadlessConfig::default());
    NightsFile(KeptFile::choose(Some(folder.path()), "nights.ron").unwrap())
        .insert_into(app.world_mut());
    app.update();
    assert_eq!(
        app.world().resource::<PastNights>().endings,
        vec!["the_unspoken".to_owned(), "the_unspoken".to_owned()]
    );
}

/// The mean colour of `image` over a rectangle of `size` pixels at `corner`
/// (top left, y down), each channel 0 to 255.
fn mean_colour(image: &image::RgbaImage, corner: (f32, f32), size: (f32, f32)) -> [f32; 3] {
    let (left, top) = (corner.0.round() as u32, corner.1.round() as u32);
    let (w, h) = (size.0.round() as u32, size.1.round() as u32);
    let mut sum = [0.0; 3];
    for y in top..top + h {
        for x in left..left + w {
            let p = image.get_pixel(x, y);
            for c in 0..3 {
                sum[c] += f32::from(p[c]);
            }
        }
    }
    sum.map(|s| s / (w * h) as f32)
}

/// How far apart two colours' hues are: each channel's share of the
/// colour's sum, so that a colour and a darker one of it are close.
fn hue_distance(a: [f32; 3], b: [f32; 3]) -> f32 {
    let share = |c: [f32; 3]| {
        let sum = (c[0] + c[1] + c[2]).max(1.0);
        c.map(|v| v / sum)
    };
    let (a, b) = (share(a), share(b));
    (0..3).map(|c| (a[c] - b[c]).powi(2)).sum::<f32>().sqrt()
}

#[test]
#[ignore = "run by scripts/capture-check.sh after a scripted run in a window"]
fn the_mirror_photograph_shows_lev_where_the_figure_stood() {
    let dir = std::path::PathBuf::from(std::env::var("CAPTURE_CHECK_DIR").unwrap());
    let ([x, y, _, h], [cx, cy], photo) = first_photograph(&dir);
    let view = image::open(dir.join("mirror-check/view.png"))
        .unwrap()
        .to_rgba8();

    // The middle of the figure (feet at 262, 496): virtual pixels 260 to
    // 264 across and 504 to 516 up, inside both its figure and Lev's.
    let (left, right, bottom, top) = (260.0, 264.0, 504.0, 516.0);
    let scale = long_exposure::photo::PIXELS_PER_POINT;
    let in_photo = mean_colour(
        &photo,
        ((left - x) * scale, (y + h - top) * scale),
        ((right - left) * scale, (top - bottom) * scale),
    );
    let in_view = mean_colour(
        &view,
        ((left - (cx - 160.0)) * 4.0, ((cy + 90.0) - top) * 4.0),
        ((right - left) * 4.0, (top - bottom) * 4.0),
    );
    // The same part of each one's figure as drawn (the sheet's first idle
    // frame, feet at its bottom, centred), compared by hue and not by
    // brightness, which the belfry's light changes: Lev's face and red
    // scarf against the figure's blue-black.
    let drawn = |name: &str| {
        let sheet = image::open(repo_file(&format!("assets/art/{name}.png")))
            .unwrap()
            .to_rgba8();
        let height = sprites::find(name).unwrap().size.1;
        mean_colour(&sheet, (2.0, height - 20.0), (4.0, 12.0))
    };
    let (lev, figure) = (drawn("lev"), drawn("stranger"));
    assert!(
        hue_distance(in_view, figure) < hue_distance(in_view, lev),
        "the player sees the figure there: {in_view:?}"
    );
    assert!(
        hue_distance(in_photo, lev) < hue_distance(in_photo, figure),
        "the photograph shows Lev there: {in_photo:?} (Lev {lev:?}, the figure {figure:?})"
    );
}

#[test]
#[ignore = "run by scripts/capture-check.sh after a scripted run in a window"]
fn the_roll_is_developed_changed_and_numbered() {
    let dir = std::path::PathBuf::from(std::env::var("CAPTURE_CHECK_DIR").unwrap());
    let mut files: Vec<std::path::PathBuf> = fs::read_dir(dir.join("photos"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let named = |end: &str| -> Vec<&std::path::PathBuf> {
        files
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(end))
            .collect()
    };
    let sheets = named("-contact-sheet.png");
    let changed = named("-changed.png");
    let originals: Vec<&std::path::PathBuf> = files
        .iter()
        .filter(|p| !sheets.contains(p) && !changed.contains(p))
        .collect();
    assert_eq!(originals.len(), 3, "three photographs: {files:?}");
    assert_eq!(changed.len(), 3, "each changed beside it: {files:?}");
    for original in &originals {
        let stem = original.file_stem().unwrap().to_string_lossy().into_owned();
        let copy = original.with_file_name(format!("{stem}-changed.png"));
        let (a, b) = (
            image::open(original).unwrap().to_rgba8(),
            image::open(&copy).unwrap().to_rgba8(),
        );
        assert_eq!(a.dimensions(), b.dimensions());
        let differ = a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count();
        let share = differ as f32 / (a.width() * a.height()) as f32;
        assert!(
            share > 0.01,
            "{}: {share} of its pixels changed",
            copy.display()
        );
    }
    assert_eq!(sheets.len(), 1, "{files:?}");
    let sheet = image::open(sheets[0]).unwrap().to_rgba8();
    let last = develop::sheet_place(2);
    assert!(sheet.height() > last.picture.1 + develop::CELL.1);
    for (index, number) in [1, 2, 3].into_iter().enumerate() {
        let place = develop::sheet_place(index);
        assert!(
            develop::is_numbered(&sheet, index, number),
            "frame {number} is numbered on the film"
        );
        // The cell holds the changed photograph, made small.
        let copy = image::open(changed[index]).unwrap().to_rgba8();
        let small = image::imageops::resize(
            &copy,
            develop::CELL.0,
            develop::CELL.1,
            image::imageops::FilterType::Triangle,
        );
        let cell = image::imageops::crop_imm(
            &sheet,
            place.picture.0,
            place.picture.1,
            develop::CELL.0,
            develop::CELL.1,
        )
        .to_image();
        let difference = cell
            .pixels()
            .zip(small.pixels())
            .map(|(p, q)| u32::from(p[0].abs_diff(q[0])))
            .sum::<u32>() as f32
            / (develop::CELL.0 * develop::CELL.1) as f32;
        assert!(difference < 2.0, "frame {number}'s cell: {difference}");
    }
    // The night kept for the title's album knows each changed copy.
    let kept = fs::read_dir(dir.join("nights"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .next()
        .unwrap();
    let text = fs::read_to_string(&kept).unwrap();
    for copy in &changed {
        let copy = copy.to_string_lossy();
        assert!(
            text.contains(&format!("developed: Some(\"{copy}\")")),
            "{copy} in {}",
            kept.display()
        );
    }
}
