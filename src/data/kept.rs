//! Files the game keeps for the player between runs (the lines seen, the
//! nights played): RON in the player's data folder, read once, written
//! whole through a temporary file renamed over the old one, and never
//! written over when they could not be read.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::read_ron;

/// The player's data folder: `--data-dir DIR` when given, else the
/// platform's (`~/.local/share/long-exposure` on Linux).
pub fn player_folder(data_dir: Option<&Path>) -> Option<PathBuf> {
    match data_dir {
        Some(dir) => Some(dir.to_path_buf()),
        None => directories::ProjectDirs::from("", "", "long-exposure")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// One kept file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFile {
    /// The file.
    pub path: PathBuf,
    /// Whether it could not be read: then it is never written over.
    pub unreadable: bool,
}

impl KeptFile {
    /// The file `name` in the player's data folder (see [`player_folder`]).
    pub fn choose(data_dir: Option<&Path>, name: &str) -> Option<Self> {
        player_folder(data_dir).map(|folder| Self {
            path: folder.join(name),
            unreadable: false,
        })
    }

    /// What the file holds: `None` when it does not exist yet. A file that
    /// cannot be read is reported (`file:line:column: message`), marked
    /// unreadable and left as it is.
    pub fn read<T: DeserializeOwned>(&mut self) -> Option<T> {
        if !self.path.exists() {
            return None;
        }
        match read_ron(&self.path) {
            Ok(value) => Some(value),
            Err(problem) => {
                bevy::log::warn!("{problem} (the file is left as it is, and not written over)");
                self.unreadable = true;
                None
            }
        }
    }

    /// Writes `value` whole: to a temporary file beside it, flushed, then
    /// renamed over the old one, so a crash leaves the old file or the new
    /// one, never half of one. An unreadable file is left alone.
    pub fn write<T: Serialize>(&self, value: &T) -> Result<(), String> {
        if self.unreadable {
            return Ok(());
        }
        write_whole(&self.path, &to_ron(value)?)
    }
}

/// `value` as the RON text the game keeps: pretty, with struct names
/// (`Save(...)`, `Settings(...)`), so a player reading the file knows what
/// it holds.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, String> {
    let pretty = ron::ser::PrettyConfig::default().struct_names(true);
    ron::ser::to_string_pretty(value, pretty).map_err(|e| e.to_string())
}

/// Writes `text` to `path` whole: to `path` with `.new` added, flushed,
/// then renamed over `path`, so a crash leaves the old file or the new one,
/// never half of one (a half-written `.new` file is never read).
pub fn write_whole(path: &Path, text: &str) -> Result<(), String> {
    let problem = |e: std::io::Error| format!("{}: {e}", path.display());
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(problem)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".new");
    let temporary = PathBuf::from(temporary);
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&temporary).map_err(problem)?;
        file.write_all(text.as_bytes()).map_err(problem)?;
        file.sync_all().map_err(problem)?;
    }
    std::fs::rename(&temporary, path).map_err(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_whole_read_back_and_a_broken_file_left_alone() {
        let folder = std::env::temp_dir().join(format!("kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let mut kept = KeptFile::choose(Some(&folder), "nights.ron").unwrap();
        assert_eq!(kept.read::<Vec<String>>(), None, "no file yet");
        kept.write(&vec!["the_reflection".to_owned()]).unwrap();
        assert_eq!(
            kept.read::<Vec<String>>(),
            Some(vec!["the_reflection".to_owned()])
        );
        assert!(!folder.join("nights.ron.new").exists(), "renamed away");

        std::fs::write(&kept.path, "[\"half").unwrap();
        assert_eq!(kept.read::<Vec<String>>(), None);
        assert!(kept.unreadable);
        kept.write(&vec!["over".to_owned()]).unwrap();
        assert_eq!(
            std::fs::read_to_string(&kept.path).unwrap(),
            "[\"half",
            "a broken file is never written over"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
