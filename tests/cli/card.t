#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre card: every built-in has a complete card (a source for every criterion, bands, limits,
# tests that pass); a rubric without card data, or with a criterion whose source is not
# stated, is flagged and exits 1.
. "$(dirname "$0")/lib.sh"

for a in coo_readiness industry_fit role_fit skills_gap; do
    run card "$a"
    is "$rc" 0 "card $a: complete (exit 0)"
    contains "$out" "None: every criterion has a stated source" "... no flags"
    lacks "$out" "**not stated**" "... a source for every criterion"
done
run card coo_readiness
contains "$out" "| Management experience | 15% | experience.management_years, linear, full marks at 10 |" \
    "the criteria with their weights as the plugin gives them, and how each is scored"
contains "$out" "| ready now | score 85 or more" "the bands"
contains "$out" "tests run now, 0 failed." "its tests, run"
run card skills_gap
is "$(printf '%s\n' "$out" | grep -c '^| .* | [0-9]*% | the share of the role')" 30 \
   "skills_gap: each of the role's 30 skills, with the stated source"
run card --format json industry_fit
is "$(json 'join ",", map { $_->{id} } @{$j->{criteria}}')" "years,demands,certifications,tools" "--format json"
is "$(json 'scalar @{$j->{flags}}')" 0 "... no flags"
is "$(json '$j->{tests}{failed} . "/" . ($j->{tests}{run} > 0 ? "some" : "none")')" "0/some" "... tests run, none failed"

# --- a rubric of one's own
mkdir -p "$tmp/r"
"$CADRE_BIN" new -d "$tmp/r" my_rubric >/dev/null
run card -P "$tmp/r" my_rubric
is "$rc" 1 "a rubric without card data: exit 1"
contains "$out" "- no card data (NAME.card.json beside the plugin)" "... flagged"
contains "$out" "- criterion management has no stated source" "... every criterion without a source named"
cat >"$tmp/r/my_rubric.card.json" <<'JSON'
{"purpose": "A test rubric.", "criteria": {"management": {"how": "years", "source": "seed 003"}},
 "bands": [{"label": "strong", "rule": "70+"}], "limitations": ["A test."]}
JSON
run card -P "$tmp/r" my_rubric
is "$rc" 1 "card data with one criterion's source missing: still flagged"
contains "$out" "- criterion leadership has no stated source" "... the one without a source"
lacks "$out" "criterion management has no stated source" "... and not the one with"
run card nosuch
is "$rc" 4 "an unknown assessment: exit 4"
run card
is "$rc" 2 "no name: usage error"

done_testing
