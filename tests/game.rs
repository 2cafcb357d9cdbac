//! System tests: the real game plugins, headless, driven by scripted input.
//! One test binary (every extra file in `tests/` would link Bevy again);
//! the modules live under `tests/game/`.

mod game {
    mod cli;
    mod dialogue;
    mod explore;
    mod generated;
    mod keeping;
    mod levels;
    mod modding;
    mod motion;
    mod night;
    mod photo;
    mod save;
    mod screens;
    mod scripts;
    mod settings;
    mod story;
    mod support;
}
