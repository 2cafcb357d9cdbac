#!/usr/bin/env bash
# Screenshots of each chapter's place at night and at dawn, for docs/:
# docs/<level>-night.png and docs/<level>-dawn.png, each from a scripted run
# in a window under Xvfb (scripts/screenshot.sh) that begins in the level at
# that hour and walks Lev a few steps first.
#   docs/scripts/chapters.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# level:spawn, the way Lev walks and for how many seconds, the night's hour
shots=(
    "warehouse:start Right 2.5 23:10"
    "streets:from_warehouse Right 4.0 23:40"
    "clock_tower:belfry Left 1.0 23:58"
    "sunrise:start Right 2.0 04:40"
)
for shot in "${shots[@]}"; do
    read -r start way walk night <<< "$shot"
    level=${start%%:*}
    for when in night dawn; do
        at=$night
        [ "$when" = dawn ] && at=05:25
        script="$work/$level-$when.ron"
        cat > "$script" <<RON
(steps: [
    Select("New game"), WaitSeconds(3.5),
    Hold($way), WaitSeconds($walk), Release($way), WaitSeconds(0.6),
    Screenshot("docs/$level-$when.png"),
])
RON
        scripts/screenshot.sh --start "$start" --at "$at" --script "$script" | grep "screenshot:"
    done
done
