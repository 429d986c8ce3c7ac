#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# cadre audit: a bias audit of batch results (core/cli/audit.c, docs/audit.md) on a generated
# population of 1,200 (tests/properties/people.py) with a disparity planted in one criterion:
# people labelled B have 10% of the management years they would have had (and no more
# executive years than management years). Written down before the audit ran: coo_readiness
# must flag B on the selection rate (ready now or in 1-2 years: the management years gate it)
# and give B the lowest scoring ratio, and name "Management experience" first among the
# criteria behind the gap; the region labels, drawn at random, must flag nothing; a group
# of 10 (under 2%) is not judged; every number is recomputed here from the records.
import csv, io, json, os, random, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import cadre, done, env, ok, root, run  # noqa: E402
import people as gen  # noqa: E402
tmp = tempfile.mkdtemp()


rng = random.Random(12)
size = int(os.environ.get("CADRE_AUDIT_PEOPLE", "1200"))
people = gen.people(size, seed=12)
small = max(3, size // 120)  # under 1% of the sample
rows = []
for i, p in enumerate(people):
    p["id"] = "p%04d" % i
    sex = "other" if i < small else rng.choice(["A", "B"])
    region = rng.choice(["north", "south", "east"])
    e = p.get("experience", {})
    if sex == "B" and "management_years" in e:
        e["management_years"] = round(e["management_years"] * 0.1, 1)
        if e.get("executive_years", 0) > e["management_years"]:
            e["executive_years"] = e["management_years"]
    rows.append((p["id"], sex, region))
lines = "".join(json.dumps(p) + "\n" for p in people)
results, rc, err = run("batch", "-j", "2", "--no-user-plugins", "-", stdin=lines)
ok(rc == 0, "batch: %d people assessed" % len(people), [err[-300:]])
res_path = os.path.join(tmp, "results.jsonl")
dropped = {rows[k][0] for k in range(small + 10, small + 15)}  # five candidates without a group row
open(res_path, "w").write(results + "this is not a record\n")
grp_path = os.path.join(tmp, "groups.csv")
with open(grp_path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "sex", "region"])
    for r in rows:
        if r[0] not in dropped:
            w.writerow(r)

out, rc, err = run("audit", res_path, "--groups", grp_path, "--format", "json",
                   "--select", "coo_readiness=ready now,ready in 1-2 years")
ok(rc == 0, "audit --format json", [err])
doc = json.loads(out)
a = {x["name"]: x for x in doc["assessments"]}
inp = doc["inputs"]
ok(inp["without_a_group_row"]["count"] == 5 and len(inp["without_a_group_row"]["first_lines"]) == 5,
   "five records without a group row are counted and their lines named",
   [json.dumps(inp["without_a_group_row"])])
ok(inp["not_records"]["count"] == 1 and inp["not_records"]["first_lines"] == [len(people) + 1],
   "a line that is not a record is counted and named")

def table(name, cat):
    return [t for t in a[name]["tables"] if t["category"] == cat][0]

def group(t, g):
    return [x for x in t["groups"] if x["group"] == g][0]

sex = table("coo_readiness", "sex")
B, A = group(sex, "B"), group(sex, "A")
ok(B["selection_flag"] and not A["selection_flag"] and not A["scoring_flag"] and
   B["scoring_impact_ratio"] < 0.9 and B["scoring_impact_ratio"] < A["scoring_impact_ratio"],
   "coo_readiness: the planted group B is flagged (selection impact ratio %s; scoring %s), A "
   "is not" % (B["selection_impact_ratio"], B["scoring_impact_ratio"]))
behind = B.get("criteria_behind_gap", [])
ok(behind and behind[0]["criterion"] == "management",
   "... and the gap is put down to Management experience first",
   [json.dumps(behind)])
ok(B["selection_p_value"] < 0.001,
   "... and not by chance: p = %s (two-proportion z-test)" % B["selection_p_value"])
ok(B["mean_score"] < A["mean_score"] - 4,
   "... its mean score is lower (%s against %s)" % (B["mean_score"], A["mean_score"]))
other = group(sex, "other")
ok(other["too_small"] and other["scoring_impact_ratio"] is None and not other["scoring_flag"],
   "a group of %d (under 2%%) is not judged" % small)
region = table("coo_readiness", "region")
if size >= 1000:  # with fewer people (memcheck runs 300) chance alone can cross 0.8
    ok(not any(g["scoring_flag"] or g.get("selection_flag") for g in region["groups"]),
       "random region labels: nothing flagged",
       [json.dumps([(g["group"], g["scoring_impact_ratio"]) for g in region["groups"]])])
else:
    ok(1, "# SKIP random labels need 1,000 people to stay clear of 0.8 by chance")
inter = table("coo_readiness", "intersection")
ok(any(g["group"] == "B / north" for g in inter["groups"]), "the intersection of sex and region")

# --- every number recomputed here from the records and the groups file
recs = [json.loads(l) for l in results.splitlines()]
label = {r[0]: r[1] for r in rows if r[0] not in dropped}
scores = []
for r in recs:
    if r["candidate"]["id"] not in label:
        continue
    x = [s for s in r["assessments"] if s["name"] == "coo_readiness"][0]
    if x["status"] == "ok" and x["band"] != "not enough information":
        scores.append((label[r["candidate"]["id"]], x["score"], x["band"]))
vals = sorted(s for _, s, _ in scores)
m = len(vals)
median = vals[m // 2] if m % 2 else (vals[m // 2 - 1] + vals[m // 2]) / 2
rate = {}
for g in ("A", "B", "other"):
    mine = [s for l, s, _ in scores if l == g]
    rate[g] = sum(1 for s in mine if s > median) / len(mine)
best = max(rate[g] for g in ("A", "B"))
mismatch = []
if a["coo_readiness"]["median_score"] != round(median, 1):
    mismatch.append("median %s, here %s" % (a["coo_readiness"]["median_score"], median))
for g in ("A", "B"):
    if abs(group(sex, g)["scoring_rate"] - rate[g]) > 1e-4:
        mismatch.append("%s rate %s, here %s" % (g, group(sex, g)["scoring_rate"], rate[g]))
    if abs(group(sex, g)["scoring_impact_ratio"] - rate[g] / best) > 1e-3:
        mismatch.append("%s ratio %s, here %s" % (g, group(sex, g)["scoring_impact_ratio"],
                                                  rate[g] / best))
ok(not mismatch, "the median, rates and impact ratios recomputed from the records agree", mismatch)

# --- text and HTML
out, rc, _ = run("audit", res_path, "--groups", grp_path, "--select",
                 "coo_readiness=ready now,ready in 1-2 years")
brow = [l for l in out.splitlines() if l.startswith("  B ")]
ok(rc == 0 and brow and "0.000!" in brow[0],
   "text: B's row carries the ! of the four-fifths rule", brow or [out[:1500]])
ok("B, against A: Management experience" in out, "... and the criteria behind it")
out, rc, _ = run("audit", res_path, "--groups", grp_path, "--format", "html")
ok(rc == 0 and out.startswith("<!DOCTYPE html>") and "<script" not in out and
   "default-src 'none'" in out, "html: a self-contained page without script")
m = re.search(r'data-group="B" data-ratio="([\d.]+)"', out)
ok(m is not None and abs(float(m.group(1)) - B["scoring_impact_ratio"]) < 1e-3,
   "... whose chart shows B's impact ratio")

# --- scores-only records: rates, but no criteria to attribute (and it says so)
lean, rc, _ = run("batch", "--detail", "scores", "--no-user-plugins", "-", stdin=lines)
lean_path = os.path.join(tmp, "lean.jsonl")
open(lean_path, "w").write(lean)
out, rc, _ = run("audit", lean_path, "--groups", grp_path)
ok(rc == 0 and "run cadre batch with --detail full" in out,
   "--detail scores records: the audit says criteria need --detail full")

# --- bad input
out, rc, err = run("audit", res_path)
ok(rc == 2 and "--groups CSV is required" in err, "no --groups: usage error")
bad = os.path.join(tmp, "bad.csv")
open(bad, "w").write("candidate,sex\np1,A\n")
out, rc, err = run("audit", res_path, "--groups", bad)
ok(rc == 3 and "first row must name the columns: id" in err, "a groups file without an id column")
open(bad, "w").write("id,sex\np0001,A\np0001,B\n")
out, rc, err = run("audit", res_path, "--groups", bad)
ok(rc == 3 and "lines 2 and 3: the id 'p0001' twice" in err, "a duplicate id, with both lines")
open(bad, "w").write('id,sex\np1,"A\n')
out, rc, err = run("audit", res_path, "--groups", bad)
ok(rc == 3 and "quoted field is not closed" in err, "an unclosed quote")
out, rc, err = run("audit", os.path.join(tmp, "missing.jsonl"), "--groups", grp_path)
ok(rc == 3 and "missing.jsonl" in err, "missing results: exit 3, named")
out, rc, err = run("audit", res_path, "--groups", grp_path, "--threshold", "coo_readiness=high")
ok(rc == 2 and "a score from 0 to 100" in err, "a threshold that is not a score")

# --- the profile refuses the labels themselves
out, rc, err = run("validate", "-", stdin='{"name": "A", "gender": "female"}')
ok(rc == 3 and "protected characteristic" in out + err and "cadre audit --groups" in out + err,
   "a profile with gender is refused, saying where group labels belong")

done()
