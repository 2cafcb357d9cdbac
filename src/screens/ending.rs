//! The ending screen: the ending the night came to, its title and summary
//! from `story.ron`, over the generated dawn backdrop (Lev on a roof, his
//! camera raised to the sun), and the developed roll's contact sheet once
//! it is ready (or why it could not be developed); then back to the title,
//! at once if the player likes: the roll develops all the same.

use bevy::prelude::*;

use crate::art::sheets::SpriteSheets;
use crate::input::Action;
use crate::levels::NightData;
use crate::photo::{Darkroom, DevelopedRoll};
use crate::states::Screen;
use crate::story::StoryState;
use crate::ui::menu::Activate;
use crate::ui::prompts::action_hint;
use crate::ui::{theme, widget};

/// The ending's help line: its one item needs no choosing.
const ENDING_HINT: &[(&[Action], &str)] = &[(&[Action::Confirm], "back to the title")];

/// Warm dawn grey behind the ending where the art is missing.
const DAWN: Color = Color::srgb(0.33, 0.26, 0.30);

/// Where the contact sheet shows.
#[derive(Component)]
struct RollView;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Ending), spawn_ending)
        .add_systems(
            Update,
            show_roll
                .run_if(
                    resource_changed::<Darkroom>
                        .or_else(resource_exists_and_changed::<DevelopedRoll>),
                )
                .run_if(in_state(Screen::Ending)),
        );
}

fn spawn_ending(
    data: Res<NightData>,
    state: Option<Res<StoryState>>,
    sheets: Option<Res<SpriteSheets>>,
    mut commands: Commands,
) {
    let backdrop = sheets.and_then(|s| s.image("ending_backdrop"));
    let background = if backdrop.is_some() {
        Color::NONE
    } else {
        DAWN
    };
    if let Some((image, size)) = backdrop {
        commands.spawn((
            Name::new("Ending backdrop"),
            Sprite {
                image,
                custom_size: Some(size),
                ..default()
            },
            DespawnOnExit(Screen::Ending),
        ));
    }
    let ending = state
        .as_ref()
        .and_then(|s| s.ending.as_ref())
        .and_then(|id| {
            let story = data.story.as_ref()?;
            story.endings.iter().find(|e| e.id == *id)
        });
    let pictures = state.as_ref().is_some_and(|s| s.roll_to_develop());
    let roll = if pictures {
        "Developing the roll..."
    } else {
        ""
    };
    let (title, summary) = ending.map_or_else(
        || ("Sunrise".to_owned(), "The night is over.".to_owned()),
        |e| (e.title.clone(), e.summary.clone()),
    );
    commands.spawn((
        widget::screen_root("Ending"),
        DespawnOnExit(Screen::Ending),
        BackgroundColor(background),
        children![
            widget::label(title, theme::TITLE_SIZE * 0.75, theme::PAPER),
            widget::panel_text(summary),
            (
                RollView,
                Node {
                    width: percent(100),
                    justify_content: JustifyContent::Center,
                    ..default()
                },
                children![widget::hint(roll)],
            ),
            widget::menu(children![widget::button("Back to title", back_to_title)]),
            action_hint(ENDING_HINT),
        ],
    ));
}

/// The contact sheet, in place of the word that it is developing; or
/// why it could not be developed. At most this share of the window's
/// width and height, its shape kept.
fn show_roll(
    roll: Option<Res<DevelopedRoll>>,
    darkroom: Res<Darkroom>,
    state: Option<Res<StoryState>>,
    images: Option<Res<Assets<Image>>>,
    views: Query<Entity, With<RollView>>,
    mut commands: Commands,
) {
    let Some(night) = state.map(|s| s.night) else {
        return;
    };
    let sheet = roll.filter(|r| r.night == night).map(|r| r.sheet.clone());
    for view in &views {
        let mut view = commands.entity(view);
        if let Some(sheet) = &sheet {
            let aspect = images
                .as_ref()
                .and_then(|i| i.get(sheet))
                .map_or(1.0, |i| i.aspect_ratio().ratio());
            view.despawn_children().with_child((
                Name::new("Contact sheet"),
                ImageNode::new(sheet.clone()),
                Node {
                    width: percent(92),
                    max_height: vh(46),
                    aspect_ratio: Some(aspect),
                    ..default()
                },
            ));
        } else if let Some(failure) = darkroom.failure(night) {
            view.despawn_children()
                .with_child(widget::panel_text_small(failure.to_owned()));
        }
    }
}

fn back_to_title(_: On<Activate>, mut next: ResMut<NextState<Screen>>) {
    next.set(Screen::Title);
}
