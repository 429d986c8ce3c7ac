#!/bin/sh
# SPDX-License-Identifier: MIT
# The built-in assessments on the sample candidates: the outcomes a domain expert would expect
# (bands, the order of industries, the top gaps), that changing one input moves the right
# score the right way, and byte-exact JSON snapshots.
. "$(dirname "$0")/lib.sh"
samples=docs/examples/candidates

# assess FILE [options]: JSON report in $out
assess() {
    f=$1
    shift
    run assess --format json "$@" "$f"
}

# a NAME EXPR: evaluates EXPR over the assessment NAME (as $a) of the last report
a() {
    json "my (\$a) = grep { \$_->{name} eq '$1' } @{\$j->{reports}[0]{assessments}}; $2"
}

# Top N ids of an assessment's ranking, comma-separated.
top() {
    a "$1" "join ',', map { \$_->{id} } @{\$a->{ranking}}[0..$2-1]"
}

# --- a seasoned VP of operations with an MBA
assess $samples/vp_operations.json
is "$rc" 0 "VP: all four assessments run"
is "$(a coo_readiness '$a->{band}')" "ready now" "VP: ready now"
contains "$(a coo_readiness '$a->{details}{career_level}')" "senior COO" "VP: senior COO level"
is "$(top industry_fit 2)" "manufacturing,logistics" "VP: manufacturing, then logistics"
is "$(a role_fit '$a->{band}')" "fits a COO role now" "VP: fits a COO role now"
band=$(a skills_gap '$a->{band}')
ok "$(case "$band" in "no significant gaps" | "a few gaps to close") echo 0 ;; *) echo 1 ;; esac)" "VP: at most a few skill gaps ($band)"
is "$(a skills_gap 'scalar grep { $_->{kind} eq "strength" } @{$a->{findings}}')" "3" "VP: skill strengths named"
is "$(a skills_gap 'scalar grep { ($_->{recommendation} // "") =~ /present it to finance/ } @{$a->{findings}}')" "0" \
   "VP: a P&L owner is not told to present her area's figures to finance"

# --- a new operations manager
assess $samples/new_ops_manager.json
is "$(a coo_readiness '$a->{band}')" "build operations-management experience first" "new manager: build experience first"
is "$(a coo_readiness '$a->{details}{career_level}')" "below entry-level COO scope" "new manager: no COO level claimed"
is "$(a role_fit '$a->{band}')" "fits an operations manager role" "new manager: fits operations manager"
contains "$(a role_fit '$a->{details}{orientation}')" "tactical" "new manager: tactical profile"
is "$(a skills_gap '$a->{band}')" "substantial gaps" "new manager: substantial gaps against COO"
contains "$(top skills_gap 3)" "strategic_planning" "new manager: strategic planning among the top 3 gaps"
# Four years in logistics, two in retail, at an e-commerce fulfilment centre: both near the top.
is "$(a industry_fit 'join ",", sort map { $_->{id} } @{$a->{ranking}}[0..1]')" "logistics,retail" "new manager: logistics and retail fit best"
coo_gaps=$(a skills_gap '$a->{details}{gaps}')
assess $samples/new_ops_manager.json --set skills_gap.role=operations_manager
ops_gaps=$(a skills_gap '$a->{details}{gaps}')
is "$(a skills_gap '$a->{details}{role}')" "operations_manager" "role parameter selects the profile"
ok "$([ "$ops_gaps" -lt "$coo_gaps" ] && echo 0 || echo 1)" "new manager: fewer gaps against operations manager ($ops_gaps) than COO ($coo_gaps)"
contains "$(a skills_gap '$a->{details}{role_profile}')" "11-1021.00" "operations manager profile is O*NET 11-1021.00"

# --- a hospital administrator
assess $samples/hospital_administrator.json
is "$(top industry_fit 1)" "healthcare" "hospital: healthcare fits best"
is "$(a industry_fit '$a->{ranking}[0]{score} - $a->{ranking}[1]{score} >= 30 ? "clear" : "close"')" "clear" "hospital: by a clear margin"
is "$(a coo_readiness '$a->{band}')" "ready in 1-2 years" "hospital: ready in 1-2 years"
is "$(a skills_gap 'join ",", grep { /regulatory_compliance|quality_management/ } map { $_->{id} } @{$a->{ranking}}')" "" "hospital: compliance and quality are not gaps"
contains "$(a coo_readiness 'join " ", map { $_->{text} } @{$a->{findings}}')" "profit-and-loss" "hospital: the missing P&L is named"

# --- a startup head of operations
assess $samples/startup_head_of_operations.json
is "$(top industry_fit 1)" "technology" "startup: technology fits best"
is "$(a coo_readiness '$a->{band}')" "ready in 3-5 years" "startup: ready in 3-5 years (5 years of management)"
contains "$(a coo_readiness 'join " ", map { $_->{text} } @{$a->{findings}}')" "5 years of management" "startup: the management-years cap is explained"
contains "$(a role_fit '$a->{band}')" "operations manager" "startup: operations manager now"
contains "$(top skills_gap 3)" "financial_management" "startup: budgeting among the top 3 gaps"

# --- a finance professional changing career
assess $samples/finance_career_changer.json
is "$(top industry_fit 1)" "finance" "finance: finance fits best"
is "$(a role_fit '$a->{band}')" "not yet ready for either role" "finance: not yet either role"
contains "$(a role_fit '$a->{details}{orientation}')" "strategic" "finance: strategic, not tactical"
contains "$(a role_fit 'join " ", map { $_->{recommendation} // "" } @{$a->{findings}}')" "operations management role first" "finance: told to go through operations"
contains "$(a industry_fit 'join " ", map { $_->{text} } @{$a->{findings}}')" "You want to work in Technology" "finance: the technology target is addressed"
is "$(a skills_gap 'join ",", grep { $_ eq "financial_management" } map { $_->{id} } @{$a->{ranking}}')" "" "finance: budgeting is not a gap"
contains "$(top skills_gap 6)" "process_management" "finance: managing processes is a top gap"

# --- a retail store-network manager
assess $samples/retail_network_manager.json
is "$(top industry_fit 1)" "retail" "retail: retail fits best"
is "$(a coo_readiness '$a->{band}')" "ready in 1-2 years" "retail: ready in 1-2 years"
contains "$(a coo_readiness 'join " ", map { $_->{text} } @{$a->{findings}}')" "executive level" "retail: no executive exposure named"

# --- a logistics director
assess $samples/logistics_director.json
is "$(top industry_fit 2)" "logistics,manufacturing" "logistics: logistics, then manufacturing"
is "$(a coo_readiness '$a->{band}')" "ready in 1-2 years" "logistics: ready in 1-2 years"

# --- a nearly empty profile
assess $samples/nearly_empty.json
is "$rc" 0 "empty: nothing crashes, nothing fails"
for name in coo_readiness industry_fit role_fit skills_gap; do
    is "$(a $name '$a->{band}')" "not enough information" "empty: $name says there is not enough information"
    is "$(a $name '$a->{confidence} < 0.5 ? "low" : "high"')" "low" "empty: $name confidence is low"
    is "$(a $name 'scalar @{$a->{missing}} > 0 ? "listed" : "none"')" "listed" "empty: $name lists what is missing"
done

# --- one input changes; the right score moves the right way
# edit FILE PERL: writes FILE with the Perl statement applied to $c, prints the new path
edit() {
    perl -MJSON::PP -e 'local $/; my $c = decode_json(<STDIN>); eval $ARGV[0]; die $@ if $@;
        print JSON::PP->new->canonical->encode($c)' "$2" <"$1" >"$tmp/edited.json"
    echo "$tmp/edited.json"
}
# moves LABEL FILE EDIT ASSESSMENT EXPR [down]: EXPR is higher (or lower) after EDIT
moves() {
    assess "$2"
    before=$(a "$4" "$5")
    assess "$(edit "$2" "$3")"
    after=$(a "$4" "$5")
    if [ "${6:-up}" = same-or-up ]; then
        ok "$(perl -e 'exit !($ARGV[1] >= $ARGV[0])' "$before" "$after"; echo $?)" "$1 ($before -> $after)"
    elif [ "${6:-up}" = down ]; then
        ok "$(perl -e 'exit !($ARGV[1] < $ARGV[0])' "$before" "$after"; echo $?)" "$1 ($before -> $after)"
    else
        ok "$(perl -e 'exit !($ARGV[1] > $ARGV[0])' "$before" "$after"; echo $?)" "$1 ($before -> $after)"
    fi
}
crit() { echo "(grep { \$_->{id} eq '$1' } @{\$a->{criteria}})[0]{score}"; }

# Education weighs 5 of 100, and scores are whole numbers: an MBA may not move the total.
moves "adding an MBA never lowers COO readiness" $samples/hospital_administrator.json \
    '$c->{education}{mba} = JSON::PP::true' coo_readiness '$a->{score}' same-or-up
moves "... through the education criterion" $samples/hospital_administrator.json \
    '$c->{education}{mba} = JSON::PP::true' coo_readiness "$(crit education)"
moves "five more years of management raise COO readiness" $samples/startup_head_of_operations.json \
    '$c->{experience}{management_years} += 5; $c->{experience}{total_years} += 5' coo_readiness '$a->{score}'
coo_fit='(grep { $_->{id} eq "coo" } @{$a->{ranking}})[0]{score}'
moves "... and the COO fit in role_fit" $samples/startup_head_of_operations.json \
    '$c->{experience}{management_years} += 5; $c->{experience}{total_years} += 5' role_fit "$coo_fit"
moves "raising strategic planning closes that gap" $samples/new_ops_manager.json \
    '$c->{skills}{strategic_planning} = 4' skills_gap "$(crit strategic_planning)"
moves "... and raises the skills score" $samples/new_ops_manager.json \
    '$c->{skills}{strategic_planning} = 4' skills_gap '$a->{score}'
moves "years in healthcare raise healthcare fit" $samples/finance_career_changer.json \
    '$c->{industries}{healthcare} = 5; $c->{experience}{total_years} += 5' industry_fit \
    '(grep { $_->{id} eq "healthcare" } @{$a->{ranking}})[0]{score}'
moves "owning a P&L raises COO scope" $samples/logistics_director.json \
    '$c->{scope}{pnl_owner} = JSON::PP::true' coo_readiness "$(crit scope)"
moves "wanting fewer hours lowers personal fit" $samples/vp_operations.json \
    '$c->{preferences}{max_weekly_hours} = 40' coo_readiness "$(crit personal_fit)" down
moves "losing hiring authority lowers the COO fit" $samples/retail_network_manager.json \
    '$c->{scope}{hiring_authority} = JSON::PP::false' role_fit "$coo_fit" down
assess "$(edit $samples/vp_operations.json '$c->{preferences}{max_weekly_hours} = 40')"
contains "$(a coo_readiness 'join " ", map { $_->{text} } @{$a->{findings}}')" "at most 40 hours" "wanting 40 hours is named as a risk"
assess "$(edit $samples/new_ops_manager.json 'delete $c->{skills}{leadership}')"
contains "$(a skills_gap 'join ",", @{$a->{missing}}')" "skills.leadership" "an unrated skill is listed as missing"
contains "$(a skills_gap '(grep { $_->{id} eq "leadership" } @{$a->{criteria}})[0]{evidence}')" "counted as 0: not rated" "... and says it counts as 0"

# --- parameters
assess $samples/vp_operations.json --set industry_fit.industry=healthcare
is "$(a industry_fit 'scalar @{$a->{ranking}}')" "1" "industry parameter limits the ranking to one"
is "$(a industry_fit '$a->{ranking}[0]{id}')" "healthcare" "... to that industry"
run assess --set industry_fit.industry=space $samples/vp_operations.json
is "$rc" 2 "an unknown industry is a usage error"
assess $samples/vp_operations.json --set skills_gap.role=cfo
is "$(a skills_gap '$a->{status}')" "error" "an unknown role profile is an error result"
contains "$(a skills_gap '$a->{error}{message}')" "no role profile data/roles/cfo.json" "... that names the missing file"

# --- determinism: byte-exact snapshots (hashes masked: native builds differ by machine)
for f in $samples/*.json; do
    name=$(basename "$f" .json)
    run assess --format json "$f"
    printf '%s\n' "$out" | sed 's/"source_sha256":\t"[0-9a-f]*"/"source_sha256":\t"<sha256>"/; s/"fingerprint":\t"[0-9a-f]*"/"fingerprint":\t"<fingerprint>"/' >"$tmp/$name.json"
    if cmp -s "$tmp/$name.json" "tests/snapshots/$name.json"; then ok 0 "snapshot $name"; else
        ok 1 "snapshot $name (scripts/update-snapshots after an intended change)"
        diff "tests/snapshots/$name.json" "$tmp/$name.json" | head -20 | sed 's/^/# /'
    fi
done
run assess --format json $samples/vp_operations.json
plugdir=$(dirname "$CADRE_BIN")/plugins
for r in coo_readiness industry_fit role_fit skills_gap; do
    is "$(json "(grep { \$_->{name} eq '$r' } @{\$j->{reports}[0]{assessments}})[0]{source_sha256}")" \
       "$(sha256sum "$plugdir/$r.so" | cut -d' ' -f1)" "$r: the report's hash is the plugin file's SHA-256"
done
done_testing
