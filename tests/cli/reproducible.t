#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Reproducible by construction (docs/audit.md): the same candidates, plugins and parameters give
# byte-identical records, whatever the order the candidates come in, however the batch is split,
# with one thread or four, in any locale and time zone. 400 generated people and the samples.
import glob, json, os, random, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import cadre, done, env, ok, root, run  # noqa: E402
import people as gen  # noqa: E402

def batch(lines, *args, environ=None):
    p = subprocess.run([cadre, "batch", "--no-user-plugins", *args, "-"], input=lines,
                       capture_output=True, text=True, env=environ or env)
    return p.stdout

people = gen.people(int(os.environ.get("CADRE_REPRO_PEOPLE", "400")), seed=13)
for i, p in enumerate(people):
    p["id"] = "r%04d" % i
for s in sorted(glob.glob("docs/examples/candidates/*.json")):
    p = json.load(open(s))
    p.pop("$schema", None)
    people.append(p)
lines = [json.dumps(p) + "\n" for p in people]
forwards = batch("".join(lines), "-j", "1")
out = forwards.splitlines()
ok(len(out) == len(people), "%d records, one per line" % len(out))

for j in ("2", "4"):
    ok(batch("".join(lines), "-j", j) == forwards, "-j %s: byte-identical to -j 1" % j)

# Split in two, the second half numbered from where it starts: the halves join to the whole.
half = len(lines) // 2
joined = batch("".join(lines[:half]), "-j", "2") + \
    batch("".join(lines[half:]), "-j", "2", "--line-offset", str(half))
ok(joined == forwards, "two halves (--line-offset) join to the same bytes")

# Shuffled: each record is the same but for its source line.
def by_id(text):
    recs = {}
    for l in text.splitlines():
        r = json.loads(l)
        r["candidate"]["source"] = None
        recs[r["candidate"]["id"]] = json.dumps(r, sort_keys=True)
    return recs
order = list(range(len(lines)))
random.Random(5).shuffle(order)
shuffled = batch("".join(lines[i] for i in order), "-j", "2")
a, b = by_id(forwards), by_id(shuffled)
diff = [k for k in a if a[k] != b.get(k)]
ok(not diff and len(a) == len(b), "shuffled: every record the same (its source line aside)", diff[:5])

# The sources differ only by line number.
ok(all(json.loads(x)["candidate"]["source"] == "<stdin>:%d" % (i + 1)
       for i, x in enumerate(out)), "each record's source names its line")

# Locale, time zone, and a polluted environment change nothing.
locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
for loc in ("de_DE.UTF-8", "fr_FR.UTF-8"):
    if loc.lower().replace("-", "") in locales.replace("-", ""):
        ok(batch("".join(lines), "-j", "2", environ=dict(env, LC_ALL=loc, LANG=loc, TZ="Pacific/Chatham")) == forwards,
           "LC_ALL=%s, TZ=Pacific/Chatham: byte-identical" % loc)
    else:
        ok(1, "# SKIP %s is not generated (scripts/install-deps --test)" % loc)

# The fingerprint and the candidate's hash are in every record, and the same in every run.
fps = {json.loads(x)["fingerprint"] for x in out}
ok(len(fps) == 1 and all(len(json.loads(x)["candidate"]["sha256"]) == 64 for x in out),
   "one fingerprint for the run; a SHA-256 for each candidate")
# Two files that say the same in different words (key order, number form, skill form) are
# the same candidate.
p1 = '{"id": "x", "experience": {"total_years": 12, "management_years": 6.0}, "skills": {"leadership": 4}}'
p2 = '{"skills": {"leadership": {"level": 4}}, "experience": {"management_years": 6, "total_years": 1.2e1}, "id": "x"}'
h = [json.loads(batch(p + "\n"))["candidate"]["sha256"] for p in (p1, p2)]
ok(h[0] == h[1], "the same profile written two ways has one SHA-256 (canonical form)")

# assess: the same file twice, in every format, the same bytes.
for fmt in ("text", "json", "html"):
    runs = [subprocess.run([cadre, "assess", "--no-user-plugins", "--format", fmt, "--color",
                            "never", "docs/examples/candidates/logistics_director.json"],
                           capture_output=True, env=env).stdout for _ in range(2)]
    ok(runs[0] == runs[1] and runs[0], "assess --format %s: the same bytes twice" % fmt)

done()
