#!/usr/bin/env bash
# First command of the README: set up, build, and open the window on the embedded SQLite
# default database (or the one given with --database / $SWITCHBOARD_DATABASE).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display here; starting the window on a virtual X server (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/bin/switchboard" "$@"
fi
exec "$BUILD/bin/switchboard" "$@"
