#!/usr/bin/env bash
# Screenshots for reviewers: every page (`switchboard --help` lists them) in every language at
# 1024x700 and 1280x800, plus the pages in English in a dark palette, of one full demo
# account, into OUTDIR (default build/screenshots) with an index.html that shows them in a
# grid. Builds the two programs first when needed.
#
#   scripts/screenshots.sh [OUTDIR]
#
# Environment: SWITCHBOARD_BUILD_DIR (default build), SCREENSHOT_JOBS (parallel renders,
# default 2), SCREENSHOT_DEMO (switchboardctl demo arguments, default the full demo of
# /tmp/shot13: 3000 members, 30 SIP profiles, 300 numbers, 30000 calls).
# The programs run with their own HOME and XDG directories and no keychain, so the window's
# settings, the secret key and the keychain of the person running it are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
OUT=${1:-$BUILD/screenshots}
JOBS=${SCREENSHOT_JOBS:-2}
DEMO=${SCREENSHOT_DEMO:---members 3000 --profiles 30 --numbers 300 --calls 30000 --seed 13}
LANGS="en nb fr nl pl"
SIZES="1024x700 1280x800"

if [ ! -f "$BUILD/build.ninja" ] && [ ! -f "$BUILD/Makefile" ]; then
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# Only the two programs: the tests are not needed for pictures.
cmake --build "$BUILD" --target switchboard switchboardctl >/dev/null
APP=$(cd "$BUILD/bin" && pwd)/switchboard
CTL=$(cd "$BUILD/bin" && pwd)/switchboardctl

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sb-screenshots.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home/.config" "$WORK/home/.local/share" "$WORK/home/.cache" "$WORK/rt"
chmod 700 "$WORK/rt"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache"
export XDG_RUNTIME_DIR="$WORK/rt" SWITCHBOARD_NO_KEYCHAIN=1 SWITCHBOARD_SECRET_KEY_FILE="$WORK/key"
export QT_QPA_PLATFORM=offscreen
unset SWITCHBOARD_DATABASE SWITCHBOARD_PALETTE

DB="$WORK/demo.db"
echo "screenshots: making the demo account ($DEMO)" >&2
# shellcheck disable=SC2086 # the demo arguments are words
"$CTL" --database "$DB" demo $DEMO --yes >/dev/null
# A few rows in a state, so that the state icons show: two numbers cancelled (still usable
# until their date). Only for the pictures: a failure here stops nothing.
FIRST_NUMBERS=$("$CTL" --database "$DB" --json number list 2>/dev/null |
    python3 -c 'import json, sys
print("\n".join(n["number"] for n in json.load(sys.stdin)["numbers"][:2]))' 2>/dev/null || true)
for number in $FIRST_NUMBERS; do
    "$CTL" --database "$DB" number cancel "$number" >/dev/null 2>&1 || true
done

# "Page for --screenshot: dashboard, members, …." in the program's own help (wrapped).
PAGES=$("$APP" --help 2>/dev/null | tr '\n' ' ' | tr -s ' ' |
    sed -n 's/.*Page for --screenshot: \([a-z, -]*\)\..*/\1/p' | tr -d ',')
[ -n "$PAGES" ] || { echo "screenshots: no pages in switchboard --help" >&2; exit 1; }

# One line per picture: size language page palette.
{
    for size in $SIZES; do
        for lang in $LANGS; do
            for page in $PAGES; do echo "$size $lang $page light"; done
        done
    done
    for page in $PAGES; do echo "1280x800 en $page dark"; done
} >"$WORK/list"

render() {
    local size=$1 lang=$2 page=$3 palette=$4
    local name="${page}_${lang}_${size}"
    [ "$palette" = dark ] && name="${name}_dark"
    if ! SWITCHBOARD_PALETTE=$palette "$APP" -qwindowgeometry "$size" --database "$DB" \
        --lang "$lang" --page "$page" --screenshot "$OUT/$name.png" 2>"$WORK/$name.err"; then
        echo "screenshots: $name failed: $(cat "$WORK/$name.err")" >&2
        return 1
    fi
}
export -f render
export APP DB OUT WORK
echo "screenshots: $(wc -l <"$WORK/list") pictures into $OUT" >&2
failed=0
xargs -P "$JOBS" -L 1 bash -c 'render "$@"' _ <"$WORK/list" || failed=1

# The grid: a row per page, a column per language, one table per size.
{
    echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Switchboard screenshots</title>'
    echo '<style>body{font-family:sans-serif}td{vertical-align:top;padding:4px}'
    echo 'img{width:320px;border:1px solid #999}th{text-align:left}</style></head><body>'
    echo "<h1>Switchboard screenshots</h1><p>$(date -u '+%Y-%m-%d %H:%M UTC'), demo: $DEMO</p>"
    for size in $SIZES; do
        echo "<h2>$size</h2><table><tr><th></th>"
        for lang in $LANGS; do echo "<th>$lang</th>"; done
        echo "</tr>"
        for page in $PAGES; do
            echo "<tr><th>$page</th>"
            for lang in $LANGS; do
                f="${page}_${lang}_${size}.png"
                echo "<td><a href=\"$f\"><img src=\"$f\" alt=\"$page $lang $size\"></a></td>"
            done
            echo "</tr>"
        done
        echo "</table>"
    done
    echo "<h2>Dark palette (en, 1280x800)</h2><table><tr>"
    for page in $PAGES; do
        f="${page}_en_1280x800_dark.png"
        echo "<td>$page<br><a href=\"$f\"><img src=\"$f\" alt=\"$page dark\"></a></td>"
    done
    echo "</tr></table></body></html>"
} >"$OUT/index.html"

echo "screenshots: $OUT/index.html" >&2
[ "$failed" = 0 ] || { echo "screenshots: some pictures failed (above)" >&2; exit 1; }
