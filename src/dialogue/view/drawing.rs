//! Drawing the box's content when the conversation moves: the portrait,
//! the speaker, the lines before (scrolled back as the player asks), the
//! line being typed, and the choices, greyed and marked where unavailable.

use bevy::prelude::*;

use super::typing::{Typed, Untyped};
use super::{DialogueBox, current};
use crate::content::sprites;
use crate::dialogue::runner::{self, Shown};
use crate::input::Action;
use crate::levels::NightData;
use crate::story::{Said, StoryState};
use crate::ui::prompts::hint_line;
use crate::ui::{theme, widget};

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

/// What is redrawn when the conversation moves.
#[derive(Component)]
pub(super) struct Content;

/// A choice's row, by index among those shown.
#[derive(Component)]
pub(super) struct ChoiceRow(pub(super) usize);

/// What was said before what is shown now, oldest first: with a line
/// shown, everything but that line.
pub(super) fn history(state: &StoryState) -> &[Said] {
    state.dialogue.as_ref().map_or(&[], |p| match p.at {
        crate::story::DialogueAt::Line(_) => &p.history[..p.history.len().saturating_sub(1)],
        crate::story::DialogueAt::Choosing => &p.history,
    })
}

/// Draws the box's content anew when what it shows changes.
pub(super) fn redraw(
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

fn said_text(said: &Said) -> String {
    match (&said.speaker, said.chosen) {
        (_, true) => format!("> {}", said.text),
        (Some(name), false) => format!("{name}: {}", said.text),
        (None, false) => said.text.clone(),
    }
}

/// The speaker's portrait: a figure in their colour in a dark frame (no
/// speaker has a drawn portrait yet); an empty frame for narration.
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
