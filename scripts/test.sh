#!/usr/bin/env bash
# Quick start: install what is missing, then build and run every test.
# No display, GPU or sound card is needed.
#   scripts/test.sh [cargo test arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo test --locked "$@"
