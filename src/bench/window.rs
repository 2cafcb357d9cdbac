//! Frames per second in a real window, against the cheapest pictures that
//! fill it: an empty Bevy 2D scene, the same with one full-screen sprite,
//! and each chapter of the night with Lev walking; and how long the title
//! takes to reach its first frame. Each case runs in its own process (a
//! process opens one window), started by [`report`] as `long-exposure
//! bench-scene CASE`, which prints one `fps:` line that [`report`] reads.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::window::WindowResolution;

use crate::app::PlayerFiles;
use crate::app::windowed::{self, Launch};
use crate::content::{Roots, files};
use crate::input::Action;
use crate::levels::StartOverride;
use crate::states::{Screen, VIEW};
use crate::testing::script::{Script, Step};
use crate::testing::{self, Executor};

/// Seconds a case runs before it is timed (shaders, the chapter card).
const WARM_UP: Duration = Duration::from_secs(5);
/// Seconds a case is timed for.
const TIMED: Duration = Duration::from_secs(10);
/// Times each chapter is measured; its line gives the median.
const ROUNDS: usize = 5;
/// The window every case opens, the game's own size.
const WINDOW: (u32, u32) = (1280, 720);

/// When this process began, for the title's first frame.
static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Notes when the process began; call first thing in `main`.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// What a `bench-scene` process draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Case {
    /// An empty Bevy 2D scene: a camera and a clear colour.
    Empty,
    /// The empty scene and one sprite as large as the window: a picture of
    /// the view's size scaled up, as the game shows its view.
    FullScreenSprite,
    /// The game at the title, timed from the process's start to the
    /// title's first frame.
    Title,
    /// The game in this chapter's level, Lev walking back and forth, its
    /// systems run by this executor.
    Chapter(String, Executor),
}

impl Case {
    /// The case named on the command line: `empty`, `sprite`, `title`,
    /// `chapter:ID` or `threaded:ID` (the chapter with Bevy's
    /// multi-threaded executors).
    pub fn parse(name: &str) -> Result<Self, String> {
        let chapter = |prefix: &str, executor| {
            name.strip_prefix(prefix)
                .map(|id| Self::Chapter(id.to_owned(), executor))
        };
        match name {
            "empty" => Ok(Self::Empty),
            "sprite" => Ok(Self::FullScreenSprite),
            "title" => Ok(Self::Title),
            _ => chapter("chapter:", Executor::SingleThreaded)
                .or_else(|| chapter("threaded:", Executor::MultiThreaded))
                .ok_or_else(|| {
                    format!(
                        "no bench scene `{name}`: empty, sprite, title, chapter:ID or threaded:ID"
                    )
                }),
        }
    }

    fn name(&self) -> String {
        match self {
            Self::Empty => "empty".into(),
            Self::FullScreenSprite => "sprite".into(),
            Self::Title => "title".into(),
            Self::Chapter(id, Executor::SingleThreaded) => format!("chapter:{id}"),
            Self::Chapter(id, Executor::MultiThreaded) => format!("threaded:{id}"),
        }
    }
}

/// Counts frames after [`WARM_UP`] for [`TIMED`], then prints
/// `fps: F frames N seconds S` and quits.
#[derive(Resource)]
struct FrameCounter {
    began: Option<Instant>,
    timed_from: Option<Instant>,
    frames: u32,
}

fn count_frames(mut counter: ResMut<FrameCounter>, mut exit: MessageWriter<AppExit>) {
    let now = Instant::now();
    let began = *counter.began.get_or_insert(now);
    if now - began < WARM_UP {
        return;
    }
    let from = *counter.timed_from.get_or_insert(now);
    counter.frames += 1;
    let seconds = (now - from).as_secs_f64();
    if now - from >= TIMED {
        let fps = f64::from(counter.frames - 1) / seconds;
        println!(
            "fps: {fps:.1} frames {} seconds {seconds:.2}",
            counter.frames - 1
        );
        exit.write(AppExit::Success);
    }
}

/// Prints `title: T ms` at the start of the frame after the title's first
/// (that frame has then been drawn), and quits.
fn time_title(
    screen: Option<Res<State<Screen>>>,
    mut seen: Local<u32>,
    mut exit: MessageWriter<AppExit>,
) {
    if screen.is_none_or(|s| *s.get() != Screen::Title) {
        return;
    }
    *seen += 1;
    if *seen == 2 {
        let start = PROCESS_START.get_or_init(Instant::now);
        println!("title: {:.0} ms", start.elapsed().as_secs_f64() * 1e3);
        exit.write(AppExit::Success);
    }
}

/// A bare window app with the game's plugins' look: nearest filtering, the
/// game's window size.
fn bare_app() -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Long Exposure: bench".into(),
                    resolution: WindowResolution::new(WINDOW.0, WINDOW.1),
                    ..default()
                }),
                ..default()
            })
            .set(ImagePlugin::default_nearest()),
    )
    .insert_resource(ClearColor(Color::srgb(0.03, 0.035, 0.06)));
    app
}

/// Lev walking right and left, long after the case is timed.
fn walking() -> Script {
    let mut steps = vec![Step::WaitSeconds(1.0)];
    for _ in 0..12 {
        steps.extend([
            Step::Hold(Action::Right),
            Step::WaitSeconds(2.5),
            Step::Release(Action::Right),
            Step::Hold(Action::Left),
            Step::WaitSeconds(2.5),
            Step::Release(Action::Left),
        ]);
    }
    Script {
        description: "Lev walks back and forth".into(),
        steps,
    }
}

/// Runs `case` in a window in this process, printing its figure.
pub fn run_case(case: &Case, roots: &Roots) -> Result<(), String> {
    let mut app = match case {
        Case::Empty | Case::FullScreenSprite => {
            let mut app = bare_app();
            let sprite = *case == Case::FullScreenSprite;
            app.add_systems(
                Startup,
                move |mut commands: Commands, mut images: ResMut<Assets<Image>>| {
                    // As the game's cameras: no multisampling, which pixel
                    // art has no use for.
                    commands.spawn((Camera2d, Msaa::Off));
                    if sprite {
                        // A picture of the view's size, scaled up to the
                        // window, as the game shows its view.
                        let picture = Image::new_fill(
                            Extent3d {
                                width: VIEW.x as u32,
                                height: VIEW.y as u32,
                                depth_or_array_layers: 1,
                            },
                            TextureDimension::D2,
                            &[40, 50, 90, 255],
                            TextureFormat::Rgba8UnormSrgb,
                            RenderAssetUsages::RENDER_WORLD,
                        );
                        commands.spawn(Sprite {
                            image: images.add(picture),
                            custom_size: Some(Vec2::new(WINDOW.0 as f32, WINDOW.1 as f32)),
                            ..default()
                        });
                    }
                },
            );
            app
        }
        Case::Title => {
            let mut app = windowed::app(
                roots.clone(),
                StartOverride::default(),
                PlayerFiles::default(),
                Launch::default(),
            );
            app.add_systems(First, time_title);
            return match app.run() {
                AppExit::Success => Ok(()),
                AppExit::Error(_) => Err("the title did not run".into()),
            };
        }
        Case::Chapter(id, executor) => {
            let set = files::load_all(roots);
            let story = set.story.as_ref().ok_or("the data has no story")?;
            let chapter = story
                .chapters
                .iter()
                .find(|c| c.id == *id)
                .ok_or_else(|| format!("no chapter `{id}`"))?;
            let arrival = set.arrival(&format!("{}:{}", chapter.level, chapter.spawn))?;
            let start = StartOverride {
                arrival: Some(arrival),
                at: None,
            };
            windowed::app_with(
                roots.clone(),
                start,
                PlayerFiles::default(),
                Launch::default(),
                |app| {
                    testing::play_in_window(app, walking(), format!("bench-scene {}", case.name()))
                },
                *executor,
            )
        }
    };
    app.insert_resource(FrameCounter {
        began: None,
        timed_from: None,
        frames: 0,
    })
    .add_systems(Last, count_frames);
    app.run();
    Ok(())
}

/// One measured case: its name and its figure, or why there is none.
fn measure(case: &Case, roots: &Roots) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .arg("bench-scene")
        .arg(case.name())
        .arg("--levels")
        .arg(&roots.base)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let prefix = if *case == Case::Title {
        "title: "
    } else {
        "fps: "
    };
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|figure| figure.parse().ok())
        .ok_or_else(|| {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().last().unwrap_or("no output");
            format!("{} printed no figure: {last}", case.name())
        })
}

/// Every case, each in its own window one after another: the lines of a
/// table of frames per second and each one's ratio to the full-screen
/// sprite, then the title's first frame. Each chapter runs [`ROUNDS`]
/// times, each time set against the mean of the sprite measured just
/// before and just after it (a shared machine's load drifts over minutes);
/// its line gives the median round and the range of the ratios. The first
/// chapter runs once more with Bevy's multi-threaded executors.
pub fn report(roots: &Roots) -> Result<Vec<String>, String> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no display (run scripts/bench-window.sh, which starts Xvfb)".into());
    }
    let set = files::load_all(roots);
    let chapters: Vec<String> = set
        .story
        .as_ref()
        .map(|s| s.chapters.iter().map(|c| c.id.clone()).collect())
        .unwrap_or_default();
    let mut cases: Vec<(String, Case)> = chapters
        .iter()
        .map(|id| {
            let case = Case::Chapter(id.clone(), Executor::SingleThreaded);
            (format!("chapter {id}, Lev walking"), case)
        })
        .collect();
    if let Some(id) = chapters.first() {
        let case = Case::Chapter(id.clone(), Executor::MultiThreaded);
        cases.push((format!("chapter {id}, multi-threaded"), case));
    }
    let mut lines = vec![
        format!(
            "{}x{} window, each case {} s timed after {} s of warm-up; chapters: median of {ROUNDS}",
            WINDOW.0,
            WINDOW.1,
            TIMED.as_secs(),
            WARM_UP.as_secs()
        ),
        format!(
            "{:<34} {:>11} {:>13} {:>6}  {}",
            "case", "frames/s", "sprite's", "ratio", "range"
        ),
    ];
    let row = |name: &str, fps: f64, sprite: f64| {
        format!(
            "{name:<34} {fps:>7.1} fps {sprite:>9.1} fps {:>5.0}%",
            fps / sprite * 100.0
        )
    };
    let mut sprite = measure(&Case::FullScreenSprite, roots)?;
    let empty = measure(&Case::Empty, roots)?;
    lines.push(row("empty 2D scene", empty, sprite));
    lines.push(row("one full-screen sprite", sprite, sprite));
    for (name, case) in &cases {
        // (frames per second, the sprite's about it) of each round.
        let mut rounds = Vec::new();
        for _ in 0..ROUNDS {
            match measure(case, roots) {
                Ok(fps) => {
                    let after = measure(&Case::FullScreenSprite, roots)?;
                    rounds.push((fps, (sprite + after) / 2.0));
                    sprite = after;
                }
                Err(problem) => {
                    lines.push(format!("{name:<34} {problem}"));
                    break;
                }
            }
        }
        rounds.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
        if let Some(&(fps, base)) = rounds.get(rounds.len() / 2) {
            let (low, high) = (rounds[0], rounds[rounds.len() - 1]);
            lines.push(format!(
                "{}  {:.0}-{:.0}%",
                row(name, fps, base),
                low.0 / low.1 * 100.0,
                high.0 / high.1 * 100.0
            ));
        }
    }
    match measure(&Case::Title, roots) {
        Ok(ms) => lines.push(format!(
            "the title's first frame, from the process's start: {ms:.0} ms"
        )),
        Err(problem) => lines.push(format!("the title's first frame: {problem}")),
    }
    Ok(lines)
}
