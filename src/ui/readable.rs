//! Text anyone can read: the interface scales with the window's height, so
//! the same layout reads the same at 720p, 1080p and 4K; every text is
//! drawn at the player's text size; and panels behind text turn solid when
//! the player asks. Applied to every text and panel as it appears and
//! again whenever the settings change.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::theme;
use crate::settings::Settings;

/// The window height the interface is designed at.
const DESIGN_HEIGHT: f32 = 720.0;

/// A text's size as designed, before the player's text size.
#[derive(Component, Debug, Clone, Copy)]
struct DesignedSize(FontSize);

/// A panel's colour as designed, before a solid background.
#[derive(Component, Debug, Clone, Copy)]
struct DesignedBackdrop(Color);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (
            scale_with_window,
            (size_new_text, back_new_panels),
            (size_all_text, back_all_panels).run_if(resource_changed::<Settings>),
        )
            .chain()
            .before(bevy::ui::UiSystems::Prepare),
    );
}

/// The interface's scale for a window `height` logical pixels tall.
fn scale_for(height: f32) -> f32 {
    (height / DESIGN_HEIGHT).max(0.25)
}

fn scale_with_window(
    windows: Query<&Window, (With<PrimaryWindow>, Changed<Window>)>,
    scale: Option<ResMut<UiScale>>,
) {
    if let (Ok(window), Some(mut scale)) = (windows.single(), scale) {
        let wanted = scale_for(window.height());
        if scale.0 != wanted {
            scale.0 = wanted;
        }
    }
}

fn size_new_text(
    settings: Res<Settings>,
    mut texts: Query<(Entity, &mut TextFont), Added<TextFont>>,
    mut commands: Commands,
) {
    let factor = settings.text_size.factor();
    for (entity, mut font) in &mut texts {
        commands.entity(entity).insert(DesignedSize(font.font_size));
        if factor != 1.0 {
            font.font_size = font.font_size * factor;
        }
    }
}

fn size_all_text(settings: Res<Settings>, mut texts: Query<(&DesignedSize, &mut TextFont)>) {
    let factor = settings.text_size.factor();
    for (designed, mut font) in &mut texts {
        font.font_size = designed.0 * factor;
    }
}

/// Whether `colour` is the panel colour behind text, at any opacity.
fn is_panel(colour: Color) -> bool {
    let (a, b) = (colour.to_srgba(), theme::PANEL.to_srgba());
    (a.red, a.green, a.blue) == (b.red, b.green, b.blue)
}

/// A panel's colour under `settings`.
fn backdrop(designed: Color, settings: &Settings) -> Color {
    if settings.solid_text_background {
        designed.with_alpha(1.0)
    } else {
        designed
    }
}

fn back_new_panels(
    settings: Res<Settings>,
    mut panels: Query<(Entity, &mut BackgroundColor), Added<BackgroundColor>>,
    mut commands: Commands,
) {
    for (entity, mut background) in &mut panels {
        if is_panel(background.0) {
            commands
                .entity(entity)
                .insert(DesignedBackdrop(background.0));
            background.0 = backdrop(background.0, &settings);
        }
    }
}

fn back_all_panels(
    settings: Res<Settings>,
    mut panels: Query<(&DesignedBackdrop, &mut BackgroundColor)>,
) {
    for (designed, mut background) in &mut panels {
        background.0 = backdrop(designed.0, &settings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_scales_with_the_window_height() {
        assert_eq!(scale_for(720.0), 1.0);
        assert_eq!(scale_for(1080.0), 1.5);
        assert_eq!(scale_for(2160.0), 3.0);
        // At 1280x800 the smallest text (18 designed) is 20 pixels.
        assert!(theme::SMALL_SIZE * scale_for(800.0) >= 12.0);
    }

    #[test]
    fn panels_turn_solid_and_back() {
        let solid = Settings {
            solid_text_background: true,
            ..Settings::default()
        };
        assert!(is_panel(theme::PANEL.with_alpha(0.75)));
        assert!(!is_panel(theme::NIGHT));
        assert_eq!(backdrop(theme::PANEL, &solid).alpha(), 1.0);
        assert_eq!(backdrop(theme::PANEL, &Settings::default()), theme::PANEL);
    }
}
