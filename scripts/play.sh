#!/usr/bin/env bash
# Quick start: install what is missing, build and play in a window.
#   scripts/play.sh [game arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
# libvulkan1 and Mesa's drivers give a renderer even without a GPU driver.
scripts/setup.sh libvulkan1 mesa-vulkan-drivers
exec cargo run -- "$@"
