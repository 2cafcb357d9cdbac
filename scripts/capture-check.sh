#!/usr/bin/env bash
# The capture check: plays tests/game/scripts/capture-check.ron in a real
# window under Xvfb with Mesa's software Vulkan renderer, then checks that
# the photograph it wrote has the frame's size and aspect, is not blank,
# shows the world under the frame (against a screenshot of the same view
# with the camera lowered) and none of the viewfinder's overlay (the test
# photo::the_captured_photograph_shows_the_view_without_the_overlay).
#   scripts/capture-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh xvfb xauth mesa-vulkan-drivers libvulkan1
cargo build --locked
bin=$(realpath "${CARGO_TARGET_DIR:-target}/debug/long-exposure")

work=$(mktemp -d)
trap 'kill ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/capture-check"
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp &
xvfb=$!
sleep 1
script="$PWD/tests/game/scripts/capture-check.ron"
empty="$PWD/tests/game/levels/empty-mods"
levels="$PWD/levels"
start=$(date +%s)
if ! (cd "$work" && DISPLAY=$display timeout 180 "$bin" --script "$script" \
        --data-dir "$work" --levels "$levels" --mods "$empty" > run.log 2> errors.log); then
    cat "$work/run.log" "$work/errors.log" >&2
    echo "capture-check: the scripted windowed run failed" >&2
    exit 1
fi
echo "capture-check: the scripted windowed run took $(( $(date +%s) - start )) s"
grep -E "photo:|screenshot:|steps passed" "$work/run.log"
CAPTURE_CHECK_DIR="$work" cargo test --locked --test game -- --ignored \
    --exact game::photo::the_captured_photograph_shows_the_view_without_the_overlay --nocapture
