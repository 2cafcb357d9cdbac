#!/usr/bin/env bash
# Checks that the bundle runs from anywhere: dist/long-exposure (from
# scripts/bundle.sh, which this runs first with the same argument) copied
# alone into an empty folder and started from another, with empty cache,
# data and mods folders, validates its data and plays a shipped
# playthrough. `.ci/run` does not call it (the release build takes half an
# hour); run it before a release.
#   scripts/bundle-check.sh [--debug]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bundle.sh "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/alone" "$work/elsewhere" "$work/home"
cp dist/long-exposure "$work/alone/"
cp playthroughs/save-and-continue.ron "$work/elsewhere/"
cd "$work/elsewhere"
export HOME="$work/home" XDG_CACHE_HOME="$work/home/cache" XDG_DATA_HOME="$work/home/data"
began=$(date +%s%N)
"$work/alone/long-exposure" validate
echo "bundle-check: validated in $(( ($(date +%s%N) - began) / 1000000 )) ms, the files unpacked to $(ls -d "$XDG_CACHE_HOME"/long-exposure/game-*)"
"$work/alone/long-exposure" --headless --script save-and-continue.ron --data-dir "$work/data" | tail -n 1
test -f "$work/data/save.backup.ron"
echo "bundle-check: passed"
