//! The album opening on a kept night: a roll of 24 pictures read back from
//! their PNG files, as the title's Album does, headless with the game's
//! images kept in memory. It times every frame from the one that opens
//! the album, and gives the longest against the median.

use std::path::Path;
use std::time::Instant;

use bevy::prelude::*;
use image::{Rgba, RgbaImage};

use crate::content::Roots;
use crate::content::schema::{Area, ClockTime};
use crate::photo::{OpenAlbum, PIXELS_PER_POINT};
use crate::random::Random;
use crate::story::{PhotoRecord, StoryState};
use crate::testing::{Harness, HeadlessConfig};

/// Pictures on the roll: a whole one.
const PICTURES: u32 = 24;
/// Frames timed from the one that opens the album.
const FRAMES: usize = 90;

/// The frames of one opening: how many were timed, their median and the
/// longest, in milliseconds, and which frame was the longest.
#[derive(Debug, Clone, Copy)]
pub struct AlbumOpening {
    /// Frames timed.
    pub frames: usize,
    /// The median frame.
    pub median_ms: f64,
    /// The longest frame.
    pub longest_ms: f64,
    /// The longest frame's place (0: the frame that opened the album).
    pub longest_at: usize,
}

/// Writes `PICTURES` pictures of the size a 35 mm frame is captured at
/// into `folder`, each of noise so that PNG decoding does real work, and
/// returns their records.
fn kept_roll(folder: &Path) -> Result<Vec<PhotoRecord>, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let frame = Area {
        x: 40.0,
        y: 20.0,
        w: 148.0,
        h: 99.0,
    };
    let (w, h) = (
        (frame.w * PIXELS_PER_POINT) as u32,
        (frame.h * PIXELS_PER_POINT) as u32,
    );
    let mut random = Random::new(7);
    (1..=PICTURES)
        .map(|number| {
            let picture = RgbaImage::from_fn(w, h, |x, y| {
                let grain = (random.unit() * 40.0) as u8;
                Rgba([
                    (x % 200) as u8 + grain,
                    (y % 180) as u8 + grain,
                    90 + grain,
                    255,
                ])
            });
            let path = folder.join(format!("night-7-{number:02}.png"));
            picture
                .save(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(PhotoRecord {
                number,
                level: "warehouse".into(),
                at: ClockTime::from_minutes(1380.0 + f64::from(number)),
                frame,
                focal: 35,
                score: 50,
                subjects: Vec::new(),
                image: Some(path.to_string_lossy().into_owned()),
                developed: None,
                waiting: false,
                camera: None,
            })
        })
        .collect()
}

/// Opens the album on a kept night of 24 pictures and times the frames.
pub fn opening(roots: &Roots) -> Result<AlbumOpening, String> {
    let folder = std::env::temp_dir().join(format!("long-exposure-album-{}", std::process::id()));
    let album = kept_roll(&folder.join("photos"));
    let result = album.and_then(|album| open_and_time(roots, album));
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn open_and_time(roots: &Roots, album: Vec<PhotoRecord>) -> Result<AlbumOpening, String> {
    let mut harness = Harness::new(HeadlessConfig {
        roots: roots.clone(),
        ..Default::default()
    });
    harness.app().init_asset::<Image>();
    let story = harness
        .world()
        .resource::<crate::levels::NightData>()
        .story
        .clone()
        .ok_or("the data has errors")?;
    let mut night = StoryState::new(&story);
    night.ending = Some("the_unspoken".into());
    night.album = album;
    harness.frames(10);
    let mut times = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES {
        let began = Instant::now();
        if frame == 0 {
            harness.app().world_mut().trigger(OpenAlbum::Kept {
                night: Some(Box::new(night.clone())),
                called: "A kept night".into(),
            });
        }
        harness.app().update();
        times.push(began.elapsed().as_secs_f64() * 1e3);
        // Work off the main thread finishes in its own time, as in play.
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let (longest_at, longest_ms) = times
        .iter()
        .copied()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, 0.0));
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    Ok(AlbumOpening {
        frames: times.len(),
        median_ms: sorted[sorted.len() / 2],
        longest_ms,
        longest_at,
    })
}

/// The opening as a line of the bench's report.
pub fn report(opening: &AlbumOpening) -> String {
    format!(
        "{PICTURES} kept pictures: {} frames, median {:.2} ms, longest {:.2} ms (frame {}), \
         {:.1} times the median\n",
        opening.frames,
        opening.median_ms,
        opening.longest_ms,
        opening.longest_at,
        opening.longest_ms / opening.median_ms.max(f64::EPSILON)
    )
}
