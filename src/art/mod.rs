//! Generated pixel art: every sprite sheet, tile sheet, skyline and
//! backdrop the game draws, made by code from one palette at one pixel
//! scale. The output is deterministic: the same bytes on every run.
//!
//! `sheets()` builds everything in memory; `write_all` writes one PNG per
//! sheet plus a `sheets.ron` manifest of frame sizes and animations.

pub mod atlas;
pub mod canvas;
pub mod palette;
pub mod sheets;
pub mod skyline;

mod animals;
mod figure;
pub mod icon;
mod lev;
mod passers_by;
mod people;
mod props_street;
mod props_tower;
mod props_warehouse;
mod scenery;
mod tiles;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use canvas::Canvas;

pub(super) fn plugin(app: &mut bevy::prelude::App) {
    sheets::plugin(app);
}

/// One animation of a sheet: `frames` frames starting at frame index
/// `first` (row-major over the sheet's grid), played at `fps`.
#[derive(Clone, Debug, PartialEq)]
pub struct Animation {
    /// Name the game asks for ("idle", "walk", "lit"...).
    pub name: &'static str,
    /// Row of the grid the animation starts on.
    pub row: u32,
    /// Index of its first frame, row-major (`row * columns + column`).
    pub first: u32,
    /// How many frames, consecutive from `first`.
    pub frames: u32,
    /// Playback speed in frames per second (0 for a still).
    pub fps: f32,
}

/// A sprite sheet: equal frames laid out in a grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Sprite name, as levels use it; the PNG is `<name>.png`.
    pub name: &'static str,
    /// Size of one frame in virtual pixels.
    pub frame_size: (u32, u32),
    /// The animations (for tile sheets: one single-frame entry per tile).
    pub animations: Vec<Animation>,
    /// The whole sheet.
    pub image: Canvas,
}

impl Sheet {
    /// Frames per row of the grid.
    pub fn columns(&self) -> u32 {
        self.image.width / self.frame_size.0.max(1)
    }

    /// Rows of the grid.
    pub fn rows(&self) -> u32 {
        self.image.height / self.frame_size.1.max(1)
    }

    /// A sheet with one row per animation: (name, fps, frames).
    pub(crate) fn from_rows(
        name: &'static str,
        frame_size: (u32, u32),
        rows: Vec<(&'static str, f32, Vec<Canvas>)>,
    ) -> Sheet {
        let (fw, fh) = frame_size;
        let columns = rows
            .iter()
            .map(|r| r.2.len() as u32)
            .max()
            .unwrap_or(1)
            .max(1);
        let mut image = Canvas::new(fw * columns, fh * rows.len().max(1) as u32);
        let mut animations = Vec::new();
        for (row, (anim, fps, frames)) in rows.into_iter().enumerate() {
            for (col, frame) in frames.iter().enumerate() {
                let clip = frame.crop(0, 0, fw, fh);
                image.blit(&clip, (col as u32 * fw) as i32, (row as u32 * fh) as i32);
            }
            animations.push(Animation {
                name: anim,
                row: row as u32,
                first: row as u32 * columns,
                frames: frames.len() as u32,
                fps,
            });
        }
        Sheet {
            name,
            frame_size,
            animations,
            image,
        }
    }

    /// A single-frame sheet named `name` with one still animation "idle".
    pub(crate) fn still(name: &'static str, image: Canvas) -> Sheet {
        Sheet::from_rows(
            name,
            (image.width, image.height),
            vec![("idle", 0.0, vec![image])],
        )
    }

    /// A tile sheet: each named tile is a one-frame animation, `columns`
    /// tiles to a row.
    pub(crate) fn tiles(
        name: &'static str,
        size: u32,
        columns: u32,
        tiles: Vec<(&'static str, Canvas)>,
    ) -> Sheet {
        let columns = columns.max(1);
        let rows = (tiles.len() as u32).div_ceil(columns).max(1);
        let mut image = Canvas::new(size * columns, size * rows);
        let mut animations = Vec::new();
        for (i, (tile, canvas)) in tiles.into_iter().enumerate() {
            let (col, row) = (i as u32 % columns, i as u32 / columns);
            image.blit(
                &canvas.crop(0, 0, size, size),
                (col * size) as i32,
                (row * size) as i32,
            );
            animations.push(Animation {
                name: tile,
                row,
                first: i as u32,
                frames: 1,
                fps: 0.0,
            });
        }
        Sheet {
            name,
            frame_size: (size, size),
            animations,
            image,
        }
    }
}

/// Every sheet the game uses: one per sprite in `content::sprites` (same
/// name), plus tiles, skylines, rain and the title backdrop.
pub fn sheets() -> Vec<Sheet> {
    let mut all = Vec::new();
    all.extend(lev::sheets());
    all.extend(people::sheets());
    all.extend(passers_by::sheets());
    all.extend(animals::sheets());
    all.extend(props_warehouse::sheets());
    all.extend(props_street::sheets());
    all.extend(props_tower::sheets());
    all.extend(tiles::sheets());
    all.extend(scenery::sheets());
    all
}

/// The canvas as PNG bytes (RGBA8, no metadata, the same bytes every run).
pub fn encode_png(canvas: &Canvas) -> Result<Vec<u8>, String> {
    use image::ImageEncoder;
    let raw: Vec<u8> = canvas
        .pixels
        .iter()
        .flat_map(|p| p.iter().copied())
        .collect();
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(
            &raw,
            canvas.width,
            canvas.height,
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| format!("encoding a {}x{} PNG: {e}", canvas.width, canvas.height))?;
    Ok(bytes)
}

/// The `sheets.ron` manifest text for these sheets.
pub fn manifest(sheets: &[Sheet]) -> String {
    let mut out = String::from(
        "// Generated by src/art: every sheet, its frame size and animations.\n\
         // `first` is the index of an animation's first frame, row-major.\n[\n",
    );
    let (packed, _) = atlas::layout(sheets);
    for (s, at) in sheets.iter().zip(packed) {
        out.push_str(&format!(
            "    (\n        name: {:?},\n        file: \"{}.png\",\n        frame_size: ({}, {}),\n        columns: {},\n        rows: {},\n",
            s.name, s.name, s.frame_size.0, s.frame_size.1, s.columns(), s.rows()
        ));
        if let Some((x, y)) = at {
            out.push_str(&format!("        atlas: ({x}, {y}),\n"));
        }
        out.push_str("        animations: [\n");
        for a in &s.animations {
            out.push_str(&format!(
                "            (name: {:?}, row: {}, first: {}, frames: {}, fps: {:?}),\n",
                a.name, a.row, a.first, a.frames, a.fps
            ));
        }
        out.push_str("        ],\n    ),\n");
    }
    out.push_str("]\n");
    out
}

/// Whether the game draws this sheet's frames repeated (floors, walls and
/// rain): each of its frames is written as a picture of its own too, for
/// Bevy's tiled sprites, which repeat a whole image.
pub fn is_tiling(name: &str) -> bool {
    name.starts_with("tiles_") || name == "rain"
}

/// The file a tiling sheet's frame is written to: `<sheet>-<animation>.png`
/// for a one-frame animation, else `<sheet>-<animation>-<i>.png`.
fn frame_file(sheet: &str, animation: &Animation, i: u32) -> String {
    if animation.frames == 1 {
        format!("{sheet}-{}.png", animation.name)
    } else {
        format!("{sheet}-{}-{i}.png", animation.name)
    }
}

/// The window icon's file ([`icon::icon`]).
pub const ICON: &str = "icon.png";

/// Every file the generator writes, by name, with its bytes: each sheet's
/// PNG, each frame of a tiling sheet ([`is_tiling`]), the atlas, the
/// window's icon and `sheets.ron`.
pub fn files() -> Result<Vec<(String, Vec<u8>)>, String> {
    let all = sheets();
    let mut files = Vec::new();
    for sheet in &all {
        files.push((format!("{}.png", sheet.name), encode_png(&sheet.image)?));
        if !is_tiling(sheet.name) {
            continue;
        }
        let (w, h) = sheet.frame_size;
        let columns = sheet.columns().max(1);
        for animation in &sheet.animations {
            for i in 0..animation.frames {
                let index = animation.first + i;
                let (x, y) = ((index % columns) * w, (index / columns) * h);
                let frame = sheet.image.crop(x as i32, y as i32, w, h);
                files.push((frame_file(sheet.name, animation, i), encode_png(&frame)?));
            }
        }
    }
    files.push((sheets::ATLAS.to_owned(), encode_png(&atlas::picture(&all))?));
    files.push((ICON.to_owned(), encode_png(&icon::icon())?));
    files.push(("sheets.ron".to_owned(), manifest(&all).into_bytes()));
    Ok(files)
}

/// Writes every one of [`files`] into `dir`; returns the paths written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, bytes) in files()? {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
