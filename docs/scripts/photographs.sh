#!/usr/bin/env bash
# Photographs the game itself took, for docs/: a 4 s exposure of a car
# passing in the streets, braced, on the tungsten film at f/4: its lamps
# drawn out into a trail of light across the frame (docs/photo-light-trail.png).
# (At 1/500 s the same street is eight stops dark: black.) A scripted
# windowed run under Xvfb (scripts/screenshot.sh); the picture is the PNG
# the game wrote.
#   docs/scripts/photographs.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { # NAME SHUTTER APERTURE
    cat > "$work/$1.ron" <<RON
(steps: [
    WaitSeconds(3.5),
    WalkTo(1080),
    Film("tasma-160t"),
    Press(Camera), Zoom(35), Aim(1010, 84),
    Shutter("$2"), Aperture($3),
    WaitUntil(SubjectAt("streets/headlights", 1100, 71.5, 14), 120),
    Hold(Careful), Press(Shutter), Release(Careful),
    WaitSeconds(5.0),
])
RON
    GAME_ARGS="--data-dir $work/$1" scripts/screenshot.sh --start streets:from_tower --at 23:30 \
        --script "$work/$1.ron" | grep -E "photo: 1 (exposed|frame)|steps passed"
    cp "$(ls "$work/$1"/photos/night-*-01.png | head -n 1)" "docs/$1.png"
}
shoot photo-light-trail "4 s" 4
