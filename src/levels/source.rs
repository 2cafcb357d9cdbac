//! The `levels://` asset source: reads from the mods folder first, then the
//! base folder, refuses paths that leave them, and watches both for changes.
//! A file deleted (or renamed away) is reloaded like a changed one: a mod
//! file gone gives way to the base file it overrode, and a file gone from
//! both is dropped from the data at the next look (Bevy's server alone
//! would keep the deleted file's last contents in play).

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use bevy::asset::io::file::{FileAssetReader, FileWatcher};
use bevy::asset::io::{
    AssetReader, AssetReaderError, AssetSourceBuilder, AssetSourceEvent, AssetWatcher, PathStream,
    Reader,
};
use bevy::prelude::*;

use crate::content::roots::Roots;

/// The asset source name: `levels://warehouse.level.ron`.
pub const SOURCE: &str = "levels";

/// How long the watcher waits for a burst of file events to settle.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Registers [`SOURCE`] over `roots`. Call before `AssetPlugin` is added.
pub fn register(app: &mut App, roots: &Roots) {
    let reader_roots = roots.clone();
    let watch_roots = roots.clone();
    app.register_asset_source(
        SOURCE,
        AssetSourceBuilder::new(move || Box::new(OverlayReader::new(reader_roots.clone())))
            .with_watcher(move |sender| {
                let sender = removals_as_changes(sender);
                let watchers: Vec<FileWatcher> = watch_roots
                    .mods
                    .iter()
                    .chain([&watch_roots.base])
                    .filter(|root| root.is_dir())
                    .filter_map(|root| {
                        FileWatcher::new(root.clone(), sender.clone(), DEBOUNCE).ok()
                    })
                    .collect();
                Some(Box::new(Watchers {
                    _watchers: watchers,
                }) as Box<dyn AssetWatcher>)
            }),
    );
}

/// A sender for the file watchers that passes their events on to `server`,
/// a file deleted or renamed away passed on as changed, so that it is read
/// again from wherever it now resolves. The thread passing them on ends
/// when the watchers (the senders) are gone.
fn removals_as_changes(
    server: async_channel::Sender<AssetSourceEvent>,
) -> async_channel::Sender<AssetSourceEvent> {
    let (sender, receiver) = async_channel::unbounded::<AssetSourceEvent>();
    let passing_on = std::thread::Builder::new()
        .name("levels watcher".into())
        .spawn(move || {
            while let Ok(event) = receiver.recv_blocking() {
                for event in as_changes(event) {
                    if server.send_blocking(event).is_err() {
                        return;
                    }
                }
            }
        });
    if let Err(why) = passing_on {
        warn!("deleted data files will not be noticed while the game runs: {why}");
    }
    sender
}

/// `event`, with a file deleted or renamed away turned into a change of it.
fn as_changes(event: AssetSourceEvent) -> Vec<AssetSourceEvent> {
    match event {
        AssetSourceEvent::RemovedAsset(path)
        | AssetSourceEvent::RemovedUnknown {
            path,
            is_meta: false,
        } => vec![AssetSourceEvent::ModifiedAsset(path)],
        AssetSourceEvent::RenamedAsset { old, new } => vec![
            AssetSourceEvent::ModifiedAsset(old),
            AssetSourceEvent::AddedAsset(new),
        ],
        event => vec![event],
    }
}

/// File watchers over each root; events arrive while they live.
struct Watchers {
    _watchers: Vec<FileWatcher>,
}

impl AssetWatcher for Watchers {}

/// Reads a relative path from the mods folder if it has the file, else from
/// the base folder.
struct OverlayReader {
    roots: Roots,
    base: FileAssetReader,
    mods: Option<FileAssetReader>,
}

impl OverlayReader {
    fn new(roots: Roots) -> Self {
        Self {
            base: FileAssetReader::new(&roots.base),
            mods: roots.mods.as_ref().map(FileAssetReader::new),
            roots,
        }
    }

    /// The reader whose root holds `path`, after refusing unsafe paths.
    fn reader_for(&self, path: &Path) -> Result<&FileAssetReader, AssetReaderError> {
        let full = self
            .roots
            .resolve(path)
            .map_err(|why| AssetReaderError::Io(Arc::new(io::Error::other(why))))?;
        Ok(match (&self.mods, &self.roots.mods) {
            (Some(mods), Some(root)) if full.starts_with(root) => mods,
            _ => &self.base,
        })
    }
}

impl AssetReader for OverlayReader {
    async fn read<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        self.reader_for(path)?.read(path).await
    }

    async fn read_meta<'a>(&'a self, path: &'a Path) -> Result<impl Reader + 'a, AssetReaderError> {
        self.reader_for(path)?.read_meta(path).await
    }

    async fn read_directory<'a>(
        &'a self,
        path: &'a Path,
    ) -> Result<Box<PathStream>, AssetReaderError> {
        self.reader_for(path)?.read_directory(path).await
    }

    async fn is_directory<'a>(&'a self, path: &'a Path) -> Result<bool, AssetReaderError> {
        self.reader_for(path)?.is_directory(path).await
    }
}
