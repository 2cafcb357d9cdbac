#!/usr/bin/env bash
# The release build with the game's files built in (the `embed` feature):
# one binary that runs copied alone into any folder, started from any
# other. Writes dist/long-exposure. A first release build compiles Bevy
# again with optimizations: about half an hour on two cores.
#   scripts/bundle.sh [--debug]
# --debug builds the same binary without optimizations (minutes, not half
# an hour), for checking the bundle itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/long-exposure/target}
profile=release
cargo_args=(--release)
if [ "${1:-}" = "--debug" ]; then profile=debug; cargo_args=(); fi
cargo build "${cargo_args[@]}" --features embed --bin long-exposure
mkdir -p dist
cp "$CARGO_TARGET_DIR/$profile/long-exposure" dist/long-exposure
echo "bundle: dist/long-exposure ($profile, $(du -h dist/long-exposure | cut -f1)); copy it anywhere and run it"
