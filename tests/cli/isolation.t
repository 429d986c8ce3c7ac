#!/bin/sh
# SPDX-License-Identifier: MIT
# The cadre program isolates native plugins by default: a crashing plugin costs one error
# result, and the report, the other assessments and the exit status say so.
. "$(dirname "$0")/lib.sh"
unsafe=${CADRE_BUILD:-build}/tests/fixtures/native-unsafe
[ -d "$unsafe" ] || unsafe=$(dirname "$CADRE_BIN")/tests/fixtures/native-unsafe
sample=docs/examples/candidates/vp_operations.json

run assess -P "$unsafe" -a unsafe_segv,coo_readiness,unsafe_abort,skills_gap "$sample"
is "$rc" 1 "crashing plugins: exit 1, not a crash of cadre"
contains "$out" "the plugin crashed (signal" "the crash is in the report"
contains "$out" "COO readiness" "a native assessment after the crash still ran"
contains "$out" "Skills gap" "a Lua assessment still ran"
contains "$out" "crash_segv.so" "the report names the crashing plugin's file"
run assess -P "$unsafe" -a unsafe_writes,coo_readiness --format json "$sample"
contains "$(json '$j->{reports}[0]{candidate}{name}')" "Dana Whitfield" "a plugin writing the candidate changes nothing the report shows"
is "$(json '$j->{reports}[0]{assessments}[1]{band}')" "ready now" "... nor what the next plugin sees"
run assess --isolate sideways "$sample"
is "$rc" 2 "--isolate takes none, native or all"
run assess --isolate all --format json "$sample"
all=$out
run assess --isolate none --format json "$sample"
is "$out" "$all" "every isolation mode gives byte-identical reports"
done_testing
