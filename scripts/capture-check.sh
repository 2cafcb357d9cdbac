#!/usr/bin/env bash
# The capture check: plays tests/game/scripts/capture-check.ron in a real
# window under Xvfb with Mesa's software Vulkan renderer, then checks that
# the photograph it wrote has the frame's size and aspect, is not blank,
# shows the world under the frame (against a screenshot of the same view
# with the camera lowered) and none of the viewfinder's overlay (the test
# photo::the_captured_photograph_shows_the_view_without_the_overlay). Then
# the mirror: tests/game/scripts/mirror-check.ron photographs the figure in
# black in the belfry, and the photograph must show Lev's figure where the
# figure stood (the test night::the_mirror_photograph_shows_lev_where_the_figure_stood).
# Last the roll: tests/game/scripts/roll-check.ron ends a night at sunrise,
# and each photograph must have a changed copy beside it, and the contact
# sheet a numbered cell for each (night::the_roll_is_developed_changed_and_numbered).
#   scripts/capture-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh xvfb xauth mesa-vulkan-drivers libvulkan1
cargo build --locked
bin=$(realpath "${CARGO_TARGET_DIR:-target}/debug/long-exposure")

work=$(mktemp -d)
trap 'kill ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp &
xvfb=$!
sleep 1
repo="$PWD"

# check NAME TEST [GAME ARGUMENTS...]: plays tests/game/scripts/NAME.ron in
# the window, in a folder of its own (its data folder), then runs the
# ignored test TEST on what it left there.
check() {
    local name=$1 test=$2
    shift 2
    local dir="$work/$name"
    mkdir -p "$dir/$name"
    local start
    start=$(date +%s)
    if ! (cd "$dir" && DISPLAY=$display timeout 180 "$bin" \
            --script "$repo/tests/game/scripts/$name.ron" "$@" \
            --data-dir "$dir" --levels "$repo/levels" \
            --mods "$repo/tests/game/levels/empty-mods" > run.log 2> errors.log); then
        cat "$dir/run.log" "$dir/errors.log" >&2
        echo "capture-check: the scripted windowed run $name failed" >&2
        exit 1
    fi
    echo "capture-check: the scripted windowed run $name took $(( $(date +%s) - start )) s"
    grep -E "photo:|roll:|screenshot:|steps passed" "$dir/run.log"
    CAPTURE_CHECK_DIR="$dir" cargo test --locked --test game -- --ignored \
        --exact "$test" --nocapture
}

check capture-check game::photo::the_captured_photograph_shows_the_view_without_the_overlay
check mirror-check game::night::the_mirror_photograph_shows_lev_where_the_figure_stood \
    --start clock_tower:belfry --at 00:00
check roll-check game::night::the_roll_is_developed_changed_and_numbered \
    --start sunrise --at 05:00
