#!/bin/sh
# SPDX-License-Identifier: MIT
# The conventions every command keeps: options before or after operands, "--" ending options,
# one format for usage errors, a failed write reported with exit status 5, and help, manual
# pages and docs/cli.md describing the same options, all of which the parser accepts.
. "$(dirname "$0")/lib.sh"
sample=docs/examples/candidates/vp_operations.json
commands="assess batch list validate interview import compare verify audit card diff vocab schema test new help completion"

# Options after operands, and "--".
run assess "$sample" --format json
is "$rc" 0 "assess FILE --format json: options after a file"
is "$(json '$j->{format}')" "cadre-report" "and the option took effect"
run validate "$sample" -q
is "$rc:$out" "0:" "validate FILE -q"
cp "$sample" "$tmp/-dash.json"
(cd "$tmp" && "$CADRE_BIN" assess --format json -- -dash.json >"$tmp/out" 2>"$tmp/err")
is "$?" 0 "-- ends options: a file named -dash.json is assessed"
(cd "$tmp" && "$CADRE_BIN" assess --format json -dash.json >"$tmp/out" 2>"$tmp/err")
is "$?" 2 "without --, -dash.json is read as options"
contains "$(cat "$tmp/err")" "cadre: assess: unknown option '-d'" "and the error names the command"
run assess --format=json "$sample"
is "$rc" 0 "--option=value"
run assess --colr never "$sample"
contains "$err" "unknown option '--colr' (did you mean '--color'?)" "a misspelt option gets a suggestion"
contains "$err" "Try 'cadre assess --help' for the options." "and the way to the help"

# A failed write is reported and exits 5, in every command.
if [ -w /dev/full ]; then
    printf '%s\n' "$(tr -d '\n' <"$sample")" >"$tmp/one.jsonl"
    mkdir -p "$tmp/new"
    for args in "assess $sample" "assess --format json $sample" "batch $tmp/one.jsonl" "list" \
        "list -v" "list --format json" "validate $sample" "validate --format json $sample" \
        "vocab" "vocab --format json" "schema" "test build/plugins" "new -d $tmp/new full_rubric" \
        "help" "help assess" "help --man assess" "completion bash" "assess --help" "--help" \
        "--version"; do
        # shellcheck disable=SC2086
        "$CADRE_BIN" $args >/dev/full 2>"$tmp/err"
        code=$?
        is "$code" 5 "cadre $args > /dev/full: exit 5"
        contains "$(cat "$tmp/err")" "No space left on device" "cadre $args > /dev/full: says why"
    done
fi

# Help, manual pages and docs/cli.md agree, and the parser knows every option they name.
help_options() { # help_options COMMAND: the long options --help lists, one per line
    "$CADRE_BIN" "$1" --help | sed -n 's/^  \(-., \)\{0,1\} *--\([a-z-]*\).*/\2/p' | sort -u
}
man_options() { # man_options COMMAND: the long options of the OPTIONS section of its page
    "$CADRE_BIN" help --man "$1" | sed 's/\\-/-/g' |
        sed -n 's/^\(\\fB-.\\fR, \)\{0,1\}\\fB--\([a-z-]*\)\\fR.*/\2/p' | sort -u
}
for c in $commands; do
    h=$(help_options "$c")
    [ -n "$h" ]
    ok $? "$c --help lists its options"
    is "$(man_options "$c")" "$h" "cadre-$c(1) lists the same options as $c --help"
    unknown=
    for o in $h; do
        "$CADRE_BIN" "$c" "--$o" </dev/null >/dev/null 2>"$tmp/err"
        grep -q "unknown option" "$tmp/err" && unknown="$unknown --$o"
    done
    is "$unknown" "" "$c: the parser accepts every option its help lists"
    missing=
    for o in $h; do
        [ "$o" = help ] && continue
        grep -q -- "--$o" docs/cli.md || missing="$missing --$o"
    done
    is "$missing" "" "docs/cli.md mentions every option of $c"
    grep -q "^## .*\b$c\b" docs/cli.md
    ok $? "docs/cli.md has a section for $c"
done
is "$("$CADRE_BIN" --help | sed -n 's/^  \([a-z]*\) .*/\1/p' | grep -v '^cadre$' | tr '\n' ' ')" \
    "$commands " "cadre --help lists every command"

# The manual pages format without a warning, and man finds them in an installed tree.
if command -v groff >/dev/null; then
    mkdir -p "$tmp/man/man1"
    "$CADRE_BIN" help --man-pages "$tmp/man/man1"
    is "$?" 0 "help --man-pages writes the pages"
    is "$(ls "$tmp/man/man1" | wc -l | tr -d ' ')" "$(($(echo $commands | wc -w) + 1))" "cadre.1 and one page per command"
    warnings=$(for f in "$tmp"/man/man1/*.1; do groff -man -ww -z "$f" 2>&1; done)
    is "$warnings" "" "groff formats every page without a warning"
    if command -v man >/dev/null; then
        out=$(MANPATH="$tmp/man" MANWIDTH=80 man cadre-assess 2>&1 | col -b)
        contains "$out" "cadre-assess - assess candidate files and print one report" \
            "man cadre-assess shows the page"
        contains "$out" "--format FORMAT" "with its options"
    fi
fi
done_testing
