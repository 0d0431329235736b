#!/usr/bin/env bash
# Mutation testing of core's money, billing, validation and import rules (issue 12): each
# tests/mutants/NN-name.patch is a small deliberate bug. For each one this script applies it
# to a scratch copy of the committed tree, builds only the test targets its header names,
# runs those tests on SQLite and PostgreSQL (scripts/with-postgres.sh) and records whether
# they caught it. At the end it prints the score: "caught N of M". Not in CI: it takes long.
#
#   scripts/mutants.sh [--build-dir DIR] [--list] [pattern]
#
#   --build-dir DIR  where the scratch copy (DIR/src) and its build (DIR/src/build,
#                    RelWithDebInfo) live; default build-mut. The build sits one level below
#                    the copy, as build/ sits below a checkout, so that ccache
#                    (source /work/tools/env.sh) serves the objects of an ordinary build.
#   --list           print the mutants (file, rule, tests) and exit
#   pattern          an extended regular expression: only the mutants whose file name matches
#
# Each patch starts with two header lines:
#   # breaks: <the rule the mutant breaks>
#   # tests: <a ctest -R regex of the tests that must catch it>
#
# Safety: the working tree is never modified; the copy is HEAD exactly (the script refuses
# to run on a dirty tree, whose changes the copy would not have), and a trap restores every
# mutated file of the copy on exit, error or Ctrl-C. Before the first mutant, the tests of
# all chosen mutants must pass on the unmutated copy: a failing baseline would make every
# mutant look caught.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/build-mut"
list=0
pattern=
while [ $# -gt 0 ]; do
    case "$1" in
    --build-dir)
        [ $# -ge 2 ] || { echo "mutants: --build-dir needs a directory" >&2; exit 2; }
        dir=$(mkdir -p "$2" && cd "$2" && pwd)
        shift 2
        ;;
    --list) list=1; shift ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "mutants: unknown option $1" >&2; exit 2 ;;
    *) pattern=$1; shift ;;
    esac
done

mutants=()
for p in "$root"/tests/mutants/*.patch; do
    name=$(basename "$p" .patch)
    if [ -z "$pattern" ] || [[ $name =~ $pattern ]]; then
        mutants+=("$p")
    fi
done
[ ${#mutants[@]} -gt 0 ] || { echo "mutants: no mutant matches '$pattern'" >&2; exit 2; }

header() { sed -n "s/^# $2: *//p" "$1" | head -n 1; }

if [ $list = 1 ]; then
    for p in "${mutants[@]}"; do
        printf '%-40s %-60s %s\n' "$(basename "$p" .patch)" "$(header "$p" breaks)" \
            "$(header "$p" tests)"
    done
    exit 0
fi

for p in "${mutants[@]}"; do
    if [ -z "$(header "$p" tests)" ] || [ -z "$(header "$p" breaks)" ]; then
        echo "mutants: $(basename "$p") lacks its '# breaks:' or '# tests:' header" >&2
        exit 2
    fi
done

cd "$root"
if [ -n "$(git status --porcelain)" ]; then
    echo "mutants: the working tree has uncommitted changes; commit or stash them first" >&2
    echo "(the mutants run against a copy of HEAD)" >&2
    exit 2
fi

src="$dir/src"
build="$src/build"
logs="$dir/logs"
index="$dir/src.index"
mkdir -p "$src" "$logs"

# git on the scratch copy, with its own index: the repository's index and working tree are
# never touched.
scratch_git() { GIT_INDEX_FILE="$index" GIT_WORK_TREE="$src" git -C "$root" "$@"; }

# The files a patch touches, as paths from the top.
patched_files() { sed -n 's#^+++ b/##p' "$1" | sed 's/[[:space:]].*$//'; }

mutated=() # the files of the copy that differ from HEAD right now
restore() {
    if [ ${#mutated[@]} -gt 0 ]; then
        scratch_git checkout-index -f -u -- "${mutated[@]}"
        mutated=()
    fi
}
trap 'restore' EXIT
trap 'restore; exit 130' INT TERM

# The copy becomes HEAD: only files whose content differs are rewritten, so the build stays
# incremental from one run to the next.
scratch_git read-tree HEAD
scratch_git update-index -q --refresh >/dev/null 2>&1 || true
scratch_git diff-files --name-only -z | xargs -0 -r env GIT_INDEX_FILE="$index" \
    GIT_WORK_TREE="$src" git -C "$root" checkout-index -f -u --
[ -n "$(scratch_git diff-files --name-only)" ] && { echo "mutants: the copy is not HEAD" >&2; exit 1; }

if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$logs/configure.log" 2>&1 \
        || { cat "$logs/configure.log" >&2; exit 1; }
fi

# The test targets a regex names (each test is the executable of the same name); the CLI
# tests run the built switchboardctl.
targets_for() {
    local tests
    tests=$(cd "$build" && ctest -N -R "$1" | sed -n 's/^ *Test *#[0-9]*: *//p')
    [ -n "$tests" ] || return 1
    echo $tests
    if grep -qE '^tst_(cli|concurrency)' <<<"$(tr ' ' '\n' <<<"$tests")"; then
        echo switchboardctl
    fi
}

# The property test (tst_ledgerproperty) with a fixed seed, so that a score is reproducible,
# and 30 sequences per engine instead of its default 2000 (SQLite) and 150 (PostgreSQL), so
# that it ends within its time-out on a busy machine; both may be overridden.
export SWITCHBOARD_PROPERTY_SEED=${SWITCHBOARD_PROPERTY_SEED:-12}
export SWITCHBOARD_PROPERTY_RUNS=${SWITCHBOARD_PROPERTY_RUNS:-30}

run_tests() { # regex log
    (cd "$build" && QT_QPA_PLATFORM=offscreen "$src/scripts/with-postgres.sh" \
        ctest -R "$1" -j2 --stop-on-failure --output-on-failure) >>"$2" 2>&1
}

started=$(date +%s)

# Baseline: every chosen mutant's tests pass without a mutant. Tests that passed on the same
# sources (all of HEAD but the mutants, this script and the docs) in an earlier run are not
# run again (DIR/baseline-<hash of those sources>.txt).
sources=$(git ls-tree -r HEAD | grep -v -e $'\tscripts/mutants.sh$' -e $'\ttests/mutants/' \
    -e $'\tdocs/' | git hash-object --stdin)
passed="$dir/baseline-$sources.txt"
touch "$passed"
all=$(for p in "${mutants[@]}"; do header "$p" tests; done | paste -sd'|')
targets=$(targets_for "$all") || { echo "mutants: no test matches $all" >&2; exit 1; }
needed=$(cd "$build" && ctest -N -R "$all" | sed -n 's/^ *Test *#[0-9]*: *//p')
missing=$(grep -vxFf "$passed" <<<"$needed" || true)
if [ -n "$missing" ]; then
    baseline="^($(paste -sd'|' <<<"$missing"))\$"
    echo "mutants: baseline build and run of $(paste -sd' ' <<<"$missing")"
    # shellcheck disable=SC2086
    cmake --build "$build" -j2 --target $targets >"$logs/baseline.log" 2>&1 \
        || { tail -n 30 "$logs/baseline.log" >&2; echo "mutants: the baseline does not build" >&2; exit 1; }
    ok=1
    run_tests "$baseline" "$logs/baseline.log" || ok=0
    sed -n 's/^ *[0-9]*\/[0-9]* *Test *#[0-9]*: *\([^ ]*\) .* Passed .*/\1/p' "$logs/baseline.log" >>"$passed"
    if [ $ok = 0 ]; then
        tail -n 40 "$logs/baseline.log" >&2
        echo "mutants: the tests fail without a mutant (see $logs/baseline.log); no score" >&2
        exit 1
    fi
fi

results=()
caught=0
survived=0
broken=0
for p in "${mutants[@]}"; do
    name=$(basename "$p" .patch)
    regex=$(header "$p" tests)
    log="$logs/$name.log"
    : >"$log"
    t0=$(date +%s)
    mapfile -t files < <(patched_files "$p")
    if ! patch -p1 -d "$src" --batch --dry-run --silent <"$p" >>"$log" 2>&1; then
        result="does not apply"
        broken=$((broken + 1))
    else
        mutated=("${files[@]}")
        patch -p1 -d "$src" --batch --silent <"$p" >>"$log" 2>&1
        targets=$(targets_for "$regex") || targets=
        # shellcheck disable=SC2086
        if [ -z "$targets" ] || ! cmake --build "$build" -j2 --target $targets >>"$log" 2>&1; then
            result="does not build"
            broken=$((broken + 1))
        elif run_tests "$regex" "$log"; then
            result=SURVIVED
            survived=$((survived + 1))
        else
            result=caught
            caught=$((caught + 1))
        fi
        restore
    fi
    secs=$(($(date +%s) - t0))
    printf 'mutants: %-40s %-14s %4ss\n' "$name" "$result" "$secs"
    results+=("$(printf '| %s | %s | %s | `%s` |' "$name" "$(header "$p" breaks)" "$result" \
        "${regex//|/\\|}")")
done

# No rebuild at the end: restore() gave each mutated file a new time, so the next build of
# any target compiles it again from HEAD.
total=${#mutants[@]}
elapsed=$(($(date +%s) - started))
echo
echo "| mutant | rule it breaks | result | tests |"
echo "|---|---|---|---|"
printf '%s\n' "${results[@]}"
echo
echo "caught $caught of $total (survived $survived, not applicable or not building $broken)" \
    "in $((elapsed / 60)) min $((elapsed % 60)) s; logs in $logs"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]
