#!/bin/sh
# SPDX-License-Identifier: MIT
# The trial runs at load (docs/plugins.md, "Trial runs"): done once per rubric file and data,
# remembered in the user's cache, redone when anything they depend on changes, always done by
# cadre list, and by worker processes.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/p"
chmod 755 "$tmp/p"
cat >"$tmp/p/noisy.lua" <<'LUA'
-- Says whom it assesses, so that the test can see the trial runs.
return {
  name = "noisy", version = "1.0.0", title = "Noisy", description = "Says whom it assesses.",
  criteria = {{id = "a", label = "A", weight = 1,
               score = function(c) print("assessing " .. tostring(c.name)); return 50, "half" end}},
  bands = {{min = 0, label = "any"}},
}
LUA
sample=docs/examples/candidates/vp_operations.json
trusted() { run assess -P "$tmp/p" --trust "$tmp/p" -a noisy "$sample"; }

trusted
is "$rc" 0 "a trusted rubric runs"
contains "$err" "assessing Probe" "the first load tries it on the full made-up person"
contains "$err" "assessing nil" "... and on the empty one"
is "$(ls "$tmp/cache/cadre/vetted" | wc -l | tr -d ' ')" "1" \
   "what passed is remembered: this rubric (the built-ins are native: nothing to try)"
trusted
lacks "$err" "assessing Probe" "the next start does not try it again"
contains "$err" "assessing Dana" "but assesses the person as before"
run list -P "$tmp/p" --trust "$tmp/p"
contains "$err" "assessing Probe" "cadre list always tries it"
echo "-- a comment" >>"$tmp/p/noisy.lua"
trusted
contains "$err" "assessing Probe" "a changed file is tried again"
run assess -P "$tmp/p" -a noisy "$sample"
contains "$err" "assessing Probe" "an isolated rubric is tried in its worker every time"
trusted
lacks "$err" "assessing Probe" "the changed file was remembered in turn"
rm -rf "$tmp/cache"
: >"$tmp/cache" # a file where the cache folder should be: nothing can be remembered
trusted
is "$rc" 0 "an unusable cache folder changes nothing but speed"
contains "$err" "assessing Probe" "... and the rubric is tried"
done_testing
