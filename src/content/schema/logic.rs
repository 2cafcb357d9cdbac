//! The story's one language of conditions and effects, written the same way
//! in triggers, interactables, doors, chapters, endings and dialogue:
//!
//! ```ron
//! when: All([Flag("phone_rang"), Not(Flag("phone_answered")), Before("23:40")]),
//! effects: [SetFlag("phone_answered"), Add("courage", 1), Event("answered")],
//! ```
//!
//! The pure evaluator lives with the story state (`story::logic`).

use serde::{Deserialize, Serialize};

use super::{Area, ClockTime};

/// Something about the night that holds or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Lev stands in this area of the level the condition belongs to.
    Area(Area),
    /// This story flag is set.
    Flag(String),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// Every condition holds (an empty list holds).
    All(Vec<Condition>),
    /// At least one condition holds (an empty list does not).
    Any(Vec<Condition>),
    /// How many of the conditions hold compares so:
    /// `Count([Flag("shot_clock"), Flag("shot_mirror"), Flag("shot_lamp")], AtLeast(2))`.
    Count(Vec<Condition>, Compare),
    /// The variable compares so with a value: `Var("fears", AtLeast(2))`.
    /// A variable never set is 0, false or empty text, as compared.
    Var(String, Compare),
    /// Lev has entered the level (by id) so many times: `Visits("streets", AtLeast(2))`.
    Visits(String, Compare),
    /// The night's clock has not reached this time.
    Before(ClockTime),
    /// The night's clock has reached this time.
    After(ClockTime),
    /// The clock has reached the first time and not the second.
    Between(ClockTime, ClockTime),
    /// The night is in the chapter with this id.
    Chapter(String),
    /// A photograph of the night shows this subject (`level/subject`).
    Photographed(String),
    /// The best score of this subject (`level/subject`) in any photograph
    /// compares so (0 if never photographed): `BestScore("warehouse/pigeons", AtLeast(60))`.
    BestScore(String, Compare),
    /// A dialogue's node (`dialogue/node`) has been reached so many times:
    /// `Visited("phone_call/who", AtLeast(1))`.
    Visited(String, Compare),
    /// The number of photographs taken compares so: `Photos(AtLeast(5))`.
    Photos(Compare),
    /// The best score of any subject in any photograph tonight compares so
    /// (0 before the first): `BestOfNight(AtLeast(90))`.
    BestOfNight(Compare),
    /// The number of photographs showing a subject with this tag compares
    /// so: `PhotosTagged("animal", AtLeast(1))`.
    PhotosTagged(String, Compare),
    /// The number of nights played to an ending before this one compares
    /// so: `PastNights(AtLeast(1))` holds on a second night.
    PastNights(Compare),
    /// An earlier night came to this ending (by id).
    PastEnding(String),
}

/// How a variable (or a count) is compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Compare {
    /// Equal to the value.
    Is(Value),
    /// Not equal to the value.
    IsNot(Value),
    /// A number at least this.
    AtLeast(f64),
    /// A number at most this.
    AtMost(f64),
    /// A number greater than this.
    Above(f64),
    /// A number less than this.
    Below(f64),
}

/// A story variable's value: a number, a truth or a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A number, as `Number(2)` or `Number(0.5)`.
    Number(f64),
    /// `Bool(true)` or `Bool(false)`.
    Bool(bool),
    /// A text, as `Text("Katya")`.
    Text(String),
}

impl Value {
    /// The kind of value, for messages: `number`, `bool`, `text`.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Number(_) => "number",
            Value::Bool(_) => "bool",
            Value::Text(_) => "text",
        }
    }
}

/// Something that happens to the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Sets a story flag.
    SetFlag(String),
    /// Clears a story flag.
    ClearFlag(String),
    /// Sets a variable: `Set("caller", Text("unknown"))`.
    Set(String, Value),
    /// Adds to a number variable (from 0 if never set): `Add("fears", 1)`.
    Add(String, f64),
    /// Fires a story event, which chapters and the game observe.
    Event(String),
    /// Starts the dialogue with this id (listed in `story.ron`).
    Dialogue(String),
    /// Moves the night's clock to this time (forward or back).
    ClockTo(ClockTime),
    /// Ends the current chapter: the next one begins, or after the last,
    /// the night ends.
    EndChapter,
    /// Takes Lev to a spawn point of a level: `GoTo("streets", "from_warehouse")`.
    GoTo(String, String),
    /// Plays a sound of the night: `Sound(PhoneRing)`.
    Sound(Cue),
    /// Loads the camera with the film of this id for the rest of the night:
    /// `LoadFilm("tasma-64")` (`svema-400`, `tasma-64`, `tasma-160t`).
    LoadFilm(String),
}

/// A sound of the night that the story cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cue {
    /// An old telephone's bell: three double rings.
    PhoneRing,
    /// The tower's quarter chime, then its bell striking twelve.
    Midnight,
    /// Pigeons taking off, all wings at once.
    PigeonsTakeOff,
    /// A tram passing: its bell, the motor, the rails.
    TramPassing,
    /// Crows calling at dawn.
    Crows,
}
