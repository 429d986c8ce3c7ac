#!/bin/sh
# SPDX-License-Identifier: MIT
# Decision records (--record, core/cli/record.c) and cadre verify (docs/audit.md): one record
# per candidate, never replaced, masked on request; a replay says "identical", or what
# differs and why when a plugin changed; an edited record is found.
. "$(dirname "$0")/lib.sh"
sample=docs/examples/candidates/hospital_administrator.json
rec="$tmp/records"

run assess --no-what-if --record "$rec" "$sample"
is "$rc" 0 "assess --record"
is "$(ls "$rec" | wc -l | tr -d ' ')" 1 "... one record"
f=$(ls "$rec"/*.json)
out=$(cat "$f")
is "$(json '$j->{format} . "|" . $j->{report}{candidate}{sha256} . "|" . length($j->{candidate_sha256})')" \
   "cadre-record|$(json '$j->{candidate_sha256}')|64" "... with the candidate's SHA-256, as its report has it"
is "$(json 'scalar @{$j->{engine}{plugins}}')" 4 "... the four plugins, with versions and hashes"
is "$(json '$j->{limits}{lua_time_limit_ms} . "|" . $j->{limits}{isolate}')" "1000|untrusted" "... and the limits"
is "$([ -w "$f" ] && [ "$(id -u)" != 0 ] && echo writable || ls -l "$f" | cut -c1-10)" "-r--r--r--" "... written read-only"
run assess --no-what-if --record "$rec" "$sample"
is "$(ls "$rec" | wc -l | tr -d ' ')" 1 "the same decision again: kept once, not replaced"
run assess --no-what-if --record "$rec" -a coo_readiness "$sample"
is "$(ls "$rec" | wc -l | tr -d ' ')" 2 "another -a list: a record of its own"

run verify "$rec"/*.json
is "$rc" 0 "verify: both replay"
is "$(printf '%s\n' "$out" | grep -c ': identical$')" 2 "... identically"

# --- batch: one record per line, masked
for f in docs/examples/candidates/*.json; do tr -d '\n' <"$f"; echo; done >"$tmp/all.jsonl"
run batch --record "$tmp/b" --mask name,id,source "$tmp/all.jsonl"
is "$rc" 0 "batch --record --mask"
is "$(ls "$tmp/b" | wc -l | tr -d ' ')" 8 "... one record per candidate"
out=$(cat "$(grep -l '"Director of Hospital Operations"' "$tmp"/b/*.json)")
is "$(json 'join ",", @{$j->{masked}}')" "name,id,source" "... masked fields listed"
is "$(json '$j->{report}{candidate}{source}')" "(masked)" "... the source too"
is "$(json '$j->{report}{candidate}{name}')" "(masked)" "... in its report too"
lacks "$(cat "$tmp"/b/*.json)" "Dana Whitfield" "... and no name left in any record"
run verify "$tmp"/b/*.json
is "$rc" 0 "records masked of name and id still replay: no assessment reads them"
contains "$out" "note: masked fields" "... saying the hash cannot be checked"
run assess --no-what-if --record "$tmp/t" --mask current_role.title \
    docs/examples/candidates/vp_operations.json docs/examples/candidates/startup_head_of_operations.json
run verify "$tmp"/t/*.json
contains "$out" "fields were masked in the record ([\"current_role.title\"])" \
    "a masked field an assessment reads: verify says why the replay differs"

# --- a rubric that changed
mkdir -p "$tmp/rubrics"
cat >"$tmp/rubrics/planning.lua" <<'LUA'
return {
  name = "planning", version = "1.0.0", title = "Planning",
  description = "Strategic planning alone, for this test.",
  bands = {{min = 80, label = "strong"}, {min = 0, label = "weak"}},
  criteria = {
    {id = "plan", label = "Strategic planning", weight = 1,
     score = function(c) return cadre.by_level(c, "strategic_planning", 4) end},
  },
}
LUA
run assess --no-what-if -P "$tmp/rubrics" -a planning --record "$tmp/p" "$sample"
sed -i 's/strategic_planning", 4)/strategic_planning", 5)/; s/1.0.0/1.0.1/' "$tmp/rubrics/planning.lua"
run verify -P "$tmp/rubrics" "$tmp"/p/*.json
is "$rc" 1 "a plugin changed: verify exits 1"
contains "$out" "differs: planning: weak (75), now weak (60)" "... names the score then and now"
contains "$out" "why: plugin planning: version 1.0.0, now 1.0.1" "... and why: the version"
contains "$out" "why: plugin planning: its file changed" "... and the file"

# --- an edited record
f=$(ls "$rec"/*.json | head -1)
chmod u+w "$f"
sed -i 's/"total_years":\t18/"total_years":\t30/' "$f"
run verify "$f"
is "$rc" 1 "an edited record is found"
contains "$out" "does not hash to its candidate_sha256" "... by its hash"

# --- bad input
printf 'not json' >"$tmp/bad.json"
run verify "$tmp/bad.json"
is "$rc" 3 "not a record: exit 3"
contains "$err" "not a cadre decision record" "... saying so"
run assess --mask name "$sample"
is "$rc" 2 "--mask without --record: usage error"
touch "$tmp/file"
run assess --record "$tmp/file" "$sample"
is "$rc" 2 "--record on a file: usage error"
contains "$err" "not a folder" "... saying so"
run verify
is "$rc" 2 "verify without a record: usage error"

done_testing
