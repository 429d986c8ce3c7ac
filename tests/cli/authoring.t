#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre new and cadre test from an author's side: the scaffold, and how each kind of mistake
# in a rubric or its tests is reported.
. "$(dirname "$0")/lib.sh"
d=$tmp/r
mkdir -p "$d"
chmod 755 "$d"

run new -d "$d" hiring_manager
is "$rc" 0 "cadre new: exit 0"
contains "$out" "wrote $d/hiring_manager.lua" "cadre new names the rubric it wrote"
run test "$d/hiring_manager_test.lua"
is "$rc" 0 "the scaffold's tests pass as written"
is "$(printf '%s\n' "$out" | grep -c '^ok ')" "3" "three tests, all ok"
run list -P "$d"
contains "$out" "hiring_manager" "the scaffold is a loadable rubric"
run new -d "$d" hiring_manager
is "$rc" 1 "cadre new never overwrites"
contains "$err" "already exists" "... and says so"
run new -d "$d" Hiring-Manager
is "$rc" 2 "a name that is not snake_case is refused"

# A wrong expectation fails with what differed, and the result it got.
sed 's/band = "strong"/band = "stellar"/' "$d/hiring_manager_test.lua" >"$d/wrong_test.lua"
sed -i 's/rubric = "hiring_manager.lua"/rubric = "hiring_manager.lua"/' "$d/wrong_test.lua"
run test "$d/wrong_test.lua"
is "$rc" 1 "a failing test: exit 1"
contains "$out" "not ok 1" "TAP says which test failed"
contains "$out" 'band is "strong", expected stellar' "... and what differed"
contains "$out" "(result: score" "... and the result it got"

# An expectation key with a typo cannot pass silently.
cat >"$d/typo_test.lua" <<'LUA'
return {rubric = "hiring_manager.lua", tests = {
  {name = "misspelt", candidate = {}, expect = {bnad = "early"}}}}
LUA
run test "$d/typo_test.lua"
contains "$out" "unknown expectation 'bnad'" "a misspelt expectation is a failure"

# A test whose candidate breaks the schema.
cat >"$d/bad_candidate_test.lua" <<'LUA'
return {rubric = "hiring_manager.lua", tests = {
  {name = "bad skill", candidate = {skills = {leadership = "high"}}}}}
LUA
run test "$d/bad_candidate_test.lua"
contains "$out" "skills.leadership: expected an integer 0..5" "an invalid test candidate is named"

# A test file with a syntax error.
printf 'return {tests = {{name = "x" candidate = {}}}}\n' >"$d/syntax_test.lua"
run test "$d/syntax_test.lua"
is "$rc" 1 "a broken test file: exit 1"
contains "$out" "syntax_test.lua: the test file runs" "... reported as a failed test"
contains "$out" "line 1" "... with its line"

# A test of a rubric that does not load.
printf 'return {name = "x", version = "1", bands = {{min = 0, label = "x"}},\n criteria = {{id = "a", weight = "heavy", score = function() return 1, "x" end}}}\n' >"$d/heavy.lua"
printf 'return {tests = {{name = "t", candidate = {}}}}\n' >"$d/heavy_test.lua"
run test "$d/heavy_test.lua"
contains "$out" "the rubric could not be loaded" "a refused rubric fails its tests"
contains "$out" "weight: expected a positive number, got heavy" "... with the reason"

# Folders, prove, usage.
run test "$d"
is "$rc" 1 "a folder runs every *_test.lua in it"
contains "$out" "hiring_manager_test.lua: a seasoned manager" "... including the good one"
out=$(prove --exec "$CADRE_BIN test" "$d/hiring_manager_test.lua" 2>&1)
contains "$out" "Result: PASS" "prove runs rubric tests through cadre test"
run test "$tmp"
is "$rc" 2 "a folder without tests is a usage error"
done_testing
