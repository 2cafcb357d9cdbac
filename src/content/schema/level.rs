//! A place of the night, read from a `*.level.ron` file.

use serde::{Deserialize, Serialize};

use super::{Area, ClockTime, Colour, Condition, Effect, Facing, Motion, Point};

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
    /// The tower clock's works: tick and tock, once a second.
    Clockwork,
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
    /// The generated tile set its floors, stairs and ground are drawn with
    /// (`tiles_warehouse`, `tiles_streets`, `tiles_tower`, `tiles_roof`);
    /// none: plain colours.
    #[serde(default)]
    pub tiles: Option<String>,
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
    /// Paths in time that props, lights, subjects and people go along
    /// with (`moves: "id"`): the tram passing, the pigeons lifting.
    #[serde(default)]
    pub motions: Vec<Motion>,
    /// Rain falling over the level (none: dry).
    #[serde(default)]
    pub rain: Option<Rain>,
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

impl Level {
    /// The floor under `at` (within half a pixel of its height), if any.
    pub fn floor_at(&self, (x, y): Point) -> Option<usize> {
        self.floors
            .iter()
            .position(|f| (y - f.y).abs() <= 0.5 && x >= f.x && x <= f.x + f.width)
    }

    /// The motion called `id`, if the level has one.
    pub fn motion(&self, id: &str) -> Option<&Motion> {
        self.motions.iter().find(|m| m.id == id)
    }
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
    /// A picture the game's art generator drew (`skyline_night`,
    /// `skyline_dawn`), repeated across the level and standing on its
    /// ground line.
    Art(String),
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
    /// The door stays shut until its condition holds, and says why.
    #[serde(default)]
    pub locked: Option<Lock>,
}

/// What keeps a door shut, and the line it says when tried.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// The door opens once this holds.
    pub until: Condition,
    /// Shown when Lev tries it while it is shut.
    pub says: String,
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
    /// The motion it goes along with, by id (none: it stays where it is).
    #[serde(default)]
    pub moves: Option<String>,
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
    /// It shines only while this holds (none: always): a phone's glow
    /// while it rings.
    #[serde(default)]
    pub when: Option<Condition>,
    /// The motion it goes along with, by id (none: it stays where it is).
    #[serde(default)]
    pub moves: Option<String>,
}

/// Rain falling over a level, bright where it passes through lamp light:
/// `rain: (drops: 90, wind: -0.15)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rain {
    /// Drops falling in the view at once, 1 to 300.
    pub drops: u32,
    /// Pixels the rain drifts sideways for each pixel it falls, -1 to 1
    /// (negative: to the left).
    #[serde(default)]
    pub wind: f32,
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
    /// Drawing order as for props: a nearer subject (greater depth) hides
    /// the ones behind it in a photograph.
    #[serde(default)]
    pub depth: f32,
    /// A photograph of it shows Lev himself: the album records the subject
    /// as Lev (key `lev`, with its tags), and the picture shows his figure
    /// where a person standing in it stood (the figure at the tower).
    #[serde(default)]
    pub mirror: bool,
    /// The motion it goes along with, by id (none: it stays where it is).
    #[serde(default)]
    pub moves: Option<String>,
}

/// The key a photograph records a mirror subject under: Lev himself.
pub const MIRROR_KEY: &str = "lev";
/// The name a photograph gives a mirror subject.
pub const MIRROR_NAME: &str = "Lev Kalmurzaev";

impl Subject {
    /// The key (`level/subject`, or [`MIRROR_KEY`]) and name a photograph
    /// of it records, in `level`.
    pub fn recorded_as(&self, level: &str) -> (String, String) {
        if self.mirror {
            (MIRROR_KEY.into(), MIRROR_NAME.into())
        } else {
            (format!("{level}/{}", self.id), self.name.clone())
        }
    }
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
    /// It holds only while the subject moves, as well (the flock in the
    /// air, the tram passing); false: moving or still.
    #[serde(default)]
    pub while_moving: bool,
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
    /// It can be reached only while this holds (the phone, once it rings).
    #[serde(default)]
    pub when: Option<Condition>,
    /// What interacting also does to the story, in order.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// What interacting with something does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Interaction {
    /// Show this text.
    Inspect(String),
    /// Start the dialogue with this id.
    Dialogue(String),
}

/// Something that happens when its condition comes to hold while Lev is in
/// the level: a story event, effects, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Unique within the level.
    pub id: String,
    /// The condition.
    pub when: Condition,
    /// The story event it fires, for example `"phone_rings"`.
    #[serde(default)]
    pub event: Option<String>,
    /// What it does to the story, in order, before the event.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Fire only the first time (`true`) or each time the condition
    /// becomes true again.
    #[serde(default = "yes")]
    pub once: bool,
    /// Fire again and again while the condition holds: every this many
    /// seconds of play (the night's own time, stopped in menus), the first
    /// time that long after it came to hold. `once` does not apply then.
    #[serde(default)]
    pub every: Option<f32>,
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
    /// They are there only while this holds (none: always).
    #[serde(default)]
    pub when: Option<Condition>,
    /// The motion it goes along with, by id (none: it stays where it is).
    #[serde(default)]
    pub moves: Option<String>,
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
