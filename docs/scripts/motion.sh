#!/usr/bin/env bash
# Screenshots of the night moving, for docs/: the traffic and the tram in
# the streets, the pigeons in the air over the warehouse gantry, the
# tower's gears and pendulum, and the dial's hands at the night's time.
# Each is a scripted run in a window under Xvfb (scripts/screenshot.sh)
# that waits for the moving thing to get where the picture wants it.
#   docs/scripts/motion.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # START AT NAME STEPS
    cat > "$work/$3.ron" <<RON
(steps: [
    Select("New game"), WaitSeconds(3.5),
    $4
])
RON
    scripts/screenshot.sh --start "$1" --at "$2" --script "$work/$3.ron" | grep "screenshot:"
}
run streets:from_tower 23:30 streets-traffic '
    WalkTo(1080),
    WaitUntil(SubjectAt("streets/headlights", 1010, 71.5, 12), 40),
    Screenshot("docs/streets-traffic.png"),'
run warehouse:from_streets 23:10 warehouse-pigeons '
    WalkTo(548), Hold(Up), WaitSeconds(2.0), Release(Up),
    WalkTo(412), Hold(Up), WaitSeconds(2.0), Release(Up),
    WaitUntil(SubjectAt("warehouse/pigeons", 374, 227, 10), 45),
    Screenshot("docs/warehouse-pigeons.png"),'
run clock_tower:from_streets 23:40 clock_tower-machinery '
    WalkTo(100), Hold(Up), WaitSeconds(3.0), Release(Up),
    WalkTo(200), Hold(Up), WaitSeconds(3.0), Release(Up),
    WalkTo(180), WaitSeconds(0.7),
    Screenshot("docs/clock_tower-machinery.png"),
    WalkTo(224), Hold(Up), WaitSeconds(3.0), Release(Up),
    WalkTo(150), WaitSeconds(0.5),
    Screenshot("docs/clock_tower-dial.png"),'
