//! The level and story file formats: the serde types a `*.level.ron` or
//! `story.ron` file is read into. `levels/README.md` documents every field.
//!
//! Units: positions and sizes in virtual pixels (the screen is 320x180),
//! x to the right and y up from the level's bottom-left corner; in-game times
//! as `"HH:MM"` on the night's clock.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A point `(x, y)` in virtual pixels.
pub type Point = (f32, f32);

/// An axis-aligned rectangle: bottom-left corner `x, y`, size `w, h`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Area {
    /// Whether `point` lies inside (edges included).
    pub fn contains(&self, (px, py): Point) -> bool {
        px >= self.x && px <= self.x + self.w && py >= self.y && py <= self.y + self.h
    }

    /// Whether all of `other` lies inside this area.
    pub fn encloses(&self, other: &Area) -> bool {
        self.contains((other.x, other.y)) && self.contains((other.x + other.w, other.y + other.h))
    }

    /// The centre point.
    pub fn centre(&self) -> Point {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A colour written `"#rrggbb"` or `"#rrggbbaa"` (hexadecimal, like CSS).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour(pub [u8; 4]);

impl TryFrom<String> for Colour {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a colour: write \"#rrggbb\" or \"#rrggbbaa\"");
        let hex = text.strip_prefix('#').ok_or_else(bad)?;
        if !(hex.len() == 6 || hex.len() == 8) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        let alpha = if hex.len() == 8 { byte(6)? } else { 255 };
        Ok(Colour([byte(0)?, byte(2)?, byte(4)?, alpha]))
    }
}

impl From<Colour> for String {
    fn from(Colour([r, g, b, a]): Colour) -> String {
        if a == 255 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("#{r:02x}{g:02x}{b:02x}{a:02x}")
        }
    }
}

/// A time on the night's clock, written `"23:40"`; times after midnight
/// count as later than those before it (the night runs 18:00 to 17:59).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    /// Minutes since 18:00 on the evening the night begins.
    minutes: u32,
}

/// The hour the night's clock counts from.
const NIGHT_STARTS_AT_HOUR: u32 = 18;

impl ClockTime {
    /// The time `hours:minutes`.
    pub fn new(hours: u32, minutes: u32) -> Option<Self> {
        (hours < 24 && minutes < 60).then(|| Self {
            minutes: ((hours + 24 - NIGHT_STARTS_AT_HOUR) % 24) * 60 + minutes,
        })
    }

    /// Minutes since 18:00 on the evening the night begins.
    pub fn minutes_into_night(&self) -> u32 {
        self.minutes
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a time: write \"HH:MM\", for example \"23:40\"");
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || !digits(m) {
            return Err(bad());
        }
        let (h, m) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> String {
        time.to_string()
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hours = (self.minutes / 60 + NIGHT_STARTS_AT_HOUR) % 24;
        write!(f, "{hours:02}:{:02}", self.minutes % 60)
    }
}

/// Which way something faces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Facing {
    /// Towards the left of the screen.
    Left,
    /// Towards the right of the screen.
    #[default]
    Right,
    /// Towards the viewer.
    Front,
    /// Away from the viewer.
    Back,
}

/// What a floor or stair is made of: it sets the footsteps' sound.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Surface {
    /// Bare concrete.
    #[default]
    Concrete,
    /// Metal catwalks and grating.
    Metal,
    /// Wet street.
    WetStreet,
    /// Wooden boards and stairs.
    Wood,
}

/// Looping background sound of a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ambience {
    /// Rain on glass and roofs.
    Rain,
    /// Distant traffic and the city's hum.
    City,
    /// Water dripping in a large empty building.
    Drips,
    /// Wind high above the streets.
    Wind,
    /// Birds and the first trams at dawn.
    Dawn,
}

/// The score playing in a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Music {
    /// Sparse piano, late at night.
    Night,
    /// Low strings as midnight nears.
    Tension,
    /// Warm, open chords at sunrise.
    Sunrise,
}

/// One place of the night, read from a `*.level.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Unique id; must match the file name (`warehouse` for `warehouse.level.ron`).
    pub id: String,
    /// Name shown to the player.
    pub name: String,
    /// The level's extent; the camera stays inside it.
    pub bounds: Area,
    /// Zoom of the view, 1 to 4: 1 shows 320x180 virtual pixels, 2 shows
    /// 160x90 with everything twice as large (a cramped room, say).
    #[serde(default = "one")]
    pub pixel_scale: u32,
    /// Parallax layers behind the level, back to front.
    #[serde(default)]
    pub background: Vec<Layer>,
    /// Walkable surfaces.
    #[serde(default)]
    pub floors: Vec<Floor>,
    /// Solid areas Lev cannot pass.
    #[serde(default)]
    pub walls: Vec<Area>,
    /// Straight stairs between two floors.
    #[serde(default)]
    pub stairs: Vec<Stairs>,
    /// Vertical ladders.
    #[serde(default)]
    pub ladders: Vec<Ladder>,
    /// Doors and edges that lead to other levels.
    #[serde(default)]
    pub exits: Vec<Exit>,
    /// Things drawn in the level.
    #[serde(default)]
    pub props: Vec<Prop>,
    /// Light sources.
    #[serde(default)]
    pub lights: Vec<Light>,
    /// What can be photographed.
    #[serde(default)]
    pub subjects: Vec<Subject>,
    /// Things Lev can inspect or talk to.
    #[serde(default)]
    pub interactables: Vec<Interactable>,
    /// Areas, times and flags that fire story events.
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    /// People in the level.
    #[serde(default)]
    pub npcs: Vec<Npc>,
    /// Where Lev can arrive.
    pub spawns: Vec<Spawn>,
    /// Background sound.
    #[serde(default)]
    pub ambience: Option<Ambience>,
    /// Score.
    #[serde(default)]
    pub music: Option<Music>,
    /// Photographs Lev means to take here.
    #[serde(default)]
    pub shot_list: Vec<ShotGoal>,
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

/// A background layer. `parallax` 0 stays fixed on screen, 1 moves with
/// the level; values between give depth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// How much the layer moves with the camera, 0 to 1.
    pub parallax: f32,
    /// What the layer shows.
    pub paint: Paint,
}

/// What a background layer shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Paint {
    /// A vertical gradient over the whole screen, top colour to bottom colour.
    Gradient(Colour, Colour),
    /// A generated skyline: building silhouettes of the given colour between
    /// `min` and `max` height, `lit` the share of lit windows (0 to 1),
    /// `seed` choosing the buildings.
    Skyline {
        /// Silhouette colour.
        colour: Colour,
        /// Lowest building.
        min: f32,
        /// Highest building.
        max: f32,
        /// Share of lit windows, 0 to 1.
        lit: f32,
        /// Chooses the buildings; the same seed gives the same skyline.
        seed: u32,
    },
    /// A PNG image, by its path relative to the levels folder.
    Image(String),
}

/// A walkable surface from `x` to `x + width` at height `y`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// Left end.
    pub x: f32,
    /// Height of the walking surface.
    pub y: f32,
    /// Length.
    pub width: f32,
    /// What it is made of.
    #[serde(default)]
    pub surface: Surface,
}

/// A straight flight of stairs from its lower end to its upper end.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stairs {
    /// The foot of the stairs, on the lower floor.
    pub bottom: Point,
    /// The head of the stairs, on the upper floor.
    pub top: Point,
    /// What they are made of.
    #[serde(default = "wood")]
    pub surface: Surface,
}

fn wood() -> Surface {
    Surface::Wood
}

/// A ladder at `x` from `bottom` to `top`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Horizontal position.
    pub x: f32,
    /// Lower end.
    pub bottom: f32,
    /// Upper end.
    pub top: f32,
}

/// A way to another level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exit {
    /// Unique within the level.
    pub id: String,
    /// Where Lev must be to use it.
    pub area: Area,
    /// The level it leads to.
    pub to_level: String,
    /// The spawn point Lev arrives at in that level.
    pub to_spawn: String,
    /// `true`: a door, used with the interact action; `false`: walking into
    /// the area is enough.
    #[serde(default)]
    pub door: bool,
}

/// Something drawn in the level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prop {
    /// The sprite's name (see `levels/README.md` for the list).
    pub sprite: String,
    /// Bottom-centre of the sprite.
    pub at: Point,
    /// Drawing order: higher is nearer; Lev stands at 0.
    #[serde(default)]
    pub depth: f32,
    /// Whether it hides photo subjects behind it.
    #[serde(default)]
    pub occludes: bool,
}

/// A light source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Light {
    /// Centre of the light.
    pub at: Point,
    /// Reach in virtual pixels.
    pub radius: f32,
    /// Colour of the light.
    pub colour: Colour,
    /// Brightness, 0 to 4 (1 is a street lamp).
    #[serde(default = "one_f32")]
    pub intensity: f32,
    /// Flicker, if the light is failing.
    #[serde(default)]
    pub flicker: Option<Flicker>,
}

fn one_f32() -> f32 {
    1.0
}

/// How a light flickers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flicker {
    /// Seconds between flickers, on average.
    pub every: f32,
    /// How dark it goes, 0 (not at all) to 1 (off).
    pub depth: f32,
}

/// Something that can be photographed and judged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Unique within the level; shot goals and dialogue conditions name it.
    pub id: String,
    /// Name shown to the player.
    pub name: String,
    /// Kinds it belongs to (`light`, `animal`, `clock`...), for shot goals.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Its extent in the level.
    pub area: Area,
    /// Which way it faces; photos of its face score higher.
    #[serde(default = "front")]
    pub facing: Facing,
    /// Times when it does its thing (pigeons take off, a tram passes).
    #[serde(default)]
    pub moments: Vec<Moment>,
}

fn front() -> Facing {
    Facing::Front
}

/// A window of the night's clock when a subject is at its best.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// What happens, shown to the player.
    pub name: String,
    /// When it starts.
    pub from: ClockTime,
    /// When it ends.
    pub to: ClockTime,
}

/// Something Lev can interact with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interactable {
    /// Unique within the level.
    pub id: String,
    /// Where Lev must be to reach it.
    pub area: Area,
    /// The prompt shown in reach, for example "Look at the clock".
    pub prompt: String,
    /// What interacting does.
    pub action: Interaction,
}

/// What interacting with something does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Interaction {
    /// Show this text.
    Inspect(String),
    /// Start the dialogue with this id.
    Dialogue(String),
}

/// A story event fired when its condition first holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Unique within the level.
    pub id: String,
    /// The condition.
    pub when: Condition,
    /// The story event it fires, for example `"phone_rings"`.
    pub event: String,
    /// Fire only the first time (`true`) or each time the condition
    /// becomes true again.
    #[serde(default = "yes")]
    pub once: bool,
}

/// When a trigger fires.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Lev enters this area.
    Area(Area),
    /// The night's clock reaches this time.
    Time(ClockTime),
    /// This story flag becomes set.
    Flag(String),
}

/// A person in the level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Npc {
    /// Unique within the level.
    pub id: String,
    /// Name shown to the player.
    pub name: String,
    /// The sprite's name.
    pub sprite: String,
    /// Where they stand (feet).
    pub at: Point,
    /// Which way they face until spoken to.
    #[serde(default)]
    pub facing: Facing,
    /// The dialogue talking to them starts, if any.
    #[serde(default)]
    pub dialogue: Option<String>,
}

/// A place Lev can arrive at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spawn {
    /// Unique within the level; exits and the story name it.
    pub id: String,
    /// Where Lev stands (feet).
    pub at: Point,
    /// Which way he faces.
    #[serde(default)]
    pub facing: Facing,
}

/// A photograph Lev means to take in this level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotGoal {
    /// Unique within the level.
    pub id: String,
    /// What it asks for, shown in the shot list.
    pub description: String,
    /// The subject or kind of subject to photograph.
    pub target: ShotTarget,
    /// Lowest score (0 to 100) that counts.
    pub min_score: u32,
    /// Story flag set when the goal is met.
    pub sets_flag: String,
}

/// What a shot goal asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ShotTarget {
    /// This subject, by id.
    Subject(String),
    /// Any subject with this tag.
    Tag(String),
}

/// The night as a whole, read from `story.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Where a new game begins.
    pub start: Arrival,
    /// Frames on the film roll.
    pub film_roll: u32,
    /// The night's clock.
    pub clock: NightClock,
    /// The chapters, in order.
    pub chapters: Vec<Chapter>,
    /// Ids of the night's dialogues; each lives in `dialogue/<id>.dialogue.ron`.
    #[serde(default)]
    pub dialogues: Vec<String>,
    /// The possible endings.
    pub endings: Vec<Ending>,
}

/// A level and a spawn point in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrival {
    /// Level id.
    pub level: String,
    /// Spawn point id in that level.
    pub spawn: String,
}

/// How the night's clock runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NightClock {
    /// Time when a new game begins.
    pub start: ClockTime,
    /// Dawn: the clock stops here.
    pub dawn: ClockTime,
    /// In-game minutes that pass per second of play.
    pub minutes_per_second: f32,
}

/// One chapter of the night.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Unique id.
    pub id: String,
    /// Title shown on the chapter card.
    pub title: String,
    /// The chapter's levels.
    pub levels: Vec<String>,
}

/// One of the endings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Unique id.
    pub id: String,
    /// Title shown at the end.
    pub title: String,
    /// What happens, in a sentence or two.
    pub summary: String,
}
