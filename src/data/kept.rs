//! Files the game keeps for the player between runs (the lines seen, the
//! nights played): RON in the player's data folder, read once, written
//! whole through a temporary file renamed over the old one, and never
//! written over when they could not be read: such a file is reported
//! (`file:line:column: message`) and set aside beside itself
//! (`nights.unreadable.ron`), and a new one is begun.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::read_ron;

/// The player's data folder: `--data-dir DIR` when given, else the
/// platform's (`~/.local/share/long-exposure` on Linux).
pub fn player_folder(data_dir: Option<&Path>) -> Option<PathBuf> {
    match data_dir {
        Some(dir) => Some(dir.to_path_buf()),
        None => game_folders().map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// The platform's folders for the game (data, cache), if it has a home.
pub fn game_folders() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "long-exposure")
}

/// Tells the player what became of something kept for him (a photograph
/// kept in another folder, a save or settings that could not be written, a
/// roll that could not be developed); the interface shows it for a few
/// seconds on any screen.
#[derive(bevy::prelude::Event, Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

/// What was wrong with the kept files as they were read (each
/// `file:line:column: message`, and where the file was set aside), for
/// the title to say.
#[derive(bevy::prelude::Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct KeptProblems(pub Vec<String>);

impl KeptProblems {
    /// Adds `problems` to the world's.
    pub fn add(world: &mut bevy::prelude::World, problems: impl IntoIterator<Item = String>) {
        world
            .get_resource_or_insert_with(Self::default)
            .0
            .extend(problems);
    }
}

/// One kept file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFile {
    /// The file.
    pub path: PathBuf,
    /// Whether it could not be read nor set aside: then it is never
    /// written over.
    pub unreadable: bool,
    /// What was wrong with it when it was read, for the title to say.
    pub problem: Option<String>,
}

impl KeptFile {
    /// The file `name` in the player's data folder (see [`player_folder`]).
    pub fn choose(data_dir: Option<&Path>, name: &str) -> Option<Self> {
        player_folder(data_dir).map(|folder| Self {
            path: folder.join(name),
            unreadable: false,
            problem: None,
        })
    }

    /// What the file holds: `None` when it does not exist yet. A file that
    /// cannot be read is reported (`file:line:column: message`, kept in
    /// [`KeptFile::problem`]) and set aside, and the next write begins a
    /// new one; where it cannot be set aside it is marked unreadable and
    /// never written over.
    pub fn read<T: DeserializeOwned>(&mut self) -> Option<T> {
        if !self.path.exists() {
            return None;
        }
        match read_ron(&self.path) {
            Ok(value) => Some(value),
            Err(problem) => {
                let kept = match set_aside(&self.path) {
                    Ok(aside) => format!("set aside as {}", file_name(&aside)),
                    Err(why) => {
                        self.unreadable = true;
                        format!("left as it is and not written over: {why}")
                    }
                };
                let problem = format!("{problem} ({kept})");
                bevy::log::warn!("{problem}");
                self.problem = Some(problem);
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

/// Moves the file at `path` that could not be read out of the way, beside
/// itself (`save.ron` to `save.unreadable.ron`, then
/// `save.unreadable-2.ron`...), never over another file; returns where.
pub fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    let dot = if extension.is_empty() { "" } else { "." };
    let mut aside = path.with_file_name(format!("{stem}.unreadable{dot}{extension}"));
    let mut copy = 2;
    while aside.exists() {
        aside = path.with_file_name(format!("{stem}.unreadable-{copy}{dot}{extension}"));
        copy += 1;
    }
    std::fs::rename(path, &aside).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(aside)
}

/// The file name of `path`, for a line that names a file beside another.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Whether `path` is a file [`set_aside`] made.
pub fn is_set_aside(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().contains(".unreadable"))
}

/// Writes `bytes` to `path` whole: to `path` with `.new` added, flushed,
/// then renamed over `path`, so a crash leaves the old file or the new one,
/// never half of one (a half-written `.new` file is never read).
pub fn write_whole(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
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
        file.write_all(bytes.as_ref()).map_err(problem)?;
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
        let problem = kept.problem.clone().unwrap();
        assert!(problem.contains("nights.ron:1:"), "{problem}");
        assert!(
            problem.ends_with("(set aside as nights.unreadable.ron)"),
            "{problem}"
        );
        assert!(!kept.unreadable, "set aside, so a new file can begin");
        kept.write(&vec!["over".to_owned()]).unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("nights.unreadable.ron")).unwrap(),
            "[\"half",
            "a broken file is set aside, never written over"
        );
        assert_eq!(kept.read::<Vec<String>>(), Some(vec!["over".to_owned()]));
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn setting_aside_never_overwrites_an_earlier_one() {
        let folder = std::env::temp_dir().join(format!("aside-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("save.ron");
        for (n, aside) in ["save.unreadable.ron", "save.unreadable-2.ron"]
            .iter()
            .enumerate()
        {
            std::fs::write(&file, format!("broken {n}")).unwrap();
            assert_eq!(set_aside(&file).unwrap(), folder.join(aside));
            assert!(is_set_aside(&folder.join(aside)));
        }
        assert_eq!(
            std::fs::read_to_string(folder.join("save.unreadable.ron")).unwrap(),
            "broken 0"
        );
        assert!(!file.exists());
        assert!(set_aside(&file).is_err(), "nothing to set aside");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
