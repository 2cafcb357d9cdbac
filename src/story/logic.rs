//! The pure evaluator of the story's conditions and effects: plain Rust over
//! a [`StoryState`], with no `App`, so triggers, interactables, doors,
//! chapters, endings and dialogue all read the night the same way.

use crate::content::schema::{Compare, Condition, Cue, Effect, Ending, Story, Value};

use super::state::StoryState;

/// What an effect asks of the game beyond changing the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Fire this story event.
    Event(String),
    /// Start this dialogue.
    Dialogue(String),
    /// End the current chapter.
    EndChapter,
    /// Take Lev to this level and spawn point.
    GoTo(String, String),
    /// Play this sound.
    Sound(Cue),
}

/// Whether `condition` holds for `state`. Area conditions belong to `level`
/// and hold only while Lev is in it.
pub fn holds(condition: &Condition, state: &StoryState, level: &str) -> bool {
    match condition {
        Condition::Area(area) => state.place.level == level && area.contains(state.place.at),
        Condition::Flag(flag) => state.flags.contains(flag),
        Condition::Not(inner) => !holds(inner, state, level),
        Condition::All(all) => all.iter().all(|c| holds(c, state, level)),
        Condition::Any(any) => any.iter().any(|c| holds(c, state, level)),
        Condition::Count(list, compare) => {
            let holding = list.iter().filter(|c| holds(c, state, level)).count();
            compares(Some(&Value::Number(holding as f64)), compare)
        }
        Condition::Var(name, compare) => compares(state.variables.get(name), compare),
        Condition::Visits(level, compare) => {
            let visits = state.visits.get(level).copied().unwrap_or(0);
            compares(Some(&Value::Number(f64::from(visits))), compare)
        }
        Condition::Before(time) => !state.reached(*time),
        Condition::After(time) => state.reached(*time),
        Condition::Between(from, to) => state.reached(*from) && !state.reached(*to),
        Condition::Chapter(id) => state.chapter == *id,
        Condition::Photographed(key) => state.photographed(key),
        Condition::BestScore(key, compare) => {
            let best = state.best_score(key);
            compares(Some(&Value::Number(f64::from(best))), compare)
        }
        Condition::Visited(key, compare) => {
            let visits = state.node_visits.get(key).copied().unwrap_or(0);
            compares(Some(&Value::Number(f64::from(visits))), compare)
        }
        Condition::Photos(compare) => {
            compares(Some(&Value::Number(state.album.len() as f64)), compare)
        }
        Condition::BestOfNight(compare) => {
            let best = state.best_shot().map_or(0, |shot| shot.score);
            compares(Some(&Value::Number(f64::from(best))), compare)
        }
        Condition::PhotosTagged(tag, compare) => {
            let count = state.photos_tagged(tag) as f64;
            compares(Some(&Value::Number(count)), compare)
        }
        Condition::PastNights(compare) => {
            let nights = state.past.endings.len() as f64;
            compares(Some(&Value::Number(nights)), compare)
        }
        Condition::PastEnding(id) => state.past.endings.contains(id),
    }
}

/// Whether `value` (`None`: never set) compares so. A value never set is 0,
/// false or the empty text, whichever it is compared with.
fn compares(value: Option<&Value>, compare: &Compare) -> bool {
    let number = match value {
        Some(Value::Number(n)) => Some(*n),
        None => Some(0.0),
        _ => None,
    };
    let equal = |other: &Value| match (value, other) {
        (Some(value), other) => value == other,
        (None, Value::Number(n)) => *n == 0.0,
        (None, Value::Bool(b)) => !b,
        (None, Value::Text(t)) => t.is_empty(),
    };
    match compare {
        Compare::Is(other) => equal(other),
        Compare::IsNot(other) => !equal(other),
        Compare::AtLeast(limit) => number.is_some_and(|n| n >= *limit),
        Compare::AtMost(limit) => number.is_some_and(|n| n <= *limit),
        Compare::Above(limit) => number.is_some_and(|n| n > *limit),
        Compare::Below(limit) => number.is_some_and(|n| n < *limit),
    }
}

/// Applies `effects` in order: flags, variables and the clock change in
/// `state`; what the game must do besides comes back in order.
pub fn apply(effects: &[Effect], state: &mut StoryState) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for effect in effects {
        match effect {
            Effect::SetFlag(flag) => {
                state.flags.insert(flag.clone());
            }
            Effect::ClearFlag(flag) => {
                state.flags.remove(flag);
            }
            Effect::Set(name, value) => {
                state.variables.insert(name.clone(), value.clone());
            }
            Effect::Add(name, amount) => {
                let now = match state.variables.get(name) {
                    Some(Value::Number(n)) => *n,
                    _ => 0.0,
                };
                state
                    .variables
                    .insert(name.clone(), Value::Number(now + amount));
            }
            Effect::ClockTo(time) => state.minutes = f64::from(time.minutes_into_night()),
            Effect::Event(name) => outcomes.push(Outcome::Event(name.clone())),
            Effect::Dialogue(id) => outcomes.push(Outcome::Dialogue(id.clone())),
            Effect::EndChapter => outcomes.push(Outcome::EndChapter),
            Effect::Sound(cue) => outcomes.push(Outcome::Sound(*cue)),
            Effect::GoTo(level, spawn) => {
                outcomes.push(Outcome::GoTo(level.clone(), spawn.clone()))
            }
            Effect::LoadFilm(id) => state.film = Some(id.clone()),
        }
    }
    outcomes
}

/// The ending the night comes to: the first of the story's endings whose
/// condition holds (one with none always does).
pub fn ending<'a>(story: &'a Story, state: &StoryState) -> Option<&'a Ending> {
    story
        .endings
        .iter()
        .find(|e| e.when.as_ref().is_none_or(|c| holds(c, state, "")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::{Area, ClockTime};
    use crate::story::PhotoRecord;

    fn time(text: &str) -> ClockTime {
        ClockTime::try_from(text.to_owned()).unwrap()
    }

    /// A night at 23:40 in the streets chapter, Lev at (50, 16) in the
    /// streets, with the phone rung and two fears spoken of.
    fn state() -> StoryState {
        crate::data::parse_ron(
            std::path::Path::new("state"),
            r#"(version: 1, chapter: "streets", minutes: 340, flags: ["phone_rang"],
               variables: {"fears": Number(2), "caller": Text("unknown"), "answered": Bool(false)},
               visits: {"streets": 1, "warehouse": 1}, fired: [], holding: [],
               place: (level: "streets", at: (50, 16)), ending: None, album: [], dialogue: None)"#,
        )
        .unwrap()
    }

    #[test]
    fn flags_chapters_and_the_clock() {
        let s = state();
        assert!(holds(&Condition::Flag("phone_rang".into()), &s, "streets"));
        assert!(!holds(
            &Condition::Flag("phone_answered".into()),
            &s,
            "streets"
        ));
        assert!(holds(&Condition::Chapter("streets".into()), &s, ""));
        assert_eq!(s.time(), time("23:40"));
        assert!(holds(&Condition::After(time("23:40")), &s, ""));
        assert!(holds(&Condition::Before(time("23:41")), &s, ""));
        assert!(!holds(&Condition::Before(time("23:40")), &s, ""));
        // Between includes its start, not its end; after midnight is later.
        assert!(holds(
            &Condition::Between(time("23:30"), time("00:10")),
            &s,
            ""
        ));
        assert!(!holds(
            &Condition::Between(time("23:45"), time("00:10")),
            &s,
            ""
        ));
        assert!(!holds(&Condition::After(time("00:05")), &s, ""));
    }

    #[test]
    fn variables_compare_with_numbers_truths_and_texts() {
        let s = state();
        let var = |compare| Condition::Var("fears".into(), compare);
        assert!(holds(&var(Compare::AtLeast(2.0)), &s, ""));
        assert!(!holds(&var(Compare::Above(2.0)), &s, ""));
        assert!(holds(&var(Compare::Is(Value::Number(2.0))), &s, ""));
        assert!(holds(&var(Compare::Below(3.0)), &s, ""));
        let caller = Condition::Var("caller".into(), Compare::Is(Value::Text("unknown".into())));
        assert!(holds(&caller, &s, ""));
        let answered = Condition::Var("answered".into(), Compare::Is(Value::Bool(false)));
        assert!(holds(&answered, &s, ""));
        // A text is not a number: numeric comparisons do not hold.
        let nonsense = Condition::Var("caller".into(), Compare::AtLeast(0.0));
        assert!(!holds(&nonsense, &s, ""));
        // Never set: 0, false, empty.
        let unset = |compare| Condition::Var("dreams".into(), compare);
        assert!(holds(&unset(Compare::AtMost(0.0)), &s, ""));
        assert!(holds(&unset(Compare::Is(Value::Bool(false))), &s, ""));
        assert!(holds(
            &unset(Compare::Is(Value::Text(String::new()))),
            &s,
            ""
        ));
        assert!(!holds(&unset(Compare::AtLeast(1.0)), &s, ""));
    }

    #[test]
    fn visits_areas_and_combinations() {
        let s = state();
        let visits = |level: &str, n| Condition::Visits(level.into(), Compare::AtLeast(n));
        assert!(holds(&visits("streets", 1.0), &s, ""));
        assert!(!holds(&visits("streets", 2.0), &s, ""));
        assert!(!holds(&visits("clock_tower", 1.0), &s, ""));
        let area = Condition::Area(Area {
            x: 40.0,
            y: 16.0,
            w: 20.0,
            h: 30.0,
        });
        assert!(holds(&area, &s, "streets"));
        assert!(
            !holds(&area, &s, "warehouse"),
            "an area belongs to its level"
        );
        let both = Condition::All(vec![area.clone(), Condition::Flag("phone_rang".into())]);
        assert!(holds(&both, &s, "streets"));
        let either = Condition::Any(vec![Condition::Flag("nope".into()), area]);
        assert!(holds(&either, &s, "streets"));
        assert!(holds(&Condition::All(vec![]), &s, ""));
        let two = |compare| Condition::Count(vec![both.clone(), either.clone()], compare);
        assert!(holds(&two(Compare::Is(Value::Number(2.0))), &s, "streets"));
        assert!(holds(
            &two(Compare::Is(Value::Number(0.0))),
            &s,
            "warehouse"
        ));
        assert!(!holds(&Condition::Any(vec![]), &s, ""));
        let not = Condition::Not(Box::new(Condition::Flag("phone_rang".into())));
        assert!(!holds(&not, &s, ""));
    }

    #[test]
    fn effects_change_the_state_and_say_what_else_to_do() {
        let mut s = state();
        let outcomes = apply(
            &[
                Effect::SetFlag("phone_answered".into()),
                Effect::ClearFlag("phone_rang".into()),
                Effect::Add("fears".into(), 1.0),
                Effect::Add("dreams".into(), 0.5),
                Effect::Set("caller".into(), Value::Text("a stranger".into())),
                Effect::ClockTo(time("00:00")),
                Effect::Event("answered".into()),
                Effect::Dialogue("phone_call".into()),
                Effect::GoTo("streets".into(), "from_warehouse".into()),
                Effect::EndChapter,
                Effect::Sound(Cue::Midnight),
            ],
            &mut s,
        );
        assert!(s.flags.contains("phone_answered") && !s.flags.contains("phone_rang"));
        assert_eq!(s.variables["fears"], Value::Number(3.0));
        assert_eq!(s.variables["dreams"], Value::Number(0.5));
        assert_eq!(s.variables["caller"], Value::Text("a stranger".into()));
        assert_eq!(s.time(), time("00:00"));
        assert_eq!(
            outcomes,
            [
                Outcome::Event("answered".into()),
                Outcome::Dialogue("phone_call".into()),
                Outcome::GoTo("streets".into(), "from_warehouse".into()),
                Outcome::EndChapter,
                Outcome::Sound(Cue::Midnight),
            ]
        );
    }

    #[test]
    fn album_queries_read_the_photographs_taken() {
        let mut s = state();
        let none = |c: Condition| holds(&c, &s.clone(), "");
        assert!(!none(Condition::Photographed("warehouse/mirror".into())));
        assert!(none(Condition::Photos(Compare::Is(Value::Number(0.0)))));
        assert!(none(Condition::BestOfNight(Compare::Is(Value::Number(
            0.0
        )))));
        let photo: PhotoRecord = crate::data::parse_ron(
            std::path::Path::new("photo"),
            r#"(number: 1, level: "warehouse", at: "23:12", frame: (x: 0, y: 0, w: 60, h: 40),
               focal: 50, score: 72, image: None, subjects: [
                   (key: "warehouse/mirror", name: "The cracked mirror", tags: ["mirror"], score: 72,
                    breakdown: (in_frame: 1, clear: 1, size: 0.8, composition: 1, on_third: false, facing: 1, moment: None)),
                   (key: "warehouse/lamp", name: "The lamp", tags: ["light"], score: 20,
                    breakdown: (in_frame: 0.5, clear: 1, size: 0.4, composition: 0.6, on_third: false, facing: 1, moment: None)),
               ])"#,
        )
        .unwrap();
        s.album.push(photo.clone());
        let mut better = photo;
        better.subjects[1].score = 61;
        s.album.push(better);
        let has = |c: Condition| holds(&c, &s, "");
        assert!(has(Condition::Photographed("warehouse/mirror".into())));
        assert!(!has(Condition::Photographed("warehouse/pigeons".into())));
        assert!(has(Condition::BestScore(
            "warehouse/lamp".into(),
            Compare::AtLeast(60.0)
        )));
        assert!(!has(Condition::BestScore(
            "warehouse/lamp".into(),
            Compare::AtLeast(62.0)
        )));
        assert!(has(Condition::BestScore(
            "streets/tram".into(),
            Compare::Is(Value::Number(0.0))
        )));
        assert!(has(Condition::Photos(Compare::AtLeast(2.0))));
        // The mirror's 72 is the night's best; the lamp's 61 is not.
        assert!(has(Condition::BestOfNight(Compare::AtLeast(72.0))));
        assert!(!has(Condition::BestOfNight(Compare::AtLeast(73.0))));
        assert!(has(Condition::PhotosTagged(
            "light".into(),
            Compare::Is(Value::Number(2.0))
        )));
        assert!(!has(Condition::PhotosTagged(
            "animal".into(),
            Compare::AtLeast(1.0)
        )));
    }

    #[test]
    fn earlier_nights_are_remembered() {
        let mut s = state();
        let first = Condition::PastNights(Compare::Is(Value::Number(0.0)));
        let reflected = Condition::PastEnding("the_reflection".into());
        assert!(holds(&first, &s, ""));
        assert!(!holds(&reflected, &s, ""));
        s.past.endings = vec!["the_unspoken".into(), "the_reflection".into()];
        assert!(!holds(&first, &s, ""));
        assert!(holds(&Condition::PastNights(Compare::AtLeast(2.0)), &s, ""));
        assert!(holds(&reflected, &s, ""));
        assert!(!holds(
            &Condition::PastEnding("piece_of_himself".into()),
            &s,
            ""
        ));
    }

    #[test]
    fn the_ending_is_the_first_whose_condition_holds() {
        let story: Story = crate::data::parse_ron(
            std::path::Path::new("story"),
            r#"(film_roll: 24, clock: (start: "23:00", dawn: "05:30", minutes_per_second: 0.5),
               chapters: [],
               endings: [
                   (id: "brave", title: "B", summary: "b", when: Var("fears", AtLeast(3))),
                   (id: "afraid", title: "A", summary: "a", when: Var("fears", AtLeast(2))),
                   (id: "quiet", title: "Q", summary: "q"),
               ])"#,
        )
        .unwrap();
        let mut s = state();
        assert_eq!(ending(&story, &s).map(|e| e.id.as_str()), Some("afraid"));
        apply(&[Effect::Add("fears".into(), 1.0)], &mut s);
        assert_eq!(ending(&story, &s).map(|e| e.id.as_str()), Some("brave"));
        s.variables.clear();
        assert_eq!(ending(&story, &s).map(|e| e.id.as_str()), Some("quiet"));
    }
}
