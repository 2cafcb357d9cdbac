//! Loading, part of the base: the files the game waits for before the
//! night can be played (the data, the art, the sounds), each capability
//! naming the ones it loads ([`StartupAssets::wait_for`]), and how far
//! they have come ([`LoadingProgress`]), which the title shows.

use bevy::asset::LoadState;
use bevy::prelude::*;

/// The files the game waits for at start-up.
#[derive(Resource, Debug, Default)]
pub struct StartupAssets(Vec<UntypedHandle>);

impl StartupAssets {
    /// Waits for `handle` too.
    pub fn wait_for(&mut self, handle: impl Into<UntypedHandle>) {
        self.0.push(handle.into());
    }
}

/// How many of the files waited for are done (loaded, or failed and
/// reported), of how many.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LoadingProgress {
    /// Files done.
    pub done: usize,
    /// Files waited for.
    pub total: usize,
}

impl LoadingProgress {
    /// Whether every file is done.
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }

    /// The share done, 0 to 1 (1 with nothing to wait for).
    pub fn share(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.done.min(self.total) as f32 / self.total as f32
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StartupAssets>()
        .init_resource::<LoadingProgress>()
        .add_systems(PreUpdate, measure);
}

fn measure(
    assets: Res<AssetServer>,
    startup: Res<StartupAssets>,
    mut progress: ResMut<LoadingProgress>,
) {
    let done = startup
        .0
        .iter()
        .filter(|handle| {
            matches!(
                assets.get_load_state(handle.id()),
                Some(LoadState::Loaded | LoadState::Failed(_))
            )
        })
        .count();
    progress.set_if_neq(LoadingProgress {
        done,
        total: startup.0.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_a_share_and_nothing_to_wait_for_is_finished() {
        let half = LoadingProgress { done: 3, total: 6 };
        assert_eq!(half.share(), 0.5);
        assert!(!half.finished());
        assert!(LoadingProgress::default().finished());
        assert_eq!(LoadingProgress::default().share(), 1.0);
    }
}
