//! The palette: noir at night, sodium-orange light, paper-white text.

use bevy::prelude::*;

/// Deepest night: screen background and solid text panels.
pub const NIGHT: Color = Color::srgb(0.02, 0.03, 0.06);
/// The panel behind menus and overlays; opaque enough to read on any scene.
pub const PANEL: Color = Color::srgba(0.03, 0.04, 0.08, 0.92);
/// Sodium street-lamp orange: highlights and the selected item.
pub const SODIUM: Color = Color::srgb(1.0, 0.66, 0.26);
/// Main text colour.
pub const PAPER: Color = Color::srgb(0.90, 0.88, 0.82);
/// Secondary text.
pub const DIM: Color = Color::srgb(0.55, 0.56, 0.62);

/// Text size of titles, in logical pixels.
pub const TITLE_SIZE: f32 = 64.0;
/// Text size of menu items and body text.
pub const BODY_SIZE: f32 = 28.0;
/// Text size of text to read in play (inspections, later dialogue).
pub const READING_SIZE: f32 = 22.0;
/// Text size of hints and captions.
pub const SMALL_SIZE: f32 = 18.0;
