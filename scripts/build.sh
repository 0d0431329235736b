#!/usr/bin/env bash
# Configures and builds into build/ (or $SWITCHBOARD_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
WERROR=OFF
[ "${CI:-}" = true ] && WERROR=ON
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSWITCHBOARD_WERROR="$WERROR" >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
