#!/usr/bin/env bash
# Installs what Switchboard needs on Debian 12, only if something is missing.
# Works as root, or as a normal user through sudo.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build pkg-config git python3 clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev
    qt6-svg-dev libqt6svg6
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n linguist-qt6
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    postgresql
    xvfb xauth
    qtkeychain-qt6-dev libphonenumber-dev libsodium-dev
    clang libclang-rt-14-dev
    poppler-utils
    sip-tester python3-aiosmtpd openssl
    dpkg-dev librsvg2-bin desktop-file-utils appstream man-db libqt6svg6
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}"
SUDO=
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
