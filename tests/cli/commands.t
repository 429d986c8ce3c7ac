#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre list, validate, batch, vocab and schema.
. "$(dirname "$0")/lib.sh"

run list
is "$rc" 0 "list: exit 0"
contains "$out" "coo_readiness      native" "list shows the native assessment"
for a in industry_fit role_fit skills_gap; do
    contains "$out" "$a" "list shows $a"
done
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "4" "exactly the four built-in assessments"
run list -P build/examples/plugins
contains "$out" "management_depth   native" "the documentation's native example loads"
contains "$out" "education_fit      lua" "the documentation's Lua example loads"
run list -v
contains "$out" "sha256:" "list -v shows hashes"
contains "$out" "reads: experience.management_years" "list -v shows inputs"
contains "$out" "--set industry_fit.industry=<healthcare|technology" "list -v shows parameters"
run list --format json
is "$(json 'scalar grep { $_->{kind} eq "lua" } @{$j->{plugins}}')" \
   "$(json 'scalar grep { $_->{name} =~ /\.?/ && $_->{kind} eq "lua" } @{$j->{plugins}}')" "list json parses"
mkdir -p "$tmp/p"
chmod 755 "$tmp/p"
cp tests/fixtures/lua/bad_weight.lua "$tmp/p/"
run list -P "$tmp/p"
is "$rc" 1 "list with a refused plugin: exit 1"
contains "$out" "Refused (1):" "refusals are listed"
contains "$out" "bad_weight.lua:6" "with file and line"
contains "$out" "weight: expected a positive number, got high" "and the reason"
chmod 777 "$tmp/p"
run list -P "$tmp/p"
contains "$out" "every user can write to it" "a world-writable plugin folder is refused"
contains "$out" "chmod o-w" "... with the fix"
chmod 755 "$tmp/p"

for f in docs/examples/candidates/*.json; do
    run validate "$f"
    is "$rc" 0 "validate $(basename "$f")"
done
printf '{"experience": {"total_years": -2, "management_years": "x"}, "skils": {}}' >"$tmp/bad.json"
run validate "$tmp/bad.json"
is "$rc" 3 "validate invalid: exit 3"
contains "$out" "experience.total_years: expected a number 0..70, got -2" "first problem"
contains "$out" "experience.management_years: expected a number" "second problem"
contains "$out" "did you mean \"skills\"" "unknown field warned with a suggestion"
run validate --format json "$tmp/bad.json"
is "$(json '$j->[0]{valid} ? "yes" : "no"')" "no" "validate json: invalid"
is "$(json 'scalar grep { $_->{severity} eq "error" } @{$j->[0]{diagnostics}}')" "2" "validate json: two errors"
run validate -q "$tmp/bad.json"
is "$out" "" "validate -q prints nothing"
is "$rc" 3 "validate -q: exit 3"

{
    tr -d '\n' <docs/examples/candidates/nearly_empty.json
    echo
    echo '{"skills": {"leadership": 9}}'
    echo
    tr -d '\n' <docs/examples/candidates/new_ops_manager.json
    echo
} >"$tmp/in.jsonl"
run batch "$tmp/in.jsonl"
is "$rc" 3 "batch with a bad line: exit 3"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "3" "one output line per candidate line (blank skipped)"
line2=$(printf '%s\n' "$out" | sed -n 2p)
out=$line2
contains "$(json '$j->{error}{message}')" "skills.leadership" "the bad line's record names the field"
is "$(json '$j->{candidate}{source}')" "$tmp/in.jsonl:2" "the bad line's record names the line"
out=$(printf '%s\n' "$(cat "$tmp/out")" | sed -n 3p)
is "$(json '$j->{candidate}{name}')" "Priya Raman" "records after a bad line are not lost"
run batch -a skills_gap <"$tmp/in.jsonl"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "3" "batch reads standard input"

run vocab skill
contains "$out" "leadership" "vocab skill lists leadership"
run vocab --format markdown industry
contains "$out" "| \`healthcare\` |" "vocab markdown"
run vocab nonsense
is "$rc" 2 "unknown vocabulary: exit 2"
run schema
is "$out" "$(cat docs/candidate.schema.json)" "schema matches docs/candidate.schema.json (scripts/gen-docs)"
run vocab --format markdown
documented=$(sed -n '/<!-- vocab:begin/,/<!-- vocab:end/p' docs/candidate.md | sed '1d;$d')
is "$documented" "$out" "docs/candidate.md vocabulary tables match the code (scripts/gen-docs)"
done_testing
