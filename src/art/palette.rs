//! The one palette every sheet is drawn from: blue-black night, sodium
//! orange, harsh white, skin and wood, and the pink and gold of dawn.

/// An RGBA colour.
pub type Rgba = [u8; 4];

const fn rgb(hex: u32) -> Rgba {
    [(hex >> 16) as u8, (hex >> 8) as u8, hex as u8, 255]
}

/// Fully transparent.
pub const CLEAR: Rgba = [0, 0, 0, 0];
/// Outline ink, the darkest blue-black.
pub const INK: Rgba = rgb(0x0b0c14);
/// Night shadow.
pub const NIGHT: Rgba = rgb(0x161b2b);
/// Deep blue shadow.
pub const SHADOW: Rgba = rgb(0x232a40);
/// Blue slate, mid-dark.
pub const SLATE: Rgba = rgb(0x353f5a);
/// Steel blue-grey.
pub const STEEL: Rgba = rgb(0x4e5a76);
/// Misty grey-blue.
pub const MIST: Rgba = rgb(0x76839c);
/// Pale fog.
pub const FOG: Rgba = rgb(0xa8b2c4);
/// Harsh white light.
pub const WHITE: Rgba = rgb(0xeef0ea);
/// Cold blue rim light.
pub const RIM: Rgba = rgb(0x5b86cc);
/// Dark window glass.
pub const GLASS: Rgba = rgb(0x27426c);
/// Deepest sodium brown.
pub const SODIUM_DEEP: Rgba = rgb(0x5a2a18);
/// Mid sodium orange.
pub const SODIUM_MID: Rgba = rgb(0xa8521e);
/// Sodium-lamp orange.
pub const SODIUM: Rgba = rgb(0xe38c2c);
/// Bright sodium highlight.
pub const SODIUM_HI: Rgba = rgb(0xffc862);
/// Lamp core, nearly white-yellow.
pub const LAMP: Rgba = rgb(0xfff2ba);
/// Skin in shadow.
pub const SKIN_SH: Rgba = rgb(0x86503e);
/// Skin.
pub const SKIN: Rgba = rgb(0xcb8e6c);
/// Dark wood, leather, hair.
pub const WOOD_DK: Rgba = rgb(0x3c2719);
/// Wood.
pub const WOOD: Rgba = rgb(0x6c462a);
/// Light wood.
pub const WOOD_HI: Rgba = rgb(0x9e6e3e);
/// High-visibility yellow-green.
pub const HIVIS: Rgba = rgb(0xc8dc36);
/// High-visibility in shadow.
pub const HIVIS_DK: Rgba = rgb(0x70801f);
/// Dark rust red.
pub const RUST_DK: Rgba = rgb(0x4f1a1e);
/// Rust red.
pub const RUST: Rgba = rgb(0x983428);
/// Bright red.
pub const RED: Rgba = rgb(0xd25c40);
/// Dark concrete.
pub const CONC_DK: Rgba = rgb(0x4b494f);
/// Concrete grey.
pub const CONC: Rgba = rgb(0x77757b);
/// Light concrete.
pub const CONC_HI: Rgba = rgb(0xa9a5a5);
/// Dark green (kiosk paint, bins).
pub const MOSS: Rgba = rgb(0x3a5a48);
/// Dawn lilac, the high sky before sunrise.
pub const DAWN_LILAC: Rgba = rgb(0x6e5a8a);
/// Dawn rose.
pub const DAWN_ROSE: Rgba = rgb(0xb8627c);
/// Dawn pink.
pub const DAWN_PINK: Rgba = rgb(0xea9aa0);
/// Dawn gold.
pub const DAWN_GOLD: Rgba = rgb(0xf2c46e);
/// Pale dawn, near the sun.
pub const DAWN_PALE: Rgba = rgb(0xfae2ba);

/// Every colour of the palette (transparent first), in ramp order.
pub const ALL: [Rgba; 35] = [
    CLEAR,
    INK,
    NIGHT,
    SHADOW,
    SLATE,
    STEEL,
    MIST,
    FOG,
    WHITE,
    RIM,
    GLASS,
    SODIUM_DEEP,
    SODIUM_MID,
    SODIUM,
    SODIUM_HI,
    LAMP,
    SKIN_SH,
    SKIN,
    WOOD_DK,
    WOOD,
    WOOD_HI,
    HIVIS,
    HIVIS_DK,
    RUST_DK,
    RUST,
    RED,
    CONC_DK,
    CONC,
    CONC_HI,
    MOSS,
    DAWN_LILAC,
    DAWN_ROSE,
    DAWN_PINK,
    DAWN_GOLD,
    DAWN_PALE,
];
