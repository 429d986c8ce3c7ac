#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre batch as a pipeline stage: -j, input order, bounded work in flight, --detail,
# --keep-going, the progress line (on a terminal only), ids in error records, co-process use.
. "$(dirname "$0")/lib.sh"

# 120 generated candidates with bad lines among them (each kind of problem once).
scripts/gen-candidates 120 11 >"$tmp/good.jsonl"
awk 'NR == 40 { print "{\"id\": \"bad-level\", \"skills\": {\"leadership\": 9}}" }
     NR == 70 { print "not json at all" }
     NR == 90 { print "" }
     NR == 100 { print "{\"id\": \"esc\\u001b[2J\", \"skills\": \"none\"}" }
     { print }' "$tmp/good.jsonl" >"$tmp/in.jsonl"
lines=$(grep -c . "$tmp/in.jsonl")

# ids FILE: the candidate id of each record, in order; in_ids FILE: the id of each input line.
ids() { perl -MJSON::PP -ne 'my $j = decode_json($_); print(($j->{candidate}{id} // "null"), "\n")' "$1"; }
# (a line that is not JSON, or whose id has control characters, has none in its record)
in_ids() { perl -MJSON::PP -ne 'next unless /\S/; my $j = eval { decode_json($_) };
    my $id = ref $j ? $j->{id} : undef; $id = undef if defined $id && $id =~ /[\x00-\x1f]/;
    print(($id // "null"), "\n")' "$1"; }
# record N: the record whose source is line N of the input
record() { grep "\"source\":\"$tmp/in.jsonl:$1\"" "$tmp/j1"; }

run batch -j 1 "$tmp/in.jsonl"
cp "$tmp/out" "$tmp/j1"
is "$rc" 3 "-j 1: bad lines give exit 3"
is "$(grep -c . "$tmp/j1")" "$lines" "-j 1: a record per non-blank line"
for j in 2 3 8; do
    run batch -j "$j" "$tmp/in.jsonl"
    if cmp -s "$tmp/out" "$tmp/j1"; then ok 0 "-j $j writes the same bytes as -j 1"; else
        ok 1 "-j $j writes the same bytes as -j 1"
        diag "$(diff "$tmp/out" "$tmp/j1" | head -5)"
    fi
done
ids "$tmp/j1" >"$tmp/ids-out"
in_ids "$tmp/in.jsonl" >"$tmp/ids-in"
if cmp -s "$tmp/ids-out" "$tmp/ids-in"; then ok 0 "every record carries its line's id, in input order"; else
    ok 1 "every record carries its line's id, in input order"
    diag "$(diff "$tmp/ids-out" "$tmp/ids-in" | head -5)"
fi
out=$(record "$(grep -n bad-level "$tmp/in.jsonl" | cut -d: -f1)")
is "$(json '$j->{candidate}{id}')" "bad-level" "an invalid candidate's record carries its id"
out=$(record "$(grep -n 'not json' "$tmp/in.jsonl" | cut -d: -f1)")
is "$(json '$j->{candidate}{id}')" "undef" "a line that is not JSON has a null id"
out=$(record "$(grep -n 'u001b' "$tmp/in.jsonl" | cut -d: -f1)")
is "$(json '$j->{candidate}{id}')" "undef" "an id with control characters is not copied"
contains "$err" "not valid candidates (first: line 40)" "a summary line names the first bad line"
is "$(printf '%s\n' "$err" | grep -c 'expected an integer 0..5')" "1" "each bad line is reported once"

run batch -j 2 --keep-going "$tmp/in.jsonl"
is "$rc" 0 "--keep-going: exit 0 despite bad lines"
contains "$err" "assessed, 3 not valid candidates" "--keep-going: the summary counts them"
run batch --keep-going "$tmp/good.jsonl"
contains "$err" "120 lines: 120 assessed" "--keep-going: a summary even when all went well"

run batch -j 2 --detail scores "$tmp/good.jsonl"
out=$(sed -n 1p "$tmp/out")
is "$(json '$j->{detail}')" "scores" "--detail scores marks the record"
is "$(json 'join ",", sort keys %{$j->{assessments}[0]}')" "band,name,score,status" \
   "--detail scores: name, status, score and band"
run batch -j 2 --detail summary "$tmp/good.jsonl"
out=$(sed -n 1p "$tmp/out")
is "$(json 'join ",", sort keys %{$j->{assessments}[0]}')" \
   "band,confidence,name,score,status,summary,title,version" "--detail summary: the summary fields"
run batch -j 1 "$tmp/good.jsonl"
cp "$tmp/out" "$tmp/full"
run batch -j 2 --detail full "$tmp/good.jsonl"
cmp -s "$tmp/out" "$tmp/full"
ok $? "--detail full writes the ordinary records"

run batch -j 0 "$tmp/good.jsonl"
is "$rc" 2 "-j 0 is a usage error"
contains "$err" "--jobs must be a whole number from 1 to 256" "... saying what is allowed"
run batch --detail everything "$tmp/good.jsonl"
is "$rc" 2 "an unknown --detail is a usage error"
run batch -j 2 -a nonexistent "$tmp/good.jsonl"
is "$rc" 4 "-a with an unknown assessment: exit 4"
is "$(printf '%s\n' "$err" | grep -c "no assessment 'nonexistent'")" "1" "... said once, not once per worker"

# No progress line in a pipe; with --progress always, one that ends with the totals.
run batch "$tmp/good.jsonl"
lacks "$err" "done" "no progress line when stderr is not a terminal"
run batch --progress always "$tmp/good.jsonl"
contains "$err" "cadre batch: 120 done in" "--progress always: a final line with the count"

# A co-process: each record comes back before the input ends.
if command -v bash >/dev/null; then
    reply=$(CADRE_BIN="$CADRE_BIN" bash -c '
        coproc C { "$CADRE_BIN" batch -j 2 --detail scores; }
        sed -n 1p "$1" >&"${C[1]}"
        read -t 20 -r a <&"${C[0]}" || a=none
        sed -n 2p "$1" >&"${C[1]}"
        read -t 20 -r b <&"${C[0]}" || b=none
        exec {C[1]}>&-
        wait
        printf "%s\n%s\n" "$a" "$b"' _ "$tmp/good.jsonl")
    out=$(printf '%s\n' "$reply" | sed -n 2p)
    is "$(json '$j->{candidate}{id}')" "$(in_ids "$tmp/good.jsonl" | sed -n 2p)" \
       "co-process: the second record arrives while the input is still open"
fi

# On a terminal the progress line appears by itself (tmux gives the program a real terminal).
if command -v tmux >/dev/null; then
    sock="$tmp/tmux.sock"
    tmux -S "$sock" new-session -d -x 150 -y 20 "sh" 2>/dev/null
    tmux -S "$sock" send-keys "'$CADRE_BIN' batch -j 2 '$tmp/good.jsonl' >/dev/null; echo EXIT=\$?" Enter
    i=0
    while [ $i -lt 200 ]; do
        screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
        case "$screen" in *EXIT=[0-9]*) break ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    tmux -S "$sock" kill-server 2>/dev/null
    contains "$screen" "cadre batch: 120 done in" "on a terminal: the progress line, left with the totals"
    contains "$screen" "EXIT=0" "on a terminal: the run succeeds"
fi
done_testing
