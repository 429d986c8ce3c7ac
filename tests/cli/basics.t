#!/bin/sh
# SPDX-License-Identifier: MIT
# Help, version, unknown commands and options: every command explains itself.
. "$(dirname "$0")/lib.sh"

run --help
is "$rc" 0 "--help exits 0"
contains "$out" "usage: cadre <command>" "--help prints usage"
main_help=$out
for c in assess batch list validate vocab schema; do
    contains "$main_help" "  $c" "--help lists $c"
    run "$c" --help
    is "$rc" 0 "$c --help exits 0"
    contains "$out" "usage: cadre $c" "$c --help prints its usage"
done
run help assess
contains "$out" "usage: cadre assess" "cadre help assess"
run --version
is "$rc" 0 "--version exits 0"
contains "$out" "cadre 0." "--version names the version"
contains "$out" "plugin ABI 2" "--version names the plugin ABI"
run
is "$rc" 2 "no command: usage error"
run frobnicate
is "$rc" 2 "unknown command: exit 2"
contains "$err" "no command 'frobnicate'" "unknown command: says so"
run assess --frobnicate x.json
is "$rc" 2 "unknown option: exit 2"
contains "$err" "usage: cadre assess" "unknown option: shows usage"
run assess
is "$rc" 2 "assess without files: exit 2"
contains "$err" "no candidate file given" "assess without files: says so"
run assess --format yaml docs/examples/candidates/nearly_empty.json
is "$rc" 2 "bad --format: exit 2"
contains "$err" "expected one of: text json jsonl" "bad --format: lists the formats"
run assess --lua-time-limit=-5 docs/examples/candidates/nearly_empty.json
is "$rc" 2 "bad --lua-time-limit: exit 2"
done_testing
