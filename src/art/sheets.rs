//! The generated sheets in play: `assets/art/sheets.ron` read once at
//! start-up, each sheet's PNG loaded as an image with its atlas, and the
//! [`Animated`] component that steps a sprite through an animation's frames.
//! Headless there is no renderer, so no sheets: sprites keep their
//! placeholder colours.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::loading::StartupAssets;
use serde::Deserialize;

use crate::data::{Diagnostic, parse_ron, read_text};

/// The manifest's file name, beside the sheets.
const MANIFEST: &str = "sheets.ron";
/// The folder, under the assets folder, that holds the sheets.
pub const FOLDER: &str = "art";
/// The picture every packed sheet is drawn from.
pub const ATLAS: &str = "atlas.png";

/// One animation as the manifest lists it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AnimationEntry {
    /// The name sprites ask for ("idle", "walk"...).
    pub name: String,
    /// The grid row it starts on.
    pub row: u32,
    /// Its first frame, row-major over the grid.
    pub first: u32,
    /// How many frames, consecutive from `first`.
    pub frames: u32,
    /// Frames per second (0 for a still).
    pub fps: f32,
}

/// One sheet as the manifest lists it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SheetEntry {
    /// The sprite name levels use.
    pub name: String,
    /// The PNG beside the manifest.
    pub file: String,
    /// One frame's size in virtual pixels.
    pub frame_size: (u32, u32),
    /// Frames per row.
    pub columns: u32,
    /// Rows of frames.
    pub rows: u32,
    /// Where its frames lie in `atlas.png`, which the game draws from
    /// (none: only in its own file).
    #[serde(default)]
    pub atlas: Option<(u32, u32)>,
    /// Its animations.
    pub animations: Vec<AnimationEntry>,
}

/// Reads the manifest at `path`.
fn read_manifest(path: &Path) -> Result<Vec<SheetEntry>, Diagnostic> {
    let text = read_text(path)?;
    parse_ron(path, &text)
}

/// A sheet ready to draw: its image, its atlas and its animations.
#[derive(Clone, Debug)]
struct LoadedSheet {
    image: Handle<Image>,
    layout: Handle<TextureAtlasLayout>,
    frame_size: UVec2,
    animations: Vec<AnimationEntry>,
    /// Drawn from the atlas, not a picture of its own.
    packed: bool,
}

/// Every generated sheet, by sprite name. Exists only where a renderer does.
#[derive(Resource)]
pub struct SpriteSheets {
    sheets: HashMap<String, LoadedSheet>,
    assets: AssetServer,
}

impl SpriteSheets {
    /// `name`'s sheet, at the first frame of its `animation` (or of its
    /// first animation), `size` virtual pixels large, playing.
    pub fn sprite(&self, name: &str, animation: &str, size: Vec2) -> Option<(Sprite, Animated)> {
        let sheet = self.sheets.get(name)?;
        let animated = Animated::of(sheet, animation)?;
        let sprite = Sprite {
            image: sheet.image.clone(),
            texture_atlas: Some(TextureAtlas {
                layout: sheet.layout.clone(),
                index: animated.first,
            }),
            custom_size: Some(size),
            ..default()
        };
        Some((sprite, animated))
    }

    /// Whether `name`'s sheet has an animation called `animation`.
    pub fn has(&self, name: &str, animation: &str) -> bool {
        self.sheets
            .get(name)
            .is_some_and(|sheet| sheet.animations.iter().any(|a| a.name == animation))
    }

    /// `name`'s `animation`, to switch a playing sprite to.
    pub fn animation(&self, name: &str, animation: &str) -> Option<Animated> {
        Animated::of(self.sheets.get(name)?, animation)
    }

    /// The whole image of the sheet `name` (backdrops and skylines) and
    /// its size; none for a sheet packed into the atlas.
    pub fn image(&self, name: &str) -> Option<(Handle<Image>, Vec2)> {
        let sheet = self.sheets.get(name).filter(|s| !s.packed)?;
        Some((sheet.image.clone(), sheet.frame_size.as_vec2()))
    }

    /// The tile `tile` of the tiling sheet `set` as an image of its own
    /// (written beside the sheet by the generator), and its size.
    pub fn tile(&self, set: &str, tile: &str) -> Option<(Handle<Image>, Vec2)> {
        let sheet = self.sheets.get(set)?;
        let entry = sheet.animations.iter().find(|a| a.name == tile)?;
        let file = format!("{set}-{}.png", entry.name);
        let image = self.assets.load(format!("{FOLDER}/{file}"));
        Some((image, sheet.frame_size.as_vec2()))
    }
}

/// A sprite stepping through one animation of its sheet.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Animated {
    /// The animation's name.
    pub name: String,
    first: usize,
    frames: usize,
    fps: f32,
    /// Seconds since the animation began.
    elapsed: f32,
    /// Held on its current frame.
    pub paused: bool,
}

impl Animated {
    fn of(sheet: &LoadedSheet, name: &str) -> Option<Self> {
        let entry = sheet
            .animations
            .iter()
            .find(|a| a.name == name)
            .or_else(|| sheet.animations.first())?;
        Some(Self {
            name: entry.name.clone(),
            first: entry.first as usize,
            frames: entry.frames.max(1) as usize,
            fps: entry.fps,
            elapsed: 0.0,
            paused: false,
        })
    }

    /// The frame shown `elapsed` seconds in, looping.
    pub fn frame(&self) -> usize {
        let step = (self.elapsed * self.fps).floor() as usize;
        self.first + step % self.frames
    }
}

/// The system that steps every [`Animated`] sprite, in `PostUpdate`:
/// choose animations before it.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AnimationSystems;

pub(super) fn plugin(app: &mut App) {
    // First thing, so the sheets load while the title comes up.
    app.add_systems(PreStartup, load_sheets)
        .add_systems(PostUpdate, animate.in_set(AnimationSystems));
}

/// Where the assets folder is: beside the data folder's parent, as the
/// asset plugin is told in a window.
fn manifest_path(assets: &Path) -> PathBuf {
    assets.join(FOLDER).join(MANIFEST)
}

/// The assets folder the windowed app reads art from.
#[derive(Resource, Clone, Debug)]
pub struct AssetsFolder(pub PathBuf);

fn load_sheets(
    folder: Option<Res<AssetsFolder>>,
    assets: Res<AssetServer>,
    images: Option<Res<Assets<Image>>>,
    mut layouts: Option<ResMut<Assets<TextureAtlasLayout>>>,
    mut startup: ResMut<StartupAssets>,
    mut commands: Commands,
) {
    let (Some(folder), Some(_), Some(layouts)) = (folder, images, layouts.as_deref_mut()) else {
        return;
    };
    let manifest = match read_manifest(&manifest_path(&folder.0)) {
        Ok(manifest) => manifest,
        Err(problem) => {
            // The game plays on in placeholder shapes.
            error!("{problem}");
            return;
        }
    };
    let atlas: Handle<Image> = assets.load(format!("{FOLDER}/{ATLAS}"));
    startup.wait_for(atlas.clone());
    let sheets = manifest
        .into_iter()
        .map(|entry| {
            // A packed sheet is drawn from the atlas, its grid where it lies
            // there; any other from its own file.
            let image = match entry.atlas {
                Some(_) => atlas.clone(),
                None => {
                    let image: Handle<Image> = assets.load(format!("{FOLDER}/{}", entry.file));
                    startup.wait_for(image.clone());
                    image
                }
            };
            let layout = TextureAtlasLayout::from_grid(
                UVec2::new(entry.frame_size.0, entry.frame_size.1),
                entry.columns,
                entry.rows,
                None,
                entry.atlas.map(|(x, y)| UVec2::new(x, y)),
            );
            let sheet = LoadedSheet {
                image,
                layout: layouts.add(layout),
                frame_size: UVec2::new(entry.frame_size.0, entry.frame_size.1),
                animations: entry.animations,
                packed: entry.atlas.is_some(),
            };
            (entry.name, sheet)
        })
        .collect();
    commands.insert_resource(SpriteSheets {
        sheets,
        assets: assets.clone(),
    });
}

fn animate(time: Res<Time>, mut sprites: Query<(&mut Animated, &mut Sprite)>) {
    for (mut animated, mut sprite) in &mut sprites {
        if animated.frames > 1 && animated.fps > 0.0 && !animated.paused {
            animated.elapsed += time.delta_secs();
        }
        let frame = animated.frame();
        if let Some(atlas) = &mut sprite.texture_atlas
            && atlas.index != frame
        {
            atlas.index = frame;
        }
    }
}
