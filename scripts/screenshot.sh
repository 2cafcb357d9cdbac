#!/usr/bin/env bash
# Screenshot of the game in a real window under Xvfb with Mesa's software
# Vulkan renderer (lavapipe): what a player sees, on a machine with no GPU.
#   scripts/screenshot.sh [--start LEVEL[:SPAWN]] [--at HH:MM] OUT.png [SECONDS] [KEY...]
#   scripts/screenshot.sh --script FILE.ron
# The second form plays a script in the window instead (its Screenshot
# steps write the pictures) and exits with the script's status.
# --start and --at go to the game: a new game begins at once in that level
# (see `long-exposure --help`). Waits SECONDS (default 8) for the window,
# presses each KEY (xdotool names, for example Return Escape) a second apart,
# then captures the screen. A KEY of the form sleep:N waits N more seconds
# instead; hold:KEY:N holds KEY down for N seconds. GAME_ARGS passes more
# arguments to the game, for example GAME_ARGS="--mods DIR". The game keeps
# its files in a fresh folder unless GAME_ARGS names a --data-dir. SCREEN sets the
# virtual screen's size (default 1280x720). WM=openbox runs that window
# manager under Xvfb first (installing it if missing): borderless
# fullscreen needs one, and with the game's window set to it in its
# settings the window then takes the screen's size.
# The built game is used as it is when no source file is newer than it.
set -euo pipefail
cd "$(dirname "$0")/.."
game_args=()
script=""
while [ $# -gt 0 ]; do
    case $1 in
        --start|--at) game_args+=("$1" "$2"); shift 2 ;;
        --script) script=$2; shift 2 ;;
        *) break ;;
    esac
done
scripts/setup.sh xvfb xauth mesa-vulkan-drivers libvulkan1 imagemagick xdotool

# The target folder: the one cargo is told to use, else the first that
# already holds a build (CI's is kept outside the clone), else target/.
target=${CARGO_TARGET_DIR:-}
if [ -z "$target" ]; then
    target=target
    for dir in target "$HOME/.cache/long-exposure/target"; do
        if [ -x "$dir/debug/long-exposure" ]; then target=$dir; break; fi
    done
fi
bin="$target/debug/long-exposure"
if [ ! -x "$bin" ] || [ -n "$(find src Cargo.toml Cargo.lock -newer "$bin" -print -quit)" ]; then
    CARGO_TARGET_DIR="$target" cargo build
fi

# A folder of its own for what the game writes (saves, photographs), so
# a screenshot never finds or leaves a save in the player's folder; a
# --data-dir in GAME_ARGS wins.
case " ${GAME_ARGS:-} " in
    *" --data-dir "*) ;;
    *) data_dir=$(mktemp -d); game_args+=(--data-dir "$data_dir") ;;
esac

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 "${SCREEN:-1280x720}x24" -nolisten tcp &
xvfb=$!
trap 'kill ${game:-} "$xvfb" 2>/dev/null || true; rm -rf "${data_dir:-}"' EXIT
sleep 1
if [ -n "${WM:-}" ]; then
    scripts/setup.sh "$WM"
    DISPLAY=$display "$WM" >/dev/null 2>&1 &
    sleep 1
fi
# Xvfb's pointer rests at the screen's centre (xdotool cannot move it
# here); the game's menus select by hovering only while the pointer moves.
if [ -n "$script" ]; then
    # shellcheck disable=SC2086 # GAME_ARGS is split into words on purpose.
    DISPLAY=$display "$bin" "${game_args[@]}" ${GAME_ARGS:-} --script "$script"
    exit $?
fi
out=$1
wait=${2:-8}
shift $(( $# < 2 ? $# : 2 ))
# shellcheck disable=SC2086 # GAME_ARGS is split into words on purpose.
DISPLAY=$display "$bin" "${game_args[@]}" ${GAME_ARGS:-} &
game=$!
sleep "$wait"
window=$(DISPLAY=$display xdotool search --sync --name "Long Exposure" | head -n 1)
for key in "$@"; do
    case $key in
        sleep:*) sleep "${key#sleep:}" ;;
        hold:*)
            spec=${key#hold:}
            DISPLAY=$display xdotool windowfocus "$window" keydown "${spec%%:*}" sleep "${spec#*:}" keyup "${spec%%:*}"
            ;;
        # Xvfb has no window manager: focus by hand, and hold each key a moment.
        *) DISPLAY=$display xdotool windowfocus "$window" keydown "$key" sleep 0.2 keyup "$key" ;;
    esac
    sleep 1
done
DISPLAY=$display import -window root "$out"
echo "screenshot: $out"
