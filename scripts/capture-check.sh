#!/usr/bin/env bash
# The capture check: plays tests/game/scripts/capture-check.ron in a real
# window under Xvfb with Mesa's software Vulkan renderer, then checks that
# the photograph it wrote has the frame's size and aspect, is not blank,
# shows the world under the frame (against a screenshot of the same view
# with the camera lowered) and none of the viewfinder's overlay (the test
# photo::the_captured_photograph_shows_the_view_without_the_overlay). Then
# the exposure: tests/game/scripts/exposure-check.ron takes one frame at 2 s
# and at 1/2 s, and the second must hold a quarter of the first's light, and
# both PNGs must say in their text chunks how they were taken
# (photo::two_stops_under_holds_a_quarter_of_the_light). Then
# the mirror: tests/game/scripts/mirror-check.ron photographs the figure in
# black in the belfry, and the photograph must show Lev's figure where the
# figure stood (the test night::the_mirror_photograph_shows_lev_where_the_figure_stood).
# Last the roll: tests/game/scripts/roll-check.ron ends a night at sunrise,
# and each photograph must have a changed copy beside it, and the contact
# sheet a numbered cell for each (night::the_roll_is_developed_changed_and_numbered).
# Then the roll whatever the player does: the same night left on the
# ending's first frame (roll-leave.ron), with the window closed as the
# roll develops (roll-close.ron), and killed as it develops (roll-kill.ron);
# after each the game starts again (roll-resume.ron), and every photograph
# must have its changed copy, the contact sheet must exist and the kept
# night must name them (keeping::the_roll_develops_whatever_the_player_does).
# Last the faults: `photos` a file (photos-refused.ron, then
# photos-continue.ron once it is a folder again), a data folder under a
# file (data-unwritable.ron), and kept files cut short (kept-cut-short.ron).
#   scripts/capture-check.sh        (CAPTURE_CHECK_KEEP=DIR keeps what the runs left)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh xvfb xauth mesa-vulkan-drivers libvulkan1
cargo build --locked
bin=$(realpath "${CARGO_TARGET_DIR:-target}/debug/long-exposure")

# CAPTURE_CHECK_KEEP=DIR keeps the runs' folders (logs, screenshots) there.
if [ -n "${CAPTURE_CHECK_KEEP:-}" ]; then
    work=$(realpath -m "$CAPTURE_CHECK_KEEP")
    rm -rf "$work"
    mkdir -p "$work"
    trap 'kill ${xvfb:-} 2>/dev/null || true' EXIT
else
    work=$(mktemp -d)
    trap 'kill ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fi
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp &
xvfb=$!
sleep 1
repo="$PWD"

# play DIR NAME [GAME ARGUMENTS...]: plays tests/game/scripts/NAME.ron in
# the window, in DIR (its data folder too, unless DATA_DIR names another),
# its log in DIR/NAME.log.
play() {
    local dir=$1 name=$2
    shift 2
    mkdir -p "$dir/$name"
    local start
    start=$(date +%s)
    if ! (cd "$dir" && DISPLAY=$display timeout 180 "$bin" \
            --script "$repo/tests/game/scripts/$name.ron" "$@" \
            --data-dir "${DATA_DIR:-$dir}" --levels "$repo/levels" \
            --mods "$repo/tests/game/levels/empty-mods" > "$name.log" 2> "$name.errors.log"); then
        cat "$dir/$name.log" "$dir/$name.errors.log" >&2
        echo "capture-check: the scripted windowed run $name failed" >&2
        exit 1
    fi
    echo "capture-check: the scripted windowed run $name took $(( $(date +%s) - start )) s"
    grep -E "photo:|roll:|screenshot:|notice:|steps passed" "$dir/$name.log" || true
}

# verify DIR TEST: runs the ignored test TEST on what the runs left in DIR.
verify() {
    CAPTURE_CHECK_DIR="$1" cargo test --locked --test game -- --ignored \
        --exact "$2" --nocapture
}

# check NAME TEST [GAME ARGUMENTS...]: plays NAME in a folder of its own,
# then runs the ignored test TEST on what it left there.
check() {
    local name=$1 test=$2
    shift 2
    local dir="$work/$name"
    play "$dir" "$name" "$@"
    cp "$dir/$name.log" "$dir/run.log"
    verify "$dir" "$test"
}

# kill_while_developing DIR NAME [GAME ARGUMENTS...]: plays NAME in DIR
# and kills the game (SIGKILL) as soon as it prints that the roll is
# developing.
kill_while_developing() {
    local dir=$1 name=$2
    shift 2
    mkdir -p "$dir/$name"
    (cd "$dir" && DISPLAY=$display exec "$bin" \
        --script "$repo/tests/game/scripts/$name.ron" "$@" \
        --data-dir "$dir" --levels "$repo/levels" \
        --mods "$repo/tests/game/levels/empty-mods" > "$name.log" 2> "$name.errors.log") &
    local game=$! waited=0
    until grep -q "roll: developing" "$dir/$name.log" 2>/dev/null; do
        sleep 0.01
        waited=$((waited + 1))
        if [ "$waited" -gt 18000 ] || ! kill -0 "$game" 2>/dev/null; then
            cat "$dir/$name.log" "$dir/$name.errors.log" >&2
            echo "capture-check: $name never began developing the roll" >&2
            exit 1
        fi
    done
    kill -KILL "$game"
    wait "$game" 2>/dev/null || true
    if grep -qs "contact_sheet: Some" "$dir"/nights/*.ron; then
        echo "capture-check: $name was killed after the roll was kept developed"
    else
        echo "capture-check: $name was killed with the roll undeveloped"
    fi
}

check capture-check game::photo::the_captured_photograph_shows_the_view_without_the_overlay
check exposure-check game::photo::two_stops_under_holds_a_quarter_of_the_light
check mirror-check game::night::the_mirror_photograph_shows_lev_where_the_figure_stood \
    --start clock_tower:belfry --at 00:00
check roll-check game::night::the_roll_is_developed_changed_and_numbered \
    --start sunrise --at 05:00

roll=game::keeping::the_roll_develops_whatever_the_player_does
for how in leave close kill; do
    dir="$work/roll-$how"
    if [ "$how" = kill ]; then
        kill_while_developing "$dir" roll-kill --start sunrise --at 05:00
    else
        play "$dir" "roll-$how" --start sunrise --at 05:00
    fi
    play "$dir" roll-resume
    verify "$dir" "$roll"
done

# The photos folder refused, then writable again.
dir="$work/photos-refused"
mkdir -p "$dir"
echo "not a folder" > "$dir/photos"
play "$dir" photos-refused
rm "$dir/photos"
play "$dir" photos-continue
verify "$dir" game::keeping::a_refused_photograph_in_a_window_is_kept_then_brought_in

# The data folder cannot be written: told, and the night plays on.
dir="$work/data-unwritable"
mkdir -p "$dir"
echo "not a folder" > "$dir/blocked"
DATA_DIR="$dir/blocked/data" play "$dir" data-unwritable
for told in "notice: The night could not be saved" "photo: 1 held in memory" \
        "notice: Photograph 1 could not be written" "steps passed"; do
    grep -q "$told" "$dir/data-unwritable.log" \
        || { echo "capture-check: data-unwritable never said: $told" >&2; exit 1; }
done

# Kept files cut short: reported on the title, set aside, never written over.
dir="$work/kept-cut-short"
mkdir -p "$dir/nights"
printf 'PastNights(\n    endings: [\n        "the_unspo' > "$dir/nights.ron"
printf '[\n    "phone_call/hello",\n    "phone_ca' > "$dir/seen-lines.ron"
kept=$(ls "$work"/roll-check/nights/night-*.ron | head -n 1)
head -c 300 "$kept" > "$dir/nights/night-5.ron"
for file in nights.ron seen-lines.ron nights/night-5.ron; do cp "$dir/$file" "$dir/$file.cut"; done
play "$dir" kept-cut-short
verify "$dir" game::keeping::kept_files_cut_short_in_a_window_are_reported_and_set_aside
