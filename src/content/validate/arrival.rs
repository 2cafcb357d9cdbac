//! Arriving at a spawn point, the one check every way of arriving uses:
//! an exit's, a chapter's and a `GoTo` effect's.

use crate::content::schema::Level;
use crate::data::suggest;

/// What is wrong with arriving at the spawn point `spawn` of `level` (an
/// exit's, a chapter's or a `GoTo` effect's): it does not exist, or it is
/// inside a wall. One check for every way of arriving.
pub(super) fn spawn_problem(level: &Level, spawn: &str) -> Option<String> {
    let id = &level.id;
    let Some(point) = level.spawns.iter().find(|s| s.id == spawn) else {
        let ids: Vec<&str> = level.spawns.iter().map(|s| s.id.as_str()).collect();
        let hint = suggest::hint(spawn, &ids, "its spawn points");
        return Some(format!("level `{id}` has no spawn point `{spawn}`{hint}"));
    };
    level
        .walls
        .iter()
        .any(|wall| wall.contains(point.at))
        .then(|| format!("leads into a wall: spawn point `{spawn}` of `{id}` is inside one"))
}
