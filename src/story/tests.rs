//! The hub alone, in the manner of Bevy's `tests/how_to_test_apps.rs`: the
//! base (states, loading, input, settings, the data's loading) and the story plugin
//! on `MinimalPlugins`, with no capability plugin, build and play the
//! night's clock.

use std::time::{Duration, Instant};

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use super::StoryState;
use crate::content::Roots;
use crate::levels::{self, DataStatus, NightData};
use crate::states::Screen;
use crate::{input, loading, settings, states};

/// The base and the story, nothing else; one frame is a tenth of a second.
fn hub_alone() -> App {
    let mut app = App::new();
    levels::register(
        &mut app,
        Roots {
            base: Roots::default_base(),
            mods: None,
        },
    );
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        AssetPlugin::default(),
        InputPlugin,
        states::plugin,
        loading::plugin,
        input::plugin,
        settings::plugin,
        levels::plugin,
        super::plugin,
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    app
}

#[test]
fn the_story_plays_on_the_base_alone() {
    let mut app = hub_alone();
    let began = Instant::now();
    while *app.world().resource::<DataStatus>() == DataStatus::Loading
        && began.elapsed() < Duration::from_secs(10)
    {
        app.update();
        std::thread::sleep(Duration::from_millis(1));
    }
    let story = app.world().resource::<NightData>().story.clone();
    let story = story.expect("the shipped story loads with no capability plugin");
    assert!(app.world().get_resource::<StoryState>().is_none());

    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    app.update();
    let state = app.world().resource::<StoryState>();
    assert_eq!(state.chapter, story.chapters[0].id, "the night opens");
    let start = state.minutes;

    for _ in 0..600 {
        app.update();
    }
    let state = app.world().resource::<StoryState>();
    assert!(
        state.minutes > start,
        "the clock runs with no capability: {} then {}",
        start,
        state.minutes
    );
}
