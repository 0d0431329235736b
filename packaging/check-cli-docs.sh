#!/usr/bin/env bash
# Checks the bash completion and the man page of switchboardctl against the program itself:
# every command, sub-command and option that `switchboardctl [COMMAND] --help` prints must be
# completed and named in the man page, option values complete, and the page renders without
# a groff warning. Run by ctest (tst_cli_docs) and scripts/package.sh.
#   check-cli-docs.sh SWITCHBOARDCTL COMPLETION-FILE MAN-PAGE
set -u
ctl=$1
completion=$2
manpage=$3

failures=0
checks=0
fail()
{
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# shellcheck source=switchboardctl.bash-completion
source "$completion"

# What the completion offers for the words given; the last one is the word being completed.
complete_words()
{
    COMP_WORDS=(switchboardctl "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _switchboardctl
    printf '%s\n' "${COMPREPLY[@]}"
}

# expect_offer "WORD" words...: the completion of words... offers WORD.
expect_offer()
{
    local want=$1
    shift
    checks=$((checks + 1))
    complete_words "$@" | grep -qxF -- "$want" ||
        fail "completing '$*' does not offer '$want' (offers: $(complete_words "$@" | tr '\n' ' '))"
}

# expect_only "W1 W2" words...: the completion offers exactly these words.
expect_only()
{
    local want=$1
    shift
    checks=$((checks + 1))
    local got
    got=$(complete_words "$@" | sort | tr '\n' ' ')
    local sorted
    sorted=$(printf '%s\n' $want | sort | tr '\n' ' ')
    [ "$got" = "$sorted" ] || fail "completing '$*' offers '$got', expected '$sorted'"
}

# The man page names TEXT (its roff source writes every - of an option or command as \-).
expect_man()
{
    checks=$((checks + 1))
    grep -qF -- "${1//-/\\-}" "$manpage" || fail "the man page does not name '$1'"
}

env -i PATH="$PATH" HOME="${HOME:-/tmp}" "$ctl" --help >/dev/null 2>&1 ||
    { echo "FAIL: $ctl --help does not run" >&2; exit 1; }
help=$("$ctl" --help)

# Global options: from the usage line, plus --help and --version.
globals=$(sed -n '1p' <<<"$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
[ -n "$globals" ] || fail "no global options found in --help"
for opt in $globals --help --version; do
    expect_offer "$opt" -
    expect_man "$opt"
done

# Commands: the first word of each line of the Commands section, and every word the
# completion offers that the program takes as a command (`COMMAND --help` exits 0; an
# unknown command exits 2). The main --help does not list every command.
commands=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | grep -E '^  [a-z]' | awk '{print $1}' | sort -u)
[ -n "$commands" ] || fail "no commands found in --help"
for offered in $(complete_words ''); do
    [ "$offered" = help ] && continue
    checks=$((checks + 1))
    if "$ctl" "$offered" --help >/dev/null 2>&1; then
        commands=$(printf '%s\n' $commands "$offered" | sort -u)
    else
        fail "the completion offers '$offered', which is not a command"
    fi
done
for command in $commands; do
    expect_offer "$command" ''
    expect_man "$command"
    chelp=$("$ctl" "$command" --help) || { fail "$command --help failed"; continue; }
    # Each form ("  member add ACCOUNT --name NAME ...", "profile show NAME | profile list"),
    # one per segment between " | " that starts with the command.
    # The description after a form is cut off at its two spaces.
    forms=$(grep -E "^  $command( |$)" <<<"$chelp" | sed 's/^ *//; s/  .*//; s/ | /\n/g' |
        grep -E "^$command( |$)")
    subs=
    while IFS= read -r form; do
        [ -n "$form" ] || continue
        read -r -a words <<<"$form"
        sub=
        if [[ ${#words[@]} -gt 1 && ${words[1]} =~ ^[a-z][a-z-]*$ ]]; then
            sub=${words[1]}
            subs="$subs $sub"
            expect_offer "$sub" "$command" ''
            expect_man "$command $sub"
        fi
        # "settings mail test ADDRESS": a third word.
        if [[ -n $sub && ${#words[@]} -gt 2 && ${words[2]} =~ ^[a-z][a-z-]*$ ]]; then
            expect_offer "${words[2]}" "$command" "$sub" ''
            expect_man "$command $sub ${words[2]}"
        fi
        # The options this form takes, completed after it.
        for opt in $(grep -oE -- '--[a-z][a-z-]*' <<<"$form" | sort -u); do
            if [ -n "$sub" ]; then
                expect_offer "$opt" "$command" "$sub" -
            else
                expect_offer "$opt" "$command" -
            fi
            expect_man "$opt"
        done
    done <<<"$forms"
    # Every option of the Options section is completed for some form of the command.
    for opt in $(sed -n '/^Options:/,/^$/p' <<<"$chelp" | grep -oE -- '^  --[a-z][a-z-]*'); do
        found=
        for sub in $subs ''; do
            if [ -n "$sub" ]; then
                complete_words "$command" "$sub" - | grep -qxF -- "$opt" && found=1
            else
                complete_words "$command" - | grep -qxF -- "$opt" && found=1
            fi
        done
        checks=$((checks + 1))
        [ -n "$found" ] || fail "option $opt of '$command' is not completed"
        expect_man "$opt"
    done
done

# Values and positions.
expect_only "en nb fr nl pl" activity --lang ''
expect_only "1 3 12" number buy NO 22 --months ''
expect_only "asterisk freeswitch" calls import Master.csv --format ''
expect_only "asterisk" profile pbx-config Oslo --format ''
expect_only "starttls tls none" settings mail --security ''
expect_only "test clear" settings mail ''
expect_offer member --database /tmp/x.db --now 2026-12-01T09:00:00Z mem
expect_only "add" --json member ad
expect_only "--dry-run --help --json" member import file.csv -
expect_only "" member add ingrid --name ''
if [ -d /usr/share/zoneinfo/Europe ]; then
    expect_offer Europe/Oslo calls import Master.csv --time-zone Europe/Os
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
touch "$scratch/Master.csv" "$scratch/members list.csv"
expect_only "$scratch/Master.csv" calls import "$scratch/Mas"
expect_offer "$scratch/members list.csv" member import "$scratch/mem"
expect_offer "$scratch/Master.csv" --database "$scratch/M"

# The man page renders without a warning.
checks=$((checks + 1))
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$manpage" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man --warnings: $warnings"

echo "check-cli-docs: $checks checks, $failures failed"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
