#!/usr/bin/env bash
# Builds the Debian package from the build directory that scripts/build.sh (or
# scripts/test.sh) made, and checks what it installs: the desktop file
# (desktop-file-validate), the AppStream metadata (appstreamcli validate), the icons, the man
# pages (man --warnings), the bash completion, and that both installed programs start.
# Exits non-zero on the first failure. .ci/run calls it after scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
[ -f "$BUILD/CMakeCache.txt" ] || scripts/build.sh
# Only what the package holds; after scripts/test.sh's build there is nothing left to do.
cmake --build "$BUILD" -j"$(nproc)" --target switchboard switchboardctl switchboard_desktop_files

work=$(mktemp -d /tmp/sb-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
step() { echo "package: $*"; }
die()
{
    echo "package: FAILED: $*" >&2
    exit 1
}

step "installing into a staging root"
DESTDIR="$work/root" cmake --install "$BUILD" --prefix /usr >"$work/install.log" ||
    { cat "$work/install.log" >&2; die "cmake --install"; }
root=$work/root/usr
app_id=$(sed -n 's/^SWITCHBOARD_APP_ID:STRING=//p' "$BUILD/CMakeCache.txt")
[ -n "$app_id" ] || die "SWITCHBOARD_APP_ID is not in $BUILD/CMakeCache.txt"

for f in bin/switchboard bin/switchboardctl \
    "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml" \
    "share/icons/hicolor/scalable/apps/$app_id.svg" \
    share/man/man1/switchboard.1.gz share/man/man1/switchboardctl.1.gz \
    share/bash-completion/completions/switchboardctl share/doc/switchboard/CLI.md; do
    [ -f "$root/$f" ] || die "cmake --install did not install /usr/$f"
done

step "desktop-file-validate $app_id.desktop"
# Hints and warnings count too: the file is ours, it can be clean.
report=$(desktop-file-validate "$root/share/applications/$app_id.desktop" 2>&1) &&
    [ -z "$report" ] || die "desktop-file-validate: $report"

step "appstreamcli validate $app_id.metainfo.xml"
appstreamcli validate --no-net --strict "$root/share/metainfo/$app_id.metainfo.xml" ||
    die "appstreamcli validate"

step "icons at 16, 24, 32, 48, 64, 128 and 256 px"
for size in 16 24 32 48 64 128 256; do
    png="$root/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || die "no ${size}x${size} icon (rsvg-convert from librsvg2-bin renders them)"
    # A PNG's width and height are the big-endian words at bytes 16 and 20.
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$dims" = "${size}x${size}" ] || die "the ${size}x${size} icon is $dims"
done

step "man --warnings on both man pages"
for page in switchboard switchboardctl; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || die "man --warnings $page.1: $warnings"
done

step "bash completion"
bash -n "$root/share/bash-completion/completions/switchboardctl" || die "bash -n on the completion"
# The completion offers the commands (packaging/check-cli-docs.sh, ctest tst_cli_docs,
# checks it against every command's --help).
offered=$(bash -c 'source "$1"; COMP_WORDS=(switchboardctl me); COMP_CWORD=1; _switchboardctl
    echo "${COMPREPLY[*]}"' _ "$root/share/bash-completion/completions/switchboardctl")
[ "$offered" = member ] || die "completing 'switchboardctl me' offers '$offered'"

step "the installed programs start"
# A fresh home each: the installed programs must not touch the developer's database.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/xdg" QT_QPA_PLATFORM=offscreen
export XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export SWITCHBOARD_NO_KEYCHAIN=1
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
"$root/bin/switchboardctl" --version | grep -q '^switchboardctl [0-9]' || die "switchboardctl --version"
"$root/bin/switchboardctl" --database "$work/check.sqlite" --json balance >/dev/null ||
    die "switchboardctl balance on a new database"
# The Norwegian catalogue is inside the program (:/i18n): the activity log in nb.
"$root/bin/switchboardctl" --database "$work/check.sqlite" topup 10 >/dev/null || die "switchboardctl topup"
"$root/bin/switchboardctl" --database "$work/check.sqlite" activity --lang nb | grep -q 'Påfyll' ||
    die "switchboardctl activity --lang nb is not in Norwegian"
"$root/bin/switchboard" --database "$work/check.sqlite" --lang nb --no-welcome \
    --screenshot "$work/members.png" --page members || die "switchboard --screenshot"
[ -s "$work/members.png" ] || die "switchboard --screenshot wrote nothing"

step "cpack -G DEB"
rm -rf "$BUILD/package"
(cd "$BUILD" && cpack -G DEB -B "$PWD/package" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log" >&2; die "cpack"; }
deb=$(ls "$BUILD"/package/switchboard_*.deb)
[ -f "$deb" ] || die "cpack made no .deb"
dpkg-deb --info "$deb" >"$work/info.txt" || die "dpkg-deb --info"
dpkg-deb --contents "$deb" >"$work/contents.txt" || die "dpkg-deb --contents"
for f in usr/bin/switchboard usr/bin/switchboardctl "usr/share/applications/$app_id.desktop" \
    "usr/share/metainfo/$app_id.metainfo.xml" "usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    usr/share/man/man1/switchboardctl.1.gz usr/share/bash-completion/completions/switchboardctl; do
    grep -q " \./$f\$" "$work/contents.txt" || die "the package lacks /$f"
done
# dpkg-shlibdeps found the libraries (Qt, libphonenumber, libsodium, …).
depends=$(sed -n 's/^ Depends: //p' "$work/info.txt")
for lib in libqt6widgets6 libqt6sql6 libc6 libqt6sql6-sqlite; do
    grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || die "Depends lacks $lib: $depends"
done
# Every dependency is a package Debian has (installed here, or known to apt).
for dep in $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/ //g' | sort -u); do
    dpkg-query -W "$dep" >/dev/null 2>&1 || apt-cache show "$dep" >/dev/null 2>&1 ||
        die "Depends names $dep, which is neither installed nor known to apt"
done
step "$deb ($(du -h "$deb" | cut -f1)): $(sed -n 's/^ Package: //p' "$work/info.txt") $(sed -n 's/^ Version: //p' "$work/info.txt"), Depends: $depends"
step "done"
