//! The night's clock: in-game minutes that pass with play (not while
//! paused), from the story's start time to dawn, shown as Lev's wristwatch.

use bevy::prelude::*;

use crate::explore::ExploreSystems;
use crate::levels::schema::ClockTime;
use crate::levels::{NightData, StartOverride};
use crate::screens::Screen;
use crate::ui::widget;

/// The in-game time.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct NightClock {
    /// Minutes since 18:00 on the evening the night begins.
    pub minutes: f32,
    /// Minutes that pass per second of play.
    pub per_second: f32,
    /// Dawn, where the clock stops (minutes since 18:00).
    pub dawn: f32,
}

impl NightClock {
    /// Whether the clock has reached `time`.
    pub fn reached(&self, time: ClockTime) -> bool {
        self.minutes >= time.minutes_into_night() as f32
    }

    /// The time as `HH:MM`.
    pub fn display(&self) -> String {
        let whole = self.minutes.max(0.0) as u32;
        let hours = (whole / 60 + 18) % 24;
        format!("{hours:02}:{:02}", whole % 60)
    }
}

/// Starts and advances the clock; triggers read it after.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ClockSystems;

/// The wristwatch's text.
#[derive(Component)]
struct Wristwatch;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnExit(Screen::Playing), |mut commands: Commands| {
        commands.remove_resource::<NightClock>();
    })
    .add_systems(
        Update,
        (start_clock, run_clock.in_set(ExploreSystems), show_time)
            .chain()
            .in_set(ClockSystems)
            .run_if(in_state(Screen::Playing)),
    );
}

/// Sets the clock from the story once it has loaded (or to the time the
/// command line gives), and puts on the watch.
fn start_clock(
    clock: Option<Res<NightClock>>,
    data: Res<NightData>,
    start: Res<StartOverride>,
    mut commands: Commands,
) {
    if clock.is_some() {
        return;
    }
    let Some(story) = &data.story else {
        return;
    };
    let night = &story.clock;
    commands.insert_resource(NightClock {
        minutes: start.at.unwrap_or(night.start).minutes_into_night() as f32,
        per_second: night.minutes_per_second,
        dawn: night.dawn.minutes_into_night() as f32,
    });
    commands.spawn((
        Name::new("Wristwatch"),
        Node {
            position_type: PositionType::Absolute,
            top: px(12),
            right: px(12),
            ..default()
        },
        DespawnOnExit(Screen::Playing),
        children![(Wristwatch, widget::hint(""))],
    ));
}

fn run_clock(time: Res<Time>, clock: Option<ResMut<NightClock>>) {
    if let Some(mut clock) = clock {
        clock.minutes = (clock.minutes + clock.per_second * time.delta_secs()).min(clock.dawn);
    }
}

fn show_time(
    clock: Option<Res<NightClock>>,
    watches: Query<&Children, With<Wristwatch>>,
    mut texts: Query<&mut Text>,
) {
    let Some(clock) = clock.filter(|c| c.is_changed()) else {
        return;
    };
    for children in &watches {
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child) {
                text.0 = clock.display();
            }
        }
    }
}
