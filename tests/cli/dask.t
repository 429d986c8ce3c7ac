#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre batch on a Dask cluster (scripts/cadre-dask, docs/scale.md): a scheduler and two
# workers on loopback assess 20,000 candidates, and the merged output is the single-machine
# run's, record for record; a pinned fingerprint that the workers' plugins do not have stops
# the run.
. "$(dirname "$0")/lib.sh"

if ! /usr/bin/python3 -c 'import distributed' 2>/dev/null || [ ! -x /usr/bin/dask-scheduler ]; then
    echo "1..0 # SKIP Dask (python3-distributed) is not installed: scripts/install-deps --test"
    exit 0
fi

# 20,000 candidates: 2,000 generated ones ten times over with distinct ids, and two bad lines
# far into the file, whose records must name their line in the whole file.
scripts/gen-candidates 2000 21 >"$tmp/base.jsonl"
perl -ne 'BEGIN { @l = <STDIN> } END {
    for my $k (0 .. 9) { for (@l) { my $x = $_; $x =~ s/"id":"gen-(\d+)"/"id":"gen-$k-$1"/; print $x } } }' \
    <"$tmp/base.jsonl" >"$tmp/in.jsonl"
perl -i -pe 'print "{\"id\": \"bad-12345\", \"skills\": {\"leadership\": 9}}\n" if $. == 12345;
             print "not json\n" if $. == 17001' "$tmp/in.jsonl"
is "$(wc -l <"$tmp/in.jsonl" | tr -d ' ')" "20002" "20,000 candidates and two bad lines"

cd "$tmp" || exit 1
/usr/bin/dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard \
    --scheduler-file "$tmp/sched.json" >"$tmp/scheduler.log" 2>&1 &
sched=$!
i=0
while [ ! -s "$tmp/sched.json" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
for w in 1 2; do
    /usr/bin/dask-worker --scheduler-file "$tmp/sched.json" --host 127.0.0.1 --nthreads 1 \
        --no-dashboard --name "w$w" >"$tmp/worker$w.log" 2>&1 &
    eval "worker$w=\$!"
done
trap 'kill $sched $worker1 $worker2 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
/usr/bin/python3 -c 'import sys; from distributed import Client
c = Client(scheduler_file=sys.argv[1], timeout=60); c.wait_for_workers(2, timeout=60); c.close()' \
    "$tmp/sched.json" 2>"$tmp/wait.log"
ok $? "a scheduler and two workers are up on loopback" || diag "$(tail -5 "$tmp/wait.log")"
cd "$root" || exit 1

"$root/scripts/cadre-dask" --scheduler-file "$tmp/sched.json" --cadre "$CADRE_BIN" --lines 1500 \
    "$tmp/in.jsonl" "$tmp/dask.jsonl" -- --detail scores >"$tmp/out" 2>"$tmp/err"
is "$?" "3" "the distributed run exits as cadre batch does with two bad lines (3)"
contains "$(cat "$tmp/err")" "14 shards written" "14 shards of 1,500 lines"
"$CADRE_BIN" batch --detail scores "$tmp/in.jsonl" >"$tmp/single.jsonl" 2>/dev/null
is "$(wc -l <"$tmp/dask.jsonl" | tr -d ' ')" "20002" "a record per line"
ids() { perl -MJSON::PP -ne 'my $j = decode_json($_); print(($j->{candidate}{id} // "null") . " " . $j->{candidate}{source} . "\n")' "$1"; }
ids "$tmp/dask.jsonl" | sort >"$tmp/ids-dask"
ids "$tmp/single.jsonl" | sort >"$tmp/ids-single"
cmp -s "$tmp/ids-dask" "$tmp/ids-single"
ok $? "the same ids and sources as the single-machine run"
if cmp -s "$tmp/dask.jsonl" "$tmp/single.jsonl"; then
    ok 0 "record for record, in the same order, the same bytes as the single-machine run"
else
    ok 1 "record for record, in the same order, the same bytes as the single-machine run"
    diag "$(diff "$tmp/dask.jsonl" "$tmp/single.jsonl" | head -c 600)"
fi
contains "$(grep bad-12345 "$tmp/dask.jsonl")" "in.jsonl:12345" "a bad line's record names its line in the whole file"
is "$(cut -d' ' -f1 "$tmp/ids-dask" | sort | uniq -d | wc -l | tr -d ' ')" "0" "no record twice"

# A run pinned to plugins the workers do not have is refused, shard by shard, and stops.
"$root/scripts/cadre-dask" --scheduler-file "$tmp/sched.json" --cadre "$CADRE_BIN" --lines 5000 \
    --fingerprint 0000000000000000000000000000000000000000000000000000000000000000 \
    "$tmp/in.jsonl" "$tmp/pinned.jsonl" >"$tmp/out" 2>"$tmp/err"
is "$?" "4" "a fingerprint the workers' plugins lack stops the run (4)"
contains "$(cat "$tmp/err")" "not the 0000000000000000000000000000000000000000000000000000000000000000 expected" \
    "... saying which fingerprint the worker has"
[ ! -e "$tmp/pinned.jsonl" ]
ok $? "and writes no output file"
done_testing
