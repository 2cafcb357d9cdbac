//! Level and story data: the shipped files, the broken-file corpus, random
//! input, mods and hot reload.

use std::fs;
use std::path::Path;

use bevy::prelude::*;
use long_exposure::content::files;
use long_exposure::content::files::{read_dialogue, read_level, read_story};
use long_exposure::content::{Roots, roots};
use long_exposure::data::text_from_bytes;
use long_exposure::input::Action;
use long_exposure::levels::ProblemBoard;
use long_exposure::testing::{Harness, HeadlessConfig};
use long_exposure::world::LevelEntity;

use super::support::{TempDir, headless, modded, readme_blocks, repo_file, shipped};

/// Copies the shipped levels folder, subfolders and all, into `to`.
pub fn copy_levels(to: &Path) {
    copy_folder(&repo_file("levels"), to);
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let kind = entry.file_type().unwrap();
        if kind.is_file() {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        } else if kind.is_dir() {
            copy_folder(&entry.path(), &to.join(entry.file_name()));
        }
    }
}

/// The content room alone: reading and checking the shipped data needs no
/// `App`, as `long-exposure validate` runs it.
#[test]
fn every_shipped_file_loads_and_validates_cleanly() {
    let set = files::load_all(&shipped());
    let shown: Vec<String> = set.diagnostics.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    let story = set.story.expect("story.ron loads");
    assert_eq!(set.levels.len(), 4);
    assert_eq!(story.chapters.len(), 4);
    assert!(story.endings.len() >= 3);
    for level in &set.levels {
        assert!(!level.subjects.is_empty(), "{} has subjects", level.id);
        assert!(!level.shot_list.is_empty(), "{} has a shot list", level.id);
    }
}

/// One file of the broken corpus: comments at its end say which data file
/// it stands in for (`// file: NAME`) and every problem expected of it
/// (`// expect: FILE:LINE:COLUMN: error|warning: MESSAGE`).
pub struct Case {
    /// The corpus file's name.
    pub name: String,
    /// The data file it stands in for.
    pub stands_for: String,
    /// Every problem expected of it.
    pub expected: Vec<String>,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Every file of the broken corpus, by name.
pub fn corpus() -> Vec<Case> {
    let mut cases: Vec<Case> = fs::read_dir(repo_file("tests/game/levels/broken"))
        .unwrap()
        .flatten()
        .map(|entry| {
            let bytes = fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let header = |key: &str| -> Vec<String> {
                text.lines()
                    .filter_map(|l| l.strip_prefix(&format!("// {key}: ")))
                    .map(str::to_owned)
                    .collect()
            };
            Case {
                name: entry.file_name().to_string_lossy().into_owned(),
                stands_for: header("file").pop().unwrap_or_default(),
                expected: header("expect"),
                bytes,
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Problems as the corpus writes them: paths shown from the mods folder
/// and the repository's root.
fn shown(mods: &Path, problems: &[long_exposure::data::Diagnostic]) -> Vec<String> {
    let prefix = format!("{}/", mods.display());
    let repo = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    problems
        .iter()
        .map(|d| d.to_string().replace(&prefix, "").replace(&repo, ""))
        .collect()
}

/// The problems `load_all` reports when `bytes` replaces the shipped file
/// `stands_for` through a mods folder.
fn problems_as_mod(stands_for: &str, bytes: &[u8]) -> Vec<String> {
    let mods = TempDir::new("corpus");
    mods.write(stands_for, bytes);
    shown(
        mods.path(),
        &files::load_all(&modded(mods.path())).diagnostics,
    )
}

#[test]
fn each_broken_file_gives_exactly_its_expected_problems() {
    let cases = corpus();
    assert!(cases.len() >= 30, "the corpus has {} files", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        assert!(
            !case.stands_for.is_empty(),
            "{} has no `// file:` line",
            case.name
        );
        assert!(
            !case.expected.is_empty(),
            "{} has no `// expect:` line",
            case.name
        );
        // Order across files depends on where the folders are: compare sorted.
        let mut found = problems_as_mod(&case.stands_for, &case.bytes);
        let mut expected = case.expected.clone();
        found.sort();
        expected.sort();
        if found != expected {
            failures.push(format!(
                "{}:\n  expected {expected:#?}\n  found {found:#?}",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_ten_megabyte_file_is_refused_without_reading_it_as_ron() {
    let mut bytes = b"(id: \"warehouse\", name: \"".to_vec();
    bytes.resize(10 << 20, b'x');
    let found = problems_as_mod("warehouse.level.ron", &bytes);
    assert_eq!(
        found,
        [
            "warehouse.level.ron: error: the file is too large (10.0 MiB; data files may be at most 4 MiB)"
        ]
    );
}

#[test]
fn an_empty_file_is_reported_not_skipped() {
    let found = problems_as_mod("sunrise.level.ron", b"");
    assert_eq!(
        found,
        ["sunrise.level.ron:1:1: error: Expected opening `(` for struct `Level`"]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_reported_at_their_place() {
    let found = problems_as_mod("warehouse.level.ron", b"(\n  id: \"ware\xc3\x28house\",\n)");
    assert_eq!(
        found,
        ["warehouse.level.ron:2:12: error: the file is not UTF-8 text"]
    );
}

#[test]
fn nesting_far_too_deep_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let text = format!("(id: \"warehouse\", name: \"x\", bounds: {deep})");
    let found = problems_as_mod("warehouse.level.ron", text.as_bytes());
    // Typed parsing refuses the second bracket: the nesting never recurses.
    assert_eq!(
        found,
        ["warehouse.level.ron:1:39: error: Expected identifier"]
    );
}

/// A small deterministic random source for the fuzz test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Runs everything a data file goes through; must never panic.
fn load_everything(name: &str, bytes: &[u8]) {
    let file = Path::new(name);
    let Ok(text) = text_from_bytes(file, bytes) else {
        return;
    };
    let _ = read_story(file, text);
    let level = read_level(file, text).ok();
    let dialogue = read_dialogue(file, text).ok();
    let levels: Vec<_> = level.iter().collect();
    let dialogues: Vec<_> = dialogue.iter().collect();
    let _ = files::cross_check(None, &levels, &dialogues, &[]);
}

#[test]
fn random_bytes_and_mutated_files_never_panic_the_loader_or_validator() {
    let originals: Vec<(String, Vec<u8>)> = fs::read_dir(repo_file("levels"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    let tokens: [&[u8]; 12] = [
        b"(", b")", b"[", b"]", b",", b":", b"\"", b"-1e39", b"NaN", b"Some(", b"//", b"r#\"",
    ];
    let mut rng = Rng(0x5eed_1957);
    for round in 0..3000 {
        let (name, original) = &originals[round % originals.len()];
        let mut bytes = original.clone();
        match round % 4 {
            // Pure noise.
            0 => bytes = (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
            // Flip, drop or repeat some bytes.
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let at = rng.below(bytes.len());
                    match rng.below(3) {
                        0 => bytes[at] = rng.next() as u8,
                        1 => drop(bytes.remove(at)),
                        _ => bytes.insert(at, bytes[at]),
                    }
                }
            }
            // Splice in RON punctuation and awkward values.
            2 => {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len());
                    let token = tokens[rng.below(tokens.len())];
                    bytes.splice(at..at, token.iter().copied());
                }
            }
            // Cut the file short.
            _ => bytes.truncate(rng.below(bytes.len())),
        }
        load_everything(name, &bytes);
    }
}

#[test]
fn paths_in_data_cannot_leave_the_levels_folder() {
    for path in [
        "../secret.png",
        "/etc/passwd",
        "a/../../b.png",
        "a\\b.png",
        "",
        "./x.png",
    ] {
        assert!(
            roots::check_relative_path(path).is_err(),
            "{path:?} is refused"
        );
    }
    assert!(roots::check_relative_path("skies/dawn.png").is_ok());
    let roots = shipped();
    assert!(roots.resolve(Path::new("../Cargo.toml")).is_err());
}

#[cfg(unix)]
#[test]
fn links_in_the_mods_folder_are_not_followed() {
    let mods = TempDir::new("links");
    let link = mods.path().join("warehouse.level.ron");
    std::os::unix::fs::symlink(repo_file("Cargo.toml"), &link).unwrap();
    let set = files::load_all(&modded(mods.path()));
    let link = format!("{}: error: links are not followed", link.display());
    assert!(
        set.diagnostics
            .iter()
            .any(|d| d.to_string().starts_with(&link)),
        "{:?}",
        set.diagnostics
    );
}

/// The headless game over `roots`, watching its files for changes.
pub fn watching(roots: Roots) -> Harness {
    Harness::new(HeadlessConfig {
        roots,
        watch: true,
        ..Default::default()
    })
}

/// Names of the level's spawned parts, sorted.
fn level_parts(harness: &mut Harness) -> Vec<String> {
    let world = harness.app().world_mut();
    let mut query = world.query_filtered::<&Name, With<LevelEntity>>();
    let mut names: Vec<String> = query.iter(world).map(|n| n.as_str().to_owned()).collect();
    names.sort();
    names
}

fn count(parts: &[String], name: &str) -> usize {
    parts.iter().filter(|p| *p == name).count()
}

fn lev_position(harness: &mut Harness) -> Vec2 {
    harness.lev().expect("Lev is in a level").position
}

#[test]
fn new_game_builds_the_start_level_with_lev_at_its_spawn_point() {
    let mut harness = headless(shipped());
    harness.press(Action::Confirm);
    harness.frames(2);
    assert_eq!(harness.level().as_deref(), Some("warehouse"));
    let set = files::load_all(&shipped());
    let warehouse = set.levels.iter().find(|l| l.id == "warehouse").unwrap();
    let parts = level_parts(&mut harness);
    assert_eq!(count(&parts, "Prop"), warehouse.props.len());
    assert_eq!(count(&parts, "Floor"), warehouse.floors.len());
    assert_eq!(count(&parts, "Light"), warehouse.lights.len());
    let start = warehouse
        .spawns
        .iter()
        .find(|s| s.id == "start")
        .unwrap()
        .at;
    assert_eq!(lev_position(&mut harness), Vec2::from(start));
    assert!(
        harness
            .trace()
            .iter()
            .any(|l| l.text == "level: warehouse (arrived at start)")
    );
}

#[test]
fn a_mod_file_replaces_the_game_file_of_the_same_name() {
    let mods = TempDir::new("mod");
    let original = fs::read_to_string(repo_file("levels/warehouse.level.ron")).unwrap();
    let set = files::load_all(&shipped());
    let warehouse = set.levels.iter().find(|l| l.id == "warehouse").unwrap();
    let mut changed = warehouse.clone();
    changed.name = "The modded warehouse".into();
    changed.props.truncate(1);
    // A path the removed props alone went along would be warned of as moving nothing.
    let used: Vec<String> = (changed.props.iter().map(|p| &p.moves))
        .chain(changed.lights.iter().map(|l| &l.moves))
        .chain(changed.subjects.iter().map(|s| &s.moves))
        .chain(changed.npcs.iter().map(|n| &n.moves))
        .flatten()
        .cloned()
        .collect();
    changed.motions.retain(|m| used.contains(&m.id));
    let text = ron::ser::to_string_pretty(&changed, Default::default()).unwrap();
    assert_ne!(text, original);
    mods.write("warehouse.level.ron", &text);
    let roots = modded(mods.path());
    let set = files::load_all(&roots);
    assert!(set.diagnostics.is_empty(), "{:?}", set.diagnostics);
    let loaded = set.levels.iter().find(|l| l.id == "warehouse").unwrap();
    assert_eq!(loaded.name, "The modded warehouse");

    let mut harness = headless(roots);
    harness.press(Action::Confirm);
    harness.frames(2);
    assert_eq!(count(&level_parts(&mut harness), "Prop"), 1);
}

/// Runs frames until `done` holds, for at most five seconds of real time
/// (file watching runs on its own thread).
pub fn wait_for(harness: &mut Harness, mut done: impl FnMut(&mut Harness) -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed().as_secs() < 5 {
        if done(harness) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.frames(1);
    }
    false
}

pub fn problems(harness: &mut Harness) -> Vec<String> {
    let board = harness.app().world().resource::<ProblemBoard>().clone();
    board.all().iter().map(ToString::to_string).collect()
}

#[test]
fn saving_a_level_rebuilds_it_in_place_and_a_broken_save_keeps_the_last_good_one() {
    let base = TempDir::new("reload");
    copy_levels(base.path());
    let mut harness = watching(Roots {
        base: base.path().to_path_buf(),
        mods: None,
    });
    harness.press(Action::Confirm);
    harness.frames(2);
    assert_eq!(harness.level().as_deref(), Some("warehouse"));
    let file = base.path().join("warehouse.level.ron");
    let good = fs::read_to_string(&file).unwrap();
    let props = count(&level_parts(&mut harness), "Prop");
    // Lev walks a little way in.
    harness.hold(Action::Right);
    harness.frames(20);
    harness.release(Action::Right);
    harness.frames(30);
    let moved = lev_position(&mut harness);
    assert!(moved.x > 45.0, "walked to {moved}");

    // Save with one more crate: the level is rebuilt around Lev.
    let one_more = good.replacen(
        "props: [",
        "props: [\n        (sprite: \"crate\", at: (40, 16)),",
        1,
    );
    assert_ne!(one_more, good, "the warehouse has a props list");
    fs::write(&file, &one_more).unwrap();
    assert!(
        wait_for(&mut harness, |h| count(&level_parts(h), "Prop")
            == props + 1),
        "the level was rebuilt with the new prop"
    );
    assert_eq!(lev_position(&mut harness), moved, "Lev keeps his place");

    // Save a broken file: the error is shown, the last good level stays.
    let broken = one_more.replacen("props: [", "props: [ oops", 1);
    fs::write(&file, &broken).unwrap();
    assert!(
        wait_for(&mut harness, |h| !problems(h).is_empty()),
        "the error is reported"
    );
    let shown = problems(&mut harness);
    assert!(
        shown[0].contains("warehouse.level.ron:") && shown[0].contains(": error: "),
        "{shown:?}"
    );
    harness.frames(10);
    assert_eq!(
        count(&level_parts(&mut harness), "Prop"),
        props + 1,
        "the last good one stays"
    );

    // Fix it: the error goes away.
    fs::write(&file, &good).unwrap();
    assert!(
        wait_for(&mut harness, |h| problems(h).is_empty()),
        "the error clears"
    );
    assert!(wait_for(&mut harness, |h| count(&level_parts(h), "Prop") == props));
}

#[test]
fn the_readme_example_level_validates_and_plays_as_a_mod() {
    let mods = TempDir::new("readme");
    let [example] = readme_blocks("levels/README.md", "## A complete example");
    mods.write("example.level.ron", example);
    // The README's darkroom chapter, put first so that the night begins there.
    let [_, chapters] = readme_blocks("levels/README.md", "### Make it playable");
    let start = chapters.find("        // New:").unwrap();
    let end = chapters.find("        // ... the other").unwrap();
    let darkroom = &chapters[start..end];
    let story = fs::read_to_string(repo_file("levels/story.ron")).unwrap();
    let story = story.replacen("chapters: [\n", &format!("chapters: [\n{darkroom}"), 1);
    mods.write("story.ron", story);
    let roots = modded(mods.path());
    let set = files::load_all(&roots);
    assert!(set.diagnostics.is_empty(), "{:#?}", set.diagnostics);

    let mut harness = headless(roots);
    harness.press(Action::Confirm);
    harness.frames(2);
    assert_eq!(harness.level().as_deref(), Some("example"));
}
