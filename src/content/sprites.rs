//! The sprites levels may name, with the size and colour of the rectangle
//! drawn for each where its sheet is missing (headless, or art not
//! generated).

use super::schema::Colour;

/// A sprite a level can use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpriteInfo {
    /// The name levels use.
    pub name: &'static str,
    /// Size in virtual pixels.
    pub size: (f32, f32),
    /// Placeholder colour.
    pub colour: Colour,
}

const fn sprite(name: &'static str, w: f32, h: f32, rgb: u32) -> SpriteInfo {
    SpriteInfo {
        name,
        size: (w, h),
        colour: Colour([(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8, 255]),
    }
}

/// Every sprite, by name.
pub const SPRITES: &[SpriteInfo] = &[
    // People.
    sprite("lev", 8.0, 22.0, 0x8c93ad),
    sprite("stranger", 8.0, 24.0, 0x0b0b10),
    sprite("night_worker", 8.0, 22.0, 0x5a4a3a),
    sprite("taxi_driver", 8.0, 21.0, 0x4a5060),
    sprite("cat_woman", 8.0, 20.0, 0x6a4a58),
    sprite("passerby", 7.0, 20.0, 0x353f5a),
    sprite("passerby_umbrella", 9.0, 22.0, 0x8a2a2e),
    // Animals.
    sprite("pigeon", 4.0, 3.0, 0x8a8a90),
    sprite("cat", 6.0, 4.0, 0x6a5a4a),
    sprite("crow", 5.0, 4.0, 0x15151a),
    // The warehouse.
    sprite("crate", 14.0, 12.0, 0x5a4630),
    sprite("barrel", 8.0, 12.0, 0x3d4a44),
    sprite("pallet", 16.0, 3.0, 0x6b5538),
    sprite("shelf", 24.0, 30.0, 0x3a3a40),
    sprite("desk", 20.0, 9.0, 0x4a3a2a),
    sprite("chair", 6.0, 10.0, 0x3a3030),
    sprite("cracked_mirror", 10.0, 16.0, 0x9aa8b8),
    sprite("wall_clock", 8.0, 8.0, 0xd8cfa8),
    sprite("skylight", 30.0, 4.0, 0xb8c8e0),
    sprite("window", 14.0, 18.0, 0x1c2a40),
    sprite("pillar", 6.0, 60.0, 0x2e3038),
    sprite("chain", 1.0, 24.0, 0x55555c),
    sprite("forklift", 22.0, 16.0, 0x8a6a20),
    sprite("hanging_lamp", 6.0, 4.0, 0xd8b060),
    sprite("phone", 3.0, 5.0, 0x202028),
    // The streets.
    sprite("kiosk", 24.0, 22.0, 0x3a5a4a),
    sprite("street_lamp", 4.0, 40.0, 0x2a2a30),
    sprite("tram_stop", 20.0, 24.0, 0x404a58),
    sprite("tram", 60.0, 26.0, 0x8a3a30),
    sprite("taxi", 30.0, 12.0, 0xc8a030),
    sprite("car", 28.0, 11.0, 0x353f5a),
    sprite("car_pale", 28.0, 11.0, 0xa9a5a5),
    sprite("bench", 16.0, 6.0, 0x4a3a2a),
    sprite("bin", 6.0, 9.0, 0x2e3a30),
    sprite("poster", 10.0, 14.0, 0xa05040),
    sprite("underpass_sign", 14.0, 8.0, 0x2050a0),
    sprite("puddle", 20.0, 1.0, 0x283850),
    // The clock tower.
    sprite("bell", 16.0, 16.0, 0x8a7030),
    sprite("clock_face", 24.0, 24.0, 0xe8dcb0),
    sprite("dial", 24.0, 24.0, 0xe8dcb0),
    sprite("hour_hand", 3.0, 6.0, 0x0b0c14),
    sprite("minute_hand", 3.0, 9.0, 0x161b2b),
    sprite("pendulum", 7.0, 34.0, 0xa8521e),
    sprite("gear", 14.0, 14.0, 0x50463a),
    sprite("rope", 1.0, 40.0, 0x7a6a50),
    sprite("arched_window", 12.0, 20.0, 0x1a2238),
    // Rooftops at sunrise.
    sprite("railing", 30.0, 8.0, 0x404048),
    sprite("antenna", 4.0, 30.0, 0x303038),
    sprite("water_tank", 20.0, 24.0, 0x4a4a50),
    sprite("cloud", 40.0, 10.0, 0xea9aa0),
    sprite("sun", 16.0, 16.0, 0xfae2ba),
];

/// The generated pictures a background layer can show (`Paint::Art`).
pub const BACKDROPS: &[&str] = &["skyline_night", "skyline_dawn"];

/// The generated tile sets a level's floors can be drawn with.
pub const TILE_SETS: &[&str] = &[
    "tiles_warehouse",
    "tiles_streets",
    "tiles_tower",
    "tiles_roof",
];

/// The sprite called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static SpriteInfo> {
    SPRITES.iter().find(|sprite| sprite.name == name)
}
