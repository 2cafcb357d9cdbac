//! The story state: everything the night remembers, in one serialisable
//! resource. A save is this state written out; every system reads and writes
//! the story through it and keeps no copy of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::schema::{Area, ClockTime, Facing, Point, Story, Value};

/// The version of [`StoryState`]'s shape; a save of another version is
/// read with care or refused.
pub const STORY_STATE_VERSION: u32 = 1;

/// Everything the night remembers.
#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    /// [`STORY_STATE_VERSION`] when written.
    pub version: u32,
    /// When the night began, in seconds since 1970 (it names the night's
    /// photographs on disk).
    #[serde(default)]
    pub night: u64,
    /// The id of the chapter the night is in.
    pub chapter: String,
    /// The night's clock, in minutes since 18:00 on the evening it begins.
    pub minutes: f64,
    /// Seconds of play since the night began, at the clock's pace: half as
    /// fast with the camera raised, standing in conversations, text, fades
    /// and menus, running on through the chapters' holds. The time of
    /// motions that loop ([`Start::Play`]) or that a condition started.
    ///
    /// [`Start::Play`]: crate::content::schema::Start::Play
    #[serde(default)]
    pub played: f64,
    /// When each motion started by a condition (`level/motion`) began, in
    /// seconds of play.
    #[serde(default)]
    pub started: BTreeMap<String, f64>,
    /// Story flags that are set.
    pub flags: BTreeSet<String>,
    /// Story variables by name.
    pub variables: BTreeMap<String, Value>,
    /// How many times Lev has entered each level, by id.
    pub visits: BTreeMap<String, u32>,
    /// Triggers (`level/trigger`) that have fired.
    pub fired: BTreeSet<String>,
    /// Triggers whose condition held when last looked at: they fire again
    /// (when not `once`) only after it stops holding.
    pub holding: BTreeSet<String>,
    /// Where Lev is, as exploration publishes it.
    pub place: Place,
    /// The ending the night came to, once it has.
    pub ending: Option<String>,
    /// The photographs of the night (filled by the camera).
    pub album: Vec<PhotoRecord>,
    /// The developed roll's contact sheet, once the ending developed it:
    /// then the roll is done.
    #[serde(default)]
    pub contact_sheet: Option<String>,
    /// How many times each dialogue node (`dialogue/node`) was reached.
    #[serde(default)]
    pub node_visits: BTreeMap<String, u32>,
    /// Where a dialogue in progress stands (filled by the dialogue).
    pub dialogue: Option<DialoguePosition>,
    /// What earlier nights left behind, as it was when this one began.
    #[serde(default)]
    pub past: PastNights,
    /// The film loaded for the night, by id (none: the camera's first).
    #[serde(default)]
    pub film: Option<String>,
}

/// What the nights played before left behind (kept between runs in
/// `nights.ron`): a second night notices the first.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastNights {
    /// The ending each night came to, oldest first.
    pub endings: Vec<String>,
}

/// Where Lev is: the level and his feet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The level's id.
    pub level: String,
    /// His feet, in the level's virtual pixels.
    pub at: Point,
    /// Which way he faces: left or right.
    #[serde(default)]
    pub facing: Facing,
}

/// One photograph of the night, as the album shows it and conditions and
/// dialogue read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoRecord {
    /// Its number on the roll, from 1.
    pub number: u32,
    /// The level it was taken in.
    pub level: String,
    /// The night's clock when it was taken.
    pub at: ClockTime,
    /// The frame, in the level's virtual pixels.
    pub frame: Area,
    /// The focal length it was taken at, in millimetres.
    pub focal: u32,
    /// The photograph's score, 0 to 100: its best subject's.
    pub score: u32,
    /// The subjects in it, best first.
    pub subjects: Vec<SubjectShot>,
    /// The image file written for it, where a renderer ran.
    pub image: Option<String>,
    /// The changed copy the night's ending developed of it, where one was.
    #[serde(default)]
    pub developed: Option<String>,
    /// Whether its picture has yet to reach the photos folder: held while
    /// the game runs, or kept in the data folder (`image`) until the photos
    /// folder can be written. Every next chance writes it there.
    #[serde(default)]
    pub waiting: bool,
    /// How the camera was set when it was taken (none in a night kept
    /// before the camera had settings).
    #[serde(default)]
    pub camera: Option<CameraRecord>,
}

/// How the camera was set for one photograph, and the light it metered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CameraRecord {
    /// The shutter speed's time value: open `2^-tv` seconds (6 is 1/60 s).
    pub tv: i32,
    /// The aperture's value: `f/N` with `N² = 2^av` (3 is f/2.8).
    pub av: i32,
    /// Where it was focused, in metres (none: infinity).
    pub focus: Option<f32>,
    /// The film's id.
    pub film: String,
    /// Its speed, ISO.
    pub iso: u32,
    /// Whether Lev held it braced, in the careful stance.
    pub braced: bool,
    /// Whether the automatic mode chose the shutter and aperture.
    pub auto: bool,
    /// The frame's mean light, as the meter read it.
    pub light: f32,
    /// How far from a good exposure it was, in stops (negative: dark).
    pub stops: f32,
}

/// How a subject's picture was smeared while the shutter was open, in the
/// frame's virtual pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Smear {
    /// By its own motion.
    pub motion: f32,
    /// By the camera's shake.
    pub shake: f32,
    /// By the focus.
    pub focus: f32,
    /// How far it was from the camera, in metres.
    pub distance: f32,
}

impl Smear {
    /// The three blurs together, in virtual pixels.
    pub fn total(&self) -> f32 {
        (self.motion * self.motion + self.shake * self.shake + self.focus * self.focus).sqrt()
    }
}

/// A subject as a photograph caught it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubjectShot {
    /// `level/subject`, unique across the night.
    pub key: String,
    /// Its name, as the level gives it.
    pub name: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its score, 0 to 100.
    pub score: u32,
    /// How the score was made.
    pub breakdown: Breakdown,
    /// How fast it crossed the frame as the shutter fell, in the level's
    /// virtual pixels (the frame's own) a second, as the player saw it
    /// move: 0 standing still.
    #[serde(default)]
    pub speed: f32,
    /// How it was smeared (none before the camera had settings).
    #[serde(default)]
    pub smear: Option<Smear>,
}

/// What a subject's score is made of: each factor from 0 to 1, multiplied
/// together (see `photo::judge` and levels/README.md).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The share of the subject inside the frame.
    pub in_frame: f32,
    /// The share of what is in frame that nothing hides.
    pub clear: f32,
    /// The size factor, from how much of the frame it fills.
    pub size: f32,
    /// The composition factor, from how near the centre or a third it sits.
    pub composition: f32,
    /// Whether it sits on a third.
    pub on_third: bool,
    /// The facing factor: towards the camera, sideways, away.
    pub facing: f32,
    /// Caught in one of its moments (`None`: it has none).
    pub moment: Option<bool>,
    /// The exposure factor, from the stops off a good exposure (`None`:
    /// taken before the camera had settings).
    #[serde(default)]
    pub exposure: Option<f32>,
    /// The sharpness factor, from how smeared it was (`None`: as above).
    #[serde(default)]
    pub sharpness: Option<f32>,
}

/// A dialogue in progress: which, where it stands, and what was said. The
/// effects of the line shown were applied when it was first shown: a save
/// resumes here without applying them again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DialoguePosition {
    /// The dialogue's id.
    pub dialogue: String,
    /// The id of the node it is in.
    pub node: String,
    /// What it shows in that node.
    pub at: DialogueAt,
    /// What was said so far, oldest first (the line shown last).
    pub history: Vec<Said>,
}

/// What a dialogue in progress shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DialogueAt {
    /// The line with this id.
    Line(String),
    /// The node's choices.
    Choosing,
}

/// One entry of a conversation's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    /// The line's or the choice's id.
    pub id: String,
    /// Who said it, by name (none: narration).
    pub speaker: Option<String>,
    /// What was said, as shown.
    pub text: String,
    /// Whether Lev chose to say it (a choice, not a line).
    #[serde(default)]
    pub chosen: bool,
}

impl StoryState {
    /// A new night of `story`, in its first chapter.
    pub fn new(story: &Story) -> Self {
        let first = story.chapters.first();
        let start = first.and_then(|c| c.clock).unwrap_or(story.clock.start);
        Self {
            version: STORY_STATE_VERSION,
            night: 0,
            chapter: first.map(|c| c.id.clone()).unwrap_or_default(),
            minutes: f64::from(start.minutes_into_night()),
            played: 0.0,
            started: BTreeMap::new(),
            flags: BTreeSet::new(),
            variables: BTreeMap::new(),
            visits: BTreeMap::new(),
            fired: BTreeSet::new(),
            holding: BTreeSet::new(),
            place: Place::default(),
            ending: None,
            album: Vec::new(),
            contact_sheet: None,
            node_visits: BTreeMap::new(),
            dialogue: None,
            past: PastNights::default(),
            film: None,
        }
    }

    /// The clock as a time of the night.
    pub fn time(&self) -> ClockTime {
        ClockTime::from_minutes(self.minutes)
    }

    /// Frames left on the roll of `story`.
    pub fn film_left(&self, story: &Story) -> u32 {
        story.film_roll.saturating_sub(self.album.len() as u32)
    }

    /// Whether a photograph shows the subject `key` (`level/subject`).
    pub fn photographed(&self, key: &str) -> bool {
        self.shots().any(|s| s.key == key)
    }

    /// The best score of the subject `key` in any photograph (0: never
    /// photographed).
    pub fn best_score(&self, key: &str) -> u32 {
        self.shots()
            .filter(|s| s.key == key)
            .map(|s| s.score)
            .max()
            .unwrap_or(0)
    }

    /// The best-scoring subject of the night (the first photographed of
    /// equals), if any photograph shows one.
    pub fn best_shot(&self) -> Option<&SubjectShot> {
        self.shots()
            .fold(None, |best: Option<&SubjectShot>, shot| match best {
                Some(b) if b.score >= shot.score => Some(b),
                _ => Some(shot),
            })
    }

    /// How many photographs show a subject with the tag `tag`.
    pub fn photos_tagged(&self, tag: &str) -> usize {
        self.album
            .iter()
            .filter(|p| p.subjects.iter().any(|s| s.tags.iter().any(|t| t == tag)))
            .count()
    }

    /// Every subject of every photograph, in the order taken.
    fn shots(&self) -> impl Iterator<Item = &SubjectShot> {
        self.album.iter().flat_map(|p| &p.subjects)
    }

    /// Whether the night's roll is still to be developed: the night came
    /// to its ending, a photograph of it has a picture, and no contact
    /// sheet has been made of them.
    pub fn roll_to_develop(&self) -> bool {
        self.ending.is_some()
            && self.contact_sheet.is_none()
            && self.album.iter().any(|p| p.image.is_some() || p.waiting)
    }

    /// Notes where photograph `number`'s picture is now (`None`: held in
    /// memory only), and whether it still waits for the photos folder.
    pub fn picture_kept(&mut self, number: u32, image: Option<&Path>, waiting: bool) {
        if let Some(photo) = self.album.iter_mut().find(|p| p.number == number) {
            photo.image = image.map(|p| p.to_string_lossy().into_owned());
            photo.waiting = waiting;
        }
    }

    /// Notes the developed roll: each photograph's changed copy, by
    /// number, and the contact sheet of them all.
    pub fn roll_developed(&mut self, changed: &[(u32, PathBuf)], sheet: &Path) {
        for (number, path) in changed {
            if let Some(photo) = self.album.iter_mut().find(|p| p.number == *number) {
                photo.developed = Some(path.to_string_lossy().into_owned());
            }
        }
        self.contact_sheet = Some(sheet.to_string_lossy().into_owned());
    }

    /// Whether the clock has reached `time`.
    pub fn reached(&self, time: ClockTime) -> bool {
        self.minutes >= f64::from(time.minutes_into_night())
    }
}
