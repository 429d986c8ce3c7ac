#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# cadre diff: the impact of a rubric change before it is deployed. The Lua form of industry_fit
# (tests/parity) against a copy whose weights move 20 points from years in the industry to
# what the industry demands. Written down before running: many candidates change band, the
# criteria driving it are "years" (down) and "demands" (up) and no other, and the same folder
# against itself changes nothing. Every count is recomputed here from two batch runs.
import json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import cadre, done, env, ok, root, run  # noqa: E402
import people as gen  # noqa: E402
tmp = tempfile.mkdtemp()


old, new = os.path.join(tmp, "old"), os.path.join(tmp, "new")
for d in (old, new):
    os.makedirs(d)
    shutil.copy("tests/parity/industry_fit.lua", d)
    shutil.copytree("plugins/data", os.path.join(d, "data"))
src = open(os.path.join(new, "industry_fit.lua")).read()
changed = src.replace("years = 45, demands = 35", "years = 25, demands = 55")
ok(changed != src, "the planted change applies to the rubric")
open(os.path.join(new, "industry_fit.lua"), "w").write(changed)
people = gen.people(int(os.environ.get("CADRE_DIFF_PEOPLE", "200")), seed=3)
for i, p in enumerate(people):
    p["id"] = "d%03d" % i
cands = os.path.join(tmp, "c.jsonl")
open(cands, "w").write("".join(json.dumps(p) + "\n" for p in people) + "{not json\n")

out, rc, err = run("diff", old, new, "--on", cands, "--format", "json")
ok(rc == 3 and "not a valid candidate" in err, "a bad line is named (exit 3), the rest compared",
   [err])
doc = json.loads(out)
a = doc["assessments"][0]
ok(doc["lines"] == len(people) and doc["invalid_lines"] == 1 and a["compared"] == len(people),
   "%d candidates compared, 1 line left out" % a["compared"])
drivers = [c["criterion"] for c in a["criteria_driving"]]
ok(set(drivers) == {"years", "demands"},
   "the criteria driving the change are years and demands, and no other", [json.dumps(drivers)])
ys = {c["criterion"]: c["mean_points"] for c in a["criteria_driving"]}
ok(ys.get("years", 0) < 0 < ys.get("demands", 0), "... years down, demands up")

# Recomputed from two batch runs of the same candidates.
def bands(d):
    o, _, _ = run("batch", "--no-builtin-plugins", "--no-user-plugins", "-P", d, "-a",
                  "industry_fit", cands)
    return [json.loads(l) for l in o.splitlines()]
ra, rb = bands(old), bands(new)
pairs = [(x["assessments"][0], y["assessments"][0]) for x, y in zip(ra, rb) if "error" not in x]
changed_band = sum(1 for x, y in pairs if x["band"] != y["band"])
up = sum(1 for x, y in pairs if y["score"] - x["score"] > 0.05)
ok(a["band_changed"] == changed_band and a["score_up"] == up and changed_band > len(people) // 10,
   "band changes (%d) and moves up (%d) agree with two batch runs" % (changed_band, up),
   ["diff: %s %s" % (a["band_changed"], a["score_up"])])
ok(sum(a["transitions"].values()) == changed_band, "... and the transitions add up to them")
big = max(abs(y["score"] - x["score"]) for x, y in pairs)
ok(a["largest_moves"] and abs(abs(a["largest_moves"][0]["new_score"] - a["largest_moves"][0]["old_score"]) - big) < 1e-9,
   "the largest move listed first is the largest there is (%g points)" % big)

out, rc, _ = run("diff", old, old, "--on", cands, "--format", "json")
a = json.loads(out)["assessments"][0]
ok(a["band_changed"] == 0 and a["score_up"] == 0 and a["score_down"] == 0 and
   not a["largest_moves"] and not a["criteria_driving"], "a folder against itself: no change")

out, rc, _ = run("diff", old, new, "--on", cands)
ok("band changed for %d" % changed_band in out and "largest moves:" in out, "the text report")

# a plugin only one folder has
shutil.copy("tests/parity/skills_gap.lua", new)
out, rc, _ = run("diff", old, new, "--on", cands)
ok("skills_gap: only in NEW_DIR" in out, "a plugin only in one folder is named")

out, rc, err = run("diff", old, new)
ok(rc == 2 and "--on CANDIDATES is required" in err, "no --on: usage error")
empty = os.path.join(tmp, "empty")
os.makedirs(empty)
out, rc, err = run("diff", old, empty, "--on", cands)
ok(rc == 4 and "no plugins" in err, "an empty folder: exit 4")

done()
