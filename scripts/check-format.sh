#!/usr/bin/env bash
# Fails when a C++ source differs from what .clang-format says. `--fix` rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(--dry-run -Werror)
[ "${1:-}" = --fix ] && mode=(-i)
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core print models ui app tests -name '*.cpp' -o -name '*.h')
# shellcheck disable=SC2086
clang-format "${mode[@]}" $files
echo "format: $(echo "$files" | wc -w) files follow .clang-format"
