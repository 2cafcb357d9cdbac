//! With the `embed` feature, the game's own files (`levels/`, `assets/`,
//! `playthroughs/`) are built into the binary, so that a copy of it alone
//! runs anywhere (see `src/content/embedded.rs`). This writes the list of
//! them, each as `include_bytes!`, to `$OUT_DIR/embedded.rs`; without the
//! feature it writes nothing and costs nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folders built in, relative to the crate's root.
const FOLDERS: [&str; 3] = ["levels", "assets", "playthroughs"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_EMBED").is_none() {
        return;
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for folder in FOLDERS {
        println!("cargo::rerun-if-changed={folder}");
        collect(&root, &root.join(folder), &mut files);
    }
    files.sort();
    // A fingerprint of every file's name and bytes: the unpacked copy is
    // named by it, so a changed build never reads an older copy.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut table = String::from("/// Every file built in: its path and its bytes.\n");
    table.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, path) in &files {
        for byte in relative
            .bytes()
            .chain(std::fs::read(path).expect("readable"))
        {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            table,
            "    ({relative:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("a string");
    }
    table.push_str("];\n");
    writeln!(
        table,
        "/// A fingerprint of the files built in.\npub const FINGERPRINT: u64 = {hash};"
    )
    .expect("a string");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("embedded.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}

/// Every file under `folder`, with its path from `root` (`/` between parts).
fn collect(root: &Path, folder: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((parts.join("/"), path));
        }
    }
}
