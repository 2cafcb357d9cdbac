//! The conversation on screen: the speaker's portrait and name, the line
//! typed out at the text speed with its voice, the lines before it (Up and
//! Down scroll back through them), and Lev's choices, greyed and marked
//! where unavailable. It shows whatever the story state says the
//! conversation shows, so a resumed save or a changed file needs nothing
//! more; input goes back through [`Converse`]. While it is open it owns
//! input: exploring, the clock and the camera wait.

use bevy::prelude::*;

use super::runner::{self, Shown};
use super::{Converse, SeenLines};
use crate::audio::{PlaySfx, Sfx};
use crate::content::schema::{Dialogue, Voice};
use crate::content::sprites;
use crate::input::{Action, ActionState, ClaimsInput, InputContext, PointerMoved};
use crate::levels::NightData;
use crate::settings::Settings;
use crate::states::{PausableSystems, Screen};
use crate::story::{Said, StoryState};
use crate::ui::prompts::hint_line;
use crate::ui::{theme, widget};

/// A voice blip every this many characters typed.
const BLIP_EVERY: usize = 3;
/// Earlier lines shown above the one being said.
const HISTORY_SHOWN: usize = 3;

/// The help line under a line being read.
const LINE_HINT: &[(&[Action], &str)] = &[
    (&[Action::Interact], "next"),
    (&[Action::Up, Action::Down], "earlier lines"),
    (&[Action::Skip], "held: skip lines seen before"),
];

/// The help line under the choices.
const CHOICES_HINT: &[(&[Action], &str)] = &[
    (&[Action::Up, Action::Down], "choose"),
    (&[Action::Confirm], "say it"),
];
/// Seconds choices are shown before a press can choose: a press meant for
/// the line before never picks a choice unread.
pub const CHOICE_GRACE: f32 = 0.25;

/// The conversation's box, and where the player is in it.
#[derive(Component, Debug, Default)]
pub struct DialogueBox {
    /// The id of the line being typed, and how many characters show.
    typing: Option<(String, f32)>,
    /// The selected choice, by index among those shown.
    selected: usize,
    /// How many lines back the history is scrolled.
    scroll: usize,
    /// Seconds the choices shown now have been shown.
    choosing: f32,
    /// What the content was drawn from, to redraw only on change.
    drawn: String,
}

/// What is redrawn when the conversation moves.
#[derive(Component)]
struct Content;

/// The span of the line not yet typed (drawn, but invisible, so the text
/// does not reflow as it types).
#[derive(Component)]
struct Untyped;

/// The span of the line typed so far.
#[derive(Component)]
struct Typed;

/// A choice's row, by index among those shown.
#[derive(Component)]
struct ChoiceRow(usize);

pub(super) fn plugin(app: &mut App) {
    // The box (and its claim on input) opens after everything of the
    // frame, so a conversation started anywhere in `Update` (a trigger, an
    // effect) owns input from the next frame on: no press reaches the
    // exploring in between.
    app.add_systems(
        Update,
        (
            (type_out, answer_input).chain().in_set(PausableSystems),
            redraw,
            show_typing,
        )
            .chain()
            .run_if(in_state(Screen::Playing)),
    )
    .add_systems(PostUpdate, open_and_close.run_if(in_state(Screen::Playing)));
}

/// What the conversation in progress shows, with its dialogue.
fn current<'a>(night: &'a NightData, state: Option<&StoryState>) -> Option<(&'a Dialogue, Shown)> {
    let state = state?;
    let dialogue = night.dialogue(&state.dialogue.as_ref()?.dialogue)?;
    Some((dialogue, runner::shown(dialogue, state)))
}

/// Opens the box when a conversation is in progress, closes it after.
fn open_and_close(
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    boxes: Query<Entity, With<DialogueBox>>,
    mut commands: Commands,
) {
    let running = current(&night, state.as_deref()).is_some_and(|(_, s)| s != Shown::Ended);
    match (running, boxes.single()) {
        (true, Err(_)) => {
            commands.spawn(dialogue_box());
        }
        (false, Ok(entity)) => commands.entity(entity).despawn(),
        _ => {}
    }
}

fn dialogue_box() -> impl Bundle {
    (
        Name::new("Dialogue"),
        DialogueBox::default(),
        ClaimsInput(InputContext::Dialogue),
        Button,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(16),
            left: percent(8),
            width: percent(84),
            min_height: px(190),
            padding: UiRect::all(px(16)),
            column_gap: px(16),
            border: UiRect::all(px(2)),
            ..default()
        },
        BorderColor::all(theme::DIM),
        // Solid, so the text reads over any scene.
        BackgroundColor(theme::NIGHT),
        GlobalZIndex(30),
        DespawnOnExit(Screen::Playing),
    )
}

/// Types the line out at the player's text speed, a voice blip every few
/// letters.
fn type_out(
    time: Res<Time>,
    settings: Res<Settings>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    mut boxes: Query<&mut DialogueBox>,
    mut sfx: MessageWriter<PlaySfx>,
) {
    let (Ok(mut view), Some((dialogue, shown))) =
        (boxes.single_mut(), current(&night, state.as_deref()))
    else {
        return;
    };
    let Shown::Line(line) = shown else {
        view.typing = None;
        view.choosing += time.delta_secs();
        return;
    };
    view.choosing = 0.0;
    let length = line.text.chars().count() as f32;
    let (id, typed) = view.typing.get_or_insert_with(|| (line.id.clone(), 0.0));
    if *id != line.id {
        *id = line.id.clone();
        *typed = 0.0;
    }
    let before = *typed as usize;
    // The player's text speed; whole lines at once types it all now.
    let speed = settings.text_speed.letters_per_second();
    *typed = speed.map_or(length, |speed| {
        (*typed + time.delta_secs() * speed).min(length)
    });
    let voice = line
        .speaker
        .as_deref()
        .and_then(|s| dialogue.speaker(s))
        .map_or(Voice::Silent, |s| s.voice);
    let letters = line
        .text
        .chars()
        .skip(before)
        .take(*typed as usize - before);
    let blips = letters
        .enumerate()
        .filter(|(i, c)| !c.is_whitespace() && (before + i).is_multiple_of(BLIP_EVERY))
        .count();
    if voice != Voice::Silent && blips > 0 {
        sfx.write(PlaySfx(Sfx::Voice(voice)));
    }
}

/// Confirm completes the line, then goes on; Up and Down choose, or scroll
/// back through what was said; holding Skip passes lines seen before.
/// The mouse hovers and clicks choices, and a click on the box goes on.
fn answer_input(
    actions: Res<ActionState>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    seen: Res<SeenLines>,
    mut boxes: Query<(&mut DialogueBox, Ref<Interaction>)>,
    rows: Query<(&ChoiceRow, Ref<Interaction>)>,
    pointer: Res<PointerMoved>,
    mut sfx: MessageWriter<PlaySfx>,
    mut commands: Commands,
) {
    if actions.context() != InputContext::Dialogue {
        return;
    }
    let (Ok((mut view, clicked)), Some((dialogue, shown))) =
        (boxes.single_mut(), current(&night, state.as_deref()))
    else {
        return;
    };
    let confirm = actions.just_pressed(Action::Confirm) || actions.just_pressed(Action::Interact);
    let history = state.as_ref().map_or(0, |s| history(s).len());
    match shown {
        Shown::Line(line) => {
            let length = line.text.chars().count() as f32;
            let typed = view.typing.as_ref().map_or(0.0, |(_, t)| *t);
            let key = format!("{}/{}", dialogue.id, line.id);
            let click = *clicked == Interaction::Pressed && clicked.is_changed();
            if actions.pressed(Action::Skip) && seen.seen_before(&key) {
                commands.trigger(Converse::Advance);
            } else if confirm || click {
                if typed < length {
                    view.typing = Some((line.id.clone(), length));
                } else {
                    view.scroll = 0;
                    commands.trigger(Converse::Advance);
                }
            } else if actions.just_pressed(Action::Up) && view.scroll + 1 < history {
                view.scroll += 1;
            } else if actions.just_pressed(Action::Down) && view.scroll > 0 {
                view.scroll -= 1;
            }
        }
        Shown::Choices(choices) => {
            let available: Vec<usize> = (0..choices.len())
                .filter(|i| choices[*i].available)
                .collect();
            let Some(at) = available
                .iter()
                .position(|i| *i == view.selected)
                .or(Some(0))
            else {
                return;
            };
            let count = available.len().max(1);
            let mut moved = None;
            if actions.just_pressed(Action::Down) {
                moved = available.get((at + 1) % count).copied();
            } else if actions.just_pressed(Action::Up) {
                moved = available.get((at + count - 1) % count).copied();
            }
            let ready = view.choosing >= CHOICE_GRACE;
            // Hovering selects while the mouse moves; a click chooses.
            for (row, interaction) in &rows {
                match *interaction {
                    Interaction::Hovered if choices[row.0].available && pointer.0 => {
                        moved = Some(row.0)
                    }
                    Interaction::Pressed
                        if choices[row.0].available && ready && interaction.is_changed() =>
                    {
                        commands.trigger(Converse::Choose(choices[row.0].id.clone()));
                    }
                    _ => {}
                }
            }
            if let Some(to) = moved.filter(|to| *to != view.selected) {
                view.selected = to;
                sfx.write(PlaySfx(Sfx::MenuMove));
            }
            if !available.contains(&view.selected) {
                view.selected = available.first().copied().unwrap_or(0);
            }
            if confirm
                && ready
                && let Some(choice) = choices.get(view.selected).filter(|c| c.available)
            {
                sfx.write(PlaySfx(Sfx::MenuConfirm));
                view.scroll = 0;
                commands.trigger(Converse::Choose(choice.id.clone()));
            }
        }
        Shown::Ended => {}
    }
}

/// What was said before what is shown now, oldest first: with a line
/// shown, everything but that line.
fn history(state: &StoryState) -> &[Said] {
    state.dialogue.as_ref().map_or(&[], |p| match p.at {
        crate::story::DialogueAt::Line(_) => &p.history[..p.history.len().saturating_sub(1)],
        crate::story::DialogueAt::Choosing => &p.history,
    })
}

/// Draws the box's content anew when what it shows changes.
fn redraw(
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    mut boxes: Query<(Entity, &mut DialogueBox)>,
    content: Query<Entity, With<Content>>,
    mut commands: Commands,
) {
    let (Ok((root, mut view)), Some(state)) = (boxes.single_mut(), state.as_deref()) else {
        return;
    };
    let Some((dialogue, shown)) = current(&night, Some(state)) else {
        return;
    };
    let key = format!("{shown:?}{}{}", view.selected, view.scroll);
    if view.drawn == key {
        return;
    }
    view.drawn = key;
    for entity in &content {
        commands.entity(entity).despawn();
    }
    let said = history(state);
    let scrolled = view.scroll.min(said.len());
    let before = &said[..said.len() - scrolled];
    let (speaker, hint) = match &shown {
        Shown::Line(line) => (line.speaker.as_deref(), LINE_HINT),
        _ => (None, CHOICES_HINT),
    };
    // With choices shown, the one who spoke last stays in the frame.
    let last_name = said.last().and_then(|s| s.speaker.as_deref());
    let portrait = speaker
        .and_then(|s| dialogue.speaker(s))
        .or_else(|| {
            dialogue
                .speakers
                .iter()
                .find(|s| Some(s.name.as_str()) == last_name)
        })
        .and_then(|s| s.portrait.as_deref())
        .and_then(sprites::find);
    commands.entity(root).with_children(|root| {
        root.spawn((
            Content,
            portrait_frame(portrait.map(|p| crate::world::colour(p.colour))),
        ));
        root.spawn((
            Content,
            Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                row_gap: px(6),
                ..default()
            },
        ))
        .with_children(|column| {
            let start = before.len().saturating_sub(HISTORY_SHOWN);
            if scrolled > 0 {
                column.spawn(widget::label(
                    format!("Earlier ({scrolled} back)"),
                    theme::SMALL_SIZE,
                    theme::SODIUM,
                ));
            }
            for said in &before[start..] {
                column.spawn(widget::label(
                    said_text(said),
                    theme::SMALL_SIZE,
                    theme::DIM,
                ));
            }
            match &shown {
                Shown::Line(line) if scrolled == 0 => {
                    if let Some(name) = &line.name {
                        column.spawn(widget::label(
                            name.clone(),
                            theme::SMALL_SIZE,
                            theme::SODIUM,
                        ));
                    }
                    column.spawn((
                        Text::default(),
                        TextFont::from_font_size(theme::READING_SIZE),
                        TextColor(theme::PAPER),
                        children![
                            (Typed, TextSpan::default(), TextColor(theme::PAPER)),
                            (
                                Untyped,
                                TextSpan::new(line.text.clone()),
                                TextColor(Color::NONE)
                            ),
                        ],
                    ));
                }
                Shown::Choices(choices) => {
                    for (index, choice) in choices.iter().enumerate() {
                        column.spawn(choice_row(index, choice, index == view.selected));
                    }
                }
                _ => {}
            }
            column.spawn(hint_line(hint));
        });
    });
}

/// Shows as much of the line as has been typed.
fn show_typing(
    boxes: Query<&DialogueBox>,
    state: Option<Res<StoryState>>,
    night: Res<NightData>,
    mut typed: Query<&mut TextSpan, (With<Typed>, Without<Untyped>)>,
    mut untyped: Query<&mut TextSpan, (With<Untyped>, Without<Typed>)>,
) {
    let (Ok(view), Some((_, Shown::Line(line)))) =
        (boxes.single(), current(&night, state.as_deref()))
    else {
        return;
    };
    let count = view.typing.as_ref().map_or(0, |(_, t)| *t as usize);
    let split = line
        .text
        .char_indices()
        .nth(count)
        .map_or(line.text.len(), |(i, _)| i);
    let (done, rest) = line.text.split_at(split);
    for mut span in &mut typed {
        if span.0 != done {
            span.0 = done.to_owned();
        }
    }
    for mut span in &mut untyped {
        if span.0 != rest {
            span.0 = rest.to_owned();
        }
    }
}

fn said_text(said: &Said) -> String {
    match (&said.speaker, said.chosen) {
        (_, true) => format!("> {}", said.text),
        (Some(name), false) => format!("{name}: {}", said.text),
        (None, false) => said.text.clone(),
    }
}

/// The speaker's portrait: a figure in their colour in a dark frame (the
/// placeholder until the art lands); an empty frame for narration.
fn portrait_frame(colour: Option<Color>) -> impl Bundle {
    let figure = colour.unwrap_or(Color::NONE);
    (
        Node {
            width: px(96),
            height: px(120),
            flex_shrink: 0.0,
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::FlexEnd,
            border: UiRect::all(px(2)),
            ..default()
        },
        BorderColor::all(theme::DIM),
        // Light enough that the darkest figures (the stranger) show.
        BackgroundColor(Color::srgb(0.30, 0.32, 0.38)),
        children![
            (
                Node {
                    width: px(40),
                    height: px(44),
                    border_radius: BorderRadius::all(px(20)),
                    ..default()
                },
                BackgroundColor(figure),
            ),
            (
                Node {
                    width: px(76),
                    height: px(48),
                    margin: UiRect::top(px(4)),
                    border_radius: BorderRadius::top(px(30)),
                    ..default()
                },
                BackgroundColor(figure),
            ),
        ],
    )
}

/// One of Lev's choices: `>` marks the selected one; an unavailable one is
/// dim and says so in words, not by colour alone.
fn choice_row(index: usize, choice: &runner::ShownChoice, selected: bool) -> impl Bundle {
    let (marker, text, colour) = match (choice.available, selected) {
        (false, selected) => (
            if selected { "> " } else { "  " },
            format!("{} (not now)", choice.text),
            theme::DIM,
        ),
        (true, true) => ("> ", choice.text.clone(), theme::SODIUM),
        (true, false) => ("  ", choice.text.clone(), theme::PAPER),
    };
    (
        Name::new(choice.text.clone()),
        ChoiceRow(index),
        Button,
        Node::default(),
        children![widget::label(
            format!("{marker}{text}"),
            theme::READING_SIZE,
            colour
        )],
    )
}

/// The choices shown now, the index of the selected one, and whether a
/// press would choose yet (see [`CHOICE_GRACE`]): for scripts that pick a
/// choice by its text.
pub fn open_choices(world: &mut World) -> Option<(Vec<runner::ShownChoice>, usize, bool)> {
    let mut boxes = world.query::<&DialogueBox>();
    let view = boxes.single(world).ok()?;
    let (selected, ready) = (view.selected, view.choosing >= CHOICE_GRACE);
    let (_, shown) = current(
        world.get_resource::<NightData>()?,
        world.get_resource::<StoryState>(),
    )?;
    match shown {
        Shown::Choices(choices) => Some((choices, selected, ready)),
        _ => None,
    }
}
