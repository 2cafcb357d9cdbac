//! Interaction: the nearest interactable, door or person within reach shows
//! a prompt; the interact action shows its text, starts its dialogue or
//! opens its door. People turn to face Lev when he talks to them.

use bevy::prelude::*;

use super::{Body, ExploreSystems, Lev, Transition};
use crate::input::{Action, ActionState, Bindings, InputDevice};
use crate::levels::schema::{Area, Facing, Interaction, Level};
use crate::levels::{ActiveLevel, Person};
use crate::screens::Screen;
use crate::ui::widget;

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

/// Asks the dialogue system to start a dialogue.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct DialogueRequested {
    /// The dialogue's id.
    pub id: String,
}

/// Lev inspected something and read its text.
#[derive(Event, Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    /// The interactable's id.
    pub id: String,
    /// What it says.
    pub text: String,
}

/// The column at the bottom of the screen holding what Lev reads and the prompt.
#[derive(Component)]
struct PromptBar;

/// The prompt of what is in reach.
#[derive(Component)]
struct Prompt;

/// The text being read, above the prompt, and the area it belongs to.
#[derive(Component)]
struct Reading(Area);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing), spawn_prompt)
        .add_systems(
            Update,
            (interact, close_reading, face_people)
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

/// The nearest thing within reach of Lev's body (feet to head).
pub fn target_in_reach(level: &Level, feet: Vec2) -> Option<InteractionTarget> {
    let reach = |area: &Area| {
        let body = [feet, feet + Vec2::Y * super::motion::HEIGHT / 2.0];
        body.iter()
            .map(|p| distance_to(area, *p))
            .fold(f32::MAX, f32::min)
    };
    let things = level
        .interactables
        .iter()
        .enumerate()
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
        .filter(|(_, n)| n.dialogue.is_some())
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

fn prompt_text(level: &Level, target: &InteractionTarget) -> String {
    match target {
        InteractionTarget::Thing(i) => level.interactables[*i].prompt.clone(),
        InteractionTarget::Door(i) => format!(
            "Go through to {}",
            level.exits[*i].to_level.replace('_', " ")
        ),
        InteractionTarget::Person(i) => format!("Talk to {}", level.npcs[*i].name),
    }
}

fn interact(
    level: ActiveLevel,
    actions: Res<ActionState>,
    bindings: Res<Bindings>,
    device: Res<InputDevice>,
    transition: Option<Res<Transition>>,
    lev: Query<&Body, With<Lev>>,
    prompt: Query<(Entity, &Children), With<Prompt>>,
    bar: Query<Entity, With<PromptBar>>,
    mut texts: Query<&mut Text>,
    mut visibility: Query<&mut Visibility>,
    mut people: Query<(&mut Person, &Transform)>,
    reading: Query<Entity, With<Reading>>,
    mut commands: Commands,
) {
    let (Some(level), Ok(body), Ok((prompt, prompt_children)), Ok(bar)) =
        (level.get(), lev.single(), prompt.single(), bar.single())
    else {
        return;
    };
    let feet = body.0.position;
    let target = target_in_reach(level, feet).filter(|_| transition.is_none());
    let key = bindings.label(Action::Interact, *device);
    let shown = target
        .as_ref()
        .map(|t| format!("[{key}] {}", prompt_text(level, t)));
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
                Interaction::Inspect(text) => {
                    for open in &reading {
                        commands.entity(open).despawn();
                    }
                    commands.spawn((
                        Name::new("Reading"),
                        Reading(thing.area),
                        ChildOf(bar),
                        widget::panel_text(text.clone()),
                    ));
                    commands.trigger(Inspected {
                        id: thing.id.clone(),
                        text: text.clone(),
                    });
                }
                Interaction::Dialogue(id) => commands.trigger(DialogueRequested { id: id.clone() }),
            }
        }
        InteractionTarget::Door(i) => {
            let exit = &level.exits[i];
            commands.insert_resource(Transition::to(&exit.to_level, &exit.to_spawn));
        }
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

/// The text closes when Lev walks out of reach of what he read, or on `Back`.
fn close_reading(
    actions: Res<ActionState>,
    lev: Query<&Body, With<Lev>>,
    reading: Query<(Entity, &Reading)>,
    mut commands: Commands,
) {
    let Ok(body) = lev.single() else {
        return;
    };
    for (entity, Reading(area)) in &reading {
        if actions.just_pressed(Action::Back) || distance_to(area, body.0.position) > REACH * 2.0 {
            commands.entity(entity).despawn();
        }
    }
}

/// People's sprites face the way they face.
fn face_people(mut people: Query<(&Person, &mut Sprite), Changed<Person>>) {
    for (person, mut sprite) in &mut people {
        sprite.flip_x = person.facing == Facing::Left;
    }
}
