//! Files the loader never saw go on the problem board too; the UI shows the
//! board (`ui::problem_board`).

use bevy::prelude::*;

use bevy::asset::{AssetLoadError, AssetLoadFailedEvent};

use super::{DataRoots, LevelAsset, ProblemBoard, StoryAsset};
use crate::data::Diagnostic;

/// Puts what the loaders could not read on the board; runs before it is shown.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProblemSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            report_unreadable::<StoryAsset>,
            report_unreadable::<LevelAsset>,
        )
            .chain()
            .in_set(ProblemSystems),
    );
}

/// A file the loader never saw (missing, unreadable) goes on the board
/// too; the loader itself reports what is wrong inside a file.
fn report_unreadable<A: Asset>(
    mut failures: MessageReader<AssetLoadFailedEvent<A>>,
    roots: Res<DataRoots>,
    board: Res<ProblemBoard>,
) {
    for failure in failures.read() {
        if let AssetLoadError::AssetReaderError(error) = &failure.error {
            let relative = failure.path.path();
            let file = roots
                .0
                .resolve(relative)
                .unwrap_or_else(|_| relative.to_path_buf());
            let problem = Diagnostic::error(&file, None, format!("cannot read the file: {error}"));
            board.set(&file, vec![problem]);
        }
    }
}
