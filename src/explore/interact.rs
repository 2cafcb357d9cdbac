//! Interaction: the nearest interactable, door or person within reach shows
//! a prompt; the interact action shows its text, starts its dialogue or
//! opens its door, and applies its effects to the story. An interactable
//! whose condition does not hold is out of reach. Text being read holds
//! input (and the night's clock) until it is closed. People turn to face
//! Lev when he talks to them, and are there only while their condition
//! holds. What Lev reads is [`super::reading`]'s.

use bevy::prelude::*;

use super::exits::go_through;
use super::reading::{PromptBar, Reading, close_reading, show_text};
use super::{Body, ExploreSystems, Lev, Transition};
use crate::content::schema::{Area, Facing, Interaction, Level};
use crate::input::{Action, ActionState, Bindings, InputContext, InputDevice};
use crate::levels::{ActiveLevel, NightData};
use crate::states::Screen;
use crate::story::{ApplyEffects, DialogueRequested, StoryState, logic};
use crate::ui::widget;
use crate::world::Person;

/// How far from an area or a person Lev can reach, in virtual pixels.
pub const REACH: f32 = 10.0;

/// What Lev can reach now.
#[derive(Clone, Debug, PartialEq)]
pub enum InteractionTarget {
    /// An interactable, by index in the level.
    Thing(usize),
    /// A door exit, by index in the level.
    Door(usize),
    /// A person with something to say, by index in the level.
    Person(usize),
}

/// The prompt of what is in reach.
#[derive(Component)]
struct Prompt;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_prompt)
        .add_systems(
            Update,
            (interact, close_reading, face_people, show_people)
                .chain()
                .in_set(ExploreSystems),
        );
}

fn spawn_prompt(mut commands: Commands) {
    commands.spawn((
        Name::new("Prompt bar"),
        PromptBar,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(24),
            width: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(8),
            ..default()
        },
        DespawnOnExit(Screen::Playing),
        children![(Prompt, Visibility::Hidden, widget::hint(""))],
    ));
}

/// Distance from `point` to `area` (0 inside it).
fn distance_to(area: &Area, point: Vec2) -> f32 {
    let dx = (area.x - point.x).max(point.x - (area.x + area.w)).max(0.0);
    let dy = (area.y - point.y).max(point.y - (area.y + area.h)).max(0.0);
    Vec2::new(dx, dy).length()
}

/// The nearest thing within reach of Lev's body (feet to head), of those
/// whose condition holds for `story` (none: only those without one).
fn target_in_reach(
    level: &Level,
    feet: Vec2,
    story: Option<&StoryState>,
) -> Option<InteractionTarget> {
    let reach = |area: &Area| {
        let body = [feet, feet + Vec2::Y * super::motion::HEIGHT / 2.0];
        body.iter()
            .map(|p| distance_to(area, *p))
            .fold(f32::MAX, f32::min)
    };
    let usable = |when: &Option<_>| {
        when.as_ref()
            .is_none_or(|c| story.is_some_and(|s| logic::holds(c, s, &level.id)))
    };
    let things = level
        .interactables
        .iter()
        .enumerate()
        .filter(|(_, t)| usable(&t.when))
        .map(|(i, t)| (reach(&t.area), InteractionTarget::Thing(i)));
    let doors = level
        .exits
        .iter()
        .enumerate()
        .filter(|(_, e)| e.door)
        .map(|(i, e)| (reach(&e.area), InteractionTarget::Door(i)));
    let people = level
        .npcs
        .iter()
        .enumerate()
        .filter(|(_, n)| n.dialogue.is_some() && usable(&n.when))
        .map(|(i, n)| {
            (
                Vec2::from(n.at).distance(feet),
                InteractionTarget::Person(i),
            )
        });
    things
        .chain(doors)
        .chain(people)
        .filter(|(distance, _)| *distance <= REACH)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, target)| target)
}

/// What the prompt says of `target`: a door names the place it leads to
/// as that level names itself (`Go through to the streets`).
fn prompt_text(data: &NightData, level: &Level, target: &InteractionTarget) -> String {
    match target {
        InteractionTarget::Thing(i) => level.interactables[*i].prompt.clone(),
        InteractionTarget::Door(i) => {
            let to = &level.exits[*i].to_level;
            let name = data
                .level(to)
                .map_or(to.replace('_', " "), |l| l.name.clone());
            let name = name
                .strip_prefix("The ")
                .map_or(name.clone(), |n| format!("the {n}"));
            format!("Go through to {name}")
        }
        InteractionTarget::Person(i) => format!("Talk to {}", level.npcs[*i].name),
    }
}

fn interact(
    active: ActiveLevel,
    actions: Res<ActionState>,
    bindings: Res<Bindings>,
    device: Res<InputDevice>,
    transition: Option<Res<Transition>>,
    story: Option<Res<StoryState>>,
    lev: Query<&Body, With<Lev>>,
    prompt: Query<(Entity, &Children), With<Prompt>>,
    mut texts: Query<&mut Text>,
    mut visibility: Query<&mut Visibility>,
    mut people: Query<(&mut Person, &Transform)>,
    reading: Query<(), With<Reading>>,
    mut commands: Commands,
) {
    let (Some(level), Ok(body), Ok((prompt, prompt_children))) =
        (active.get(), lev.single(), prompt.single())
    else {
        return;
    };
    let feet = body.0.position;
    let story = story.as_deref();
    // Only Lev exploring reaches for things: not with the camera raised.
    let exploring = actions.context() == InputContext::Exploring;
    let target = target_in_reach(level, feet, story)
        .filter(|_| transition.is_none() && reading.is_empty() && exploring);
    let key = bindings.label(Action::Interact, *device);
    let shown = match &target {
        Some(target) => Some(format!(
            "[{key}] {}",
            prompt_text(active.data(), level, target)
        )),
        None if !reading.is_empty() => Some(format!("[{key}] Close")),
        None => None,
    };
    if let Ok(mut v) = visibility.get_mut(prompt) {
        v.set_if_neq(if shown.is_some() {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
    for child in prompt_children.iter() {
        if let (Ok(mut text), Some(shown)) = (texts.get_mut(child), &shown)
            && text.0 != *shown
        {
            text.0.clone_from(shown);
        }
    }
    let Some(target) = target.filter(|_| actions.just_pressed(Action::Interact)) else {
        return;
    };
    match target {
        InteractionTarget::Thing(i) => {
            let thing = &level.interactables[i];
            match &thing.action {
                Interaction::Inspect(text) => show_text(&mut commands, &thing.id, text),
                Interaction::Dialogue(id) => commands.trigger(DialogueRequested { id: id.clone() }),
            }
            if !thing.effects.is_empty() {
                commands.trigger(ApplyEffects {
                    effects: thing.effects.clone(),
                    source: format!("{}/{}", level.id, thing.id),
                });
            }
        }
        InteractionTarget::Door(i) => go_through(&level.exits[i], story, &level.id, &mut commands),
        InteractionTarget::Person(i) => {
            let npc = &level.npcs[i];
            for (mut person, transform) in &mut people {
                if person.id == npc.id {
                    person.facing = if feet.x < transform.translation.x {
                        Facing::Left
                    } else {
                        Facing::Right
                    };
                }
            }
            if let Some(id) = &npc.dialogue {
                commands.trigger(DialogueRequested { id: id.clone() });
            }
        }
    }
}

/// People are there only while their condition holds.
fn show_people(
    level: ActiveLevel,
    state: Option<Res<StoryState>>,
    mut people: Query<(&Person, &mut Visibility)>,
) {
    let (Some(level), Some(state)) = (level.get(), state) else {
        return;
    };
    for (person, mut visibility) in &mut people {
        let here = level
            .npcs
            .iter()
            .find(|n| n.id == person.id)
            .and_then(|n| n.when.as_ref())
            .is_none_or(|when| logic::holds(when, &state, &level.id));
        visibility.set_if_neq(if here {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}

/// People's sprites face the way they face.
fn face_people(mut people: Query<(&Person, &mut Sprite), Changed<Person>>) {
    for (person, mut sprite) in &mut people {
        sprite.flip_x = person.facing == Facing::Left;
    }
}
