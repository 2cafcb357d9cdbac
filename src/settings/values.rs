//! What the player can set, in plain Rust: the values, their defaults, and
//! the rows of the settings screen that show and step them.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::input::Action;

/// The version of the settings' shape.
pub const SETTINGS_VERSION: u32 = 1;

/// Everything the player sets, kept in `settings.ron` and applied at once.
#[derive(bevy::prelude::Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename = "Settings")]
pub struct Settings {
    /// [`SETTINGS_VERSION`] when written.
    pub version: u32,
    /// Volume of everything, 0 to 100.
    pub master_volume: u8,
    /// Volume of the score, 0 to 100.
    pub music_volume: u8,
    /// Volume of the night's background sound (rain, the city), 0 to 100.
    pub ambience_volume: u8,
    /// Volume of sound effects and voices, 0 to 100.
    pub effects_volume: u8,
    /// How fast a line of dialogue types out.
    pub text_speed: TextSpeed,
    /// How large text is drawn.
    pub text_size: TextSize,
    /// A solid background behind all text, instead of a see-through one.
    pub solid_text_background: bool,
    /// Captions for the sounds that mean something.
    pub captions: bool,
    /// No moving camera and instant fades.
    pub reduce_motion: bool,
    /// Flashes (a lamp's flicker) at most three times a second.
    pub limit_flashes: bool,
    /// The camera's shutter and aperture set by hand; off, the automatic
    /// mode sets them for the metered light (focus can be held either way).
    pub manual_exposure: bool,
    /// How the window is shown.
    pub window_mode: WindowMode,
    /// The window's size in windowed mode: this many screen pixels per
    /// pixel of the 320x180 view.
    pub window_scale: u32,
    /// Where photographs are written (none: the pictures folder).
    pub photos_folder: Option<PathBuf>,
    /// The player's own keys: each action given one, by the key's name
    /// (`(Interact, "KeyK")`), over the default bindings.
    pub keys: Vec<(Action, String)>,
    /// The player's own gamepad buttons, by the button's name
    /// (`(Interact, "LeftThumb")`), over the default bindings.
    pub buttons: Vec<(Action, String)>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            master_volume: 80,
            music_volume: 70,
            ambience_volume: 80,
            effects_volume: 100,
            text_speed: TextSpeed::Normal,
            text_size: TextSize::Normal,
            solid_text_background: false,
            captions: true,
            reduce_motion: false,
            limit_flashes: true,
            manual_exposure: false,
            window_mode: WindowMode::Windowed,
            window_scale: 4,
            photos_folder: None,
            keys: Vec::new(),
            buttons: Vec::new(),
        }
    }
}

/// How fast a line types out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSpeed {
    /// 25 letters a second.
    Slow,
    /// 45 letters a second.
    #[default]
    Normal,
    /// 90 letters a second.
    Fast,
    /// Whole lines at once.
    WholeLines,
}

impl TextSpeed {
    /// Letters a second; `None` for whole lines at once.
    pub fn letters_per_second(self) -> Option<f32> {
        match self {
            Self::Slow => Some(25.0),
            Self::Normal => Some(45.0),
            Self::Fast => Some(90.0),
            Self::WholeLines => None,
        }
    }
}

/// How large text is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    /// As designed.
    #[default]
    Normal,
    /// A quarter larger.
    Large,
    /// Half as large again.
    Largest,
}

impl TextSize {
    /// The factor over the designed size.
    pub fn factor(self) -> f32 {
        match self {
            Self::Normal => 1.0,
            Self::Large => 1.25,
            Self::Largest => 1.5,
        }
    }
}

/// How the window is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowMode {
    /// A window of the chosen scale.
    #[default]
    Windowed,
    /// A window without borders covering the screen.
    Borderless,
}

/// Window scales offered: 1280x720 to 2560x1440.
const SCALES: [u32; 5] = [4, 5, 6, 7, 8];

/// One row of the settings screen.
#[derive(bevy::prelude::Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// [`Settings::master_volume`].
    MasterVolume,
    /// [`Settings::music_volume`].
    MusicVolume,
    /// [`Settings::ambience_volume`].
    AmbienceVolume,
    /// [`Settings::effects_volume`].
    EffectsVolume,
    /// [`Settings::text_speed`].
    TextSpeed,
    /// [`Settings::text_size`].
    TextSize,
    /// [`Settings::solid_text_background`].
    TextBackground,
    /// [`Settings::captions`].
    Captions,
    /// [`Settings::reduce_motion`].
    ReduceMotion,
    /// [`Settings::limit_flashes`].
    LimitFlashes,
    /// [`Settings::manual_exposure`].
    Exposure,
    /// [`Settings::window_mode`].
    WindowMode,
    /// [`Settings::window_scale`].
    WindowScale,
}

impl Row {
    /// Every row, in the order the screen shows them.
    pub const ALL: [Row; 13] = [
        Row::MasterVolume,
        Row::MusicVolume,
        Row::AmbienceVolume,
        Row::EffectsVolume,
        Row::TextSpeed,
        Row::TextSize,
        Row::TextBackground,
        Row::Captions,
        Row::ReduceMotion,
        Row::LimitFlashes,
        Row::Exposure,
        Row::WindowMode,
        Row::WindowScale,
    ];

    /// What the row sets.
    pub fn label(self) -> &'static str {
        match self {
            Row::MasterVolume => "Volume",
            Row::MusicVolume => "Music",
            Row::AmbienceVolume => "Ambience",
            Row::EffectsVolume => "Effects",
            Row::TextSpeed => "Text speed",
            Row::TextSize => "Text size",
            Row::TextBackground => "Text background",
            Row::Captions => "Captions",
            Row::ReduceMotion => "Reduce motion",
            Row::LimitFlashes => "Limit flashes",
            Row::Exposure => "Camera exposure",
            Row::WindowMode => "Window",
            Row::WindowScale => "Window size",
        }
    }

    /// The value set, in words.
    pub fn value(self, settings: &Settings) -> String {
        let on_off = |on: bool| if on { "On" } else { "Off" }.to_owned();
        match self {
            Row::MasterVolume => format!("{}%", settings.master_volume),
            Row::MusicVolume => format!("{}%", settings.music_volume),
            Row::AmbienceVolume => format!("{}%", settings.ambience_volume),
            Row::EffectsVolume => format!("{}%", settings.effects_volume),
            Row::TextSpeed => match settings.text_speed {
                TextSpeed::Slow => "Slow",
                TextSpeed::Normal => "Normal",
                TextSpeed::Fast => "Fast",
                TextSpeed::WholeLines => "Whole lines at once",
            }
            .to_owned(),
            Row::TextSize => match settings.text_size {
                TextSize::Normal => "Normal",
                TextSize::Large => "Large",
                TextSize::Largest => "Largest",
            }
            .to_owned(),
            Row::TextBackground => if settings.solid_text_background {
                "Solid"
            } else {
                "See-through"
            }
            .to_owned(),
            Row::Captions => on_off(settings.captions),
            Row::ReduceMotion => on_off(settings.reduce_motion),
            Row::LimitFlashes => on_off(settings.limit_flashes),
            Row::Exposure => if settings.manual_exposure {
                "Manual"
            } else {
                "Automatic"
            }
            .to_owned(),
            Row::WindowMode => match settings.window_mode {
                WindowMode::Windowed => "Windowed",
                WindowMode::Borderless => "Borderless fullscreen",
            }
            .to_owned(),
            Row::WindowScale => {
                let scale = settings.window_scale;
                format!("{}x{}", 320 * scale, 180 * scale)
            }
        }
    }

    /// The row's label and value, as the screen shows them.
    pub fn text(self, settings: &Settings) -> String {
        format!("{}: {}", self.label(), self.value(settings))
    }

    /// Moves the row's value one step forward (`forward`) or back,
    /// wrapping around.
    pub fn step(self, settings: &mut Settings, forward: bool) {
        let volume = |v: &mut u8| {
            *v = if forward {
                if *v >= 100 { 0 } else { (*v / 10 + 1) * 10 }
            } else if *v == 0 {
                100
            } else {
                (v.div_ceil(10) - 1) * 10
            };
        };
        match self {
            Row::MasterVolume => volume(&mut settings.master_volume),
            Row::MusicVolume => volume(&mut settings.music_volume),
            Row::AmbienceVolume => volume(&mut settings.ambience_volume),
            Row::EffectsVolume => volume(&mut settings.effects_volume),
            Row::TextSpeed => {
                use TextSpeed::*;
                settings.text_speed = cycle(
                    &[Slow, Normal, Fast, WholeLines],
                    settings.text_speed,
                    forward,
                );
            }
            Row::TextSize => {
                use TextSize::*;
                settings.text_size = cycle(&[Normal, Large, Largest], settings.text_size, forward);
            }
            Row::TextBackground => {
                settings.solid_text_background = !settings.solid_text_background;
            }
            Row::Captions => settings.captions = !settings.captions,
            Row::ReduceMotion => settings.reduce_motion = !settings.reduce_motion,
            Row::LimitFlashes => settings.limit_flashes = !settings.limit_flashes,
            Row::Exposure => settings.manual_exposure = !settings.manual_exposure,
            Row::WindowMode => {
                use WindowMode::*;
                settings.window_mode =
                    cycle(&[Windowed, Borderless], settings.window_mode, forward);
            }
            Row::WindowScale => {
                settings.window_scale = cycle(&SCALES, settings.window_scale, forward);
            }
        }
    }
}

/// The choice after (or before) `now` in `choices`, wrapping around; the
/// first when `now` is none of them.
fn cycle<T: Copy + PartialEq>(choices: &[T], now: T, forward: bool) -> T {
    let count = choices.len();
    let next = match choices.iter().position(|&c| c == now) {
        Some(i) if forward => (i + 1) % count,
        Some(i) => (i + count - 1) % count,
        None => 0,
    };
    choices[next]
}

impl Settings {
    /// The settings with every value brought into its range (a hand-edited
    /// file may hold a volume of 250).
    pub fn clamped(mut self) -> Self {
        for volume in [
            &mut self.master_volume,
            &mut self.music_volume,
            &mut self.ambience_volume,
            &mut self.effects_volume,
        ] {
            *volume = (*volume).min(100);
        }
        if !SCALES.contains(&self.window_scale) {
            self.window_scale = Settings::default().window_scale;
        }
        self
    }

    /// A volume as a share of full (0 to 1), the master volume included.
    pub fn share(&self, volume: u8) -> f32 {
        f32::from(self.master_volume.min(100)) / 100.0 * f32::from(volume.min(100)) / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_steps_through_its_values_and_back() {
        for row in Row::ALL {
            let mut settings = Settings::default();
            let first = row.value(&settings);
            let mut seen = vec![first.clone()];
            loop {
                row.step(&mut settings, true);
                let now = row.value(&settings);
                if now == first {
                    break;
                }
                assert!(
                    !seen.contains(&now),
                    "{row:?} repeats {now} before wrapping"
                );
                seen.push(now);
                assert!(seen.len() <= 11, "{row:?} never wraps");
            }
            assert!(seen.len() >= 2, "{row:?} has one value");
            row.step(&mut settings, false);
            assert_eq!(
                &row.value(&settings),
                seen.last().unwrap(),
                "{row:?} steps back"
            );
        }
    }

    #[test]
    fn volumes_step_by_ten_and_wrap() {
        let mut settings = Settings {
            master_volume: 95,
            ..Settings::default()
        };
        Row::MasterVolume.step(&mut settings, true);
        assert_eq!(settings.master_volume, 100);
        Row::MasterVolume.step(&mut settings, true);
        assert_eq!(settings.master_volume, 0);
        Row::MasterVolume.step(&mut settings, false);
        assert_eq!(settings.master_volume, 100);
        settings.master_volume = 95;
        Row::MasterVolume.step(&mut settings, false);
        assert_eq!(settings.master_volume, 90);
        assert_eq!(Row::MasterVolume.text(&settings), "Volume: 90%");
    }

    #[test]
    fn out_of_range_values_are_brought_back() {
        let settings = Settings {
            music_volume: 250,
            window_scale: 40,
            ..Settings::default()
        }
        .clamped();
        assert_eq!(settings.music_volume, 100);
        assert_eq!(settings.window_scale, 4);
        assert!((settings.share(50) - 0.4).abs() < 1e-6);
    }
}
