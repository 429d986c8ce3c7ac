#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre compare: progress between two profiles of one person (tests/compare). Written down
# before cadre ran on them: Rosa Delgado, a plant operations manager, a year apart. In 2026
# she has the tenth management year, a P&L of her own, a Black Belt, a company-wide
# programme and financial management rated 3 instead of 2. A recruiter would say she moved
# from "3-5 years" to "1-2 years" from a COO role, that the P&L and management-years gaps are
# closed, and that nothing got worse.
. "$(dirname "$0")/lib.sh"
old=tests/compare/rosa-2025.json
new=tests/compare/rosa-2026.json

run compare --ascii "$old" "$new"
is "$rc" 0 "compare: two profiles of the same person"
contains "$out" "ready in 3-5 years (59) -> ready in 1-2 years (70) (+11)" \
    "... readiness moved a band, with both scores and the change"
contains "$out" "scope.pnl_owner: false -> true" "... the P&L she took on is listed as a change"
contains "$out" "experience.management_years: 9 -> 10" "... and the tenth management year"
contains "$out" "added \"lean_six_sigma_black_belt\"" "... a certificate added to a list"
contains "$out" "added Led the changeover programme across all four plants" \
    "... an achievement added, by its description"
lacks "$out" "skills.leadership" "... and nothing that did not change"
contains "$(printf '%s\n' "$out" | sed -n '/^Gaps closed/,/^$/p')" \
    "You do not own a profit-and-loss statement." "the P&L gap is closed"
contains "$(printf '%s\n' "$out" | sed -n '/^Gaps closed/,/^$/p')" "9 years of management" \
    "... and the management-years gap"

run compare --format json "$old" "$new"
is "$rc" 0 "--format json"
is "$(json '$j->{format}')" "cadre-compare" "... a cadre-compare document"
is "$(json 'join ",", map { $_->{name} . "=" . $_->{score_change} } @{$j->{assessments}}')" \
   "coo_readiness=11,industry_fit=4,role_fit=11,skills_gap=1" "... each assessment's score change"
is "$(json 'scalar grep { $_->{band_changed} } @{$j->{assessments}}')" 3 \
   "... three bands changed (skills gap stayed)"
is "$(json 'join ",", map { $_->{field} } @{$j->{profile_changes}}')" \
   "experience.total_years,experience.management_years,certifications,skills.financial_management.level,scope.pnl_owner,achievements" \
   "... the fields that changed, in the new profile's order"
is "$(json '$j->{same_person} ? 1 : 0')" 1 "... the same person"

# --- the same file twice: nothing moved
run compare --ascii "$old" "$old"
contains "$out" "nothing: the two profiles say the same" "the same profile twice: no change"
is "$(printf '%s\n' "$out" | grep -c "(no change)")" 4 "... and every verdict unchanged"
lacks "$out" "Gaps closed" "... no gap closed"

# --- worse: a skill rated lower shows as a fall, not as progress
sed 's/"financial_management": 2/"financial_management": 1/' "$old" >"$tmp/worse.json"
run compare --format json "$old" "$tmp/worse.json"
is "$(json '(grep { $_->{name} eq "skills_gap" } @{$j->{assessments}})[0]{score_change} < 0 ? 1 : 0')" 1 \
   "a skill rated lower lowers the skills-gap score"

# --- one of them from standard input
"$CADRE_BIN" compare --format json "$old" - <"$new" >"$tmp/o" 2>"$tmp/e"
is "$?" 0 "NEW from standard input"
out=$(cat "$tmp/o")
is "$(json '$j->{new}{source}')" "<stdin>" "... named <stdin>"

# --- two different people are pointed out
run compare docs/examples/candidates/vp_operations.json "$new"
is "$rc" 0 "two different people: still compared"
contains "$out" "warning: the two profiles have a different id or name" "... with a warning"

# --- -a
run compare -a coo_readiness --format json "$old" "$new"
is "$(json 'scalar @{$j->{assessments}}')" 1 "-a runs only the assessments named"

# --- HTML
run compare --format html "$old" "$new"
is "$rc" 0 "--format html"
contains "$out" "<!DOCTYPE html>" "... a page"
contains "$out" 'data-name="coo_readiness" data-old="59" data-new="70"' \
    "... whose chart has readiness then and now"
lacks "$out" "<script" "... and no script"
contains "$out" "default-src 'none'" "... nor any fetch"

# --- bad input
run compare "$old"
is "$rc" 2 "one profile: usage error"
contains "$err" "compare takes two profiles, OLD and NEW; got 1" "... saying so"
run compare - -
is "$rc" 2 "both from standard input: usage error"
run compare "$old" "$tmp/missing.json"
is "$rc" 3 "a missing file: exit 3"
contains "$err" "$tmp/missing.json" "... naming it"
printf '{"experience": {"total_years": "many"}}' >"$tmp/bad.json"
run compare "$tmp/bad.json" "$new"
is "$rc" 3 "an invalid profile: exit 3"
contains "$err" "experience.total_years" "... naming the field"
run compare --format pdf "$old" "$new"
is "$rc" 2 "an unknown format: usage error"

done_testing
