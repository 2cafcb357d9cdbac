#!/usr/bin/env bash
# Frames per second in a real window under Xvfb with Mesa's software Vulkan
# renderer (lavapipe), which fills pixels on the CPU: an empty Bevy 2D
# scene, one full-screen sprite, each chapter with Lev walking five times
# (against the sprite), the first chapter with Bevy's multi-threaded
# executor, and the time to the title's first frame. About fifteen minutes.
#   scripts/bench-window.sh [--release]
# `.ci/run` does not call it: the figures are for people, not a pass mark.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh xvfb xauth mesa-vulkan-drivers libvulkan1
profile=debug
cargo_args=()
if [ "${1:-}" = "--release" ]; then profile=release; cargo_args=(--release); fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/long-exposure/target}
cargo build "${cargo_args[@]}"
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display "$CARGO_TARGET_DIR/$profile/long-exposure" bench --window
