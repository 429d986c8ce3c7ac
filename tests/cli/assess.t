#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre assess: the report for a person, JSON for programs, exit codes, colour rules.
. "$(dirname "$0")/lib.sh"
sample=docs/examples/candidates/vp_operations.json

run assess "$sample"
is "$rc" 0 "assess the sample: exit 0"
contains "$out" "Dana Whitfield" "the report names the person"
contains "$out" "Criteria" "criteria are listed"
contains "$out" "Assessed by cadre" "engine version recorded"
lacks "$out" "$(printf '\033')" "no colour when not on a terminal"
is "$err" "" "nothing on stderr"

run assess --color=always "$sample"
contains "$out" "$(printf '\033[')" "--color=always colours"
NO_COLOR=1 run assess --color=always "$sample"
lacks "$out" "$(printf '\033')" "NO_COLOR wins over --color=always"
run assess --ascii "$sample"
lacks "$out" "$(printf '\342\226\210')" "--ascii draws no block characters"

run assess --format json "$sample"
is "$rc" 0 "--format json: exit 0"
is "$(json '$j->{format}')" "cadre-report" "JSON format name"
is "$(json '$j->{format_version}')" "1" "JSON format version"
is "$(json '$j->{reports}[0]{candidate}{name}')" "Dana Whitfield" "JSON candidate name"
is "$(json 'scalar @{$j->{reports}[0]{assessments}} > 0 ? "yes" : "no"')" "yes" "JSON has assessments"
is "$(json 'join ",", map { length $_->{source_sha256} } @{$j->{reports}[0]{assessments}}')" \
   "$(json 'join ",", map { 64 } @{$j->{reports}[0]{assessments}}')" "every plugin's sha256 recorded"
first=$out
run assess --format json "$sample"
is "$out" "$first" "JSON output is deterministic"

run assess --format json docs/examples/candidates/nearly_empty.json "$sample"
is "$(json 'scalar @{$j->{reports}}')" "2" "two files, two reports in one document"
run assess --format jsonl docs/examples/candidates/nearly_empty.json "$sample"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "2" "jsonl: one line per candidate"

printf '{"skills": {"leadership": "high"}}' >"$tmp/bad.json"
run assess "$tmp/bad.json" "$sample"
is "$rc" 3 "an invalid candidate: exit 3"
contains "$err" "skills.leadership: expected an integer 0..5, got \"high\"" "names the field and problem"
contains "$err" "$tmp/bad.json" "names the file"
contains "$out" "Dana Whitfield" "the valid candidate is still assessed"
run assess /nonexistent.json
is "$rc" 3 "missing file: exit 3"
contains "$err" "/nonexistent.json" "missing file named"
run assess docs
is "$rc" 3 "directory: exit 3"
contains "$err" "directory" "directory: says so"
printf '{"name": "x",\n "skills": {' >"$tmp/trunc.json"
run assess "$tmp/trunc.json"
contains "$err" "$tmp/trunc.json:2:" "malformed JSON: file and line"
contains "$err" "truncated" "malformed JSON: says truncated"

run assess -a nope "$sample"
is "$rc" 4 "unknown assessment: exit 4"
contains "$err" "no assessment 'nope'" "unknown assessment: says so"
run assess -a skills_gapp "$sample"
contains "$err" "did you mean 'skills_gap'" "unknown assessment: suggestion"
run assess -a skills_gap "$sample"
is "$rc" 0 "-a selects"
lacks "$out" "COO readiness" "-a runs only the named ones"
run assess --set skills_gap.nope=1 "$sample"
is "$rc" 2 "--set unknown parameter: exit 2"
contains "$err" "has no parameter 'nope'" "--set: says which"
run assess --set nonsense "$sample"
is "$rc" 2 "--set malformed: exit 2"

mkdir -p "$tmp/p"
chmod 755 "$tmp/p"
cp tests/fixtures/lua/infinite_loop.lua tests/fixtures/lua/syntax_error.lua "$tmp/p/"
# The hostile fixtures misbehave only for a candidate named "Lua Test" (tests/fixtures/lua).
printf '{"name": "Lua Test"}' >"$tmp/lua_test.json"
# The budget also bounds loading, which takes a built-in rubric ~150 ms under valgrind: 1.5 s
# leaves room for that and still stops the loop quickly.
run assess -P "$tmp/p" --lua-time-limit 1500 "$tmp/lua_test.json"
is "$rc" 1 "a failing plugin: exit 1"
contains "$out" "CPU budget of 1500 ms exceeded" "the failing plugin's error is in the report"
contains "$out" "infinite_loop.lua:7" "... with its file and line"
contains "$out" "Skills gap" "the other assessments still ran"
contains "$err" "syntax_error.lua:6" "a refused plugin is reported on stderr with its line"
run assess -P "$tmp/p" -a skills_gap "$sample"
is "$rc" 0 "with -a, unrelated broken plugins do not fail the run"
run assess --no-builtin-plugins "$sample"
is "$rc" 4 "no plugins at all: exit 4"
contains "$err" "no assessments are loaded" "no plugins: says so"
run assess - <docs/examples/candidates/nearly_empty.json
is "$rc" 0 "reads standard input"
contains "$out" "<stdin>" "names standard input"
# --- the answer first (docs/report.md, "The text report")
retail=docs/examples/candidates/retail_network_manager.json
run assess --ascii "$retail"
full=$out
first_line() { printf '%s\n' "$1" | grep -n "$2" | head -1 | cut -d: -f1; }
ok "$([ "$(first_line "$full" '^In short')" -lt "$(first_line "$full" '^COO readiness - ')" ]; echo $?)" \
   "the verdicts come before the first assessment's details"
contains "$full" "Ready in 1-2 years, closest to a mid-level COO" "... when and at which level, in a sentence"
steps=$(printf '%s\n' "$full" | sed -n '/^Next steps/,/^$/p' | grep -c '^  [0-9]\. ')
is "$steps" 3 "three next steps"
contains "$(printf '%s\n' "$full" | sed -n '/^Next steps/,/^$/p')" "  1. Ask to join the executive team" \
   "... the first from the lowest-scoring assessments (scores in the same tens: the report's order)"
is "$(printf '%s\n' "$full" | grep -c "Ask to join the executive team")" 1 \
   "advice given as a next step is not written again in full"
contains "$full" "-> Next step 1, above." "... the finding points to the step instead"
contains "$full" "-> As under COO readiness, above." "... and advice another assessment gave is not repeated either"
run assess --brief --ascii "$retail"
is "$rc" 0 "--brief"
contains "$out" "In short" "... prints the verdicts"
contains "$out" "Next steps" "... and the next steps"
lacks "$out" "Criteria" "... but not the criteria"
lacks "$out" "Strengths" "... nor the findings"
contains "$out" "Assessed by cadre" "... and still says what assessed"
ok "$([ "$(printf '%s\n' "$out" | wc -l)" -lt 60 ]; echo $?)" "... in under 60 lines, a page ($(printf '%s\n' "$out" | wc -l))"
run assess --brief --format json "$retail"
is "$(json '$j->{reports}[0]{assessments}[0]{name}')" coo_readiness "--brief leaves the JSON report whole"
is "$(json 'scalar @{$j->{reports}[0]{next_steps}}')" 3 "JSON: the same three next steps"
contains "$(json '$j->{reports}[0]{next_steps}[0]{recommendation}')" "Ask to join the executive team" \
   "... in the same order as the text"
is "$(json '$j->{reports}[0]{next_steps}[0]{assessment}')" coo_readiness "... each naming its assessment"
done_testing
