//! The game's own files built into the binary, with the `embed` feature
//! (`scripts/bundle.sh` builds the release that way): where no `levels/`
//! folder stands beside the binary or in the current folder, they are
//! unpacked once into the platform's cache folder
//! (`~/.cache/long-exposure/game-<fingerprint>` on Linux) and read from
//! there like any other copy, so the binary alone runs from anywhere.

use std::path::PathBuf;

#[cfg(feature = "embed")]
mod built_in {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The `levels/` folder of the files built in, unpacked (and `assets/`
/// beside it): `None` without the `embed` feature, or where they cannot
/// be written (said on stderr).
pub fn unpacked_levels() -> Option<PathBuf> {
    #[cfg(feature = "embed")]
    {
        let folder = crate::data::kept::game_folders()?
            .cache_dir()
            .join(format!("game-{:016x}", built_in::FINGERPRINT));
        match unpack(&folder, built_in::FILES) {
            Ok(()) => Some(folder.join("levels")),
            Err(problem) => {
                eprintln!("long-exposure: the built-in game files cannot be unpacked: {problem}");
                None
            }
        }
    }
    #[cfg(not(feature = "embed"))]
    None
}

/// Writes `files` (paths relative to `folder`, and their bytes) into
/// `folder` unless a finished copy is there: a marker written last says
/// the copy is whole.
#[cfg(any(feature = "embed", test))]
fn unpack(folder: &std::path::Path, files: &[(&str, &[u8])]) -> Result<(), String> {
    let whole = folder.join(".unpacked");
    if whole.is_file() {
        return Ok(());
    }
    for (relative, bytes) in files {
        let path = folder.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::write(&whole, b"").map_err(|e| format!("{}: {e}", whole.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_unpack_once_into_their_folder() {
        let folder = std::env::temp_dir().join(format!("le-unpack-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let files: &[(&str, &[u8])] = &[("levels/story.ron", b"()"), ("assets/a/b.png", b"png")];
        unpack(&folder, files).unwrap();
        assert_eq!(
            std::fs::read(folder.join("assets/a/b.png")).unwrap(),
            b"png"
        );
        // A finished copy is left as it is.
        std::fs::write(folder.join("levels/story.ron"), "changed").unwrap();
        unpack(&folder, files).unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("levels/story.ron")).unwrap(),
            "changed"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
