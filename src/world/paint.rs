//! The primitives the world is drawn with: what it is drawn with
//! ([`Drawing`]: the sheets and the asset server, where there is a
//! renderer), data colours, pictures for the renderer, and a level part as a
//! rectangle or a tiled image.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::parts::LevelEntity;
use crate::art::sheets::{Animated, SpriteSheets};
use crate::content::schema::{Area, Colour, Level};
use crate::states::Screen;

/// A data colour as a Bevy colour.
pub fn colour(Colour([r, g, b, a]): Colour) -> Color {
    Color::srgba_u8(r, g, b, a)
}

/// A level part: a rectangle of `size` with its bottom-left at `corner`.
pub(super) fn block(
    name: &'static str,
    color: Color,
    corner: Vec2,
    size: Vec2,
    z: f32,
) -> impl Bundle {
    (
        Name::new(name),
        LevelEntity,
        Sprite::from_color(color, size),
        Transform::from_translation((corner + size / 2.0).extend(z)),
        DespawnOnExit(Screen::Playing),
    )
}

pub(super) fn area_block(name: &'static str, color: Color, area: &Area, z: f32) -> impl Bundle {
    block(
        name,
        color,
        Vec2::new(area.x, area.y),
        Vec2::new(area.w, area.h),
        z,
    )
}

/// `image` repeated across `size` (and up it, with `tile_y`).
pub(super) fn tiled(image: Handle<Image>, size: Vec2, tile_y: bool) -> Sprite {
    Sprite {
        image,
        custom_size: Some(size),
        image_mode: SpriteImageMode::Tiled {
            tile_x: true,
            tile_y,
            stretch_value: 1.0,
        },
        ..default()
    }
}

/// An RGBA picture `width` by `height`, rows top first, for the renderer.
pub(super) fn picture(width: u32, height: u32, pixels: Vec<u8>) -> Image {
    Image::new(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        pixels,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    )
}

/// What a level is drawn with where there is a renderer: image layers load
/// through `assets`, lights glow with a falloff picture made to their size,
/// and sprites with a generated sheet are drawn from it.
#[derive(Clone, Copy, Default)]
pub struct Drawing<'a> {
    /// Loads image layers.
    pub assets: Option<&'a AssetServer>,
    /// The generated sprite sheets.
    pub sheets: Option<&'a SpriteSheets>,
}

impl Drawing<'_> {
    /// The tile `tile` of the level's tile set, if it has one and the art
    /// is there.
    pub(super) fn tile(&self, level: &Level, tile: &str) -> Option<(Handle<Image>, Vec2)> {
        self.sheets?.tile(level.tiles.as_deref()?, tile)
    }

    /// The sprite `name`, `size` large, from its sheet playing `animation`,
    /// else its placeholder colour.
    pub(super) fn sprite(
        &self,
        name: &str,
        animation: &str,
        size: Vec2,
        colour: Color,
    ) -> (Sprite, Option<Animated>) {
        match self.sheets.and_then(|s| s.sprite(name, animation, size)) {
            Some((sprite, animated)) => (sprite, Some(animated)),
            None => (Sprite::from_color(colour, size), None),
        }
    }
}
