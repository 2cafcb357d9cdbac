//! Faults of the disk, made on purpose: a folder that is a file, a folder
//! that cannot be written, a file cut short mid-write, and what a process
//! ended mid-write leaves. As root `chmod` stops no write, so an unwritable
//! folder is a read-only tmpfs where the machine lets the tests mount one,
//! else a path under a regular file (nothing can be made there by anyone).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Makes `name` in `dir` a regular file where a folder is expected, and
/// returns its path: nothing can be made under it.
pub fn folder_is_a_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let _ = std::fs::remove_dir_all(&path);
    std::fs::write(&path, b"a file where a folder should be\n").unwrap();
    path
}

/// A folder nothing can be written in, removed (unmounted) when dropped.
pub struct ReadOnlyFolder {
    path: PathBuf,
    mounted: bool,
}

/// Runs `mount` with `args` over `path`: whether it did.
fn mount(args: &[&str], path: &Path) -> bool {
    Command::new("mount")
        .args(args)
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

impl ReadOnlyFolder {
    /// A read-only folder `name` in `dir`: a read-only tmpfs mounted there
    /// where the machine allows it, else a path under a regular file.
    pub fn new(dir: &Path, name: &str) -> Self {
        Self::holding(dir, name, &[])
    }

    /// As [`ReadOnlyFolder::new`], holding `files` (name, bytes) where the
    /// machine allows a mount ([`ReadOnlyFolder::holds_files`]).
    pub fn holding(dir: &Path, name: &str, files: &[(&str, &[u8])]) -> Self {
        let path = dir.join(name);
        std::fs::create_dir_all(&path).unwrap();
        if mount(&["-t", "tmpfs", "-o", "size=4m", "tmpfs"], &path) {
            for (file, bytes) in files {
                std::fs::write(path.join(file), bytes).unwrap();
            }
            let read_only = mount(&["-o", "remount,ro"], &path);
            let folder = Self {
                path,
                mounted: true,
            };
            assert!(read_only, "the tmpfs turns read-only");
            return folder;
        }
        std::fs::remove_dir(&path).unwrap();
        let under = folder_is_a_file(dir, &format!("{name}-is-a-file"));
        Self {
            path: under.join(name),
            mounted: false,
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether it holds the files it was given (a tmpfs was mounted).
    pub fn holds_files(&self) -> bool {
        self.mounted
    }

    /// Lets it be written from now on, as a disk that has room again.
    pub fn allow_writes(&mut self) {
        if self.mounted {
            assert!(mount(&["-o", "remount,rw"], &self.path), "remounted");
        } else if let Some(file) = self.path.parent() {
            std::fs::remove_file(file).unwrap();
        }
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.path).output();
        }
    }
}

/// Cuts the file at `path` short, keeping the first `share` of its bytes
/// (0 to 1): what a disk that filled up mid-write leaves.
pub fn cut_short(path: &Path, share: f32) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let kept = &bytes[..(bytes.len() as f32 * share) as usize];
    std::fs::write(path, kept).unwrap();
    kept.to_vec()
}

/// What a process ended while writing `bytes` whole to `path` leaves: the
/// first half in the temporary file beside it (`path` with `.new` added).
pub fn ended_mid_write(path: &Path, bytes: &[u8]) -> PathBuf {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".new");
    let temporary = PathBuf::from(temporary);
    if let Some(folder) = temporary.parent() {
        std::fs::create_dir_all(folder).unwrap();
    }
    std::fs::write(&temporary, &bytes[..bytes.len() / 2]).unwrap();
    temporary
}
