#!/usr/bin/env bash
# The screenshots of what the game does when the disk will not (for
# docs/photo-kept-elsewhere.png, docs/photo-held.png, docs/files-unreadable.png
# and docs/title-developing.png): the capture check's fault runs, kept, and
# their screenshots copied here.
#   docs/scripts/faults.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
keep=$(mktemp -d)
trap 'rm -rf "$keep"' EXIT
CAPTURE_CHECK_KEEP="$keep" scripts/capture-check.sh > "$keep.log" 2>&1 \
    || { tail -n 40 "$keep.log" >&2; exit 1; }
rm -f "$keep.log"
cp "$keep/photos-refused/photos-refused/notice.png" docs/photo-kept-elsewhere.png
cp "$keep/data-unwritable/data-unwritable/notices.png" docs/photo-held.png
cp "$keep/kept-cut-short/kept-cut-short/title.png" docs/files-unreadable.png
cp "$keep/roll-leave/roll-leave/title.png" docs/title-developing.png
echo "faults: four screenshots in docs/"
