//! What the system tests share: repository files, temporary folders, the
//! shipped data with or without mods, the game's binary, and the game
//! played by script steps with what it shows.

pub mod faults;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bevy::input::ButtonState;
use bevy::input::gamepad::{
    Gamepad, GamepadButton, GamepadSettings, RawGamepadButtonChangedEvent, RawGamepadEvent,
};
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::{Commands, Entity, KeyCode, On, Res, Text};
use long_exposure::content::Roots;
use long_exposure::content::schema::{Arrival, ClockTime};
use long_exposure::levels::StartOverride;
use long_exposure::photo::{PIXELS_PER_POINT, PhotoTaken, PictureCaptured};
use long_exposure::story::StoryState;
use long_exposure::testing::script::Script;
use long_exposure::testing::{Harness, HeadlessConfig};
use long_exposure::ui::menu::open_menu;

/// A file of the repository, by its path from the root.
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The shipped data, with no mods.
pub fn shipped() -> Roots {
    Roots {
        base: repo_file("levels"),
        mods: None,
    }
}

/// The shipped data with the mods folder `mods` over it.
pub fn modded(mods: &Path) -> Roots {
    Roots {
        base: repo_file("levels"),
        mods: Some(mods.to_path_buf()),
    }
}

/// The headless game over `roots`, on the title, its data loaded.
pub fn headless(roots: Roots) -> Harness {
    Harness::new(HeadlessConfig {
        roots,
        ..Default::default()
    })
}

/// A fresh empty folder under the system's temporary folder, removed when
/// dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty folder whose name contains `name`.
    pub fn new(name: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("long-exposure-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `text` to `name` in the folder (making its subfolders).
    pub fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let file = self.0.join(name);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&file, text).unwrap();
        file
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shipped file `levels/NAME` with `edit` applied.
pub fn shipped_with(name: &str, edit: impl Fn(&str) -> String) -> String {
    edit(&std::fs::read_to_string(repo_file(&format!("levels/{name}"))).unwrap())
}

/// Runs the game's binary in `folder` with `args`.
pub fn run_in(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_long-exposure"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap()
}

/// Text of a process's output.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The first `N` `ron` code blocks after the text `marker` in the markdown
/// file at `path` (from the repository's root).
pub fn readme_blocks<const N: usize>(path: &str, marker: &str) -> [String; N] {
    let readme = std::fs::read_to_string(repo_file(path)).unwrap();
    let from = readme.find(marker).expect("the marker is in the README");
    let mut rest = &readme[from..];
    std::array::from_fn(|_| {
        let start = rest.find("```ron\n").expect("a ron block follows") + "```ron\n".len();
        let end = start + rest[start..].find("```").expect("the block ends");
        let block = rest[start..end].to_owned();
        rest = &rest[end..];
        block
    })
}

/// Sends a key event as the window system would.
pub fn send_key(harness: &mut Harness, key_code: KeyCode, state: ButtonState) {
    harness.app().world_mut().write_message(KeyboardInput {
        key_code,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
}

/// A key pressed for a frame and let go, as a player taps it.
pub fn tap_key(harness: &mut Harness, key_code: KeyCode) {
    send_key(harness, key_code, ButtonState::Pressed);
    harness.frames(1);
    send_key(harness, key_code, ButtonState::Released);
    harness.frames(1);
}

/// A gamepad plugged in, as the gamepad backend would add it.
pub fn plug_in_gamepad(harness: &mut Harness) -> Entity {
    harness
        .app()
        .world_mut()
        .spawn((Gamepad::default(), GamepadSettings::default()))
        .id()
}

/// A gamepad button pressed for a frame and let go, as the gamepad
/// backend reports it.
pub fn tap_button(harness: &mut Harness, gamepad: Entity, button: GamepadButton) {
    for value in [1.0, 0.0] {
        harness
            .app()
            .world_mut()
            .write_message(RawGamepadEvent::Button(RawGamepadButtonChangedEvent::new(
                gamepad, button, value,
            )));
        harness.frames(1);
    }
}

/// The trace's lines of the conversations with `dialogue`: what was said,
/// offered, chosen and applied, and the story events they fired, without
/// frame numbers.
pub fn transcript(harness: &Harness, dialogue: &str) -> String {
    let ours = [
        format!("dialogue: {dialogue}"),
        format!("line: {dialogue}/"),
        format!("choices: {dialogue}:"),
        format!("chose: {dialogue}/"),
        format!("effect: {dialogue}/"),
        format!("dialogue ended: {dialogue}"),
    ];
    let fired = format!("(from dialogue/{dialogue})");
    harness
        .trace()
        .iter()
        .filter(|l| {
            ours.iter().any(|k| l.text.starts_with(k.as_str()))
                || (l.text.starts_with("story: ") && l.text.ends_with(&fired))
        })
        .map(|l| format!("{}\n", l.text))
        .collect()
}

/// Asserts that `found` is the golden file `tests/game/golden/NAME`, whole;
/// with `UPDATE_GOLDEN=1` in the environment it rewrites the file first.
pub fn assert_golden(found: &str, name: &str) {
    let golden = repo_file(&format!("tests/game/golden/{name}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, found).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert_eq!(
        found,
        expected,
        "the transcript differs from {} (UPDATE_GOLDEN=1 rewrites it)",
        golden.display()
    );
}

/// Numbers in `(a, b, ...)` after `marker` in the first line of `log` that
/// contains it.
pub fn numbers_after(log: &str, marker: &str) -> Vec<f32> {
    let line = log
        .lines()
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no `{marker}` in the run's log:\n{log}"));
    let after = &line[line.find(marker).unwrap() + marker.len()..];
    let inside = &after[after.find('(').unwrap() + 1..after.find(')').unwrap()];
    inside
        .split(',')
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

/// What a scripted capture run left in `dir` (scripts/capture-check.sh):
/// the first photograph's frame (x, y, w, h in level pixels, from its
/// `run.log`), the view's centre when its first screenshot was taken, and
/// the photograph's picture.
pub fn first_photograph(dir: &Path) -> ([f32; 4], [f32; 2], image::RgbaImage) {
    let log = std::fs::read_to_string(dir.join("run.log")).unwrap();
    let [x, y, w, h] = numbers_after(&log, "photo: 1 frame")[..] else {
        panic!("a frame of four numbers");
    };
    let [cx, cy] = numbers_after(&log, "the view centred at")[..] else {
        panic!("a view centre of two numbers");
    };
    let file = std::fs::read_dir(dir.join("photos"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-01.png"))
        .expect("the photograph was written");
    let photo = image::open(&file).unwrap().to_rgba8();
    ([x, y, w, h], [cx, cy], photo)
}

/// The game keeping its files in `folder`, on the title.
pub fn game_in(folder: &Path) -> Harness {
    Harness::new(HeadlessConfig {
        roots: shipped(),
        data_dir: Some(folder.to_path_buf()),
        ..Default::default()
    })
}

/// The game keeping its files in `folder`, a new night begun at `level`'s
/// spawn point `start` at `at` (as `--start level --at at`).
pub fn game_at(folder: &Path, level: &str, at: &str) -> Harness {
    Harness::new(HeadlessConfig {
        roots: shipped(),
        data_dir: Some(folder.to_path_buf()),
        start: StartOverride {
            arrival: Some(Arrival {
                level: level.into(),
                spawn: "start".into(),
            }),
            at: Some(ClockTime::try_from(at.to_owned()).unwrap()),
        },
        ..Default::default()
    })
}

/// Stands in for the renderer, headless: each photograph taken gets a
/// picture of its frame's size, a shade of its own, handed on as a
/// window's capture hands it on.
pub fn with_pictures(harness: &mut Harness) {
    harness.app().add_observer(
        |taken: On<PhotoTaken>, state: Option<Res<StoryState>>, mut commands: Commands| {
            let size = |side: f32| ((side * PIXELS_PER_POINT).round() as u32).max(1);
            let shade = (taken.number * 37 % 200) as u8 + 30;
            let picture = image::RgbaImage::from_pixel(
                size(taken.frame.w),
                size(taken.frame.h),
                image::Rgba([shade, 120, 255 - shade, 255]),
            );
            commands.trigger(PictureCaptured {
                night: state.map_or(0, |s| s.night),
                number: taken.number,
                picture: Arc::new(picture),
            });
        },
    );
}

/// Runs frames until `count` lines of the trace contain `text`, for at
/// most 30 seconds of wall-clock time: work off the main thread (pictures
/// written, a roll developed) takes real time however fast frames run.
pub fn wait_for(harness: &mut Harness, text: &str, count: usize) {
    let began = std::time::Instant::now();
    while times(harness, text) < count {
        assert!(
            began.elapsed().as_secs() < 30,
            "no {count} lines of `{text}` after 30 s:\n{}",
            log(harness)
        );
        harness.frames(1);
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Runs the script steps `steps` (RON, as in a playthrough) in `harness`.
pub fn steps(harness: &mut Harness, steps: &str) {
    let text = format!("(steps: [{steps}])");
    let script = Script::parse(Path::new("test.ron"), &text).unwrap();
    if let Err(failure) = harness.run(&script, |_| {}) {
        panic!("{failure}\n{}", log(harness));
    }
}

pub fn log(harness: &Harness) -> String {
    harness
        .trace()
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many lines of the run so far contain `text`.
pub fn times(harness: &Harness, text: &str) -> usize {
    harness
        .trace()
        .iter()
        .filter(|l| l.text.contains(text))
        .count()
}

/// Every text on screen, joined.
pub fn on_screen(harness: &mut Harness) -> String {
    let world = harness.app().world_mut();
    let mut texts = world.query::<&Text>();
    texts
        .iter(world)
        .map(|t| t.0.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names of the open menu's items, in order.
pub fn menu_items(harness: &mut Harness) -> Vec<String> {
    open_menu(harness.app().world_mut())
        .map(|(items, _)| items)
        .unwrap_or_default()
}
