//! Chapters in order: a new game begins in the first chapter (or where
//! `--start` says); a chapter ends on what `story.ron` names (an event, a
//! flag, an arrival through an exit) or an `EndChapter` effect, and the next
//! begins at its clock and, if Lev is elsewhere, in its level. After the
//! last, the night comes to the first ending whose condition holds.

use bevy::prelude::*;

use super::state::{PastNights, StoryState};
use super::{StoryEvent, Travel, logic};
use crate::content::schema::{Chapter, ChapterEnd, Story};
use crate::levels::{CurrentLevel, LevelBuilt, LevelSystems, NightData, StartOverride};
use crate::states::Screen;

/// A chapter has begun: its card shows.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct ChapterBegan {
    /// The chapter's id.
    pub id: String,
    /// Its title, for the card.
    pub title: String,
}

/// Ends the current chapter; `source` names what ended it.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub(super) struct EndChapter {
    /// What ended it.
    pub source: String,
}

pub(super) fn plugin(app: &mut App) {
    app.add_observer(end_chapter)
        .add_observer(end_on_event)
        .add_systems(OnEnter(Screen::Playing), begin_night)
        .add_systems(OnEnter(Screen::Title), |mut commands: Commands| {
            commands.remove_resource::<StoryState>();
        })
        .add_systems(
            Update,
            (count_arrivals.after(LevelSystems), end_on_flag).run_if(in_state(Screen::Playing)),
        );
}

/// The chapter a new game begins in, and where: the first chapter, or with
/// `--start` the first whose level is the one asked for.
fn opening<'a>(story: &'a Story, start: &StartOverride) -> Option<&'a Chapter> {
    let asked = start.arrival.as_ref().map(|a| a.level.as_str());
    story
        .chapters
        .iter()
        .find(|c| asked.is_some_and(|level| c.level == level))
        .or(story.chapters.first())
}

/// A new night: the story state of its first chapter, Lev on his way there.
/// A night put back from a save (its state already there) goes on instead.
fn begin_night(
    data: Res<NightData>,
    start: Res<StartOverride>,
    past: Res<PastNights>,
    resumed: Option<Res<StoryState>>,
    mut commands: Commands,
) {
    let Some(story) = &data.story else {
        return;
    };
    if resumed.is_some() {
        return;
    }
    let mut state = StoryState::new(story);
    state.past = past.clone();
    state.night = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let chapter = opening(story, &start);
    if let Some(chapter) = chapter {
        state.chapter = chapter.id.clone();
        let clock = start.at.or(chapter.clock).unwrap_or(story.clock.start);
        state.minutes = f64::from(clock.minutes_into_night());
    }
    let arrival = start.arrival.clone().or_else(|| {
        chapter.map(|c| crate::content::schema::Arrival {
            level: c.level.clone(),
            spawn: c.spawn.clone(),
        })
    });
    if let Some(arrival) = arrival {
        commands.insert_resource(CurrentLevel::arriving(&arrival.level, &arrival.spawn));
    }
    commands.insert_resource(state);
    if let Some(chapter) = chapter {
        commands.trigger(ChapterBegan {
            id: chapter.id.clone(),
            title: chapter.title.clone(),
        });
    }
}

/// The current chapter of `state`.
fn current<'a>(story: &'a Story, state: &StoryState) -> Option<&'a Chapter> {
    story.chapters.iter().find(|c| c.id == state.chapter)
}

/// Each arrival in a level counts a visit, and may end the chapter.
fn count_arrivals(
    mut built: MessageReader<LevelBuilt>,
    data: Res<NightData>,
    state: Option<ResMut<StoryState>>,
    mut commands: Commands,
) {
    let (Some(story), Some(mut state)) = (&data.story, state) else {
        built.clear();
        return;
    };
    for arrival in built.read().filter(|b| b.arrived && !b.resumed) {
        *state.visits.entry(arrival.id.clone()).or_default() += 1;
        if current(story, &state).and_then(|c| c.ends.as_ref())
            == Some(&ChapterEnd::Exit(arrival.id.clone()))
        {
            commands.trigger(EndChapter {
                source: format!("arrival in {}", arrival.id),
            });
        }
    }
}

fn end_on_event(
    event: On<StoryEvent>,
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    mut commands: Commands,
) {
    let (Some(story), Some(state)) = (&data.story, state) else {
        return;
    };
    if current(story, &state).and_then(|c| c.ends.as_ref())
        == Some(&ChapterEnd::Event(event.name.clone()))
    {
        commands.trigger(EndChapter {
            source: event.source.clone(),
        });
    }
}

fn end_on_flag(data: Res<NightData>, state: Option<Res<StoryState>>, mut commands: Commands) {
    let (Some(story), Some(state)) = (&data.story, state) else {
        return;
    };
    if let Some(ChapterEnd::Flag(flag)) = current(story, &state).and_then(|c| c.ends.as_ref())
        && state.flags.contains(flag)
    {
        commands.trigger(EndChapter {
            source: format!("flag {flag}"),
        });
    }
}

/// What comes after the current chapter.
#[derive(Debug, PartialEq)]
enum Next<'a> {
    /// This chapter begins.
    Chapter(&'a Chapter),
    /// The night is over, in this ending (if the story has any).
    Ending(Option<&'a str>),
}

/// Moves `state` on from its chapter: into the next one, at the next one's
/// clock if that is later; or, after the last, to the night's ending.
fn advance<'a>(story: &'a Story, state: &mut StoryState) -> Next<'a> {
    let index = story.chapters.iter().position(|c| c.id == state.chapter);
    match index.and_then(|i| story.chapters.get(i + 1)) {
        Some(next) => {
            state.chapter = next.id.clone();
            if let Some(clock) = next.clock {
                state.minutes = state.minutes.max(f64::from(clock.minutes_into_night()));
            }
            Next::Chapter(next)
        }
        None => {
            let ending = logic::ending(story, state).map(|e| e.id.as_str());
            state.ending = ending.map(str::to_owned);
            Next::Ending(ending)
        }
    }
}

fn end_chapter(
    _: On<EndChapter>,
    data: Res<NightData>,
    level: Option<Res<CurrentLevel>>,
    state: Option<ResMut<StoryState>>,
    mut screen: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    let (Some(story), Some(mut state)) = (&data.story, state) else {
        return;
    };
    if state.ending.is_some() {
        return;
    }
    match advance(story, &mut state) {
        Next::Chapter(chapter) => {
            if level.is_none_or(|l| l.id != chapter.level) {
                commands.trigger(Travel {
                    level: chapter.level.clone(),
                    spawn: chapter.spawn.clone(),
                });
            }
            commands.trigger(ChapterBegan {
                id: chapter.id.clone(),
                title: chapter.title.clone(),
            });
        }
        Next::Ending(_) => screen.set(Screen::Ending),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        crate::data::parse_ron(
            std::path::Path::new("story"),
            r#"(film_roll: 24, clock: (start: "23:00", dawn: "05:30", minutes_per_second: 0.5),
               chapters: [
                   (id: "one", title: "I", level: "a", spawn: "s", clock: "23:00", hold: "23:20", ends: Exit("b")),
                   (id: "two", title: "II", level: "b", spawn: "s", clock: "23:30"),
                   (id: "three", title: "III", level: "c", spawn: "s", clock: "23:10"),
               ],
               endings: [
                   (id: "kept", title: "K", summary: "k", when: Flag("kept")),
                   (id: "lost", title: "L", summary: "l"),
               ])"#,
        )
        .unwrap()
    }

    #[test]
    fn chapters_follow_in_order_and_the_clock_never_runs_back() {
        let story = story();
        let mut state = StoryState::new(&story);
        assert_eq!(state.chapter, "one");
        assert_eq!(state.time().to_string(), "23:00");
        assert_eq!(
            advance(&story, &mut state),
            Next::Chapter(&story.chapters[1])
        );
        assert_eq!(
            state.time().to_string(),
            "23:30",
            "moved on to the chapter's clock"
        );
        assert_eq!(
            advance(&story, &mut state),
            Next::Chapter(&story.chapters[2])
        );
        assert_eq!(
            state.time().to_string(),
            "23:30",
            "an earlier chapter clock is not kept"
        );
        state.flags.insert("kept".into());
        assert_eq!(advance(&story, &mut state), Next::Ending(Some("kept")));
        assert_eq!(state.ending.as_deref(), Some("kept"));
    }

    #[test]
    fn start_begins_in_the_chapter_of_its_level() {
        let story = story();
        let start = |level: &str| StartOverride {
            arrival: Some(crate::content::schema::Arrival {
                level: level.into(),
                spawn: "s".into(),
            }),
            at: None,
        };
        assert_eq!(
            opening(&story, &start("b")).map(|c| c.id.as_str()),
            Some("two")
        );
        assert_eq!(
            opening(&story, &start("x")).map(|c| c.id.as_str()),
            Some("one")
        );
        assert_eq!(
            opening(&story, &StartOverride::default()).map(|c| c.id.as_str()),
            Some("one")
        );
    }
}
