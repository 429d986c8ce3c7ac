#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre import: JSON Resume documents (tests/import) into draft profiles. The expected values
# were worked out by hand from each résumé before the code was run on it: years are months
# covered, overlaps counted once, to the --as-of date. Good résumés must be valid JSON Resume
# (checked with ajv against @jsonresume/schema, installed by scripts/install-deps --test), give
# a profile cadre validate --strict accepts, and never carry a demographic field; broken ones
# are refused with every problem named.
. "$(dirname "$0")/lib.sh"
d=tests/import
imp() { run import --as-of 2026-11-30 "$@"; }
# p EXPR: evaluates EXPR over the draft profile in $tmp/p.json (as $j)
p() { out=$(cat "$tmp/p.json") json "$1"; }

# --- the JSON Resume schema agrees which résumés are well formed
node=$(command -v node || command -v nodejs || true)
schema=tests/schema/node_modules/@jsonresume/schema/schema.json
if [ -n "$node" ] && [ -f "$schema" ]; then
    for f in plant_manager finance_to_ops minimal with_demographics missing_start bad_dates \
             wrong_types; do
        printf '%s\t%s\n' "$f" "$(tr -d '\n' <"$d/$f.json")"
    done | "$node" tests/schema/validate.js "$schema" >"$tmp/ajv"
    for f in plant_manager finance_to_ops minimal with_demographics missing_start; do
        is "$(grep "^$f	" "$tmp/ajv" | cut -f2)" valid "$f.json is a valid JSON Resume"
    done
    for f in bad_dates wrong_types; do
        is "$(grep "^$f	" "$tmp/ajv" | cut -f2)" invalid "$f.json is not (the schema agrees it is broken)"
    done
else
    ok 1 "ajv and @jsonresume/schema are installed (scripts/install-deps --test)"
fi

# --- an operations career: plant manager, 21 years, an MBA
rm -f "$tmp/p.json"
imp "$d/plant_manager.json" -o "$tmp/p.json"
is "$rc" 0 "plant manager: imported"
is "$("$CADRE_BIN" validate --strict "$tmp/p.json" >/dev/null 2>&1; echo $?)" 0 \
   "... into a profile cadre validate --strict accepts"
is "$(p '$j->{experience}{total_years}')" 21.4 "... total years: 2005-07 to 2026-11"
is "$(p '$j->{experience}{management_years}')" 19.5 "... management from the supervisor job (2007-06), the overlap counted once"
is "$(p '$j->{experience}{operations_years}')" 19.5 "... operations: production and plant titles"
is "$(p '$j->{experience}{executive_years}')" 0 "... no executive title"
is "$(p '$j->{current_role}{title} . "|" . $j->{current_role}{level} . "|" . $j->{current_role}{function}')" \
   "Plant Manager|senior_manager|operations" "... the current role, its level and function"
is "$(p 'join ",", map { "$_=$j->{industries}{$_}" } sort keys %{$j->{industries}}')" \
   "manufacturing=21.4" "... manufacturing, from 'automotive', 'plant', 'industries'"
is "$(p '$j->{education}{highest_degree} . "|" . ($j->{education}{mba} ? "mba" : "") . "|" . $j->{education}{field}')" \
   "master|mba|business_administration" "... an MBA, its field"
is "$(p 'join ",", @{$j->{certifications}}')" "lean_six_sigma_black_belt,pmp" "... two known certifications"
is "$(p 'join ",", map { "$_=$j->{skills}{$_}" } sort keys %{$j->{skills}}')" \
   "financial_management=3,leadership=4,mentoring=4,process_improvement=4,quality_management=4,strategic_planning=2,team_building=4" \
   "... skills from names, keywords and synonyms, levels from the words"
is "$(p 'join ",", map { ($_->{impact_pct} // "-") . "/" . ($_->{value_usd} // "-") } @{$j->{achievements}}')" \
   "22/1400000,10.2/-,-/-,35/-" "... achievements' figures ('from 88% to 97%' is 10.2%)"
contains "$out" 'certificate "Forklift Operator Licence": not one cadre knows' "... an unknown certificate is said"
contains "$out" "skills.negotiation (\"Negotiation\"): no level given" "... a skill without a level is asked for"
contains "$out" "languages, interests: not part of the candidate model" "... what was left out"
run assess "$tmp/p.json"
is "$rc" 0 "... and cadre assess runs on the draft"

# --- a finance career moving into operations, a typo in a skill
rm -f "$tmp/p.json"
imp "$d/finance_to_ops.json" -o "$tmp/p.json"
is "$rc" 0 "finance to operations: imported"
is "$(p 'join ",", map { "$_=$j->{industries}{$_}" } sort keys %{$j->{industries}}')" \
   "finance=6,healthcare=10.6" "... years per industry, the part-time overlap counted once"
is "$(p '$j->{experience}{management_years} . "|" . $j->{experience}{operations_years}')" "10.6|6.8" \
   "... management from the finance manager job, operations from the director job"
contains "$out" 'skill "Process improvment": not a skill id; did you mean process_improvement?' \
   "... did you mean, for a typo"

# --- demographic members are never carried
rm -f "$tmp/p.json"
imp "$d/with_demographics.json" -o "$tmp/p.json"
is "$rc" 0 "demographics: imported"
lacks "$(cat "$tmp/p.json")" "female" "... the gender is not in the profile"
lacks "$(cat "$tmp/p.json")" "1984" "... nor the birth date"
lacks "$(cat "$tmp/p.json")" "Spanish" "... nor the nationality"
for k in gender birthDate nationality image maritalStatus; do
    contains "$out" "basics.$k: who you are is no part of an assessment" "... basics.$k named as left out"
done
is "$(p '$j->{industries}{hospitality}')" 14.9 "... the industry from 'hotel', 'resorts'"

# --- the smallest résumé
imp "$d/minimal.json"
is "$rc" 0 "minimal: imported to standard output"
is "$(json '$j->{experience}{total_years}')" 4.9 "... 2022 (January) to 2026-11"
contains "$err" "the industry of Acme" "... the industry it cannot tell is said, on standard error"

# --- broken résumés: refused, every problem named, nothing written
imp "$d/bad_dates.json" -o "$tmp/bad.json"
is "$rc" 3 "bad dates: refused (exit 3)"
contains "$err" 'work[0].startDate: "2019-13" is not a date' "... a month 13"
contains "$err" 'work[1].startDate: "last year" is not a date' "... words for a date"
contains "$err" "work[2] (Gamma Energy): endDate 2014-01 is before startDate 2015-06" "... an end before the start"
ok "$([ ! -e "$tmp/bad.json" ]; echo $?)" "... and no file written"
imp "$d/wrong_types.json"
is "$rc" 3 "wrong types: refused"
for m in "basics.name: expected a string" "work[0].position: expected a string" \
         "education: expected a list" "skills[0].keywords: expected a list of strings"; do
    contains "$err" "$m" "... $m"
done
imp "$d/missing_start.json"
is "$rc" 3 "a position without a start (valid JSON Resume, but no years): refused"
contains "$err" "work[0] (Epsilon Foods): startDate is missing" "... saying which and why"
imp "$d/not_json.json"
is "$rc" 3 "not JSON: refused"
contains "$err" "not valid JSON" "... said plainly"
printf '[1, 2]' >"$tmp/array.json"
imp "$tmp/array.json"
contains "$err" "not a JSON object" "an array is not a résumé"

# --- files, dates and what reaches the terminal
imp "$d/minimal.json" -o "$tmp/keep.json"
before=$(cat "$tmp/keep.json")
imp "$d/plant_manager.json" -o "$tmp/keep.json"
is "$rc" 1 "an existing file is kept"
is "$(cat "$tmp/keep.json")" "$before" "... unchanged"
contains "$err" "--force" "... and the message says how to replace it"
imp "$d/plant_manager.json" -o "$tmp/keep.json" --force
is "$rc" 0 "--force replaces it"
run import --as-of 2026-02-30 "$d/minimal.json"
is "$rc" 2 "--as-of must be a real date"
imp "$d/plant_manager.json"
first=$out
imp "$d/plant_manager.json"
is "$out" "$first" "the same résumé and --as-of give the same draft"
printf '{"basics":{"name":"X"},"work":[{"name":"Evil\033[2JCorp","position":"Manager","startDate":"2020"}]}' \
    >"$tmp/esc.json"
imp "$tmp/esc.json"
lacks "$err" "$(printf '\033')" "a terminal escape in a résumé is not passed to the terminal"
run import
is "$rc" 2 "no résumé: usage error"
done_testing
